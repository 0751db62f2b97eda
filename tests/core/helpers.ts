import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core";
import { SAMPLE_ROWS, analyzeSheet, type Analysis } from "../../src/core";

/** A sheet from rows of cells, placed at (top, left). */
export function sheetOf(
  rows: CellValue[][],
  opts: { top?: number; left?: number; name?: string } = {},
): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    name: opts.name ?? "Sheet1",
    top: opts.top ?? 0,
    left: opts.left ?? 0,
    values: rows.map((r) =>
      Array.from({ length: width }, (_, i) => (r[i] === undefined || r[i] === "" ? null : r[i])),
    ),
  };
}

export const book = (active: SheetSnapshot, others: SheetSnapshot[] = []): WorkbookSnapshot => ({
  active,
  sheetNames: [active.name, ...others.map((o) => o.name)],
  others: Object.fromEntries(others.map((o) => [o.name, o])),
});

/** The seed rows, transformed cell by cell (for variants). */
export function seedRows(
  map: (cell: string, row: number, col: number) => CellValue = (c) => c,
): CellValue[][] {
  return SAMPLE_ROWS.map((r, i) => r.map((c, j) => map(c, i, j)));
}

export function analyzed(sheet: SheetSnapshot): Analysis {
  const a = analyzeSheet(sheet);
  if (!a.ok) throw new Error(`expected a table, got ${a.error}`);
  return a;
}

export const byCode = (a: Analysis, code: string) => {
  const r = a.rows.find((x) => x.code === code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
};

/** Strips Vietnamese diacritics the way people type without a Vietnamese keyboard. */
export const noDiacritics = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");

/** Every cell of a sheet with what a snapshot carries (value, formula, formats), keyed "row,col". */
export function cellMap(s: SheetSnapshot): Map<string, string> {
  const m = new Map<string, string>();
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = s.formulas?.[r]?.[c] ?? null;
      const fill = s.fills?.[r]?.[c] ?? null;
      const bold = s.bold?.[r]?.[c] ?? false;
      const nf = s.numberFormats?.[r]?.[c] ?? null;
      const fc = s.fontColors?.[r]?.[c] ?? null;
      const wrap = s.wrap?.[r]?.[c] ?? false;
      if (v === null && !f && !fill && !bold && !nf && !fc && !wrap) return;
      m.set(`${s.top + r},${s.left + c}`, JSON.stringify([v, f, fill, bold, nf, fc, wrap]));
    }),
  );
  return m;
}
