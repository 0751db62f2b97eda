import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { sampleWorkbook, PLAN_SHEET } from "../../src/core";
import { cellMap } from "../core/helpers";

describe("the session's undo history", () => {
  test("every command can be undone, newest first, each named in the list", async () => {
    const host = new MemoryHost(sampleWorkbook());
    const s = new Session(host, "vi");
    const before = cellMap(host.snapshot().active);
    await s.run("recalc");
    const afterRecalc = cellMap(host.snapshot().active);
    await s.run("assign");
    await s.run("plan");
    expect(s.undoHistory.map((h) => h.label.vi)).toEqual([
      "Lập kế hoạch khắc phục",
      "Điền cơ quan và giải pháp",
      "Tính lại",
    ]);
    const u1 = await s.undo();
    expect(u1.ok && u1.result?.vi).toBe("Đã hoàn tác: Lập kế hoạch khắc phục.");
    expect(host.snapshot().sheetNames).not.toContain(PLAN_SHEET);
    await s.undo();
    expect(cellMap(host.snapshot().active)).toEqual(afterRecalc);
    await s.undo();
    expect(cellMap(host.snapshot().active)).toEqual(before);
    expect(s.canUndo).toBe(false);
  });

  test("undoTo undoes every later command first, down to the one chosen", async () => {
    const host = new MemoryHost(sampleWorkbook());
    const s = new Session(host, "en");
    const before = cellMap(host.snapshot().active);
    await s.run("recalc");
    await s.run("assign");
    const oldest = s.undoHistory.at(-1)!;
    const r = await s.undoTo(oldest.id);
    expect(r.ok && r.result?.en).toBe("Undone 2 actions: Insert agencies and solutions; Recalculate.");
    expect(cellMap(host.snapshot().active)).toEqual(before);
    expect(s.undoHistory).toEqual([]);
  });

  test("listeners hear of each change to the history (the ribbon's commands reach the panel)", async () => {
    const s = new Session(new MemoryHost(sampleWorkbook()));
    const heard = jest.fn();
    const off = s.subscribe(heard);
    await s.run("recalc");
    await s.undo();
    off();
    await s.run("recalc");
    expect(heard).toHaveBeenCalledTimes(2);
  });

  test("preview says what a structural command will do, and writes nothing", async () => {
    const host = new MemoryHost(sampleWorkbook());
    const s = new Session(host, "vi");
    const p = await s.preview("recalc");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.say?.vi).toBe("Chèn 1 cột F, điền 27 dòng và tô màu lại 25 dòng chưa đạt.");
    expect(p.say?.en).toBe("Insert column F, fill 27 rows and recolour 25 unmet rows.");
    expect(host.writes).toBe(0);
    const plan = await s.preview("plan");
    expect(plan.ok && plan.say?.en).toBe(`Add the sheet «${PLAN_SHEET}».`);
  });

  test("a run reports the columns it inserted and the sheet it made", async () => {
    const s = new Session(new MemoryHost(sampleWorkbook()), "vi");
    const a = await s.run("recalc");
    expect(a.ok && a.changed?.columns).toEqual({ sheet: "PAR INDEX 2023", at: 5, count: 1, letters: "F" });
    const p = await s.run("plan");
    expect(p.ok && p.changed?.sheet).toBe(PLAN_SHEET);
  });
});
