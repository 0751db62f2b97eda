/**
 * Row formulas (CellInput "rowFormula": one object for a column filled down) through the xlsx hosts. The
 * direct writer stores a run of them as one shared formula from the object's stored parts, without reading
 * each cell's text; the result is byte for byte what the same change set with the texts written out gives
 * (sharedFormulas.ts shares those runs from the texts), and every reader — the direct one, ExcelJS,
 * LibreOffice after a recalculation — gives each cell its row's text and value. The ExcelJS writer writes
 * each cell's text.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepare } from "../../../../src/core/prepare";
import { formulaTextAt, rowFormula } from "../../../../src/core/rowFormula";
import type { CellInput, ChangeSet } from "../../../../src/core/types";
import { loadWorkbook, readSnapshot } from "../../../../src/hosts/xlsx";
import { writeChangeSet } from "../../../../src/hosts/xlsx/apply";
import { storedFormula, storedRowFormula } from "../../../../src/hosts/xlsx/direct/cellsWrite";
import { DirectHost } from "../../../../src/hosts/xlsx/direct/host";
import { WorkbookSource } from "../../../../src/hosts/xlsx/direct/source";
import {
  CSV_UTF8_ALL_SHEETS,
  describeWithLibreOffice,
  libreOffice,
  parseCsv,
} from "../../../support/libreoffice";
import { corrupt, num } from "../../../support/recalculated";
import { expandRowFormulas, withRowFormulas } from "../../../support/rowFormulas";

/**
 * Numbers in B2:C13, a user's number in D7, a user's shared formula E2:E6 (group 0), text in A. Made once:
 * ExcelJS stamps a file with the time it is written, and two writes compared byte for byte must start from
 * the same bytes.
 */
let made: Promise<Uint8Array> | null = null;
function input(): Promise<Uint8Array> {
  return (made ??= makeInput());
}

async function makeInput(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KQ");
  for (let r = 2; r <= 13; r++) {
    ws.getCell(r, 1).value = `Tiêu chí ${r}`;
    ws.getCell(r, 2).value = r;
    ws.getCell(r, 3).value = r * 10;
  }
  ws.getCell("D7").value = 999;
  ws.getCell("E2").value = {
    formula: "B2*2",
    shareType: "shared",
    ref: "E2:E6",
    result: 4,
  } as ExcelJS.CellValue;
  for (let r = 3; r <= 6; r++)
    ws.getCell(r, 5).value = { sharedFormula: "E2", result: r * 2 } as ExcelJS.CellValue;
  wb.addWorksheet("Khác").getCell("A1").value = 5;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const DIFF = rowFormula(["=ROUND(C", "-B", ",2)"]);
/** Another object with DIFF's parts: the same formulas written by another planner's object. */
const DIFF_AGAIN = rowFormula(["=ROUND(C", "-B", ",2)"]);
const HALF = rowFormula(["=IF(B", '="","",B', "*$C$2/2)"]);
const NEWER = rowFormula(["=IF(C", '="","",NUMBERVALUE(C', ',",",".")+C', ")"]);
const f = (formula: string): CellInput => ({ kind: "formula", formula });

/**
 * Rows 2–13 (0-based 1–12), columns D–H:
 * D: DIFF with the user's D7 left as it is (null): two runs, D2:D6 and D8:D13.
 * E: HALF over E4:E9, into the user's shared group E2:E6 (which becomes plain formulas).
 * F: one DIFF alone (F5), a single-cell run.
 * G: DIFF and HALF alternating (no run), then DIFF and DIFF_AGAIN alternating (one run: the same texts).
 * H: a plain formula, then NEWER (NUMBERVALUE stored with "_xlfn."), not continuing it.
 */
function ops(): ChangeSet["ops"] {
  const rows = 12;
  const cells: (CellInput | null)[][] = [];
  for (let i = 0; i < rows; i++) {
    const r = i + 1;
    cells.push([
      r === 6 ? null : DIFF,
      r >= 3 && r <= 8 ? HALF : null,
      r === 4 ? DIFF : null,
      r <= 6 ? (r % 2 ? DIFF : HALF) : r % 2 ? DIFF : DIFF_AGAIN,
      r === 1 ? f("=B2+C2") : NEWER,
    ]);
  }
  return [{ op: "setCells", sheet: "KQ", top: 1, left: 3, cells }];
}

const recalc = (extra: ChangeSet["ops"] = []): ChangeSet => ({
  command: "recalc",
  counts: {},
  ops: [...ops(), ...extra],
});

/** `cs` prepared (from its texts) and written by `writer`: the saved file. */
async function written(cs: ChangeSet, writer: "direct" | "exceljs" = "direct"): Promise<Uint8Array> {
  const bytes = await input();
  const host = await DirectHost.open(bytes, { writer });
  const p = prepare(await host.read({ sheet: "KQ" }), expandRowFormulas(cs), { inverse: false });
  if (!p.ok) throw p.error;
  await host.apply(withRowFormulas(p, cs));
  await host.finish();
  const saved = await host.save();
  if (saved.via !== writer) throw new Error(`written via ${saved.via}: ${saved.reason ?? ""}`);
  return saved.bytes;
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const file of Object.values(zip.files)) if (!file.dir) out.set(file.name, await file.async("string"));
  return out;
}

