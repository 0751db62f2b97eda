/**
 * Cells → rectangles, the one way the add-in groups cells into ranges (style ops, clears, cell blocks):
 * spans on each row are joined into maximal runs of adjacent columns, and a run is merged downwards while
 * the next row has a run over the same columns. Hosts use it too, so a plan and its application agree.
 */
import type { Rect } from "./types";

/** Cells on one sheet row: `cols` cells from column `left`. */
export interface Span {
  row: number;
  left: number;
  cols: number;
}

/**
 * Rectangles covering exactly the given spans (overlaps and duplicates allowed), sorted by top then left.
 * Each row's spans become maximal horizontal runs; a run extends the rectangle above it when that one
 * covers the same columns and ends on the previous row.
 */
export function rectRuns(spans: Iterable<Span>): Rect[] {
  const list = Array.isArray(spans) ? (spans as Span[]) : [...spans];
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) {
    const p = list[i - 1];
    const s = list[i];
    if (s.row < p.row || (s.row === p.row && s.left < p.left)) sorted = false;
  }
  const ordered = sorted ? list : [...list].sort((a, b) => a.row - b.row || a.left - b.left);
  const done: Rect[] = [];
  // Rectangles ending on the previous row, and those ending on this one, both ordered by left.
  let open: Rect[] = [];
  let next: Rect[] = [];
  let i = 0;
  while (i < ordered.length) {
    const row = ordered[i].row;
    let k = 0;
    while (i < ordered.length && ordered[i].row === row) {
      const s = ordered[i++];
      if (s.cols <= 0) continue;
      let end = s.left + s.cols;
      // Spans of this row that touch or overlap the run extend it.
      while (i < ordered.length && ordered[i].row === row && ordered[i].left <= end) {
        end = Math.max(end, ordered[i].left + ordered[i].cols);
        i++;
      }
      while (k < open.length && open[k].left < s.left) done.push(open[k++]);
      const above = open[k];
      if (above && above.left === s.left && above.cols === end - s.left && above.top + above.rows === row) {
        above.rows++;
        next.push(above);
        k++;
      } else next.push({ top: row, left: s.left, rows: 1, cols: end - s.left });
    }
    while (k < open.length) done.push(open[k++]);
    [open, next] = [next, open];
    next.length = 0;
  }
  for (const r of open) done.push(r);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Sheet rows (any order, repeats allowed) as rectangles over the columns [left, left + cols). */
export function rowRuns(rows: readonly number[], left: number, cols: number): Rect[] {
  // Rows in ascending order (what every planner passes): the runs directly, no span per row.
  let ascending = true;
  for (let i = 1; i < rows.length && ascending; i++) if (rows[i] < rows[i - 1]) ascending = false;
  if (!ascending) return rectRuns(rows.map((row) => ({ row, left, cols })));
  if (cols <= 0) return [];
  const runs = new RowRuns(left, cols);
  for (const row of rows) runs.add(row);
  return runs.out;
}

/** rowRuns of ascending rows given one at a time, without a list of them made first. */
export class RowRuns {
  readonly out: Rect[] = [];
  private run: Rect | null = null;
  constructor(
    private readonly left: number,
    private readonly cols: number,
  ) {}
  add(row: number): void {
    const run = this.run;
    if (run && row <= run.top + run.rows) run.rows = row - run.top + 1;
    else this.out.push((this.run = { top: row, left: this.left, rows: 1, cols: this.cols }));
  }
}

/** Single cells [row, col] as rectangles. */
export function cellRects(cells: Iterable<readonly [number, number]>): Rect[] {
  const spans: Span[] = [];
  for (const [row, col] of cells) spans.push({ row, left: col, cols: 1 });
  return rectRuns(spans);
}

/** `a` without the cells of `b`: `a` itself, nothing, or up to four rectangles around `b`. */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.top + a.rows, b.top + b.rows);
  const left = Math.max(a.left, b.left);
  const right = Math.min(a.left + a.cols, b.left + b.cols);
  if (top >= bottom || left >= right) return [a];
  const out: Rect[] = [];
  if (a.top < top) out.push({ top: a.top, left: a.left, rows: top - a.top, cols: a.cols });
  if (left > a.left) out.push({ top, left: a.left, rows: bottom - top, cols: left - a.left });
  if (right < a.left + a.cols)
    out.push({ top, left: right, rows: bottom - top, cols: a.left + a.cols - right });
  if (bottom < a.top + a.rows)
    out.push({ top: bottom, left: a.left, rows: a.top + a.rows - bottom, cols: a.cols });
  return out;
}
