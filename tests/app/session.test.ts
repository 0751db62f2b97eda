import { AddinError } from "../../src/app/errors";
import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { PALETTE, sampleWorkbook, PLAN_SHEET, shownFills } from "../../src/core";
import { cellMap } from "../core/helpers";

describe("a session on a workbook", () => {
  test("Recalculate: one read and one write; the summary is the seed's", async () => {
    const host = new MemoryHost(sampleWorkbook());
    const s = new Session(host, "vi");
    const r = await s.run("recalc");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([host.reads, host.writes]).toEqual([1, 1]);
    expect(r.summary!.total).toEqual({
      max: 99.5,
      achieved: 84.87,
      gap: 14.63,
      percent: 85.3,
      bonus: 0,
      penalty: 0,
      final: null,
      self: null,
      adjustments: null,
      domainsAchieved: 84.87,
      selfDiff: null,
    });
    expect(r.result!.vi).toBe("Đã tính lại 27 dòng: 84,87 / 99,50 điểm, 19 tiêu chí chưa đạt.");
    // The highlight is live (conditional formats): what the user sees, not the cell's own fill.
    expect(shownFills(host.snapshot().active)[4][1]).toBe(PALETTE.zero);
    expect(host.snapshot().active.fills![4][1]).toBeNull();
  });

  test("undo gives back exactly the workbook before the last command", async () => {
    const host = new MemoryHost(sampleWorkbook());
    const s = new Session(host);
    const before = cellMap(host.snapshot().active);
    await s.run("recalc");
    expect(s.canUndo).toBe(true);
    const u = await s.undo();
    expect(u.ok).toBe(true);
    expect(cellMap(host.snapshot().active)).toEqual(before);
    expect(s.canUndo).toBe(false);
  });

  test("undo of the plan removes the sheet it made", async () => {
    const host = new MemoryHost(sampleWorkbook());
    const s = new Session(host);
    await s.run("plan");
    expect(host.snapshot().sheetNames).toContain(PLAN_SHEET);
    await s.undo();
    expect(host.snapshot().sheetNames).not.toContain(PLAN_SHEET);
  });

  test("undo is refused, with a message, when the user edited a cell the command wrote", async () => {
    const host = new MemoryHost(sampleWorkbook());
    const s = new Session(host);
    await s.run("assign");
    const snap = host.snapshot().active;
    const col = snap.values[2].indexOf("Cơ quan chủ trì tham mưu");
    const cell = host.model.sheet(snap.name).get(4, col);
    host.model.sheet(snap.name).set(4, col, { ...cell, value: "Phòng Nội vụ mới" });
    const u = await s.undo();
    expect(u.ok).toBe(false);
    expect(!u.ok && u.error.message.vi).toContain("không hoàn tác tự động được");
    expect(host.snapshot().active.values[4][col]).toBe("Phòng Nội vụ mới");
  });

  test("highlight never changes the sheet's own fills; clear-highlight takes the colour away", async () => {
    const ws = sampleWorkbook();
    ws.active.fills = ws.active.values.map((r, i) => r.map(() => (i === 4 ? "#DDEBF7" : null)));
    const host = new MemoryHost(ws);
    const s = new Session(host);
    await s.run("highlight");
    expect(shownFills(host.snapshot().active)[4][0]).toBe(PALETTE.zero);
    expect(host.snapshot().active.fills![4][0]).toBe("#DDEBF7");
    await s.run("clear-highlight");
    expect(host.snapshot().active.fills![4][0]).toBe("#DDEBF7");
    expect(shownFills(host.snapshot().active)[4][0]).toBe("#DDEBF7");
  });

  test("a host failure becomes a message and nothing is kept for undo", async () => {
    const host = new MemoryHost(sampleWorkbook());
    host.apply = async () => {
      throw new AddinError("protected", { sheet: "PAR" });
    };
    const s = new Session(host);
    const r = await s.run("recalc");
    expect(!r.ok && r.error.code).toBe("protected");
    expect(s.canUndo).toBe(false);
  });

  test("a typed host error gets the app's words, with its details", async () => {
    const host = new MemoryHost(sampleWorkbook());
    host.apply = async () => {
      throw new AddinError("protected", { sheet: "PAR INDEX 2023" });
    };
    const r = await new Session(host).run("assign");
    expect(!r.ok && r.error.message.vi).toBe(
      "Trang tính «PAR INDEX 2023» đang được bảo vệ (hoặc tệp chỉ cho xem) nên không ghi được thay đổi.",
    );
  });

  test("runAll runs the commands in order, one read and one write each, and stops at the first failure", async () => {
    const host = new MemoryHost(sampleWorkbook());
    const s = new Session(host, "vi", { undo: false });
    const rs = await s.runAll(["recalc", "assign", "plan"]);
    expect(rs.map((r) => r.ok)).toEqual([true, true, true]);
    expect([host.reads, host.writes]).toEqual([3, 3]);
    expect(s.canUndo).toBe(false); // no undo entry was kept
    expect(host.snapshot().sheetNames).toContain(PLAN_SHEET);

    const bare = new MemoryHost({
      active: { name: "Trống", top: 0, left: 0, values: [["xin chào"]] },
      sheetNames: ["Trống"],
    });
    const failed = await new Session(bare).runAll(["recalc", "assign"]);
    expect(failed).toHaveLength(1);
    expect(!failed[0].ok && failed[0].error.code).toBe("no-table");
    expect(bare.writes).toBe(0);
  });
});
