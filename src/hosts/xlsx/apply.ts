/**
 * Executing a change set on an ExcelJS workbook, op by op, with the semantics of WorkbookModel.apply
 * (core/model.ts is the reference). The whole change set is checked first; nothing is written when a
 * step would fail.
 */
import type * as ExcelJS from "exceljs";
import type { CellInput, CellStyle, ChangeSet, Op, Rect } from "../../core/types";
import { AddinError } from "../../core/errors";
import { evaluateFormula } from "../../core/formula";
import { columnLetter } from "../../core/address";
import { DEFAULT_COLUMN_WIDTH } from "../../core/units";
import { captureCell, cellValue, dropCell, ERROR_CODES, placeCell, T, type CellState } from "./cells";
import { hexToColor } from "./colors";
import { checkChangeSet } from "./check";
import { fromStored, toStored } from "./future";
import { formulaTextAt } from "../../core/rowFormula";
import { newTableColumn, normalizeSharedFormulas, setTableRect, shiftColumns } from "./columns";
import {
  cellsOf,
  merges,
  rowsOf,
  setOrderNo,
  setValidationMap,
  tablesOf,
  type DataValidationModel,
  type TableObject,
} from "./internals";
import { readContext, repairTableHeaders, tableRect, validationRules, type ReadContext } from "./read";
import { overlaps, rectOfMerge, sameRect } from "./rects";
import { unmergeKeepingStyles } from "./shift";
import { uniqueNames } from "./tableNames";
import { addRules, freezePanes, removeRules, setName, setPageSetup } from "./sheetExtras";
import { shiftRows } from "./rows";

/** WorkbookModel's default column width: setting it removes the column's own width. */

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new AddinError("stale", { sheet: name });
  return ws;
}

function findTable(ws: ExcelJS.Worksheet, name: string): [string, TableObject] | undefined {
  return Object.entries(tablesOf(ws)).find(([, t]) => t.table.name === name);
}

/** The merged range a cell belongs to, if any. */
function mergeAt(ws: ExcelJS.Worksheet, row: number, col: number): Rect | null {
  for (const m of Object.values(merges(ws))) {
    if (row + 1 >= m.top && row + 1 <= m.bottom && col + 1 >= m.left && col + 1 <= m.right)
      return rectOfMerge(m);
  }
  return null;
}

/** A hidden cell of a merged range (its value is the top-left cell's). */
const isMergedAway = (cell: ExcelJS.Cell | undefined) => !!cell && (cell.type as number) === T.Merge;

function writeInput(ws: ExcelJS.Worksheet, row: number, col: number, v: CellInput): void {
  if (isMergedAway(ws.findCell(row + 1, col + 1))) {
    // A hidden cell of a merge shows nothing already; anything else needs the cell back on its own.
    if (v.kind === "blank") return;
    const m = mergeAt(ws, row, col);
    if (m) unmergeKeepingStyles(ws, m);
  }
  const cell = ws.getCell(row + 1, col + 1);
  switch (v.kind) {
    case "text":
      // Always a plain string: text starting with = + - @ stays text.
      cell.value = v.text === "" ? null : v.text;
      return;
    case "number":
    case "bool":
      cell.value = v.value;
      return;
    case "blank":
      cell.value = null;
      return;
    case "formula":
      // The cached result is computed once every op has run (see recalculate).
      // Stored as Excel stores it: functions newer than 2007 with their "_xlfn." prefix.
      cell.value = { formula: toStored(v.formula.replace(/^=/, "")) } as ExcelJS.CellFormulaValue;
      return;
    case "rowFormula":
      // A formula filled down a column: the text it has on this row, written as any formula.
      cell.value = {
        formula: toStored(formulaTextAt(v, row)!.replace(/^=/, "")),
      } as ExcelJS.CellFormulaValue;
      return;
  }
}

const HORIZONTAL = { Left: "left", Center: "center", Right: "right" } as const;

/**
 * The style a setStyle op gives cells, one object per distinct style before: cells that had the same style
 * share the result, as ExcelJS shares the style objects of cells it read with the same style. Saving then
 * writes each distinct style once (ExcelJS's styles writer recognises an object it has seen) instead of
 * serialising one per cell. Nothing here or in ExcelJS mutates a cell's style object in place: every change
 * builds a new one.
 */
class StyleCache {
  private readonly byObject = new WeakMap<object, Partial<ExcelJS.Style>>();
  private readonly byContent = new Map<string, Partial<ExcelJS.Style>>();

