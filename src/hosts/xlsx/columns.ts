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
import { columnIndex, columnLetter, parseCellAddress, rectAddress } from "../../core/address";
import { captureCell, placeCell, T, type CellState } from "./cells";
import {
  cellsOf,
  columnsOf,
  conditionalFormats,
  definedNamesModel,
  mediaOf,
  merges,
  rowsOf,
  setConditionalFormats,
  setDefinedNamesModel,
  setValidationMap,
  tablesOf,
  type DataValidationModel,
  type TableColumnModel,
  type TableModel,
} from "./internals";
import { parseRange, rangeOf, shiftRect, shiftRefList, type Band } from "./rects";
import { tableRect, validationRules } from "./read";

const rectOfMerge = (m: { top: number; left: number; bottom: number; right: number }): Rect => ({
  top: m.top - 1,
  left: m.left - 1,
  rows: m.bottom - m.top + 1,
  cols: m.right - m.left + 1,
});

const inBand = (r: Rect, band?: Band) => !band || (r.top <= band.bottom && r.top + r.rows - 1 >= band.top);

/** Unmerges a merged range, keeping every cell's own style (ExcelJS's unmerge resets them). */
export function unmergeKeepingStyles(ws: ExcelJS.Worksheet, r: Rect): void {
  const saved: [ExcelJS.Cell, Partial<ExcelJS.Style>][] = [];
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.cols; j++) {
      const cell = ws.findCell(r.top + i + 1, r.left + j + 1);
      if (cell) saved.push([cell, cell.style]);
    }
  ws.unMergeCells(r.top + 1, r.left + 1, r.top + r.rows, r.left + r.cols);
  for (const [cell, style] of saved) cell.style = style;
}

export function mergeRange(ws: ExcelJS.Worksheet, r: Rect): void {
  ws.mergeCellsWithoutStyle(r.top + 1, r.left + 1, r.top + r.rows, r.left + r.cols);
}

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

const shiftText = (
  f: unknown,
  target: string,
  home: string,
  at: number,
  count: number,
  band?: Band,
): unknown => (typeof f === "string" ? shiftFormulaColumns(f, target, home, at, count, band) : f);

function moveConditionalFormats(
  wb: ExcelJS.Workbook,
  target: ExcelJS.Worksheet,
  at: number,
  count: number,
  band?: Band,
): void {
  for (const ws of wb.worksheets) {
    const cfs = conditionalFormats(ws);
    if (!cfs.length) continue;
    const next = cfs.flatMap((cf) => {
      const ref = ws === target ? shiftRefList(cf.ref, at, count, band) : cf.ref;
      if (ref === null) return [];
      const rules = cf.rules.map((rule) =>
        rule.formulae
          ? {
              ...rule,
              formulae: rule.formulae.map((f) => shiftText(f, target.name, ws.name, at, count, band)),
            }
          : rule,
      );
      return [{ ...cf, ref, rules }];
    });
    setConditionalFormats(ws, next);
  }
}

function moveValidations(
  wb: ExcelJS.Workbook,
  target: ExcelJS.Worksheet,
  at: number,
  count: number,
  band?: Band,
): void {
  for (const ws of wb.worksheets) {
    const rules = validationRules(ws);
    if (!rules.length) continue;
    const moved = rules.map(({ rule, rects }) => {
      const formulae = rule.formulae?.map((f) => shiftText(f, target.name, ws.name, at, count, band));
      const same = !formulae || formulae.every((f, i) => f === rule.formulae![i]);
      return { rule: same ? rule : { ...rule, formulae }, same, rects };
    });
    // Another sheet's rules only change when their formulas read the target sheet's columns.
    if (ws !== target && moved.every((m) => m.same)) continue;
    const map: Record<string, DataValidationModel> = {};
    for (const { rule, rects } of moved) {
      for (const rect of rects) {
        const r = ws === target ? shiftRect(rect, at, count, band) : rect;
        if (!r) continue;
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < r.cols; j++) map[`${columnLetter(r.left + j)}${r.top + i + 1}`] = rule;
      }
    }
    setValidationMap(ws, map);
  }
}

/** Formula references to the target sheet's columns move, in every sheet. */
function moveFormulas(
  wb: ExcelJS.Workbook,
  target: ExcelJS.Worksheet,
  at: number,
  count: number,
  band?: Band,
) {
  for (const ws of wb.worksheets) {
    for (const row of rowsOf(ws)) {
      if (!row) continue;
      for (const cell of cellsOf(row)) {
        if (!cell || (cell.type as number) !== T.Formula) continue;
        const f = cell.formula;
        if (!f) continue;
        const next = shiftFormulaColumns(`=${f}`, target.name, ws.name, at, count, band).slice(1);
        const v = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
        const ref =
          v.shareType === "array" && v.ref && ws === target ? shiftRefList(v.ref, at, count, band) : v.ref;
        if (next === f && ref === v.ref) continue;
        const value: Record<string, unknown> = { formula: next, result: cell.result };
        if (v.shareType === "array") {
          value.shareType = "array";
          value.ref = ref ?? undefined;
        }
        cell.value = value as unknown as ExcelJS.CellValue;
      }
    }
  }
}

