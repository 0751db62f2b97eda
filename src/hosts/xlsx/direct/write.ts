/**
 * Writing a prepared change set directly into the package's XML (issue 14): only the parts the change set
 * touches are patched (the sheets it writes, styles, workbook.xml, new sheet and table parts, rels, content
 * types); every other part stays byte for byte. The ExcelJS writer (../apply.ts) has the reference
 * semantics, op by op.
 *
 * The choice is made before anything is written, for the whole change set: `prepareDirect` loads what the
 * write needs and says whether every op can be written directly (true) or why not (the caller then writes
 * the whole change set through ExcelJS). `writeDirect` then cannot fail half-way for a reason it knew of.
 */
import type { CellValue, ChangeSet, Op, Rect } from "../../../core/types";
import { evaluateFormula } from "../../../core/formula";
import { fromStored } from "../future";
import { attrs, relKind, resolveTarget } from "../xml";
import { parseRange, overlaps, shiftRect } from "../rects";
import { insertSupport, shiftColumns, shiftRows } from "./columnsShift";
import { shiftRectRows } from "../../../core/rowShift";
import { columnEditsOf, shiftAnchors, shiftChartRefs, type ColumnEdit } from "../anchors";
import { cachedText, SharedItems, type DirectBook, type Sheet } from "./book";
import {
  cacheResults,
  cachedValue,
  fitWrappedRows,
  setCached,
  setCells,
  setStyle,
  updateDimension,
  type ValueAt,
} from "./cellsWrite";
import { DirectUnsupported } from "./unsupported";
import { sectionOf } from "./sections";
import {
  addConditionalFormats,
  colsOf,
  flushCols,
  freezePanes,
  removeConditionalFormats,
  setPageSetup,
  setValidation,
} from "./sheetWrite";
import {
  addTable,
  deleteTable,
  flushTables,
  resizeTable,
  syncTableHeaders,
  type TableState,
} from "./tableWrite";
import {
  addSheet,
  deleteSheet,
  fullCalcOnLoad,
  orphansOf,
  setName,
  setPrintTitles,
  updateAppTitles,
} from "./workbookWrite";

const WRITES_CELLS = new Set<Op["op"]>([
  "setCells",
  "addTable",
  "insertColumns",
  "deleteColumns",
  "insertRows",
  "deleteRows",
]);

/** What prepareDirect loaded for the write. */
export interface DirectPlan {
  tables: TableState;
  /** The columns the change set inserts or takes (anchors.ts), and the parts they move: drawings, charts. */
  edits: ColumnEdit[];
  moved: { part: string; xml: string; sheet: string | null }[];
  /** Sheets outside the change set whose formulas are recomputed (they may read what it changes). */
  formulaSheets: string[];
  appXml: string | null;
  /** For each sheet the change set deletes: its part and the parts only it leads to. */
  orphans: Map<string, string[]>;
}

const PLANS = new WeakMap<ChangeSet, DirectPlan>();

function mergesOf(sheet: Sheet): Rect[] {
  const sec = sectionOf(sheet.part, "mergeCells");
  if (!sec) return [];
  return [...sec.xml.matchAll(/<mergeCell\b[^>]*>/g)].flatMap((m) => {
    const r = parseRange(attrs(m[0]).ref ?? "");
    return r ? [r] : [];
  });
}

/** A setCells op writes something into a hidden cell of a merge (ExcelJS unmerges it first). */
function writesIntoMerge(op: Extract<Op, { op: "setCells" }>, merges: Rect[]): boolean {
  const rows = op.cells.length;
  // (A loop, not Math.max(...): a 100,000-row op is more arguments than a call takes.)
  let cols = 0;
  for (let i = 0; i < rows; i++) if (op.cells[i].length > cols) cols = op.cells[i].length;
  const area = { top: op.top, left: op.left, rows, cols };
  for (const m of merges) {
    if (!overlaps(m, area)) continue;
    for (let r = Math.max(m.top, op.top); r < Math.min(m.top + m.rows, op.top + rows); r++)
      for (let c = Math.max(m.left, op.left); c < Math.min(m.left + m.cols, op.left + cols); c++) {
        if (r === m.top && c === m.left) continue;
        const v = op.cells[r - op.top]?.[c - op.left];
        if (v && v.kind !== "blank" && !(v.kind === "text" && v.text === "")) return true;
      }
  }
  return false;
}

