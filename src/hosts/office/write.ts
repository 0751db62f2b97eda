/**
 * Writing a prepared change set to Excel: each resolved op becomes a few statements (Step), queued in one
 * Excel.run and ONE sync; a change set whose request would pass Excel on the web's 5 MB limit is split into
 * chunks, one sync each (the only reason for an extra sync).
 */
import type { Op, Rect } from "../../core/types";
import type { PreparedOk, ResolvedOp } from "../../core/prepare";
import { cellAddress, rectAddress } from "../../core/address";
import { API, isApiSupported, requireApi } from "./requirements";
import { toAddinError } from "./errors";
import { AddinError } from "../../core/errors";
import { RUN_OPTIONS } from "./read";
import { charsToPoints } from "../../core/units";
import { cellRuns, columnsAddress, inputValue, jsonBytes } from "./convert";
import { formulaTextAt } from "../../core/rowFormula";
import { extraSteps, withRuleIds } from "./writeExtras";

/** Excel on the web rejects requests over 5 MB; chunks stay under this estimate (a 10% margin for framing). */
export const DEFAULT_MAX_REQUEST_BYTES = 4_500_000;
/** Estimated bytes a statement costs in a request besides its own data (object path, ids, JSON framing). */
const STATEMENT_BYTES = 256;
/** Longest multi-area address given to Worksheet.getRanges (Excel's 255-character limit for references). */
export const MAX_AREAS_ADDRESS = 255;

/** Proxies for one request: worksheets by name, cached, kept in step with added and deleted sheets. */
class Queue {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly context: Excel.RequestContext) {}
  sheet(name: string): Excel.Worksheet {
    let s = this.sheets.get(name);
    if (!s) {
      s = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, s);
    }
    return s;
  }
  added(name: string, sheet: Excel.Worksheet): void {
    this.sheets.set(name, sheet);
  }
  deleted(name: string): void {
    this.sheets.delete(name);
  }
}

/** One statement (or a few) to queue, with the bytes it adds to a request. */
interface Step {
  bytes: number;
  queue(q: Queue): void;
}

const step = (args: unknown, queue: (q: Queue) => void): Step => ({
  bytes: STATEMENT_BYTES + jsonBytes(args),
  queue,
});

/** Splits a rectangle into row bands whose data (bytesPerRow each) stays under `max`. */
function bands(rect: Rect, bytesPerRow: number, max: number): Rect[] {
  const perBand = Math.max(1, Math.floor(max / Math.max(1, bytesPerRow)));
  const out: Rect[] = [];
  for (let top = rect.top; top < rect.top + rect.rows; top += perBand) {
    out.push({ ...rect, top, rows: Math.min(perBand, rect.top + rect.rows - top) });
  }
  return out;
}

function cellSteps(op: Extract<Op, { op: "setCells" }>, max: number): Step[] {
  const steps: Step[] = [];
  for (const run of cellRuns(op.top, op.left, op.cells)) {
    const useFormulas = run.cells.some((row) =>
      row.some((c) => c.kind === "formula" || c.kind === "rowFormula"),
    );
    const data = run.cells.map((line, r) => line.map((c) => inputValue(c, run.top + r)));
    const total = jsonBytes(data);
    for (const band of bands(run, total / run.rows + STATEMENT_BYTES / run.rows, max / 2)) {
      const rows = data.slice(band.top - run.top, band.top - run.top + band.rows);
      const address = rectAddress(band);
      steps.push(
        step([address, rows], (q) => {
          const range = q.sheet(op.sheet).getRange(address);
          if (useFormulas) range.formulas = rows;
          else range.values = rows;
        }),
      );
    }
  }
  return steps;
}

