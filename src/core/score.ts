/**
 * Scoring the rows a reader read: effective max and achieved (a parent without numbers takes its
 * children's sums), gap, percent, status, and the checks against what the sheet states. Pure.
 */
import type { SheetSnapshot } from "./types";
import type { CriterionRow, Issue } from "./analyze";
import { formatAt, type TableLayout } from "./table";
import { differs, round2 } from "./numbers";
import { percentValue } from "./total";

const NO_ROWS: readonly CriterionRow[] = Object.freeze([]);

/**
 * The children that count in a parent's sums (not bonus/penalty rows, not unplaced ones) and have a max and
 * an achieved score.
 */
function scoredChildren(rows: readonly CriterionRow[], children: readonly number[]): CriterionRow[] {
  const out: CriterionRow[] = [];
  for (let i = 0; i < children.length; i++) {
    const c = rows[children[i]];
    if (c.adjust === null && !c.unclassified && c.max !== null && c.achieved !== null) out.push(c);
  }
  return out;
}

/**
 * sum2 of the children's max, achieved or gap (a negative gap as 0): the same additions in the same order,
 * without a list of numbers per parent (lists of whole numbers and of fractions made the scoring loop's
 * optimised code be thrown away and made again on a first analysis).
 */
function childrenSum(kids: readonly CriterionRow[], of: "max" | "achieved" | "gap"): number {
  let s = 0;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    s += of === "max" ? k.max! : of === "achieved" ? k.achieved! : Math.max(0, k.gap!);
  }
  return round2(s);
}

export function scoreRows(
  sheet: SheetSnapshot,
  table: TableLayout,
  rows: CriterionRow[],
  issues: Issue[],
): void {
  // Children come after their parents, so walking backwards scores children first.
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    const sm = r.stated.max.kind === "number" ? r.stated.max.value : null;
    const sa = r.stated.achieved.kind === "number" ? r.stated.achieved.value : null;
    if (r.na || r.adjust !== null) {
      // Not applicable: no max, no score. Bonus/penalty: points, not a criterion with a gap.
      r.max = r.na ? null : sm;
      r.achieved = r.na ? null : sa;
      r.status = "met";
      continue;
    }
    // Most rows are leaves: no child lists built for them.
    const scoredKids = r.children.length === 0 ? NO_ROWS : scoredChildren(rows, r.children);
    r.max = sm;
    r.achieved = sa;
    if ((sm === null || sa === null) && scoredKids.length > 0) {
      if (sm === null) r.max = childrenSum(scoredKids, "max");
      if (sa === null) r.achieved = childrenSum(scoredKids, "achieved");
      r.derived = true;
    }
    if (r.self !== null && r.achieved !== null && r.achievedCol !== table.columns.self)
      r.selfDiff = round2(r.self - r.achieved);
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
      const kidMax = childrenSum(scoredKids, "max");
      const kidGap = childrenSum(scoredKids, "gap");
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
    const sp =
      r.stated.percent.kind !== "number"
        ? null
        : percentValue(
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
