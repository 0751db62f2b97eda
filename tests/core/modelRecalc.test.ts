// WorkbookModel.recalculate: formulas reading formulas later in the sheet settle over the later passes,
// which evaluate only the formulas that read a formula cell.
import { WorkbookModel, type WorkbookSnapshot } from "../../src/core";

const book = (values: (string | number | null)[][], formulas: (string | null)[][]): WorkbookSnapshot => ({
  active: { name: "S", top: 0, left: 0, values, formulas },
  sheetNames: ["S"],
});

test("a chain of forward references settles; constants-only formulas are right from the first pass", () => {
  // A1 = B1 + 1, B1 = C1 * 2, C1 = D1 + 3 (D1 = 4), E1 = D1 * 10 (reads a constant only)
  const m = WorkbookModel.fromSnapshot(
    book([[null, null, null, 4, null]], [["=B1+1", "=C1*2", "=D1+3", null, "=D1*10"]]),
  );
  m.recalculate();
  const row = m.toSnapshot("S").active.values[0];
  expect(row).toEqual([15, 14, 7, 4, 40]);
});

test("a formula reading a formula cell written after it changed gets the new value", () => {
  const m = WorkbookModel.fromSnapshot(
    book(
      [
        [1, null],
        [null, null],
      ],
      [
        [null, "=A2*3"],
        ["=A1+1", null],
      ],
    ),
  );
  m.recalculate();
  expect(m.toSnapshot("S").active.values).toEqual([
    [1, 6],
    [2, null],
  ]);
  m.apply({ op: "setCells", sheet: "S", top: 0, left: 0, cells: [[{ kind: "number", value: 10 }]] });
  m.recalculate();
  expect(m.toSnapshot("S").active.values).toEqual([
    [10, 33],
    [11, null],
  ]);
});
