/**
 * Finding the criteria table in a sheet snapshot: header rows are scored by column meaning after folding
 * (lower case, no diacritics), so "Điểm tối đa", "Diem toi da" and "Max score" all count.
 */
import type { CellValue, Rect, SheetSnapshot, TableInfo } from "./types";
import { cellText, fold, isBlankCell } from "./text";
import { rectContains } from "./address";

export type Role =
  "code" | "name" | "max" | "achieved" | "gap" | "percent" | "reason" | "lead" | "implementers" | "tasks";

export const ROLES: readonly Role[] = [
  "code",
  "name",
  "max",
  "achieved",
  "gap",
  "percent",
  "reason",
  "lead",
  "implementers",
  "tasks",
];

/** Column meaning of a header cell, tested in this order (the gap header also says "điểm tối đa"). */
const HEADER_RULES: readonly [Role, RegExp][] = [
  ["lead", /\b(co quan )?chu tri\b|\blead( agency)?\b/],
  ["implementers", /\b(co quan|don vi) (thuc hien|phoi hop)\b|\bimplement(ers|ing)?\b/],
  ["tasks", /\bnhiem vu\b|\bgiai phap\b|\bsolutions?\b|\btasks?\b/],
  ["reason", /\bnguyen nhan\b|\breasons?\b|\bcause\b/],
  ["gap", /\bchua dat\b|\bcon thieu\b|\bdiem tru\b|\bgap\b|\bmissing\b|\bshortfall\b/],
  ["percent", /\bty le\b|^%$|\(%\)|\bpercent(age)?\b|\brate\b/],
  ["max", /\btoi da\b|\bmax(imum)?\b|\bdiem chuan\b/],
  ["achieved", /\bdiem dat\b|\bdat duoc\b|\bdiem tham dinh\b|\bachieved\b|\bscore\b|\bpoints\b|^diem$/],
  ["code", /^(tt|stt|so tt|ma|ma so|ma tieu chi|no\.?|code|#|n°)$/],
  [
    "name",
    /\blinh vuc\b|\btieu chi\b|\bnoi dung\b|\bchi so\b|\bcriteri(on|a)\b|\bname\b|\bindicator\b|\bdomain\b/,
  ],
];

export function classifyHeader(text: string): Role | null {
  if (text.length > 80) return null;
  const t = fold(text);
  if (t === "") return null;
  for (const [role, re] of HEADER_RULES) if (re.test(t)) return role;
  return null;
}

const ENGLISH =
  /\b(max(imum)?|criteri(on|a)|score|achieved|gap|percent(age)?|name|indicator|domain|code|reason|lead|tasks?)\b/;

export type Columns = Partial<Record<Role, number>>;

export interface TableLayout {
  sheet: string;
  /** Sheet row of the header. */
  headerRow: number;
  /** Sheet column of each recognised role. */
  columns: Columns;
  /** Sheet columns spanned by the table's header (first and last, inclusive). */
  left: number;
  right: number;
  /** First data row after the header, and the last row of the table (the total row when there is one). */
  firstRow: number;
  lastRow: number;
  /** Language of the headers, for the headers the add-in writes. */
  lang: "vi" | "en";
  /** The Excel table (ListObject) holding the criteria table, if it is one. */
  excelTable?: TableInfo;
}

/** Reads cell (row, col) in sheet coordinates; null outside the block. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined ? null : v;
}

export function formatAt<T>(
  sheet: SheetSnapshot,
  grid: readonly (readonly T[])[] | undefined,
  row: number,
  col: number,
): T | undefined {
  return grid?.[row - sheet.top]?.[col - sheet.left];
}

export function blockRect(sheet: SheetSnapshot): Rect {
  return {
    top: sheet.top,
    left: sheet.left,
    rows: sheet.values.length,
    cols: sheet.values.reduce((m, r) => Math.max(m, r.length), 0),
  };
}

interface HeaderMatch {
  row: number;
  columns: Columns;
  score: number;
  left: number;
  right: number;
  lang: "vi" | "en";
}

/**
 * Recognises the header(s) on a row: name or code, max and achieved are required. Two tables side by
 * side give two headers (a role seen twice starts a new one).
 */
export function matchHeaders(sheet: SheetSnapshot, row: number): HeaderMatch[] {
  // Cheap test first: a header has at least three short texts that are not numbers, and hardly any
  // numbers (a criterion row has its code, max and achieved).
  let texts = 0;
  let numbers = 0;
  const row0 = sheet.values[row - sheet.top] ?? [];
  for (const v of row0) {
    if (typeof v === "number") numbers++;
    else if (typeof v === "string" && v.length <= 80) {
      if (!/^[\d\s.,%+-]*$/.test(v)) texts++;
      else if (v.trim() !== "") numbers++;
    }
  }
  if (texts < 3 || numbers >= 2) return [];
  const block = { left: sheet.left, cols: row0.length };
  const segments: { columns: Columns; english: number; filled: number[] }[] = [];
  let cur = { columns: {} as Columns, english: 0, filled: [] as number[] };
  segments.push(cur);
  for (let col = block.left; col < block.left + block.cols; col++) {
    const text = cellText(cellAt(sheet, row, col));
    if (text === "") continue;
    const role = classifyHeader(text);
    if (role && cur.columns[role] !== undefined) {
      cur = { columns: {}, english: 0, filled: [] };
      segments.push(cur);
    }
    cur.filled.push(col);
    if (role) {
      cur.columns[role] = col;
      if (ENGLISH.test(fold(text))) cur.english++;
    }
  }
  const out: HeaderMatch[] = [];
  for (const seg of segments) {
    const { columns } = seg;
    const hasKey = columns.name !== undefined || columns.code !== undefined;
    if (!hasKey || columns.max === undefined || columns.achieved === undefined) continue;
    const roleCols = Object.values(columns) as number[];
    const score = roleCols.length;
    const left = Math.min(...roleCols);
    // The table spans from its first recognised column to its last header cell, allowing one empty gap.
    let right = Math.max(...roleCols);
    for (const c of seg.filled) if (c > right && c - right <= 2) right = c;
    out.push({ row, columns, score, left, right, lang: seg.english * 2 > score ? "en" : "vi" });
  }
  return out;
}

function sameColumns(a: Columns, b: Columns): boolean {
  return ROLES.every((r) => a[r] === b[r]);
}

function isBlankRow(sheet: SheetSnapshot, row: number, left: number, right: number): boolean {
  const r = sheet.values[row - sheet.top];
  if (!r) return true;
  for (let c = left; c <= right; c++) if (!isBlankCell(r[c - sheet.left])) return false;
  return true;
}

const TOTAL = /^(tong( cong| diem| so diem| so)?|cong|total( score| points)?|grand total)\s*[:.]?$/;

/** Looks like a criterion code (1, 1.6.2, "II."), without allocating: total rows never do. */
const CODE_LIKE = /^\s*(\d+(\.\d+)*|[IVXivx]+)\.?\s*$/;

/** A total row: "Tổng", "Tổng điểm", "Cộng", "Total" in the code or name column of a row without a code. */
export function isTotalRow(sheet: SheetSnapshot, row: number, columns: Columns): boolean {
  if (columns.code !== undefined) {
    const code = cellAt(sheet, row, columns.code);
    if (typeof code === "number" || (typeof code === "string" && CODE_LIKE.test(code))) return false;
  }
  for (const role of ["code", "name"] as const) {
    const col = columns[role];
    if (col === undefined) continue;
    const v = cellAt(sheet, row, col);
    if (typeof v !== "string" || v.length > 40) continue;
    if (TOTAL.test(fold(v))) return true;
  }
  return false;
}

export type FindResult =
  | { ok: true; table: TableLayout; others: TableLayout[] }
  | { ok: false; error: "no-table" }
  | { ok: false; error: "ambiguous"; candidates: TableLayout[] };

/** Every criteria table on the sheet, top to bottom, left to right. */
export function findTables(sheet: SheetSnapshot): TableLayout[] {
  const block = blockRect(sheet);
  const headers: HeaderMatch[] = [];
  for (let row = block.top; row < block.top + block.rows; row++) headers.push(...matchHeaders(sheet, row));
  const overlaps = (x: HeaderMatch, h: HeaderMatch) => x.left <= h.right && x.right >= h.left;
  const tables: TableLayout[] = [];
  for (const h of headers) {
    // A header repeated inside a table already found (the seed's page break) is part of it.
    if (tables.some((t) => sameColumns(t.columns, h.columns) && h.row > t.headerRow && h.row <= t.lastRow))
      continue;
    const next = headers.find((x) => x.row > h.row && overlaps(x, h) && !sameColumns(x.columns, h.columns));
    const limit = next ? next.row - 1 : block.top + block.rows - 1;
    let lastRow = h.row;
    let blanks = 0;
    for (let row = h.row + 1; row <= limit; row++) {
      if (isBlankRow(sheet, row, h.left, h.right)) {
        if (++blanks >= 3) break;
        continue;
      }
      blanks = 0;
      lastRow = row;
      if (isTotalRow(sheet, row, h.columns)) break;
    }
    const excelTable = (sheet.tables ?? []).find((t) => rectContains(t.rect, h.row, h.left));
    tables.push({
      sheet: sheet.name,
      headerRow: h.row,
      columns: h.columns,
      left: h.left,
      right: h.right,
      firstRow: h.row + 1,
      lastRow,
      lang: h.lang,
      excelTable,
    });
  }
  return tables;
}

/**
 * The criteria table to work on: the one under the selection when the selection is inside one,
 * otherwise the only one, otherwise the highest-scoring one; two equal candidates are ambiguous.
 */
export function findTable(sheet: SheetSnapshot): FindResult {
  const tables = findTables(sheet);
  if (tables.length === 0) return { ok: false, error: "no-table" };
  if (tables.length === 1) return { ok: true, table: tables[0], others: [] };
  const sel = sheet.selection;
  if (sel) {
    const hit = tables.find(
      (t) => sel.top >= t.headerRow && sel.top <= t.lastRow && sel.left >= t.left && sel.left <= t.right,
    );
    if (hit) return { ok: true, table: hit, others: tables.filter((t) => t !== hit) };
  }
  const size = (t: TableLayout) => Object.keys(t.columns).length * 1000 + (t.lastRow - t.headerRow);
  const sorted = [...tables].sort((a, b) => size(b) - size(a));
  if (Object.keys(sorted[0].columns).length === Object.keys(sorted[1].columns).length)
    return { ok: false, error: "ambiguous", candidates: tables };
  return { ok: true, table: sorted[0], others: sorted.slice(1) };
}
