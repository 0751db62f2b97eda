/**
 * `par-index sample -o FILE.xlsx`: the seed's results table (Bắc Sơn district, 2023) as a workbook, so the
 * README's examples run on a fresh clone. The values are the app's sample; widths and wrapping only make
 * it readable.
 */
import * as ExcelJS from "exceljs";
import { SAMPLE_SHEET, sampleSheet } from "../app/sample";
import { saveWorkbook } from "../hosts/xlsx";

const WIDTHS = [7, 46, 10, 10, 12, 42];

export async function sampleBytes(): Promise<Uint8Array> {
  const s = sampleSheet();
  const wb = new ExcelJS.Workbook();
  wb.creator = "par-index";
  const ws = wb.addWorksheet(SAMPLE_SHEET);
  WIDTHS.forEach((w, c) => (ws.getColumn(s.left + c + 1).width = w));
  s.values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value === null) return;
      const cell = ws.getCell(s.top + r + 1, s.left + c + 1);
      cell.value = value;
      if (s.bold?.[r][c]) cell.font = { bold: true };
      cell.alignment = { wrapText: c === 1 || c === 5, vertical: "top" };
    }),
  );
  return saveWorkbook(wb);
}
