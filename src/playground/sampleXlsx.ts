/**
 * The playground's starting workbook: the seed's 2023 table (core/sample.ts: decimal-comma text, a
 * repeated header, a continuation row) written into an ExcelJS workbook, so the playground runs the same
 * xlsx host path as a user's file. Widths and wrapping only make it readable; the values are the seed's.
 */
import * as ExcelJS from "exceljs";
import { SAMPLE_SHEET, sampleSheet } from "../app/sample";

/** Column widths in characters: TT, criterion, three scores, reason. */
const WIDTHS = [7, 46, 10, 10, 12, 42];
/** Columns whose long text wraps (criterion, reason). */
const WRAPPED = new Set([1, 5]);

export const SAMPLE_FILE_NAME = "PAR-INDEX-2023-Bac-Son.xlsx";

export function sampleXlsx(): ExcelJS.Workbook {
  const s = sampleSheet();
  const wb = new ExcelJS.Workbook();
  wb.creator = "PAR INDEX playground";
  const ws = wb.addWorksheet(SAMPLE_SHEET);
  WIDTHS.forEach((w, c) => (ws.getColumn(s.left + c + 1).width = w));
  s.values.forEach((line, r) => {
    const header = line[0] === "TT";
    line.forEach((value, c) => {
      if (value === null) return;
      const cell = ws.getCell(s.top + r + 1, s.left + c + 1);
      cell.value = value;
      if (s.bold?.[r][c]) cell.font = { bold: true };
      if (header) cell.alignment = { wrapText: true, horizontal: "center", vertical: "middle" };
      else if (r > 0) cell.alignment = { wrapText: WRAPPED.has(c), vertical: "top" };
    });
  });
  return wb;
}
