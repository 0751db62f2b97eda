import fc from "fast-check";
import { cellRects, rectRuns, rowRuns, type Rect } from "../../src/core";

const cellsOf = (rects: Rect[]) => {
  const out: string[] = [];
  for (const r of rects)
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) out.push(`${r.top + i},${r.left + j}`);
  return out;
};

describe("rectRuns", () => {
  test("joins adjacent and overlapping spans of a row, merges equal runs downwards", () => {
    expect(
      rectRuns([
        { row: 3, left: 2, cols: 2 },
        { row: 3, left: 4, cols: 1 },
        { row: 4, left: 2, cols: 3 },
        { row: 4, left: 3, cols: 1 },
        { row: 5, left: 2, cols: 2 },
        { row: 7, left: 2, cols: 3 },
      ]),
    ).toEqual([
      { top: 3, left: 2, rows: 2, cols: 3 },
      { top: 5, left: 2, rows: 1, cols: 2 },
      { top: 7, left: 2, rows: 1, cols: 3 },
    ]);
  });

  test("unsorted input, repeats and empty spans", () => {
    expect(
      rectRuns([
        { row: 9, left: 0, cols: 1 },
        { row: 1, left: 5, cols: 1 },
        { row: 0, left: 5, cols: 1 },
        { row: 1, left: 5, cols: 1 },
        { row: 2, left: 0, cols: 0 },
      ]),
    ).toEqual([
      { top: 0, left: 5, rows: 2, cols: 1 },
      { top: 9, left: 0, rows: 1, cols: 1 },
    ]);
    expect(rectRuns([])).toEqual([]);
  });

  test("rowRuns: rows in any order become runs over the same columns", () => {
    expect(rowRuns([7, 3, 4, 4, 5, 10], 1, 6)).toEqual([
      { top: 3, left: 1, rows: 3, cols: 6 },
      { top: 7, left: 1, rows: 1, cols: 6 },
      { top: 10, left: 1, rows: 1, cols: 6 },
    ]);
  });

  test("rowRuns: rows in ascending order (its fast path) give what the spans give", () => {
    expect(rowRuns([3, 4, 4, 5, 7, 10, 10], 1, 6)).toEqual(rowRuns([7, 3, 4, 4, 5, 10, 10], 1, 6));
    expect(rowRuns([2, 3], 0, 0)).toEqual([]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
        (rows, left, cols) => {
          const sorted = [...rows].sort((a, b) => a - b);
          expect(rowRuns(sorted, left, cols)).toEqual(rectRuns(sorted.map((row) => ({ row, left, cols }))));
        },
      ),
    );
  });

  test("cellRects: a block with a hole", () => {
    const cells: [number, number][] = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
    ];
    expect(cellRects(cells)).toEqual([
      { top: 0, left: 0, rows: 2, cols: 2 },
      { top: 2, left: 0, rows: 1, cols: 1 },
    ]);
  });

  test("property: exactly the cells given, no overlaps, maximal runs, no two stackable rectangles", () => {
    const cell = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 8 }));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 80 }), (cells) => {
        const rects = cellRects(cells);
        const want = new Set(cells.map(([r, c]) => `${r},${c}`));
        const got = cellsOf(rects);
        expect(new Set(got)).toEqual(want);
        expect(got.length).toBe(want.size); // no cell twice
        for (const r of rects) {
          // Maximal: the cells left and right of every line of the rectangle are not in the set.
          for (let i = 0; i < r.rows; i++) {
            expect(want.has(`${r.top + i},${r.left - 1}`)).toBe(false);
            expect(want.has(`${r.top + i},${r.left + r.cols}`)).toBe(false);
          }
          // Merged down: no rectangle starts right below with the same columns.
          expect(rects.some((o) => o.top === r.top + r.rows && o.left === r.left && o.cols === r.cols)).toBe(
            false,
          );
        }
        const sorted = [...rects].sort((a, b) => a.top - b.top || a.left - b.left);
        expect(rects).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });
});
