/**
 * This year against last year: the shape every front end shows and the CLI's `compare --json` prints.
 * `compareYears` (src/core/compare.ts) fills it, matching criteria with the one "same criterion" rule.
 */

export type Trend = "improved" | "regressed" | "unchanged" | "new" | "dropped";

export interface ScorePair {
  max: number | null;
  achieved: number | null;
}

export interface ComparedRow {
  code: string | null;
  name: string;
  /** 1 for a domain, 2+ for criteria below it. */
  level: number;
  before: ScorePair | null;
  after: ScorePair | null;
  /** after.achieved − before.achieved, to the hundredth; null when either side is missing. */
  delta: number | null;
  trend: Trend;
  /** Unmet (a gap) in both years. */
  stillUnmet: boolean;
  /** Met (or absent) last year, unmet this year. */
  newlyUnmet: boolean;
}

export interface Comparison {
  total: { before: ScorePair; after: ScorePair; delta: number };
  rows: ComparedRow[];
}