/**
 * Loads what writing `cs` directly needs and says whether it can be: true, or the reason it goes through
 * ExcelJS (an op the direct writer does not write, a part it does not read, a merge an op would split).
 */
export async function prepareDirect(book: DirectBook, cs: ChangeSet): Promise<true | string> {
  const added = new Set<string>();
  const deleted = new Set<string>();
  const touched = new Set<string>();
  for (const op of cs.ops) {
    if (op.op === "addSheet") {
      if (book.entry(op.sheet) || added.has(op.sheet)) return `sheet ${op.sheet} exists`;
      added.add(op.sheet);
      continue;
    }
    if (op.op === "deleteSheet") {
      if (added.has(op.sheet)) return `sheet ${op.sheet} added and deleted`;
      if (!book.entry(op.sheet)) return `no sheet named ${op.sheet}`;
      deleted.add(op.sheet);
      continue;
    }
    if (!added.has(op.sheet)) {
      if (!book.entry(op.sheet)) return `no sheet named ${op.sheet}`;
      touched.add(op.sheet);
    }
  }
  try {
    for (const name of touched) await book.load(name);
  } catch (e) {
    if (e instanceof DirectUnsupported) return e.reason;
    throw e;
  }
  // Merges where each op sees them (an insert before moves them).
  const merges = new Map<string, Rect[]>();
  const mergesNow = (name: string) => {
    let m = merges.get(name);
    if (!m) merges.set(name, (m = mergesOf(book.sheet(name))));
    return m;
  };
  for (const op of cs.ops) {
    if (added.has(op.sheet) || op.op === "addSheet") continue;
    if (op.op === "insertColumns" || op.op === "deleteColumns") {
      if (op.table) return `${op.op} into a table is written through ExcelJS`;
      if (op.count <= 0) return `${op.op} of no columns`;
      const count = op.op === "insertColumns" ? op.count : -op.count;
      merges.set(
        op.sheet,
        mergesNow(op.sheet).flatMap((m) => shiftRect(m, op.at, count) ?? []),
      );
    }
    if (op.op === "insertRows" || op.op === "deleteRows") {
      if (op.count <= 0) return `${op.op} of no rows`;
      const count = op.op === "insertRows" ? op.count : -op.count;
      merges.set(
        op.sheet,
        mergesNow(op.sheet).flatMap((m) => shiftRectRows(m, op.at, count) ?? []),
      );
    }
    if (op.op === "setCells" && writesIntoMerge(op, mergesNow(op.sheet)))
      return `a merged range on ${op.sheet} would be split`;
    if (op.op === "addTable" && mergesNow(op.sheet).some((m) => overlaps(m, op.rect)))
      return `a merged range on ${op.sheet} is inside the new table`;
  }
  const tables: TableState = {
    tables: [],
    rels: new Map(),
    changedRels: new Set(),
    maxId: 0,
    sst: new SharedItems(""),
  };
  const writesCells = cs.ops.some((op) => WRITES_CELLS.has(op.op));
  // Table ids are unique in the package; the tables of the touched sheets keep their names in step.
  for (const f of Object.values(book.zip.files)) {
    if (
      f.dir ||
      !/\.xml$/i.test(f.name) ||
      book.opc.contentType(f.name)?.includes("spreadsheetml.table+xml") !== true
    )
      continue;
    const xml = (await f.async("string")) ?? "";
    tables.maxId = Math.max(
      tables.maxId,
      Number(attrs(/<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? "").id) || 0,
    );
  }
  const TABLE_OPS = new Set<Op["op"]>(["addTable", "resizeTable", "deleteTable"]);
  const needRels = new Set(
    [...touched].filter((n) => cs.ops.some((op) => op.sheet === n && TABLE_OPS.has(op.op))),
  );

  for (const name of touched) {
    const e = book.entry(name)!;
    const rels = await book.opc.rels(e.part);
    if (needRels.has(name)) tables.rels.set(name, rels);
    for (const r of rels)
      if (relKind(r.type) === "table" && !r.external) {
        const part = resolveTarget(e.part, r.target);
        tables.tables.push({ sheet: name, part, xml: (await book.text(part)) ?? "", changed: false });
      }
  }
  const formulaSheets: string[] = [];
  const inserts = cs.ops.filter(
    (op): op is Extract<Op, { op: "insertColumns" | "deleteColumns" | "insertRows" | "deleteRows" }> =>
      op.op === "insertColumns" ||
      op.op === "deleteColumns" ||
      op.op === "insertRows" ||
      op.op === "deleteRows",
  );
  const others: { part: string; xml: string; kind: "sheet" | "chart" | "pivot" }[] = [];
  if (inserts.length)
    for (const f of Object.values(book.zip.files)) {
      const type = f.dir ? undefined : book.opc.contentType(f.name);
      const kind = type?.includes("drawingml.chart")
        ? "chart"
        : type?.includes("pivotCacheDefinition")
          ? "pivot"
          : null;
      if (kind) others.push({ part: f.name, xml: (await f.async("string")) ?? "", kind });
    }
  if (writesCells) {
    tables.sst = await book.sharedStrings();
    for (const s of book.sheets) {
      if (touched.has(s.name)) continue;
      const xml = (await book.text(s.part)) ?? "";
      if (inserts.length) others.push({ part: s.part, xml, kind: "sheet" });
      if (!/<(?:\w+:)?f[\s>]/.test(xml)) continue;
      try {
        await book.load(s.name);
        formulaSheets.push(s.name);
      } catch (e) {
        if (e instanceof DirectUnsupported) return e.reason;
        throw e;
      }
    }
  }
  for (const op of inserts) {
    if (added.has(op.sheet)) continue;
    const count = op.op === "insertColumns" || op.op === "insertRows" ? op.count : -op.count;
    const axis = op.op === "insertRows" || op.op === "deleteRows" ? "rows" : "columns";
    const ok = insertSupport(book, book.sheet(op.sheet), axis, op.at, count, tables.tables, others);
    if (ok !== true) return ok;
  }
  const orphans = new Map<string, string[]>();
  for (const name of deleted) orphans.set(name, await orphansOf(book, book.entry(name)!.part));
  const appXml =
    (added.size || deleted.size) && book.zip.file("docProps/app.xml")
      ? await book.text("docProps/app.xml")
      : null;
  // Drawings over the columns inserted or written into move right of them, and the charts' references
  // follow inserted columns (the ExcelJS path's carry-over, preserve.ts, does the same with these edits).
  const edits = columnEditsOf([cs]).filter((e) => touched.has(e.sheet));
  const moved: DirectPlan["moved"] = [];
  for (const name of new Set(edits.map((e) => e.sheet))) {
    const e = book.entry(name)!;
    for (const r of await book.opc.rels(e.part))
      if (relKind(r.type) === "drawing" && !r.external) {
        const part = resolveTarget(e.part, r.target);
        moved.push({ part, xml: (await book.text(part)) ?? "", sheet: name });
      }
  }
  if (edits.some((e) => !e.taken))
    for (const o of others) if (o.kind === "chart") moved.push({ part: o.part, xml: o.xml, sheet: null });
  PLANS.set(cs, { tables, formulaSheets, appXml: appXml ?? null, edits, moved, orphans });
  return true;
}

