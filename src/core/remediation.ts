/**
 * What turns a score table into a plan, planned as change sets:
 *  - assign: three columns (lead agency, implementers, tasks) after the table, filled for unmet criteria;
 *  - plan: the sheet "Kế hoạch khắc phục", one row per task, kept in step with the scores on re-runs.
 * The answers come from a RemedySource (the catalogue, wired by the app layer), so the core stays free of data.
 */
import type { CellInput, CellValue, ChangeSet, Op, Rect, SheetSnapshot, WorkbookSnapshot } from "./types";
import type { Analysis, CriterionRow } from "./analyze";
import type { Lang } from "./messages";
import { cellAt, formatAt, type Role } from "./table";
import { cellText, compareKeys, fold, isBlankCell, parseCode } from "./text";
import { rowRuns } from "./plan";

export interface Remedy {
  lead: string;
  implementers: string;
  tasks: string[];
}

export type RemedyField = "lead" | "implementers" | "tasks";

export interface RemedySource {
  /** The lead agency, implementers and tasks for an unmet criterion. */
  remedy(row: CriterionRow, analysis: Analysis): Remedy;
  /** Whether a cell's text is one the catalogue produces, so the add-in may overwrite it. */
  produced(field: RemedyField, text: string): boolean;
}

/**
 * The rows a plan is written for: unmet criteria with no sub-criteria listed, and parent rows whose listed
 * sub-criteria do not account for their whole gap (the rest of the gap still needs someone).
 */
export function rowsNeedingRemedy(a: Analysis): CriterionRow[] {
  return a.rows.filter((r) => {
    if (r.gap === null || r.gap <= 0) return false;
    if (r.children.length === 0) return true;
    const kids = r.children.reduce((s, i) => s + Math.max(0, a.rows[i].gap ?? 0), 0);
    return kids + 0.005 < r.gap;
  });
}

const text = (t: string): CellInput => (t === "" ? { kind: "blank" } : { kind: "text", text: t });

// ---------------------------------------------------------------------------------------------------------
// assign
// ---------------------------------------------------------------------------------------------------------

export const ASSIGN_HEADERS: Record<RemedyField, Record<Lang, string>> = {
  lead: { vi: "Cơ quan chủ trì tham mưu", en: "Lead agency" },
  implementers: { vi: "Cơ quan thực hiện", en: "Implementing agencies" },
  tasks: { vi: "Nhiệm vụ, giải pháp", en: "Tasks and solutions" },
};
const FIELDS: RemedyField[] = ["lead", "implementers", "tasks"];
const WIDTHS: Record<RemedyField, number> = { lead: 28, implementers: 32, tasks: 70 };

function columnIsEmpty(sheet: SheetSnapshot, col: number): boolean {
  if (col < sheet.left) return false;
  const c = col - sheet.left;
  for (const row of sheet.values) if (!isBlankCell(row[c])) return false;
  return true;
}

export interface AssignOptions {
  lang?: Lang;
}

/**
 * assign: "Cơ quan chủ trì tham mưu", "Cơ quan thực hiện", "Nhiệm vụ, giải pháp" after the table's last column:
 * written into the next columns when they are empty from top to bottom of the sheet, inserted as whole columns
 * (or table columns) otherwise. A re-run finds the columns by their headers and updates them; a cell the user
 * edited (not empty, not a catalogue text) is kept and counted.
 */
