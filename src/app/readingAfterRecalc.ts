/**
 * The reading of the sheet after recalc (apply-all's first step), derived from the reading recalc was planned
 * on instead of read again (./applyAll.ts: assign is planned on it), or null when it cannot be vouched for
 * (then the sheet is read afresh). What recalc changes of what a reading takes from the sheet:
 *
 *   - the gap and percent columns: a criterion row's stated gap and percent become its formulas' results
 *     (and the total row's), a missing column is inserted (everything right of it shifts), its header is
 *     written on the header rows; percent cells get a number format;
 *   - the total row's max and achieved when the total is replaced by formulas (its stated figures);
 *   - a label right of the table on the total row (outside the columns rows are read from).
 *
 * Whether the sheet still reads as Unicode is vouched for from the cells recalc writes (./stillUnicode.ts),
 * else counted again (unicodeView). The table is found again (findTable) and must be the table read before,
 * shifted by recalc's insert, with gap and percent where recalc wrote them. Every cell the rows are read
 * from (core/rowReader.ts: the table's columns, first row to last) but those must hold exactly what it held
 * (a value; a formula without a value, which the reader would evaluate on a changed sheet, is refused).
 * On a row whose gap or percent cells changed, every decision the reader takes from the whole row is taken
 * again on both sheets and must agree (blank row, column-number row, repeated header, a row with numbers
 * only there: a continuation row or not, an unplaced row or not); so is a repeated header on every row
 * where the reader asks for one (it looks at the row below too). Then the rows are the rows read before with
 * their stated gap and percent read again (by core's reader, on the sheet after), scored and totalled again
 * by core's own scoreRows and totalOf, and the issues are the reader's as before (but an unreadable gap or
 * percent cell that recalc overwrote) followed by the scoring's and the total's, as analyzeTable orders them.
 * Refused: a legacy sheet before or after (its view is a converted copy), an insert into an Excel table (its
 * rows shift alone), a final score under the total (where the reader stopped is not kept in a reading), an
 * unreadable cell recalc wrote, any op recalc does not make. tests/support/applyAllReference.ts compares the
 * derived reading with a fresh one on every state of the corpus and generated tables.
 */