/** What writeDirect needs from the core: the workbook's values after the change set, and which sheets it holds in full. */
export interface AfterState {
  /**
   * A cell's value as the change set leaves it, recalculated (PreparedOk.valueAfter); undefined for a sheet
   * the workbook then does not have.
   */
  value(sheet: string, row: number, col: number): CellValue | undefined;
  /** Sheets the snapshot the change set was prepared on held in full (active and others). */
  full: ReadonlySet<string>;
}

/** A full sheet's values after the change set, or undefined when the core's model does not hold it all. */
function afterSheet(state: AfterState, name: string): ValueAt | undefined {
  if (!state.full.has(name) && !state.full.has("*")) return undefined;
  if (state.value(name, 0, 0) === undefined) return undefined;
  return (row, col) => state.value(name, row, col) ?? null;
}

/**
 * Rows marked (the rows a change set wrapped text in): a mark per row index, not a set of numbers — ops
 * wrap whole columns of a table, tens of thousands of rows each. Each row once, in ascending order.
 */
class RowMarks {
  private marks = new Uint8Array(0);
  add(top: number, count: number): void {
    if (count <= 0) return;
    const end = top + count;
    if (end > this.marks.length) {
      const next = new Uint8Array(Math.max(end, 2 * this.marks.length));
      next.set(this.marks);
      this.marks = next;
    }
    this.marks.fill(1, top, end);
  }
  rows(): number[] {
    const m = this.marks;
    const out: number[] = [];
    for (let r = 0; r < m.length; r++) if (m[r]) out.push(r);
    return out;
  }
}

