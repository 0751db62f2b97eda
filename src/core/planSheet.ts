/**
 * plan, planned as a change set: the sheet "Kế hoạch khắc phục", one row per task of every unmet criterion,
 * kept in step with the scores on re-runs (the user's deadline, status and notes are kept; rows whose criterion
 * is met are marked, never deleted). The answers come from a RemedySource.
 */
import type { CellInput, CellValue, ChangeSet, Op, Rect, SheetSnapshot, WorkbookSnapshot } from "./types";
import type { Analysis, CriterionRow } from "./analyze";
import type { Lang } from "./messages";
import { cellAt, formatAt } from "./table";
import { cellText, compareKeyText, fold, isBlankCell, isSubItemKey, parseCode } from "./text";
import { ByCodeAndTask } from "./byCodeAndTask";
import { AddinError } from "./errors";
import { PLAN_SHEET, PLAN_TABLE } from "./owned";
import { rowRuns } from "./rects";
import { rowsNeedingRemedy, sharedText, textOrBlank as text, type RemedySource } from "./remedy";
import { markOwnedOps, ownedSheet } from "./workbookMemory";

/** The number format of the deadline column (day/month/year, as Vietnamese documents write dates). */
export const DATE_FORMAT = "dd/mm/yyyy";

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

/** Where a new plan's header row goes (under the title and the note). */
const NEW_HEADER_ROW = 3;

export interface PlanSheetOptions {
  lang?: Lang;
}

/**
 * A plan row's cells by column, in PLAN_COLUMNS order (undefined: the column's cell is blank). Each row owns
 * its array: the body's line is made of it (bodyOp).
 */
type RowCells = (CellInput | null | undefined)[];

/** Each column's index in PLAN_COLUMNS (and in RowCells). */
const IX = Object.fromEntries(PLAN_COLUMNS.map((c, i) => [c.key, i])) as Record<PlanColumn, number>;

interface PlanRow {
  code: string;
  key: string | null;
  task: string;
  cells: RowCells;
  met: boolean;
  order: number;
}

