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

test("cells written right to left and rows bottom up are evaluated in sheet order all the same", () => {
  // B1 = A1 + 1, C1 = B1 + 1, … I1 = H1 + 1, written I1 first; row 3 before row 2 (A3 = A2 * 2, A2 = A1 * 2).
  // In sheet order one pass settles them all; in the order written, four passes would leave the far end stale.
  const m = WorkbookModel.fromSnapshot(book([[1]], [[null]]));
  const letters = "ABCDEFGHI";
  for (let c = 8; c >= 1; c--)
    m.apply({
      op: "setCells",
      sheet: "S",
      top: 0,
      left: c,
      cells: [[{ kind: "formula", formula: `=${letters[c - 1]}1+1` }]],
    });
  m.apply({ op: "setCells", sheet: "S", top: 2, left: 0, cells: [[{ kind: "formula", formula: "=A2*2" }]] });
  m.apply({ op: "setCells", sheet: "S", top: 1, left: 0, cells: [[{ kind: "formula", formula: "=I1*2" }]] });
  m.recalculate();
  const s = m.toSnapshot("S").active;
  expect(s.values[0]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect([s.values[1][0], s.values[2][0]]).toEqual([18, 36]);
});
