/**
 * What the playground's grid shows of one ExcelJS worksheet: every cell's displayed text (cached formula
 * results formatted with the cell's number format in the user's locale), fill, bold, font colour, wrap,
 * alignment, merges, and the column widths. Plain data, so the grid component stays a renderer.
 */
import { shownFills } from "../app/format";
import type * as ExcelJS from "exceljs";
import type { CellValue } from "../app/types";
import { readSheet } from "../hosts/xlsx";

export type Lang = "vi" | "en";

export interface GridCell {
  /** The text the cell displays. */
  text: string;
  /** The raw value (for the formula bar when the cell has no formula). */
  value: CellValue;
  formula: string | null;
  fill: string | null;
  color: string | null;
  bold: boolean;
  wrap: boolean;
  align: "left" | "center" | "right";
  valign: "top" | "middle" | "bottom";
  /** A merged range's top-left cell spans this many rows/columns; the other cells of the merge are null. */
  rowSpan: number;
  colSpan: number;
}

export interface GridView {
  sheet: string;
  /** Rows and columns drawn (used range plus a margin of empty cells, like Excel's endless sheet). */
  rows: number;
  cols: number;
  /** Column widths in CSS pixels. */
  widths: number[];
  /** cells[r][c] for 0-based sheet coordinates; null = empty cell or hidden by a merge (see `covered`). */
  cells: (GridCell | null)[][];
  /** "r,c" of cells hidden under a merged range. */
  covered: Set<string>;
  /** True when the sheet has more rows than the grid draws. */
  truncated: boolean;
  /** Rows in the sheet's used range. */
  usedRows: number;
}

/** The grid draws at most this many rows (a playground, not a spreadsheet engine). */
export const MAX_ROWS = 2000;
const MIN_ROWS = 30;
const MIN_COLS = 10;
const MARGIN_ROWS = 5;
const MARGIN_COLS = 3;

/** Excel's default column width (8.43 characters) is 64 px; a character is about 7 px plus 5 px padding. */
export function widthToPixels(chars: number | undefined): number {
  if (chars === undefined || !Number.isFinite(chars) || chars <= 0) return 64;
  return Math.round(chars * 7 + 5);
}

const LOCALES: Record<Lang, string> = { vi: "vi-VN", en: "en-US" };

/** The parts of a number format the grid honours: decimals, percent, thousands separators, dates. */
function describeFormat(fmt: string) {
  // the positive section, without quoted literals, escapes and colour/condition brackets
  const section = fmt
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  const date = /[dmyhs]/i.test(section) && !/[0#]/.test(section);
  const decimals = /\.([0#]+)/.exec(section)?.[1].length ?? 0;
  return { date, decimals, percent: section.includes("%"), grouping: /[#0],[#0]/.test(section) };
}

function formatDate(serial: number, fmt: string, lang: Lang): string {
  // Excel's 1900 date system (serial 25569 = 1970-01-01), good enough for display
  const d = new Date(Math.round((serial - 25569) * 86400 * 1000));
  if (Number.isNaN(d.getTime())) return String(serial);
  const time = /h/i.test(fmt);
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    ...(time ? { hour: "2-digit", minute: "2-digit" } : {}),
  }).format(d);
}

/** A cell value as Excel would display it with `numberFormat`, in the user's locale (9,50 in vi). */
export function displayValue(value: CellValue, numberFormat: string | null | undefined, lang: Lang): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  const fmt = numberFormat && numberFormat !== "General" ? numberFormat : null;
  if (!fmt) {
    return new Intl.NumberFormat(LOCALES[lang], { maximumSignificantDigits: 11, useGrouping: false }).format(
      value,
    );
  }
  const f = describeFormat(fmt);
  if (f.date) return formatDate(value, fmt, lang);
  const n = new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: f.decimals,
    maximumFractionDigits: f.decimals,
    useGrouping: f.grouping,
  }).format(f.percent ? value * 100 : value);
  return f.percent ? `${n}%` : n;
}

type Align = GridCell["align"];

function alignment(cell: ExcelJS.Cell | undefined, value: CellValue): Align {
  const h = cell?.alignment?.horizontal;
  if (h === "center" || h === "centerContinuous") return "center";
  if (h === "right") return "right";
  if (h === "left" || h === "justify" || h === "distributed" || h === "fill") return "left";
  // Excel's "General": numbers and booleans right, text left
  return typeof value === "number" ? "right" : typeof value === "boolean" ? "center" : "left";
}

