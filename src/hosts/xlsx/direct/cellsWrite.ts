/**
 * Cells written directly into a parsed worksheet part (sheetPart.ts's model), with the ExcelJS writer's
 * semantics (apply.ts: writeInput, setStyle, fitWrappedRows, recalculate's cached results).
 *
 * Text is written as an inline string (t="inlineStr") while the change set is written, so what a later op
 * reads back is the cell's own text; at save it moves into the shared strings (sharedStrings.ts: each
 * distinct text once, appended). Control characters XML 1.0 forbids (a line tab from a Word paste) are
 * written as Excel writes them, `_x000B_` (what the ExcelJS path's carry-over puts back, controls.ts), and a
 * literal "_x000B_" in the text as `_x005F_x000B_`; such a text goes into the shared strings at once, where
 * every reader decodes the escapes (ExcelJS does not in inline strings).
 */
import type { CellInput, CellStyle, CellValue, Rect } from "../../../core/types";
import { columnLetter } from "../../../core/address";
import type { RowFormula } from "../../../core/rowFormula";
import { toStored } from "../future";
import { ERROR_CODES } from "../cells";
import type { CellPart, RowPart } from "./sheetPart";
import { firstInOrder, RowWalk, type DirectBook, type Sheet } from "./book";
import { colsOf } from "./sheetWrite";

/** Control characters XML 1.0 forbids. */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** Text as a cell holds it in XML: forbidden characters escaped the way Excel escapes them (ST_Xstring). */
const NEEDS_ESCAPE = /[\x00-\x08\x0B\x0C\x0E-\x1F]|_x[0-9A-Fa-f]{4}_/;

/** What any text needing an escape holds (one character class: a quicker scan than NEEDS_ESCAPE's). */
const MAY_NEED_ESCAPE = /[\x00-\x08\x0B\x0C\x0E-\x1F_]/;

export const escapeText = (text: string): string =>
  !MAY_NEED_ESCAPE.test(text) || !NEEDS_ESCAPE.test(text)
    ? text
    : text
        .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
        .replace(FORBIDDEN, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);

/**
 * toStored's results by the formula's shape (its digit runs as one "0"): a column of formulas has one
 * shape. null: the shape names a function with a digit in it, and the formula is stored by toStored itself.
 */