  constructor(private readonly st: CellStyle) {}

  apply(cell: ExcelJS.Cell): void {
    const before = (cell.style ?? {}) as Partial<ExcelJS.Style>;
    let style = this.byObject.get(before);
    if (!style) {
      const key = JSON.stringify(before);
      style = this.byContent.get(key);
      if (!style) this.byContent.set(key, (style = styled(before, this.st)));
      this.byObject.set(before, style);
    }
    cell.style = style;
  }
}

function styled(before: Partial<ExcelJS.Style>, st: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { ...before };
  if ("fill" in st) {
    if (st.fill)
      style.fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: hexToColor(st.fill),
        bgColor: { indexed: 64 } as Partial<ExcelJS.Color>,
      };
    else delete style.fill;
  }
  if ("bold" in st || "fontColor" in st || "fontName" in st) {
    const font: Partial<ExcelJS.Font> = { ...style.font };
    if ("bold" in st) {
      if (st.bold) font.bold = true;
      else delete font.bold;
    }
    if ("fontColor" in st) {
      if (st.fontColor) font.color = hexToColor(st.fontColor);
      else delete font.color;
    }
    if ("fontName" in st) {
      if (st.fontName) font.name = st.fontName;
      else delete font.name;
    }
    if (Object.keys(font).length) style.font = font;
    else delete style.font;
  }
  if ("wrap" in st || "horizontalAlignment" in st) {
    const al: Partial<ExcelJS.Alignment> = { ...style.alignment };
    if ("wrap" in st) {
      if (st.wrap) al.wrapText = true;
      else delete al.wrapText;
    }
    if ("horizontalAlignment" in st) {
      const h = st.horizontalAlignment;
      if (h && h !== "General") al.horizontal = HORIZONTAL[h];
      else delete al.horizontal;
    }
    if (Object.keys(al).length) style.alignment = al;
    else delete style.alignment;
  }
  if ("numberFormat" in st) {
    if (st.numberFormat && st.numberFormat !== "General") style.numFmt = st.numberFormat;
    else delete style.numFmt;
  }
  // A new object: ExcelJS shares style objects between cells read with the same style.
  return style;
}

export { uniqueNames };

const cellText = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/**
 * Excel requires a table's column names to be its header cells' texts, unique: names follow the header
 * cells, and an empty or repeated header cell gets the name Excel would give it, written into the cell.
 */
function syncTableHeaders(ws: ExcelJS.Worksheet, ctx: ReadContext): void {
  for (const { table: t } of Object.values(tablesOf(ws))) {
    const rect = tableRect(t);
    if (!rect || !t.headerRow) continue;
    const row = ws.getRow(rect.top + 1);
    const texts = t.columns.map((_, i) => {
      const cell = row.findCell(rect.left + i + 1);
      return cell ? cellText(cellValue(cell, ctx.date1904)) : "";
    });
    const names = uniqueNames(texts);
    t.columns.forEach((c, i) => {
      c.name = names[i];
      if (names[i] !== texts[i]) row.getCell(rect.left + i + 1).value = names[i];
    });
  }
}

function addTable(ws: ExcelJS.Worksheet, op: Extract<Op, { op: "addTable" }>, ctx: ReadContext): void {
  const r = op.rect;
  for (const m of Object.values(merges(ws))) {
    const mr = rectOfMerge(m);
    if (overlaps(mr, r)) unmergeKeepingStyles(ws, mr);
  }
  // ExcelJS writes a new table's header (and any rows given) into the cells: no rows are given, so only the
  // header row's cells are kept and put back; the range then grows to the whole rectangle.
  const saved = new Map<number, CellState>();
  for (let j = 0; j < r.cols; j++) {
    const cell = ws.findCell(r.top + 1, r.left + j + 1);
    if (cell) saved.set(j, captureCell(cell));
  }
  const headerTexts = Array.from({ length: r.cols }, (_, j) => {
    const state = saved.get(j);
    return state ? cellText(cellValue(ws.findCell(r.top + 1, r.left + j + 1)!, ctx.date1904)) : "";
  });
  ws.addTable({
    name: op.name,
    displayName: op.name,
    ref: `${columnLetter(r.left)}${r.top + 1}`,
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (op.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: true,
    },
    columns: uniqueNames(headerTexts).map((name) => ({ name, filterButton: true })),
    rows: [],
  });
  const added = findTable(ws, op.name);
  if (added) setTableRect(added[1].table, r);
  for (let j = 0; j < r.cols; j++) {
    const state = saved.get(j);
    if (state) placeCell(ws.getCell(r.top + 1, r.left + j + 1), state);
    else dropCell(ws.getRow(r.top + 1), r.left + j);
  }
}

