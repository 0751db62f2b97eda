/**
 * What follows inserted or deleted rows or columns the same way on both axes (columns.ts and rows.ts say
 * which way with a `Shift`): merges, conditional formats, data validations, formula references in every
 * sheet, defined names, the print area, the autofilter, frozen panes, the view's top-left cell and images.
 */
import type * as ExcelJS from "exceljs";
import type { Rect } from "../../core/types";
import { columnLetter, parseCellAddress } from "../../core/address";
import { T } from "./cells";
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
  type DataValidationModel,
} from "./internals";
import {
  absoluteRange,
  parseRange,
  rangeOf,
  rectOfMerge,
  sameRect,
  shiftRefList,
  type RectShift,
} from "./rects";
import { validationRules } from "./read";

/** One insert or delete on the target sheet: where its rectangles go, and how formulas' references move. */
export interface Shift {
  /** A rectangle of the target sheet after the shift; null when it is deleted. */
  rect: RectShift;
  /** A formula (with its "=") on sheet `home`, its references to the target sheet moved. */
  formula: (formula: string, home: string) => string;
}

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

/**
 * Unmerges every merge the shift moves or resizes (keeping cell styles) and returns where to merge them
 * again once the cells have moved; merges shrunk to one cell, or deleted, are not merged again.
 */
export function unmergeMoving(ws: ExcelJS.Worksheet, shift: Shift): Rect[] {
  const remerge: Rect[] = [];
  for (const m of Object.values(merges(ws))) {
    const rect = rectOfMerge(m);
    const next = shift.rect(rect);
    if (next && sameRect(next, rect)) continue;
    unmergeKeepingStyles(ws, rect);
    if (next && (next.rows > 1 || next.cols > 1)) remerge.push(next);
  }
  return remerge;
}

const shiftText = (shift: Shift, f: unknown, home: string): unknown =>
  typeof f === "string" ? shift.formula(f, home) : f;

/** Conditional formats: the target sheet's ranges move; rule formulas move in every sheet. */
export function moveConditionalFormats(wb: ExcelJS.Workbook, target: ExcelJS.Worksheet, shift: Shift): void {
  for (const ws of wb.worksheets) {
    const cfs = conditionalFormats(ws);
    if (!cfs.length) continue;
    const next = cfs.flatMap((cf) => {
      const ref = ws === target ? shiftRefList(cf.ref, shift.rect) : cf.ref;
      if (ref === null) return [];
      const rules = cf.rules.map((rule) =>
        rule.formulae ? { ...rule, formulae: rule.formulae.map((f) => shiftText(shift, f, ws.name)) } : rule,
      );
      return [{ ...cf, ref, rules }];
    });
    setConditionalFormats(ws, next);
  }
}

/** Data validations: the target sheet's cells move; rule formulas move in every sheet. */
export function moveValidations(wb: ExcelJS.Workbook, target: ExcelJS.Worksheet, shift: Shift): void {
  for (const ws of wb.worksheets) {
    const rules = validationRules(ws);
    if (!rules.length) continue;
    const moved = rules.map(({ rule, rects }) => {
      const formulae = rule.formulae?.map((f) => shiftText(shift, f, ws.name));
      const same = !formulae || formulae.every((f, i) => f === rule.formulae![i]);
      return { rule: same ? rule : { ...rule, formulae }, same, rects };
    });
    // Another sheet's rules only change when their formulas read the target sheet's cells that move.
    if (ws !== target && moved.every((m) => m.same)) continue;
    const map: Record<string, DataValidationModel> = {};
    for (const { rule, rects } of moved)
      for (const rect of rects) {
        const r = ws === target ? shift.rect(rect) : rect;
        if (!r) continue;
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < r.cols; j++) map[`${columnLetter(r.left + j)}${r.top + i + 1}`] = rule;
      }
    setValidationMap(ws, map);
  }
}

/** Formula references to the target sheet move, in every sheet (an array formula's range too). */
export function moveFormulas(wb: ExcelJS.Workbook, target: ExcelJS.Worksheet, shift: Shift): void {
  for (const ws of wb.worksheets)
    for (const row of rowsOf(ws)) {
      if (!row) continue;
      for (const cell of cellsOf(row)) {
        if (!cell || (cell.type as number) !== T.Formula) continue;
        const f = cell.formula;
        if (!f) continue;
        const next = shift.formula(`=${f}`, ws.name).slice(1);
        const v = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
        const ref =
          v.shareType === "array" && v.ref && ws === target ? shiftRefList(v.ref, shift.rect) : v.ref;
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

/** Defined names over the target sheet's cells move (written absolute); deleted ones are dropped. */
export function moveDefinedNames(wb: ExcelJS.Workbook, target: ExcelJS.Worksheet, shift: Shift): void {
  let changed = false;
  const next = definedNamesModel(wb).map((dn) => ({
    ...dn,
    ranges: dn.ranges.flatMap((range) => {
      const bang = range.lastIndexOf("!");
      if (bang < 0) return [range];
      const sheet = range.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
      const rect = sheet === target.name ? parseRange(range.slice(bang + 1).replace(/\$/g, "")) : null;
      if (!rect) return [range];
      const moved = shift.rect(rect);
      if (moved && sameRect(moved, rect)) return [range];
      changed = true;
      return moved ? [`${range.slice(0, bang + 1)}${absoluteRange(moved)}`] : [];
    }),
  }));
  if (changed) setDefinedNamesModel(wb, next);
}

/** The print area and the autofilter move like any range (a part deleted is dropped). */
export function movePrintAreaAndFilter(ws: ExcelJS.Worksheet, shift: Shift): void {
  const ps = ws.pageSetup;
  if (ps?.printArea) {
    const parts = ps.printArea
      .split("&&")
      .map((p) => {
        const r = parseRange(p.replace(/\$/g, ""));
        if (!r) return p;
        const m = shift.rect(r);
        return m ? rangeOf(m) : null;
      })
      .filter((p): p is string => p !== null);
    ps.printArea = parts.length ? parts.join("&&") : undefined;
  }
  const af = ws.autoFilter as unknown;
  if (typeof af === "string") {
    const r = parseRange(af);
    const m = r && shift.rect(r);
    ws.autoFilter = m ? rangeOf(m) : undefined;
  }
}

/**
 * Frozen panes, the views' top-left cell and images' anchors after whole rows or columns from `at` move
 * by `count` (what was in deleted ones lands at `at`).
 */
export function moveViewsAndImages(
  ws: ExcelJS.Worksheet,
  axis: "rows" | "columns",
  at: number,
  count: number,
): void {
  const to = (i: number) => Math.max(at, i + count);
  const rows = axis === "rows";
  for (const view of ws.views ?? []) {
    const v = view as { state?: string; xSplit?: number; ySplit?: number; topLeftCell?: string };
    const split = rows ? "ySplit" : "xSplit";
    const s = v[split];
    if (v.state === "frozen" && typeof s === "number" && s > at) v[split] = to(s);
    if (v.topLeftCell) {
      const a = parseCellAddress(v.topLeftCell);
      if (a && (rows ? a.row : a.col) >= at)
        v.topLeftCell = rows
          ? `${columnLetter(a.col)}${to(a.row) + 1}`
          : `${columnLetter(to(a.col))}${a.row + 1}`;
    }
  }
  const key = rows ? "nativeRow" : "nativeCol";
  for (const image of mediaOf(ws))
    for (const anchor of [image.range?.tl, image.range?.br])
      if (anchor && typeof anchor[key] === "number" && anchor[key] >= at) anchor[key] = to(anchor[key]);
}
