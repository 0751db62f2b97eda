// The Office host's read beyond the criteria sheet: probes of the other visible sheets (in the same
// request), protection in the snapshot, read({ sheet }), and a read memo owned by each ExcelHost.
import { ExcelHost } from "../../../src/hosts/office/host";
import { prepare } from "../../../src/core/prepare";
import { PROBE_ROWS, type CellValue, type SheetSnapshot } from "../../../src/core/types";
import type { FakeExcel, FakeOptions } from "./fake";
import { criteriaRows, installFake, sheetFrom, workbookOf } from "./helpers";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function setup(others: SheetSnapshot[], extraNames: string[] = [], opts: FakeOptions = {}): FakeExcel {
  const { fake, done } = installFake(workbookOf(sheetFrom(criteriaRows(8)), others, extraNames), opts);
  uninstall = done;
  return fake;
}

const notes = (name: string, rows: number): SheetSnapshot =>
  sheetFrom(
    Array.from({ length: rows }, (_, r): CellValue[] => [`${name} ${r + 1}`, r]),
    { name, top: 1, left: 2 },
  );

describe("probes", () => {
  test("the first rows of every other visible sheet the add-in does not own, in the read request (after learning the names)", async () => {
    const plan = sheetFrom([["Nhiệm vụ"], ["x"]], { name: "Kế hoạch khắc phục" });
    const fake = setup([notes("Ghi chú", 100), notes("Ẩn", 5), plan, notes("Bìa", 3)], [], {
      hiddenSheets: ["Ẩn"],
    });
    const ws = await new ExcelHost().read();
    expect(fake.syncs).toBe(2);
    expect(Object.keys(ws.probes ?? {})).toEqual(["Ghi chú", "Bìa"]);
    const probe = ws.probes!["Ghi chú"];
    expect([probe.top, probe.left]).toEqual([1, 2]);
    // Rows 2..60 of the sheet (the block starts on row 2): PROBE_ROWS sheet rows in all.
    expect(probe.top + probe.values.length).toBe(PROBE_ROWS);
    expect(probe.values[0]).toEqual(["Ghi chú 1", 0]);
    expect(ws.probes!["Bìa"].values).toEqual(notes("Bìa", 3).values);
    // The owned sheet is read in full into `others`, not probed.
    expect(ws.others?.["Kế hoạch khắc phục"]).toBeDefined();
  });

  test("many visible sheets: all probed by name in the read's one request, none left out", async () => {
    const many = Array.from({ length: 15 }, (_, i) => notes(`Trang ${i + 1}`, 2));
    const fake = setup(many);
    const ws = await new ExcelHost().read();
    expect(Object.keys(ws.probes ?? {})).toEqual(many.map((s) => s.name));
    expect(fake.syncs).toBe(2); // learn the sheet names, then read
  });
});

describe("read({ sheet }), protection, the memo", () => {
  test("read({ sheet }) reads that sheet as the criteria sheet; the active one becomes a probe", async () => {
    setup([notes("Ghi chú", 10)], [], { selection: { top: 3, left: 1, rows: 1, cols: 1 } });
    const host = new ExcelHost();
    const ws = await host.read({ sheet: "Ghi chú" });
    expect(ws.active.name).toBe("Ghi chú");
    expect(ws.active.values[0]).toEqual(["Ghi chú 1", 0]);
    // The selection is on the active sheet, not on the one read.
    expect(ws.active.selection).toBeUndefined();
    expect(Object.keys(ws.probes ?? {})).toEqual(["PAR 2024"]);
  });

  test("a protected sheet is marked in the snapshot, and prepare refuses to write to it", async () => {
    const fake = setup([notes("Ghi chú", 3)], [], { protectedSheets: ["PAR 2024"] });
    const ws = await new ExcelHost().read();
    expect(ws.active.protected).toBe(true);
    expect(ws.probes?.["Ghi chú"].protected).toBeUndefined();
    const p = prepare(ws, {
      command: "recalc",
      counts: {},
      ops: [{ op: "setCells", sheet: "PAR 2024", top: 0, left: 0, cells: [[{ kind: "text", text: "x" }]] }],
    });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toMatchObject({ code: "protected", details: { sheet: "PAR 2024" } });
    expect(fake.writes).toEqual([]);
  });

  test("each host owns its memo: a new host reads like the first read of a session", async () => {
    const plan: SheetSnapshot = {
      ...sheetFrom(
        [
          ["Nhiệm vụ", "Trạng thái"],
          ["a", "b"],
          ["c", "d"],
        ],
        { name: "Kế hoạch khắc phục" },
      ),
      tables: [{ name: "KeHoach", rect: { top: 0, left: 0, rows: 3, cols: 2 }, showHeaders: true }],
    };
    const fake = setup([plan]);
    const first = new ExcelHost();
    let before = fake.syncs;
    const a = await first.read();
    expect(fake.syncs - before).toBe(2); // the table's range in a second sync
    before = fake.syncs;
    const b = await first.read();
    expect(fake.syncs - before).toBe(1); // guessed from this host's memo
    before = fake.syncs;
    const c = await new ExcelHost().read();
    expect(fake.syncs - before).toBe(2); // a fresh memo
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });
});
