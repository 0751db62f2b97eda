/**
 * Whole sheet rows inserted or deleted (the insertRows / deleteRows ops), as Excel does them: cells below
 * move down (or up), tables, validations and conditional formats below move and those across the row grow
 * (or shrink), frozen rows and printed title rows follow, and formulas everywhere move their references to
 * the shifted rows. The model (core/model.ts) and every host use these rules. Pure.
 */
import type { Rect } from "./types";
import { shiftRect } from "./address";

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
  let out = "";
  let i = 0;
  const src = formula;
  const deletedEnd = count < 0 ? at - count : at;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"') {
      const j = src.indexOf('"', i + 1);
      const end = j === -1 ? src.length : j + 1;
      out += src.slice(i, end);
      i = end;
      continue;
    }
    const prev = i > 0 ? src[i - 1] : "";
    REF_AT.lastIndex = i;
    const m = /[A-Za-z0-9_.$']/.test(prev) ? null : REF_AT.exec(src);
    const after = m ? src[i + m[0].length] : undefined;
    if (!m || after === "(" || after === "!" || (after !== undefined && /[A-Za-z0-9_]/.test(after))) {
      out += ch;
      i++;
      continue;
    }
    i += m[0].length;
    const sheet = m[1] ? m[1].replace(/^'|'$/g, "").replace(/''/g, "'") : home;
    if (sheet !== target) {
      out += m[0];
      continue;
    }
    const prefix = m[1] ? `${m[1]}!` : "";
    let r1 = parseInt(m[4], 10) - 1;
    let r2 = m[5] !== undefined ? parseInt(m[7], 10) - 1 : r1;
    if (count > 0) {
      if (r1 >= at) r1 += count;
      if (r2 >= at) r2 += count;
    } else {
      const gone = (r: number) => r >= at && r < deletedEnd;
      if (gone(r1) && gone(r2)) {
        out += `${prefix}#REF!`;
        continue;
      }
      r1 = gone(r1) ? at : r1 >= deletedEnd ? r1 + count : r1;
      r2 = gone(r2) ? at - 1 : r2 >= deletedEnd ? r2 + count : r2;
    }
    out += `${prefix}${m[2]}${m[3]}${r1 + 1}`;
    if (m[5] !== undefined) out += `:${m[5]}${m[6]}${r2 + 1}`;
  }
  return out;
}

/** What of a sheet model moves with whole rows (core/model.ts's SheetModel has all of it). */
export interface RowShiftable {
  name: string;
  rows: Map<number, Map<number, unknown>>;
  tables: { rect: Rect }[];
  validations: { rect: Rect }[];
  conditionalFormats: { ranges: Rect[]; formula: string }[];
  frozen: { rows: number; cols: number };
  pageSetup: { repeatRows?: { first: number; last: number } };
}

/** Shifts a sheet's rows from `at` by `count` (negative: deletes them), and everything anchored to rows. */
export function shiftSheetRows(s: RowShiftable, at: number, count: number): void {
  const moved = new Map<number, Map<number, unknown>>();
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
