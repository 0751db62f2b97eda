/**
 * A sheet typed in a legacy Vietnamese encoding (TCVN3, VNI), seen as Unicode. The table finder and the
 * analysis only ever see Unicode: `unicodeView` converts the sheet's legacy text cells before the table is
 * found, so headers are recognised and criterion names come out right in the panel, the JSON and the plan.
 * `legacyTextCells` is what the "Convert to Unicode" command rewrites, and `withUnicodeFont` gives every cell a
 * command writes text into on a legacy sheet a Unicode font, so the add-in's own text never shows garbled.
 * Pure.
 */
import type { CellInput, ChangeSet, Op, SheetSnapshot } from "./types";
import {
  UNICODE_FONT,
  detectLegacy,
  legacyFontEncoding,
  textReading,
  toUnicode,
  type LegacyEncoding,
} from "./legacyText";
import { rectRuns, type Span } from "./rects";

/** One text cell of a legacy sheet and its Unicode reading (sheet coordinates). */
export interface LegacyCell {
  row: number;
  col: number;
  text: string;
  unicode: string;
  font: string | null;
}

function fontAt(sheet: SheetSnapshot, r: number, c: number): string | null {
  return sheet.fontNames?.[r]?.[c] ?? null;
}

/** A text cell's value (formula results are not the user's typing: they are left alone). */
function textAt(sheet: SheetSnapshot, r: number, c: number): string | null {
  const v = sheet.values[r]?.[c];
  if (typeof v !== "string" || v === "") return null;
  return sheet.formulas?.[r]?.[c] ? null : v;
}

/**
 * The sheet's legacy encoding, or null for a Unicode sheet. Counted by rows: the rows holding a cell that a
 * legacy font or a legacy reading marks must outnumber the rows whose non-ASCII text is all something else,
 * so a stray "©" or a French word in a Unicode table never turns it into a legacy one, and the Unicode text
 * the add-in writes beside a legacy table's names (agencies, tasks, the headers of the columns it adds, the
 * total's label) never turns it into a Unicode one — counted by cells, a table with more unmet criteria than
 * a third of its text cells read as Unicode once "assign" had written three cells per unmet row, and its
 * headers were no longer found. TCVN3 or VNI: the majority of the legacy cells.
 */
export function sheetEncoding(sheet: SheetSnapshot): LegacyEncoding | null {
  let tcvn3 = 0;
  let vni = 0;
  let legacyRows = 0;
  let otherRows = 0;
  // Every cell of the sheet is looked at on every analysis (apply-all: four times), so by index loops with
  // each row's arrays taken once, and each font name's encoding worked out once per run of equal names
  // (a sheet has a handful of fonts; the test is a trim and two patterns).
  const { values, formulas, fontNames } = sheet;
  let lastFont: string | null = null;
  let lastFontEncoding: LegacyEncoding | null = null;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const rowFormulas = formulas?.[r];
    const rowFonts = fontNames?.[r];
    let legacy = false;
    let other = false;
    for (let c = 0; c < row.length; c++) {
      const text = row[c];
      // A text cell's value only (formula results are not the user's typing): as textAt.
      if (typeof text !== "string" || text === "" || rowFormulas?.[c]) continue;
      const font = rowFonts?.[c] ?? null;
      if (font !== lastFont) {
        lastFont = font;
        lastFontEncoding = legacyFontEncoding(font);
      }
      // detectLegacy(text, font), with "other" (a non-ASCII text that is not legacy) told apart.
      const e = lastFontEncoding ?? textReading(text);
      if (e === "tcvn3") tcvn3++;
      else if (e === "vni") vni++;
      else if (e === "unicode") other = true;
      if (e === "tcvn3" || e === "vni") legacy = true;
    }
    if (legacy) legacyRows++;
    else if (other) otherRows++;
  }
  if (tcvn3 + vni === 0 || legacyRows <= otherRows) return null;
  return vni > tcvn3 ? "vni" : "tcvn3";
}

/**
 * The encoding one cell's text is in, on a sheet in `encoding`: its legacy font decides; without one, the text
 * is converted when it reads as that encoding (a cell whose font was changed but whose text was not).
 */
function cellEncoding(text: string, font: string | null, encoding: LegacyEncoding): LegacyEncoding | null {
  const byFont = legacyFontEncoding(font);
  if (byFont) return byFont;
  return detectLegacy(text) === encoding ? encoding : null;
}

/** The text cells of a sheet in `encoding` whose Unicode reading differs from what they hold, in sheet order. */
export function legacyTextCells(sheet: SheetSnapshot, encoding: LegacyEncoding): LegacyCell[] {
  const out: LegacyCell[] = [];
  sheet.values.forEach((row, r) =>
    row.forEach((_, c) => {
      const text = textAt(sheet, r, c);
      if (text === null) return;
      const font = fontAt(sheet, r, c);
      const e = cellEncoding(text, font, encoding);
      if (!e) return;
      // A non-legacy font says nothing about capitals: let the text decide (TCVN3 "H" fonts).
      const unicode = toUnicode(text, e, legacyFontEncoding(font) ? font : undefined);
      if (unicode !== text) out.push({ row: sheet.top + r, col: sheet.left + c, text, unicode, font });
    }),
  );
  return out;
}

/** Cells whose font is a legacy one (sheet coordinates), whatever they hold. */
export function legacyFontCells(sheet: SheetSnapshot): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  sheet.fontNames?.forEach((row, r) =>
    row.forEach((f, c) => {
      if (legacyFontEncoding(f)) out.push({ row: sheet.top + r, col: sheet.left + c });
    }),
  );
  return out;
}

/**
 * The sheet as the core must read it: a legacy sheet's text cells in Unicode (the same object back for a
 * Unicode sheet), and the sheet's encoding.
 */
export function unicodeView(sheet: SheetSnapshot): { sheet: SheetSnapshot; encoding: LegacyEncoding | null } {
  const encoding = sheetEncoding(sheet);
  if (!encoding) return { sheet, encoding: null };
  const cells = legacyTextCells(sheet, encoding);
  if (cells.length === 0) return { sheet, encoding };
  const values = sheet.values.map((row) => [...row]);
  for (const x of cells) values[x.row - sheet.top][x.col - sheet.left] = x.unicode;
  return { sheet: { ...sheet, values }, encoding };
}

const writesText = (v: CellInput | null) =>
  v !== null && (v.kind === "text" || v.kind === "formula" || v.kind === "rowFormula");

/**
 * On a legacy sheet, every range a change set writes text or formulas into gets the Unicode font, right after
 * the write (so coordinates are those of that moment). A change set that sets fonts on the sheet itself (the
 * conversion) is left as it is.
 */
export function withUnicodeFont(cs: ChangeSet, sheet: string): ChangeSet {
  const setsFonts = cs.ops.some((op) => op.op === "setStyle" && op.sheet === sheet && "fontName" in op.style);
  if (setsFonts) return cs;
  const ops: Op[] = [];
  let added = 0;
  for (const op of cs.ops) {
    ops.push(op);
    if (op.op !== "setCells" || op.sheet !== sheet) continue;
    const spans: Span[] = [];
    op.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (writesText(v)) spans.push({ row: op.top + r, left: op.left + c, cols: 1 });
      }),
    );
    if (spans.length === 0) continue;
    ops.push({ op: "setStyle", sheet, ranges: rectRuns(spans), style: { fontName: UNICODE_FONT } });
    added++;
  }
  return added ? { ...cs, ops } : cs;
}