const formulaOf = (xml: string, ref: string) =>
  new RegExp(`<c r="${ref}"[^>]*>(<f[^>]*(?:/>|>[^<]*</f>))`).exec(xml)?.[1];

describe("row formulas in the direct writer", () => {
  let out: Uint8Array;
  let sheet: string;
  beforeAll(async () => {
    out = await written(recalc());
    sheet = (await parts(out)).get("xl/worksheets/sheet1.xml")!;
  });

  test("the same bytes as the change set with the texts written out", async () => {
    const texts = await written(expandRowFormulas(recalc()));
    expect(Buffer.from(out).equals(Buffer.from(texts))).toBe(true);
  });

  test("runs are shared, numbered after the user's groups; a run stops at the user's cell; singles stay plain", () => {
    const at = (ref: string) => formulaOf(sheet, ref);
    const child = (refs: string[], si: number) =>
      expect(refs.map(at)).toEqual(Array(refs.length).fill(`<f t="shared" si="${si}"/>`));
    const q = "&quot;";
    // The user's group E2:E6 (si 0) is broken by the write into E4: its cells above become plain formulas
    // and its number is free again.
    expect(at("E2")).toBe("<f>B2*2</f>");
    expect(at("E3")).toBe("<f>B3*2</f>");
    expect(at("D2")).toBe('<f t="shared" ref="D2:D6" si="0">ROUND(C2-B2,2)</f>');
    child(["D3", "D4", "D5", "D6"], 0);
    expect(sheet).toMatch(/<c r="D7"[^>]*><v>999<\/v><\/c>/);
    expect(at("D8")).toBe('<f t="shared" ref="D8:D13" si="1">ROUND(C8-B8,2)</f>');
    child(["D9", "D10", "D11", "D12", "D13"], 1);
    expect(at("E4")).toBe(`<f t="shared" ref="E4:E9" si="4">IF(B4=${q}${q},${q}${q},B4*$C$2/2)</f>`);
    child(["E5", "E6", "E7", "E8", "E9"], 4);
    expect(at("F5")).toBe("<f>ROUND(C5-B5,2)</f>");
    // Two row formulas alternating: plain; two objects with the same parts alternating: one run.
    expect(["G2", "G3", "G4", "G5", "G6", "G7"].map((r) => at(r)?.startsWith("<f>"))).toEqual(
      Array(6).fill(true),
    );
    expect(at("G8")).toBe('<f t="shared" ref="G8:G13" si="2">ROUND(C8-B8,2)</f>');
    child(["G9", "G10", "G11", "G12", "G13"], 2);
    expect(at("H2")).toBe("<f>B2+C2</f>");
    expect(at("H3")).toBe(
      `<f t="shared" ref="H3:H13" si="3">IF(C3=${q}${q},${q}${q},_xlfn.NUMBERVALUE(C3,${q},${q},${q}.${q})+C3)</f>`,
    );
  });

  test("the direct reader and ExcelJS give every cell its row's text and its value", async () => {
    const direct = await (await WorkbookSource.open(out)).read({ sheet: "KQ" });
    const viaExcelJs = readSnapshot(await loadWorkbook(out), { sheet: "KQ" });
    const cs = recalc();
    const op = cs.ops[0] as Extract<ChangeSet["ops"][number], { op: "setCells" }>;
    for (const ws of [direct, viaExcelJs]) {
      const s = ws.active;
      const formula = (r: number, c: number) => s.formulas?.[r - s.top]?.[c - s.left] ?? null;
      const value = (r: number, c: number) => s.values[r - s.top]?.[c - s.left] ?? null;
      op.cells.forEach((line, i) =>
        line.forEach((input, j) => {
          if (input) expect(formula(op.top + i, op.left + j)).toBe(formulaTextAt(input, op.top + i));
        }),
      );
      expect(value(6, 3)).toBe(999);
      // D (C − B = 9 × the row number), E (B × $C$2/2 = 10 × B), H (C + C again).
      for (let r = 1; r <= 12; r++) if (r !== 6) expect(value(r, 3)).toBe(9 * (r + 1));
      for (let r = 3; r <= 8; r++) expect(value(r, 4)).toBe(10 * (r + 1));
      expect(value(1, 4)).toBe(4); // the user's E2, kept
      for (let r = 2; r <= 12; r++) expect(value(r, 7)).toBe(20 * (r + 1));
    }
  });

  test("columns inserted after the row formulas were written: the texts moved, as written out", async () => {
    const extra: ChangeSet["ops"] = [{ op: "insertColumns", sheet: "KQ", at: 2, count: 1 }];
    const a = await written(recalc(extra));
    const b = await written(expandRowFormulas(recalc(extra)));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const xml = (await parts(a)).get("xl/worksheets/sheet1.xml")!;
    expect(formulaOf(xml, "E2")).toBe('<f t="shared" ref="E2:E6" si="0">ROUND(D2-B2,2)</f>');
  });

  test("the ExcelJS writer writes each cell's text: the same cells as the texts", async () => {
    const a = await loadWorkbook(await input());
    const b = await loadWorkbook(await input());
    writeChangeSet(a, recalc());
    writeChangeSet(b, expandRowFormulas(recalc()));
    const models = (wb: ExcelJS.Workbook) => {
      const out: unknown[] = [];
      wb.getWorksheet("KQ")!.eachRow((row) => row.eachCell((c) => out.push([c.address, c.model])));
      return out;
    };
    expect(models(a)).toEqual(models(b));
    expect(a.getWorksheet("KQ")!.getCell("H5").formula).toBe('IF(C5="","",_xlfn.NUMBERVALUE(C5,",",".")+C5)');
  });
});

