/**
 * The direct writer stores a filled-down run of the formulas a change set wrote as one shared formula
 * (sharedFormulas.ts): which runs are shared, which formulas stay plain, and that every reader — the direct
 * reader, ExcelJS, LibreOffice — gives each cell the formula and the value the change set wrote.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellInput } from "../../../../src/core";
import { loadWorkbook, readSnapshot } from "../../../../src/hosts/xlsx";
import { WorkbookSource } from "../../../../src/hosts/xlsx/direct/source";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CSV_UTF8_ALL_SHEETS,
  describeWithLibreOffice,
  libreOffice,
  parseCsv,
} from "../../../support/libreoffice";
import { corrupt, num } from "../../../support/recalculated";
import { writtenDirectly } from "./support";

const f = (formula: string): CellInput => ({ kind: "formula", formula });

/** A sheet with numbers in B2:C8 and a user's own shared formula in E2:E3 (group 0). */
async function input(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KQ");
  for (let r = 2; r <= 8; r++) {
    ws.getCell(r, 2).value = r;
    ws.getCell(r, 3).value = r * 10;
  }
  ws.getCell("E2").value = {
    formula: "B2*2",
    shareType: "shared",
    ref: "E2:E3",
    result: 4,
  } as ExcelJS.CellValue;
  ws.getCell("E3").value = { sharedFormula: "E2", result: 6 } as ExcelJS.CellValue;
  wb.addWorksheet("Khác").getCell("A1").value = 5;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Column D, rows 2–8 (0-based 1–7): a run of one shape, a break, formulas that must stay plain. */
const FORMULAS = [
  "=ROUND(C2-B2,2)",
  "=ROUND(C3-B3,2)",
  "=ROUND(C4-B4,2)",
  '=IF(B5="","",B5*$C$2)', // another shape: ends the first run, starts its own
  '=IF(B6="","",B6*$C$2)',
  "=SUM(C:C)", // a whole-column reference the tokenizer does not read: plain
  "=Khác!A1+B8", // a sheet reference: alone in its run, plain
];

const written = async (): Promise<Uint8Array> =>
  writtenDirectly(await input(), {
    command: "recalc",
    counts: {},
    ops: [{ op: "setCells", sheet: "KQ", top: 1, left: 3, cells: FORMULAS.map((x) => [f(x)]) }],
  });

const sheetXml = async (bytes: Uint8Array) =>
  (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");

const formulaOf = (xml: string, ref: string) =>
  new RegExp(`<c r="${ref}"[^>]*>(<f[^>]*(?:/>|>[^<]*</f>))`).exec(xml)?.[1];

describe("shared formulas in the direct writer", () => {
  let out: Uint8Array;
  beforeAll(async () => {
    out = await written();
  });

  test("each run of one shape is one group after the user's; the others stay plain", async () => {
    const xml = await sheetXml(out);
    expect(formulaOf(xml, "D2")).toBe('<f t="shared" ref="D2:D4" si="1">ROUND(C2-B2,2)</f>');
    expect(formulaOf(xml, "D3")).toBe('<f t="shared" si="1"/>');
    expect(formulaOf(xml, "D4")).toBe('<f t="shared" si="1"/>');
    expect(formulaOf(xml, "D5")).toBe(
      '<f t="shared" ref="D5:D6" si="2">IF(B5=&quot;&quot;,&quot;&quot;,B5*$C$2)</f>',
    );
    expect(formulaOf(xml, "D6")).toBe('<f t="shared" si="2"/>');
    expect(formulaOf(xml, "D7")).toBe("<f>SUM(C:C)</f>");
    expect(formulaOf(xml, "D8")).toBe("<f>Khác!A1+B8</f>");
    // The user's own group is as it was.
    expect(formulaOf(xml, "E2")).toMatch(/^<f t="shared" ref="E2:E3" si="0">B2\*2<\/f>$/);
  });

  test("the direct reader and ExcelJS give every cell the formula written, and its value", async () => {
    const direct = await (await WorkbookSource.open(out)).read({ sheet: "KQ" });
    const viaExcelJs = readSnapshot(await loadWorkbook(out), { sheet: "KQ" });
    for (const ws of [direct, viaExcelJs]) {
      const s = ws.active;
      const at = (r: number, c: number) => s.formulas?.[r - s.top]?.[c - s.left] ?? null;
      const value = (r: number, c: number) => s.values[r - s.top]?.[c - s.left] ?? null;
      FORMULAS.forEach((x, i) => expect(at(1 + i, 3)).toBe(x));
      expect([1, 2, 3].map((r) => value(r, 3))).toEqual([18, 27, 36]);
      expect([4, 5].map((r) => value(r, 3))).toEqual([100, 120]);
    }
  });
});

describeWithLibreOffice("LibreOffice and the shared formulas", () => {
  jest.setTimeout(120_000);
  test("it recalculates every cell of the shared runs (cached results made a sentinel first)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-shared-"));
    const file = join(dir, "shared.xlsx");
    writeFileSync(file, await corrupt(await written()));
    libreOffice(dir).convert([file], CSV_UTF8_ALL_SHEETS);
    const csv = parseCsv(readFileSync(join(dir, "shared-KQ.csv"), "utf8"));
    // D2:D8 (0-based rows 1–7, column 3); D7 sums column C (350), D8 is the other sheet's 5 + B8.
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => num(csv[r]?.[3]))).toEqual([18, 27, 36, 100, 120, 350, 13]);
  });
});
