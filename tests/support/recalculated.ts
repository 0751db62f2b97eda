/**
 * What the LibreOffice recalculation checks share (tests/corpus/libreoffice.test.ts for every corpus
 * output, tests/hosts/xlsx/direct/libreoffice.test.ts for the direct writer's): the cached results made a
 * sentinel before LibreOffice opens a file, the cells that show an error or the sentinel after, and each
 * formula's recalculated result against the one cached.
 */
import JSZip from "jszip";
import type { SheetSnapshot } from "../../src/core/types";

/** What no recalculated cell may show (LibreOffice's own codes included). */
export const ERROR = /^(#VALUE!|#NAME\?|#REF!|#DIV\/0!|#NUM!|#N\/A|#NULL!|Err:\d+)$/;
/** Cached formula results become this: a cell still showing it was not recalculated. */
export const SENTINEL = "-987654.321";

export const r2 = (x: number) => Math.round(x * 100) / 100;

/** "95.00%" → 95; "9.5" → 9.5; "" → null; text → the text (so a mismatch shows it in the diff). */
export function num(shown: string | undefined, percent = false): number | string | null {
  const s = (shown ?? "").trim();
  if (s === "") return null;
  const n = Number(s.replace(/%$/, "").replace(/,/g, ""));
  if (Number.isNaN(n)) return s;
  return r2(s.endsWith("%") || !percent ? n : n * 100);
}

/** Every cached result of a formula (<f>…</f><v>…</v>) in every sheet becomes the sentinel. */
export async function corrupt(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const out = xml
      // A formula cell's type (t="str", "b", "e") goes: the sentinel is a number.
      .replace(/<c ([^>]*?)\s+t="(?:str|b|e)"([^>]*)>(?=<f[ >/])/g, "<c $1$2>")
      .replace(/(<f(?: [^>]*)?(?:\/>|>[^<]*<\/f>))(?:<v>[^<]*<\/v>|<v\/>)?/g, `$1<v>${SENTINEL}</v>`);
    zip.file(name, out);
  }
  return zip.generateAsync({ type: "uint8array" });
}

/** The cells of a CSV that show an error or the sentinel (`name!R1C1: text`). */
export function badCells(rows: string[][], name: string): string[] {
  return rows.flatMap((line, r) =>
    line.flatMap((cell, k) =>
      ERROR.test(cell.trim()) || cell.includes(SENTINEL.slice(0, 7))
        ? [`${name}!R${r + 1}C${k + 1}: ${cell}`]
        : [],
    ),
  );
}

/**
 * Every formula of the sheet: LibreOffice's result (the sheet's CSV) against the one cached in the
 * snapshot, to the hundredth (percent-formatted cells as percents). `diffs` empty when all agree.
 */
export function formulaDiffs(s: SheetSnapshot, csv: string[][]): { diffs: string[]; formulas: number } {
  const diffs: string[] = [];
  let formulas = 0;
  s.formulas?.forEach((line, i) =>
    line.forEach((formula, j) => {
      if (!formula) return;
      formulas++;
      const cached = s.values[i][j];
      const row = s.top + i;
      const col = s.left + j;
      const shown = csv[row]?.[col] ?? "";
      const pct = /%/.test(s.numberFormats?.[i]?.[j] ?? "");
      const ok =
        typeof cached === "number"
          ? num(shown, pct) === r2(pct ? cached * 100 : cached)
          : (cached ?? "") === shown;
      if (!ok)
        diffs.push(`R${row + 1}C${col + 1} ${formula}: cached ${String(cached)}, LibreOffice ${shown}`);
    }),
  );
  return { diffs, formulas };
}
