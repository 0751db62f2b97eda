/**
 * The formulas a change set wrote, stored as Excel stores a filled-down column: each vertical run of cells
 * whose formulas differ only by their own row (the same shape) becomes one shared formula — the first cell
 * holds the text and the run's range (`<f t="shared" ref="E4:E9" si="0">…</f>`), the others only the group
 * (`<f t="shared" si="0"/>`). Excel, LibreOffice, ExcelJS and the direct reader (sheetPart.ts's slideFormula)
 * give every cell of the run its formula by moving the first one's relative rows; the cached values stay
 * cell by cell. A 10,000-row recalc writes 20,000 formulas of ~150 characters (half the criteria sheet's
 * XML): shared, each is ~25 (issue 14's time target, and a smaller file for the user).
 *
 * Only what is certain is shared: formulas this change set wrote (never the user's), read by core's
 * tokenizer, whose relative row numbers are exactly the ones the shape marks (an absolute `$5` stays, a
 * whole-column or structured reference — which the tokenizer does not read — keeps the formula plain).
 *
 * Cells written from a row formula (CellInput "rowFormula", CellPart.rowF) are the common case: once a run's
 * first cell is checked as above and its relative rows are the parts' join points, every next cell written
 * with the same parts continues the run without its text being compared — the runs, and the bytes, are the
 * ones the texts give.
 */
import { cellAddress } from "../../../core/address";
import { shapeKey, tokenize } from "../../../core/formulaTokens";
import { encodeXml } from "../xml";
import type { Sheet } from "./book";
import type { CellPart } from "./sheetPart";

/** A run being gathered: one column, consecutive rows, one shape. */
interface Run {
  key: string;
  first: number;
  last: number;
  cells: CellPart[];
  /** The first formula's text around its relative row numbers, and those numbers (1-based). */
  pieces: string[];
  rows: number[];
  /**
   * The stored parts of the row formula the first cell was written from (CellPart.rowF), when the run's
   * relative rows are exactly their join points (each the first cell's own row): any next cell written
   * with the same parts holds the first formula moved down, and continues the run without its text read.
   */
  rowF?: readonly string[];
}

/** Whether two row formulas' stored parts are the same (one object, or equal parts). */
function sameParts(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Whether a run's relative rows (its first formula's `marks`, on sheet row `row`) are exactly the join
 * points of the stored parts it was written from, each holding the row's own number: then every cell of
 * the same parts on the next rows is the first formula moved down, and continues the run.
 */
function joinsAreMarks(parts: readonly string[], row: number, marks: readonly number[]): boolean {
  if (marks.length !== 2 * (parts.length - 1)) return false;
  const n = String(row + 1).length;
  let at = 0;
  for (let k = 0; k < parts.length - 1; k++) {
    at += parts[k].length;
    if (marks[2 * k] !== at || marks[2 * k + 1] !== at + n) return false;
    at += n;
  }
  return true;
}

/** A run's first formula with its relative rows moved to `row`: what the next cell holds if it continues it. */
function continued(run: Run, row: number): string {
  const d = row - run.first;
  let text = run.pieces[0];
  for (let k = 0; k < run.rows.length; k++) text += String(run.rows[k] + d) + run.pieces[k + 1];
  return text;
}

/** A run starting at `c` (row `row`), its formula's shape `key` and relative rows `marks`. */
function startRun(c: CellPart, row: number, key: string, marks: readonly number[]): Run {
  const rowF = c.rowF !== undefined && joinsAreMarks(c.rowF, row, marks) ? c.rowF : undefined;
  const f = c.f!;
  const pieces: string[] = [];
  const rows: number[] = [];
  let last = 0;
  for (let m = 0; m < marks.length; m += 2) {
    pieces.push(f.slice(last, marks[m]));
    rows.push(Number(f.slice(marks[m], marks[m + 1])));
    last = marks[m + 1];
  }
  pieces.push(f.slice(last));
  return { key, first: row, last: row, cells: [c], pieces, rows, rowF };
}

