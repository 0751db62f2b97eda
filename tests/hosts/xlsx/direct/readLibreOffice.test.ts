/**
 * The direct reader on LibreOffice's writing of every corpus fixture (an independent writer: its own shared
 * strings, styles, row attributes and defined names): equal to the ExcelJS reader's snapshot. Converted in
 * one LibreOffice run; skipped where LibreOffice is not installed (except in CI).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { CORPUS, fixtureBytes } from "../../../corpus";
import { describeWithLibreOffice, libreOffice } from "../../../support/libreoffice";
import { loadWorkbook } from "../../../../src/hosts/xlsx/workbook";
import { readSnapshot } from "../../../../src/hosts/xlsx/read";
import { openPackage } from "../../../../src/hosts/xlsx/direct/package";
import { readPackage } from "../../../../src/hosts/xlsx/direct/read";

describeWithLibreOffice("the direct reader on LibreOffice's writing of the corpus", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "par-index-direct-lo-"));
    const inputs = join(dir, "in");
    mkdirSync(inputs);
    const files: string[] = [];
    for (const f of CORPUS) {
      const p = join(inputs, `${f.id}.xlsx`);
      writeFileSync(p, await fixtureBytes(f));
      files.push(p);
    }
    libreOffice(dir).convert(files, "xlsx:Calc MS Excel 2007 XML");
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(CORPUS.map((f) => f.id))("%s", async (id) => {
    const bytes = readFileSync(join(dir, `${id}.xlsx`));
    const wb = await loadWorkbook(bytes);
    const pkg = await openPackage(bytes);
    expect(readPackage(pkg)).toStrictEqual(readSnapshot(wb));
    for (const s of pkg.sheetEntries)
      expect(readPackage(pkg, { sheet: s.name })).toStrictEqual(readSnapshot(wb, { sheet: s.name }));
  });
});
