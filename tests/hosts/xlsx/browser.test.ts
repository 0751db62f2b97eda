/**
 * The host on ExcelJS's browser build (what webpack bundles for the playground: package.json "browser"
 * field → dist/exceljs.min.js), which has its own copy of the internals the host relies on.
 */
jest.mock("exceljs", () => jest.requireActual("exceljs/dist/exceljs.min.js"));

import * as ExcelJS from "exceljs";
import { analyzeSheet, planRecalcAndHighlight, SAMPLE_SHEET } from "../../../src/core";
import { applyChangeSet, loadWorkbook, readSnapshot, saveWorkbook } from "../../../src/hosts/xlsx";
import { seedWorkbook, sheetFurniture } from "./helpers";

test("the browser build: load bytes, recalc + highlight, save, and everything moved", async () => {
  const browser = jest.requireActual<typeof ExcelJS>("exceljs/dist/exceljs.min.js");
  expect(ExcelJS.Workbook).toBe(browser.Workbook);
  expect(ExcelJS.Workbook).not.toBe(jest.requireActual<typeof ExcelJS>("exceljs").Workbook);
  const seed = seedWorkbook({ excelTable: true });
  const wb = await loadWorkbook(await saveWorkbook(seed.wb));
  const s0 = readSnapshot(wb);
  const a = analyzeSheet(s0.active);
  if (!a.ok) throw new Error(a.error);
  applyChangeSet(wb, planRecalcAndHighlight(s0.active, a));
  const back = await loadWorkbook(await saveWorkbook(wb));
  const s1 = readSnapshot(back);
  const b = analyzeSheet(s1.active);
  expect(b.ok && b.total).toMatchObject({ max: 99.5, achieved: 84.87, gap: 14.63, percent: 85.3 });
  const f = sheetFurniture(back.getWorksheet(SAMPLE_SHEET)!);
  expect(f.tables[0]).toMatchObject({ name: "KetQua", ref: "A3:G34" });
  expect(f.cf[0].ref).toBe("J4:J34");
  expect(back.getWorksheet(SAMPLE_SHEET)!.getCell("K5").formula).toBe('IF(G5="","","Có nguyên nhân")');
});
