/**
 * Inserting and deleting whole rows in an ExcelJS workbook the way Excel does (the insertRows/deleteRows
 * ops). ExcelJS's spliceRows moves cell values and styles but leaves merges, tables, conditional formats,
 * data validations, defined names, the print area, frozen panes, images and every formula reference where
 * they were (a cell's formula keeps its text): so the rows are moved here, with the same rules as the
 * core's model (core/rowShift.ts), and everything anchored to rows follows.
 */
import type * as ExcelJS from "exceljs";
import type { Rect } from "../../core/types";
import { columnLetter, parseCellAddress } from "../../core/address";
import { shiftFormulaRows, shiftRectRows, shiftRow } from "../../core/rowShift";
import { captureCell, placeCell, T, type CellState } from "./cells";
import {
  cellsOf,
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
} from "./internals";
import { parseRange, rangeOf, refOf } from "./rects";
import { tableRect, validationRules } from "./read";
import { mergeRange, setTableRect, unmergeKeepingStyles } from "./columns";

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

const shiftList = (list: string, at: number, count: number): string | null => {
  const out: string[] = [];
  for (const part of list.split(/\s+/).filter(Boolean)) {
    const r = parseRange(part);
    if (!r) {
      out.push(part);
      continue;
    }
    const s = shiftRectRows(r, at, count);
    if (s) out.push(refOf(s));
  }
  return out.length ? out.join(" ") : null;
};

const shiftText = (f: unknown, target: string, home: string, at: number, count: number): unknown =>
  typeof f === "string" ? shiftFormulaRows(f, target, home, at, count) : f;

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

function moveConditionalFormats(wb: ExcelJS.Workbook, target: ExcelJS.Worksheet, at: number, count: number) {
  for (const ws of wb.worksheets) {
    const cfs = conditionalFormats(ws);
    if (!cfs.length) continue;
    const next = cfs.flatMap((cf) => {
      const ref = ws === target ? shiftList(cf.ref, at, count) : cf.ref;
      if (ref === null) return [];
      const rules = cf.rules.map((rule) =>
        rule.formulae
          ? { ...rule, formulae: rule.formulae.map((f) => shiftText(f, target.name, ws.name, at, count)) }
          : rule,
      );
      return [{ ...cf, ref, rules }];
    });
    setConditionalFormats(ws, next);
  }
}

function moveValidations(wb: ExcelJS.Workbook, target: ExcelJS.Worksheet, at: number, count: number) {
  for (const ws of wb.worksheets) {
    const rules = validationRules(ws);
    if (!rules.length) continue;
    const moved = rules.map(({ rule, rects }) => {
      const formulae = rule.formulae?.map((f) => shiftText(f, target.name, ws.name, at, count));
      const same = !formulae || formulae.every((f, i) => f === rule.formulae![i]);
      return { rule: same ? rule : { ...rule, formulae }, same, rects };
    });
    if (ws !== target && moved.every((m) => m.same)) continue;
    const map: Record<string, DataValidationModel> = {};
    for (const { rule, rects } of moved)
      for (const rect of rects) {
        const r: Rect | null = ws === target ? shiftRectRows(rect, at, count) : rect;
        if (!r) continue;
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < r.cols; j++) map[`${columnLetter(r.left + j)}${r.top + i + 1}`] = rule;
      }
    setValidationMap(ws, map);
  }
}

