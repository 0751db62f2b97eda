/** Generated PAR INDEX result files (.xlsx, written by ExcelJS) for the benchmarks that read and write files. */
import * as ExcelJS from "exceljs";
import { SAMPLE_TITLE } from "../src/core";
import { generatedRows } from "./generate";

/** An .xlsx with a title row, then a table of `rows` rows (header included) from row 3, as units send them. */
export async function generatedXlsx(rows: number, seed = 1): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kết quả 2023");
  ws.getCell("A1").value = SAMPLE_TITLE;
  ws.getCell("A1").font = { bold: true };
  generatedRows(rows, seed).forEach((row, i) => {
    const r = ws.getRow(3 + i);
    row.forEach((v, j) => {
      if (v !== null && v !== "") r.getCell(1 + j).value = v as ExcelJS.CellValue;
    });
  });
  ws.getColumn(2).width = 50;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
