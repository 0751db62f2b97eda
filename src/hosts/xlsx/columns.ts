/**
 * Inserting and deleting columns in an ExcelJS workbook the way Excel does, which ExcelJS's own
 * spliceColumns does not: cells move with their values, formula results, styles and notes; merges,
 * tables (ranges and column lists), conditional formats, data validations, defined names, the print
 * area, the autofilter, images, frozen panes and column widths move or grow; formula references move in
 * every sheet (core's shiftFormulaColumns, so the host and WorkbookModel agree: with a table's rows only,
 * references to cells outside those rows stay; references into deleted columns become #REF!).
 */
import type * as ExcelJS from "exceljs";
import type { Rect } from "../../core/types";
import { shiftFormulaColumns } from "../../core/formula";
import { columnIndex, columnLetter, rectAddress } from "../../core/address";
import { captureCell, placeCell, T, type CellState } from "./cells";
import { cellsOf, columnsOf, rowsOf, tablesOf, type TableColumnModel, type TableModel } from "./internals";
import { rangeOf, shiftRect, type Band } from "./rects";
import { tableRect } from "./read";
import {
  mergeRange,
  moveConditionalFormats,
  moveDefinedNames,
  moveFormulas,
  movePrintAreaAndFilter,
  moveValidations,
  moveViewsAndImages,
  unmergeMoving,
  type Shift,
} from "./shift";

/** Moves the cells of columns ≥ at by count (dropping deleted ones), in the band's rows only when given. */
function moveCells(ws: ExcelJS.Worksheet, at: number, count: number, band?: Band): void {
  rowsOf(ws).forEach((row, r) => {
    if (!row || (band && (r < band.top || r > band.bottom))) return;
    const cells = cellsOf(row);
    if (cells.length <= at) return;
    const moved: [number, CellState][] = [];
    for (let c = at; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell || (cell.type as number) === T.Merge) continue;
      if (count < 0 && c < at - count) continue;
      moved.push([c + count, captureCell(cell)]);
    }
    cells.length = at;
    for (const [c, state] of moved) placeCell(row.getCell(c + 1), state);
  });
}

/** Column widths, styles, hidden and outline levels move with their columns; new columns are plain. */
function moveColumnDefs(ws: ExcelJS.Worksheet, at: number, count: number): void {
  const cols = columnsOf(ws);
  const n = cols.length;
  if (n <= at) return;
  const defs = cols.map((c) => ({
    width: c.width,
    style: c.style,
    hidden: c.hidden,
    outlineLevel: c.outlineLevel,
  }));
  const total = Math.max(n, n + count);
  for (let i = at; i < total; i++) {
    const src = count > 0 ? (i < at + count ? -1 : i - count) : i - count;
    const d = src >= 0 && src < n ? defs[src] : undefined;
    const col = ws.getColumn(i + 1);
    col.width = d?.width as number;
    col.style = d?.style ?? {};
    col.hidden = d?.hidden ?? false;
    col.outlineLevel = d?.outlineLevel ?? 0;
  }
}

/** Sets a table's range (and its autofilter's, when it has one). */
export function setTableRect(t: TableModel, rect: Rect): void {
  t.tableRef = rangeOf(rect);
  if (t.ref !== undefined) t.ref = rectAddress({ ...rect, rows: 1, cols: 1 });
  if (t.autoFilterRef !== undefined)
    t.autoFilterRef = rangeOf({ ...rect, rows: rect.rows - (t.totalsRow ? 1 : 0) });
}

/** A table column to add: named later from its header cell (see syncTableHeaders). */
export function newTableColumn(like?: TableColumnModel): TableColumnModel {
  return { name: "", filterButton: like?.filterButton ?? true };
}

function moveTables(
  ws: ExcelJS.Worksheet,
  at: number,
  count: number,
  band: Band | undefined,
  named: { name: string; rect: Rect } | undefined,
): void {
  const tables = tablesOf(ws);
  for (const [key, { table: t }] of Object.entries(tables)) {
    const rect = tableRect(t);
    if (!rect) continue;
    const isNamed = named !== undefined && t.name === named.name;
    const next = isNamed
      ? { ...named.rect, cols: named.rect.cols + count }
      : shiftRect(rect, at, count, band);
    if (!next) {
      delete tables[key];
      continue;
    }
    if (next.cols !== rect.cols) {
      const base = isNamed ? named.rect.left : rect.left;
      const idx = Math.min(t.columns.length, Math.max(0, at - base));
      if (count > 0) {
        const like = t.columns[Math.max(0, idx - 1)];
        t.columns.splice(idx, 0, ...Array.from({ length: count }, () => newTableColumn(like)));
      } else {
        t.columns.splice(idx, Math.max(0, t.columns.length - next.cols));
      }
    }
    setTableRect(t, next);
  }
}

const shiftColumnLetters = (letters: string, at: number, count: number) => {
  const c = columnIndex(letters);
  return c >= at ? columnLetter(Math.max(at, c + count)) : letters;
};

/** Print titles (whole columns) follow the columns, when whole columns move. */
function movePrintTitles(ws: ExcelJS.Worksheet, at: number, count: number): void {
  const ps = ws.pageSetup;
  if (ps?.printTitlesColumn) {
    const m = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(ps.printTitlesColumn);
    if (m)
      ps.printTitlesColumn = `${shiftColumnLetters(m[1], at, count)}:${shiftColumnLetters(m[2], at, count)}`;
  }
}

/**
 * Inserts `count` columns at `at` (negative count: deletes them) on `ws`, as Excel does. With `table`,
 * only that table's rows shift (Excel's "insert table column") and the table gains the columns.
 * Shared formulas must have been made standalone first (normalizeSharedFormulas).
 */
export function shiftColumns(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  at: number,
  count: number,
  table?: { name: string; rect: Rect },
): void {
  const band: Band | undefined = table
    ? { top: table.rect.top, bottom: table.rect.top + table.rect.rows - 1 }
    : undefined;
  const shift: Shift = {
    rect: (r) => shiftRect(r, at, count, band),
    formula: (f, home) => shiftFormulaColumns(f, ws.name, home, at, count, band),
  };
  const remerge = unmergeMoving(ws, shift);
  moveCells(ws, at, count, band);
  for (const r of remerge) mergeRange(ws, r);
  if (!band) moveColumnDefs(ws, at, count);
  moveTables(ws, at, count, band, table);
  moveConditionalFormats(wb, ws, shift);
  moveValidations(wb, ws, shift);
  moveFormulas(wb, ws, shift);
  moveDefinedNames(wb, ws, shift);
  movePrintAreaAndFilter(ws, shift);
  // Frozen panes, print titles and images only move with whole columns.
  if (band) return;
  movePrintTitles(ws, at, count);
  moveViewsAndImages(ws, "columns", at, count);
}

/** Gives every clone of a shared formula its own formula text, so cells can move independently. */
export function normalizeSharedFormulas(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const fix: [ExcelJS.Cell, string, unknown][] = [];
    for (const row of rowsOf(ws)) {
      if (!row) continue;
      for (const cell of cellsOf(row)) {
        if (!cell || (cell.type as number) !== T.Formula) continue;
        const v = cell.value as { sharedFormula?: string; shareType?: string };
        if (v.sharedFormula || v.shareType === "shared") fix.push([cell, cell.formula, cell.result]);
      }
    }
    for (const [cell, formula, result] of fix)
      cell.value = { formula, result } as unknown as ExcelJS.CellValue;
  }
}
