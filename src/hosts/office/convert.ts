/**
 * Conversions between Excel's shapes and the core's, pure (no Excel.run, no sync): column widths, text that
 * Excel would not keep as text, A1 addresses, runs of cells without gaps, request sizes, the grids a read
 * returns (values, formulas, formats, cell properties) as a snapshot's arrays.
 */
import type { CellInput, CellValue, Rect } from "../../core/types";
import { columnIndex, columnLetter, parseRectAddress } from "../../core/address";
import { formulaTextAt } from "../../core/rowFormula";
import { DEFAULT_COLUMN_WIDTH as STANDARD_WIDTH, pointsToChars } from "../../core/units";

/**
 * Text that Excel would not keep as the same text when written through `values`/`formulas` (both parse
 * what they get like typed input): a leading = + - @ starts a formula, a leading ' is eaten as the text
 * prefix, # and numbers, dates, percents, TRUE/FALSE are converted. Such text is written with a leading
 * apostrophe, which Excel stores as the cell's quote prefix (the cell shows and returns the text itself,
 * its number format is untouched).
 */
export function excelText(text: string): string {
  if (text === "") return text;
  if (/^[=+\-@'#]/.test(text)) return `'${text}`;
  if (/^\s*[(]?[$€₫]?\s*[\d.,\s:/-]*\d[\d.,\s:/-]*(%|[eE][+-]?\d+)?\s*[)]?\s*$/.test(text)) return `'${text}`;
  if (/^\s*(true|false)\s*$/i.test(text)) return `'${text}`;
  return text;
}

/** What to assign in `values`/`formulas` for one cell, on sheet row `row` (0-based). */
export function inputValue(c: CellInput, row: number): string | number | boolean {
  switch (c.kind) {
    case "text":
      return excelText(c.text);
    case "number":
    case "bool":
      return c.value;
    case "formula":
      return c.formula;
    case "rowFormula":
      return formulaTextAt(c, row)!;
    case "blank":
      return "";
  }
}

/** A rectangle of a setCells block without nulls, with the cells to write. */
export interface CellRun extends Rect {
  cells: CellInput[][];
}

/**
 * Splits a setCells block into rectangles without nulls: maximal runs of non-null cells on each row,
 * merged down while the next row has a run with the same columns.
 */
export function cellRuns(
  top: number,
  left: number,
  cells: readonly (readonly (CellInput | null)[])[],
): CellRun[] {
  const done: CellRun[] = [];
  let open = new Map<string, CellRun>();
  cells.forEach((row, r) => {
    const next = new Map<string, CellRun>();
    let c = 0;
    while (c < row.length) {
      if (row[c] === null) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c] !== null) c++;
      const key = `${start}:${c}`;
      const slice = row.slice(start, c) as CellInput[];
      const prev = open.get(key);
      if (prev) {
        prev.rows++;
        prev.cells.push(slice);
        open.delete(key);
        next.set(key, prev);
      } else {
        next.set(key, { top: top + r, left: left + start, rows: 1, cols: c - start, cells: [slice] });
      }
    }
    for (const run of open.values()) done.push(run);
    open = next;
  });
  for (const run of open.values()) done.push(run);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A1 address of columns [at, at+count) as whole columns: "F:G". */
export function columnsAddress(at: number, count: number): string {
  return `${columnLetter(at)}:${columnLetter(at + count - 1)}`;
}

/**
 * Parses an address Excel returns ("Sheet1!B2:F9", "'Kế hoạch'!A1", "Sheet1!C:E", "Sheet1!3:5") into a
 * rectangle; whole columns and rows span the sheet.
 */
export function parseAddress(address: string): Rect | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const rect = parseRectAddress(bare);
  if (rect) return rect;
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(bare);
  if (cols) {
    const a = columnIndex(cols[1]);
    const b = columnIndex(cols[2]);
    return { top: 0, left: Math.min(a, b), rows: 1048576, cols: Math.abs(b - a) + 1 };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(bare);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { top: Math.min(a, b), left: 0, rows: Math.abs(b - a) + 1, cols: 16384 };
  }
  return null;
}

/** Byte length of a value as JSON in UTF-8 (what a request carries for it). */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? "";
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x800) n += 2;
    else if (code >= 0x80) n += 1;
  }
  return n;
}

/** The rectangles of a getSpecialCells address ("'S'!E2:E9,'S'!G2"), unparsable parts left out. */
export function areaRects(address: string): Rect[] {
  const rects: Rect[] = [];
  for (const a of address.split(",")) {
    const rect = parseAddress(a);
    if (rect) rects.push(rect);
  }
  return rects;
}