interface ExistingPlan {
  headerRow: number;
  left: number;
  cols: Partial<Record<PlanColumn, number>>;
  lastRow: number;
  rows: { row: number; values: RowCells; code: string; task: string }[];
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

/** A sheet as read: the snapshot, or undefined when the workbook has none by that name. */
function sheetOf(ws: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  const exists = ws.sheetNames.includes(name);
  const sheet = ws.others?.[name] ?? (ws.active.name === name ? ws.active : undefined);
  if (exists && !sheet) throw new AddinError("not-read", { sheet: name });
  return sheet;
}

/** Where the plan goes: its sheet's name, the sheet as read (absent for a new one), and why. */
export interface PlanTarget {
  name: string;
  sheet: SheetSnapshot | undefined;
  /** True when a sheet named PLAN_SHEET is the user's own, so the plan went to another name. */
  renamed: boolean;
}

/**
 * The plan's sheet: the one the add-in marked as its own (workbook memory), else «Kế hoạch khắc phục» when
 * the add-in made it (marked, or recognisable as this release's plan by its column titles), else — the
 * sheet of that name is the user's — the first free «Kế hoạch khắc phục (2)», «(3)»…
 */
export function planTarget(ws: WorkbookSnapshot): PlanTarget {
  const marked = ownedSheet(ws, "plan");
  if (marked) return { name: marked, sheet: sheetOf(ws, marked), renamed: marked !== PLAN_SHEET };
  const sheet = sheetOf(ws, PLAN_SHEET);
  if (!sheet || readExistingPlan(sheet)) return { name: PLAN_SHEET, sheet, renamed: false };
  const taken = new Set(ws.sheetNames.map((n) => n.toLowerCase()));
  for (let k = 2; ; k++) {
    const name = `${PLAN_SHEET} (${k})`;
    if (!taken.has(name.toLowerCase())) return { name, sheet: undefined, renamed: true };
  }
}

/** A plan already on the sheet: its header row (found by column titles), columns, rows and table. */
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
      const values: RowCells = [];
      let any = false;
      for (const c of PLAN_COLUMNS) {
        const v = inputOf(sheet, row, cols[c.key]);
        values.push(v);
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

const BLANK: CellInput = Object.freeze({ kind: "blank" });
const numberCell = (v: number | null): CellInput => (v === null ? BLANK : { kind: "number", value: v });
const textCell = (t: string): CellInput => (t === "" ? BLANK : { kind: "text", text: t });

/** A criterion's name, scores and reason as cells: made once, shared by the rows of its tasks. */
interface ScoreCells {
  name: CellInput;
  max: CellInput;
  achieved: CellInput;
  gap: CellInput;
  reason: CellInput;
}

function scoreCells(r: CriterionRow): ScoreCells {
  return {
    name: textCell(r.name),
    max: numberCell(r.max),
    achieved: numberCell(r.achieved),
    gap: numberCell(r.gap),
    reason: sharedText(r.reason),
  };
}

function putScores(cells: RowCells, s: ScoreCells): void {
  cells[IX.name] = s.name;
  cells[IX.max] = s.max;
  cells[IX.achieved] = s.achieved;
  cells[IX.gap] = s.gap;
  cells[IX.reason] = s.reason;
}

/** The one task of a remedy without tasks: a row of its own all the same. */
const NO_TASKS: readonly string[] = Object.freeze([""]);

/** Sort order of plan rows: by code key (rows without one last), then as produced. */
function comparePlanRows(x: PlanRow, y: PlanRow): number {
  if (x.key && y.key) return compareKeyText(x.key, y.key) || x.order - y.order;
  if (x.key) return -1;
  if (y.key) return 1;
  return x.order - y.order;
}

/**
 * How the plan names a criterion: its code as the table writes it; a lettered sub-item with its criterion's
 * («1.3 b)»), since «b)» alone says nothing once the row stands in the plan away from 1.3.
 */
function planCode(r: CriterionRow, a: Analysis): string {
  if (r.key !== null && r.parent !== null && isSubItemKey(r.key)) {
    const p = a.rows[r.parent];
    return `${p.code ?? p.key ?? ""} ${r.code ?? `${r.key.slice(r.key.lastIndexOf(".") + 1)})`}`.trim();
  }
  return r.code ?? "";
}

/**
 * The plan's rows: one per task of every criterion needing a remedy (merged with the row it had before, keyed
 * by code and task), then the earlier rows not produced again (the user's, or met criteria, which are marked).
 * Ordered by code; rows without a code keep their order at the end.
 */
function planRows(
  a: Analysis,
  source: RemedySource,
  existing: ExistingPlan | null,
): { rows: PlanRow[]; added: number; marked: number } {
  const rows: PlanRow[] = [];
  const seen = new ByCodeAndTask<true>();
  const previous = new ByCodeAndTask<ExistingPlan["rows"][number]>();
  for (const e of existing?.rows ?? []) previous.add(e.code, e.task, e);
  const status = sharedText(PLAN_STATUSES[0]);
  let order = 0;
  let added = 0;
  const needing = rowsNeedingRemedy(a);
  for (let i = 0; i < needing.length; i++) {
    const r = needing[i];
    const m = source.remedy(r, a);
    const code = planCode(r, a);
    const codeCell = textCell(code);
    const lead = sharedText(m.lead);
    const implementers = sharedText(m.implementers);
    const scores = scoreCells(r);
    const tasks = m.tasks.length ? m.tasks : NO_TASKS;
    for (let t = 0; t < tasks.length; t++) {
      const task = tasks[t];
      if (!seen.add(code, task, true)) continue;
      const prev = existing ? previous.get(code, task) : undefined;
      // The earlier row's cells (the user's deadline, status, notes), then this run's.
      const cells: RowCells = prev ? [...prev.values] : new Array<CellInput | undefined>(PLAN_COLUMNS.length);
      if (!prev) {
        added++;
        cells[IX.status] = status;
      }
      cells[IX.code] = codeCell;
      putScores(cells, scores);
      cells[IX.lead] = lead;
      cells[IX.implementers] = implementers;
      cells[IX.task] = sharedText(task);
      rows.push({ code, key: r.key, task, cells, met: false, order: order++ });
    }
  }
  let marked = 0;
  const byKey = new Map<string, CriterionRow>();
  if (existing?.rows.length) for (const r of a.rows) if (r.key) byKey.set(r.key, r);
  for (const e of existing?.rows ?? []) {
    if (!seen.add(e.code, e.task, true)) continue;
    const key = parseCode(e.code)?.key ?? null;
    const crit = key ? byKey.get(key) : undefined;
    // A row the user added for a criterion still unmet stays a normal row; anything else is marked.
    const stillUnmet = !!crit && crit.gap !== null && crit.gap > 0;
    if (!stillUnmet) marked++;
    const cells = [...e.values];
    if (crit) putScores(cells, scoreCells(crit));
    rows.push({ code: e.code, key, task: e.task, cells, met: !stillUnmet, order: order++ });
  }
  // Rows mostly come in code order already: sorted only when they are not (a stable sort of sorted rows
  // leaves them as they are).
  for (let i = 1; i < rows.length; i++)
    if (comparePlanRows(rows[i - 1], rows[i]) > 0) {
      rows.sort(comparePlanRows);
      break;
    }
  return { rows, added, marked };
}

/** Where the plan's columns are: the existing ones found by title, else in PLAN_COLUMNS order from `left`. */
interface Grid {
  headerRow: number;
  left: number;
  width: number;
  colOf(k: PlanColumn): number;
}

function gridOf(existing: ExistingPlan | null): Grid {
  const headerRow = existing?.headerRow ?? NEW_HEADER_ROW;
  const left = existing?.left ?? 0;
  const colOf = (k: PlanColumn) => existing?.cols[k] ?? left + PLAN_COLUMNS.findIndex((c) => c.key === k);
  const width = Math.max(...PLAN_COLUMNS.map((c) => colOf(c.key))) - left + 1;
  return { headerRow, left, width, colOf };
}

/** A new sheet: added after the active one, with the title (bold) and the note above the table. */
function newSheetOps(ws: WorkbookSnapshot, lang: Lang, name: string): Op[] {
  const PLAN_SHEET = name;
  return [
    { op: "addSheet", sheet: PLAN_SHEET, after: ws.active.name },
    {
      op: "setCells",
      sheet: PLAN_SHEET,
      top: 0,
      left: 0,
      cells: [[text(PLAN_TEXT[lang].title)], [text(PLAN_TEXT[lang].note)]],
    },
    {
      op: "setStyle",
      sheet: PLAN_SHEET,
      ranges: [{ top: 0, left: 0, rows: 1, cols: 1 }],
      style: { bold: true },
    },
  ];
}

/** The body (with the header row on a new plan) as one block; STT numbers the rows. */
function bodyOp(rows: PlanRow[], g: Grid, existing: ExistingPlan | null, lang: Lang, PLAN_SHEET: string): Op {
  const block: (CellInput | null)[][] = [];
  const header: (CellInput | null)[] = Array.from({ length: g.width }, () => null);
  for (const c of PLAN_COLUMNS) header[g.colOf(c.key) - g.left] = text(c[lang] ?? c.vi);
  if (!existing) block.push(header);
  // Each column's place in the line, found once (not per cell).
  const at = PLAN_COLUMNS.map((c) => g.colOf(c.key) - g.left);
  const stt = IX.stt;
  // Columns in PLAN_COLUMNS order from the left (every new plan): a row's own cells are its line.
  const inOrder = g.width === at.length && at.every((c, k) => c === k);
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].cells;
    // every slot of a reused array is set below: no undefined is left in the line
    const line = (inOrder ? cells : new Array<CellInput | null>(g.width).fill(null)) as (CellInput | null)[];
    for (let k = 0; k < at.length; k++)
      // The user's columns and missing cells are blank (the one shared blank: nothing changes it).
      line[at[k]] = k === stt ? { kind: "number", value: i + 1 } : (cells[k] ?? BLANK);
    block.push(line);
  }
  const oldBottom = existing ? existing.lastRow : g.headerRow;
  const newBottom = g.headerRow + rows.length;
  // Rows a previous plan had beyond the new end (never, since rows are only added) would be blanked here.
  for (let r = newBottom + 1; r <= oldBottom; r++)
    block.push(Array.from({ length: g.width }, () => ({ kind: "blank" }) as CellInput));
  return {
    op: "setCells",
    sheet: PLAN_SHEET,
    top: existing ? g.headerRow + 1 : g.headerRow,
    left: g.left,
    cells: block,
  };
}

