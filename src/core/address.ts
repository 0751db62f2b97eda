import type { Rect } from "./types";

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (4, 2) → "C5". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** { top: 4, left: 2, rows: 2, cols: 3 } → "C5:E6" (a single cell → "C5"). */
export function rectAddress(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  if (r.rows === 1 && r.cols === 1) return a;
  return `${a}:${cellAddress(r.top + r.rows - 1, r.left + r.cols - 1)}`;
}

/** "C5" → { row: 4, col: 2 }; "$C$5" accepted. */
export function parseCellAddress(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.trim());
  if (!m) return null;
  return { row: parseInt(m[2], 10) - 1, col: columnIndex(m[1]) };
}

/** "C5:E6" or "C5" → Rect (sheet name prefixes are stripped). */
export function parseRectAddress(a: string): Rect | null {
  const bare = a.includes("!") ? a.slice(a.lastIndexOf("!") + 1) : a;
  const [p, q] = bare.split(":");
  const s = parseCellAddress(p);
  const e = q ? parseCellAddress(q) : s;
  if (!s || !e) return null;
  const top = Math.min(s.row, e.row);
  const left = Math.min(s.col, e.col);
  return { top, left, rows: Math.abs(e.row - s.row) + 1, cols: Math.abs(e.col - s.col) + 1 };
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row < r.top + r.rows && col >= r.left && col < r.left + r.cols;
}

/** Rows a column shift is limited to (an Excel table's rows), inclusive. */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * Where `rect` ends up when `count` columns are inserted at `at` (negative: deleted), limited to the rows
 * of `band` when given: a rectangle right of `at` moves, one across `at` grows (or shrinks), one entirely
 * deleted is gone (null). What Excel does to tables, validations and merges; every host uses this rule.
 */
export function shiftRect(rect: Rect, at: number, count: number, band?: Band): Rect | null {
  if (band && (rect.top > band.bottom || rect.top + rect.rows - 1 < band.top)) return rect;
  const right = rect.left + rect.cols - 1;
  if (count > 0) {
    if (rect.left >= at) return { ...rect, left: rect.left + count };
    if (right >= at) return { ...rect, cols: rect.cols + count };
    return rect;
  }
  const delEnd = at - count - 1;
  if (right < at) return rect;
  if (rect.left > delEnd) return { ...rect, left: rect.left + count };
  const keptLeft = Math.max(0, at - rect.left);
  const keptRight = Math.max(0, right - delEnd);
  const cols = keptLeft + keptRight;
  return cols > 0 ? { ...rect, left: Math.min(rect.left, at), cols } : null;
}
