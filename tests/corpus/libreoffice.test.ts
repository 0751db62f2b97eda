/**
 * Issue 9's proof in a second spreadsheet program: LibreOffice Calc recalculates every workbook `apply`
 * writes for the corpus (recalc → assign → plan, saved as the CLI saves), and
 *  - no cell of the table's sheet or of the plan sheet is an error (#VALUE!, #NAME?, #REF!, …);
 *  - the gap and percent of every criterion row and of the total row are the engine's, to the hundredth;
 *  - every formula the add-in left in the table's sheet gives what the engine cached for it.
 * Every cached formula result is replaced by a sentinel before LibreOffice opens the file, so only a
 * recalculation gives the numbers back. All files go through ONE soffice call (CI time). Fixtures whose
 * reading is known wrong are skipped with their reason. Skipped where LibreOffice is missing, except in CI.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS, fixtureBytes, type Fixture } from "./index";
import { engineView, runApply } from "./run";
import { CSV_UTF8_ALL_SHEETS, describeWithLibreOffice, libreOffice, parseCsv } from "../support/libreoffice";
import { badCells, corrupt, formulaDiffs, num, r2 } from "../support/recalculated";

const PLAN_SHEET = "Kế hoạch khắc phục";
interface Case {
  fixture: Fixture;
  /** Why it is not checked: reading known wrong, or apply failed. */
  skip?: string;
  view?: Extract<Awaited<ReturnType<typeof engineView>>, { ok: true }>;
  sheets?: string[];
}

const readable = CORPUS.filter((f) => !f.failing?.reading);
const skipped = CORPUS.filter((f) => f.failing?.reading);

describeWithLibreOffice("LibreOffice Calc recalculates every workbook apply writes for the corpus", () => {
  jest.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), "par-corpus-lo-"));
  const cases = new Map<string, Case>();

  beforeAll(async () => {
    const lo = libreOffice(dir);
    const files: string[] = [];
    for (const fixture of readable) {
      const out = await runApply(await fixtureBytes(fixture));
      if (!out.ok) {
        cases.set(fixture.id, { fixture, skip: `apply failed: ${out.code}` });
        continue;
      }
      const view = await engineView(out.bytes);
      if (!view.ok) {
        cases.set(fixture.id, { fixture, skip: `the written file has no table: ${view.code}` });
        continue;
      }
      const file = join(dir, `${fixture.id}.xlsx`);
      writeFileSync(file, await corrupt(out.bytes));
      files.push(file);
      cases.set(fixture.id, { fixture, view, sheets: view.snapshot.sheetNames });
    }
    // One soffice run for the whole corpus: one CSV per sheet, NAME-SHEET.csv.
    lo.convert(files, CSV_UTF8_ALL_SHEETS);
  });

  const csvOf = (id: string, sheet: string): string[][] => {
    const file = `${id}-${sheet}.csv`;
    if (!readdirSync(dir).includes(file))
      throw new Error(
        `no CSV ${file}: ${readdirSync(dir)
          .filter((f) => f.startsWith(id))
          .join(", ")}`,
      );
    return parseCsv(readFileSync(join(dir, file), "utf8"));
  };

  const at = (csv: string[][], row: number, col: number) => csv[row]?.[col];

  test.each(readable.map((f) => [f.id, f] as const))("%s", (id) => {
    const c = cases.get(id)!;
    if (c.skip) throw new Error(c.skip);
    const v = c.view!;
    const sheet = v.snapshot.active.name;
    const csv = csvOf(id, sheet);

    // No error and nothing left uncalculated, on the table's sheet and on the plan sheet.
    const errors = [
      ...badCells(csv, sheet),
      ...(c.sheets!.includes(PLAN_SHEET) ? badCells(csvOf(id, PLAN_SHEET), PLAN_SHEET) : []),
    ];
    expect(errors).toEqual([]);

    // The gap and percent of each criterion row and of the total row: LibreOffice's = the engine's.
    const cols = v.table.columns;
    const gapCol = cols.gap;
    const pctCol = cols.percent;
    expect([gapCol, pctCol].every((x) => typeof x === "number")).toBe(true);
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (const r of v.rows) {
      if (r.gap === null || r.unclassified) continue;
      got.push([
        r.row + 1,
        num(at(csv, r.row, gapCol!)),
        r.percent === null ? null : num(at(csv, r.row, pctCol!), true),
      ]);
      want.push([r.row + 1, r2(r.gap), r.percent === null ? null : r2(r.percent)]);
    }
    if (v.total.row !== null && v.total.agrees && v.total.complete) {
      const t = v.total;
      got.push([
        "total",
        num(at(csv, t.row!, cols.max!)),
        num(at(csv, t.row!, cols.achieved!)),
        num(at(csv, t.row!, gapCol!)),
        num(at(csv, t.row!, pctCol!), true),
      ]);
      want.push(["total", r2(t.max), r2(t.achieved), r2(t.gap), t.percent === null ? null : r2(t.percent)]);
    }
    expect(got).toEqual(want);
    // Something was compared: the criteria rows with a gap (every fixture has unmet criteria).
    expect(want.length).toBeGreaterThan(0);

    // Every formula on the table's sheet: LibreOffice's result = the result the engine cached.
    const s = v.snapshot.active;
    const { diffs, formulas } = formulaDiffs(s, csv);
    expect(diffs).toEqual([]);
    expect(formulas).toBeGreaterThan(0);
  });

  if (skipped.length)
    test.skip.each(skipped.map((f) => [f.id, f.failing!.reading!] as const))(
      "%s — skipped, reading KNOWN WRONG: %s",
      () => undefined,
    );
});