/**
 * A plan growing past its last row when the user has something below it (signatures, notes, another
 * table): whole rows inserted under the plan, so what is below moves down intact instead of being written
 * over. Nothing below: no insert (the rows are empty).
 */
function growOps(
  sheet: SheetSnapshot | undefined,
  existing: ExistingPlan | null,
  newBottom: number,
  PLAN_SHEET: string,
): Op[] {
  if (!sheet || !existing || newBottom <= existing.lastRow) return [];
  const at = existing.lastRow + 1;
  const below = (r: number, c: number) =>
    r >= at &&
    (!isBlankCell(sheet.values[r - sheet.top]?.[c - sheet.left] ?? null) ||
      !!formatAt(sheet, sheet.formulas, r, c) ||
      !!formatAt(sheet, sheet.fills, r, c) ||
      !!formatAt(sheet, sheet.bold, r, c));
  let used = false;
  for (let i = Math.max(0, at - sheet.top); i < sheet.values.length && !used; i++)
    for (let j = 0; j < sheet.values[i].length && !used; j++) used = below(sheet.top + i, sheet.left + j);
  const starts = (r: { rect: Rect }) => r.rect.top >= at;
  if (!used && !(sheet.tables ?? []).some(starts) && !(sheet.validations ?? []).some(starts)) return [];
  return [{ op: "insertRows", sheet: PLAN_SHEET, at, count: newBottom - existing.lastRow }];
}

