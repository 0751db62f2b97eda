/**
 * Finding the criteria table in a sheet snapshot: header rows are scored by column meaning after folding
 * (lower case, no diacritics), so "Điểm tối đa", "Diem toi da" and "Max score" all count.
 */
import type { CellValue, Rect, SheetSnapshot, TableInfo } from "./types";
import { cellText, fold, isBlankCell, parseCode } from "./text";
import { parseNumber } from "./numbers";
import { rectContains } from "./address";
import {
  CODE_LIKE,
  adjustmentOf,
  isColumnNumberRow,
  isFinalTotal,
  isSignatureRow,
  isTotalRow,
} from "./rowKinds";

// The kinds of rows live in ./rowKinds.ts; table.ts is where the rest of the core has always found them.
export {
  adjustmentOf,
  columnNumberOf,
  isColumnNumberRow,
  isFinalTotal,
  isSignatureRow,
  isTotalRow,
  type Adjustment,
} from "./rowKinds";

export type Role =
  | "code"
  | "name"
  | "max"
  | "achieved"
  | "self"
  | "gap"
  | "percent"
  | "reason"
  | "lead"
  | "implementers"
  | "tasks";

export const ROLES: readonly Role[] = [
  "code",
  "name",
  "max",
  "achieved",
  "self",
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
  ["max", /\btoi da\b|\bmax(imum)?\b|\bdiem chuan\b|\bthang diem\b/],
  ["self", /\btu (danh gia|cham)\b|\bself[- ]?(assess(ed|ment)?|scor(e|ed|ing))\b/],
  [
    "achieved",
    /\bdiem dat\b|\bdat duoc\b|\btham dinh\b|\bdiem danh gia\b|\bappraised\b|\bachieved\b|\bscore\b|\bpoints\b|^diem$/,
  ],
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
  /** The first header row of a two-row header («Điểm» merged over «Tối đa | Đạt được»). */
  headerTop?: number;
  /** Appraisal-round columns left to right («thẩm định lần 1 | lần 2»); `columns.achieved` is the last. */
  rounds?: number[];
  /** Rows below the table's end that look like criteria or a total row (never silently cut). */
  rowsBelow?: number[];
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
  // An index loop, not reduce with a closure: every analysis asks, over every row.
  const values = sheet.values;
  let cols = 0;
  for (let r = 0; r < values.length; r++) {
    const n = values[r]?.length ?? 0;
    if (n > cols) cols = n;
  }
  return { top: sheet.top, left: sheet.left, rows: values.length, cols };
}

export interface HeaderMatch {
  /** The header row (the lower one of a two-row header). */
  row: number;
  /** The first header row: `row`, or the row above for a two-row header («Điểm» over «Tối đa | Đạt được»). */
  top: number;
  columns: Columns;
  /** Appraisal rounds («Điểm thẩm định lần 1 | lần 2»), left to right, when there are two or more. */
  rounds: number[];
  score: number;
  left: number;
  right: number;
  lang: "vi" | "en";
}

/** Only what a number written as text is made of. */
const NUMBER_CHARS = /^[\d\s.,%+-]*$/;

/** Whether a row may be a header on its own: three short texts that are not numbers, hardly any numbers. */
function headerLike(row0: readonly CellValue[], minTexts: number): boolean {
  let texts = 0;
  let numbers = 0;
  for (let i = 0; i < row0.length; i++) {
    const v = row0[i];
    if (typeof v === "number") numbers++;
    else if (typeof v === "string" && v.length <= 80) {
      // A text that starts with an ASCII letter is no number: no pattern needed (most names and codes).
      const c0 = v.charCodeAt(0) | 32;
      if ((c0 >= 97 && c0 <= 122) || !NUMBER_CHARS.test(v)) texts++;
      else if (v.trim() !== "") numbers++;
    }
    // A data row has its scores: no need to read the rest of it.
    if (numbers >= 2) return false;
  }
  return texts >= minTexts;
}

