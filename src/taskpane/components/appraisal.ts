/**
 * What the overview shows of a table's appraisal and of its bonus/penalty block (issue 11 items 3 and 4),
 * selected and ordered from the summary the app layer made: every figure (a row's cut, the domains' sum,
 * the difference, where the block sits) is the engine's own; nothing here adds or subtracts. Pure, no
 * React, so what is shown is tested on its own.
 */
import type { CriterionView, Summary } from "../panelApi";

/** One criterion the appraisal cut: its self-assessed and appraised scores and the points cut (> 0). */
export interface AppraisalCut {
  row: number;
  code: string | null;
  name: string;
  self: number;
  appraised: number;
  cut: number;
}

/** One criterion without an appraised score yet: its self-assessed score counts. */
export interface NotAppraised {
  row: number;
  code: string | null;
  name: string;
  /** The self-assessed score that counts (null if the row could not be found). */
  self: number | null;
}

export interface Appraisal {
  /** Σ self-assessed scores of the domains. */
  self: number;
  /** Σ appraised scores of the domains (bonus and penalty points left out, as in `self`). */
  appraised: number;
  /** self − appraised. */
  difference: number;
  /** True when the total counts a bonus/penalty block: the two sums above leave it out. */
  beforeAdjustments: boolean;
  /** The criteria the appraisal cut, largest cut first (then in sheet order). */
  cuts: AppraisalCut[];
  /** The criteria not appraised yet («chưa thẩm định»), in sheet order. */
  notAppraised: NotAppraised[];
}

export interface Adjustments {
  bonus: number;
  /** By its size (the table may write it 1,5 or −1,5). */
  penalty: number;
  /**
   * "inside": the total counts the block (it sits above the total row, or the stated total includes it);
   * "after": an adjustment after a total that equals the domains, with the final score shown apart.
   */
  placement: "inside" | "after";
  /** Σ domain achieved, before the block. */
  domains: number;
  /** The table's total score (achieved). */
  total: number;
  /** The final score after the block ("after" only), else null. */
  final: number | null;
}

/**
 * The table has a bonus/penalty block that changes a figure (a block whose cells are all empty or zero
 * changes none and is not shown).
 */
function hasAdjustments(summary: Summary): boolean {
  const t = summary.total;
  return t.adjustments !== null && (t.bonus !== 0 || t.penalty !== 0 || t.final !== null);
}

/**
 * The rows that belong to a domain (the domain rows and the rows under them, in sheet order): not the bonus
 * or penalty rows, not the rows the engine could not place.
 */
function domainRows(summary: Summary): CriterionView[] {
  const domains = new Set(summary.domains.map((d) => d.row));
  const out: CriterionView[] = [];
  let level: number | null = null;
  for (const r of summary.rows) {
    if (domains.has(r.row)) level = r.level;
    else if (level !== null && r.level <= level) level = null;
    if (level !== null) out.push(r);
  }
  return out;
}

/** The points the appraisal cut from a row (the engine's selfDiff; a row not appraised has none). */
const cutOf = (r: CriterionView) => r.selfDiff ?? 0;

/**
 * The criteria the appraisal cut: every row of a domain whose self-assessed score is above its appraised
 * one, except a row whose cut is already shown by a row under it (a domain cut because one criterion was).
 */
export function appraisalCuts(summary: Summary): AppraisalCut[] {
  const rows = domainRows(summary);
  const cuts: AppraisalCut[] = [];
  rows.forEach((r, i) => {
    const cut = cutOf(r);
    if (cut <= 0) return;
    for (let j = i + 1; j < rows.length && rows[j].level > r.level; j++) if (cutOf(rows[j]) > 0) return;
    cuts.push({ row: r.row, code: r.code, name: r.name, self: r.self!, appraised: r.achieved!, cut });
  });
  return cuts.sort((a, b) => b.cut - a.cut || a.row - b.row);
}

/** Self-assessed against appraised, or null when the table does not have both columns. */
export function appraisalOf(summary: Summary): Appraisal | null {
  const { self, selfDiff, domainsAchieved } = summary.total;
  if (self === null || selfDiff === null) return null;
  const byRow = new Map(summary.rows.map((r) => [r.row, r]));
  const notAppraised = summary.issues
    .filter((i) => i.kind === "not-appraised")
    .map((i): NotAppraised => {
      const r = byRow.get(i.row);
      return {
        row: i.row,
        code: i.code ?? r?.code ?? null,
        name: r?.name ?? "",
        self: r?.self ?? r?.achieved ?? null,
      };
    })
    .sort((a, b) => a.row - b.row);
  return {
    self,
    appraised: domainsAchieved,
    difference: selfDiff,
    beforeAdjustments: hasAdjustments(summary) && summary.total.final === null,
    cuts: appraisalCuts(summary),
    notAppraised,
  };
}

/**
 * The bonus/penalty block, or null when the table has none (a block whose cells are all empty or zero
 * changes no figure and is not shown).
 */
export function adjustmentsOf(summary: Summary): Adjustments | null {
  if (!hasAdjustments(summary)) return null;
  const t = summary.total;
  return {
    bonus: t.bonus,
    penalty: t.penalty,
    // A final score apart only when the engine found the block after a total of the domains alone.
    placement: t.final !== null ? "after" : "inside",
    domains: t.domainsAchieved,
    total: t.achieved,
    final: t.final,
  };
}
