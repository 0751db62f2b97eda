// Hidden columns in the core's model: what the add-in shows (a width set on a column, a table's new column
// landing in a hidden sheet column) its inverse hides again; whole-column inserts and deletes move the flag.
import { applyChangeSet, invertChangeSet, WorkbookModel } from "../../src/core/model";
import { prepare } from "../../src/core/prepare";
import type { ChangeSet, Op, WorkbookSnapshot } from "../../src/core/types";

function workbook(hidden: number[], extra: Partial<WorkbookSnapshot["active"]> = {}): WorkbookSnapshot {
  return {
    active: {
      name: "S",
      top: 0,
      left: 0,
      values: [
        ["a", "b", "c", "d"],
        [1, 2, 3, 4],
      ],
      hiddenColumns: hidden,
      ...extra,
    },
    sheetNames: ["S"],
  };
}
const cs = (...ops: Op[]): ChangeSet => ({ command: "assign", ops, counts: {} });

test("a snapshot's hidden columns survive the model's round trip", () => {
  const ws = workbook([1, 6]);
  expect(WorkbookModel.fromSnapshot(ws).toSnapshot("S").active.hiddenColumns).toEqual([1, 6]);
  expect(WorkbookModel.fromSnapshot(workbook([])).toSnapshot("S").active.hiddenColumns).toBeUndefined();
});

test("setColumnWidth shows its column; its inverse hides it again with the old width", () => {
  const ws = workbook([5, 6], { columnWidths: { 5: 3 } });
  const change = cs(
    { op: "setColumnWidth", sheet: "S", col: 5, width: 28 },
    { op: "setColumnWidth", sheet: "S", col: 6, width: 32 },
  );
  const after = applyChangeSet(ws, change);
  expect(after.active.hiddenColumns).toBeUndefined();
  const inverse = invertChangeSet(ws, change);
  expect(inverse.ops).toEqual([
    { op: "setColumnWidth", sheet: "S", col: 6, width: 8.43, hidden: true },
    { op: "setColumnWidth", sheet: "S", col: 5, width: 3, hidden: true },
  ]);
  const undone = applyChangeSet(after, inverse);
  expect(undone.active.hiddenColumns).toEqual([5, 6]);
  expect(undone.active.columnWidths).toEqual({ 5: 3 });
});

test("a visible column's inverse leaves it visible (no hidden flag in the op)", () => {
  const inverse = invertChangeSet(workbook([]), cs({ op: "setColumnWidth", sheet: "S", col: 5, width: 28 }));
  expect(inverse.ops).toEqual([{ op: "setColumnWidth", sheet: "S", col: 5, width: 8.43 }]);
});

test("whole columns inserted move hidden columns right; the new ones are shown; undo puts all back", () => {
  const ws = workbook([1, 3]);
  const change = cs({ op: "insertColumns", sheet: "S", at: 2, count: 2 });
  const after = applyChangeSet(ws, change);
  expect(after.active.hiddenColumns).toEqual([1, 5]);
  expect(applyChangeSet(after, invertChangeSet(ws, change)).active.hiddenColumns).toEqual([1, 3]);
});

test("deleting a hidden column: its inverse inserts it back hidden", () => {
  const ws = workbook([1, 3]);
  const change = cs({ op: "deleteColumns", sheet: "S", at: 1, count: 1 });
  const after = applyChangeSet(ws, change);
  expect(after.active.hiddenColumns).toEqual([2]);
  expect(applyChangeSet(after, invertChangeSet(ws, change)).active.hiddenColumns).toEqual([1, 3]);
});

test("a table's new column lands in a hidden sheet column: shown, and hidden again by the undo", () => {
  const table = { name: "T", rect: { top: 0, left: 0, rows: 2, cols: 3 }, showHeaders: true };
  const ws = workbook([2], { tables: [table] });
  const change = cs({ op: "insertColumns", sheet: "S", at: 2, count: 1, table });
  const p = prepare(ws, change);
  if (!p.ok) throw p.error;
  expect(p.after.active.hiddenColumns).toBeUndefined();
  expect(p.inverse.ops).toContainEqual({
    op: "setColumnWidth",
    sheet: "S",
    col: 2,
    width: 8.43,
    hidden: true,
  });
  expect(applyChangeSet(p.after, p.inverse).active.hiddenColumns).toEqual([2]);
});

test("deleting the sheet: its inverse hides its hidden columns again", () => {
  const ws: WorkbookSnapshot = { ...workbook([]), sheetNames: ["S", "H"] };
  ws.others = {
    H: { name: "H", top: 0, left: 0, values: [["x"]], hiddenColumns: [4], columnWidths: { 2: 20 } },
  };
  const change = cs({ op: "deleteSheet", sheet: "H" });
  const after = applyChangeSet(ws, change);
  const back = applyChangeSet(after, invertChangeSet(ws, change));
  expect(back.others!.H.hiddenColumns).toEqual([4]);
  expect(back.others!.H.columnWidths).toEqual({ 2: 20 });
});