function resizeTable(ws: ExcelJS.Worksheet, op: Extract<Op, { op: "resizeTable" }>): void {
  const found = findTable(ws, op.name);
  if (!found) throw new AddinError("stale", { sheet: op.sheet, detail: `no table named «${op.name}»` });
  const t = found[1].table;
  const old = tableRect(t);
  const cols = t.columns;
  if (old && old.left !== op.rect.left) {
    // The columns the old and new ranges share keep their definitions.
    const next = Array.from(
      { length: op.rect.cols },
      (_, j) => cols[op.rect.left + j - old.left] ?? newTableColumn(cols[0]),
    );
    t.columns = next;
  } else if (op.rect.cols > cols.length) {
    t.columns = [
      ...cols,
      ...Array.from({ length: op.rect.cols - cols.length }, () => newTableColumn(cols[cols.length - 1])),
    ];
  } else {
    t.columns = cols.slice(0, op.rect.cols);
  }
  setTableRect(t, op.rect);
}

function setValidation(ws: ExcelJS.Worksheet, op: Extract<Op, { op: "setValidation" }>): void {
  // As WorkbookModel: a rule on exactly this range is replaced; cells of the new rule leave other rules.
  const map: Record<string, DataValidationModel> = {};
  const target = new Set<string>();
  for (let i = 0; i < op.rect.rows; i++)
    for (let j = 0; j < op.rect.cols; j++)
      target.add(`${columnLetter(op.rect.left + j)}${op.rect.top + i + 1}`);
  for (const { rule, rects } of validationRules(ws))
    for (const rect of rects) {
      if (sameRect(rect, op.rect)) continue;
      for (let i = 0; i < rect.rows; i++)
        for (let j = 0; j < rect.cols; j++) {
          const a = `${columnLetter(rect.left + j)}${rect.top + i + 1}`;
          if (!(op.list && target.has(a))) map[a] = rule;
        }
    }
  if (op.list) {
    const rule: DataValidationModel = {
      type: "list",
      allowBlank: true,
      formulae: [`"${op.list.map((s) => s.replace(/"/g, '""')).join(",")}"`],
      showErrorMessage: true,
    };
    for (const a of target) map[a] = rule;
  }
  setValidationMap(ws, map);
}

function addSheet(wb: ExcelJS.Workbook, op: Extract<Op, { op: "addSheet" }>): void {
  const ws = wb.addWorksheet(op.sheet);
  const order = wb.worksheets.filter((w) => w !== ws);
  const idx = op.after !== undefined ? order.findIndex((w) => w.name === op.after) : -1;
  order.splice(idx >= 0 ? idx + 1 : order.length, 0, ws);
  order.forEach((w, i) => setOrderNo(w, i + 1));
}

function deleteSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): void {
  wb.removeWorksheet(ws.id);
  const n = wb.worksheets.length;
  for (const view of wb.views ?? []) {
    const v = view as { activeTab?: number; firstSheet?: number };
    if (typeof v.activeTab === "number" && v.activeTab >= n) v.activeTab = Math.max(0, n - 1);
    if (typeof v.firstSheet === "number" && v.firstSheet >= n) v.firstSheet = 0;
  }
}

