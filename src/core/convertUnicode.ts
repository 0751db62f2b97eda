/**
 * The `convert-unicode` command ("Chuyển sang Unicode / Convert to Unicode"): a sheet typed in TCVN3 or VNI
 * gets its text cells rewritten in Unicode and their fonts switched to UNICODE_FONT, as one change set (so one
 * undo puts the legacy text and fonts back). The whole sheet's text is converted — the table, the titles above
 * it (the unit's name, the year) and the notes under it — and every cell still in a legacy font gets the
 * Unicode font, so nothing on the sheet shows garbled afterwards. On a Unicode sheet it plans nothing, so
 * running it twice is running it once. Formulas are left alone. Pure.
 */
import type { CellInput, ChangeSet, Op, SheetSnapshot } from "./types";
import { UNICODE_FONT } from "./legacyText";
import { legacyFontCells, legacyTextCells, sheetEncoding } from "./legacySheet";
import { rectRuns } from "./rects";

export function planConvertUnicode(sheet: SheetSnapshot): ChangeSet {
  const encoding = sheetEncoding(sheet);
  // A Unicode sheet is left alone, even a cell of it in a legacy font: its text may be typed for that font.
  if (!encoding) return { command: "convert-unicode", ops: [], counts: { converted: 0, fonts: 0 } };
  const cells = legacyTextCells(sheet, encoding);
  const fonts = new Map<string, { row: number; col: number }>();
  for (const c of [...cells, ...legacyFontCells(sheet)]) fonts.set(`${c.row},${c.col}`, c);
  const ops: Op[] = [];
  // One block per row, from its first to its last converted cell (null: leave the cell as it is).
  const byRow = new Map<number, typeof cells>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  for (const [row, list] of byRow) {
    const left = Math.min(...list.map((c) => c.col));
    const right = Math.max(...list.map((c) => c.col));
    const block: (CellInput | null)[] = Array.from({ length: right - left + 1 }, () => null);
    for (const c of list) block[c.col - left] = { kind: "text", text: c.unicode };
    ops.push({ op: "setCells", sheet: sheet.name, top: row, left, cells: [block] });
  }
  if (fonts.size > 0) {
    const spans = [...fonts.values()]
      .sort((a, b) => a.row - b.row || a.col - b.col)
      .map((c) => ({ row: c.row, left: c.col, cols: 1 }));
    ops.push({
      op: "setStyle",
      sheet: sheet.name,
      ranges: rectRuns(spans),
      style: { fontName: UNICODE_FONT },
    });
  }
  return { command: "convert-unicode", ops, counts: { converted: cells.length, fonts: fonts.size } };
}
