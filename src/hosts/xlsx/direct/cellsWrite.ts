/**
 * Cells written directly into a parsed worksheet part (sheetPart.ts's model), with the ExcelJS writer's
 * semantics (apply.ts: writeInput, setStyle, fitWrappedRows, recalculate's cached results).
 *
 * Text is written as inline strings (t="inlineStr"), not appended to the shared strings: the shared-strings
 * part then stays byte for byte (no re-serialising a part as big as the sheet, no index to keep in step), and
 * every reader (Excel, LibreOffice, ExcelJS, our own) reads inline strings; Excel turns them into shared
 * strings the next time it saves. Control characters XML 1.0 forbids (a line tab from a Word paste) are
 * written as Excel writes them, `_x000B_` (what the ExcelJS path's carry-over puts back, controls.ts), and a
 * literal "_x000B_" in the text as `_x005F_x000B_`; such a text goes into the shared strings (appended:
 * nothing else of that part changes), where every reader decodes the escapes (ExcelJS does not in inline
 * strings).
 */
import type { CellInput, CellStyle, CellValue, Rect } from "../../../core/types";
import { columnLetter } from "../../../core/address";
import { toStored } from "../future";
import { ERROR_CODES } from "../cells";
import type { CellPart, RowPart } from "./sheetPart";
import type { DirectBook, Sheet } from "./book";
import { colsOf } from "./sheetWrite";

/** Control characters XML 1.0 forbids. */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** Text as a cell holds it in XML: forbidden characters escaped the way Excel escapes them (ST_Xstring). */
const NEEDS_ESCAPE = /[\x00-\x08\x0B\x0C\x0E-\x1F]|_x[0-9A-Fa-f]{4}_/;

export const escapeText = (text: string): string =>
  !NEEDS_ESCAPE.test(text)
    ? text
    : text
        .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
        .replace(FORBIDDEN, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);

/** toStored's results by the formula's shape (its digits as "0"): a column of formulas has one shape. */
const STORED_SHAPES = new Map<string, string>();
/** A function name with a digit in it ("T.DIST.2T", or "A1(" as a name): the shape could not tell it apart. */
const DIGIT_NAME = /[A-Za-z][A-Za-z0-9.]*\d[A-Za-z0-9.]*(?=\()/;

/**
 * toStored (future.ts), once per shape: it only puts "_xlfn." prefixes (no digits) before function names,
 * which hold no digits here and which the digits around them do not decide, so the stored shape with the
 * formula's own digit runs put back in order is toStored of the formula.
 */
export function storedFormula(formula: string): string {
  if (DIGIT_NAME.test(formula)) return toStored(formula);
  const runs: string[] = [];
  const shape = formula.replace(/\d+/g, (d) => {
    runs.push(d);
    return "0";
  });
  let stored = STORED_SHAPES.get(shape);
  if (stored === undefined) {
    if (STORED_SHAPES.size >= 10_000) STORED_SHAPES.clear();
    STORED_SHAPES.set(shape, (stored = toStored(shape)));
  }
  if (!runs.length) return stored;
  let i = 0;
  return stored.replace(/0/g, () => runs[i++]);
}

/** Forgets a cell's verbatim XML: it is written from its fields from now on. */
function edited(c: CellPart): void {
  c.raw = undefined;
}

/** The style a cell made now starts with: its row's (when the row has one), else its column's. */
export function baseStyle(sheet: Sheet, row: RowPart | undefined, col: number): number {
  if (row && /\bcustomFormat="(1|true)"/.test(row.attrs)) {
    const s = /\bs="(\d+)"/.exec(row.attrs);
    if (s) return Number(s[1]);
  }
  return colsOf(sheet).styleOf(col);
}

/** Makes every cell of a shared formula a formula of its own (before one of them is overwritten). */
function unshare(sheet: Sheet, si: string): void {
  for (const r of sheet.part.rows)
    for (const c of r.cells)
      if (c.fXml !== undefined && new RegExp(`\\bsi="${si}"`).test(c.fXml)) {
        c.fXml = undefined;
        edited(c);
      }
}

function clearContent(sheet: Sheet, c: CellPart): void {
  if (c.fXml !== undefined) {
    const si = /\bt="shared"/.test(c.fXml) ? /\bsi="(\d+)"/.exec(c.fXml)?.[1] : undefined;
    if (si !== undefined) unshare(sheet, si);
    c.fXml = undefined;
  }
  edited(c);
  c.t = null;
  c.v = null;
  c.f = null;
  c.is = undefined;
}

export function writeInput(book: DirectBook, sheet: Sheet, row: number, col: number, v: CellInput): void {
  const existing = sheet.cell(row, col);
  if (v.kind === "blank" || (v.kind === "text" && v.text === "")) {
    if (!existing) return;
    clearContent(sheet, existing);
    // A cell with nothing and no style is not written (as ExcelJS leaves it out).
    if (!existing.s) sheet.remove(row, col);
    return;
  }
  const c = existing ?? sheet.cellFor(row, col, () => baseStyle(sheet, sheet.row(row), col));
  clearContent(sheet, c);
  switch (v.kind) {
    case "text":
      // Always a plain string: text starting with = + - @ stays text.
      {
        const text = escapeText(v.text);
        if (text === v.text) {
          c.t = "inlineStr";
          c.is = text;
        } else {
          c.t = "s";
          c.v = String(book.addSharedString(text));
        }
      }
      return;
    case "number":
      c.v = String(v.value);
      return;
    case "bool":
      c.t = "b";
      c.v = v.value ? "1" : "0";
      return;
    case "formula":
      // Stored as Excel stores it (functions newer than 2007 with "_xlfn."); the cached result comes later.
      c.f = storedFormula(v.formula.replace(/^=/, ""));
      return;
  }
}

export function setCells(
  book: DirectBook,
  sheet: Sheet,
  top: number,
  left: number,
  cells: (CellInput | null)[][],
): void {
  cells.forEach((line, r) =>
    line.forEach((v, k) => {
      if (v !== null) writeInput(book, sheet, top + r, left + k, v);
    }),
  );
}

export function setStyle(book: DirectBook, sheet: Sheet, ranges: Rect[], style: CellStyle): void {
  // The style each style index becomes under this op, worked out once per index.
  const derived = new Map<number, number>();
  for (const rect of ranges)
    for (let r = rect.top; r < rect.top + rect.rows; r++) {
      const row = sheet.rowFor(r);
      for (let k = rect.left; k < rect.left + rect.cols; k++) {
        const c = sheet.cellFor(r, k, () => baseStyle(sheet, row, k));
        let s = derived.get(c.s);
        if (s === undefined) derived.set(c.s, (s = book.styles.derive(c.s, style)));
        if (s !== c.s) {
          c.s = s;
          edited(c);
        }
      }
    }
}

/** Default row height in points (Calibri 11), and the height of one more line of wrapped text. */
const LINE_POINTS = 15;

/** apply.ts fitWrappedRows: rows whose cells the change set wrapped get a height that shows their text. */
export function fitWrappedRows(
  book: DirectBook,
  sheet: Sheet,
  rows: Iterable<number>,
  after?: ValueAt,
): void {
  const cols = colsOf(sheet);
  const widths = new Map<number, number>();
  const perLineOf = (col: number) => {
    let w = widths.get(col);
    if (w === undefined) widths.set(col, (w = Math.max(1, Math.floor(cols.widthOf(col) ?? 8.43))));
    return w;
  };
  for (const r of rows) {
    const row = sheet.row(r);
    if (!row) continue;
    let lines = 1;
    for (const c of row.cells) {
      if (c.f !== null || !book.styles.format(c.s).wrap) continue;
      const text = textOf(c, after, r);
      if (!text) continue;
      const perLine = perLineOf(c.col);
      if (text.length <= perLine && !text.includes("\n")) continue;
      const n = text.split("\n").reduce((sum, p) => sum + Math.max(1, Math.ceil(p.length / perLine)), 0);
      lines = Math.max(lines, n);
    }
    const height = Math.min(409, lines * LINE_POINTS);
    const ht = /\bht="([^"]*)"/.exec(row.attrs);
    if (lines > 1 && height > (ht ? Number(ht[1]) : LINE_POINTS)) {
      let a = row.attrs.replace(/\s+ht="[^"]*"/, "").replace(/\s+customHeight="[^"]*"/, "");
      a += ` ht="${height}" customHeight="1"`;
      row.attrs = a;
    }
  }
}

