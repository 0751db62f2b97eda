/**
 * par-index: the add-in's engine, catalogue and xlsx host behind a command line, for people who collect many
 * units' tables (a province reading every unit's results) and for anyone without Excel.
 *
 *   par-index summary FILE.xlsx... [--sheet NAME] [--json] [--csv OUT.csv] [--lang vi|en]
 *   par-index apply FILE.xlsx -o OUT.xlsx [--sheet NAME] [--only recalc,highlight,assign,plan] [--lang vi|en]
 *   par-index catalogue [--json]
 *
 * Exit 0 on success; 1 when a file has no recognisable table or cannot be read (the others are still
 * processed); 2 on bad usage. All I/O goes through `Io`, so tests run it in-process.
 */
import type * as ExcelJS from "exceljs";
import { catalogueListing } from "../app/catalogue";
import type { CommandId, Summary } from "../app/commands";
import { describeError, userError, type UserError } from "../app/errors";
import { formatScore } from "../app/format";
import { Session } from "../app/session";
import type { Lang } from "../app/types";
import { loadWorkbook, saveWorkbook } from "../hosts/xlsx";
import { FileHost } from "./fileHost";

export interface Io {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves a path to compare input and output files. */
  resolve(path: string): string;
}

const USAGE = `Cách dùng / Usage:
  par-index summary TỆP.xlsx... [--sheet TÊN] [--json] [--csv RA.csv] [--lang vi|en]
  par-index apply TỆP.xlsx -o RA.xlsx [--sheet TÊN] [--only recalc,highlight,assign,plan] [--lang vi|en]
  par-index catalogue [--json]
`;

class UsageError extends Error {}

interface Args {
  command: string;
  files: string[];
  sheet?: string;
  json: boolean;
  csv?: string;
  out?: string;
  only?: string[];
  lang: Lang;
}

const APPLY_STEPS = ["recalc", "highlight", "assign", "plan"] as const;
type ApplyStep = (typeof APPLY_STEPS)[number];

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help") throw new UsageError("");
  if (!["summary", "apply", "catalogue"].includes(command))
    throw new UsageError(`unknown command «${command}»`);
  const a: Args = { command, files: [], json: false, lang: "vi" };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--sheet") a.sheet = value();
    else if (arg === "--json") a.json = true;
    else if (arg === "--csv") a.csv = value();
    else if (arg === "-o" || arg === "--output") a.out = value();
    else if (arg === "--only")
      a.only = value()
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    else if (arg === "--lang") {
      const l = value();
      if (l !== "vi" && l !== "en") throw new UsageError("--lang is vi or en");
      a.lang = l;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else a.files.push(arg);
  }
  if (a.command === "summary" && a.files.length === 0)
    throw new UsageError("summary needs at least one .xlsx file");
  if (a.command === "apply") {
    if (a.files.length !== 1) throw new UsageError("apply takes exactly one .xlsx file");
    if (!a.out)
      throw new UsageError("apply needs -o OUT.xlsx (the input is never overwritten unless -o names it)");
    for (const s of a.only ?? [])
      if (!APPLY_STEPS.includes(s as ApplyStep)) throw new UsageError(`--only: unknown step «${s}»`);
  }
  if (a.command === "catalogue" && a.files.length) throw new UsageError("catalogue takes no file");
  return a;
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** "huyện Bắc Sơn" from a title above the table ("… năm 2023 - huyện Bắc Sơn"), else the file's name. */
export function unitName(ws: ExcelJS.Workbook, sheetName: string, headerRow: number, file: string): string {
  const sheet = ws.getWorksheet(sheetName);
  const UNIT =
    /((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?(?:huyện|xã|phường|thị trấn|thị xã|quận|tỉnh|thành phố|Sở)\s+[\p{Lu}\d][\p{L}\d]*(?:\s+[\p{Lu}\d][\p{L}\d]*)*/u;
  if (sheet) {
    for (let r = 1; r <= headerRow; r++) {
      const row = sheet.getRow(r);
      for (let c = 1; c <= Math.min(row.cellCount, 12); c++) {
        const v = row.getCell(c).text?.trim();
        if (!v) continue;
        const m = UNIT.exec(v);
        if (m) return m[0];
      }
    }
  }
  return fileUnit(file);
}

/** A file's name without folder and extension: the unit when no title names it. */
function fileUnit(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.xlsx$/i, "");
}

interface FileResult {
  file: string;
  unit: string;
  sheet: string | null;
  summary?: Summary;
  error?: string;
}

function jsonOf(r: FileResult, lang: Lang) {
  if (!r.summary) return { file: r.file, sheet: r.sheet, issues: [], error: r.error };
  const s = r.summary;
  return {
    file: r.file,
    sheet: r.sheet,
    table: { headerRow: s.table.headerRow + 1, firstRow: s.table.firstRow + 1, lastRow: s.table.lastRow + 1 },
    total: {
      max: round2(s.total.max),
      achieved: round2(s.total.achieved),
      gap: round2(s.total.gap),
      percent: round2(s.total.percent),
    },
    rows: s.rows.map((v) => ({
      row: v.row + 1,
      code: v.code,
      level: v.level,
      name: v.name,
      max: round2(v.max),
      achieved: round2(v.achieved),
      gap: round2(v.gap),
      percent: round2(v.percent),
      status: v.status,
      lead: v.lead,
      implementers: v.implementers,
      tasks: v.tasks,
      match: v.match,
    })),
    issues: s.issues.map((i) => ({ row: i.row + 1, code: i.code, kind: i.kind, message: i.message[lang] })),
  };
}

/** The workbook in a file, or the error to report (no such file, not a readable .xlsx). */
async function openFile(io: Io, file: string): Promise<ExcelJS.Workbook | UserError> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === "ENOENT")
      return userError("file-unreadable", { missing: true });
    return describeError(e);
  }
  if (bytes.length === 0) return userError("file-empty");
  try {
    return await loadWorkbook(bytes);
  } catch {
    return userError("file-unreadable");
  }
}