const STORED_SHAPES = new Map<string, string | null>();
/** A function name with a digit in it ("T.DIST.2T", or "A1(" as a name): the shape could not tell it apart. */
const DIGIT_NAME = /[A-Za-z][A-Za-z0-9.]*\d[A-Za-z0-9.]*(?=\()/;

const isDigit = (ch: number) => ch >= 48 && ch <= 57;

/**
 * toStored (future.ts), once per shape: it only puts "_xlfn." prefixes (no digits) before function names,
 * which hold no digits here and which the digits around them do not decide, so the stored shape with the
 * formula's own digit runs put back in order is toStored of the formula. Whether a function name holds a
 * digit is the shape's property as much as the formula's (a digit run stays a digit in the shape, letters
 * and dots stay), so it too is known once per shape.
 */
export function storedFormula(formula: string): string {
  // The shape and the digit runs, in one pass.
  const runs: string[] = [];
  let shape = "";
  let from = 0;
  for (let i = 0; i < formula.length; i++) {
    if (!isDigit(formula.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < formula.length && isDigit(formula.charCodeAt(j))) j++;
    shape += formula.slice(from, i) + "0";
    runs.push(formula.slice(i, j));
    from = j;
    i = j - 1;
  }
  shape = runs.length ? shape + formula.slice(from) : formula;
  let stored = STORED_SHAPES.get(shape);
  if (stored === undefined) {
    if (STORED_SHAPES.size >= 10_000) STORED_SHAPES.clear();
    STORED_SHAPES.set(shape, (stored = DIGIT_NAME.test(shape) ? null : toStored(shape)));
  }
  if (stored === null) return toStored(formula);
  if (!runs.length) return stored;
  // Each "0" of the stored shape is the next digit run. (By replace, which makes one flat string: a text
  // built by `+=` is a tree of pieces, and the cell keeps it until the sheet is written — on 50,000 rows of
  // formulas, tens of megabytes more at the peak.)
  let k = 0;
  return stored.replace(/0/g, () => runs[k++]);
}

/** storedRowFormula's answers, by row formula object (one per column written the same way). */
const STORED_PARTS = new WeakMap<RowFormula, readonly string[] | null>();

/** Where the parts of a row formula meet while it is stored: a character no formula holds. */
const JOIN = "\u0000";

/**
 * A row formula as stored: its parts (no "=") with toStored's prefixes, such that on sheet row `row` the
 * cell's stored formula is `parts.join(String(row + 1))` — storedFormula of its text there, made once per
 * object instead of once per cell. toStored puts "_xlfn." prefixes before function names only, and the
 * digits at the join points (a reference's row) decide none of them unless a function name holds a digit
 * (storedFormula's reason for the same shortcut): then, or when the join points do not come back where
 * they were, null (the cell's text goes through storedFormula).
 */
export function storedRowFormula(v: RowFormula): readonly string[] | null {
  // A column of cells is written from one object: the last answer, without the map.
  if (v === lastRowFormula) return lastStoredParts;
  let stored = STORED_PARTS.get(v);
  if (stored !== undefined) return stored;
  const plain = v.parts.slice();
  if (plain[0].charCodeAt(0) === 61 /* = */) plain[0] = plain[0].slice(1);
  stored = null;
  const zero = plain.join("0");
  if (!DIGIT_NAME.test(zero) && !plain.some((p) => p.includes(JOIN))) {
    const marked = toStored(plain.join(JOIN)).split(JOIN);
    if (marked.length === plain.length && marked.join("0") === toStored(zero)) stored = Object.freeze(marked);
  }
  STORED_PARTS.set(v, stored);
  lastRowFormula = v;
  return (lastStoredParts = stored);
}

let lastRowFormula: RowFormula | null = null;
let lastStoredParts: readonly string[] | null = null;

/** A sheet row's number as text (the cells of a row written one after another share it). */
function rowText(row: number): string {
  if (row !== lastRow) {
    lastRow = row;
    lastRowNumber = String(row + 1);
  }
  return lastRowNumber;
}
let lastRow = -1;
let lastRowNumber = "";

/** Forgets a cell's verbatim XML: it is written from its fields from now on. */
function edited(c: CellPart): void {
  c.raw = undefined;
}

/** The style a row gives the cells made in it (customFormat with a style), else -1. */
function rowStyle(row: RowPart | undefined): number {
  if (row && row.attrs.includes("customFormat") && /\bcustomFormat="(1|true)"/.test(row.attrs)) {
    const s = /\bs="(\d+)"/.exec(row.attrs);
    if (s) return Number(s[1]);
  }
  return -1;
}

/** The style a cell made now starts with: its row's (when the row has one), else its column's. */
export function baseStyle(sheet: Sheet, row: RowPart | undefined, col: number): number {
  const s = rowStyle(row);
  return s >= 0 ? s : colsOf(sheet).styleOf(col);
}

/**
 * baseStyle for the cells an op makes: the column's style found once per column of the op (no column
 * changes while an op writes cells), the row's once per row (`row` the row at hand).
 */
class NewCellStyles {
  private readonly cols: number[] = [];
  private row: RowPart | undefined = undefined;
  private rowS = -1;
  constructor(
    private readonly sheet: Sheet,
    private readonly left: number,
  ) {}
  of(row: RowPart, col: number): number {
    if (row !== this.row) {
      this.row = row;
      this.rowS = rowStyle(row);
    }
    if (this.rowS >= 0) return this.rowS;
    const k = col - this.left;
    let s = this.cols[k];
    if (s === undefined) this.cols[k] = s = colsOf(this.sheet).styleOf(col);
    return s;
  }
}

/** Makes every cell of a shared formula a formula of its own (before one of them is overwritten). */
function unshare(sheet: Sheet, si: string): void {
  const rows = sheet.part.rows;
  let re: RegExp | undefined;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].cells;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (c.fXml !== undefined && (re ??= new RegExp(`\\bsi="${si}"`)).test(c.fXml)) {
        c.fXml = undefined;
        edited(c);
      }
    }
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
  c.rowF = undefined;
  c.is = undefined;
}

/** An input that leaves the cell empty. */
const isBlank = (v: CellInput) => v.kind === "blank" || (v.kind === "text" && v.text === "");

export function writeInput(book: DirectBook, sheet: Sheet, row: number, col: number, v: CellInput): void {
  const existing = sheet.cell(row, col);
  if (isBlank(v)) {
    if (existing) blankOut(sheet, row, col, existing);
    return;
  }
  const c = existing ?? sheet.cellFor(row, col, () => baseStyle(sheet, sheet.row(row), col));
  writeValue(book, sheet, c, v, row);
}

/** A cell a blank input empties: its content goes, and the cell too when it has no style. */
function blankOut(sheet: Sheet, row: number, col: number, existing: CellPart): void {
  clearContent(sheet, existing);
  // A cell with nothing and no style is not written (as ExcelJS leaves it out).
  if (!existing.s) sheet.remove(row, col);
}

