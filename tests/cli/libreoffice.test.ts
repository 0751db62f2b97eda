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

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
const suite = soffice || process.env.CI ? describe : describe.skip;

const dir = mkdtempSync(join(tmpdir(), "par-lo-"));
const profile = join(dir, "profile");

/** LibreOffice keeps cached results of .xlsx files unless told to recalculate on load: tell it. */
function writeProfile() {
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
}

function convert(file: string, to: string): string {
  const out = execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      dir,
      file,
    ],
    { timeout: 120_000, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const produced = join(
    dir,
    file
      .split("/")
      .pop()!
      .replace(/\.xlsx$/, `.${to.split(":")[0]}`),
  );
  if (!existsSync(produced)) throw new Error(`LibreOffice produced nothing: ${out}`);
  return produced;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n") {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== "\r") cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

suite("LibreOffice Calc checks the file par-index apply writes", () => {
  jest.setTimeout(240_000);
  let out: string;

  beforeAll(async () => {
    if (!soffice)
      throw new Error("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc-nogui");
    writeProfile();
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
          const v = cell.value as { formula?: string } | null;
          if (v && typeof v === "object" && v.formula) {
            cell.value = { formula: v.formula, result: -1 } as ExcelJS.CellFormulaValue;
            formulas++;
          }
        }),
      ),
    );
    expect(formulas).toBeGreaterThan(50);
    const corrupted = join(dir, "corrupted.xlsx");
    await wb.xlsx.writeFile(corrupted);
    // 44,34,76: comma, double quote, UTF-8 (the plain "csv" filter writes the system charset).
    const csv = parseCsv(
      readFileSync(convert(corrupted, "csv:Text - txt - csv (StarCalc):44,34,76,1"), "utf8"),
    );
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
    const pdf = convert(out, "pdf");
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
