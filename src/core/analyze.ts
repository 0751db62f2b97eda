/**
 * Reading the rows of a criteria table and scoring them: pure, never throws on cell content.
 * Bad cells become issues on the row; the row is still reported.
 */
import type { SheetSnapshot } from "./types";
import { cellAt, findTable, formatAt, isTotalRow, matchHeaders, type Role, type TableLayout } from "./table";
import { cellText, isBlankCell, parseCode } from "./text";
import { differs, parseNumber, round2, sum2, type ParsedNumber } from "./numbers";

export type Status = "met" | "partial" | "zero" | "unscored";

export type NumberRole = "max" | "achieved" | "gap" | "percent";

export interface CriterionRow {
  /** Sheet row. */
  row: number;
  /** Code as written ("1.6.2", "II"), or null. */
  code: string | null;
  /** Canonical key ("1.6.2", "2" for "II"), or null for a row without a code. */
  key: string | null;
  /** Depth of the code: 1 for a domain. */
  level: number;
  name: string;
  reason: string;
  /** Rows below that continued this row's wrapped text. */
  continuationRows: number[];
  /** Index (in rows) of the parent, or null for a top-level row. */
  parent: number | null;
  children: number[];
  /** Numbers as read from the cells. */
  stated: Record<NumberRole, ParsedNumber>;
  /** Effective max and achieved: the stated ones, or the children's sums for a parent without numbers. */
  max: number | null;
  achieved: number | null;
  /** True when max/achieved were summed from the children. */
  derived: boolean;
  gap: number | null;
  percent: number | null;
  status: Status;
}

export type IssueKind =
  | "achieved-over-max"
  | "negative"
  | "unparseable"
  | "children-gap-exceeds"
  | "children-max-exceeds"
  | "stated-gap-differs"
  | "stated-percent-differs"
  | "stated-total-differs"
  | "duplicate-code"
  | "parent-missing";

export interface Issue {
  kind: IssueKind;
  /** Sheet row the issue points at. */
  row: number;
  code: string | null;
  /** Column role involved, when one cell is at fault. */
  column?: Role;
  /** The numbers (or text) involved. */
  data: Record<string, number | string>;
}

export interface Total {
  max: number;
  achieved: number;
  gap: number;
  percent: number | null;
  /** Sheet row of the table's total row, if it has one. */
  row: number | null;
  /** Indices (in rows) of the rows the total adds up: the level-1 rows. */
  parts: number[];
  stated: Record<NumberRole, ParsedNumber> | null;
}

export interface Analysis {
  table: TableLayout;
  rows: CriterionRow[];
  total: Total;
  issues: Issue[];
  /** Rows inside the table that are not criteria: blank, repeated header, continuation. */
  skipped: { row: number; why: "blank" | "header" | "continuation" }[];
}

export type AnalyzeResult =
  | ({ ok: true } & Analysis)
  | { ok: false; error: "no-table" }
  | { ok: false; error: "ambiguous"; candidates: TableLayout[] };

const NUMBER_ROLES: readonly NumberRole[] = ["max", "achieved", "gap", "percent"];
const BLANK: ParsedNumber = { kind: "blank" };
/** Shared empty list for rows without children or continuation rows (most of them); replaced on first push. */
const NONE: number[] = Object.freeze([]) as unknown as number[];

function isUpperName(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, "");
  return letters.length >= 3 && letters === letters.toLocaleUpperCase("vi");
}

/** Reads a percent cell as a number of percent (85.32), whatever its form. */
function percentValue(p: ParsedNumber, numberFormat: string | null | undefined): number | null {
  if (p.kind !== "number") return null;
  if (p.style === "number" && numberFormat && numberFormat.includes("%")) return p.value * 100;
  return p.value;
}

/** Finds the table and analyses it. */
export function analyzeSheet(sheet: SheetSnapshot): AnalyzeResult {
  const found = findTable(sheet);
  if (!found.ok) return found;
  return { ok: true, ...analyzeTable(sheet, found.table) };
}

