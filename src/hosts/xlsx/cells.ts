/**
 * One cell between ExcelJS and the snapshot: its value as the snapshot shows it, its formula, the
 * formats the core reads, and a faithful copy for moving it to another address.
 */
import type * as ExcelJS from "exceljs";
import type { CellValue } from "../../core/types";
import { colorToHex, type ThemePalette } from "./colors";
import { fromStored } from "./future";
import { cellsOf } from "./internals";

/** ExcelJS's value types (Enums.ValueType), by name. */
export const T = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

export const ERROR_CODES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

/** Excel's serial day number for a Date ExcelJS made from one (dates are read as UTC). */
export function dateToSerial(d: Date, date1904: boolean): number {
  return 25569 + d.getTime() / 86400000 - (date1904 ? 1462 : 0);
}

interface RichTextLike {
  richText: { text: string }[];
}
const isRichText = (v: unknown): v is RichTextLike =>
  typeof v === "object" && v !== null && Array.isArray((v as RichTextLike).richText);

/** Text of a string or rich-text value (runs joined, formatting dropped). */
function plainText(v: unknown): string {
  if (typeof v === "string") return v;
  if (isRichText(v)) return v.richText.map((r) => r.text ?? "").join("");
  if (v === null || v === undefined) return "";
  return String(v);
}

/**
 * A raw ExcelJS value (or a formula's cached result) as the snapshot shows it: numbers as numbers,
 * text as text, dates as serial numbers, errors as "#VALUE!", empty text as null.
 */
export function scalarOf(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return v === "" ? null : v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (isRichText(o)) return scalarOf(plainText(o), date1904);
    if (typeof o.error === "string") return o.error;
    if ("hyperlink" in o && "text" in o) return scalarOf(plainText(o.text), date1904);
    if ("formula" in o || "sharedFormula" in o) return scalarOf(o.result, date1904);
  }
  return null;
}

/** The value a cell shows (a formula's cached result; nothing for the hidden cells of a merge). */
export function cellValue(cell: ExcelJS.Cell, date1904: boolean): CellValue {
  switch (cell.type as number) {
    case T.Null:
    case T.Merge:
      return null;
    case T.Formula:
      return scalarOf(cell.result, date1904);
    default:
      return scalarOf(cell.value, date1904);
  }
}

/**
 * "=..." for a formula cell as Excel shows it (a shared formula's clone gets its own text; no "_xlfn."
 * prefixes), else null.
 */
export function cellFormula(cell: ExcelJS.Cell): string | null {
  if ((cell.type as number) !== T.Formula) return null;
  const f = cell.formula;
  return f ? fromStored(`=${f}`) : null;
}

export interface CellFormats {
  fill: string | null;
  bold: boolean;
  fontColor: string | null;
  wrap: boolean;
  numberFormat: string | null;
  /** The font's name (".VnTime", "Calibri"), null when the cell names none. */
  fontName: string | null;
}

/**
 * The text colour every cell has unless someone chose another: the theme's "Text 1" (ExcelJS gives each
 * styled cell the workbook's default font, which names it) or the system foreground colour.
 */
function isAutomaticText(color: Partial<ExcelJS.Color> | undefined): boolean {
  const c = color as { theme?: number; tint?: number; indexed?: number; auto?: boolean } | undefined;
  if (!c) return true;
  return (c.theme === 1 && !c.tint) || c.indexed === 64 || c.auto === true;
}

/** The formats the snapshot carries. A pattern fill reads as its foreground colour; a gradient as none. */
export function cellFormats(cell: ExcelJS.Cell, palette: ThemePalette): CellFormats {
  const style = cell.style ?? {};
  let fill: string | null = null;
  const f = style.fill;
  if (f && f.type === "pattern" && f.pattern && f.pattern !== "none") {
    fill = colorToHex(f.fgColor, palette) ?? (f.pattern === "solid" ? null : colorToHex(f.bgColor, palette));
  }
  const numFmt = style.numFmt;
  return {
    fill,
    bold: !!style.font?.bold,
    fontColor: isAutomaticText(style.font?.color) ? null : colorToHex(style.font?.color, palette),
    wrap: !!style.alignment?.wrapText,
    numberFormat: numFmt && numFmt !== "General" ? numFmt : null,
    fontName: typeof style.font?.name === "string" && style.font.name !== "" ? style.font.name : null,
  };
}

/**
 * Everything a cell holds, to put it back elsewhere: the value model (formula results kept even when
 * 0 or "", which ExcelJS's `value` getter drops), the style object and the note.
 */
export interface CellState {
  model: Record<string, unknown>;
}

export function captureCell(cell: ExcelJS.Cell): CellState {
  return { model: { ...(cell.model as unknown as Record<string, unknown>) } };
}

export function placeCell(cell: ExcelJS.Cell, state: CellState): void {
  (cell as unknown as { model: Record<string, unknown> }).model = { ...state.model, address: cell.address };
}

/** Removes a cell from its row entirely (value, style and note), as if it had never been written. */
export function dropCell(row: ExcelJS.Row, col: number): void {
  const cells = cellsOf(row);
  if (col < cells.length) cells[col] = undefined;
  while (cells.length && !cells[cells.length - 1]) cells.pop();
}