import {
  unicodeView,
  type CellValue,
  type ChangeSet,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../core";
import type { Analysis, IssueKind, NumberRole } from "../core/analyze";
import { ReadRow } from "../core/criterionRow";
import { RowReader } from "../core/rowReader";
import { scoreRows } from "../core/score";
import { totalOf } from "../core/total";
import {
  findTable,
  formatAt,
  isColumnNumberRow,
  isFinalTotal,
  matchHeaders,
  ROLES,
  type TableLayout,
} from "../core/table";
import { cellText, isBlankCell, subItemLetter } from "../core/text";
import { stillUnicode } from "./stillUnicode";
import type { SheetReading } from "./commands";

/** The issues scoreRows and totalOf make: made again on the rows after. */
const SCORED: ReadonlySet<IssueKind> = new Set<IssueKind>([
  "achieved-over-max",
  "children-max-exceeds",
  "children-gap-exceeds",
  "stated-gap-differs",
  "stated-percent-differs",
  "stated-total-differs",
]);
/** An unreadable number cell (core/rowReader.ts unreadable). */
const UNREADABLE: ReadonlySet<IssueKind> = new Set<IssueKind>(["unparseable", "formula-not-calculated"]);
const MEASURES = ["gap", "percent"] as const;

/** One insert of columns, or none: what recalc inserts (gap and percent, side by side). */
interface Shift {
  at: number;
  count: number;
}
const forward = (s: Shift | null, col: number) => (s !== null && col >= s.at ? col + s.count : col);

/** The two sheets and tables, and the insert between them. */
interface Sides {
  old: SheetSnapshot;
  sheet: SheetSnapshot;
  t: TableLayout;
  f: TableLayout;
  s: Shift | null;
  /** A reader of each (its cells' numbers, as the row reader reads them). */
  was: RowReader;
  after: RowReader;
}

/**
 * The reading of `ws`'s active sheet after `recalc` (planned on the sheet `before` read), or null. See the
 * file comment.
 */
export function readingAfterRecalc(
  before: SheetReading,
  recalc: ChangeSet,
  ws: WorkbookSnapshot,
): SheetReading | null {
  const a = before.analysis;
  if (!a.ok || before.view.encoding !== null) return null;
  const t = a.table;
  const old = before.view.sheet;
  const sheet = ws.active;
  if (sheet.name !== old.name || t.excelTable) return null;
  const s = insertOf(recalc, sheet.name);
  if (s === undefined) return null;
  const view = stillUnicode(old, sheet, recalc) ? { sheet, encoding: null } : unicodeView(sheet);
  if (view.encoding !== null || view.sheet !== sheet) return null;
  const found = findTable(sheet);
  if (!found.ok || !shiftedLayout(t, found.table, s)) return null;
  const f = found.table;
  const x: Sides = { old, sheet, t, f, s, was: new RowReader(old, t), after: new RowReader(sheet, f) };
  const changed = changedRows(a, x);
  if (changed === null) return null;
  // Rows where the reader asks for a repeated header (a row whose max or achieved is text: over-counted);
  // matchHeaders looks at the row below too, which may be one recalc wrote on.
  const asked = new Set<number>();
  for (const k of a.skipped) if (k.why !== "blank") asked.add(k.row);
  for (const r of a.rows)
    if (r.stated.max.kind === "invalid" || r.stated.achieved.kind === "invalid") asked.add(r.row);
  if (a.total.row !== null) asked.add(a.total.row);
  for (const row of asked) {
    const p = matchHeaders(old, row)[0];
    const q = matchHeaders(sheet, row)[0];
    if (p?.top !== q?.top || p?.row !== q?.row) return null;
  }
  if (finalScoreAfter(a, old, t)) return null;
  const analysis = rescored(a, x, changed);
  return analysis && { view, analysis: { ok: true, ...analysis } };
}

/**
 * The rows (by index from the first row) whose gap or percent cells changed, checking on the way that every
 * other cell the rows are read from did not and that each changed row is still read as it was; null when
 * one is not. One pass over the table's rows, by index loops over column lists made once (every row).
 */
function changedRows(a: Analysis, x: Sides): Uint8Array | null {
  const { old, sheet, t, f, s } = x;
  const totalRow = a.total.row;
  // The columns read from, old and new (indices into a line), and the cells recalc may write: gap, percent.
  const fixedOld: number[] = [];
  const fixedNew: number[] = [];
  for (let c = t.left; c <= t.right; c++)
    if (c !== t.columns.gap && c !== t.columns.percent) {
      fixedOld.push(c - old.left);
      fixedNew.push(forward(s, c) - sheet.left);
    }
  const freeOld = MEASURES.map((m) => (t.columns[m] === undefined ? -1 : t.columns[m] - old.left));
  const freeNew = MEASURES.map((m) => f.columns[m]! - sheet.left);
  const headers = new Set<number>();
  for (const k of a.skipped) if (k.why === "header") headers.add(k.row);
  const rows = a.rows;
  const changed = new Uint8Array(t.lastRow - t.firstRow + 1);
  let k = 0;
  for (let row = t.firstRow; row <= t.lastRow; row++) {
    const p = old.values[row - old.top];
    const q = sheet.values[row - sheet.top];
    const pf = old.formulas?.[row - old.top];
    const qf = sheet.formulas?.[row - sheet.top];
    let ch = false;
    // Anything in a column read from, the same on both sheets, keeps the row from being blank.
    let filled = false;
    if (row === totalRow) {
      if (!sameCells(x, row, true)) return null;
      ch = TOTAL_CELLS.some((role) => cellChanged(x, row, role));
      filled = true;
    } else {
      for (let n = 0; n < fixedOld.length; n++) {
        const v = p?.[fixedOld[n]] ?? null;
        if (v !== (q?.[fixedNew[n]] ?? null)) return null;
        if (v === null) {
          if (pf?.[fixedOld[n]] || qf?.[fixedNew[n]]) return null;
        } else if (!filled && !isBlankCell(v)) filled = true;
      }
      for (let n = 0; n < freeNew.length && !ch; n++) {
        const o = freeOld[n];
        const v = o < 0 ? null : (p?.[o] ?? null);
        if (v !== (q?.[freeNew[n]] ?? null) || (v === null && ((o >= 0 && pf?.[o]) || qf?.[freeNew[n]])))
          ch = true;
      }
    }
    if (!ch) continue;
    changed[row - t.firstRow] = 1;
    if (!filled && blankRow(old, row, t) !== blankRow(sheet, row, f)) return null;
    while (k < rows.length && rows[k].row < row) k++;
    const r = k < rows.length && rows[k].row === row ? rows[k] : undefined;
    // A criterion or the total row was no column-number row (the reader asks before them; under the total
    // row it does not ask, and a refusal there costs only a fresh reading).
    const numbering =
      r !== undefined || row === totalRow ? false : isColumnNumberRow(old, row, t.left, t.right);
    if (numbering !== isColumnNumberRow(sheet, row, f.left, f.right)) return null;
    // Numbers only in gap or percent: a criterion or a continuation row, an unplaced row or not (the total
    // row is told by its wording first, a header by its texts (matchHeaders, checked after), and a row with
    // a numbered code is a criterion either way).
    if (row === totalRow || headers.has(row) || (r ? r.stated.max : x.was.num(row, "max")).kind === "number")
      continue;
    if (x.was.num(row, "achieved").kind === "number") continue;
    const code = r?.code ?? "";
    const numbered = r !== undefined && r.key !== null && /^\d/.test(code) && subItemLetter(code) === null;
    if (!numbered)
      for (const m of MEASURES) if (x.was.num(row, m).kind !== x.after.num(row, m).kind) return null;
  }
  return changed;
}

/** The number cells of the total row recalc may write (the recomputed total, its gap and percent). */
const TOTAL_CELLS: readonly NumberRole[] = ["max", "achieved", "gap", "percent"];

/** recalc's insert (at most one, of whole sheet columns), null for none, undefined for an op it does not make. */
function insertOf(recalc: ChangeSet, name: string): Shift | null | undefined {
  let shift: Shift | null = null;
  for (const op of recalc.ops) {
    if (op.sheet !== name) return undefined;
    switch (op.op) {
      case "insertColumns":
        if (shift !== null || op.table) return undefined;
        shift = { at: op.at, count: op.count };
        continue;
      case "setCells":
      case "setStyle":
      case "setColumnWidth":
        // Which cells changed is seen on the sheets (sameCells); styles are read only as the percent
        // column's number format, which the scoring reads on the sheet after.
        continue;
      default:
        return undefined;
    }
  }
  return shift;
}

/** `f` is `t` shifted, with gap and percent (the inserted columns, or where they were). */
function shiftedLayout(t: TableLayout, f: TableLayout, s: Shift | null): boolean {
  const same = <T>(p: T, q: T) => JSON.stringify(p) === JSON.stringify(q);
  if (
    f.sheet !== t.sheet ||
    f.headerRow !== t.headerRow ||
    f.firstRow !== t.firstRow ||
    f.lastRow !== t.lastRow ||
    f.left !== forward(s, t.left) ||
    // An insert right after the table's last column widens it too.
    f.right !== (s !== null && s.at === t.right + 1 ? t.right + s.count : forward(s, t.right)) ||
    f.lang !== t.lang ||
    f.headerTop !== t.headerTop ||
    f.excelTable !== undefined ||
    !same(
      f.rounds,
      t.rounds?.map((c) => forward(s, c)),
    ) ||
    !same(f.rowsBelow, t.rowsBelow)
  )
    return false;
  if (f.columns.gap === undefined || f.columns.percent === undefined) return false;
  const inserted = (c: number) => s !== null && c >= s.at && c < s.at + s.count;
  for (const role of ROLES) {
    const was = t.columns[role];
    const now = f.columns[role];
    if (was !== undefined ? now !== forward(s, was) : now !== undefined && !inserted(now)) return false;
  }
  // Every inserted column is gap or percent (no column the rows would be read from as a note).
  if (s !== null)
    for (let c = s.at; c < s.at + s.count; c++)
      if (c !== f.columns.gap && c !== f.columns.percent) return false;
  return true;
}

const lineOf = (sheet: SheetSnapshot, row: number): readonly CellValue[] | undefined =>
  sheet.values[row - sheet.top];

const valueAt = (sheet: SheetSnapshot, row: number, col: number): CellValue =>
  lineOf(sheet, row)?.[col - sheet.left] ?? null;

const formulaAt = (sheet: SheetSnapshot, row: number, col: number): string | null =>
  formatAt(sheet, sheet.formulas, row, col) ?? null;

/**
 * Every cell of the row in the table's columns but gap and percent (and max and achieved on the total row)
 * holds the same value after, in its shifted column; a cell without a value holds no formula on either sheet
 * (the reader would evaluate it, on a sheet that changed).
 */
function sameCells(x: Sides, row: number, onTotal: boolean): boolean {
  const { old, sheet, t, s } = x;
  const cols = t.columns;
  const p = lineOf(old, row);
  const q = lineOf(sheet, row);
  for (let c = t.left; c <= t.right; c++) {
    if (c === cols.gap || c === cols.percent || (onTotal && (c === cols.max || c === cols.achieved)))
      continue;
    const d = forward(s, c);
    const v = p?.[c - old.left] ?? null;
    if (v !== (q?.[d - sheet.left] ?? null)) return false;
    if (v === null && (formulaAt(old, row, c) !== null || formulaAt(sheet, row, d) !== null)) return false;
  }
  return true;
}

/**
 * Whether a number cell recalc may write changed (its value, or it has no value: the reader evaluates its
 * formula, on a sheet that changed). An inserted column's cell was blank.
 */
function cellChanged(x: Sides, row: number, role: NumberRole): boolean {
  const c = x.t.columns[role];
  const v = c === undefined ? null : valueAt(x.old, row, c);
  const w = valueAt(x.sheet, row, x.f.columns[role]!);
  if (v !== w) return true;
  return (
    v === null &&
    ((c !== undefined && formulaAt(x.old, row, c) !== null) ||
      formulaAt(x.sheet, row, x.f.columns[role]!) !== null)
  );
}

function blankRow(sheet: SheetSnapshot, row: number, t: TableLayout): boolean {
  const line = lineOf(sheet, row);
  if (!line) return true;
  for (let c = t.left; c <= t.right; c++) if (!isBlankCell(line[c - sheet.left])) return false;
  return true;
}

/**
 * The row where the reader stopped after the total row is worded as the final score («Tổng điểm sau khi
 * cộng, trừ»): totalOf then checks it against the total, and whether the reader took it so is not kept.
 */
function finalScoreAfter(a: Analysis, old: SheetSnapshot, t: TableLayout): boolean {
  const tr = a.total.row;
  if (tr === null) return false;
  let last = tr;
  for (const r of a.rows) if (r.row > last) last = r.row;
  for (const k of a.skipped) if (k.row > last) last = k.row;
  const stop = last + 1;
  if (stop > t.lastRow) return false;
  const text = (c: number | undefined) => (c === undefined ? "" : cellText(valueAt(old, stop, c)));
  return isFinalTotal(text(t.columns.name)) || isFinalTotal(text(t.columns.code));
}

/**
 * The analysis after: the rows read before with their gap and percent read on the sheet after, scored and
 * totalled again (core's scoreRows and totalOf); the reader's issues as before, but for the unreadable
 * cells recalc wrote over; null when a cell recalc wrote reads as no number (its issue is not made here).
 */
function rescored(a: Analysis, x: Sides, changed: Uint8Array): Analysis | null {
  const { sheet, f, after, s, t } = x;
  const totalRow = a.total.row;
  const rows = after.rows;
  for (let k = 0; k < a.rows.length; k++) {
    const r = a.rows[k];
    let gap = r.stated.gap;
    let percent = r.stated.percent;
    if (changed[r.row - t.firstRow] === 1) {
      gap = after.num(r.row, "gap");
      percent = after.num(r.row, "percent");
      if (gap.kind === "invalid" && cellChanged(x, r.row, "gap")) return null;
      if (percent.kind === "invalid" && cellChanged(x, r.row, "percent")) return null;
    }
    const row = new ReadRow(
      r.row,
      r.code,
      r.key,
      r.level,
      r.name,
      r.reason,
      r.parent,
      { max: r.stated.max, achieved: r.stated.achieved, gap, percent },
      r.self,
      r.na,
      r.adjust,
      r.unclassified,
    );
    row.continuationRows = r.continuationRows;
    row.children = r.children;
    if (r.achievedCol !== undefined) row.achievedCol = forward(s, r.achievedCol);
    rows.push(row);
  }
  if (totalRow !== null)
    for (const role of TOTAL_CELLS)
      if (after.num(totalRow, role).kind === "invalid" && cellChanged(x, totalRow, role)) return null;
  // The reader's issues as it made them, but an unreadable cell's that recalc wrote over (it reads after).
  const issues = after.issues;
  for (const i of a.issues) {
    if (SCORED.has(i.kind)) continue;
    if (UNREADABLE.has(i.kind) && i.column !== undefined) {
      const role = i.column as NumberRole;
      const written = i.row === totalRow ? TOTAL_CELLS.includes(role) : MEASURES.some((m) => m === role);
      if (written && cellChanged(x, i.row, role)) continue;
    }
    issues.push(i);
  }
  after.totalRow = totalRow;
  scoreRows(sheet, f, rows, issues);
  const total = totalOf(sheet, after);
  issues.sort((p, q) => p.row - q.row);
  return { table: f, rows, total, issues, skipped: a.skipped };
}
