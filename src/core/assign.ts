/**
 * assign, planned as a change set: three columns (lead agency, implementers, tasks) after the table, filled
 * for unmet criteria from a RemedySource and kept in step on re-runs.
 */
import type { CellInput, ChangeSet, ConditionalRule, Op, SheetSnapshot } from "./types";
import type { Analysis } from "./analyze";
import type { Lang } from "./messages";
import { cellAt, type Role } from "./table";
import { cellText } from "./text";
import { addedHeaderStyle, columnIsEmpty, headerRowsOf, insertColumnsOp } from "./columns";
import { rowRuns } from "./rects";
import { isAddinRule } from "./conditional";
import { chartMoves, chartNote, unplacedCharts } from "./charts";
import {
  rowsNeedingRemedy,
  sharedText,
  textOrBlank as text,
  type RemedyField,
  type RemedySource,
} from "./remedy";
import { boundedMemo } from "./boundedMemo";

export const ASSIGN_HEADERS: Record<RemedyField, Record<Lang, string>> = {
  lead: { vi: "Cơ quan chủ trì tham mưu", en: "Lead agency" },
  implementers: { vi: "Cơ quan thực hiện", en: "Implementing agencies" },
  tasks: { vi: "Nhiệm vụ, giải pháp", en: "Tasks and solutions" },
};
const FIELDS: RemedyField[] = ["lead", "implementers", "tasks"];
const WIDTHS: Record<RemedyField, number> = { lead: 28, implementers: 32, tasks: 70 };

export interface AssignOptions {
  lang?: Lang;
}

/** Where the three columns are: found by their headers, else after the table (written or inserted). */
interface Placement {
  cols: Record<RemedyField, number>;
  missing: RemedyField[];
  /** Columns inserted (0 when the next columns were empty and are written into). */
  inserted: number;
  /** The first column after the owned ones. */
  end: number;
  ops: Op[];
}

function placeColumns(sheet: SheetSnapshot, a: Analysis): Placement {
  const t = a.table;
  const ops: Op[] = [];
  const cols: Partial<Record<RemedyField, number>> = {};
  for (const f of FIELDS) if (t.columns[f as Role] !== undefined) cols[f] = t.columns[f as Role];
  const missing = FIELDS.filter((f) => cols[f] === undefined);
  let inserted = 0;
  let at = Math.max(t.right, ...FIELDS.map((f) => cols[f] ?? -1)) + 1;
  if (missing.length) {
    const free = !t.excelTable && missing.every((_, k) => columnIsEmpty(sheet, at + k));
    if (!free) {
      inserted = missing.length;
      ops.push(insertColumnsOp(sheet.name, at, inserted, t.excelTable));
    }
    for (const f of missing) cols[f] = at++;
  }
  return { cols: cols as Record<RemedyField, number>, missing, inserted, end: at, ops };
}

/** The cells of each owned column to write, by row, and what was filled, kept and cleared. */
interface Writes {
  /** By field, indexed by sheet row − `top` (the header row): the cell to write, undefined where none. */
  cells: Record<RemedyField, (CellInput | undefined)[]>;
  /** How many cells each field writes. */
  counts: Record<RemedyField, number>;
  top: number;
  filled: number;
  kept: number;
  cleared: number;
  /** Rows with a remedy (their three cells wrap). */
  wrapRows: number[];
}

/** A list of tasks as one line each: joined once per distinct list (the same few lists fill a table). */
const tasksByFirst = boundedMemo(
  (_first: string) => [] as { tasks: readonly string[]; joined: string }[],
  10_000,
);

function joinedTasks(tasks: readonly string[]): string {
  if (tasks.length === 0) return "";
  if (tasks.length === 1) return tasks[0];
  const known = tasksByFirst(tasks[0]);
  for (const k of known)
    if (k.tasks.length === tasks.length && k.tasks.every((t, i) => t === tasks[i])) return k.joined;
  const joined = tasks.join("\n");
  // A handful of lists per first task; a runaway list of lists is not kept.
  if (known.length < 64) known.push({ tasks: [...tasks], joined });
  return joined;
}