/** Groups rectangles into comma-separated addresses no longer than MAX_AREAS_ADDRESS. */
function areaGroups(ranges: readonly Rect[]): string[] {
  const groups: string[] = [];
  let current = "";
  for (const r of ranges) {
    const a = rectAddress(r);
    if (current && current.length + 1 + a.length > MAX_AREAS_ADDRESS) {
      groups.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) groups.push(current);
  return groups;
}

function styleSteps(op: Extract<Op, { op: "setStyle" }>, max: number): Step[] {
  const st = op.style;
  const ranges = op.ranges.filter((r) => r.rows > 0 && r.cols > 0);
  const steps: Step[] = [];
  const formatKeys = (
    ["fill", "bold", "fontColor", "wrap", "horizontalAlignment", "fontName"] as const
  ).filter((k) => k in st);
  if (formatKeys.length) {
    for (const address of areaGroups(ranges)) {
      steps.push(
        step([address, st], (q) => {
          const sheet = q.sheet(op.sheet);
          const format = address.includes(",")
            ? sheet.getRanges(address).format
            : sheet.getRange(address).format;
          if ("fill" in st) {
            if (st.fill) format.fill.color = st.fill;
            else format.fill.clear();
          }
          // Excel has no "automatic" font colour to set back; black is what automatic shows.
          if ("fontColor" in st) format.font.color = st.fontColor ?? "#000000";
          if ("bold" in st) format.font.bold = !!st.bold;
          // Excel cannot unset a cell's font; null (undo on a cell that was blank) leaves it.
          if (st.fontName) format.font.name = st.fontName;
          if ("wrap" in st) format.wrapText = !!st.wrap;
          if ("horizontalAlignment" in st) format.horizontalAlignment = st.horizontalAlignment ?? "General";
        }),
      );
    }
  }
  if ("numberFormat" in st) {
    // RangeAreas has no numberFormat: one 2-D array per rectangle.
    const fmt = st.numberFormat || "General";
    for (const rect of ranges) {
      for (const band of bands(rect, jsonBytes(fmt) * rect.cols + 4, max / 2)) {
        const address = rectAddress(band);
        const formats = Array.from({ length: band.rows }, () => Array.from({ length: band.cols }, () => fmt));
        steps.push(
          step([address, formats], (q) => {
            q.sheet(op.sheet).getRange(address).numberFormat = formats;
          }),
        );
      }
    }
  }
  return steps;
}

/** The statements for one op, resolved by core's prepare (positions are absolute). */
/**
 * A table column a setCells op writes formulas into (Excel's "Fill formulas in tables" may fill it with one
 * formula): its formulas are loaded in the same request just before and just after the op's statements.
 */
interface Watch {
  op: Extract<ResolvedOp, { op: "setCells" }>;
  rect: Rect;
  before?: Excel.Range;
  after?: Excel.Range;
}

function watchStep(w: Watch, when: "before" | "after"): Step {
  return {
    bytes: STATEMENT_BYTES,
    queue: (q) => {
      const range = q.sheet(w.op.sheet).getRange(rectAddress(w.rect));
      range.load("formulas");
      w[when] = range;
    },
  };
}

/** The cells to write again: what the op wrote that Excel changed, and the cells it changed around them. */
function repairsOf(w: Watch): { address: string; value: unknown }[] {
  const out: { address: string; value: unknown }[] = [];
  const before = w.before!.formulas;
  const after = w.after!.formulas;
  for (let i = 0; i < w.rect.rows; i++)
    for (let j = 0; j < w.rect.cols; j++) {
      const row = w.rect.top + i;
      const col = w.rect.left + j;
      const input = w.op.cells[row - w.op.top]?.[col - w.op.left] ?? null;
      const now = after[i][j];
      if (input === null) {
        if (now !== before[i][j]) out.push({ address: cellAddress(row, col), value: before[i][j] });
      } else {
        // A formula (or a row formula's text on this row) Excel filled over with another one.
        const text = formulaTextAt(input, row);
        if (text !== null && now !== text) out.push({ address: cellAddress(row, col), value: text });
      }
    }
  return out;
}

function opSteps(op: ResolvedOp, max: number, watches?: Watch[]): Step[] {
  switch (op.op) {
    case "insertColumns":
    case "deleteColumns": {
      const insert = op.op === "insertColumns";
      const address = columnsAddress(op.at, op.count);
      // The add-in's new columns are seen: Excel gives inserted columns the format of the column left of
      // them, and a table's new column lands in whatever sheet column is there, hidden or not.
      const show = step(op, (q) => {
        q.sheet(op.sheet).getRange(address).columnHidden = false;
      });
      if (op.table) {
        const { name, rect } = op.table;
        const index = op.at - rect.left;
        const steps = Array.from({ length: op.count }, () =>
          step(op, (q) => {
            const columns = q.sheet(op.sheet).tables.getItem(name).columns;
            if (!insert) columns.getItemAt(index).delete();
            else if (index >= rect.cols) columns.add();
            else columns.add(index);
          }),
        );
        return insert ? [...steps, show] : steps;
      }
      const change = step(op, (q) => {
        const range = q.sheet(op.sheet).getRange(address);
        if (insert) range.insert("Right");
        else range.delete("Left");
      });
      return insert ? [change, show] : [change];
    }
    case "insertRows":
    case "deleteRows": {
      // Whole rows ("6:8"): Excel moves everything below, tables, validations, formats and shapes with them.
      const address = `${op.at + 1}:${op.at + op.count}`;
      return [
        step(op, (q) => {
          const range = q.sheet(op.sheet).getRange(address);
          if (op.op === "insertRows") range.insert("Down");
          else range.delete("Up");
        }),
      ];
    }
    case "setCells": {
      if (!watches || !op.tableColumns?.length) return cellSteps(op, max);
      const mine = op.tableColumns.map((rect) => ({ op, rect }));
      watches.push(...mine);
      return [
        ...mine.map((w) => watchStep(w, "before")),
        ...cellSteps(op, max),
        ...mine.map((w) => watchStep(w, "after")),
      ];
    }
    case "setStyle":
      return styleSteps(op, max);
    case "addSheet": {
      const position = op.after !== undefined ? op.position : -1;
      return [
        step(op, (q) => {
          const sheet = q.context.workbook.worksheets.add(op.sheet);
          if (position > 0) sheet.position = position;
          q.added(op.sheet, sheet);
        }),
      ];
    }
    case "deleteSheet":
      return [
        step(op, (q) => {
          q.sheet(op.sheet).delete();
          q.deleted(op.sheet);
        }),
      ];
    case "addTable":
      return [
        step(op, (q) => {
          // A Range of the sheet: an address string is taken on the ACTIVE sheet, whatever the collection.
          const sheet = q.sheet(op.sheet);
          const table = sheet.tables.add(sheet.getRange(rectAddress(op.rect)), true);
          table.name = op.name;
          if (op.style) table.style = op.style;
        }),
      ];
    case "resizeTable":
      return [step(op, (q) => q.sheet(op.sheet).tables.getItem(op.name).resize(rectAddress(op.rect)))];
    case "deleteTable":
      return [step(op, (q) => q.sheet(op.sheet).tables.getItem(op.name).convertToRange())];
    case "setValidation":
      return [
        step(op, (q) => {
          const validation = q.sheet(op.sheet).getRange(rectAddress(op.rect)).dataValidation;
          validation.clear();
          if (op.list) validation.rule = { list: { inCellDropDown: true, source: op.list.join(",") } };
        }),
      ];
    case "setColumnWidth": {
      const points = charsToPoints(op.width);
      return [
        step(op, (q) => {
          const column = q.sheet(op.sheet).getRange(columnsAddress(op.col, 1));
          column.format.columnWidth = points;
          // A width is set on a column the add-in shows (its own columns): one the user hid shows again,
          // until an undo hides it again (`hidden`).
          column.columnHidden = op.hidden === true;
        }),
      ];
    }
    case "moveChart":
      // Chart.left (ExcelApi 1.1), in points: the chart keeps its size and top.
      return [step(op, (q) => void (q.sheet(op.sheet).charts.getItem(op.name).left = op.left))];
    case "select":
      return [
        step(op, (q) => {
          const sheet = q.sheet(op.sheet);
          sheet.activate();
          sheet.getRange(rectAddress(op.rect)).select();
        }),
      ];
    case "addConditionalFormats":
    case "removeConditionalFormats":
    case "setName":
    case "freezePanes":
    case "setPageSetup":
      return extraSteps(op).map((s) => step(s.args, s.queue));
  }
}

/** One request's statements, and the indices (in the prepared ops) of the ops they belong to. */
interface Request {
  steps: Step[];
  ops: Set<number>;
}

/** The prepared ops as requests: each a list of statements whose estimated size stays under `max` bytes. */
function planRequests(ops: readonly ResolvedOp[], max: number, watches?: Watch[]): Request[] {
  const requests: Request[] = [];
  let current: Request = { steps: [], ops: new Set() };
  let bytes = 0;
  ops.forEach((op, i) => {
    for (const s of opSteps(op, max, watches)) {
      if (current.steps.length && bytes + s.bytes > max) {
        requests.push(current);
        current = { steps: [], ops: new Set() };
        bytes = 0;
      }
      current.steps.push(s);
      current.ops.add(i);
      bytes += s.bytes;
    }
  });
  if (current.steps.length) requests.push(current);
  return requests;
}

export interface ApplyOptions {
  /** Largest estimated request; larger change sets are split (tests use a small number). */
  maxRequestBytes?: number;
}

/**
 * Ops Excel can put into one undo step with mergeUndoGroup: not a sheet deleted, nor a sheet added at a
 * position (Worksheet.position is not undoable).
 */
function undoable(op: ResolvedOp): boolean {
  return op.op !== "deleteSheet" && !(op.op === "addSheet" && op.after !== undefined);
}

/**
 * Ops whose undo puts cells, formats, validations, widths back as they were whether the op was written
 * or not: safe to undo when a request failed part-way and nobody knows which of its statements ran.
 */
const RESTORES: ReadonlySet<ResolvedOp["op"]> = new Set([
  "setCells",
  "setStyle",
  "setValidation",
  "setColumnWidth",
  "select",
  // Set a name, the panes or the print setup to a stated value: the undo states the old one.
  "setName",
  "freezePanes",
  "setPageSetup",
]);

/**
 * Writes a change set prepared (core's prepare) on the snapshot the host read: prepare checked it whole
 * (ops, protected sheets); here only the requirement sets are checked, so on failure nothing is written.
 * Then every op is queued in one Excel.run and sent in one sync, or in as few chunks as the request-size
 * limit allows. A request is NEVER sent again: a failed batch is not atomic (statements before the
 * failure stay applied). A write of several requests that fails part-way is undone (the prepared undo
 * of every op already sent, last first) and reported as "partial-write" with `rolledBack`.
 * mergeUndoGroup (ExcelApi 1.20) only where every op is undoable; otherwise the add-in's own undo serves.
 */
export async function writePrepared(p: PreparedOk, opts: ApplyOptions = {}): Promise<void> {
  const cs = p.changeSet;
  requireApi(API.minimum);
  if (cs.ops.some((op) => op.op === "resizeTable")) requireApi(API.resizeTable);

  const max = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  // Rules to remove that an earlier change set added (undo) have no id yet: one small read finds them.
  // The ops keep their order and count: requests' op indexes still point into p.ops and p.undoOps.
  const ops = await withRuleIds(p.ops);
  const watches: Watch[] = [];
  const requests = planRequests(ops, max, watches);
  if (!requests.length) return;
  const merge = requests.length > 1 && isApiSupported(API.mergeUndoGroup) && p.ops.every(undoable);
  let sent = 0;
  try {
    await Excel.run(merge ? { ...RUN_OPTIONS, mergeUndoGroup: true } : RUN_OPTIONS, async (context) => {
      for (const request of requests) {
        const q = new Queue(context);
        for (const s of request.steps) s.queue(q);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk: each must stay under 5 MB
        await context.sync();
        sent++;
      }
      // Formulas into an Excel table's columns: what Excel changed beyond what was written is put back,
      // in one more request (only when something differs).
      const repairs = watches.flatMap((w) => repairsOf(w).map((r) => ({ sheet: w.op.sheet, ...r })));
      if (repairs.length) {
        const q = new Queue(context);
        for (const r of repairs) q.sheet(r.sheet).getRange(r.address).formulas = [[r.value]];
        await context.sync();
      }
    });
  } catch (e) {
    // One request, or only the repair failed: nothing to undo that is known to be half-written.
    if (requests.length === 1 || sent === requests.length) throw toAddinError(e);
    const cause = toAddinError(e);
    const rolledBack = await rollBack(p, requests, sent, max);
    throw new AddinError("partial-write", { rolledBack, cause: cause.code, detail: cause.details.detail });
  }
}

/**
 * Undoes the ops of requests[0..failed] (the failed one may have run in part): true when that worked.
 * Not tried (false) when the failed request holds an op whose undo is not a plain restore (columns,
 * sheets, tables): whether it ran is unknown, and undoing one that did not run would destroy data.
 */
async function rollBack(p: PreparedOk, requests: Request[], failed: number, max: number): Promise<boolean> {
  if ([...requests[failed].ops].some((i) => !RESTORES.has(p.ops[i].op))) return false;
  const touched = new Set<number>();
  for (let r = 0; r <= failed; r++) for (const i of requests[r].ops) touched.add(i);
  const undo = [...touched].sort((a, b) => b - a).flatMap((i) => p.undoOps[i]);
  try {
    // Undo of rules added in a sent request names them without ids: withRuleIds finds them first.
    const back = planRequests(await withRuleIds(undo), max);
    await Excel.run(RUN_OPTIONS, async (context) => {
      for (const request of back) {
        const q = new Queue(context);
        for (const s of request.steps) s.queue(q);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk
        await context.sync();
      }
    });
    return true;
  } catch {
    return false;
  }
}

/** Activates `sheet` and selects its row `row` (0-based). */
export async function selectRow(sheet: string, row: number): Promise<void> {
  try {
    await Excel.run(RUN_OPTIONS, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(`${row + 1}:${row + 1}`).select();
      await context.sync();
    });
  } catch (e) {
    throw toAddinError(e);
  }
}
