/** Rectangles: how an insert or delete moves one (as WorkbookModel does), and A1 ranges. */
import type { Rect } from "../../core/types";
import { parseRectAddress, rectAddress, shiftRect, type Band } from "../../core/address";

/** The core's rule for moving rectangles on column inserts, so the file and the simulation agree. */
export { shiftRect, type Band };

export const sameRect = (a: Rect, b: Rect) =>
  a.top === b.top && a.left === b.left && a.rows === b.rows && a.cols === b.cols;

export const overlaps = (a: Rect, b: Rect) =>
  a.left < b.left + b.cols && b.left < a.left + a.cols && a.top < b.top + b.rows && b.top < a.top + a.rows;

/**
 * A conditional format's `sqref` ("A1:B2 $D$4") → its rectangles, as ExcelJS's reading and the direct reader
 * both take it (`$` dropped; what is not an A1 range left out).
 */
export const sqrefRects = (ref: string): Rect[] =>
  ref
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((a) => {
      const r = parseRectAddress(a.replace(/\$/g, ""));
      return r ? [r] : [];
    });

/** "C5:H40" → Rect (null for anything else: whole columns, names...). */
export function parseRange(a: string): Rect | null {
  return /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(a.trim())
    ? parseRectAddress(a.trim())
    : null;
}

/** Rect → "C5:H40" (always with a colon, as table and merge references are written). */
export function rangeOf(r: Rect): string {
  const a = rectAddress(r);
  return a.includes(":") ? a : `${a}:${a}`;
}

/** Rect → "C5:H40", or "C5" for one cell (as sqref and conditional formats write it). */
export const refOf = (r: Rect): string => rectAddress(r);

/** Where a rectangle goes when rows or columns are inserted or deleted; null when it is deleted. */
export type RectShift = (r: Rect) => Rect | null;

/** A merge as ExcelJS keeps it (1-based, inclusive corners) → Rect. */
export const rectOfMerge = (m: { top: number; left: number; bottom: number; right: number }): Rect => ({
  top: m.top - 1,
  left: m.left - 1,
  rows: m.bottom - m.top + 1,
  cols: m.right - m.left + 1,
});

/** Rect → "$C$5:$H$40", or "$C$5" for one cell (as defined names are written). */
export const absoluteRange = (rect: Rect): string =>
  rangeOf(rect)
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .filter((a, i, all) => i === 0 || a !== all[0])
    .join(":");

/** Shifts each part of a space-separated list of ranges ("A1:A5 C1:C5"); null when none is left. */
export function shiftRefList(list: string, shift: RectShift): string | null {
  const out: string[] = [];
  for (const part of list.split(/\s+/).filter(Boolean)) {
    const r = parseRange(part);
    if (!r) {
      out.push(part);
      continue;
    }
    const s = shift(r);
    if (s) out.push(refOf(s));
  }
  return out.length ? out.join(" ") : null;
}

/** Splits a set of cells (keys "row,col") into rectangles: rows of runs, merged downwards when equal. */
export function cellsToRects(cells: Iterable<[number, number]>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) {
    const list = byRow.get(r) ?? [];
    list.push(c);
    byRow.set(r, list);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const open: Rect[] = [];
  const done: Rect[] = [];
  for (const r of rows) {
    const cols = [...new Set(byRow.get(r)!)].sort((a, b) => a - b);
    const runs: { left: number; cols: number }[] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last.left + last.cols === c) last.cols++;
      else runs.push({ left: c, cols: 1 });
    }
    const next: Rect[] = [];
    for (const run of runs) {
      const i = open.findIndex((o) => o.left === run.left && o.cols === run.cols && o.top + o.rows === r);
      if (i >= 0) {
        const [o] = open.splice(i, 1);
        next.push({ ...o, rows: o.rows + 1 });
      } else next.push({ top: r, left: run.left, rows: 1, cols: run.cols });
    }
    done.push(...open);
    open.length = 0;
    open.push(...next);
  }
  done.push(...open);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}
