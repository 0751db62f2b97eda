/**
 * A second program opens what the direct writer wrote: LibreOffice Calc recalculates the direct output of
 * `apply` for the sample and a corpus fixture whose totals are formulas over another sheet, and gets what the
 * direct writer cached for every formula of the table's sheet, with no error anywhere. Every cached result
 * is replaced by a sentinel first, so only a recalculation gives the numbers back.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS, fixtureBytes } from "../../../corpus";
import { engineView } from "../../../corpus/run";
import { sampleBytes } from "../../../../src/cli/sample";
import {
  CSV_UTF8_ALL_SHEETS,
  describeWithLibreOffice,
  libreOffice,
  parseCsv,
} from "../../../support/libreoffice";
import { applyVia } from "./support";
import { badCells, corrupt, formulaDiffs } from "../../../support/recalculated";

const CASES: [string, () => Promise<Uint8Array>][] = [
  ["sample", sampleBytes],
  ["summary-sheet-formulas", () => fixtureBytes(CORPUS.find((f) => f.id === "summary-sheet-formulas")!)],
];

describeWithLibreOffice("LibreOffice recalculates the direct writer's output to its cached results", () => {
  jest.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), "par-direct-lo-"));
  const views = new Map<string, Extract<Awaited<ReturnType<typeof engineView>>, { ok: true }>>();

  beforeAll(async () => {
    const files: string[] = [];
    for (const [id, bytesOf] of CASES) {
      const out = await applyVia(await bytesOf(), "direct");
      const view = await engineView(out.bytes);
      if (!view.ok) throw new Error(`${id}: ${view.code}`);
      views.set(id, view);
      const file = join(dir, `${id}.xlsx`);
      writeFileSync(file, await corrupt(out.bytes));
      files.push(file);
    }
    libreOffice(dir).convert(files, CSV_UTF8_ALL_SHEETS);
  });

  test.each(CASES.map(([id]) => id))("%s", (id) => {
    const v = views.get(id)!;
    const csvs = readdirSync(dir).filter((f) => f.startsWith(`${id}-`) && f.endsWith(".csv"));
    expect(csvs.length).toBe(v.snapshot.sheetNames.length);
    const errors = csvs.flatMap((f) => badCells(parseCsv(readFileSync(join(dir, f), "utf8")), f));
    expect(errors).toEqual([]);
    const s = v.snapshot.active;
    const csv = parseCsv(readFileSync(join(dir, `${id}-${s.name}.csv`), "utf8"));
    const { diffs, formulas } = formulaDiffs(s, csv);
    expect(diffs).toEqual([]);
    expect(formulas).toBeGreaterThan(10);
    // The total row's figures are among them: the engine's total, recalculated by LibreOffice.
    expect(v.total.row).not.toBeNull();
  });
});
