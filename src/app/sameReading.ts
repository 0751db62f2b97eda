/**
 * Whether a change set leaves the active sheet reading as it did: the same table found, the same rows, the
 * same encoding, titles, tables and names, so the reading taken before it (readSheet) still holds after it
 * and the next step may be planned on the workbook as it was. Apply-all asks it of highlight, before the
 * plan sheet (./applyAll.ts); anything it cannot vouch for answers false, and the next step reads again.
 *
 * What the table's reading takes from a sheet (core/legacySheet, table, rowReader, score, total): its values,
 * formulas, number formats, fonts (a legacy sheet's), Excel tables and selection, and for the unit the texts
 * above the table. Highlight writes conditional formats and fills (never read), a bold legend title, and
 * the legend's texts. Those are harmless only under the table, on rows holding nothing else, on a sheet in
 * Unicode: there the title ends the table's scan as a signature row would (core/rowKinds.ts reads «Chú giải
 * (PAR INDEX)» and «Legend (PAR INDEX)» as one), below rows that were blank, and no legend text is a
 * number, a total, a header or legacy typing (tests/app/sameReading.test.ts holds the legend to that). A
 * legend anywhere else, or on a row beside other cells (a signature block, a stray number), is left to a
 * fresh reading: what it would change is not shown here.
 */
