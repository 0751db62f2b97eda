/**
 * Reading the rows of a criteria table and scoring them: pure, never throws on cell content.
 * Bad cells become issues on the row; the row is still reported. The row-by-row reading is rowReader.ts.
 */
import type { SheetSnapshot } from "./types";
import { findTable, type Role, type TableLayout } from "./table";
import type { ParsedNumber } from "./numbers";
import { totalOf } from "./total";
import { scoreRows } from "./score";
import { RowReader } from "./rowReader";

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
  /** The self-assessed score («Điểm tự đánh giá», «Điểm tự chấm») when the table also has an appraisal. */
  self: number | null;
  /** self − achieved (the points the appraisal cut), when both are known. */
  selfDiff: number | null;
  /** Sheet column the achieved score was read from, when not the table's achieved column (an earlier
   * appraisal round, or the self-assessed score of a row not yet appraised). */
  achievedCol?: number;
  /** «Không áp dụng», «KAD», «N/A» (or "—" as max): left out of every max and achieved. */
  na: boolean;
  /** A bonus or penalty row («Điểm thưởng», «Điểm trừ»), or the heading of such a block ("both"). */
  adjust: "bonus" | "penalty" | "both" | null;
  /** A row the engine cannot place (numbers, no code, no domain): never added into a total. */
  unclassified: boolean;
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
  | "parent-missing"
  | "rows-below-table"
  | "formula-not-calculated"
  | "not-appraised"
  | "unclassified-row";

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
  /** Σ domain max (bonus rows and not-applicable rows excluded). */
  max: number;
  /** Σ domain achieved, + bonus − penalty when the bonus/penalty block counts in the total. */
  achieved: number;
  gap: number;
  percent: number | null;
  /** Bonus and penalty points of the bonus/penalty block (a penalty by its size); 0 without one. */
  bonus: number;
  penalty: number;
  /** Where the bonus/penalty block is: above the total row (in it), below it (an adjustment), or none. */
  adjustments: "above" | "below" | null;
  /** Indices (in rows) of the bonus and penalty rows whose points count. */
  adjustmentParts: number[];
  /** The final score when the block is an adjustment after a total that equals Σ domains. */
  final: number | null;
  /** Σ self-assessed scores of the domains, when the table has self-assessed and appraised columns. */
  self: number | null;
  /** The figures the total row states (null when blank or unreadable), or null without a total row. */
  official: { max: number | null; achieved: number | null } | null;
  /** Every row of the table was read: no unreadable cell, no unplaced row, nothing below the table. */
  complete: boolean;
  /** The recomputed max and achieved equal the stated ones to the hundredth (or nothing is stated). */
  agrees: boolean;
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
  skipped: { row: number; why: "blank" | "header" | "numbering" | "continuation" }[];
}

export type AnalyzeResult =
  | ({ ok: true } & Analysis)
  | { ok: false; error: "no-table" }
  | { ok: false; error: "ambiguous"; candidates: TableLayout[] };

/** Finds the table and analyses it. */
export function analyzeSheet(sheet: SheetSnapshot): AnalyzeResult {
  const found = findTable(sheet);
  if (!found.ok) return found;
  return { ok: true, ...analyzeTable(sheet, found.table) };
}

/** The rows of one table: read (criteria, tree, issues), scored, totalled. */
export function analyzeTable(sheet: SheetSnapshot, table: TableLayout): Analysis {
  const reader = new RowReader(sheet, table);
  reader.readAll();
  reader.markUnclassified();
  if (table.rowsBelow?.length) {
    const list = table.rowsBelow.map((r) => r + 1);
    reader.issues.push({
      kind: "rows-below-table",
      row: table.rowsBelow[0],
      code: null,
      data: { rows: list.slice(0, 10).join(", ") + (list.length > 10 ? ", …" : ""), count: list.length },
    });
  }
  scoreRows(sheet, table, reader.rows, reader.issues);
  const total = totalOf(sheet, reader);
  const issues = reader.issues.sort((a, b) => a.row - b.row);
  return { table, rows: reader.rows, total, issues, skipped: reader.skipped };
}

/**
 * The criteria a plan is written for: rows with a gap and no sub-criteria listed under them
 * (a domain row that lists its unmet children is covered by them; domain 9 alone is one).
 */
export function unmetCriteria(a: Pick<Analysis, "rows">): CriterionRow[] {
  return a.rows.filter((r) => r.children.length === 0 && r.gap !== null && r.gap > 0);
}