/** Splits header texts (by sheet column) into tables side by side and keeps the complete ones. */
function headerSegments(texts: Map<number, string>, row: number, top: number): HeaderMatch[] {
  const segments: { columns: Columns; rounds: number[]; english: number; filled: number[] }[] = [];
  let cur = { columns: {} as Columns, rounds: [] as number[], english: 0, filled: [] as number[] };
  segments.push(cur);
  for (const [col, text] of texts) {
    const role = classifyHeader(text);
    const appraisal = role === "achieved" && /\btham dinh\b|\bappraised\b/.test(fold(text));
    if (role && cur.columns[role] !== undefined) {
      // «Điểm thẩm định lần 1 | lần 2»: rounds of the same appraisal, not a second table.
      if (appraisal && cur.rounds.length > 0) {
        cur.rounds.push(col);
        cur.columns.achieved = col;
        cur.filled.push(col);
        continue;
      }
      // «Điểm đạt được | Điểm thẩm định»: the unit's own score, then the appraisal, which is achieved.
      if (appraisal && role === "achieved" && cur.columns.self === undefined) {
        cur.columns.self = cur.columns.achieved;
        cur.columns.achieved = col;
        cur.rounds.push(col);
        cur.filled.push(col);
        continue;
      }
      cur = { columns: {}, rounds: [], english: 0, filled: [] };
      segments.push(cur);
    }
    cur.filled.push(col);
    if (role) {
      cur.columns[role] = col;
      if (appraisal) cur.rounds.push(col);
      if (ENGLISH.test(fold(text))) cur.english++;
    }
  }
  const out: HeaderMatch[] = [];
  for (const seg of segments) {
    const { columns } = seg;
    // Only a self-assessed column («Điểm tự chấm»): it is the achieved score.
    if (columns.achieved === undefined && columns.self !== undefined) {
      columns.achieved = columns.self;
      delete columns.self;
    }
    const hasKey = columns.name !== undefined || columns.code !== undefined;
    if (!hasKey || columns.max === undefined || columns.achieved === undefined) continue;
    const roleCols = Object.values(columns) as number[];
    const score = roleCols.length;
    const left = Math.min(...roleCols, ...seg.rounds);
    // The table spans from its first recognised column to its last header cell, allowing one empty gap.
    let right = Math.max(...roleCols, ...seg.rounds);
    for (const c of seg.filled) if (c > right && c - right <= 2) right = c;
    const rounds = seg.rounds.length >= 2 ? seg.rounds : [];
    out.push({ row, top, columns, rounds, score, left, right, lang: seg.english * 2 > score ? "en" : "vi" });
  }
  return out;
}

/**
 * Recognises the header(s) on a row: name or code, max and achieved are required. Two tables side by
 * side give two headers (a role seen twice starts a new one, except appraisal rounds). A row that is not
 * a header alone may be the top of a two-row header: «Điểm» merged over «Tối đa | Đạt được» (the match
 * then has `top` = this row and `row` = the row below).
 */
export function matchHeaders(sheet: SheetSnapshot, row: number): HeaderMatch[] {
  const row0 = sheet.values[row - sheet.top] ?? [];
  if (headerLike(row0, 3)) {
    const texts = new Map<number, string>();
    for (let col = sheet.left; col < sheet.left + row0.length; col++) {
      const text = cellText(cellAt(sheet, row, col));
      if (text !== "") texts.set(col, text);
    }
    const single = headerSegments(texts, row, row);
    if (single.length > 0) return single;
  }
  return matchHeaderPair(sheet, row);
}

/** What most rows are: no header (shared: every row of a table is asked). */
const NO_HEADERS: HeaderMatch[] = Object.freeze([]) as unknown as HeaderMatch[];

/** Rows `row` and `row + 1` read as one header: each column's texts joined, a merged top spread right. */
function matchHeaderPair(sheet: SheetSnapshot, row: number): HeaderMatch[] {
  const upper = sheet.values[row - sheet.top];
  const lower = sheet.values[row + 1 - sheet.top];
  if (!upper || !lower || !headerLike(upper, 2) || !headerLike(lower, 2)) return NO_HEADERS;
  const width = Math.max(upper.length, lower.length);
  const texts = new Map<number, string>();
  let spread = "";
  let lowerTexts = 0;
  for (let col = sheet.left; col < sheet.left + width; col++) {
    const a = cellText(cellAt(sheet, row, col));
    const b = cellText(cellAt(sheet, row + 1, col));
    if (b !== "") lowerTexts++;
    // A top cell merged over several lower cells holds its text in its first column only.
    if (a !== "") spread = b !== "" ? a : "";
    const head = a !== "" ? a : b !== "" ? spread : "";
    const text = `${head} ${b}`.trim();
    if (text !== "") texts.set(col, text);
  }
  if (lowerTexts < 2) return [];
  // A header alone on the lower row is that header, not a pair.
  if (headerLike(lower, 3) && headerSegments(rowTexts(sheet, row + 1), row + 1, row + 1).length > 0)
    return [];
  return headerSegments(texts, row + 1, row);
}

