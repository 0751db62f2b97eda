/**
 * Which sheet holds the criteria table the commands work on. In Excel the active sheet is the user's
 * choice and is never second-guessed. Outside Excel (the CLI, the playground) a workbook often holds one
 * sheet per year: among the sheets where a criteria table is found, the one with the most criterion rows
 * that carry a score wins, and on a tie the latest year named in the titles above the table wins — so last
 * year's sheet, kept beside this year's, is not taken by mistake. The add-in's own sheets never win.
 */
import {
  analyzeSheet,
  firstRows,
  OWNED_SHEETS,
  PROBE_ROWS,
  unicodeView,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../core";

/** The add-in's own sheets, never the criteria sheet: core's one list, for the front ends. */
export { OWNED_SHEETS };

/** How well a sheet fits: `rows` criterion rows with a score, `year` the latest year in its titles. */
export interface SheetFit {
  sheet: string;
  rows: number;
  year: number | null;
}

/** Years 1990–2099 written in a title ("năm 2024", "PAR INDEX 2023"). */
const YEAR = /(?<!\d)(19[9]\d|20\d\d)(?!\d)/g;

/** The latest year named in the text above `headerRow` (the table's titles), or null. */
function titleYear(sheet: SheetSnapshot, headerRow: number): number | null {
  let best: number | null = null;
  for (let r = 0; r < sheet.values.length && sheet.top + r < headerRow; r++)
    for (const v of sheet.values[r]) {
      if (typeof v !== "string") continue;
      for (const m of v.matchAll(YEAR)) best = Math.max(best ?? 0, Number(m[1]));
    }
  return best;
}

/** The fit of one sheet, or null when no criteria table is found on it. */
export function sheetFit(sheet: SheetSnapshot): SheetFit | null {
  const a = analyzeSheet(unicodeView(sheet).sheet);
  if (!a.ok) return a.error === "ambiguous" ? { sheet: sheet.name, rows: 0, year: null } : null;
  const rows = a.rows.filter((r) => r.stated.achieved.kind === "number").length;
  return { sheet: sheet.name, rows, year: titleYear(sheet, a.table.headerRow) };
}

/** Best first: more scored rows, then the later year (a year beats none), then tab order. */
function better(x: SheetFit, y: SheetFit): boolean {
  if (x.rows !== y.rows) return x.rows > y.rows;
  return (x.year ?? -1) > (y.year ?? -1);
}

/**
 * The criteria sheet outside Excel: the best fit among the active sheet and the probed ones (ties in tab
 * order), or the active sheet when no sheet holds a table or nothing was probed.
 */
export function chooseSheet(ws: WorkbookSnapshot): string {
  if (!ws.probes || Object.keys(ws.probes).length === 0) return ws.active.name;
  const byName = new Map<string, SheetSnapshot>(Object.entries(ws.probes));
  // the active sheet is judged on the same rows as the probes
  if (!byName.has(ws.active.name)) byName.set(ws.active.name, firstRows(ws.active, PROBE_ROWS));
  const order = [...ws.sheetNames.filter((n) => byName.has(n)), ...byName.keys()];
  let best: SheetFit | null = null;
  for (const name of new Set(order)) {
    if (OWNED_SHEETS.includes(name)) continue; // the add-in's own sheets: never the criteria sheet
    const fit = sheetFit(byName.get(name)!);
    if (fit && (!best || better(fit, best))) best = fit;
  }
  return best?.sheet ?? ws.active.name;
}
