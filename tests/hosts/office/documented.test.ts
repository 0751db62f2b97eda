// The Office host on documented behaviour only (issue 10): no calls on null objects, tables.add with a
// Range, no re-sent batches, a part-way write undone.
import { prepare } from "../../../src/core/prepare";
import { writePrepared } from "../../../src/hosts/office/write";
import type { ChangeSet } from "../../../src/core/types";
import { criteriaRows, sheetFrom, workbookOf } from "./helpers";
import { readSnapshot, setup, text } from "./harness";

test("a new workbook's first read: no call on a null object (the double rejects them), empty sheets read empty", async () => {
  const fake = setup(workbookOf(sheetFrom(criteriaRows(12)), [], ["Trống"]));
  const ws = await readSnapshot();
  expect(ws.others).toBeUndefined();
  expect(ws.probes?.["Trống"]).toEqual({ name: "Trống", top: 0, left: 0, values: [] });
  expect(fake.syncs).toBe(2); // learn which sheets and tables exist, then read
});

test("tables.add gets a Range of the plan sheet, not an address taken on the active sheet", async () => {
  const fake = setup(workbookOf(sheetFrom(criteriaRows(12))));
  const basis = await readSnapshot();
  const cs: ChangeSet = {
    command: "plan",
    counts: {},
    ops: [
      { op: "addSheet", sheet: "KH" },
      {
        op: "setCells",
        sheet: "KH",
        top: 0,
        left: 0,
        cells: [
          [text("A"), text("B")],
          [text("1"), text("2")],
        ],
      },
      { op: "addTable", sheet: "KH", name: "Bang", rect: { top: 0, left: 0, rows: 2, cols: 2 } },
    ],
  };
  const p = prepare(basis, cs);
  if (!p.ok) throw p.error;
  await writePrepared(p);
  expect(fake.model.sheet("KH").tables.map((t) => t.name)).toEqual(["Bang"]);
  expect(fake.model.sheet("PAR 2024").tables).toEqual([]);
  expect(fake.runs.every((r) => (r.options as { delayForCellEdit?: boolean }).delayForCellEdit)).toBe(true);
});

test("a write of several requests failing part-way is undone, never re-sent, and reported", async () => {
  const fake = setup(workbookOf(sheetFrom(criteriaRows(12))));
  const basis = await readSnapshot();
  const before = fake.snapshot();
  const cells = (t: string) => [[text(t)]];
  const cs: ChangeSet = {
    command: "recalc",
    counts: {},
    ops: [
      { op: "setCells", sheet: "PAR 2024", top: 20, left: 0, cells: cells("một") },
      { op: "setCells", sheet: "PAR 2024", top: 21, left: 0, cells: cells("hai") },
      { op: "setCells", sheet: "PAR 2024", top: 22, left: 0, cells: cells("ba") },
    ],
  };
  const p = prepare(basis, cs);
  if (!p.ok) throw p.error;
  expect(p.undoOps).toHaveLength(3);
  fake.failOn(/A23/, "GeneralException");
  const writes = fake.writes.length;
  await expect(writePrepared(p, { maxRequestBytes: 300 })).rejects.toMatchObject({
    code: "partial-write",
    details: { rolledBack: true },
  });
  // A21 and A22 were written once each (never re-sent), then put back.
  expect(fake.writes.slice(writes).filter((w) => w.includes("A21"))).toHaveLength(2);
  expect(fake.snapshot().active.values).toEqual(before.active.values);
});

describe("formulas into an Excel table's column (calculated columns)", () => {
  const withTable = () => {
    const sheet = sheetFrom([
      ["TT", "Điểm", "Ghi chú"],
      ["1", 2, null],
      ["2", 3, null],
      ["3", 4, null],
    ]);
    sheet.tables = [
      { name: "Bang", rect: { top: 0, left: 0, rows: 4, cols: 3 }, showHeaders: true, showTotals: false },
    ];
    return workbookOf(sheet);
  };
  const oneFormula = (basis: Parameters<typeof prepare>[0]) => {
    const p = prepare(basis, {
      command: "recalc",
      counts: {},
      ops: [
        {
          op: "setCells",
          sheet: "PAR 2024",
          top: 2,
          left: 2,
          cells: [[{ kind: "formula", formula: "=B3*2" }]],
        },
      ],
    });
    if (!p.ok) throw p.error;
    return p;
  };

  test("Excel fills the column (on by default): read back in the same request, repaired in one more", async () => {
    const fake = setup(withTable());
    const p = oneFormula(await readSnapshot());
    expect(p.ops[0]).toMatchObject({ tableColumns: [{ top: 1, left: 2, rows: 3, cols: 1 }] });
    const before = fake.syncs;
    await writePrepared(p);
    expect(fake.syncs - before).toBe(2); // the write (with its read-back), the repair
    const after = fake.snapshot().active;
    expect(after.formulas?.map((r) => r[2])).toEqual([null, null, "=B3*2", null]);
  });

  test("without the autofill nothing differs: one sync", async () => {
    const fake = setup(withTable(), { fillFormulasInTables: false });
    const p = oneFormula(await readSnapshot());
    const before = fake.syncs;
    await writePrepared(p);
    expect(fake.syncs - before).toBe(1);
    expect(fake.snapshot().active.formulas?.map((r) => r[2])).toEqual([null, null, "=B3*2", null]);
  });

  test("the double's autofill is real: written without the read-back, the column is filled", async () => {
    const fake = setup(withTable());
    await readSnapshot();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("PAR 2024").getRange("C3").formulas = [["=B3*2"]];
      await context.sync();
    });
    expect(fake.snapshot().active.formulas?.map((r) => r[2])).toEqual([null, "=B2*2", "=B3*2", "=B4*2"]);
  });
});
