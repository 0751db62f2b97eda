/**
 * The cells a reader keeps of one sheet — in parallel arrays rather than an object per cell (a
 * 10,000-row table has some 100,000 cells) — packed into the snapshot's grids. Both readers use it: the
 * ExcelJS one (read.ts) and the direct one (direct/read.ts).
 */
import type { CellValue, SheetSnapshot } from "../../core/types";
import type { CellFormats } from "./cells";

export class CellList {
  readonly rs: number[] = [];
  readonly cs: number[] = [];
  readonly vals: CellValue[] = [];
  readonly fmls: (string | null)[] = [];
  readonly fmts: CellFormats[] = [];

  push(r: number, c: number, v: CellValue, f: string | null, fmt: CellFormats): void {
    this.rs.push(r);
    this.cs.push(c);
    this.vals.push(v);
    this.fmls.push(f);
    this.fmts.push(fmt);
  }
}

export type CellsSnapshot = Pick<
  SheetSnapshot,
  | "name"
  | "top"
  | "left"
  | "values"
  | "formulas"
  | "numberFormats"
  | "fills"
  | "bold"
  | "fontColors"
  | "wrap"
  | "fontNames"
>;

/** The grids over the kept cells' bounding rectangle (an empty sheet: 0 × 0 at A1). */
export function packCells(name: string, g: CellList): CellsSnapshot {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let i = 0; i < g.rs.length; i++) {
    if (g.rs[i] < top) top = g.rs[i];
    if (g.cs[i] < left) left = g.cs[i];
    if (g.rs[i] > bottom) bottom = g.rs[i];
    if (g.cs[i] > right) right = g.cs[i];
  }
  const rows = bottom < 0 ? 0 : bottom - top + 1;
  const cols = right < 0 ? 0 : right - left + 1;
  if (rows === 0) {
    top = 0;
    left = 0;
  }
  // Copies of one row made by push: V8 keeps them packed (no holes to check on every read downstream) and
  // each is allocated once at its size.
  const grid = <V>(v: V): V[][] => {
    const row: V[] = [];
    for (let c = 0; c < cols; c++) row.push(v);
    const out: V[][] = [];
    for (let r = 0; r < rows; r++) out.push(row.slice());
    return out;
  };
  const values = grid<CellValue>(null);
  const formulas = grid<string | null>(null);
  const numberFormats = grid<string | null>(null);
  const fills = grid<string | null>(null);
  const bold = grid(false);
  const fontColors = grid<string | null>(null);
  const wrap = grid(false);
  const fontNames = grid<string | null>(null);
  for (let i = 0; i < g.rs.length; i++) {
    const r = g.rs[i] - top;
    const c = g.cs[i] - left;
    const f = g.fmts[i];
    values[r][c] = g.vals[i];
    formulas[r][c] = g.fmls[i];
    numberFormats[r][c] = f.numberFormat;
    fills[r][c] = f.fill;
    bold[r][c] = f.bold;
    fontColors[r][c] = f.fontColor;
    wrap[r][c] = f.wrap;
    // Font names only where there is text to show (a blank cell's font is no evidence of anything).
    if (g.vals[i] !== null || g.fmls[i]) fontNames[r][c] = f.fontName;
  }
  return { name, top, left, values, formulas, numberFormats, fills, bold, fontColors, wrap, fontNames };
}