function rowTexts(sheet: SheetSnapshot, row: number): Map<number, string> {
  const texts = new Map<number, string>();
  const row0 = sheet.values[row - sheet.top] ?? [];
  for (let col = sheet.left; col < sheet.left + row0.length; col++) {
    const text = cellText(cellAt(sheet, row, col));
    if (text !== "") texts.set(col, text);
  }
  return texts;
}

function isBlankRow(sheet: SheetSnapshot, row: number, left: number, right: number): boolean {
  const r = sheet.values[row - sheet.top];
  if (!r) return true;
  for (let c = left; c <= right; c++) if (!isBlankCell(r[c - sheet.left])) return false;
  return true;
}

const TITLE = /^(bang|bieu|phu luc|ket qua|tong hop|chi so|par index|table|results?)\b/;
const YEAR = /\bnam (19|20)\d\d\b/;

/** A title line: one text cell, no number, worded like a table's title («BẢNG …», «KẾT QUẢ … NĂM 2024»). */
function isTitleRow(sheet: SheetSnapshot, row: number): boolean {
  const r = sheet.values[row - sheet.top] ?? [];
  let text = "";
  for (const v of r) {
    if (isBlankCell(v)) continue;
    if (typeof v !== "string" || text !== "") return false;
    text = v;
  }
  if (text.length < 10 || CODE_LIKE.test(text)) return false;
  // A wrapped criterion name («(so với năm 2021)») is in lower case; a title starts like one or shouts.
  const t = fold(text);
  return TITLE.test(t) || (YEAR.test(t) && text === text.toLocaleUpperCase("vi"));
}

/** The last non-blank row of a table at or above `row`. */
function lastFilledRow(sheet: SheetSnapshot, h: HeaderMatch, row: number): number {
  while (row > h.row && isBlankRow(sheet, row, h.left, h.right)) row--;
  return row;
}

/** Blank rows that end a table: a page break leaves a few, a table's end leaves many. */
export const LONG_GAP = 15;

/**
 * A header lower down repeats the table's (a page break) when every role both name sits in the same
 * column and max and achieved are where the table has them, however it is worded.
 */
function repeats(h: HeaderMatch, x: HeaderMatch): boolean {
  if (x.columns.max !== h.columns.max || x.columns.achieved !== h.columns.achieved) return false;
  for (const r of ROLES) {
    const a = h.columns[r];
    const b = x.columns[r];
    if (a !== undefined && b !== undefined && a !== b) return false;
  }
  return true;
}

/** A row below a table that looks like one of its criteria (a code and a number) or a total row. */
function looksLikeTableRow(sheet: SheetSnapshot, row: number, columns: Columns): boolean {
  if (isTotalRow(sheet, row, columns)) return true;
  const num = (role: Role) => {
    const c = columns[role];
    if (c === undefined) return false;
    const p = parseNumber(cellAt(sheet, row, c));
    return p.kind === "number";
  };
  const code = columns.code !== undefined ? parseCode(cellAt(sheet, row, columns.code)) : null;
  const name = columns.name !== undefined ? cellText(cellAt(sheet, row, columns.name)) : "";
  return (code !== null || name.length >= 3) && (num("max") || num("achieved"));
}

export type FindResult =
  | { ok: true; table: TableLayout; others: TableLayout[] }
  | { ok: false; error: "no-table" }
  | { ok: false; error: "ambiguous"; candidates: TableLayout[] };

/**
 * Every criteria table on the sheet, top to bottom, left to right. A table runs from its header over
 * blank rows (page breaks), headers that repeat it (however worded) and column-number rows, to its total
 * row (and a bonus/penalty block right after it), or to a clear end: the signature block, a long empty
 * stretch (LONG_GAP rows) or another table's header. Rows below that end that look like criteria or a
 * total are listed in `rowsBelow` (the analysis warns about them).
 */
