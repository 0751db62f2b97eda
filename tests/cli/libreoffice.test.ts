/**
 * A real spreadsheet program checks what `par-index apply` writes: LibreOffice Calc opens the file,
 * recalculates every formula (cached results are corrupted first, so nothing passes by accident) and
 * its numbers must be the engine's. The highlighted sheet is also rendered to PDF and PNG.
 * .ci/run installs LibreOffice; without it (a developer's machine) the suite is skipped, never in CI.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { analyzeSheet, sampleSheet } from "../../src/core";
import { seedXlsx } from "./fixtures";
import { CSV_UTF8, describeWithLibreOffice, libreOffice, parseCsv } from "../support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "par-lo-"));

/** Converts one file with LibreOffice and returns the path it produced. */
function convert(lo: ReturnType<typeof libreOffice>, file: string, to: string): string {
  lo.convert([file], to);
  const produced = join(
    dir,
    file
      .split("/")
      .pop()!
      .replace(/\.xlsx$/, `.${to.split(":")[0]}`),
  );
  if (!existsSync(produced)) throw new Error(`LibreOffice produced nothing for ${file}`);
  return produced;
}

describeWithLibreOffice("LibreOffice Calc checks the file par-index apply writes", () => {
  jest.setTimeout(240_000);
  let out: string;
  let lo: ReturnType<typeof libreOffice>;

  beforeAll(async () => {
    lo = libreOffice(dir);
    const input = join(dir, "bac-son.xlsx");
    writeFileSync(input, await seedXlsx({ landscape: true }));
    out = join(dir, "bac-son-ket-qua.xlsx");
    const io = {
      readFile: async (p: string) => new Uint8Array(await readFile(p)),
      writeFile: (p: string, d: Uint8Array | string) => writeFile(p, d),
      stdout: () => undefined,
      stderr: () => undefined,
      resolve: (p: string) => resolve(p),
    };
    expect(await main(["apply", input, "-o", out], io)).toBe(0);
  });

  test("every gap and percent formula evaluates to the engine's numbers", async () => {
    // Corrupt the cached results: only a real recalculation can give the right numbers back.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          // A plain formula or a shared one (the gap and percent columns are filled down): only the result goes.
          const v = cell.value as { formula?: string; sharedFormula?: string } | null;
          if (v && typeof v === "object" && (v.formula || v.sharedFormula)) {
            cell.value = { ...v, result: -1 } as ExcelJS.CellFormulaValue;
            formulas++;
          }
        }),
      ),
    );
    expect(formulas).toBeGreaterThan(50);
    const corrupted = join(dir, "corrupted.xlsx");
    await wb.xlsx.writeFile(corrupted);
    // 44,34,76: comma, double quote, UTF-8 (the plain "csv" filter writes the system charset).
    const csv = parseCsv(readFileSync(convert(lo, corrupted, CSV_UTF8), "utf8"));
    const a = analyzeSheet(sampleSheet());
    if (!a.ok) throw new Error("seed");
    for (const r of a.rows) {
      const line = csv[r.row];
      expect([r.code, line[0]]).toEqual([r.code, r.code]);
      expect([r.code, Number(line[4])]).toEqual([r.code, r.gap]);
      expect([r.code, Number(line[5].replace("%", ""))]).toEqual([r.code, r.percent]);
    }
    const total = csv[a.total.row!];
    expect(total[1]).toBe("TỔNG ĐIỂM");
    expect(total.slice(2, 6).map((v) => Number(v.replace("%", "")))).toEqual([99.5, 84.87, 14.63, 85.3]);
    expect(csv.flat()).not.toContain("#NAME?");
    expect(csv.flat().some((c) => c.startsWith("#"))).toBe(false);
  });

  test("the highlighted sheet renders to PDF and PNG", () => {
    const pdf = convert(lo, out, "pdf");
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const png = join(dir, "page");
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", pdf, png], {
      timeout: 60_000,
    });
    const bytes = readFileSync(`${png}.png`);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    mkdirSync("test-results", { recursive: true });
    copyFileSync(`${png}.png`, "test-results/cli-highlighted.png");
    if (process.env.UPDATE_SCREENSHOTS) copyFileSync(`${png}.png`, "docs/screenshots/cli-highlighted.png");
  });
});
