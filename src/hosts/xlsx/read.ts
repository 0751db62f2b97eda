/** Reading an ExcelJS workbook into the core's WorkbookSnapshot. Pure with respect to the workbook. */
import { readFrozen, readRules, workbookNames } from "./sheetExtras";
import { assembleSnapshot, type ReadOptions } from "./assemble";
import { CellList, packCells } from "./cellGrid";
import type * as ExcelJS from "exceljs";
import type {
  CellValue,
  ListValidation,
  Rect,
  SheetSnapshot,
  TableInfo,
  WorkbookSnapshot,
} from "../../core/types";
import { OWNED_SHEETS } from "../../core/owned";
import { parseCellAddress } from "../../core/address";
import { cellFormats, cellFormula, cellValue, type CellFormats } from "./cells";
import { themePalette, type ThemePalette } from "./colors";
import {
  cellsOf,
  columnsOf,
  rowsOf,
  tablesOf,
  validationMap,
  type DataValidationModel,
  type TableModel,
} from "./internals";
import { cellsToRects, parseRange } from "./rects";

/** The sheets the add-in writes besides the criteria table's (one list: core/owned.ts). */
export { OWNED_SHEETS };

export type { ReadOptions };

export interface ReadContext {
  date1904: boolean;
  palette: ThemePalette;
}

export function readContext(wb: ExcelJS.Workbook): ReadContext {
  return { date1904: !!wb.properties?.date1904, palette: themePalette(wb) };
}

/** A table's whole range (header and totals included). */
export function tableRect(t: TableModel): Rect | null {
  if (t.tableRef) return parseRange(t.tableRef);
  if (!t.ref) return null;
  const tl = parseCellAddress(t.ref);
  if (!tl) return null;
  const rows = (t.rows?.length ?? 0) + (t.headerRow === false ? 0 : 1) + (t.totalsRow ? 1 : 0);
  return { top: tl.row, left: tl.col, rows, cols: t.columns.length };
}

const text = (v: CellValue) => (v === null ? "" : String(v));

/**
 * Whether a table shows its header row. ExcelJS 4.4 reads a table without a headerRowCount attribute
 * (how Excel writes the default, one header row) as having none; a table with an autofilter, or whose top
 * row spells its column names, has one.
 */
export function hasHeaderRow(ws: ExcelJS.Worksheet, t: TableModel, ctx?: ReadContext): boolean {
  if (t.headerRow) return true;
  if (t.autoFilterRef) return true;
  const r = tableRect(t);
  if (!r || !t.columns.length) return false;
  const row = ws.findRow(r.top + 1);
  const date1904 = ctx?.date1904 ?? false;
  return t.columns.every((c, i) => {
    const cell = row?.findCell(r.left + i + 1);
    return !!cell && text(cellValue(cell, date1904)).trim() === String(c.name ?? "").trim();
  });
}

/** ExcelJS 4.4 reads tables saved by Excel (no headerRowCount attribute) as headerless: fix that. */
export function repairTableHeaders(wb: ExcelJS.Workbook): void {
  const ctx = readContext(wb);
  for (const ws of wb.worksheets)
    for (const { table: t } of Object.values(tablesOf(ws)))
      if (!t.headerRow && hasHeaderRow(ws, t, ctx)) t.headerRow = true;
}

export function readTables(ws: ExcelJS.Worksheet, ctx?: ReadContext): TableInfo[] {
  const out: TableInfo[] = [];
  for (const { table: t } of Object.values(tablesOf(ws))) {
    const rect = tableRect(t);
    if (!rect) continue;
    const info: TableInfo = { name: t.name, rect, showHeaders: hasHeaderRow(ws, t, ctx) };
    if (t.totalsRow) info.showTotals = true;
    if (t.style?.theme) info.style = t.style.theme;
    out.push(info);
  }
  return out.sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
}

/** The items of a literal list ('"A,B,C"'), or null for a list taken from cells or a name. */
export function literalList(v: DataValidationModel): string[] | null {
  if (v.type !== "list") return null;
  const f = v.formulae?.[0];
  if (typeof f !== "string") return null;
  const m = /^"((?:[^"]|"")*)"$/.exec(f.trim());
  if (!m) return null;
  return m[1].replace(/""/g, '"').split(",");
}

/**
 * The sheet's validation rules, each with the cells it covers as rectangles. ExcelJS keeps one entry per
 * cell, shared by every cell of a rule read from one sqref.
 */
export function validationRules(ws: ExcelJS.Worksheet): { rule: DataValidationModel; rects: Rect[] }[] {
  const groups = new Map<DataValidationModel, [number, number][]>();
  for (const [address, rule] of Object.entries(validationMap(ws))) {
    if (!rule) continue;
    const r = parseRange(address);
    if (!r) continue;
    const list = groups.get(rule) ?? [];
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) list.push([r.top + i, r.left + j]);
    groups.set(rule, list);
  }
  return [...groups].map(([rule, cells]) => ({ rule, rects: cellsToRects(cells) }));
}

