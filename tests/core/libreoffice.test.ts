/**
 * Issue 9 §4: the formulas recalc writes over awkward number cells (non-breaking and thin spaces, the
 * minus sign U+2212, thousands separators, units) never evaluate to #VALUE! in a real spreadsheet
 * program: LibreOffice Calc recalculates the written file (every cached result corrupted first).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { analyzeSheet, planRecalc, type Analysis } from "../../src/core";
import { applyChangeSet, loadWorkbook, readSnapshot, saveWorkbook } from "../../src/hosts/xlsx";
import { CSV_UTF8, describeWithLibreOffice, libreOffice, parseCsv } from "../support/libreoffice";

const ROWS: (string | null)[][] = [
  ["TT", "Lĩnh vực/tiêu chí", "Điểm tối đa", "Điểm đạt được"],
  ["1", "CHỈ ĐẠO ĐIỀU HÀNH", "10,00\u00a0", "9,50\u00a0"],
  ["1.1", "Kế hoạch", "10,00", "\u00a09,50"],
  ["2", "THỂ CHẾ", "1.000,00", "800,50"],
  ["3", "THỦ TỤC", "11,50 điểm", "9,5đ"],
  ["4", "TỔ CHỨC", "8\u2009000,00", "6,00\u202f"],
  ["5", "Điểm trừ", null, "\u22121,00"],
  [null, "TỔNG ĐIỂM", "9.021,50", "824,50"],
];

describeWithLibreOffice("LibreOffice recalculates recalc's formulas over awkward number cells", () => {
  jest.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), "par-core-lo-"));
  let a: Analysis;
  let csv: string[][];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Kết quả");
    ROWS.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
    const book = await loadWorkbook(await saveWorkbook(wb));
    const s = readSnapshot(book);
    const res = analyzeSheet(s.active);
    if (!res.ok) throw new Error(res.error);
    a = res;
    applyChangeSet(book, planRecalc(s.active, a).changeSet);
    for (const w of book.worksheets)
      w.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) cell.value = { formula: cell.formula, result: -1 } as ExcelJS.CellValue;
        }),
      );
    const file = join(dir, "awkward.xlsx");
    writeFileSync(file, await saveWorkbook(book));
    libreOffice(dir).convert([file], CSV_UTF8);
    const out = readdirSync(dir).find((f) => f.endsWith(".csv"))!;
    csv = parseCsv(readFileSync(join(dir, out), "utf8"));
  });

  test("every row is read: units, spaces, thousands and the minus sign", () => {
    expect(a.issues).toEqual([]);
    expect(a.total).toMatchObject({ max: 9021.5, achieved: 824.5, penalty: 1, complete: true, agrees: true });
  });

  test("every gap, percent and total cell is a number, none #VALUE!, and equals the engine's", () => {
    const flat = csv.flat();
    expect(flat.filter((c) => c.startsWith("#") || c === "-1")).toEqual([]);
    const gapCol = a.table.columns.achieved! + 1;
    for (const r of a.rows) {
      if (r.gap === null) continue;
      expect([r.code, Number(csv[r.row][gapCol])]).toEqual([r.code, r.gap]);
    }
    const total = csv[a.total.row!];
    expect(total.slice(2, 5).map(Number)).toEqual([9021.5, 824.5, 8197]);
  });
});