import {
  LEGEND,
  unicodeView,
  type CellInput,
  type ChangeSet,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../core";
import { columnNumberOf, findTable, matchHeaders, ROLES, type Role } from "../core/table";
import { isBlankCell } from "../core/text";
import type { SheetReading } from "./commands";
import { stillUnicode } from "./stillUnicode";

/** Every text of the legend, in both languages (a legend written in the other one is rewritten). */
export const LEGEND_TEXTS: ReadonlySet<string> = new Set(
  Object.values(LEGEND).flatMap((l) => Object.values(l)),
);

/** Style keys that no reading looks at: the fills and bold highlight writes. */
const UNREAD_STYLES = new Set(["fill", "bold"]);

/** `cs`, planned on `ws` whose active sheet read as `reading`, leaves that reading as it was. */
export function readsAsBefore(cs: ChangeSet, ws: WorkbookSnapshot, reading: SheetReading): boolean {
  const a = reading.analysis;
  // A legacy sheet is counted by rows (core/legacySheet.ts sheetEncoding): new Unicode rows could tip it.
  if (!a.ok || reading.view.encoding !== null || reading.view.sheet !== ws.active) return false;
  const sheet = ws.active;
  for (const op of cs.ops) {
    if (op.sheet !== sheet.name) return false;
    switch (op.op) {
      case "addConditionalFormats":
      case "removeConditionalFormats":
        continue;
      case "setStyle":
        if (Object.keys(op.style).some((k) => !UNREAD_STYLES.has(k))) return false;
        continue;
      case "setCells":
        if (op.top <= a.table.lastRow) return false;
        if (!op.cells.every((line) => line.every(isLegendCell))) return false;
        if (!legendBlock(sheet, op.top, op.left, op.cells)) return false;
        continue;
      default:
        return false;
    }
  }
  return true;
}

/** A cell highlight's legend writes: nothing, a blank or one of the legend's texts. */
function isLegendCell(c: CellInput | null): boolean {
  return c === null || c.kind === "blank" || (c.kind === "text" && LEGEND_TEXTS.has(c.text));
}

/**
 * The block the cells go in holds only blanks and legend texts, and its rows hold nothing else (no value, no
 * formula outside it): the legend stands alone on its rows before and after.
 */
function legendBlock(sheet: SheetSnapshot, top: number, left: number, cells: readonly unknown[][]): boolean {
  const cols = Math.max(0, ...cells.map((line) => line.length));
  for (let row = top; row < top + cells.length; row++) {
    const i = row - sheet.top;
    const values = sheet.values[i];
    const formulas = sheet.formulas?.[i];
    const width = Math.max(values?.length ?? 0, formulas?.length ?? 0);
    for (let j = 0; j < width; j++) {
      const v = values?.[j] ?? null;
      if (formulas?.[j]) return false;
      const col = sheet.left + j;
      const inside = col >= left && col < left + cols;
      if (!isBlankCell(v) && !(inside && typeof v === "string" && LEGEND_TEXTS.has(v))) return false;
    }
  }
  return true;
}

/** The columns assign owns: the only ones it writes into. */
const OWNED = ["lead", "implementers", "tasks"] as const;
/** Style keys assign sets that no reading looks at (wrapping, its headers' bold and centring). */
const ASSIGN_STYLES = new Set(["wrap", "bold", "horizontalAlignment"]);

/**
 * The reading of the sheet after assign, from the reading assign was planned on (`before`, of the sheet
 * before it) and the workbook it leaves (`ws`), or null when that cannot be vouched for (then read afresh).
 *
 * Assign writes texts only into its three columns (lead agency, implementers, tasks), only on criterion rows
 * and the header row, and inserts columns only right of the table. So the table is found again (findTable on
 * `ws`, the cheap part of a reading) and must be the same table grown by nothing but those columns; the rows
 * are then read from the same cells in every column the reading looks at (core/rowReader: the roles' columns,
 * the note columns between left and right, which the owned columns are not, and blank rows, which stay
 * blank, and headers repeated mid-table, which assign titles too and which must match as the same rows), so
 * `before`'s rows, total, issues and skipped rows hold. Refused: a legacy sheet before or after (assign's
 * Unicode texts are counted by rows; a catalogue typed in TCVN3 could tip a Unicode one), any op but those.
 */
export function readingAfterAssign(
  before: SheetReading,
  assign: ChangeSet,
  ws: WorkbookSnapshot,
): SheetReading | null {
  const a = before.analysis;
  if (!a.ok || before.view.encoding !== null) return null;
  const t = a.table;
  const sheet = ws.active;
  const owned = new Set(OWNED.map((f) => t.columns[f]).filter((c) => c !== undefined));
  const headers = a.skipped.filter((s) => s.why === "header").map((s) => s.row);
  // The rows assign may write on: criterion rows read as such whatever their other cells hold (a row whose
  // max or achieved is no number is also tried as a header: left out), the header row, repeated headers.
  const rows = new Set<number>([t.headerRow, ...headers]);
  for (const r of a.rows)
    if (r.stated.max.kind !== "invalid" && r.stated.achieved.kind !== "invalid") rows.add(r.row);
  for (const op of assign.ops) {
    if (op.sheet !== sheet.name) return null;
    switch (op.op) {
      case "insertColumns":
        if (op.at <= t.right) return null;
        continue;
      case "setCells":
        for (let i = 0; i < op.cells.length; i++)
          for (let j = 0; j < op.cells[i].length; j++) {
            const c = op.cells[i][j];
            if (c === null) continue;
            const col = op.left + j;
            if (c.kind !== "text" && c.kind !== "blank") return null;
            // No text a column-number row «(1) (2) (3)» is made of.
            if (c.kind === "text" && columnNumberOf(c.text.trim()) >= 0) return null;
            if (!rows.has(op.top + i) || (col <= t.right && !owned.has(col))) return null;
          }
        continue;
      case "setStyle":
        if (Object.keys(op.style).some((k) => !ASSIGN_STYLES.has(k))) return null;
        continue;
      case "setColumnWidth":
      case "moveChart":
      case "addConditionalFormats":
      case "removeConditionalFormats":
        continue;
      default:
        return null;
    }
  }
  // Assign's texts are the catalogue's (Unicode): counted again only when ./stillUnicode.ts cannot vouch.
  const view = stillUnicode(before.view.sheet, sheet, assign)
    ? { sheet, encoding: null }
    : unicodeView(sheet);
  if (view.encoding !== null) return null;
  // A header repeated mid-table (assign titled it too) must still be read as the same header rows.
  for (let k = 0; k < headers.length; k++) {
    const was = matchHeaders(before.view.sheet, headers[k])[0];
    const now = matchHeaders(view.sheet, headers[k])[0];
    if (!was || !now || was.top !== now.top || was.row !== now.row || was.top !== headers[k]) return null;
    while (k + 1 < headers.length && headers[k + 1] <= was.row) k++;
  }
  const found = findTable(view.sheet);
  if (!found.ok) return null;
  const f = found.table;
  const same = <T>(x: T, y: T) => JSON.stringify(x) === JSON.stringify(y);
  if (
    f.sheet !== t.sheet ||
    f.headerRow !== t.headerRow ||
    f.firstRow !== t.firstRow ||
    f.lastRow !== t.lastRow ||
    f.left !== t.left ||
    f.right < t.right ||
    f.lang !== t.lang ||
    f.headerTop !== t.headerTop ||
    !same(f.rounds, t.rounds) ||
    !same(f.rowsBelow, t.rowsBelow)
  )
    return null;
  for (const role of ROLES) {
    const was = t.columns[role];
    const now = f.columns[role];
    if (was !== undefined ? now !== was : now !== undefined && !(isOwned(role) && now > t.right)) return null;
  }
  // The columns the table grew by are the owned ones: no note column, nothing else the rows are read from.
  const grown = new Set(OWNED.map((r) => f.columns[r]));
  for (let c = t.right + 1; c <= f.right; c++) if (!grown.has(c)) return null;
  return { view, analysis: { ...a, table: f } };
}

const isOwned = (role: Role): boolean => (OWNED as readonly Role[]).includes(role);