function verticalAlignment(cell: ExcelJS.Cell | undefined): GridCell["valign"] {
  const v = cell?.alignment?.vertical;
  return v === "top" ? "top" : v === "middle" || v === "distributed" || v === "justify" ? "middle" : "bottom";
}

/** Merged ranges of the sheet, found through ExcelJS's public cell API (a merged cell knows its master). */
function mergedRanges(ws: ExcelJS.Worksheet, maxRow: number): Map<string, { rows: number; cols: number }> {
  const spans = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > maxRow) return;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (!cell.isMerged) return;
      const m = cell.master;
      const key = `${Number(m.row) - 1},${Number(m.col) - 1}`;
      const s = spans.get(key) ?? {
        top: Number(m.row) - 1,
        left: Number(m.col) - 1,
        bottom: Number(m.row) - 1,
        right: Number(m.col) - 1,
      };
      s.bottom = Math.max(s.bottom, rowNumber - 1);
      s.right = Math.max(s.right, colNumber - 1);
      spans.set(key, s);
    });
  });
  const out = new Map<string, { rows: number; cols: number }>();
  for (const [key, s] of spans) {
    if (s.bottom > s.top || s.right > s.left)
      out.set(key, { rows: s.bottom - s.top + 1, cols: s.right - s.left + 1 });
  }
  return out;
}

/** The grid's view of one worksheet: read through the xlsx host's readSheet, the same read the commands use. */
export function sheetView(ws: ExcelJS.Worksheet, lang: Lang): GridView {
  const s = readSheet(ws);
  const usedRows = s.values.length ? s.top + s.values.length : 0;
  const usedCols = s.values[0]?.length ? s.left + s.values[0].length : 0;
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, usedRows + MARGIN_ROWS));
  const widthCols = Object.keys(s.columnWidths ?? {}).map((k) => Number(k) + 1);
  const cols = Math.max(MIN_COLS, usedCols + MARGIN_COLS, ...widthCols);
  const widths = Array.from({ length: cols }, (_, c) => widthToPixels(s.columnWidths?.[c]));
  const cells: (GridCell | null)[][] = Array.from({ length: rows }, () =>
    Array<GridCell | null>(cols).fill(null),
  );

  // Conditional formats (the live highlight) show as Excel shows them: evaluated on the cells' values.
  const fills = s.conditionalFormats?.length ? shownFills(s) : s.fills;
  s.values.forEach((line, i) => {
    const r = s.top + i;
    if (r >= rows) return;
    line.forEach((value, j) => {
      const c = s.left + j;
      const formula = s.formulas?.[i][j] ?? null;
      const fill = fills?.[i][j] ?? null;
      const color = s.fontColors?.[i][j] ?? null;
      const bold = s.bold?.[i][j] ?? false;
      const wrap = s.wrap?.[i][j] ?? false;
      if (value === null && !formula && !fill && !bold && !wrap && !color) return;
      const cell = ws.findCell(r + 1, c + 1);
      cells[r][c] = {
        text: displayValue(value, s.numberFormats?.[i][j], lang),
        value,
        formula,
        fill,
        color,
        bold,
        wrap,
        align: alignment(cell, value),
        valign: verticalAlignment(cell),
        rowSpan: 1,
        colSpan: 1,
      };
    });
  });

  const covered = new Set<string>();
  for (const [key, span] of mergedRanges(ws, rows)) {
    const [top, left] = key.split(",").map(Number);
    if (top >= rows || left >= cols) continue;
    const rowSpan = Math.min(span.rows, rows - top);
    const colSpan = Math.min(span.cols, cols - left);
    const master = cells[top][left] ?? emptyCell();
    cells[top][left] = { ...master, rowSpan, colSpan };
    for (let r = top; r < top + rowSpan; r++)
      for (let c = left; c < left + colSpan; c++) {
        if (r === top && c === left) continue;
        covered.add(`${r},${c}`);
        cells[r][c] = null;
      }
  }
  return { sheet: ws.name, rows, cols, widths, cells, covered, truncated: usedRows > rows, usedRows };
}

function emptyCell(): GridCell {
  return {
    text: "",
    value: null,
    formula: null,
    fill: null,
    color: null,
    bold: false,
    wrap: false,
    align: "left",
    valign: "bottom",
    rowSpan: 1,
    colSpan: 1,
  };
}
