/**
 * Whether a sheet still reads as Unicode after a change set, without counting its cells again (core/
 * legacySheet.ts sheetEncoding: apply-all's derived readings ask it, ./readingAfterRecalc.ts and
 * ./sameReading.ts). A sheet is legacy when some text cell reads so (by its font, else by its text) and rows
 * with one outnumber the rows with a Unicode text and none. Taking a legacy text away, or adding a Unicode
 * text (or one of plain ASCII, which counts for neither), can only keep it Unicode: so when the sheet before
 * read as Unicode, and no cell the change set writes (or sets the font of) held a Unicode text before nor
 * reads as legacy after, the sheet after reads as Unicode too — every other cell is as it was (the model
 * keeps what no op touched; a formula's result is not counted), and an inserted column's cells were none.
 * Anything else (rows or columns moved otherwise, an insert into an Excel table, which moves its rows only)
 * answers false: then the caller counts the cells (unicodeView).
 */
import type { CellValue, ChangeSet, SheetSnapshot } from "../core";
import { legacyFontEncoding, textReading } from "../core/legacyText";
import { formatAt } from "../core/table";

/** One insert of whole sheet columns. */
interface Shift {
  at: number;
  count: number;
}

/** Ops that change no cell's value, formula or font. */
const NO_CELLS: ReadonlySet<string> = new Set([
  "setColumnWidth",
  "moveChart",
  "addConditionalFormats",
  "removeConditionalFormats",
  "select",
  "freezePanes",
  "setPageSetup",
  "setValidation",
  "setName",
]);

/** `sheet` is `old` (read as Unicode) after `cs`: it still reads as Unicode (see the file comment). */
export function stillUnicode(old: SheetSnapshot, sheet: SheetSnapshot, cs: ChangeSet): boolean {
  let s: Shift | null = null;
  for (const op of cs.ops) {
    if (op.op === "insertColumns" && op.sheet === sheet.name) {
      // Before any write: the writes after it address the sheet as it leaves it.
      if (s !== null || op.table) return false;
      s = { at: op.at, count: op.count };
    }
  }
  let written = false;
  for (const op of cs.ops) {
    if (NO_CELLS.has(op.op)) continue;
    if (op.op === "insertColumns" && op.sheet === sheet.name) {
      if (written) return false;
      continue;
    }
    if (op.sheet !== sheet.name) {
      // Another sheet's cells; but sheets added, deleted or moved are not looked into.
      if (op.op === "setCells" || op.op === "setStyle") continue;
      return false;
    }
    if (op.op === "setCells") {
      written = true;
      if (!blockKeepsVote(old, sheet, op, s)) return false;
    } else if (op.op === "setStyle") {
      written = true;
      if (op.style.fontName === undefined) continue;
      for (const r of op.ranges) {
        if (r.rows * r.cols > 10_000) return false;
        for (let row = r.top; row < r.top + r.rows; row++)
          for (let col = r.left; col < r.left + r.cols; col++)
            if (!keepsVote(old, sheet, row, col, s)) return false;
      }
    } else return false;
  }
  return true;
}

/**
 * keepsVote on every cell a setCells op writes, by rows of the sheet before taken once (recalc's gap and
 * percent block is a cell per criterion row). A formula, number or blank written is no text after: only what
 * the cell held before counts then (a font's encoding worked out once per run of equal names).
 */
function blockKeepsVote(
  old: SheetSnapshot,
  sheet: SheetSnapshot,
  op: Extract<ChangeSet["ops"][number], { op: "setCells" }>,
  s: Shift | null,
): boolean {
  const width = Math.max(0, ...op.cells.map((line) => line.length));
  // Each written column's index in a line of the sheet before, -1 for an inserted one.
  const backs: number[] = [];
  for (let j = 0; j < width; j++) {
    const col = op.left + j;
    const back = s === null || col < s.at ? col : col < s.at + s.count ? null : col - s.count;
    backs.push(back === null ? -1 : back - old.left);
  }
  const before = new Votes();
  const after = new Votes();
  for (let i = 0; i < op.cells.length; i++) {
    const line = op.cells[i];
    const row = op.top + i;
    const r = row - old.top;
    const values = old.values[r];
    const formulas = old.formulas?.[r];
    const fonts = old.fontNames?.[r];
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if (c === null) continue;
      const b = backs[j];
      if (b >= 0 && values !== undefined && before.of(values[b], formulas?.[b], fonts?.[b]) === "unicode")
        return false;
      // A formula, number or blank written is no text after (most cells recalc writes).
      if (c.kind !== "text") continue;
      const q = row - sheet.top;
      const d = op.left + j - sheet.left;
      const vote = after.of(sheet.values[q]?.[d], sheet.formulas?.[q]?.[d], sheet.fontNames?.[q]?.[d]);
      if (vote === "tcvn3" || vote === "vni") return false;
    }
  }
  return true;
}

/**
 * How cells count in sheetEncoding (voteOf), a font's encoding worked out once per run of equal names and
 * a text's reading once per text (assign writes the catalogue's few texts on every row).
 */
class Votes {
  private font: string | null | undefined = undefined;
  private encoding: string | null = null;
  private readonly texts = new Map<string, string>();
  of(
    v: CellValue | undefined,
    formula: string | null | undefined,
    font: string | null | undefined,
  ): string | null {
    if (typeof v !== "string" || v === "" || formula) return null;
    const f = font ?? null;
    if (f !== this.font) {
      this.font = f;
      this.encoding = legacyFontEncoding(f);
    }
    if (this.encoding !== null) return this.encoding;
    let t = this.texts.get(v);
    if (t === undefined) this.texts.set(v, (t = textReading(v)));
    return t;
  }
}

/** Cell (row, col) of the sheet after was no Unicode text before and is no legacy one after. */
function keepsVote(
  old: SheetSnapshot,
  sheet: SheetSnapshot,
  row: number,
  col: number,
  s: Shift | null,
): boolean {
  return wasNoUnicode(old, row, col, s) && !LEGACY.has(voteOf(sheet, row, col));
}

/** Cell (row, col) of the sheet after, in its column before (none for an inserted one), was no Unicode text. */
function wasNoUnicode(old: SheetSnapshot, row: number, col: number, s: Shift | null): boolean {
  const back = s === null || col < s.at ? col : col < s.at + s.count ? null : col - s.count;
  return back === null || voteOf(old, row, back) !== "unicode";
}

const LEGACY: ReadonlySet<string | null> = new Set(["tcvn3", "vni"]);

/** How a cell counts in sheetEncoding: a text cell's value (not a formula's result), by its font, else its text. */
function voteOf(sheet: SheetSnapshot, row: number, col: number): string | null {
  const v = valueAt(sheet, row, col);
  if (typeof v !== "string" || v === "" || formulaAt(sheet, row, col)) return null;
  return legacyFontEncoding(formatAt(sheet, sheet.fontNames, row, col)) ?? textReading(v);
}

const valueAt = (sheet: SheetSnapshot, row: number, col: number): CellValue =>
  sheet.values[row - sheet.top]?.[col - sheet.left] ?? null;

const formulaAt = (sheet: SheetSnapshot, row: number, col: number): string | null =>
  formatAt(sheet, sheet.formulas, row, col) ?? null;