function moveFormulas(wb: ExcelJS.Workbook, target: ExcelJS.Worksheet, at: number, count: number) {
  for (const ws of wb.worksheets)
    for (const row of rowsOf(ws)) {
      if (!row) continue;
      for (const cell of cellsOf(row)) {
        if (!cell || (cell.type as number) !== T.Formula) continue;
        const f = cell.formula;
        if (!f) continue;
        const next = shiftFormulaRows(`=${f}`, target.name, ws.name, at, count).slice(1);
        const v = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
        const ref = v.shareType === "array" && v.ref && ws === target ? shiftList(v.ref, at, count) : v.ref;
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

const absolute = (rect: Rect) =>
  rangeOf(rect)
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .filter((a, i, all) => i === 0 || a !== all[0])
    .join(":");

function moveDefinedNames(wb: ExcelJS.Workbook, target: ExcelJS.Worksheet, at: number, count: number) {
  let changed = false;
  const next = definedNamesModel(wb).map((dn) => ({
    ...dn,
    ranges: dn.ranges.flatMap((range) => {
      const bang = range.lastIndexOf("!");
      if (bang < 0) return [range];
      const sheet = range.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
      const rect = sheet === target.name ? parseRange(range.slice(bang + 1).replace(/\$/g, "")) : null;
      if (!rect) return [range];
      const moved = shiftRectRows(rect, at, count);
      if (moved && moved.top === rect.top && moved.rows === rect.rows) return [range];
      changed = true;
      return moved ? [`${range.slice(0, bang + 1)}${absolute(moved)}`] : [];
    }),
  }));
  if (changed) setDefinedNamesModel(wb, next);
}

/** The print area, print titles, autofilter, frozen panes, the view's top row and images follow the rows. */
function movePageSetupAndViews(ws: ExcelJS.Worksheet, at: number, count: number): void {
  const ps = ws.pageSetup;
  if (ps?.printArea) {
    const parts = ps.printArea
      .split("&&")
      .map((p) => {
        const r = parseRange(p.replace(/\$/g, ""));
        if (!r) return p;
        const m = shiftRectRows(r, at, count);
        return m ? rangeOf(m) : null;
      })
      .filter((p): p is string => p !== null);
    ps.printArea = parts.length ? parts.join("&&") : undefined;
  }
  if (ps?.printTitlesRow) {
    const m = /^\$?(\d+):\$?(\d+)$/.exec(ps.printTitlesRow);
    if (m) {
      const r = shiftRectRows({ top: +m[1] - 1, left: 0, rows: +m[2] - +m[1] + 1, cols: 1 }, at, count);
      ps.printTitlesRow = r ? `$${r.top + 1}:$${r.top + r.rows}` : undefined;
    }
  }
  const af = ws.autoFilter as unknown;
  if (typeof af === "string") {
    const r = parseRange(af);
    const m = r && shiftRectRows(r, at, count);
    ws.autoFilter = m ? rangeOf(m) : undefined;
  }
  for (const view of ws.views ?? []) {
    const v = view as { state?: string; ySplit?: number; topLeftCell?: string };
    if (v.state === "frozen" && typeof v.ySplit === "number" && v.ySplit > at)
      v.ySplit = Math.max(at, v.ySplit + count);
    if (v.topLeftCell) {
      const a = parseCellAddress(v.topLeftCell);
      if (a && a.row >= at) v.topLeftCell = `${columnLetter(a.col)}${Math.max(at, a.row + count) + 1}`;
    }
  }
  for (const image of mediaOf(ws))
    for (const anchor of [image.range?.tl, image.range?.br])
      if (anchor && typeof anchor.nativeRow === "number" && anchor.nativeRow >= at)
        anchor.nativeRow = Math.max(at, anchor.nativeRow + count);
}

/**
 * Inserts `count` whole rows at `at` (negative count: deletes them) on `ws`, as Excel does. Shared formulas
 * must have been made standalone first (normalizeSharedFormulas).
 */
export function shiftRows(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, at: number, count: number): void {
  const remerge: Rect[] = [];
  for (const m of Object.values(merges(ws))) {
    const rect: Rect = {
      top: m.top - 1,
      left: m.left - 1,
      rows: m.bottom - m.top + 1,
      cols: m.right - m.left + 1,
    };
    if (rect.top + rect.rows - 1 < at) continue;
    const next = shiftRectRows(rect, at, count);
    unmergeKeepingStyles(ws, rect);
    if (next && (next.rows > 1 || next.cols > 1)) remerge.push(next);
  }
  moveRows(ws, at, count);
  for (const r of remerge) mergeRange(ws, r);
  moveTables(ws, at, count);
  moveConditionalFormats(wb, ws, at, count);
  moveValidations(wb, ws, at, count);
  moveFormulas(wb, ws, at, count);
  moveDefinedNames(wb, ws, at, count);
  movePageSetupAndViews(ws, at, count);
}
