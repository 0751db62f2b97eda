// WorkbookModel.recalculate: formulas reading formulas later in the sheet settle over the later passes,
// which evaluate only the formulas that read a formula cell.
import { WorkbookModel, type WorkbookSnapshot } from "../../src/core";
import { ReadCells } from "../../src/core/modelResults";

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

test("the cells read: marked by row and column, near and far columns, far rows, and nothing else", () => {
  const r = new ReadCells();
  const marked: [number, number][] = [
    [0, 0],
    [0, 29],
    [3, 30],
    [5, 16_383],
    [2_000, 7],
    [1_048_575, 1],
  ];
  for (const [row, col] of marked) r.add(row, col);
  for (const [row, col] of marked) expect([row, col, r.has(row, col)]).toEqual([row, col, true]);
  const unmarked: [number, number][] = [
    [0, 1],
    [1, 0],
    [3, 29],
    [3, 31],
    [5, 16_382],
    [1_999, 7],
    [2_001, 7],
    [1_048_575, 0],
    [4_000_000, 1],
  ];
  for (const [row, col] of unmarked) expect([row, col, r.has(row, col)]).toEqual([row, col, false]);
});

test("a constant written where a formula reads (a column past the 30th too) may change results; elsewhere not", () => {
  const m = WorkbookModel.fromSnapshot(book([[1]], [[null]]));
  m.apply({
    op: "setCells",
    sheet: "S",
    top: 0,
    left: 1,
    cells: [[{ kind: "formula", formula: "=A1+AH3" }]],
  });
  m.recalculate();
  const write = (row: number, col: number) =>
    m.mayChangeResults({
      op: "setCells",
      sheet: "S",
      top: row,
      left: col,
      cells: [[{ kind: "number", value: 2 }]],
    });
  expect([write(0, 0), write(2, 33)]).toEqual([true, true]);
  expect([write(0, 2), write(2, 32), write(1, 33), write(2, 0)]).toEqual([false, false, false, false]);
});