/** Reads the rows of one table, top to bottom: each row is skipped, ends the table (total) or is a criterion. */
class RowReader {
  readonly issues: Issue[] = [];
  readonly skipped: Analysis["skipped"] = [];
  readonly rows: CriterionRow[] = [];
  totalRow: number | null = null;
  private readonly cols: TableLayout["columns"];
  private readonly byKey = new Map<string, number>();
  /** The Roman-numbered domain the rows are under ("II" → 2), if any. */
  private romanDomain: number | null = null;
  /** Index of the last row without a code whose name is in capitals (a domain). */
  private lastUpper: number | null = null;
  // Score cells repeat ("1,00", "0,50", 0.25…): parse each distinct content once and share the result.
  private readonly numberCache = new Map<unknown, ParsedNumber>();

  constructor(
    private readonly sheet: SheetSnapshot,
    readonly table: TableLayout,
  ) {
    this.cols = table.columns;
  }

  text(row: number, role: Role): string {
    const c = this.cols[role];
    return c === undefined ? "" : cellText(cellAt(this.sheet, row, c));
  }

  num(row: number, role: NumberRole): ParsedNumber {
    const c = this.cols[role];
    if (c === undefined) return BLANK;
    const v = cellAt(this.sheet, row, c);
    let p = this.numberCache.get(v);
    if (p === undefined) this.numberCache.set(v, (p = Object.freeze(parseNumber(v))));
    return p;
  }

  /** Reads every row; stops at the total row. */
  readAll(): void {
    for (let row = this.table.firstRow; row <= this.table.lastRow; row++) if (!this.readRow(row)) break;
  }

  /** One row; false when it is the total row (the table ends there). */
  private readRow(row: number): boolean {
    const { sheet, table } = this;
    const line = sheet.values[row - sheet.top] ?? [];
    let blank = true;
    for (let c = table.left; c <= table.right && blank; c++)
      if (!isBlankCell(line[c - sheet.left])) blank = false;
    if (blank) {
      this.skipped.push({ row, why: "blank" });
      return true;
    }
    const stated = {} as Record<NumberRole, ParsedNumber>;
    for (const r of NUMBER_ROLES) stated[r] = this.num(row, r);
    // Only a row with text where the scores should be can be a repeated header.
    if (
      (stated.max.kind === "invalid" || stated.achieved.kind === "invalid") &&
      matchHeaders(sheet, row).length > 0
    ) {
      this.skipped.push({ row, why: "header" });
      return true;
    }
    if (isTotalRow(sheet, row, this.cols)) {
      this.totalRow = row;
      for (const r of NUMBER_ROLES)
        if (stated[r].kind === "invalid")
          this.issues.push({
            kind: "unparseable",
            row,
            code: null,
            column: r,
            data: { text: cellText(cellAt(sheet, row, this.cols[r]!)) },
          });
      return false;
    }
    const codeText = this.text(row, "code");
    const name = this.text(row, "name");
    const hasNumbers = NUMBER_ROLES.some((r) => stated[r].kind !== "blank");
    // A row with no code and no numbers continues the previous row's wrapped text (in a table without
    // codes, a name in capitals is a domain heading instead).
    const heading = this.cols.code === undefined && isUpperName(name);
    if (codeText === "" && !hasNumbers && !heading) {
      this.continueRow(row, name);
      return true;
    }
    this.addCriterion(row, codeText, name, stated);
    return true;
  }

  /** A continuation row: its name and reason are appended to the previous criterion's. */
  private continueRow(row: number, name: string): void {
    const prev = this.rows[this.rows.length - 1];
    if (prev) {
      if (name) prev.name = `${prev.name} ${name}`.trim();
      const reason = this.text(row, "reason");
      if (reason) prev.reason = `${prev.reason} ${reason}`.trim();
      if (prev.continuationRows === NONE) prev.continuationRows = [];
      prev.continuationRows.push(row);
    }
    this.skipped.push({ row, why: "continuation" });
  }

  /** The canonical key of a row's code: within the current Roman domain when there is one. */
  private keyOf(row: number, codeText: string): string | null {
    const parsed = codeText === "" ? null : parseCode(cellAt(this.sheet, row, this.cols.code!));
    if (codeText !== "" && !parsed)
      this.issues.push({
        kind: "unparseable",
        row,
        code: codeText,
        column: "code",
        data: { text: codeText },
      });
    if (!parsed) return null;
    if (parsed.roman) {
      this.romanDomain = parsed.first;
      return parsed.key;
    }
    // Under a Roman-numbered domain, "1" and "1.2" are numbered within the domain.
    if (this.romanDomain !== null && !(parsed.depth >= 2 && parsed.first === this.romanDomain))
      return `${this.romanDomain}.${parsed.key}`;
    return parsed.key;
  }