/** A sheet's cell values as the change set leaves them, recalculated (prepare's model, read in place). */
export type ValueAt = (row: number, col: number) => CellValue;

/** A text cell's text: inline, or the after-state value of a shared string. */
function textOf(c: CellPart, after: ValueAt | undefined, row: number): string | null {
  if (c.is !== undefined) return c.is;
  if (c.t === "s" && after) {
    const v = after(row, c.col);
    return typeof v === "string" ? v : null;
  }
  return null;
}

/** The value a formula cell caches, as the cell's `t` and `v`. */
function cached(v: CellValue): { t: string | null; v: string | null } {
  if (v === null) return { t: null, v: null };
  if (typeof v === "number") return { t: null, v: String(v) };
  if (typeof v === "boolean") return { t: "b", v: v ? "1" : "0" };
  return ERROR_CODES.has(v) ? { t: "e", v } : { t: "str", v };
}

/** A formula cell's cached value as the snapshot shows it. */
export function cachedValue(c: CellPart): CellValue {
  if (c.v === null) return null;
  switch (c.t) {
    case "b":
      return c.v === "1" || c.v === "true";
    case "e":
    case "str":
      return c.v === "" ? null : c.v;
    case null:
    case "n": {
      const n = Number(c.v);
      return c.v === "" || !Number.isFinite(n) ? null : n;
    }
    default:
      return null;
  }
}

/** A formula cell's cached result becomes `v`; whether it changed. */
export function setCached(c: CellPart, v: CellValue): boolean {
  if (v === cachedValue(c)) return false;
  const next = cached(v);
  c.t = next.t;
  c.v = next.v;
  edited(c);
  return true;
}

/**
 * The formula cells of a sheet get the after-state's values as their cached results (core's model
 * recalculated them: what apply.ts recalculate gives). Returns whether anything changed.
 */
export function cacheResults(sheet: Sheet, after: ValueAt): boolean {
  let changed = false;
  for (const row of sheet.part.rows)
    for (const c of row.cells) {
      if (c.f === null) continue;
      if (setCached(c, after(row.index, c.col))) changed = true;
    }
  return changed;
}

/** The sheet's <dimension> follows the cells it has. */
export function updateDimension(sheet: Sheet): void {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (const r of sheet.part.rows) {
    if (!r.cells.length) continue;
    top = Math.min(top, r.index);
    bottom = Math.max(bottom, r.index);
    left = Math.min(left, r.cells[0].col);
    right = Math.max(right, r.cells[r.cells.length - 1].col);
  }
  const ref =
    bottom < 0
      ? "A1"
      : top === bottom && left === right
        ? `${columnLetter(left)}${top + 1}`
        : `${columnLetter(left)}${top + 1}:${columnLetter(right)}${bottom + 1}`;
  const head = sheet.part.head;
  const m = /<dimension\b[^>]*?\/>/.exec(head);
  if (m)
    sheet.part.head =
      head.slice(0, m.index) + `<dimension ref="${ref}"/>` + head.slice(m.index + m[0].length);
}