/** The Excel table over header and body: added, or resized when its rectangle changed. */
function tableOps(
  rows: PlanRow[],
  g: Grid,
  existing: ExistingPlan | null,
  ws: WorkbookSnapshot,
  PLAN_SHEET: string,
): Op[] {
  const rect: Rect = { top: g.headerRow, left: g.left, rows: Math.max(rows.length, 1) + 1, cols: g.width };
  if (!existing?.table)
    return [{ op: "addTable", sheet: PLAN_SHEET, name: tableName(ws), rect, style: "TableStyleMedium2" }];
  const r = existing.table.rect;
  if (r.rows === rect.rows && r.cols === rect.cols && r.left === rect.left) return [];
  return [{ op: "resizeTable", sheet: PLAN_SHEET, name: existing.table.name, rect }];
}

/** The status list, number formats, wrapping, met-row fills (set and taken back) and new-sheet widths. */
function styleOps(
  rows: PlanRow[],
  g: Grid,
  sheet: SheetSnapshot | undefined,
  existing: ExistingPlan | null,
  PLAN_SHEET: string,
): Op[] {
  const ops: Op[] = [];
  const bodyTop = g.headerRow + 1;
  const body = (k: PlanColumn): Rect => ({
    top: bodyTop,
    left: g.colOf(k),
    rows: Math.max(rows.length, 1),
    cols: 1,
  });
  ops.push({ op: "setValidation", sheet: PLAN_SHEET, rect: body("status"), list: PLAN_STATUSES });
  for (const k of ["max", "achieved", "gap"] as PlanColumn[])
    ops.push({ op: "setStyle", sheet: PLAN_SHEET, ranges: [body(k)], style: { numberFormat: "0.00" } });
  for (const k of ["name", "reason", "lead", "implementers", "task", "note"] as PlanColumn[])
    ops.push({ op: "setStyle", sheet: PLAN_SHEET, ranges: [body(k)], style: { wrap: true } });
  // A date typed in Thời hạn shows as a date (a text such as "Quý I/2026" stays text).
  ops.push({
    op: "setStyle",
    sheet: PLAN_SHEET,
    ranges: [body("deadline")],
    style: { numberFormat: DATE_FORMAT },
  });
  const metRows: number[] = [];
  const plainRows: number[] = [];
  for (let i = 0; i < rows.length; i++) (rows[i].met ? metRows : plainRows).push(bodyTop + i);
  if (metRows.length)
    ops.push({
      op: "setStyle",
      sheet: PLAN_SHEET,
      ranges: rowRuns(metRows, g.left, g.width),
      style: { fill: PLAN_MET_FILL },
    });
  if (sheet && existing && plainRows.length) {
    const stale = plainRows.filter((row) => formatAt(sheet, sheet.fills, row, g.left) === PLAN_MET_FILL);
    if (stale.length)
      ops.push({
        op: "setStyle",
        sheet: PLAN_SHEET,
        ranges: rowRuns(stale, g.left, g.width),
        style: { fill: null },
      });
  }
  if (!sheet) {
    for (const c of PLAN_COLUMNS)
      ops.push({ op: "setColumnWidth", sheet: PLAN_SHEET, col: g.colOf(c.key), width: c.width });
    ops.push(...readableOps(g, PLAN_SHEET));
  } else if (sheet.frozen && sheet.frozen.rows === 0 && sheet.frozen.cols === 0 && existing) {
    // A plan of an earlier release (nothing frozen, as the host read it): made readable the same way.
    ops.push(...readableOps(g, PLAN_SHEET));
  }
  return ops;
}