/** Writes a change set prepareDirect accepted. */
export function writeDirect(book: DirectBook, cs: ChangeSet, state: AfterState): void {
  const plan = PLANS.get(cs);
  if (!plan) throw new Error("writeDirect: prepareDirect first");
  if (!cs.ops.some((op) => op.op !== "select")) return;
  const sheetOf = (name: string) => (book.isLoaded(name) ? book.sheet(name) : undefined);
  const touched = new Set<string>();
  const added = new Set<string>();
  const wrapped = new Map<string, RowMarks>();
  const removed = new Set<string>();
  for (const op of cs.ops) {
    if (op.op === "addSheet") {
      addSheet(book, op.sheet, op.after);
      added.add(op.sheet);
      continue;
    }
    if (op.op === "deleteSheet") {
      deleteSheet(book, op.sheet, plan.orphans.get(op.sheet) ?? []);
      removed.add(op.sheet);
      touched.delete(op.sheet);
      wrapped.delete(op.sheet);
      continue;
    }
    if (op.op === "select") continue;
    if (op.op === "setName") {
      setName(book, op.name, op.ref, op.hidden === true);
      continue;
    }
    const sheet = book.sheet(op.sheet);
    touched.add(op.sheet);
    switch (op.op) {
      case "insertColumns":
      case "deleteColumns":
        shiftColumns(book, sheet, op.at, op.op === "insertColumns" ? op.count : -op.count);
        break;
      case "insertRows":
      case "deleteRows":
        shiftRows(book, sheet, op.at, op.op === "insertRows" ? op.count : -op.count);
        break;
      case "setCells":
        setCells(book, sheet, op.top, op.left, op.cells);
        break;
      case "setStyle":
        setStyle(book, sheet, op.ranges, op.style);
        if (op.style.wrap === true) {
          let marks = wrapped.get(op.sheet);
          if (!marks) wrapped.set(op.sheet, (marks = new RowMarks()));
          for (const r of op.ranges) marks.add(r.top, r.rows);
        }
        break;
      case "addTable":
        addTable(book, sheet, plan.tables, op);
        break;
      case "resizeTable":
        resizeTable(plan.tables, op.sheet, op.name, op.rect);
        break;
      case "deleteTable":
        deleteTable(book, sheet, plan.tables, op.name);
        break;
      case "moveChart":
        // As the ExcelJS writer: the xlsx read reports no charts, so no change set of its moves one; the
        // drawings over the columns the add-in takes move with the column edits (anchors.ts).
        break;
      case "setValidation":
        setValidation(sheet, op.rect, op.list);
        break;
      case "setColumnWidth":
        colsOf(sheet).setWidth(op.col, op.width, op.hidden === true);
        break;
      case "addConditionalFormats":
        addConditionalFormats(book, sheet, op.rules);
        break;
      case "removeConditionalFormats":
        removeConditionalFormats(sheet, op.rules);
        break;
      case "freezePanes":
        freezePanes(sheet, op.rows, op.cols);
        break;
      case "setPageSetup":
        setPageSetup(sheet, op.setup);
        if ("repeatRows" in op.setup) setPrintTitles(book, op.sheet, op.setup.repeatRows);
        break;
    }
  }
  syncTableHeaders(book, sheetOf, plan.tables);
  for (const [name, rows] of wrapped)
    fitWrappedRows(book, book.sheet(name), rows.rows(), afterSheet(state, name));
  if (cs.ops.some((op) => WRITES_CELLS.has(op.op))) {
    recomputeFormulas(book, state, [...touched], plan);
    fullCalcOnLoad(book);
  }
  for (const name of touched) {
    const sheet = book.sheet(name);
    flushCols(sheet);
    updateDimension(sheet);
    book.touch(name);
  }
  flushTables(book, plan.tables);
  for (const m of plan.moved) {
    const next =
      m.sheet === null ? shiftChartRefs(m.xml, plan.edits) : shiftAnchors(m.xml, m.sheet, plan.edits);
    if (next !== m.xml) book.texts.set(m.part, next);
  }
  if (plan.appXml && (added.size || removed.size)) {
    const next = updateAppTitles(
      plan.appXml,
      book.sheets.map((s) => s.name),
      added.size - removed.size,
    );
    if (next !== plan.appXml) book.texts.set("docProps/app.xml", next);
  }
}

