/** .xlsx files made for the CLI tests with ExcelJS (never read from ../shared). */
import * as ExcelJS from "exceljs";
import { SAMPLE_ROWS, SAMPLE_TITLE } from "../../src/core";

export interface UnitOptions {
  title?: string;
  /** Domain 9's score achieved (a leaf domain), with its gap and the total row kept consistent. */
  domain9?: number;
  sheetName?: string;
  extraSheetFirst?: boolean;
  /** Landscape, one page wide: how a unit prints its table (used for the PDF rendering). */
  landscape?: boolean;
}

/** The seed table as a workbook, optionally with other scores and another title. */
export async function seedXlsx(opts: UnitOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (opts.extraSheetFirst) wb.addWorksheet("Ghi chú").getCell("A1").value = "Ghi chú của đơn vị";
  const ws = wb.addWorksheet(opts.sheetName ?? "Kết quả 2023");
  ws.getCell("A1").value = opts.title ?? SAMPLE_TITLE;
  ws.getCell("A1").font = { bold: true };
  SAMPLE_ROWS.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === "") return;
      let value: string = v;
      const d9 = opts.domain9;
      if (d9 !== undefined && (row[0] === "9" || row[1] === "TỔNG ĐIỂM") && (j === 3 || j === 4)) {
        const achieved = row[0] === "9" ? d9 : 84.87 - 18.61 + d9;
        const max = row[0] === "9" ? 20 : 99.5;
        value = (j === 3 ? achieved : max - achieved).toFixed(2).replace(".", ",");
      }
      ws.getCell(3 + i, 1 + j).value = value;
    });
  });
  ws.getColumn(2).width = 50;
  if (opts.landscape)
    ws.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function readXlsx(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

/** An in-memory file system for running the CLI in-process. */
export function memoryIo(files: Record<string, Uint8Array | string>) {
  const out = { stdout: "", stderr: "", files };
  return {
    out,
    io: {
      readFile: async (p: string) => {
        const f = files[p];
        if (f === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: "ENOENT" });
        return typeof f === "string" ? new TextEncoder().encode(f) : f;
      },
      writeFile: async (p: string, d: Uint8Array | string) => {
        files[p] = d;
      },
      stdout: (t: string) => void (out.stdout += t),
      stderr: (t: string) => void (out.stderr += t),
      resolve: (p: string) => p,
      readFileSync: (p: string) => files[p] as Uint8Array,
    },
  };
}
