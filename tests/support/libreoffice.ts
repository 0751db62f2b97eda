/**
 * LibreOffice Calc as a second spreadsheet program for tests: converts files headless, set to recalculate
 * every formula on load (otherwise it shows the cached results of .xlsx files). .ci/run installs it; where
 * it is missing (a developer's machine) the suites are skipped, never in CI.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));

/** describe when LibreOffice is there (or in CI, where its absence must fail), else skipped. */
export const describeWithLibreOffice = soffice || process.env.CI ? describe : describe.skip;

/** LibreOffice Writer (libreoffice-writer-nogui), which renders .docx files; Calc alone cannot. */
export const writer =
  !!soffice &&
  ["/usr/lib/libreoffice/program/libswlo.so", "/opt/libreoffice/program/libswlo.so"].some((p) =>
    existsSync(p),
  );

/** describe when Writer is there (or in CI, where its absence must fail), else skipped. */
export const describeWithWriter = writer || process.env.CI ? describe : describe.skip;

/**
 * The text of a PDF in content-stream order (pdftotext -raw: LibreOffice writes a table's cells row by row,
 * so a row's cells come out together), whitespace runs collapsed to one space.
 */
export function pdfText(pdf: string): string {
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8", timeout: 60_000 })
    .replace(/\s+/g, " ")
    .trim();
}

/** CSV of the first sheet: comma, double quote, UTF-8 (the plain "csv" filter writes the system charset). */
export const CSV_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76,1";
/** The same for every sheet, one file per sheet (LibreOffice 7.2+): NAME-SHEET.csv. */
export const CSV_UTF8_ALL_SHEETS =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/** A LibreOffice user profile in `dir` that recalculates .xlsx formulas on load; converts files with it. */
export function libreOffice(dir: string) {
  if (!soffice)
    throw new Error("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc-nogui");
  const profile = join(dir, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return {
    /** Converts the files into `dir` (`to`: "pdf", CSV_UTF8, …). */
    convert(files: string[], to: string): void {
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--norestore",
          "--convert-to",
          to,
          "--outdir",
          dir,
          ...files,
        ],
        { timeout: 200_000, stdio: "ignore" },
      );
    },
  };
}

/** Parses LibreOffice's CSV (quoted fields, doubled quotes, \n or \r\n line ends). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