export function planAssign(
  sheet: SheetSnapshot,
  a: Analysis,
  source: RemedySource,
  opts: AssignOptions = {},
): ChangeSet {
  const t = a.table;
  const lang = opts.lang ?? t.lang;
  const ops: Op[] = [];
  const cols: Partial<Record<RemedyField, number>> = {};
  for (const f of FIELDS) if (t.columns[f as Role] !== undefined) cols[f] = t.columns[f as Role];
  const missing = FIELDS.filter((f) => cols[f] === undefined);
  let inserted = 0;
  let at = Math.max(t.right, ...FIELDS.map((f) => cols[f] ?? -1)) + 1;
  if (missing.length) {
    const free = !t.excelTable && missing.every((_, k) => columnIsEmpty(sheet, at + k));
    if (!free) {
      inserted = missing.length;
      ops.push(
        t.excelTable
          ? {
              op: "insertColumns",
              sheet: sheet.name,
              at,
              count: inserted,
              table: { name: t.excelTable.name, rect: { ...t.excelTable.rect } },
            }
          : { op: "insertColumns", sheet: sheet.name, at, count: inserted },
      );
    }
    for (const f of missing) cols[f] = at++;
  }
  // Snapshot column of an owned column (new columns read as empty).
  const before = (c: number): number | null =>
    inserted && c >= at - inserted ? (c < at ? null : c - inserted) : c;
  const current = (row: number, f: RemedyField): string => {
    const c = before(cols[f]!);
    return c === null ? "" : cellText(cellAt(sheet, row, c));
  };
  const currentRaw = (row: number, f: RemedyField): string => {
    const c = before(cols[f]!);
    const v = c === null ? null : cellAt(sheet, row, c);
    return typeof v === "string" ? v.trim() : cellText(v);
  };

  const needing = new Set(rowsNeedingRemedy(a));
  const writes: Record<RemedyField, Map<number, CellInput>> = {
    lead: new Map(),
    implementers: new Map(),
    tasks: new Map(),
  };
  let filled = 0;
  let kept = 0;
  let cleared = 0;
  const wrapRows: number[] = [];
  for (const r of a.rows) {
    const want: Record<RemedyField, string> = { lead: "", implementers: "", tasks: "" };
    if (needing.has(r)) {
      const m = source.remedy(r, a);
      want.lead = m.lead;
      want.implementers = m.implementers;
      want.tasks = m.tasks.join("\n");
      filled++;
      wrapRows.push(r.row);
    }
    for (const f of FIELDS) {
      const now = f === "tasks" ? currentRaw(r.row, f) : current(r.row, f);
      if (now === want[f]) continue;
      if (now !== "" && !source.produced(f, now)) {
        kept++;
        continue;
      }
      writes[f].set(r.row, text(want[f]));
      if (want[f] === "") cleared++;
    }
  }
  const headerRows = [t.headerRow, ...a.skipped.filter((s) => s.why === "header").map((s) => s.row)];
  for (const f of FIELDS) {
    for (const hr of headerRows) {
      if (current(hr, f) === "") writes[f].set(hr, text(ASSIGN_HEADERS[f][lang]));
    }
  }
  const top = t.headerRow;
  const bottom = t.lastRow;
  const ordered = [...FIELDS].sort((x, y) => cols[x]! - cols[y]!);
  const contiguous = ordered.every((f, k) => cols[f] === cols[ordered[0]]! + k);
  const block = (fs: RemedyField[]) => {
    const cells: (CellInput | null)[][] = [];
    for (let r = top; r <= bottom; r++) cells.push(fs.map((f) => writes[f].get(r) ?? null));
    return cells;
  };
  if (FIELDS.some((f) => writes[f].size > 0)) {
    if (contiguous)
      ops.push({ op: "setCells", sheet: sheet.name, top, left: cols[ordered[0]]!, cells: block(ordered) });
    else
      for (const f of FIELDS)
        if (writes[f].size)
          ops.push({ op: "setCells", sheet: sheet.name, top, left: cols[f]!, cells: block([f]) });
  }
  if (wrapRows.length) {
    for (const f of FIELDS)
      ops.push({
        op: "setStyle",
        sheet: sheet.name,
        ranges: rowRuns(wrapRows, cols[f]!, 1),
        style: { wrap: true },
      });
  }
  if (missing.length) {
    const bold = !!formatAt(sheet, sheet.bold, t.headerRow, t.columns.achieved!);
    ops.push({
      op: "setStyle",
      sheet: sheet.name,
      ranges: headerRows.flatMap((hr) => missing.map((f) => ({ top: hr, left: cols[f]!, rows: 1, cols: 1 }))),
      style: { bold, wrap: true, horizontalAlignment: "Center" },
    });
    for (const f of missing)
      ops.push({ op: "setColumnWidth", sheet: sheet.name, col: cols[f]!, width: WIDTHS[f] });
  }
  return { command: "assign", ops, counts: { filled, kept, cleared, insertedColumns: inserted } };
}

// ---------------------------------------------------------------------------------------------------------
// plan sheet
// ---------------------------------------------------------------------------------------------------------

export const PLAN_SHEET = "Kế hoạch khắc phục";
export const PLAN_TABLE = "KeHoachKhacPhuc";
export const PLAN_STATUSES = ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành"];
/** Fill of a plan row whose criterion is no longer unmet: kept for the record, marked, never deleted. */
export const PLAN_MET_FILL = "#E2EFDA";

export type PlanColumn =
  | "stt"
  | "code"
  | "name"
  | "max"
  | "achieved"
  | "gap"
  | "reason"
  | "lead"
  | "implementers"
  | "task"
  | "deadline"
  | "status"
  | "note";

