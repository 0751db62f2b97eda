/**
 * .xlsx bytes to an ExcelJS workbook and back. Its own module (not index.ts) so a caller that only reads —
 * the CLI's summary — loads the reader without the writer, the checks and the parts carried over (preserve,
 * OPC), which index.ts re-exports.
 */
import * as ExcelJS from "exceljs";
import { repairTableHeaders } from "./read";
import { loadNames, saveNames } from "./sheetExtras";

/** Reads .xlsx bytes into a workbook (and repairs what ExcelJS misreads: tables' header rows). */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // ExcelJS's typings want a Node Buffer; it accepts any ArrayBuffer view at run time (JSZip underneath).
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  repairTableHeaders(wb);
  await loadNames(wb, bytes);
  return wb;
}

/** Writes the workbook as .xlsx bytes. */
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  // The defined names ExcelJS cannot keep (constants, hidden flags) go back in (sheetExtras.ts).
  return saveNames(wb, buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer));
}
