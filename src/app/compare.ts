/**
 * This year against last year (issue 12 §2) for every front end: two snapshots (two files in the CLI, two
 * sheets in the panel) → the core's Comparison (src/core/comparison.ts), rows paired by the one "same
 * criterion" rule, and the lists the text and the panel call out: improved, regressed, still unmet, newly
 * unmet. Pure.
 */
import {
  analyzeSheet,
  compareYears,
  type Analysis,
  type ComparedRow,
  type Comparison,
  type SheetSnapshot,
} from "../core";
import { userError, type Bilingual, type UserError } from "./errors";

export type { ComparedRow, Comparison };

export interface ComparisonLists {
  improved: ComparedRow[];
  regressed: ComparedRow[];
  stillUnmet: ComparedRow[];
  newlyUnmet: ComparedRow[];
}

export type CompareOutcome =
  | { ok: true; comparison: Comparison; lists: ComparisonLists }
  | { ok: false; error: UserError; which: "before" | "after" };

/** The core's comparison of two analysed tables (the total: each table's own total). */
export function compareAnalyses(before: Analysis, after: Analysis): Comparison {
  const total = (a: Analysis) => ({ max: a.total.max, achieved: a.total.achieved });
  return compareYears(before.rows, after.rows, { beforeTotal: total(before), afterTotal: total(after) });
}

/** The rows each list calls out, in this year's order. */
export function comparisonLists(c: Comparison): ComparisonLists {
  return {
    improved: c.rows.filter((r) => r.trend === "improved"),
    regressed: c.rows.filter((r) => r.trend === "regressed"),
    stillUnmet: c.rows.filter((r) => r.stillUnmet),
    newlyUnmet: c.rows.filter((r) => r.newlyUnmet),
  };
}

/** Last year's criteria sheet against this year's. */
export function compareSheets(before: SheetSnapshot, after: SheetSnapshot): CompareOutcome {
  const b = analyzeSheet(before);
  if (!b.ok) return { ok: false, error: userError(b.error), which: "before" };
  const a = analyzeSheet(after);
  if (!a.ok) return { ok: false, error: userError(a.error), which: "after" };
  const comparison = compareAnalyses(b, a);
  return { ok: true, comparison, lists: comparisonLists(comparison) };
}

/** The words of a trend, for lists and tables. */
export const TREND_WORDS: Record<ComparedRow["trend"], Bilingual> = {
  improved: { vi: "tăng", en: "improved" },
  regressed: { vi: "giảm", en: "regressed" },
  unchanged: { vi: "không đổi", en: "unchanged" },
  new: { vi: "mới", en: "new" },
  dropped: { vi: "bỏ", en: "dropped" },
};

/** The headings of the lists. */
export const LIST_WORDS: Record<keyof ComparisonLists, Bilingual> = {
  improved: { vi: "Tăng điểm", en: "Improved" },
  regressed: { vi: "Giảm điểm", en: "Regressed" },
  stillUnmet: { vi: "Vẫn chưa đạt", en: "Still unmet" },
  newlyUnmet: { vi: "Mới chưa đạt", en: "Newly unmet" },
};
