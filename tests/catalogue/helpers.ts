import type { CellValue, Op, SheetSnapshot } from "../../src/core/types";

/** A snapshot of `rows` placed at (top, left), rows padded to the same width. */
export function sheetOf(name: string, rows: CellValue[][], top = 0, left = 0): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    name,
    top,
    left,
    values: rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]),
  };
}

/**
 * Applies the setCells ops for `sheet` onto `base` (or an empty sheet) the way a host would, and returns the
 * resulting sheet as a snapshot from A1. Throws on a formula cell: the catalogue must never write one.
 */
export function applyOps(ops: Op[], sheet: string, base?: SheetSnapshot): SheetSnapshot {
  const grid = new Map<number, Map<number, CellValue>>();
  const put = (r: number, c: number, v: CellValue) => {
    if (!grid.has(r)) grid.set(r, new Map());
    grid.get(r)!.set(c, v);
  };
  if (base) base.values.forEach((row, i) => row.forEach((v, j) => put(base.top + i, base.left + j, v)));
  for (const op of ops) {
    if (op.op !== "setCells" || op.sheet !== sheet) continue;
    op.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (cell === null) return;
        const r = op.top + i;
        const c = op.left + j;
        switch (cell.kind) {
          case "text":
            put(r, c, cell.text);
            break;
          case "number":
          case "bool":
            put(r, c, cell.value);
            break;
          case "blank":
            put(r, c, null);
            break;
          case "formula":
            throw new Error(`formula written at ${r},${c}: ${cell.formula}`);
        }
      }),
    );
  }
  let rows = 0;
  let cols = 0;
  for (const [r, line] of grid) {
    for (const [c, v] of line) {
      if (v === null) continue;
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
  }
  const values: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellValue[] = [];
    for (let c = 0; c < cols; c++) line.push(grid.get(r)?.get(c) ?? null);
    values.push(line);
  }
  return { name: sheet, top: 0, left: 0, values };
}
