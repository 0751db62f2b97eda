/**
 * The first rows of a sheet snapshot (sheet rows 0 … rows-1): a host's probe of a sheet it read in full
 * (WorkbookSnapshot.probes), and the app's view of the active sheet when it chooses the criteria sheet.
 */
import type { SheetSnapshot } from "./types";

export function firstRows(s: SheetSnapshot, rows: number): SheetSnapshot {
  const n = Math.max(0, Math.min(s.values.length, rows - s.top));
  if (n === s.values.length) return s;
  const cut = <T>(a: T[][] | undefined) => a?.slice(0, n);
  return {
    ...s,
    values: s.values.slice(0, n),
    formulas: cut(s.formulas),
    numberFormats: cut(s.numberFormats),
    fills: cut(s.fills),
    bold: cut(s.bold),
    fontColors: cut(s.fontColors),
    wrap: cut(s.wrap),
    fontNames: cut(s.fontNames),
  };
}
