/** `par-index compare OLD.xlsx NEW.xlsx [--json | --csv PATH]`: this year against last year (app/compare). */
import {
  compareSheets,
  LIST_WORDS,
  TREND_WORDS,
  type ComparedRow,
  type ComparisonLists,
} from "../app/compare";
import { formatScore } from "../app/format";
import type { Lang } from "../app/types";
import type { Args } from "./args";
import { FileHost, readChosen } from "./fileHost";
import { isUserError, openBook, sayError, writeCsv, type Io } from "./output";
import { render } from "./summary";

const HEAD: Record<Lang, string[]> = {
  vi: ["Mã", "Tiêu chí", "Năm trước", "Năm nay", "Thay đổi", "Xu hướng"],
  en: ["Code", "Criterion", "Before", "After", "Change", "Trend"],
};

const score = (p: ComparedRow["before"], lang: Lang) =>
  p === null ? "—" : `${formatScore(p.achieved, lang)}/${formatScore(p.max, lang)}`;

function rowCells(r: ComparedRow, lang: Lang, clip: boolean): string[] {
  const name = clip && [...r.name].length > 50 ? [...r.name].slice(0, 49).join("") + "…" : r.name;
  const delta = r.delta === null ? "" : (r.delta > 0 ? "+" : "") + formatScore(r.delta, lang);
  return [r.code ?? "", name, score(r.before, lang), score(r.after, lang), delta, TREND_WORDS[r.trend][lang]];
}

export async function compare(io: Io, a: Args): Promise<number> {
  const sheets = [];
  for (const file of a.files) {
    const opened = await openBook(io, file);
    if (isUserError(opened)) {
      sayError(io, file, opened, a.lang);
      return 1;
    }
    sheets.push((await readChosen(new FileHost(opened.source, a.sheet), a.sheet)).active);
  }
  const r = compareSheets(sheets[0], sheets[1]);
  if (!r.ok) {
    sayError(io, a.files[r.which === "before" ? 0 : 1], r.error, a.lang);
    return 1;
  }
  const c = r.comparison;
  if (a.json) {
    io.stdout(
      JSON.stringify(
        {
          total: c.total,
          rows: c.rows.map((x) => ({
            code: x.code,
            name: x.name,
            before: x.before,
            after: x.after,
            delta: x.delta,
            trend: x.trend,
          })),
        },
        null,
        2,
      ) + "\n",
    );
    return 0;
  }
  if (a.csv !== undefined)
    return writeCsv(
      io,
      a.csv,
      a.files,
      [HEAD[a.lang], ...c.rows.map((x) => rowCells(x, a.lang, false))],
      a.lang,
    );
  const t = c.total;
  const delta = (t.delta > 0 ? "+" : "") + formatScore(t.delta, a.lang);
  io.stdout(
    (a.lang === "vi"
      ? `Tổng điểm: ${score(t.before, "vi")} → ${score(t.after, "vi")} (${delta})`
      : `Total: ${score(t.before, "en")} → ${score(t.after, "en")} (${delta})`) + "\n\n",
  );
  io.stdout(
    render([HEAD[a.lang], ...c.rows.map((x) => rowCells(x, a.lang, true))], new Set([2, 3, 4])) + "\n",
  );
  for (const key of Object.keys(LIST_WORDS) as (keyof ComparisonLists)[]) {
    const list = r.lists[key];
    io.stdout(
      `\n${LIST_WORDS[key][a.lang]} (${list.length}): ${list.map((x) => x.code ?? x.name).join(", ") || "—"}\n`,
    );
  }
  return 0;
}
