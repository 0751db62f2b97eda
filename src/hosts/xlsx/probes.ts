/**
 * The first rows of every visible sheet, for the app's choice of the criteria sheet (src/app/chooseSheet.ts)
 * outside Excel. A stand-in until `readSnapshot` fills `probes` itself (issue 14, the hosts' branch).
 */
import type * as ExcelJS from "exceljs";
import type { SheetSnapshot } from "../../core/types";
import { readContext, readSheet } from "./read";

/** How many sheet rows a probe holds. */
export const PROBE_ROWS = 60;

const visible = (ws: ExcelJS.Worksheet) => !ws.state || ws.state === "visible";

/** The first `PROBE_ROWS` rows (sheet rows 0…59) of each visible sheet, by name. */
export function probeSheets(wb: ExcelJS.Workbook): Record<string, SheetSnapshot> {
  const ctx = readContext(wb);
  const out: Record<string, SheetSnapshot> = {};
  for (const ws of wb.worksheets.filter(visible)) {
    const s = readSheet(ws, ctx);
    const n = Math.max(0, Math.min(s.values.length, PROBE_ROWS - s.top));
    const cut = <T>(a: T[][] | undefined) => a?.slice(0, n);
    out[ws.name] = {
      ...s,
      values: s.values.slice(0, n),
      formulas: cut(s.formulas),
      numberFormats: cut(s.numberFormats),
      fills: cut(s.fills),
      bold: cut(s.bold),
      fontColors: cut(s.fontColors),
      wrap: cut(s.wrap),
    };
  }
  return out;
}
