/**
 * A real spreadsheet program recalculates what the host writes: LibreOffice Calc opens each variant after
 * recalc + highlight, with every cached result corrupted first (so nothing passes by accident), and its
 * numbers must be the engine's, with no #NAME? (functions newer than Excel 2007 need their "_xlfn." prefix
 * in a file). Skipped where LibreOffice is not installed, except in CI.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as ExcelJS from "exceljs";
import { planRecalcAndHighlight, SAMPLE_SHEET } from "../../../src/core";
import { applyChangeSet, loadWorkbook, readSnapshot, saveWorkbook } from "../../../src/hosts/xlsx";
import { cellsOf, rowsOf } from "../../../src/hosts/xlsx/internals";
import { analyzed, seedWorkbook, SUMMARY, type SeedOptions } from "./helpers";
import {
  CSV_UTF8_ALL_SHEETS,
  describeWithLibreOffice,
  libreOffice,
  parseCsv,
} from "../../support/libreoffice";

const VARIANTS: [string, SeedOptions][] = [
  ["seed", {}],
  ["c5", { headerRow: 4, left: 2, coverSheet: true }],
  ["table", { excelTable: true }],
  ["numbers", { numbers: true }],
];

/**
 * "95.00%" → 95. Numbers, not text: after a load-time recalculation that changes a value, LibreOffice shows
 * a 0.00% cell as "95%" (the file is the same but for the cached value; with right cached values it shows
 * "95.00%").
 */
const pct = (shown: string) => Number(shown.replace("%", ""));

describeWithLibreOffice("LibreOffice Calc recalculates what the host writes", () => {
  jest.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), "par-xlsx-lo-"));
  const expected = new Map<string, ReturnType<typeof analyzed>>();

  beforeAll(async () => {
    const lo = libreOffice(dir);
    const files: string[] = [];
    for (const [name, opts] of VARIANTS) {
      const wb = await loadWorkbook(await saveWorkbook(seedWorkbook(opts).wb));
      const s = readSnapshot(wb);
      const a = analyzed(s.active);
      expected.set(name, a);
      applyChangeSet(wb, planRecalcAndHighlight(s.active, a));
      corrupt(wb);
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, await saveWorkbook(wb));
      files.push(file);
    }
    lo.convert(files, CSV_UTF8_ALL_SHEETS);
  });

  /** Every cached formula result becomes -1: only a recalculation gives the numbers back. */
  function corrupt(wb: ExcelJS.Workbook) {
    for (const ws of wb.worksheets)
      for (const row of rowsOf(ws))
        for (const cell of row ? cellsOf(row) : [])
          if (cell && cell.formula)
            cell.value = { ...(cell.value as ExcelJS.CellFormulaValue), result: -1 } as ExcelJS.CellValue;
  }

  const sheetCsv = (variant: string, sheet: string) => {
    const file = readdirSync(dir).find((f) => f.startsWith(`${variant}-`) && f.endsWith(`-${sheet}.csv`));
    if (!file) throw new Error(`no CSV for ${variant}/${sheet}: ${readdirSync(dir).join(", ")}`);
    return parseCsv(readFileSync(join(dir, file), "utf8"));
  };

  test.each(VARIANTS.map(([n]) => n))(
    "%s: every gap and percent is the engine's number, nothing is #NAME?",
    (variant) => {
      const a = expected.get(variant)!;
      const csv = sheetCsv(variant, SAMPLE_SHEET);
      const gapCol = a.table.columns.gap ?? a.table.columns.achieved! + 1;
      const pctCol = gapCol + 1;
      for (const r of a.rows) {
        const line = csv[r.row];
        expect([r.code, line[a.table.left]]).toEqual([r.code, r.code]);
        if (r.gap === null) continue;
        expect([r.code, Number(line[gapCol])]).toEqual([r.code, r.gap]);
        if (r.percent !== null) expect([r.code, pct(line[pctCol])]).toEqual([r.code, r.percent]);
      }
      const total = csv[a.total.row!];
      expect([
        total[a.table.left + 1],
        ...total.slice(a.table.left + 2, pctCol).map(Number),
        pct(total[pctCol]),
      ]).toEqual(["TỔNG ĐIỂM", 99.5, 84.87, 14.63, 85.3]);
      const all = [...csv.flat(), ...sheetCsv(variant, SUMMARY).flat()];
      expect(all.filter((c) => c.startsWith("#") || c === "-1")).toEqual([]);
      // The second sheet's formulas read the moved reason column: the reason of 1.6.2.
      expect(sheetCsv(variant, SUMMARY)[0][1]).toBe("Còn 11 ý kiến sẽ được giải quyết chiếm 37,9 %");
    },
  );
});