/** The next free shared-formula group of the sheet: one past every `si` its cells already use. */
function nextGroup(sheet: Sheet): number {
  let next = 0;
  const rows = sheet.part.rows;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].cells;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      // (A cell read with a formula has `f`, "" for an empty one: the others hold none to look at.)
      if (c.f === null && c.fXml === undefined) continue;
      const xml = c.fXml ?? (c.raw?.includes("<f") ? c.raw : undefined);
      if (!xml || !xml.includes("shared")) continue;
      for (const m of xml.matchAll(/\bsi="(\d+)"/g)) next = Math.max(next, Number(m[1]) + 1);
    }
  }
  return next;
}

/**
 * Whether the shape's marks are exactly the formula's relative row numbers as the tokenizer reads them:
 * then every formula of the shape is the first one with those rows moved, as Excel moves them.
 */
function sharable(f: string, marks: readonly number[]): boolean {
  const spans: number[] = [];
  try {
    tokenize(f, spans, 0);
  } catch {
    return false;
  }
  const relative: number[] = [];
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k];
    if (start < 0 || f.charCodeAt(start - 1) === 36 /* $ */) continue;
    relative.push(start, spans[k + 1]);
  }
  // Both read the text left to right: the same rows in the same order (anything else: not shared).
  return relative.length === marks.length && relative.every((x, i) => x === marks[i]);
}

/**
 * Shares the formulas `written` holds (the cells whose formula this change set wrote) in the sheet's part,
 * run by run (see the file comment). A cell another op gave a value since, or whose formula is already shared
 * or kept as read, is left as it is.
 */
export function shareFormulas(sheet: Sheet, written: ReadonlySet<CellPart>): void {
  if (written.size < 2) return;
  let group = nextGroup(sheet);
  const marks: number[] = [];
  /** Shapes checked against the tokenizer: the key's verdict. */
  const verdicts = new Map<string, boolean>();
  const open = new Map<number, Run>();
  const close = (run: Run, col: number) => {
    if (run.cells.length < 2) return;
    const [head, ...rest] = run.cells;
    const ref = `${cellAddress(run.first, col)}:${cellAddress(run.last, col)}`;
    head.fXml = `<f t="shared" ref="${ref}" si="${group}">${encodeXml(head.f!)}</f>`;
    for (const c of rest) c.fXml = `<f t="shared" si="${group}"/>`;
    group++;
  };
  const rows = sheet.part.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const cells = r.cells;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (c.f === null || c.fXml !== undefined || c.raw !== undefined || !written.has(c)) continue;
      const run = open.get(c.col);
      const next = run !== undefined && run.last === r.index - 1;
      // Written from the same row formula as the run's last cell: its formula is the first one moved down
      // (startRun checked the parts' join points against the relative rows), without its text being read.
      if (next && c.rowF !== undefined && run.rowF !== undefined && sameParts(run.rowF, c.rowF)) {
        run.cells.push(c);
        run.last = r.index;
        continue;
      }
      // The cell holds the run's first formula moved down to its row: the same shape, without a scan.
      if (next && c.f === continued(run, r.index)) {
        run.cells.push(c);
        run.last = r.index;
        continue;
      }
      const key = shapeKey(c.f, r.index, marks);
      let ok = key !== null;
      if (ok) {
        let verdict = verdicts.get(key!);
        if (verdict === undefined) verdicts.set(key!, (verdict = sharable(c.f, marks)));
        ok = verdict;
      }
      if (ok && next && run.key === key) {
        run.cells.push(c);
        run.last = r.index;
        continue;
      }
      if (run) close(run, c.col);
      if (ok) open.set(c.col, startRun(c, r.index, key!, marks));
      else open.delete(c.col);
    }
  }
  for (const [col, run] of open) close(run, col);
}