export const PLAN_COLUMNS: { key: PlanColumn; vi: string; en: string; width: number }[] = [
  { key: "stt", vi: "STT", en: "No.", width: 6 },
  { key: "code", vi: "Mã tiêu chí", en: "Code", width: 10 },
  { key: "name", vi: "Tiêu chí", en: "Criterion", width: 40 },
  { key: "max", vi: "Điểm tối đa", en: "Max score", width: 10 },
  { key: "achieved", vi: "Điểm đạt được", en: "Score achieved", width: 10 },
  { key: "gap", vi: "Điểm chưa đạt", en: "Gap", width: 10 },
  { key: "reason", vi: "Nguyên nhân", en: "Reason", width: 36 },
  { key: "lead", vi: "Cơ quan chủ trì", en: "Lead agency", width: 26 },
  { key: "implementers", vi: "Cơ quan thực hiện", en: "Implementers", width: 30 },
  { key: "task", vi: "Nhiệm vụ, giải pháp", en: "Task", width: 60 },
  { key: "deadline", vi: "Thời hạn", en: "Deadline", width: 12 },
  { key: "status", vi: "Trạng thái", en: "Status", width: 16 },
  { key: "note", vi: "Ghi chú", en: "Notes", width: 30 },
];
const USER_COLUMNS: PlanColumn[] = ["deadline", "status", "note"];

export const PLAN_TEXT: Record<Lang, { title: string; note: string }> = {
  vi: {
    title: "KẾ HOẠCH KHẮC PHỤC CÁC TIÊU CHÍ CHƯA ĐẠT ĐIỂM TỐI ĐA (PAR INDEX)",
    note: "Dòng tô xanh: tiêu chí không còn trong danh sách chưa đạt, giữ lại để theo dõi. Thời hạn, Trạng thái, Ghi chú do đơn vị nhập, được giữ nguyên khi cập nhật.",
  },
  en: {
    title: "REMEDIATION PLAN FOR THE CRITERIA BELOW THEIR MAX SCORE (PAR INDEX)",
    note: "Green rows: criteria no longer unmet, kept for the record. Deadline, Status and Notes are yours and are kept on updates.",
  },
};

interface PlanRow {
  code: string;
  key: string | null;
  task: string;
  cells: Partial<Record<PlanColumn, CellInput>>;
  met: boolean;
  order: number;
}

interface ExistingPlan {
  headerRow: number;
  left: number;
  cols: Partial<Record<PlanColumn, number>>;
  lastRow: number;
  rows: { row: number; values: Partial<Record<PlanColumn, CellInput>>; code: string; task: string }[];
  table?: { name: string; rect: Rect };
}

function inputOf(sheet: SheetSnapshot, row: number, col: number | undefined): CellInput {
  if (col === undefined) return { kind: "blank" };
  const f = formatAt(sheet, sheet.formulas, row, col);
  if (f) return { kind: "formula", formula: f };
  const v: CellValue = cellAt(sheet, row, col);
  if (v === null || v === "") return { kind: "blank" };
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  return { kind: "text", text: v };
}

const HEADER_KEYS = new Map<string, PlanColumn>();
for (const c of PLAN_COLUMNS) {
  HEADER_KEYS.set(fold(c.vi), c.key);
  HEADER_KEYS.set(fold(c.en), c.key);
}

function readExistingPlan(sheet: SheetSnapshot): ExistingPlan | null {
  for (let i = 0; i < sheet.values.length; i++) {
    const cols: Partial<Record<PlanColumn, number>> = {};
    sheet.values[i].forEach((v, j) => {
      if (typeof v !== "string") return;
      const k = HEADER_KEYS.get(fold(v));
      if (k && cols[k] === undefined) cols[k] = sheet.left + j;
    });
    if (cols.code === undefined || cols.task === undefined) continue;
    const headerRow = sheet.top + i;
    const left = Math.min(...(Object.values(cols) as number[]));
    const table = (sheet.tables ?? []).find(
      (t) => t.rect.top === headerRow && t.rect.left <= cols.code! && t.rect.left + t.rect.cols > cols.code!,
    );
    const tableEnd = table ? table.rect.top + table.rect.rows - 1 : sheet.top + sheet.values.length - 1;
    const rows: ExistingPlan["rows"] = [];
    let lastRow = headerRow;
    for (let row = headerRow + 1; row <= tableEnd; row++) {
      const values: Partial<Record<PlanColumn, CellInput>> = {};
      let any = false;
      for (const c of PLAN_COLUMNS) {
        const v = inputOf(sheet, row, cols[c.key]);
        values[c.key] = v;
        if (v.kind !== "blank") any = true;
      }
      if (!any) {
        if (!table) break;
        continue;
      }
      lastRow = row;
      rows.push({
        row,
        values,
        code: cellText(cellAt(sheet, row, cols.code)),
        task: cellText(cellAt(sheet, row, cols.task)),
      });
    }
    return {
      headerRow,
      left,
      cols,
      lastRow: table ? tableEnd : lastRow,
      rows,
      table: table && { name: table.name, rect: table.rect },
    };
  }
  return null;
}