/**
 * A non-blank input written into the cell `c` (on sheet row `row`); `fresh`: the cell was just made (it
 * holds nothing to clear).
 */
function writeValue(
  book: DirectBook,
  sheet: Sheet,
  c: CellPart,
  v: CellInput,
  row: number,
  fresh = false,
): void {
  if (!fresh) clearContent(sheet, c);
  switch (v.kind) {
    case "text":
      // Always a plain string: text starting with = + - @ stays text.
      {
        const text = escapeText(v.text);
        if (text === v.text) {
          // Inline while the change set is written (what later ops read back is the cell's own text);
          // into the shared strings at save (sharedStrings.ts).
          c.t = "inlineStr";
          c.is = text;
          sheet.wroteText.push(c);
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
      c.f = storedFormula(v.formula.charCodeAt(0) === 61 /* = */ ? v.formula.slice(1) : v.formula);
      sheet.wroteFormula.add(c);
      return;
    case "rowFormula": {
      // Its text on this row from the stored parts (made once per object); the parts stay with the cell,
      // so a run of them is shared without reading each text again (sharedFormulas.ts).
      const stored = storedRowFormula(v);
      if (stored) {
        c.f = stored.join(rowText(row));
        c.rowF = stored;
      } else {
        const text = v.parts.join(rowText(row));
        c.f = storedFormula(text.charCodeAt(0) === 61 /* = */ ? text.slice(1) : text);
      }
      sheet.wroteFormula.add(c);
      return;
    }
  }
}

/** Whether a row's cells are in strictly increasing columns (as every writer writes them). */
function increasing(cells: CellPart[]): boolean {
  for (let i = 1; i < cells.length; i++) if (cells[i].col <= cells[i - 1].col) return false;
  return true;
}

/**
 * writeInput for every cell of the op, each row's cells walked left to right with the op's columns (what
 * writeInput finds by a search per cell): a cell made goes in where the walk is, with the style baseStyle
 * gives (NewCellStyles). A row whose cells are out of order gets writeInput itself.
 */
export function setCells(
  book: DirectBook,
  sheet: Sheet,
  top: number,
  left: number,
  cells: (CellInput | null)[][],
): void {
  const inOrder = sheet.cellsInOrder();
  const styles = new NewCellStyles(sheet, left);
  const walk = new RowWalk(sheet, top);
  let guess = 0;
  for (let r = 0; r < cells.length; r++) {
    const line = cells[r];
    const rowIndex = top + r;
    let row = walk.row(rowIndex);
    if (row && !inOrder && !increasing(row.cells)) {
      for (let k = 0; k < line.length; k++) {
        const v = line[k];
        if (v !== null) writeInput(book, sheet, rowIndex, left + k, v);
      }
      continue;
    }
    // Every cell of the row before index i is left of the column at hand.
    let i = row ? (guess = firstInOrder(row.cells, left, guess)) : 0;
    for (let k = 0; k < line.length; k++) {
      const v = line[k];
      if (v === null) continue;
      const col = left + k;
      let existing: CellPart | undefined;
      if (row) {
        const rc = row.cells;
        while (i < rc.length && rc[i].col < col) i++;
        if (i < rc.length && rc[i].col === col) existing = rc[i];
      }
      if (isBlank(v)) {
        if (existing) {
          clearContent(sheet, existing);
          // A cell with nothing and no style is not written (as ExcelJS leaves it out).
          if (!existing.s) row!.cells.splice(i, 1);
        }
        continue;
      }
      if (existing) writeValue(book, sheet, existing, v, rowIndex);
      else {
        row ??= sheet.rowFor(rowIndex);
        writeValue(book, sheet, sheet.insertCell(row, i, col, styles.of(row, col)), v, rowIndex, true);
      }
    }
  }
}

export function setStyle(book: DirectBook, sheet: Sheet, ranges: Rect[], style: CellStyle): void {
  // The style each style index becomes under this op, worked out once per index (the last one at hand).
  const derived = new Map<number, number>();
  let lastFrom = -1;
  let lastTo = -1;
  const inOrder = sheet.cellsInOrder();
  for (const rect of ranges) {
    const styles = new NewCellStyles(sheet, rect.left);
    const rowWalk = new RowWalk(sheet, rect.top);
    let guess = 0;
    for (let r = rect.top; r < rect.top + rect.rows; r++) {
      const row = rowWalk.rowFor(r);
      if (rect.cols <= 0) continue;
      const end = rect.left + rect.cols;
      const cells = row.cells;
      // The row's cells walked left to right with the range's columns; a column without one gets one where
      // the walk is (as sheet.cellFor, which drops the row's spans hint: the first column always went
      // through it). A row whose cells are out of order gets sheet.cellFor for every column.
      const walk = inOrder || increasing(cells);
      if (!walk) {
        for (let k = rect.left; k < end; k++) {
          const c = sheet.cellFor(r, k, () => baseStyle(sheet, row, k));
          restyle(c);
        }
        continue;
      }
      if (row.attrs.includes("spans=")) row.attrs = row.attrs.replace(/\s+spans="[^"]*"/, "");
      let i = (guess = firstInOrder(cells, rect.left, guess));
      for (let k = rect.left; k < end; k++, i++) {
        const c =
          i < cells.length && cells[i].col === k ? cells[i] : sheet.insertCell(row, i, k, styles.of(row, k));
        restyle(c);
      }
    }
  }

  function restyle(c: CellPart): void {
    if (c.s !== lastFrom) {
      let s = derived.get(c.s);
      if (s === undefined) derived.set(c.s, (s = book.styles.derive(c.s, style)));
      lastFrom = c.s;
      lastTo = s;
    }
    if (lastTo !== c.s) {
      c.s = lastTo;
      edited(c);
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
  // Whether a style wraps, by style index (asked once each: nothing here changes a style).
  const wraps: boolean[] = [];
  // (Index loops: this runs once per process, where a for…of makes an iterator result per step.)
  const list = Array.isArray(rows) ? (rows as readonly number[]) : [...rows];
  for (let j = 0; j < list.length; j++) {
    const r = list[j];
    const row = sheet.row(r);
    if (!row) continue;
    let lines = 1;
    const cells = row.cells;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      // Only a text (inline, or a shared string: textOf) can need more lines.
      if (c.f !== null || (c.is === undefined && c.t !== "s")) continue;
      let wrap = wraps[c.s];
      if (wrap === undefined) wraps[c.s] = wrap = book.styles.format(c.s).wrap;
      if (!wrap) continue;
      const text = textOf(c, after, r);
      if (!text) continue;
      const perLine = perLineOf(c.col);
      if (text.length <= perLine && !text.includes("\n")) continue;
      lines = Math.max(lines, linesOf(text, perLine));
    }
    if (lines <= 1) continue;
    const height = Math.min(409, lines * LINE_POINTS);
    const attrs = row.attrs;
    const ht = attrs.includes("ht=") ? /\bht="([^"]*)"/.exec(attrs) : null;
    if (height > (ht ? Number(ht[1]) : LINE_POINTS)) {
      const a = ht ? attrs.replace(/\s+ht="[^"]*"/, "") : attrs;
      // (A row without attributes, as the writer makes them, takes the height's text itself: made once.)
      row.attrs = a.replace(/\s+customHeight="[^"]*"/, "") + heightAttrs(height);
    }
  }
}

/** A row's height attributes as fitWrappedRows writes them, by height (a few heights, on many rows). */
const HEIGHT_ATTRS: string[] = [];
const heightAttrs = (height: number) => (HEIGHT_ATTRS[height] ??= ` ht="${height}" customHeight="1"`);

/** The lines a wrapped text takes, `perLine` characters a line: each of its own lines at least one. */
function linesOf(text: string, perLine: number): number {
  let n = 0;
  for (let from = 0; ;) {
    const nl = text.indexOf("\n", from);
    const end = nl < 0 ? text.length : nl;
    n += Math.max(1, Math.ceil((end - from) / perLine));
    if (nl < 0) return n;
    from = nl + 1;
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

/** A formula cell caches `v`: as the cell's `t` and `v`. */
function cache(c: CellPart, v: CellValue): void {
  if (v === null) {
    c.t = null;
    c.v = null;
  } else if (typeof v === "number") {
    c.t = null;
    c.v = String(v);
  } else if (typeof v === "boolean") {
    c.t = "b";
    c.v = v ? "1" : "0";
  } else {
    c.t = ERROR_CODES.has(v) ? "e" : "str";
    c.v = v;
  }
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
  cache(c, v);
  edited(c);
  return true;
}

/**
 * The formula cells of a sheet get the after-state's values as their cached results (core's model
 * recalculated them: what apply.ts recalculate gives). Returns whether anything changed.
 */
export function cacheResults(sheet: Sheet, after: ValueAt): boolean {
  let changed = false;
  const rows = sheet.part.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const cells = row.cells;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (c.f === null) continue;
      if (setCached(c, after(row.index, c.col))) changed = true;
    }
  }
  return changed;
}

/** The sheet's <dimension> follows the cells it has. */
export function updateDimension(sheet: Sheet): void {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  const rows = sheet.part.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
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