  /** Level and parent of the row about to be added at `index`: by its key, else by capitals in the name. */
  private placeInTree(
    row: number,
    index: number,
    key: string | null,
    codeText: string,
    name: string,
  ): { level: number; parent: number | null } {
    let parent: number | null = null;
    if (key) {
      let level = 1;
      for (let i = key.indexOf("."); i !== -1; i = key.indexOf(".", i + 1)) level++;
      for (
        let cut = key.lastIndexOf(".");
        cut !== -1 && parent === null;
        cut = key.lastIndexOf(".", cut - 1)
      ) {
        const p = this.byKey.get(key.slice(0, cut));
        if (p !== undefined) parent = p;
      }
      if (parent === null && level > 1) {
        this.issues.push({
          kind: "parent-missing",
          row,
          code: codeText,
          data: { parent: key.slice(0, key.lastIndexOf(".")) },
        });
      }
      const dup = this.byKey.get(key);
      if (dup !== undefined) {
        this.issues.push({
          kind: "duplicate-code",
          row,
          code: codeText,
          data: { firstRow: this.rows[dup].row + 1 },
        });
      } else {
        this.byKey.set(key, index);
      }
      return { level, parent };
    }
    if (isUpperName(name) || this.lastUpper === null) {
      // No code: a name in capitals is a domain, as in the official tables.
      if (isUpperName(name)) this.lastUpper = index;
      return { level: 1, parent: null };
    }
    return { level: 2, parent: this.lastUpper };
  }

  private addCriterion(
    row: number,
    codeText: string,
    name: string,
    stated: Record<NumberRole, ParsedNumber>,
  ): void {
    const key = this.keyOf(row, codeText);
    const index = this.rows.length;
    const { level, parent } = this.placeInTree(row, index, key, codeText, name);
    for (const r of NUMBER_ROLES) {
      const p = stated[r];
      if (p.kind === "invalid") {
        this.issues.push({
          kind: "unparseable",
          row,
          code: codeText || null,
          column: r,
          data: { text: p.text },
        });
      } else if (p.kind === "number" && p.value < 0 && (r === "max" || r === "achieved")) {
        this.issues.push({
          kind: "negative",
          row,
          code: codeText || null,
          column: r,
          data: { value: p.value },
        });
      }
    }
    this.rows.push({
      row,
      code: codeText || null,
      key,
      level,
      name,
      reason: this.text(row, "reason"),
      continuationRows: NONE,
      parent,
      children: NONE,
      stated,
      max: null,
      achieved: null,
      derived: false,
      gap: null,
      percent: null,
      status: "unscored",
    });
    if (parent !== null) {
      const p = this.rows[parent];
      if (p.children === NONE) p.children = [];
      p.children.push(index);
    }
  }
}

/** The table's total: the sum of its level-1 rows, checked against the stated total row when there is one. */
function totalOf(sheet: SheetSnapshot, reader: RowReader): Total {
  const { rows, totalRow, issues } = reader;
  const hasLevel1 = rows.some((r) => r.parent === null && r.level === 1);
  const parts: number[] = [];
  rows.forEach((r, i) => {
    if (r.parent === null && (!hasLevel1 || r.level === 1) && r.max !== null && r.achieved !== null)
      parts.push(i);
  });
  const counted = parts.map((i) => rows[i]);
  const tMax = sum2(counted.map((r) => r.max!));
  const tAch = sum2(counted.map((r) => r.achieved!));
  const total: Total = {
    max: tMax,
    achieved: tAch,
    gap: round2(tMax - tAch),
    percent: tMax > 0 ? round2((tAch / tMax) * 100) : null,
    row: totalRow,
    parts,
    stated: null,
  };
  if (totalRow === null) return total;
  const stated = {} as Record<NumberRole, ParsedNumber>;
  for (const r of NUMBER_ROLES) stated[r] = reader.num(totalRow, r);
  total.stated = stated;
  const computed: Record<NumberRole, number | null> = {
    max: total.max,
    achieved: total.achieved,
    gap: total.gap,
    percent: total.percent,
  };
  const percentCol = reader.table.columns.percent ?? -1;
  for (const r of NUMBER_ROLES) {
    const s =
      r === "percent"
        ? percentValue(stated[r], formatAt(sheet, sheet.numberFormats, totalRow, percentCol))
        : stated[r].kind === "number"
          ? stated[r].value
          : null;
    const c = computed[r];
    if (s !== null && c !== null && differs(s, c)) {
      issues.push({
        kind: "stated-total-differs",
        row: totalRow,
        code: null,
        column: r,
        data: { stated: s, computed: c },
      });
    }
  }
  return total;
}