export function findTables(sheet: SheetSnapshot): TableLayout[] {
  const block = blockRect(sheet);
  const bottom = block.top + block.rows - 1;
  const headers: HeaderMatch[] = [];
  for (let row = block.top; row < block.top + block.rows; row++) {
    // A header (alone or the top of a pair) is at least headerLike(…, 2): a data row is ruled out by one
    // look at its cells, not by matchHeaders looking twice (alone, then as a pair's top) and at the next row.
    const line = sheet.values[row - block.top];
    if (line === undefined || !headerLike(line, 2)) continue;
    const found = matchHeaders(sheet, row);
    if (found.length === 0) continue;
    headers.push(...found);
    // The lower row of a two-row header is not a header of its own.
    if (found.some((h) => h.row > h.top)) row++;
  }
  const overlaps = (x: HeaderMatch, h: HeaderMatch) => x.left <= h.right && x.right >= h.left;
  const tables: TableLayout[] = [];
  const covered: { h: HeaderMatch; top: number; last: number }[] = [];
  for (const h of headers) {
    if (covered.some((c) => overlaps(c.h, h) && h.top > c.top && h.top <= c.last)) continue;
    const below = headers.filter((x) => x.top > h.row && overlaps(x, h));
    let lastRow = h.row;
    let blanks = 0;
    let end = bottom;
    // The headers below, top to bottom (as found): the next one to meet, without a search per row.
    let nextBelow = 0;
    // Whether a row other than the column numbers and a total has been met under the header.
    let criteria = false;
    for (let row = h.row + 1; row <= bottom; row++) {
      if (isBlankRow(sheet, row, h.left, h.right)) {
        if (++blanks >= LONG_GAP) break;
        continue;
      }
      blanks = 0;
      while (nextBelow < below.length && below[nextBelow].top < row) nextBelow++;
      const x = headerAt(below, nextBelow, row);
      if (x) {
        // A header that repeats the table's under a title of its own starts another table (last year's).
        const titled = lastRow > h.row && isTitleRow(sheet, lastRow);
        if (!repeats(h, x) || titled) {
          if (titled) lastRow = lastFilledRow(sheet, h, lastRow - 1);
          end = row - 1;
          break;
        }
        lastRow = x.row;
        row = x.row;
        continue;
      }
      if (isSignatureRow(sheet, row, h.left, h.right)) break;
      lastRow = row;
      if (isTotalRow(sheet, row, h.columns)) {
        // A total before any criterion (the figure put first, right under the header) does not end the table.
        if (!criteria) continue;
        lastRow = adjustmentsAfter(sheet, row, h, bottom);
        break;
      }
      if (!criteria && !isColumnNumberRow(sheet, row, h.left, h.right)) criteria = true;
    }
    const nextHeader = below.find((x) => x.top > lastRow && !repeats(h, x));
    if (nextHeader && nextHeader.top - 1 < end) end = nextHeader.top - 1;
    const rowsBelow: number[] = [];
    for (let row = lastRow + 1; row <= end && rowsBelow.length < 50; row++) {
      if (below.some((b) => b.top === row)) continue;
      if (looksLikeTableRow(sheet, row, h.columns)) rowsBelow.push(row);
    }
    const excelTable = (sheet.tables ?? []).find((t) => rectContains(t.rect, h.row, h.left));
    covered.push({ h, top: h.top, last: lastRow });
    const layout: TableLayout = {
      sheet: sheet.name,
      headerRow: h.row,
      columns: h.columns,
      left: h.left,
      right: h.right,
      firstRow: h.row + 1,
      lastRow,
      lang: h.lang,
      excelTable,
    };
    if (h.top !== h.row) layout.headerTop = h.top;
    if (h.rounds.length) layout.rounds = h.rounds;
    if (rowsBelow.length) layout.rowsBelow = rowsBelow;
    tables.push(layout);
  }
  return tables;
}

/** The first of `headers` (ordered by top) from `from` on that starts on `row`, as `find` would give it. */
function headerAt(headers: readonly HeaderMatch[], from: number, row: number): HeaderMatch | undefined {
  for (let i = from; i < headers.length && headers[i].top <= row; i++)
    if (headers[i].top === row) return headers[i];
  return undefined;
}

/** The bonus/penalty rows right under a total row (blank rows between allowed): the last of them. */
function adjustmentsAfter(sheet: SheetSnapshot, totalRow: number, h: HeaderMatch, bottom: number): number {
  let last = totalRow;
  let blanks = 0;
  for (let row = totalRow + 1; row <= bottom && blanks <= 2; row++) {
    if (isBlankRow(sheet, row, h.left, h.right)) {
      blanks++;
      continue;
    }
    blanks = 0;
    const texts = [h.columns.code, h.columns.name].map((c) =>
      c === undefined ? "" : cellText(cellAt(sheet, row, c)),
    );
    // The final score after the block («Tổng điểm sau khi cộng, trừ») closes it.
    if (last !== totalRow && texts.some((t) => isFinalTotal(t))) return row;
    if (!texts.some((t) => adjustmentOf(t) !== null)) {
      // A criterion under a bonus/penalty heading ("9.1 Có sáng kiến …") belongs to the block.
      const code = h.columns.code !== undefined ? parseCode(cellAt(sheet, row, h.columns.code)) : null;
      if (last === totalRow || !code || code.depth < 2) break;
    }
    last = row;
  }
  return last;
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