const sheetOfRange = (r: string) => {
  const bang = r.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: r };
  return { sheet: r.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"), address: r.slice(bang + 1) };
};

const absolute = (rect: Rect) =>
  rangeOf(rect)
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .filter((a, i, all) => i === 0 || a !== all[0])
    .join(":");

function moveDefinedNames(
  wb: ExcelJS.Workbook,
  target: ExcelJS.Worksheet,
  at: number,
  count: number,
  band?: Band,
): void {
  const model = definedNamesModel(wb);
  let changed = false;
  const next = model.map((dn) => ({
    ...dn,
    ranges: dn.ranges.flatMap((range) => {
      const { sheet, address } = sheetOfRange(range);
      const rect = sheet === target.name ? parseRange(address.replace(/\$/g, "")) : null;
      if (!rect) return [range];
      const moved = shiftRect(rect, at, count, band);
      if (moved === rect) return [range];
      changed = true;
      if (!moved) return [];
      return [`${range.slice(0, range.lastIndexOf("!") + 1)}${absolute(moved)}`];
    }),
  }));
  if (changed) setDefinedNamesModel(wb, next);
}

const shiftColumnLetters = (letters: string, at: number, count: number) => {
  const c = columnIndex(letters);
  return c >= at ? columnLetter(Math.max(at, c + count)) : letters;
};

/** The print area and the autofilter move like any range; frozen panes and images only with whole columns. */
function movePageSetupAndViews(ws: ExcelJS.Worksheet, at: number, count: number, band?: Band): void {
  const ps = ws.pageSetup;
  if (ps?.printArea) {
    const parts = ps.printArea
      .split("&&")
      .map((p) => {
        const r = parseRange(p.replace(/\$/g, ""));
        if (!r) return p;
        const m = shiftRect(r, at, count, band);
        return m ? rangeOf(m) : null;
      })
      .filter((p): p is string => p !== null);
    ps.printArea = parts.length ? parts.join("&&") : undefined;
  }
  if (ps?.printTitlesColumn && !band) {
    const m = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(ps.printTitlesColumn);
    if (m)
      ps.printTitlesColumn = `${shiftColumnLetters(m[1], at, count)}:${shiftColumnLetters(m[2], at, count)}`;
  }
  const af = ws.autoFilter as unknown;
  if (typeof af === "string") {
    const r = parseRange(af);
    const m = r && shiftRect(r, at, count, band);
    ws.autoFilter = m ? rangeOf(m) : undefined;
  }
  if (band) return;
  for (const view of ws.views ?? []) {
    const v = view as { state?: string; xSplit?: number; topLeftCell?: string };
    if (v.state === "frozen" && typeof v.xSplit === "number" && v.xSplit > at)
      v.xSplit = Math.max(at, v.xSplit + count);
    if (v.topLeftCell) {
      const a = parseCellAddress(v.topLeftCell);
      if (a && a.col >= at) v.topLeftCell = `${columnLetter(Math.max(at, a.col + count))}${a.row + 1}`;
    }
  }
  for (const image of mediaOf(ws)) {
    for (const anchor of [image.range?.tl, image.range?.br]) {
      if (anchor && typeof anchor.nativeCol === "number" && anchor.nativeCol >= at)
        anchor.nativeCol = Math.max(at, anchor.nativeCol + count);
    }
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
  const remerge: Rect[] = [];
  for (const m of Object.values(merges(ws))) {
    const rect = rectOfMerge(m);
    if (rect.left + rect.cols - 1 < at || !inBand(rect, band)) continue;
    const next = shiftRect(rect, at, count, band);
    unmergeKeepingStyles(ws, rect);
    if (next && (next.rows > 1 || next.cols > 1)) remerge.push(next);
  }
  moveCells(ws, at, count, band);
  for (const r of remerge) mergeRange(ws, r);
  if (!band) moveColumnDefs(ws, at, count);
  moveTables(ws, at, count, band, table);
  moveConditionalFormats(wb, ws, at, count, band);
  moveValidations(wb, ws, at, count, band);
  moveFormulas(wb, ws, at, count, band);
  moveDefinedNames(wb, ws, at, count, band);
  movePageSetupAndViews(ws, at, count, band);
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
