/**
 * Whole sheet rows inserted or deleted (the insertRows / deleteRows ops), as Excel does them: cells below
 * move down (or up), tables, validations and conditional formats below move and those across the row grow
 * (or shrink), frozen rows and printed title rows follow, and formulas everywhere move their references to
 * the shifted rows. The model (core/model.ts) and every host use these rules. Pure.
 */
import type { Rect } from "./types";
import { shiftRect } from "./address";
import { rewriteRefs, shiftSpan } from "./refShift";

const transpose = (r: Rect): Rect => ({ top: r.left, left: r.top, rows: r.cols, cols: r.rows });

/**
 * Where `rect` ends up when `count` rows are inserted at `at` (negative: deleted): below `at` it moves,
 * across `at` it grows (or shrinks), entirely deleted it is gone (null). shiftRect, on rows.
 */
export function shiftRectRows(rect: Rect, at: number, count: number): Rect | null {
  const moved = shiftRect(transpose(rect), at, count);
  return moved ? transpose(moved) : null;
}

/** A row index after the shift, or null when its row is deleted. */
export function shiftRow(row: number, at: number, count: number): number | null {
  if (row < at) return row;
  if (count < 0 && row < at - count) return null;
  return row + count;
}

/** A reference in formula text: cell or cell range (column and row), with an optional sheet. */
const REF_AT = new RegExp(
  String.raw`(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3})(\$?)(\d+)(?::(\$?[A-Za-z]{1,3})(\$?)(\d+))?`,
  "y",
);

/**
 * Moves row references the way Excel does when `count` rows are inserted at `at` (negative: deleted) on
 * sheet `target`; `home` is the sheet the formula lives on. A reference into deleted rows becomes #REF!; a
 * range loses its deleted part. Whole-column references ("F:F") do not change.
 */
export function shiftFormulaRows(
  formula: string,
  target: string,
  home: string,
  at: number,
  count: number,
): string {
  return rewriteRefs(formula, REF_AT, home, (m, sheet, prefix) => {
    if (sheet !== target) return null;
    const r1 = parseInt(m[4], 10) - 1;
    const span = shiftSpan(r1, m[5] !== undefined ? parseInt(m[7], 10) - 1 : r1, at, count);
    if (!span) return `${prefix}#REF!`;
    return (
      `${prefix}${m[2]}${m[3]}${span[0] + 1}` + (m[5] !== undefined ? `:${m[5]}${m[6]}${span[1] + 1}` : "")
    );
  });
}

/** What of a sheet model moves with whole rows (core/model.ts's SheetModel has all of it). */
export interface RowShiftable {
  name: string;
  rows: Map<number, unknown>;
  tables: { rect: Rect }[];
  validations: { rect: Rect }[];
  conditionalFormats: { ranges: Rect[]; formula: string }[];
  frozen: { rows: number; cols: number };
  pageSetup: { repeatRows?: { first: number; last: number } };
}

/** Shifts a sheet's rows from `at` by `count` (negative: deletes them), and everything anchored to rows. */
export function shiftSheetRows(s: RowShiftable, at: number, count: number): void {
  const moved = new Map<number, unknown>();
  for (const [r, cols] of s.rows) {
    const to = shiftRow(r, at, count);
    if (to !== null) moved.set(to, cols);
  }
  s.rows.clear();
  for (const [r, cols] of [...moved].sort((x, y) => x[0] - y[0])) s.rows.set(r, cols);
  const keep = <T extends { rect: Rect }>(list: T[]): T[] =>
    list.flatMap((x) => {
      const rect = shiftRectRows(x.rect, at, count);
      return rect ? [{ ...x, rect }] : [];
    });
  s.tables = keep(s.tables);
  s.validations = keep(s.validations);
  s.conditionalFormats = s.conditionalFormats.flatMap((rule) => {
    const ranges = rule.ranges.flatMap((r) => {
      const x = shiftRectRows(r, at, count);
      return x ? [x] : [];
    });
    if (rule.ranges.length && !ranges.length) return [];
    return [{ ...rule, ranges, formula: shiftFormulaRows(rule.formula, s.name, s.name, at, count) }];
  });
  if (s.frozen.rows > at) s.frozen = { ...s.frozen, rows: Math.max(at, s.frozen.rows + count) };
  const rr = s.pageSetup.repeatRows;
  if (rr) {
    const x = shiftRectRows({ top: rr.first, left: 0, rows: rr.last - rr.first + 1, cols: 1 }, at, count);
    const next = { ...s.pageSetup };
    if (x) next.repeatRows = { first: x.top, last: x.top + x.rows - 1 };
    else delete next.repeatRows;
    s.pageSetup = next;
  }
}