/** Header row bold, wrapped and frozen; printed A4 landscape, header rows repeated, fit to the page width. */
function readableOps(g: Grid, sheet: string): Op[] {
  const header: Rect = { top: g.headerRow, left: g.left, rows: 1, cols: g.width };
  return [
    { op: "setStyle", sheet, ranges: [header], style: { bold: true, wrap: true } },
    { op: "freezePanes", sheet, rows: g.headerRow + 1, cols: 0 },
    {
      op: "setPageSetup",
      sheet,
      setup: {
        orientation: "landscape",
        paper: "A4",
        repeatRows: { first: g.headerRow, last: g.headerRow },
        fitToWidth: true,
      },
    },
  ];
}

/** The plan table's name: PLAN_TABLE, or PLAN_TABLE2… when a table of that name exists elsewhere. */
function tableName(ws: WorkbookSnapshot): string {
  const names = new Set(
    [ws.active, ...Object.values(ws.others ?? {})].flatMap((s) =>
      (s.tables ?? []).map((t) => t.name.toLowerCase()),
    ),
  );
  for (let k = 1; ; k++) {
    const name = k === 1 ? PLAN_TABLE : `${PLAN_TABLE}${k}`;
    if (!names.has(name.toLowerCase())) return name;
  }
}

/**
 * plan: the sheet "Kế hoạch khắc phục", one row per task of every unmet criterion, as an Excel table ordered by
 * code with a Trạng thái list. A re-run updates the rows from the current scores, keeps what the user typed in
 * Thời hạn, Trạng thái and Ghi chú (rows keyed by code and task), keeps rows the user added, and marks rows whose
 * criterion is no longer unmet instead of deleting them. Throws AddinError "not-read" when the sheet exists but
 * is not in the snapshot.
 */
export function planRemediationSheet(
  ws: WorkbookSnapshot,
  a: Analysis,
  source: RemedySource,
  opts: PlanSheetOptions = {},
): ChangeSet {
  const lang = opts.lang ?? a.table.lang;
  const target = planTarget(ws);
  const { name, sheet } = target;
  const existing = sheet ? readExistingPlan(sheet) : null;
  const { rows, added, marked } = planRows(a, source, existing);
  const g = gridOf(existing);
  const ops: Op[] = [
    ...(sheet ? [] : newSheetOps(ws, lang, name)),
    ...growOps(sheet, existing, g.headerRow + rows.length, name),
    bodyOp(rows, g, existing, lang, name),
    ...tableOps(rows, g, existing, ws, name),
    ...styleOps(rows, g, sheet, existing, name),
    ...markOwnedOps(ws, "plan", name),
  ];
  const cs: ChangeSet = {
    command: "plan",
    ops,
    counts: {
      rows: rows.length,
      added,
      marked,
      kept: existing?.rows.length ?? 0,
      renamed: target.renamed ? 1 : 0,
    },
  };
  if (target.renamed && !sheet)
    cs.notes = [
      {
        vi: `Trang «${PLAN_SHEET}» là của đơn vị (không do PAR INDEX tạo) nên được giữ nguyên; kế hoạch được ghi vào trang mới «${name}».`,
        en: `The sheet «${PLAN_SHEET}» is yours (not made by PAR INDEX), so it was left as it is; the plan went to a new sheet «${name}».`,
      },
    ];
  return cs;
}