describe("storedRowFormula: storedFormula of every row's text, made once per object", () => {
  const cases = [
    DIFF,
    HALF,
    NEWER,
    rowFormula(["=T.DIST.2T(A", ",10)+B", ""]), // a function name with a digit: per cell instead
    rowFormula(['=CONCAT("NUMBERVALUE(1)",A', ")&SUM(C", ":D", ")"]),
    rowFormula(["='Kế hoạch 2025'!B", "*2+XLOOKUP(A", ",B1:B9,C1:C9)"]),
    rowFormula(["C", "+1"]), // no "="
  ];
  test.each(cases.map((c, i) => [i, c] as const))("case %i", (_i, rf) => {
    const stored = storedRowFormula(rf);
    if (rf.parts[0].includes("T.DIST.2T")) expect(stored).toBeNull();
    else expect(stored).not.toBeNull();
    for (const row of [0, 1, 8, 9, 98, 99, 12345, 1048575]) {
      const text = formulaTextAt(rf, row)!;
      const expected = storedFormula(text.startsWith("=") ? text.slice(1) : text);
      if (stored) expect(stored.join(String(row + 1))).toBe(expected);
    }
    expect(storedRowFormula(rf)).toBe(stored); // once per object
  });
});

describeWithLibreOffice("LibreOffice and the row formulas' shared runs", () => {
  jest.setTimeout(120_000);
  test("it recalculates every cell from the stored runs (cached results made a sentinel first)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-rowf-"));
    const file = join(dir, "rowf.xlsx");
    writeFileSync(file, await corrupt(await written(recalc())));
    libreOffice(dir).convert([file], CSV_UTF8_ALL_SHEETS);
    const csv = parseCsv(readFileSync(join(dir, "rowf-KQ.csv"), "utf8"));
    const col = (c: number, rows: number[]) => rows.map((r) => num(csv[r]?.[c]));
    const all = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(col(3, all)).toEqual(all.map((r) => (r === 6 ? 999 : 9 * (r + 1))));
    expect(col(4, [1, 2, 3, 4, 5, 6, 7, 8])).toEqual([4, 6, 40, 50, 60, 70, 80, 90]);
    expect(col(5, [4])).toEqual([45]);
    expect(col(6, all)).toEqual(all.map((r) => (r <= 6 && r % 2 === 0 ? 10 * (r + 1) : 9 * (r + 1))));
    expect(col(7, all)).toEqual(all.map((r) => (r === 1 ? 22 : 20 * (r + 1))));
  });
});
