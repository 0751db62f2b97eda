// core/prepare.ts's Preparation recalculates between steps only when a result may have changed
// (WorkbookModel.mayChangeResults), and valueAfter reads the recalculated model in place.
import {
  Preparation,
  WorkbookModel,
  prepare,
  type CellInput,
  type ChangeSet,
  type WorkbookSnapshot,
} from "../../src/core";

const book = (): WorkbookSnapshot => {
  const values = [
    [1, 2, null, null],
    [3, 4, null, "note"],
  ];
  const formulas = [
    [null, null, "=A1+B1", null],
    [null, null, "=A2*B2+C1", null],
  ];
  const active = { name: "S", top: 0, left: 0, values, formulas };
  return { active, sheetNames: ["S"], others: {} };
};

const cells = (top: number, left: number, cells: (CellInput | null)[][]) =>
  ({ command: "assign", counts: {}, ops: [{ op: "setCells", sheet: "S", top, left, cells }] }) as ChangeSet;

function counted(): { calls: () => number; restore: () => void } {
  const spy = jest.spyOn(WorkbookModel.prototype, "recalculate");
  return { calls: () => spy.mock.calls.length, restore: () => spy.mockRestore() };
}

test("text into cells no formula reads: no second recalculation, the same state as a full one", () => {
  const r = counted();
  try {
    const p = new Preparation(book());
    expect(p.add(cells(0, 0, [[{ kind: "number", value: 10 }]]))).toBeNull();
    expect(p.state().active.values[0][2]).toBe(12);
    expect(r.calls()).toBe(1);
    // D1 and D2 are read by no formula: nothing to recalculate
    expect(p.add(cells(0, 3, [[{ kind: "text", text: "x" }], [{ kind: "blank" }]]))).toBeNull();
    const s = p.state();
    expect(r.calls()).toBe(1);
    expect(s.active.values[0][3]).toBe("x");
    expect(s.active.values[1][3]).toBeNull();
    expect(s.active.values[1][2]).toBe(24);
  } finally {
    r.restore();
  }
});

test("a constant into a cell a formula reads, or a formula anywhere: recalculated", () => {
  const r = counted();
  try {
    const p = new Preparation(book());
    p.state();
    expect(r.calls()).toBe(1);
    // B2 feeds C2
    expect(p.add(cells(1, 1, [[{ kind: "number", value: 5 }]]))).toBeNull();
    expect(p.state().active.values[1][2]).toBe(18);
    expect(r.calls()).toBe(2);
    // a new formula in an unread cell
    expect(p.add(cells(0, 3, [[{ kind: "formula", formula: "=C2*2" }]]))).toBeNull();
    expect(p.state().active.values[0][3]).toBe(36);
    expect(r.calls()).toBe(3);
    // A1 is read (by C1, which C2 reads): both follow
    expect(p.add(cells(0, 0, [[{ kind: "number", value: 0 }]]))).toBeNull();
    const s = p.state();
    expect([s.active.values[0][2], s.active.values[1][2], s.active.values[0][3]]).toEqual([2, 17, 34]);
  } finally {
    r.restore();
  }
});

test("after columns move, the cells read are unknown again: a constant anywhere recalculates", () => {
  const r = counted();
  try {
    const p = new Preparation(book());
    p.state();
    const ins: ChangeSet = {
      command: "recalc",
      counts: {},
      ops: [{ op: "insertColumns", sheet: "S", at: 0, count: 1 }],
    };
    expect(p.add(ins)).toBeNull();
    // the columns moved right: D1 holds =B1+C1
    const at = (w: WorkbookSnapshot, row: number, col: number) =>
      w.active.values[row - w.active.top]?.[col - w.active.left];
    expect(at(p.state(), 0, 3)).toBe(3);
    expect(r.calls()).toBe(2);
    // B1 (was A1) is read by D1 now
    expect(p.add(cells(0, 1, [[{ kind: "number", value: 7 }]]))).toBeNull();
    expect(at(p.state(), 0, 3)).toBe(9);
  } finally {
    r.restore();
  }
});

test("valueAfter gives after's values without building it; undefined for a sheet not there", () => {
  const cs = cells(1, 0, [[{ kind: "number", value: 2 }]]);
  const a = prepare(book(), cs);
  const b = prepare(book(), cs);
  if (!a.ok || !b.ok) throw new Error("prepare refused");
  const after = b.after;
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 5; c++)
      expect(a.valueAfter("S", r, c)).toBe(
        after.active.values[r - after.active.top]?.[c - after.active.left] ?? null,
      );
  expect(a.valueAfter("S", 1, 2)).toBe(11);
  expect(a.valueAfter("Nope", 0, 0)).toBeUndefined();
});

test("a new sheet, a table and a name change no result; constants on the new sheet recalculate only where read", () => {
  const ws = book();
  ws.active.formulas![0][3] = "='Mới'!B2*2";
  const r = counted();
  try {
    const p = new Preparation(ws);
    p.state();
    expect(r.calls()).toBe(1);
    const plan: ChangeSet = {
      command: "plan",
      counts: {},
      ops: [
        { op: "addSheet", sheet: "Mới" },
        { op: "setCells", sheet: "Mới", top: 0, left: 0, cells: [[{ kind: "text", text: "Kế hoạch" }]] },
        { op: "addTable", sheet: "Mới", name: "T", rect: { top: 0, left: 0, rows: 2, cols: 1 } },
        { op: "setName", sheet: "Mới", name: "N", ref: "'Mới'!$A$1" },
      ],
    };
    expect(p.add(plan)).toBeNull();
    expect(p.state().others!["Mới"].values[0][0]).toBe("Kế hoạch");
    expect(r.calls()).toBe(1);
    // B2 of the new sheet is read by D1 (recorded while the sheet did not exist)
    expect(p.add(cells(0, 0, [[null]]))).toBeNull();
    const write: ChangeSet = {
      command: "plan",
      counts: {},
      ops: [{ op: "setCells", sheet: "Mới", top: 1, left: 1, cells: [[{ kind: "number", value: 4 }]] }],
    };
    expect(p.add(write)).toBeNull();
    expect(p.state().active.values[0][3]).toBe(8);
    expect(r.calls()).toBe(2);
  } finally {
    r.restore();
  }
});