function execute(wb: ExcelJS.Workbook, op: Op, ctx: ReadContext): void {
  switch (op.op) {
    case "insertColumns":
    case "deleteColumns": {
      const ws = sheet(wb, op.sheet);
      shiftColumns(wb, ws, op.at, op.op === "insertColumns" ? op.count : -op.count, op.table);
      // The add-in's new columns are seen: a table's new column lands in whatever sheet column is there.
      if (op.op === "insertColumns")
        for (let c = op.at; c < op.at + op.count; c++) ws.getColumn(c + 1).hidden = false;
      return;
    }
    case "insertRows":
    case "deleteRows":
      shiftRows(wb, sheet(wb, op.sheet), op.at, op.op === "insertRows" ? op.count : -op.count);
      return;
    case "setCells": {
      const ws = sheet(wb, op.sheet);
      op.cells.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) writeInput(ws, op.top + r, op.left + c, v);
        }),
      );
      return;
    }
    case "setStyle": {
      const ws = sheet(wb, op.sheet);
      const styles = new StyleCache(op.style);
      for (const rect of op.ranges)
        for (let r = rect.top; r < rect.top + rect.rows; r++)
          for (let c = rect.left; c < rect.left + rect.cols; c++) styles.apply(ws.getCell(r + 1, c + 1));
      return;
    }
    case "addSheet":
      addSheet(wb, op);
      return;
    case "deleteSheet":
      deleteSheet(wb, sheet(wb, op.sheet));
      return;
    case "addTable":
      addTable(sheet(wb, op.sheet), op, ctx);
      return;
    case "resizeTable":
      resizeTable(sheet(wb, op.sheet), op);
      return;
    case "deleteTable": {
      const ws = sheet(wb, op.sheet);
      const found = findTable(ws, op.name);
      if (found) delete tablesOf(ws)[found[0]];
      return;
    }
    case "setValidation":
      setValidation(sheet(wb, op.sheet), op);
      return;
    case "setColumnWidth": {
      const col = sheet(wb, op.sheet).getColumn(op.col + 1);
      col.width = (op.width === DEFAULT_COLUMN_WIDTH ? undefined : op.width) as number;
      // A width is set on a column the add-in shows (its own columns): one the user hid shows again,
      // until an undo hides it again (`hidden`).
      col.hidden = op.hidden === true;
      return;
    }
    case "addConditionalFormats":
      addRules(sheet(wb, op.sheet), op.rules);
      return;
    case "removeConditionalFormats":
      removeRules(sheet(wb, op.sheet), op.rules);
      return;
    case "setName":
      setName(wb, op);
      return;
    case "freezePanes":
      freezePanes(sheet(wb, op.sheet), op.rows, op.cols);
      return;
    case "setPageSetup":
      setPageSetup(sheet(wb, op.sheet), op.setup);
      return;
    case "select":
    // The xlsx read reports no charts, so no change set of its moves one: drawings over the columns the
    // add-in takes are moved by the carry-over (anchors.ts).
    case "moveChart":
      return;
  }
}

/** How deep recalculate follows formulas reading formulas before it takes a cached value instead. */
const MAX_DEPTH = 200;

/**
 * Formula results the core can compute become the cells' cached results (so viewers that do not
 * recalculate show the right numbers). Formulas are evaluated in dependency order: a formula reading
 * another formula's cell gets that cell's new value, whatever their order in the sheet; a circular
 * reference reads the cached value once. A formula the core cannot evaluate keeps its cached result;
 * Excel recomputes everything on open anyway (fullCalcOnLoad).
 */
export function recalculate(wb: ExcelJS.Workbook, ctx: ReadContext = readContext(wb)): void {
  const sheets = new Map(wb.worksheets.map((ws) => [ws.name, ws]));
  const done = new Set<ExcelJS.Cell>();
  const visiting = new Set<ExcelJS.Cell>();
  const deferred: [ExcelJS.Worksheet, ExcelJS.Cell][] = [];
  let depth = 0;

  const evaluate = (ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): void => {
    if (done.has(cell) || visiting.has(cell)) return;
    if (depth >= MAX_DEPTH) {
      deferred.push([ws, cell]);
      return;
    }
    const f = cell.formula;
    if (!f) return void done.add(cell);
    visiting.add(cell);
    depth++;
    let v: ReturnType<typeof evaluateFormula> | undefined;
    try {
      v = evaluateFormula(fromStored(`=${f}`), get(ws.name), ws.name, cell.fullAddress.row - 1);
    } catch {
      v = undefined; // beyond the core's evaluator: the cached result stays
    } finally {
      depth--;
      visiting.delete(cell);
      done.add(cell);
    }
    if (v === undefined) return;
    if (v === "") v = null;
    if (v === cellValue(cell, ctx.date1904)) return;
    // The value getter keeps formula, shared-formula master and ref; only the result changes.
    const result = typeof v === "string" && ERROR_CODES.has(v) ? { error: v } : (v ?? undefined);
    cell.value = { ...(cell.value as ExcelJS.CellFormulaValue), result } as ExcelJS.CellValue;
  };

  const get = (home: string) => (name: string | null, row: number, col: number) => {
    const ws = sheets.get(name ?? home);
    const cell = ws?.findCell(row + 1, col + 1);
    if (!ws || !cell) return null;
    if ((cell.type as number) === T.Formula) evaluate(ws, cell);
    return cellValue(cell, ctx.date1904);
  };

  const formulas: [ExcelJS.Worksheet, ExcelJS.Cell][] = [];
  for (const ws of sheets.values())
    for (const row of rowsOf(ws))
      if (row)
        for (const cell of cellsOf(row))
          if (cell && (cell.type as number) === T.Formula) formulas.push([ws, cell]);
  // A chain deeper than MAX_DEPTH is cut, and what lies above a cut read a stale value: the next pass
  // starts from the cuts, deepest first, so every part of the chain reads settled values.
  let cuts: [ExcelJS.Worksheet, ExcelJS.Cell][] = [];
  for (let pass = 0; pass < 4; pass++) {
    done.clear();
    deferred.length = 0;
    for (const [ws, cell] of [...cuts.reverse(), ...formulas]) evaluate(ws, cell);
    if (!deferred.length) return;
    cuts = [...deferred];
  }
}

