/**
 * This year against last year (issue 11): fills the Comparison shape of comparison.ts, pairing rows with the one
 * "same criterion" rule (sameCriterion.ts: code and name first, then name where the set was renumbered). Pure.
 */

import type { ComparedRow, Comparison, ScorePair, Trend } from "./comparison";
import { matchCriteria } from "./sameCriterion";

/** What a row needs to be compared; the core's CriterionRow fits it. */
export interface CriterionLike {
  /** As written ("1.6.2", "II"), or null. */
  code: string | null;
  name: string;
  /** 1 for a domain, 2+ below. */
  level: number;
  max: number | null;
  achieved: number | null;
}

export interface CompareOptions {
  /** Stated totals, when the caller has them; otherwise the domains (level 1) are summed. */
  beforeTotal?: ScorePair;
  afterTotal?: ScorePair;
}

const EPS = 0.005;

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function pair(row: CriterionLike): ScorePair {
  return { max: row.max, achieved: row.achieved };
}

/** A gap: both numbers known and achieved below max. */
function unmet(p: ScorePair | null): boolean {
  return p !== null && p.max !== null && p.achieved !== null && p.achieved < p.max - EPS;
}

function trendOf(before: ScorePair | null, after: ScorePair | null): Trend {
  if (before === null) return "new";
  if (after === null) return "dropped";
  if (before.achieved === null || after.achieved === null) return "unchanged";
  // When the maximum changed (a criterion re-weighted), compare the share of the maximum achieved.
  let diff = after.achieved - before.achieved;
  let eps = EPS; // points are written to the hundredth
  if (
    before.max !== null &&
    after.max !== null &&
    before.max > 0 &&
    after.max > 0 &&
    before.max !== after.max
  ) {
    diff = after.achieved / after.max - before.achieved / before.max;
    eps = 1e-4;
  }
  if (diff > eps) return "improved";
  if (diff < -eps) return "regressed";
  return "unchanged";
}

function sumDomains(rows: readonly CriterionLike[]): ScorePair {
  const top = rows.some((r) => r.level === 1) ? rows.filter((r) => r.level === 1) : rows;
  let max: number | null = null;
  let achieved: number | null = null;
  for (const r of top) {
    if (r.max !== null) max = round2((max ?? 0) + r.max);
    if (r.achieved !== null) achieved = round2((achieved ?? 0) + r.achieved);
  }
  return { max, achieved };
}

/**
 * Every row of either year, in this year's order (rows only last year had come after their neighbour above),
 * with both years' scores, the change and its trend, and whether the criterion is still or newly unmet.
 */
export function compareYears(
  before: readonly CriterionLike[],
  after: readonly CriterionLike[],
  options: CompareOptions = {},
): Comparison {
  const rows: ComparedRow[] = matchCriteria(before, after).map(({ before: b, after: a }) => {
    const ref = (a ?? b) as CriterionLike;
    const bp = b ? pair(b) : null;
    const ap = a ? pair(a) : null;
    const delta =
      bp !== null && ap !== null && bp.achieved !== null && ap.achieved !== null
        ? round2(ap.achieved - bp.achieved)
        : null;
    const nowUnmet = unmet(ap);
    return {
      code: ref.code,
      name: ref.name,
      level: ref.level,
      before: bp,
      after: ap,
      delta,
      trend: trendOf(bp, ap),
      stillUnmet: nowUnmet && unmet(bp),
      newlyUnmet: nowUnmet && !unmet(bp),
    };
  });
  const tb = options.beforeTotal ?? sumDomains(before);
  const ta = options.afterTotal ?? sumDomains(after);
  return { total: { before: tb, after: ta, delta: round2((ta.achieved ?? 0) - (tb.achieved ?? 0)) }, rows };
}