const rowKey = (code: string, task: string) => `${parseCode(code)?.key ?? code}\u0000${fold(task)}`;

export interface PlanSheetOptions {
  lang?: Lang;
}

/**
 * plan: the sheet "Kế hoạch khắc phục", one row per task of every unmet criterion, as an Excel table ordered by
 * code with a Trạng thái list. A re-run updates the rows from the current scores, keeps what the user typed in
 * Thời hạn, Trạng thái and Ghi chú (rows keyed by code and task), keeps rows the user added, and marks rows whose
 * criterion is no longer unmet instead of deleting them.
 */
export function planRemediationSheet(
  ws: WorkbookSnapshot,
  a: Analysis,
  source: RemedySource,
  opts: PlanSheetOptions = {},
): ChangeSet {
  const lang = opts.lang ?? a.table.lang;
  const sheetName = PLAN_SHEET;
  const exists = ws.sheetNames.includes(sheetName);
  const sheet = ws.others?.[sheetName] ?? (ws.active.name === sheetName ? ws.active : undefined);
  if (exists && !sheet) throw new Error(`the sheet «${sheetName}» exists but was not read`);
  const existing = sheet ? readExistingPlan(sheet) : null;

  const byKey = new Map<string, CriterionRow>();
  for (const r of a.rows) if (r.key) byKey.set(r.key, r);
  const scoreCells = (r: CriterionRow | undefined): Partial<Record<PlanColumn, CellInput>> =>
    r
      ? {
          name: text(r.name),
          max: r.max === null ? { kind: "blank" } : { kind: "number", value: r.max },
          achieved: r.achieved === null ? { kind: "blank" } : { kind: "number", value: r.achieved },
          gap: r.gap === null ? { kind: "blank" } : { kind: "number", value: r.gap },
          reason: text(r.reason),
        }
      : {};

  const rows: PlanRow[] = [];
  const seen = new Set<string>();
  const previous = new Map<string, ExistingPlan["rows"][number]>();
  for (const e of existing?.rows ?? [])
    if (!previous.has(rowKey(e.code, e.task))) previous.set(rowKey(e.code, e.task), e);
  let order = 0;
  let added = 0;
  for (const r of rowsNeedingRemedy(a)) {
    const m = source.remedy(r, a);
    const code = r.code ?? "";
    for (const task of m.tasks.length ? m.tasks : [""]) {
      const k = rowKey(code, task);
      if (seen.has(k)) continue;
      seen.add(k);
      const prev = previous.get(k);
      if (!prev) added++;
      const cells: Partial<Record<PlanColumn, CellInput>> = {
        ...(prev?.values ?? {}),
        code: text(code),
        ...scoreCells(r),
        lead: text(m.lead),
        implementers: text(m.implementers),
        task: text(task),
      };
      if (!prev) cells.status = text(PLAN_STATUSES[0]);
      rows.push({ code, key: r.key, task, cells, met: false, order: order++ });
    }
  }
  let marked = 0;
  for (const e of existing?.rows ?? []) {
    const k = rowKey(e.code, e.task);
    if (seen.has(k)) continue;
    seen.add(k);
    const key = parseCode(e.code)?.key ?? null;
    const crit = key ? byKey.get(key) : undefined;
    // A row the user added for a criterion still unmet stays a normal row; anything else is marked.
    const stillUnmet = !!crit && crit.gap !== null && crit.gap > 0;
    if (!stillUnmet) marked++;
    rows.push({
      code: e.code,
      key,
      task: e.task,
      cells: { ...e.values, ...scoreCells(crit) },
      met: !stillUnmet,
      order: order++,
    });
  }
  rows.sort((x, y) => {
    if (x.key && y.key) return compareKeys(x.key, y.key) || x.order - y.order;
    if (x.key) return -1;
    if (y.key) return 1;
    return x.order - y.order;
  });

  const ops: Op[] = [];
  const headerRow = existing?.headerRow ?? 3;
  const left = existing?.left ?? 0;
  const colOf = (k: PlanColumn) => existing?.cols[k] ?? left + PLAN_COLUMNS.findIndex((c) => c.key === k);
  const width = Math.max(...PLAN_COLUMNS.map((c) => colOf(c.key))) - left + 1;
  if (!sheet) {
    ops.push({ op: "addSheet", sheet: sheetName, after: ws.active.name });
    ops.push({
      op: "setCells",
      sheet: sheetName,
      top: 0,
      left: 0,
      cells: [[text(PLAN_TEXT[lang].title)], [text(PLAN_TEXT[lang].note)]],
    });
    ops.push({
      op: "setStyle",
      sheet: sheetName,
      ranges: [{ top: 0, left: 0, rows: 1, cols: 1 }],
      style: { bold: true },
    });
  }
  const block: (CellInput | null)[][] = [];
  const header: (CellInput | null)[] = Array.from({ length: width }, () => null);
  for (const c of PLAN_COLUMNS) header[colOf(c.key) - left] = text(c[lang] ?? c.vi);
  if (!existing) block.push(header);
  rows.forEach((r, i) => {
    const line: (CellInput | null)[] = Array.from({ length: width }, () => null);
    for (const c of PLAN_COLUMNS) {
      const v =
        c.key === "stt"
          ? ({ kind: "number", value: i + 1 } as CellInput)
          : (r.cells[c.key] ?? { kind: "blank" });
      line[colOf(c.key) - left] = USER_COLUMNS.includes(c.key) && !r.cells[c.key] ? { kind: "blank" } : v;
    }
    block.push(line);
  });
  const bodyTop = headerRow + 1;
  const oldBottom = existing ? existing.lastRow : headerRow;
  const newBottom = headerRow + rows.length;
  // Rows a previous plan had beyond the new end (never, since rows are only added) would be blanked here.
  for (let r = newBottom + 1; r <= oldBottom; r++)
    block.push(Array.from({ length: width }, () => ({ kind: "blank" }) as CellInput));
  ops.push({ op: "setCells", sheet: sheetName, top: existing ? bodyTop : headerRow, left, cells: block });

  const tableRect: Rect = { top: headerRow, left, rows: Math.max(rows.length, 1) + 1, cols: width };
  if (existing?.table) {
    const r = existing.table.rect;
    if (r.rows !== tableRect.rows || r.cols !== tableRect.cols || r.left !== tableRect.left)
      ops.push({ op: "resizeTable", sheet: sheetName, name: existing.table.name, rect: tableRect });
  } else {
    ops.push({
      op: "addTable",
      sheet: sheetName,
      name: PLAN_TABLE,
      rect: tableRect,
      style: "TableStyleMedium2",
    });
  }
  const body = (k: PlanColumn): Rect => ({
    top: bodyTop,
    left: colOf(k),
    rows: Math.max(rows.length, 1),
    cols: 1,
  });
  ops.push({ op: "setValidation", sheet: sheetName, rect: body("status"), list: PLAN_STATUSES });
  for (const k of ["max", "achieved", "gap"] as PlanColumn[])
    ops.push({ op: "setStyle", sheet: sheetName, ranges: [body(k)], style: { numberFormat: "0.00" } });
  for (const k of ["name", "reason", "lead", "implementers", "task", "note"] as PlanColumn[])
    ops.push({ op: "setStyle", sheet: sheetName, ranges: [body(k)], style: { wrap: true } });
  const metRows = rows.flatMap((r, i) => (r.met ? [bodyTop + i] : []));
  const plainRows = rows.flatMap((r, i) => (r.met ? [] : [bodyTop + i]));
  if (metRows.length)
    ops.push({
      op: "setStyle",
      sheet: sheetName,
      ranges: rowRuns(metRows, left, width),
      style: { fill: PLAN_MET_FILL },
    });
  if (existing && plainRows.length) {
    const stale = plainRows.filter((row) => formatAt(sheet!, sheet!.fills, row, left) === PLAN_MET_FILL);
    if (stale.length)
      ops.push({
        op: "setStyle",
        sheet: sheetName,
        ranges: rowRuns(stale, left, width),
        style: { fill: null },
      });
  }
  if (!sheet)
    for (const c of PLAN_COLUMNS)
      ops.push({ op: "setColumnWidth", sheet: sheetName, col: colOf(c.key), width: c.width });
  return {
    command: "plan",
    ops,
    counts: { rows: rows.length, added, marked, kept: existing?.rows.length ?? 0 },
  };
}