/** List validations with a literal list (those the core reads and writes). */
export function readValidations(ws: ExcelJS.Worksheet): ListValidation[] {
  const out: ListValidation[] = [];
  for (const { rule, rects } of validationRules(ws)) {
    const list = literalList(rule);
    if (list) for (const rect of rects) out.push({ rect, list: [...list] });
  }
  return out.sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
}

/** ExcelJS keeps a sheet's protection (sheetProtection in its model) but does not type it. */
function isProtected(ws: ExcelJS.Worksheet): boolean {
  return (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true;
}

/**
 * One sheet's used range (cells with a value, formula or a format the snapshot carries), in full, or its
 * first `maxRows` rows (a probe).
 */
export function readSheet(
  ws: ExcelJS.Worksheet,
  ctx: ReadContext = readContext(ws.workbook),
  maxRows = Infinity,
): SheetSnapshot {
  const kept = new CellList();
  // Cells read with the same style share ExcelJS's style object: their formats are worked out once. A cell
  // read without a style gets an empty object of its own: its formats are the plain ones, without a lookup.
  const formatsByStyle = new Map<object, CellFormats>();
  let plain: CellFormats | null = null;
  const formatsOf = (cell: ExcelJS.Cell): CellFormats => {
    const style = cell.style as Partial<ExcelJS.Style> | undefined;
    if (!style) return cellFormats(cell, ctx.palette);
    if (
      style.font === undefined &&
      style.fill === undefined &&
      style.alignment === undefined &&
      style.numFmt === undefined
    )
      return (plain ??= cellFormats(cell, ctx.palette));
    let f = formatsByStyle.get(style);
    if (!f) formatsByStyle.set(style, (f = cellFormats(cell, ctx.palette)));
    return f;
  };
  const sheetRows = rowsOf(ws);
  const nRows = Math.min(sheetRows.length, maxRows);
  for (let r = 0; r < nRows; r++) {
    const row = sheetRows[r];
    if (!row) continue;
    const cells = cellsOf(row);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const value = cellValue(cell, ctx.date1904);
      const formula = cellFormula(cell);
      const f = formatsOf(cell);
      if (value === null && !formula && !f.fill && !f.bold && !f.fontColor && !f.wrap && !f.numberFormat)
        continue;
      kept.push(r, c, value, formula, f);
    }
  }
  const columnWidths: Record<number, number> = {};
  const hiddenColumns: number[] = [];
  columnsOf(ws).forEach((col, i) => {
    if (col && typeof col.width === "number") columnWidths[i] = col.width;
    if (col?.hidden) hiddenColumns.push(i);
  });
  return {
    ...packCells(ws.name, kept),
    tables: readTables(ws, ctx),
    validations: readValidations(ws),
    columnWidths,
    ...(hiddenColumns.length ? { hiddenColumns } : {}),
    ...(isProtected(ws) ? { protected: true } : {}),
    ...extrasOf(ws),
  };
}

const visible = (ws: ExcelJS.Worksheet) => !ws.state || ws.state === "visible";

/**
 * The snapshot for one command: the criteria table's sheet as `active`, the add-in's own sheets in
 * `others`, every sheet name in tab order (the rule: assemble.ts).
 */
export function readSnapshot(wb: ExcelJS.Workbook, opts: ReadOptions = {}): WorkbookSnapshot {
  const ctx = readContext(wb);
  return assembleSnapshot(
    {
      sheets: wb.worksheets,
      nameOf: (ws) => ws.name,
      visible,
      read: (ws, rows) => readSheet(ws, ctx, rows),
      names: workbookNames(wb).map((n) => ({ ...n })),
    },
    opts,
  );
}

/**
 * Sheet names and tables only, for checking a change set against the workbook's structure before
 * writing (cell contents do not change whether a change set applies).
 */
export function structureSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets = wb.worksheets;
  const bare = (ws: ExcelJS.Worksheet): SheetSnapshot => ({
    name: ws.name,
    top: 0,
    left: 0,
    values: [],
    tables: readTables(ws),
    validations: [],
    ...(isProtected(ws) ? { protected: true } : {}),
  });
  const all = sheets.map(bare);
  // A workbook without sheets still needs an active one: a name no sheet can have.
  const active = all[0] ?? { name: "\u0000", top: 0, left: 0, values: [] };
  return {
    active,
    sheetNames: sheets.map((ws) => ws.name),
    others: Object.fromEntries(all.slice(1).map((s) => [s.name, s])),
  };
}

/** Conditional formats and frozen panes, when the sheet has any (as the core's model reports them). */
function extrasOf(ws: ExcelJS.Worksheet): Pick<SheetSnapshot, "conditionalFormats" | "frozen"> {
  const rules = readRules(ws.workbook, ws);
  const frozen = readFrozen(ws);
  return {
    ...(rules.length ? { conditionalFormats: rules } : {}),
    ...(frozen.rows || frozen.cols ? { frozen } : {}),
  };
}
