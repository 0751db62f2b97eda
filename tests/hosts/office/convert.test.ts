// The Office host's pure conversions.
import { cellRuns } from "../../../src/hosts/office/convert";

// The 10,000-row cases recalculate 20,000 formulas twice (in the double and in the core's simulation).
jest.setTimeout(120_000);

describe("pure helpers", () => {
  test("cellRuns: rectangles without nulls", () => {
    const n = { kind: "number", value: 1 } as const;
    const runs = cellRuns(5, 2, [
      [n, n, null, n],
      [n, n, null, n],
      [null, n, null, null],
      [n, n, n, n],
    ]);
    expect(runs.map(({ cells: _c, ...r }) => r)).toEqual([
      { top: 5, left: 2, rows: 2, cols: 2 },
      { top: 5, left: 5, rows: 2, cols: 1 },
      { top: 7, left: 3, rows: 1, cols: 1 },
      { top: 8, left: 2, rows: 1, cols: 4 },
    ]);
  });
});
