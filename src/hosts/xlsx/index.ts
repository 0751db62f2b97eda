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
export { readSnapshot, readSheet, OWNED_SHEETS, type ReadOptions } from "./read";
export { applyChangeSet, writeChangeSet, recalculate, type ApplyOptions } from "./apply";
export { checkChangeSet } from "./check";
export { XlsxHost } from "./host";
export { sniffWorkbook, MAX_XLSX_BYTES } from "./sniff";
export { preserveParts, type PreserveResult } from "./preserve";
export { columnEditsOf, type ColumnEdit } from "./anchors";
export { loadWorkbook, saveWorkbook } from "./workbook";
