/**
 * The workbook's defined names as the snapshot carries them (`WorkbookSnapshot.names`), read from the
 * workbook part with the semantics of the ExcelJS reader (`sheetExtras.ts` workbookNames): the user's
 * names that are absolute cell ranges, rebuilt as ExcelJS 4.4 rebuilds them (every cell of every range in
 * a matrix per name, then grown back into rectangles: `'Kết quả'!$A$1:$E$30`), then the add-in's own names
 * (`_ParIndex_…`, constants and hidden flags included) as written.
 *
 * Kept as ExcelJS does, so both readers give the same names (the fallback must never change a result): a
 * name that is a constant or a formula is not among the user's names; a sheet-local user name is listed
 * with the workbook's (ExcelJS does not keep localSheetId).
 */
import type { DefinedName } from "../../../core/types";
import { columnLetter } from "../../../core/address";
import { ADDIN_NAME_PREFIX } from "../sheetExtras";
import type { RawDefinedName } from "./package";
import { DirectUnsupported } from "./unsupported";

const isAddinName = (name: string) => name.toLowerCase().startsWith(ADDIN_NAME_PREFIX.toLowerCase());

/** More cells than this in one name's ranges: the ExcelJS path reads it (it expands them the same way). */
const MAX_CELLS = 1_000_000;

/** ExcelJS's split of a name's text into ranges (commas inside quoted sheet names kept). */
function extractRanges(text: string): string[] {
  const ranges: string[] = [];
  let open = false;
  let last = "";
  for (const item of text.split(",")) {
    if (!item) continue;
    const quotes = (item.match(/'/g) ?? []).length;
    if (!quotes) {
      if (open) last += `${item},`;
      else ranges.push(item);
      continue;
    }
    const even = quotes % 2 === 0;
    if (!open && even) ranges.push(item);
    else if (open && !even) {
      open = false;
      ranges.push(last + item);
      last = "";
    } else {
      open = true;
      last += `${item},`;
    }
  }
  return ranges;
}

const ABSOLUTE = /[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/;

/** ExcelJS's colCache.decodeAddress: letters A–Z before the first digit make the column, digits the row. */
function decodeAddress(value: string): { row: number; col: number } {
  let col = 0;
  let row = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      hasCol = true;
      col = col * 26 + ch - 64;
    } else if (ch >= 48 && ch <= 57) {
      hasRow = true;
      row = row * 10 + ch - 48;
    } else if (hasRow && hasCol && ch !== 36) break;
  }
  if (col > 16384) throw new DirectUnsupported(`column in a defined name: ${value}`);
  return { row: hasRow ? row : NaN, col: hasCol ? col : NaN };
}

type Matrix = Map<string, Map<number, Map<number, { mark: boolean }>>>;

function addRange(m: Matrix, rangeStr: string, count: { n: number }): void {
  const g = /^(?:(?:'((?:[^']|'')*)'|([^'^ !]*))!)?(.*)$/s.exec(rangeStr)!;
  const sheet = String(g[1] || g[2]);
  const parts = g[3].split(":");
  const at = (row: number, col: number) => {
    let s = m.get(sheet);
    if (!s) m.set(sheet, (s = new Map()));
    let r = s.get(row);
    if (!r) s.set(row, (r = new Map()));
    if (!r.has(col)) r.set(col, { mark: false });
  };
  if (parts.length > 1) {
    const a = decodeAddress(parts[0]);
    const b = decodeAddress(parts[1]);
    const top = Math.min(a.row, b.row);
    const bottom = Math.max(a.row, b.row);
    const left = Math.min(a.col, b.col);
    const right = Math.max(a.col, b.col);
    if (!top) return;
    count.n += (bottom - top + 1) * (right - left + 1);
    if (count.n > MAX_CELLS) throw new DirectUnsupported("a defined name over too many cells");
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) at(r, c);
  } else {
    const a = decodeAddress(g[3]);
    at(a.row, a.col);
  }
}

const serialisedSheet = (sheet: string) =>
  sheet === "undefined" ? "" : /^[a-zA-Z0-9]*$/.test(sheet) ? `${sheet}!` : `'${sheet}'!`;

/** ExcelJS's DefinedNames.getRanges: mark every cell, then grow each still-marked one into a rectangle. */
function rangesOf(m: Matrix): string[] {
  const out: string[] = [];
  // Sheets in the order an object's keys come (integer-like names first), rows and columns ascending.
  const sheets = Object.keys(Object.fromEntries([...m.keys()].map((k) => [k, 1])));
  const find = (sheet: string, row: number, col: number) => m.get(sheet)?.get(row)?.get(col);
  for (const sheet of sheets) {
    const rows = m.get(sheet)!;
    const order = [...rows.keys()].sort((a, b) => a - b);
    for (const r of order) for (const cell of rows.get(r)!.values()) cell.mark = true;
    for (const row of order) {
      const cols = [...rows.get(row)!.keys()].sort((a, b) => a - b);
      for (const col of cols) {
        const cell = find(sheet, row, col)!;
        if (!cell.mark) continue;
        cell.mark = false;
        let top = row;
        let bottom = row;
        let left = col;
        let right = col;
        const v = (y: number) => {
          const c = find(sheet, y, col);
          if (!c || !c.mark) return false;
          c.mark = false;
          return true;
        };
        for (let y = row - 1; v(y); y--) top = y;
        for (let y = row + 1; v(y); y++) bottom = y;
        const h = (x: number) => {
          const cells = [];
          for (let y = top; y <= bottom; y++) {
            const c = find(sheet, y, x);
            if (!c || !c.mark) return false;
            cells.push(c);
          }
          for (const c of cells) c.mark = false;
          return true;
        };
        for (let x = col - 1; h(x); x--) left = x;
        for (let x = col + 1; h(x); x++) right = x;
        const tl = `$${columnLetter(left - 1)}$${top}`;
        const one = top === bottom && left === right;
        out.push(`${serialisedSheet(sheet)}${tl}${one ? "" : `:$${columnLetter(right - 1)}$${bottom}`}`);
      }
    }
  }
  return out;
}

/** The snapshot's names: the user's range names (as ExcelJS keeps them), then the add-in's. */
export function snapshotNames(names: readonly RawDefinedName[]): DefinedName[] {
  // One matrix per name: a later definition of the same name replaces the earlier one, in its place.
  const matrices = new Map<string, Matrix>();
  const count = { n: 0 };
  for (const n of names) {
    if (n.name === "_xlnm.Print_Area" || n.name === "_xlnm.Print_Titles") continue;
    const m: Matrix = new Map();
    for (const r of extractRanges(n.text)) if (ABSOLUTE.test(r.split("!").pop() ?? "")) addRange(m, r, count);
    matrices.set(n.name, m);
  }
  const user: DefinedName[] = [];
  for (const [name, m] of matrices) {
    if (name.startsWith("_xlnm.") || isAddinName(name)) continue;
    const ranges = rangesOf(m);
    if (ranges.length) user.push({ name, ref: `=${ranges.join(",")}`, hidden: false });
  }
  const addin = names
    .filter((n) => isAddinName(n.name) && n.localSheetId === undefined)
    .map((n) => ({ name: n.name, ref: `=${n.text}`, hidden: n.hidden }));
  return [...user, ...addin];
}