/**
 * Cached formula results (apply.ts recalculate's): on the sheets the core's model holds in full, its
 * recalculated after-state; on the other sheets with formulas, core's evaluator over the cells as written
 * (what they read of the full sheets is the after-state), two passes for formulas reading formulas.
 */
function recomputeFormulas(book: DirectBook, state: AfterState, touched: string[], plan: DirectPlan): void {
  const inAfter = new Set<string>();
  for (const name of [...touched, ...plan.formulaSheets]) {
    if (!book.isLoaded(name)) continue; // a sheet the change set deleted
    const a = afterSheet(state, name);
    if (!a) continue;
    inAfter.add(name);
    if (cacheResults(book.sheet(name), a)) book.touch(name);
  }
  const rest = [...new Set([...touched, ...plan.formulaSheets])].filter(
    (n) => !inAfter.has(n) && book.isLoaded(n),
  );
  if (!rest.length) return;
  const sst = plan.tables.sst;
  const valueOf = (name: string, row: number, col: number): CellValue => {
    const a = afterSheet(state, name);
    if (a) return a(row, col);
    const sheet = book.isLoaded(name) ? book.sheet(name) : undefined;
    const c = sheet?.cell(row, col);
    if (!c) return null;
    if (c.f !== null) return cachedValue(c);
    const text = cachedText(c, sst);
    if (text !== null) return text === "" ? null : text;
    return cachedValue(c);
  };
  for (let pass = 0; pass < 2; pass++)
    for (const name of rest) {
      const rows = book.sheet(name).part.rows;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        const cells = row.cells;
        for (let k = 0; k < cells.length; k++) {
          const c = cells[k];
          if (c.f === null) continue;
          let v: CellValue;
          try {
            v = evaluateFormula(
              fromStored(`=${c.f}`),
              (s, r, k) => valueOf(s ?? name, r, k),
              name,
              row.index,
            );
          } catch {
            continue; // beyond the core's evaluator: the cached result stays
          }
          if (v === "") v = null;
          if (setCached(c, v)) book.touch(name);
        }
      }
    }
}