const isError = (x: ExcelJS.Workbook | UserError): x is UserError => "hint" in x && "code" in x;

async function readOne(io: Io, file: string, sheet: string | undefined, lang: Lang): Promise<FileResult> {
  const wb = await openFile(io, file);
  if (isError(wb)) return { file, unit: fileUnit(file), sheet: null, error: wb.message[lang] };
  const host = new FileHost(wb, sheet);
  const r = await new Session(host, lang, { chooseSheet: sheet === undefined, undo: false }).analyze();
  if (!r.ok)
    return {
      file,
      unit: fileUnit(file),
      sheet: host.lastSheet ?? sheet ?? null,
      error: r.error.message[lang],
    };
  const s = r.summary!;
  return {
    file,
    unit: unitName(wb, s.sheet, s.table.headerRow + 1, file),
    sheet: s.sheet,
    summary: s,
  };
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
      return ["", r.unit, r.file, "", "", "", "", "", `${lang === "vi" ? "LỖI" : "ERROR"}: ${r.error}`, ""];
    return [
      String(ranks.get(r) ?? ""),
      r.unit,
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

function render(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const numeric = new Set([0, 3, 4, 5, 6, 7, 8]);
  return rows
    .map((r) =>
      r
        .map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function csvOf(rows: string[][], lang: Lang): string {
  // Excel in Vietnamese uses a decimal comma, so its CSV separator is ";"; English Excel reads ",".
  const sep = lang === "vi" ? ";" : ",";
  const q = (s: string) => (s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return "\ufeff" + rows.map((r) => r.map(q).join(sep)).join("\r\n") + "\r\n";
}

async function summary(io: Io, a: Args): Promise<number> {
  const results: FileResult[] = [];
  for (const [i, file] of a.files.entries()) {
    if (a.files.length > 1) io.stderr(`[${i + 1}/${a.files.length}] ${file}\n`);
    results.push(await readOne(io, file, a.sheet, a.lang));
  }
  const ranks = rankByPercent(results);
  if (a.json)
    io.stdout(
      JSON.stringify(
        results.map((r) => jsonOf(r, a.lang)),
        null,
        2,
      ) + "\n",
    );
  else io.stdout(render([HEAD[a.lang], ...tableLines(results, ranks, a.lang)]) + "\n");
  if (a.csv) await io.writeFile(a.csv, csvOf([HEAD[a.lang], ...tableLines(results, ranks, a.lang)], a.lang));
  for (const r of results) if (r.error) io.stderr(`${r.file}: ${r.error}\n`);
  return results.some((r) => r.error) ? 1 : 0;
}

async function apply(io: Io, a: Args): Promise<number> {
  const file = a.files[0];
  const steps = new Set<ApplyStep>((a.only as ApplyStep[] | undefined) ?? APPLY_STEPS);
  const say = (e: UserError) => io.stderr(`${file}: ${e.message[a.lang]} ${e.hint[a.lang]}\n`);
  const wb = await openFile(io, file);
  if (isError(wb)) {
    say(wb);
    return 1;
  }
  const commands: CommandId[] = [];
  if (steps.has("recalc")) commands.push(steps.has("highlight") ? "recalc" : "recalc-only");
  else if (steps.has("highlight")) commands.push("highlight");
  if (steps.has("assign")) commands.push("assign");
  if (steps.has("plan")) commands.push("plan");
  const host = new FileHost(wb, a.sheet);
  const session = new Session(host, a.lang, { chooseSheet: a.sheet === undefined, undo: false });
  let announced = false;
  for (const cmd of commands) {
    const r = await session.run(cmd);
    if (!announced && host.lastSheet) {
      io.stderr(`${a.lang === "vi" ? "Trang tính" : "Sheet"}: «${host.lastSheet}»\n`);
      announced = true;
    }
    if (!r.ok) {
      say(r.error);
      return 1;
    }
    if (r.result) io.stderr(`${r.result[a.lang]}\n`);
  }
  host.finish();
  await io.writeFile(a.out!, await saveWorkbook(wb));
  io.stderr(`${a.lang === "vi" ? "Đã ghi" : "Wrote"} ${a.out}\n`);
  return 0;
}

function catalogue(io: Io, a: Args): number {
  const rows = catalogueListing();
  if (a.json) {
    io.stdout(JSON.stringify(rows, null, 2) + "\n");
    return 0;
  }
  for (const r of rows) {
    io.stdout(`${r.code}\t${r.lead}\t${r.implementers}\n`);
    for (const t of r.tasks) io.stdout(`\t- ${t}\n`);
  }
  return 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let a: Args;
  try {
    a = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) io.stderr(`par-index: ${e.message}\n`);
      io.stderr(USAGE);
      return 2;
    }
    throw e;
  }
  if (a.command === "summary") return summary(io, a);
  if (a.command === "apply") return apply(io, a);
  return catalogue(io, a);
}