/** A sheet's grids as a snapshot carries them. */
export interface Grids {
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
  fills: (string | null)[][];
  bold: boolean[][];
  fontColors: (string | null)[][];
  wrap: boolean[][];
  /** Font names of cells with content (null for blank cells): what tells a legacy-encoded sheet. */
  fontNames: (string | null)[][];
}

export const emptyGrids = (): Grids => ({
  values: [],
  formulas: [],
  numberFormats: [],
  fills: [],
  bold: [],
  fontColors: [],
  wrap: [],
  fontNames: [],
});

export function upperColor(c: string | undefined | null): string | null {
  if (!c) return null;
  return c.startsWith("#") ? c.toUpperCase() : c;
}

/** Fill of one cell: null for no fill (pattern "None", or Excel's default white when no pattern is reported). */
export function fillOf(p: Excel.CellProperties | undefined): string | null {
  const fill = p?.format?.fill;
  if (!fill) return null;
  const color = upperColor(fill.color);
  if (fill.pattern === "None") return null;
  if (fill.pattern === undefined && color === "#FFFFFF") return null;
  return color;
}

export function gridsOf(
  values: unknown[][],
  formulas: unknown[][],
  formats: unknown[][],
  props: Excel.CellProperties[][],
): Grids {
  const g = emptyGrids();
  values.forEach((row, r) => {
    const vRow: CellValue[] = [];
    const fRow: (string | null)[] = [];
    const nRow: (string | null)[] = [];
    const fillRow: (string | null)[] = [];
    const bRow: boolean[] = [];
    const cRow: (string | null)[] = [];
    const wRow: boolean[] = [];
    const nameRow: (string | null)[] = [];
    row.forEach((raw, c) => {
      const v = raw === "" || raw === undefined ? null : (raw as CellValue);
      vRow.push(v);
      // `formulas` holds the value of a cell without formula; a quote-prefixed text "=x" reads back as "=x" in
      // both `values` and `formulas`, while a real formula's value differs from its own text.
      const f = formulas[r]?.[c];
      fRow.push(typeof f === "string" && f.startsWith("=") && f !== raw ? f : null);
      const nf = formats[r]?.[c];
      nRow.push(typeof nf === "string" && nf !== "General" && nf !== "" ? nf : null);
      const p = props[r]?.[c];
      fillRow.push(fillOf(p));
      bRow.push(p?.format?.font?.bold === true);
      const fc = upperColor(p?.format?.font?.color);
      cRow.push(fc === "#000000" ? null : fc);
      wRow.push(p?.format?.wrapText === true);
      const font = p?.format?.font?.name;
      nameRow.push(v !== null && typeof font === "string" && font !== "" ? font : null);
    });
    g.values.push(vRow);
    g.formulas.push(fRow);
    g.numberFormats.push(nRow);
    g.fills.push(fillRow);
    g.bold.push(bRow);
    g.fontColors.push(cRow);
    g.wrap.push(wRow);
    g.fontNames.push(nameRow);
  });
  return g;
}

export function concatGrids(parts: Grids[]): Grids {
  const out = emptyGrids();
  for (const p of parts) {
    for (const k of Object.keys(out) as (keyof Grids)[])
      (out[k] as unknown[][]).push(...(p[k] as unknown[][]));
  }
  return out;
}

export function columnWidths(columns: Excel.ColumnProperties[]): Record<number, number> {
  const widths: Record<number, number> = {};
  for (const col of columns) {
    const rect = col.address ? parseAddress(col.address) : null;
    const pts = col.format?.columnWidth;
    if (!rect || typeof pts !== "number" || col.format?.useStandardWidth === true) continue;
    const w = pointsToChars(pts);
    if (w !== STANDARD_WIDTH) widths[rect.left] = w;
  }
  return widths;
}

/** The hidden columns (0-based, sorted, once each) among loaded column properties. */
export function hiddenColumns(columns: Excel.ColumnProperties[]): number[] {
  const hidden = new Set<number>();
  for (const col of columns) {
    const rect = col.columnHidden === true && col.address ? parseAddress(col.address) : null;
    if (rect) hidden.add(rect.left);
  }
  return [...hidden].sort((a, b) => a - b);
}

/** Parses a data-validation rule into a list, when it is a literal list ("a,b,c"). */
export function listOf(rule: Excel.DataValidationRule | undefined): string[] | null {
  const source = rule?.list?.source;
  if (typeof source !== "string" || source.startsWith("=")) return null;
  return source.split(",").map((s) => s.trim());
}
