/**
 * The plan document (issue 12 §1) from the workbook as it stands, for every front end (the CLI's
 * `plan-doc`, the panel's "Soạn kế hoạch (.docx)"): the criteria table; who does what from the sheet's
 * agency and solution columns where the user filled them (their edits win), else the unit's catalogue; the
 * plan sheet's rows with the user's deadlines and statuses for the appendix; the official percent when the
 * sheet states one; and, given last year's table, what improved and what regressed. Pure but for the
 * rendering to .docx (the `docx` package, offline in the browser and in Node).
 */
import {
  analyzeSheet,
  PLAN_COLUMNS,
  PLAN_SHEET,
  type Analysis,
  type CriterionRow,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../core";
import { GENERAL_SOLUTIONS } from "../catalogue";
import {
  buildPlanDocument,
  renderPlanDocx,
  planInputFromAnalysis,
  unitPhrase,
  type PlanDocumentInput,
  type PlanTaskRow,
  type PlanUnit,
  type RemedyAnswer,
} from "../document";
import { catalogueFor, remedySource } from "./commands";
import { compareAnalyses } from "./compare";
import { userError, type Bilingual, type UserError } from "./errors";
import { resolveUnit, titleTexts, type UnitLevel } from "./units";

export interface PlanDocumentOptions {
  /** N, the year of the results (the plan is for N + 1); else the latest year the titles name. */
  year?: number;
  /** Last year's criteria sheet, for §II's comparison. */
  previous?: SheetSnapshot | null;
  /** The unit's level the user chose; else from the titles (./units.ts). */
  unit?: UnitLevel | null;
  /** Names the unit when the titles name none (a file's name). */
  fallbackName?: string;
}

export type PlanDocumentOutcome =
  | {
      ok: true;
      input: PlanDocumentInput;
      /** What the user should know (the stated percent differs from the computed one, the year guessed…). */
      notes: Bilingual[];
    }
  | { ok: false; error: UserError };

const cellText = (sheet: SheetSnapshot, row: number, col: number | undefined): string => {
  if (col === undefined) return "";
  const v = sheet.values[row - sheet.top]?.[col - sheet.left];
  return v === null || v === undefined ? "" : String(v).trim();
};

/** Task lines of a cell: one per line, list marks dropped. */
const taskLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((t) => t.replace(/^\s*[-•+*]\s*/, "").trim())
    .filter(Boolean);

/** The latest year 1990–2099 named in the titles above the table. */
function titleYear(titles: readonly string[]): number | null {
  let best: number | null = null;
  for (const t of titles)
    for (const m of t.matchAll(/(?<!\d)(199\d|20\d\d)(?!\d)/g)) best = Math.max(best ?? 0, +m[1]);
  return best;
}

/** "Bắc Sơn" from "huyện Bắc Sơn" (a department keeps its whole name: "Sở Tư pháp"). */
function properName(name: string, level: UnitLevel): string {
  if (level === "department") return name;
  return name.replace(/^(?:UBND\s+)?(?:thị xã|thị trấn|huyện|quận|xã|phường|đặc khu)\s+/iu, "").trim();
}

function planUnit(name: string, level: UnitLevel): PlanUnit {
  const proper = properName(name, level) || "……";
  const issuingBody =
    level === "department"
      ? proper.toLocaleUpperCase("vi")
      : `ỦY BAN NHÂN DÂN\n${unitPhrase(proper, level).toLocaleUpperCase("vi")}`;
  return { name: proper, level, issuingBody, place: level === "department" ? "……" : proper };
}

/** The plan sheet's rows (criterion, task, lead, implementers, deadline, status), found by their headers. */
export function planSheetTasks(sheet: SheetSnapshot | undefined): PlanTaskRow[] {
  if (!sheet) return [];
  const norm = (v: unknown) =>
    String(v ?? "")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase();
  const labels = new Map<string, string>();
  for (const c of PLAN_COLUMNS) {
    labels.set(c.vi.toLowerCase(), c.key);
    labels.set(c.en.toLowerCase(), c.key);
  }
  for (let r = 0; r < sheet.values.length; r++) {
    const cols: Record<string, number> = {};
    sheet.values[r].forEach((v, c) => {
      const key = labels.get(norm(v));
      if (key && cols[key] === undefined) cols[key] = c;
    });
    if (cols.task === undefined || (cols.code === undefined && cols.name === undefined)) continue;
    const out: PlanTaskRow[] = [];
    const at = (row: unknown[], key: string) =>
      cols[key] === undefined ? "" : String(row[cols[key]] ?? "").trim();
    for (const row of sheet.values.slice(r + 1)) {
      const task = at(row, "task");
      const criterion = at(row, "code") || at(row, "name");
      if (!task && !criterion) {
        if (out.length) break;
        continue;
      }
      if (!task) continue;
      out.push({
        criterion,
        task,
        lead: at(row, "lead"),
        implementers: at(row, "implementers"),
        deadline: at(row, "deadline"),
        status: at(row, "status"),
      });
    }
    return out;
  }
  return [];
}

/** The percent the total row states (85.32 for "85,32" or 0.8532 formatted as %), else null. */
function statedPercent(a: Analysis): number | null {
  const p = a.total.stated?.percent;
  if (!p || p.kind !== "number") return null;
  const v = p.value <= 1.0001 && a.total.percent !== null && a.total.percent > 1.5 ? p.value * 100 : p.value;
  return Math.round(v * 100) / 100;
}

/** The PlanDocumentInput of the workbook as it stands (see the file comment). */
export function planDocumentInput(ws: WorkbookSnapshot, opts: PlanDocumentOptions = {}): PlanDocumentOutcome {
  const a = analyzeSheet(ws.active);
  if (!a.ok) return { ok: false, error: userError(a.error) };
  const sheet = ws.active;
  const unit = resolveUnit(sheet, a.table.headerRow, opts.unit, opts.fallbackName ?? "");
  const { catalogue } = catalogueFor(ws, { analysis: a, level: unit.level });
  const source = remedySource(catalogue);
  const cols = a.table.columns;
  const remedy = (r: CriterionRow): RemedyAnswer => {
    const fromCatalogue = source.remedy(r, a);
    const lead = cellText(sheet, r.row, cols.lead);
    const implementers = cellText(sheet, r.row, cols.implementers);
    const tasks = taskLines(cellText(sheet, r.row, cols.tasks));
    return {
      lead: lead || fromCatalogue.lead,
      implementers: implementers || fromCatalogue.implementers,
      tasks: tasks.length ? tasks : [...fromCatalogue.tasks],
    };
  };
  const notes: Bilingual[] = [];
  const titles = titleTexts(sheet, a.table.headerRow);
  const year = opts.year ?? titleYear(titles);
  if (year === null)
    notes.push({
      vi: "Tiêu đề bảng không ghi năm: văn bản dùng năm trước năm nay (dùng --year để chọn).",
      en: "The table's titles name no year: the document uses last year (choose one with --year).",
    });
  const stated = statedPercent(a);
  if (stated !== null && a.total.percent !== null && Math.abs(stated - a.total.percent) >= 0.005)
    notes.push({
      vi: `Tỷ lệ ghi trên bảng (${stated.toFixed(2).replace(".", ",")}%) khác tỷ lệ tính lại (${a.total.percent.toFixed(2).replace(".", ",")}%): văn bản dùng tỷ lệ ghi trên bảng.`,
      en: `The percent the table states (${stated.toFixed(2)}%) differs from the recomputed one (${a.total.percent.toFixed(2)}%): the document uses the stated one.`,
    });
  let comparison: PlanDocumentInput["comparison"];
  if (opts.previous) {
    const b = analyzeSheet(opts.previous);
    if (!b.ok) return { ok: false, error: userError(b.error) };
    comparison = compareAnalyses(b, a);
  }
  const input = planInputFromAnalysis(a, remedy, {
    unit: planUnit(unit.name, unit.level),
    year: year ?? new Date().getFullYear() - 1,
    generalSolutions: Object.values(GENERAL_SOLUTIONS),
    tasks: planSheetTasks(ws.others?.[PLAN_SHEET]),
    statedPercent: stated,
    ...(comparison ? { comparison } : {}),
  });
  return { ok: true, input, notes };
}

/** The plan document as .docx bytes, with the notes for the user (or the error). */
export async function planDocumentDocx(
  ws: WorkbookSnapshot,
  opts: PlanDocumentOptions = {},
): Promise<
  | { ok: true; bytes: Uint8Array; input: PlanDocumentInput; notes: Bilingual[] }
  | { ok: false; error: UserError }
> {
  const r = planDocumentInput(ws, opts);
  if (!r.ok) return r;
  return { ...r, bytes: await renderPlanDocx(buildPlanDocument(r.input)) };
}