/** The rows of one table: read (criteria, tree, issues), scored, totalled. */
export function analyzeTable(sheet: SheetSnapshot, table: TableLayout): Analysis {
  const reader = new RowReader(sheet, table);
  reader.readAll();
  scoreRows(sheet, table, reader.rows, reader.issues);
  const total = totalOf(sheet, reader);
  const issues = reader.issues.sort((a, b) => a.row - b.row);
  return { table, rows: reader.rows, total, issues, skipped: reader.skipped };
}

function scoreRows(sheet: SheetSnapshot, table: TableLayout, rows: CriterionRow[], issues: Issue[]): void {
  // Children come after their parents, so walking backwards scores children first.
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    const sm = r.stated.max.kind === "number" ? r.stated.max.value : null;
    const sa = r.stated.achieved.kind === "number" ? r.stated.achieved.value : null;
    const kids = r.children.map((k) => rows[k]);
    const scoredKids = kids.filter((k) => k.max !== null && k.achieved !== null);
    r.max = sm;
    r.achieved = sa;
    if ((sm === null || sa === null) && kids.length > 0 && scoredKids.length > 0) {
      if (sm === null) r.max = sum2(scoredKids.map((k) => k.max!));
      if (sa === null) r.achieved = sum2(scoredKids.map((k) => k.achieved!));
      r.derived = true;
    }
    if (r.max === null || r.achieved === null) {
      r.status = "unscored";
      continue;
    }
    r.gap = round2(r.max - r.achieved);
    r.percent = r.max > 0 ? round2((r.achieved / r.max) * 100) : null;
    r.status = r.gap <= 0 ? "met" : r.achieved === 0 ? "zero" : "partial";
    const code = r.code;
    if (r.achieved > r.max + 1e-9) {
      issues.push({
        kind: "achieved-over-max",
        row: r.row,
        code,
        data: { max: r.max, achieved: r.achieved },
      });
    }
    if (!r.derived && scoredKids.length > 0) {
      const kidMax = sum2(scoredKids.map((k) => k.max!));
      const kidGap = sum2(scoredKids.map((k) => Math.max(0, k.gap!)));
      if (kidMax > r.max + 1e-9) {
        issues.push({
          kind: "children-max-exceeds",
          row: r.row,
          code,
          data: { max: r.max, childrenMax: kidMax },
        });
      }
      if (kidGap > Math.max(0, r.gap) + 1e-9) {
        issues.push({
          kind: "children-gap-exceeds",
          row: r.row,
          code,
          data: { gap: r.gap, childrenGap: kidGap },
        });
      }
    }
    const sg = r.stated.gap;
    if (sg.kind === "number" && differs(sg.value, r.gap)) {
      issues.push({
        kind: "stated-gap-differs",
        row: r.row,
        code,
        column: "gap",
        data: { stated: sg.value, computed: r.gap },
      });
    }
    const sp = percentValue(
      r.stated.percent,
      formatAt(sheet, sheet.numberFormats, r.row, table.columns.percent ?? -1),
    );
    if (sp !== null && r.percent !== null && differs(sp, r.percent)) {
      issues.push({
        kind: "stated-percent-differs",
        row: r.row,
        code,
        column: "percent",
        data: { stated: sp, computed: r.percent },
      });
    }
  }
}

/**
 * The criteria a plan is written for: rows with a gap and no sub-criteria listed under them
 * (a domain row that lists its unmet children is covered by them; domain 9 alone is one).
 */
export function unmetCriteria(a: Pick<Analysis, "rows">): CriterionRow[] {
  return a.rows.filter((r) => r.children.length === 0 && r.gap !== null && r.gap > 0);
}