const WRITES_CELLS = new Set<Op["op"]>([
  "insertColumns",
  "deleteColumns",
  "insertRows",
  "deleteRows",
  "setCells",
  "deleteSheet",
  "addTable",
]);

export interface ApplyOptions {
  /**
   * Recompute the cached results of formulas (default true). A batch that applies several change sets in a
   * row may skip it and call recalculate(wb) once before saving.
   */
  recalculate?: boolean;
}

/** Default row height in points (Calibri 11), and the height of one more line of wrapped text. */
const LINE_POINTS = 15;

/**
 * Rows whose cells the change set wraps get a height that shows their text: Excel sizes such rows itself,
 * but LibreOffice and PDF export keep the default height and draw the lines over each other. The height
 * is estimated from the text and the column width (a column of width w holds about w characters a line).
 */
function fitWrappedRows(wb: ExcelJS.Workbook, cs: ChangeSet): void {
  const rows = new Map<string, Set<number>>();
  for (const op of cs.ops) {
    if (op.op !== "setStyle" || op.style.wrap !== true) continue;
    const set = rows.get(op.sheet) ?? new Set<number>();
    for (const r of op.ranges) for (let k = 0; k < r.rows; k++) set.add(r.top + k);
    rows.set(op.sheet, set);
  }
  for (const [name, set] of rows) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    for (const r of set) {
      const row = ws.getRow(r + 1);
      let lines = 1;
      row.eachCell((cell, col) => {
        if (!cell.alignment?.wrapText) return;
        const text = typeof cell.value === "string" ? cell.value : "";
        if (!text) return;
        const perLine = Math.max(1, Math.floor(ws.getColumn(col).width ?? DEFAULT_COLUMN_WIDTH));
        const n = text.split("\n").reduce((sum, p) => sum + Math.max(1, Math.ceil(p.length / perLine)), 0);
        lines = Math.max(lines, n);
      });
      const height = Math.min(409, lines * LINE_POINTS);
      if (lines > 1 && height > (row.height ?? LINE_POINTS)) row.height = height;
    }
  }
}

/**
 * Applies a change set to the workbook in place, exactly as WorkbookModel.apply would (see
 * core/model.ts), after checking it whole (core's checks on the workbook's structure): a change set that
 * cannot be written throws core's AddinError and leaves the workbook untouched. Rows it wraps text in also
 * get a height that shows the text.
 */
export function applyChangeSet(wb: ExcelJS.Workbook, cs: ChangeSet, opts: ApplyOptions = {}): void {
  checkChangeSet(wb, cs);
  writeChangeSet(wb, cs, opts);
}

/** Writes a change set already checked (core's prepare, or checkChangeSet): the XlsxHost's apply. */
export function writeChangeSet(wb: ExcelJS.Workbook, cs: ChangeSet, opts: ApplyOptions = {}): void {
  if (!cs.ops.some((op) => op.op !== "select")) return;
  repairTableHeaders(wb);
  const writesCells = cs.ops.some((op) => WRITES_CELLS.has(op.op));
  if (writesCells) normalizeSharedFormulas(wb);
  const ctx = readContext(wb);
  for (const op of cs.ops) execute(wb, op, ctx);
  const touched = new Set(cs.ops.map((op) => op.sheet));
  for (const ws of wb.worksheets) if (touched.has(ws.name)) syncTableHeaders(ws, ctx);
  fitWrappedRows(wb, cs);
  if (writesCells) {
    if (opts.recalculate !== false) recalculate(wb, ctx);
    wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  }
}
