/**
 * Inserting and deleting whole rows in an ExcelJS workbook the way Excel does (the insertRows/deleteRows
 * ops). ExcelJS's spliceRows moves cell values and styles but leaves merges, tables, conditional formats,
 * data validations, defined names, the print area, frozen panes, images and every formula reference where
 * they were (a cell's formula keeps its text): so the rows are moved here, with the same rules as the
 * core's model (core/rowShift.ts), and everything anchored to rows follows.
 */
import type * as ExcelJS from "exceljs";
import { shiftFormulaRows, shiftRectRows, shiftRow } from "../../core/rowShift";
import { captureCell, placeCell, T, type CellState } from "./cells";
import { cellsOf, rowsOf, tablesOf } from "./internals";
import { tableRect } from "./read";
import { setTableRect } from "./columns";
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

/** ExcelJS keeps a row's own style on `style`, which its typings leave out. */
const styleOf = (row: ExcelJS.Row) => (row as unknown as { style: Partial<ExcelJS.Style> }).style;

interface RowState {
  height?: number;
  hidden: boolean;
  outlineLevel?: number;
  style: Partial<ExcelJS.Style>;
  cells: [number, CellState][];
}

/** Rows from `at` move by `count` (deleted ones dropped), with their cells, heights and styles. */
function moveRows(ws: ExcelJS.Worksheet, at: number, count: number): void {
  const rows = rowsOf(ws);
  const moved: [number, RowState][] = [];
  for (let r = at; r < rows.length; r++) {
    const row = rows[r];
    const to = shiftRow(r, at, count);
    if (!row || to === null) continue;
    const cells: [number, CellState][] = [];
    cellsOf(row).forEach((cell, c) => {
      if (cell && (cell.type as number) !== T.Merge) cells.push([c, captureCell(cell)]);
    });
    moved.push([
      to,
      { height: row.height, hidden: row.hidden, outlineLevel: row.outlineLevel, style: styleOf(row), cells },
    ]);
  }
  rows.length = Math.min(rows.length, at);
  for (const [to, s] of moved) {
    const row = ws.getRow(to + 1);
    if (s.height !== undefined) row.height = s.height;
    if (s.hidden) row.hidden = true;
    if (s.outlineLevel) row.outlineLevel = s.outlineLevel;
    if (s.style && Object.keys(s.style).length)
      (row as unknown as { style: Partial<ExcelJS.Style> }).style = s.style;
    for (const [c, state] of s.cells) placeCell(row.getCell(c + 1), state);
  }
}

function moveTables(ws: ExcelJS.Worksheet, at: number, count: number): void {
  const tables = tablesOf(ws);
  for (const [key, { table: t }] of Object.entries(tables)) {
    const rect = tableRect(t);
    if (!rect) continue;
    const next = shiftRectRows(rect, at, count);
    if (!next) delete tables[key];
    else setTableRect(t, next);
  }
}

/** Print titles (whole rows) follow the rows. */
function movePrintTitles(ws: ExcelJS.Worksheet, shift: Shift): void {
  const ps = ws.pageSetup;
  if (ps?.printTitlesRow) {
    const m = /^\$?(\d+):\$?(\d+)$/.exec(ps.printTitlesRow);
    if (m) {
      const r = shift.rect({ top: +m[1] - 1, left: 0, rows: +m[2] - +m[1] + 1, cols: 1 });
      ps.printTitlesRow = r ? `$${r.top + 1}:$${r.top + r.rows}` : undefined;
    }
  }
}

/**
 * Inserts `count` whole rows at `at` (negative count: deletes them) on `ws`, as Excel does. Shared formulas
 * must have been made standalone first (normalizeSharedFormulas).
 */
export function shiftRows(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, at: number, count: number): void {
  const shift: Shift = {
    rect: (r) => shiftRectRows(r, at, count),
    formula: (f, home) => shiftFormulaRows(f, ws.name, home, at, count),
  };
  const remerge = unmergeMoving(ws, shift);
  moveRows(ws, at, count);
  for (const r of remerge) mergeRange(ws, r);
  moveTables(ws, at, count);
  moveConditionalFormats(wb, ws, shift);
  moveValidations(wb, ws, shift);
  moveFormulas(wb, ws, shift);
  moveDefinedNames(wb, ws, shift);
  movePrintAreaAndFilter(ws, shift);
  movePrintTitles(ws, shift);
  moveViewsAndImages(ws, "rows", at, count);
}