function planWrites(
  sheet: SheetSnapshot,
  a: Analysis,
  source: RemedySource,
  p: Placement,
  headerRows: number[],
  lang: Lang,
): Writes {
  // Snapshot column of an owned column (new columns read as empty).
  const before = (c: number): number | null =>
    p.inserted && c >= p.end - p.inserted ? (c < p.end ? null : c - p.inserted) : c;
  const current = (row: number, f: RemedyField): string => {
    const c = before(p.cols[f]);
    return c === null ? "" : cellText(cellAt(sheet, row, c));
  };
  const currentRaw = (row: number, f: RemedyField): string => {
    const c = before(p.cols[f]);
    const v = c === null ? null : cellAt(sheet, row, c);
    return typeof v === "string" ? v.trim() : cellText(v);
  };
  const top = a.table.headerRow;
  const w: Writes = {
    cells: { lead: [], implementers: [], tasks: [] },
    counts: { lead: 0, implementers: 0, tasks: 0 },
    top,
    filled: 0,
    kept: 0,
    cleared: 0,
    wrapRows: [],
  };
  const set = (f: RemedyField, row: number, cell: CellInput) => {
    const cells = w.cells[f];
    if (cells[row - top] === undefined) w.counts[f]++;
    cells[row - top] = cell;
  };
  // The rows needing a remedy, in table order: walked alongside the rows (no set of them).
  const needing = rowsNeedingRemedy(a);
  let next = 0;
  for (let i = 0; i < a.rows.length; i++) {
    const r = a.rows[i];
    let lead = "";
    let implementers = "";
    let tasks = "";
    if (needing[next] === r) {
      next++;
      const m = source.remedy(r, a);
      lead = m.lead;
      implementers = m.implementers;
      tasks = joinedTasks(m.tasks);
      w.filled++;
      w.wrapRows.push(r.row);
    }
    for (let k = 0; k < FIELDS.length; k++) {
      const f = FIELDS[k];
      const want = f === "lead" ? lead : f === "implementers" ? implementers : tasks;
      const now = f === "tasks" ? currentRaw(r.row, f) : current(r.row, f);
      if (now === want) continue;
      // A cell the user edited (not empty, not a catalogue text) is theirs.
      if (now !== "" && !source.produced(f, now)) {
        w.kept++;
        continue;
      }
      set(f, r.row, sharedText(want));
      if (want === "") w.cleared++;
    }
  }
  for (const f of FIELDS)
    for (const hr of headerRows) if (current(hr, f) === "") set(f, hr, text(ASSIGN_HEADERS[f][lang]));
  return w;
}

/** The writes as one block when the three columns are adjacent, else one block per column. */
function writeOps(sheetName: string, a: Analysis, p: Placement, w: Writes): Op[] {
  if (!FIELDS.some((f) => w.counts[f] > 0)) return [];
  const top = a.table.headerRow;
  const bottom = a.table.lastRow;
  const ordered = [...FIELDS].sort((x, y) => p.cols[x] - p.cols[y]);
  const contiguous = ordered.every((f, k) => p.cols[f] === p.cols[ordered[0]] + k);
  const block = (fs: RemedyField[]) => {
    const columns = fs.map((f) => w.cells[f]);
    const cells: (CellInput | null)[][] = [];
    for (let r = top - w.top; r <= bottom - w.top; r++) {
      // Sized once: a line pushed to grows room for 17 cells.
      const line = new Array<CellInput | null>(columns.length);
      for (let k = 0; k < columns.length; k++) line[k] = columns[k][r] ?? null;
      cells.push(line);
    }
    return cells;
  };
  if (contiguous)
    return [{ op: "setCells", sheet: sheetName, top, left: p.cols[ordered[0]], cells: block(ordered) }];
  return FIELDS.filter((f) => w.counts[f]).map((f): Op => ({
    op: "setCells",
    sheet: sheetName,
    top,
    left: p.cols[f],
    cells: block([f]),
  }));
}

