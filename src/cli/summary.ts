/** `par-index summary`: one line per file, ranked by percent; the JSON contract; the CSV for Excel. */
import type { Summary } from "../app/commands";
import { formatScore } from "../app/format";
import { Session } from "../app/session";
import type { Lang } from "../app/types";
import { resolveUnit, type UnitInfo } from "../app/units";
import type { Args } from "./args";
import { FileHost } from "./fileHost";
import { baseName, isUserError, openBook, writeCsv, type Io } from "./output";

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** A file's name without folder and extension: the unit when no title names it. */
export function fileUnit(file: string): string {
  return baseName(file).replace(/\.xls[xm]?$/i, "");
}

export interface FileResult {
  file: string;
  unit: UnitInfo;
  sheet: string | null;
  summary?: Summary;
  error?: string;
}

/** The JSON object of one file (docs/CLI.md). */
export function jsonOf(r: FileResult, lang: Lang) {
  if (!r.summary) return { file: r.file, sheet: r.sheet, issues: [], error: r.error };
  const s = r.summary;
  return {
    file: r.file,
    sheet: r.sheet,
    unit: { name: r.unit.name, level: r.unit.level },
    table: { headerRow: s.table.headerRow + 1, firstRow: s.table.firstRow + 1, lastRow: s.table.lastRow + 1 },
    total: {
      max: round2(s.total.max),
      achieved: round2(s.total.achieved),
      gap: round2(s.total.gap),
      percent: round2(s.total.percent),
      bonus: round2(s.total.bonus),
      penalty: round2(s.total.penalty),
      final: round2(s.total.final),
      self: round2(s.total.self),
    },
    unmet: s.unmet.length,
    rows: s.rows.map((v) => ({
      row: v.row + 1,
      code: v.code,
      level: v.level,
      name: v.name,
      max: round2(v.max),
      achieved: round2(v.achieved),
      gap: round2(v.gap),
      percent: round2(v.percent),
      self: round2(v.self),
      status: v.status,
      lead: v.lead,
      implementers: v.implementers,
      tasks: v.tasks,
      match: v.match,
    })),
    issues: s.issues.map((i) => ({ row: i.row + 1, code: i.code, kind: i.kind, message: i.message[lang] })),
  };
}

/** The warnings of a table, one line each ("dòng 12: …"), for stderr. */
export function warningLines(file: string, s: Summary, lang: Lang): string {
  if (s.issues.length === 0) return "";
  const head =
    lang === "vi" ? `${file}: ${s.issues.length} cảnh báo:` : `${file}: ${s.issues.length} warning(s):`;
  const row = lang === "vi" ? "dòng" : "row";
  return [head, ...s.issues.map((i) => `  ${row} ${i.row + 1}: ${i.message[lang]}`)].join("\n") + "\n";
}

/** Reads and summarises one file (never throws: a failure is the result's `error`). */
export async function readOne(io: Io, file: string, a: Args): Promise<FileResult> {
  const unknown: UnitInfo = { name: fileUnit(file), level: a.unit ?? "district" };
  const opened = await openBook(io, file);
  if (isUserError(opened)) return { file, unit: unknown, sheet: null, error: opened.message[a.lang] };
  const host = new FileHost(opened.source, a.sheet);
  const r = await new Session(host, a.lang, {
    chooseSheet: a.sheet === undefined,
    undo: false,
    rollback: false, // the xlsx host writes a prepared change set whole, in memory
    unit: a.unit,
  }).analyze();
  if (!r.ok)
    return { file, unit: unknown, sheet: host.lastSheet ?? a.sheet ?? null, error: r.error.message[a.lang] };
  const s = r.summary!;
  const unit = resolveUnit(host.lastRead!.active, s.table.headerRow, a.unit, fileUnit(file));
  return { file, unit: { name: unit.name, level: unit.level }, sheet: s.sheet, summary: s };
}

/** Competition ranking by percent, highest first: ties share a rank (1, 2, 2, 4). */
export function rankByPercent(results: FileResult[]): Map<FileResult, number> {
  const scored = results
    .filter((r) => r.summary)
    .sort((a, b) => (b.summary!.total.percent ?? 0) - (a.summary!.total.percent ?? 0));
  const ranks = new Map<FileResult, number>();
  scored.forEach((r, i) => {
    const prev = scored[i - 1];
    const same = prev && round2(prev.summary!.total.percent) === round2(r.summary!.total.percent);
    ranks.set(r, same ? ranks.get(prev)! : i + 1);
  });
  return ranks;
}

const HEAD: Record<Lang, string[]> = {
  vi: [
    "Hạng",
    "Đơn vị",
    "Tệp",
    "Điểm tối đa",
    "Điểm đạt",
    "Chưa đạt",
    "Tỷ lệ %",
    "TC chưa đạt",
    "Cảnh báo",
    "Trang tính",
  ],
  en: ["Rank", "Unit", "File", "Max", "Achieved", "Gap", "Percent", "Unmet", "Issues", "Sheet"],
};

function tableLines(results: FileResult[], ranks: Map<FileResult, number>, lang: Lang): string[][] {
  const ordered = [...results].sort((a, b) => (ranks.get(a) ?? 1e9) - (ranks.get(b) ?? 1e9));
  return ordered.map((r) => {
    const s = r.summary;
    if (!s)
      return [
        "",
        r.unit.name,
        r.file,
        "",
        "",
        "",
        "",
        "",
        `${lang === "vi" ? "LỖI" : "ERROR"}: ${r.error}`,
        "",
      ];
    return [
      String(ranks.get(r) ?? ""),
      r.unit.name,
      r.file,
      formatScore(s.total.max, lang),
      formatScore(s.total.achieved, lang),
      formatScore(s.total.gap, lang),
      formatScore(s.total.percent, lang),
      String(s.unmet.length),
      String(s.issues.length),
      s.sheet,
    ];
  });
}

/** Rows as aligned text columns (`numeric`: the columns aligned right). */
export function render(rows: string[][], numeric: ReadonlySet<number>): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? "")].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export async function summary(io: Io, a: Args): Promise<number> {
  const results: FileResult[] = [];
  for (const [i, file] of a.files.entries()) {
    if (a.files.length > 1) io.stderr(`[${i + 1}/${a.files.length}] ${file}\n`);
    results.push(await readOne(io, file, a));
  }
  const ranks = rankByPercent(results);
  const table = [HEAD[a.lang], ...tableLines(results, ranks, a.lang)];
  if (a.json)
    io.stdout(
      JSON.stringify(
        results.map((r) => jsonOf(r, a.lang)),
        null,
        2,
      ) + "\n",
    );
  else if (a.csv !== "-") io.stdout(render(table, new Set([0, 3, 4, 5, 6, 7, 8])) + "\n");
  if (a.csv !== undefined) {
    const code = await writeCsv(io, a.csv, a.files, table, a.lang);
    if (code) return code;
  }
  for (const r of results) if (r.summary) io.stderr(warningLines(r.file, r.summary, a.lang));
  for (const r of results) if (r.error) io.stderr(`${r.file}: ${r.error}\n`);
  if (results.some((r) => r.error)) return 1;
  if (a.strict && results.some((r) => r.summary!.issues.length > 0)) return strictFailure(io, a);
  return 0;
}

/** --strict with warnings: exit status 3, said in one line. */
export function strictFailure(io: Io, a: Args): number {
  io.stderr(
    a.lang === "vi"
      ? "par-index: có cảnh báo và --strict được chọn, nên dừng (mã thoát 3).\n"
      : "par-index: there are warnings and --strict was given, so stopping (exit status 3).\n",
  );
  return 3;
}
