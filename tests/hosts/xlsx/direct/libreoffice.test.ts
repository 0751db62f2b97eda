/**
 * A second program opens what the direct writer wrote: LibreOffice Calc recalculates the direct output of
 * `apply` for the sample and a corpus fixture whose totals are formulas over another sheet, and gets what the
 * direct writer cached for every formula of the table's sheet, with no error anywhere. Every cached result
 * is replaced by a sentinel first, so only a recalculation gives the numbers back.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
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

const SENTINEL = "-987654.321";
const ERROR = /^(#VALUE!|#NAME\?|#REF!|#DIV\/0!|#NUM!|#N\/A|#NULL!|Err:\d+)$/;
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Every cached formula result (in every sheet) becomes the sentinel, a number. */
async function corrupt(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    zip.file(
      name,
      xml
        .replace(/<c ([^>]*?)\s+t="(?:str|b|e)"([^>]*)>(?=<f[ >/])/g, "<c $1$2>")
        .replace(/(<f(?: [^>]*)?(?:\/>|>[^<]*<\/f>))(?:<v>[^<]*<\/v>|<v\/>)?/g, `$1<v>${SENTINEL}</v>`),
    );
  }
  return zip.generateAsync({ type: "uint8array" });
}

function num(shown: string, percent: boolean): number | string | null {
  const s = shown.trim();
  if (s === "") return null;
  const n = Number(s.replace(/%$/, "").replace(/,/g, ""));
  if (Number.isNaN(n)) return s;
  return r2(s.endsWith("%") || !percent ? n : n * 100);
}

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
    const errors = csvs.flatMap((f) =>
      parseCsv(readFileSync(join(dir, f), "utf8")).flatMap((line, r) =>
        line.flatMap((cell, k) =>
          ERROR.test(cell.trim()) || cell.includes(SENTINEL.slice(0, 7))
            ? [`${f} R${r + 1}C${k + 1}: ${cell}`]
            : [],
        ),
      ),
    );
    expect(errors).toEqual([]);
    const s = v.snapshot.active;
    const csv = parseCsv(readFileSync(join(dir, `${id}-${s.name}.csv`), "utf8"));
    const diffs: string[] = [];
    let formulas = 0;
    s.formulas?.forEach((line, i) =>
      line.forEach((formula, j) => {
        if (!formula) return;
        formulas++;
        const cached = s.values[i][j];
        const shown = csv[s.top + i]?.[s.left + j] ?? "";
        const pct = /%/.test(s.numberFormats?.[i]?.[j] ?? "");
        const ok =
          typeof cached === "number"
            ? num(shown, pct) === r2(pct ? cached * 100 : cached)
            : (cached ?? "") === shown;
        if (!ok)
          diffs.push(
            `R${s.top + i + 1}C${s.left + j + 1} ${formula}: cached ${String(cached)}, LibreOffice ${shown}`,
          );
      }),
    );
    expect(diffs).toEqual([]);
    expect(formulas).toBeGreaterThan(10);
    // The total row's figures are among them: the engine's total, recalculated by LibreOffice.
    expect(v.total.row).not.toBeNull();
  });
});