function styleOps(sheet: SheetSnapshot, a: Analysis, p: Placement, w: Writes, headerRows: number[]): Op[] {
  const ops: Op[] = [];
  if (w.wrapRows.length)
    for (const f of FIELDS)
      ops.push({
        op: "setStyle",
        sheet: sheet.name,
        ranges: rowRuns(w.wrapRows, p.cols[f], 1),
        style: { wrap: true },
      });
  if (p.missing.length) {
    ops.push({
      op: "setStyle",
      sheet: sheet.name,
      ranges: headerRows.flatMap((hr) =>
        p.missing.map((f) => ({ top: hr, left: p.cols[f], rows: 1, cols: 1 })),
      ),
      style: addedHeaderStyle(sheet, a.table),
    });
    for (const f of p.missing)
      ops.push({ op: "setColumnWidth", sheet: sheet.name, col: p.cols[f], width: WIDTHS[f] });
  }
  return ops;
}

/**
 * The add-in's highlight rules that end at the table's last column, widened over the owned columns right
 * after it: what highlight plans once the table has those columns, so a Recalculate after assign (and apply
 * run twice) changes nothing. Rules ending elsewhere are the user's layout and stay.
 */
function highlightOps(sheet: SheetSnapshot, a: Analysis, p: Placement): Op[] {
  const t = a.table;
  const owned = new Set(FIELDS.map((f) => p.cols[f]));
  let right = t.right;
  while (owned.has(right + 1)) right++;
  if (right === t.right) return [];
  // The rules as the column insert (right of the table) leaves them: an insert after their last column
  // does not move them.
  const old = (sheet.conditionalFormats ?? []).filter(isAddinRule);
  const widen = (r: ConditionalRule): ConditionalRule => ({
    ...r,
    ranges: r.ranges.map((x) =>
      x.left <= t.right && x.left + x.cols - 1 === t.right ? { ...x, cols: right - x.left + 1 } : x,
    ),
  });
  const wide = old.map(widen);
  if (!wide.some((r, i) => r.ranges.some((x, k) => x.cols !== old[i].ranges[k].cols))) return [];
  return [
    { op: "removeConditionalFormats", sheet: sheet.name, rules: old },
    { op: "addConditionalFormats", sheet: sheet.name, rules: wide.map(({ id: _id, ...r }) => r) },
  ];
}

/**
 * assign: "Cơ quan chủ trì tham mưu", "Cơ quan thực hiện", "Nhiệm vụ, giải pháp" after the table's last column:
 * written into the next columns when they are empty from top to bottom of the sheet, inserted as whole columns
 * (or table columns) otherwise. A re-run finds the columns by their headers and updates them; a cell the user
 * edited (not empty, not a catalogue text) is kept and counted.
 */
export function planAssign(
  sheet: SheetSnapshot,
  a: Analysis,
  source: RemedySource,
  opts: AssignOptions = {},
): ChangeSet {
  const lang = opts.lang ?? a.table.lang;
  const headerRows = headerRowsOf(a);
  const p = placeColumns(sheet, a);
  const w = planWrites(sheet, a, source, p, headerRows, lang);
  const ops = [...p.ops, ...writeOps(sheet.name, a, p, w), ...styleOps(sheet, a, p, w, headerRows)];
  // Charts floating over the columns taken move right of them (the xlsx host moves its drawings itself).
  ops.push(...chartMoves(sheet, ops), ...highlightOps(sheet, a, p));
  const unplaced = unplacedCharts(sheet, ops);
  return {
    command: "assign",
    ops,
    counts: { filled: w.filled, kept: w.kept, cleared: w.cleared, insertedColumns: p.inserted },
    ...(unplaced.length ? { notes: [chartNote(unplaced)] } : {}),
  };
}
