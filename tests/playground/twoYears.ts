/**
 * A unit's workbook with two years side by side, as offices keep them: "Kết quả 2022" (last year) and
 * "Kết quả 2023" (the seed). Last year 1.6.2 had its full 0,50 and 3.5.3 had 0,00, so against 2022 this
 * year 3.5.3 improved (+0,25), 1.6.2 regressed (−0,50) and the total fell by 0,25 (85,12 → 84,87).
 * Shared by the playground's unit test and the browser test of its .docx download.
 */
import * as ExcelJS from "exceljs";
import { sampleSheet } from "../../src/core/sample";

export const LAST_YEAR_SHEET = "Kết quả 2022";
export const THIS_YEAR_SHEET = "Kết quả 2023";

type Line = (string | number | null)[];

/** Last year's scores where they differ (code → [achieved, gap]), domains and total kept consistent. */
const LAST_YEAR: Record<string, [string, string]> = {
  "1.6.2": ["0,50", "0,00"],
  "1": ["10,00", "0,00"],
  "3.5.3": ["0,00", "0,50"],
  "3": ["15,50", "0,50"],
};

function lastYear(lines: Line[]): Line[] {
  return lines.map((line) => {
    const out = line.map((v) => (typeof v === "string" ? v.replace("2023", "2022") : v));
    const code = typeof out[0] === "string" ? out[0] : "";
    const changed = LAST_YEAR[code];
    if (changed) [out[3], out[4]] = changed;
    if (typeof out[1] === "string" && /TỔNG/i.test(out[1])) out[3] = "85,12";
    return out;
  });
}

function write(ws: ExcelJS.Worksheet, lines: Line[]): void {
  lines.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
}

/** The two years in one workbook, last year's sheet first (tab order), as .xlsx bytes. */
export async function twoYearsXlsx(): Promise<Uint8Array> {
  const lines = sampleSheet().values as Line[];
  const wb = new ExcelJS.Workbook();
  write(wb.addWorksheet(LAST_YEAR_SHEET), lastYear(lines));
  write(wb.addWorksheet(THIS_YEAR_SHEET), lines);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The text of a .docx's body: the runs joined, so a phrase split across runs is still found. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}
