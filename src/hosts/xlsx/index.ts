/**
 * The xlsx host: the add-in's commands on an .xlsx file through ExcelJS, in Node (CLI, tests) and in the
 * browser (playground). No file system here: callers pass bytes or an ExcelJS.Workbook.
 *
 *   const wb = await loadWorkbook(bytes);
 *   const snap = readSnapshot(wb);                       // host → snapshot
 *   const cs = planRecalc(snap.active, analysis).changeSet; // pure core
 *   applyChangeSet(wb, cs);                              // change set → host
 *   const out = await saveWorkbook(wb);
 *
 * or, for the app layer, `new XlsxHost(wb)` (the Host interface of src/hosts/host.ts).
 */
import * as ExcelJS from "exceljs";
import { repairTableHeaders } from "./apply";
import { loadNames, saveNames } from "./sheetExtras";

export { readSnapshot, readSheet, OWNED_SHEETS, type ReadOptions } from "./read";
export { applyChangeSet, writeChangeSet, recalculate, type ApplyOptions } from "./apply";
export { checkChangeSet } from "./check";
export { XlsxHost } from "./host";
export { sniffWorkbook, MAX_XLSX_BYTES } from "./sniff";
export { preserveParts, type PreserveResult } from "./preserve";
export { columnEditsOf, type ColumnEdit } from "./anchors";

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
