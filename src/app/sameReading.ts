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
import { LEGEND, type CellInput, type ChangeSet, type SheetSnapshot, type WorkbookSnapshot } from "../core";
import { isBlankCell } from "../core/text";
import type { SheetReading } from "./commands";

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
