/**
 * PlanDocumentInput from the core's analysis of the results table: every domain (level-1 row) with the unmet
 * criteria under it (unmetCriteria: rows with a gap and no sub-criteria listed, so a domain scored as a whole,
 * such as domain 9, is its own criterion). Who does what comes from the caller's `remedy`, so that the app
 * layer decides where answers come from (the sheet's own columns winning over the catalogue). Pure.
 */
import { unmetCriteria, type Analysis, type CriterionRow } from "../core/analyze";
import type { PlanCriterion, PlanDocumentInput, PlanDomain } from "./model";

export interface RemedyAnswer {
  lead: string;
  implementers: string;
  tasks: string[];
}

export type PlanInputRest = Omit<PlanDocumentInput, "total" | "domains"> & {
  /** The official percent the sheet states, if any (85.32 for 85,32%). */
  statedPercent?: number | null;
};

/** The domain key ("6") of a criterion key ("6.1.2"). */
const domainKey = (key: string) => key.split(".")[0];

export function planInputFromAnalysis(
  a: Pick<Analysis, "rows" | "total">,
  remedy: (row: CriterionRow) => RemedyAnswer,
  rest: PlanInputRest,
): PlanDocumentInput {
  const criterion = (r: CriterionRow): PlanCriterion => {
    const answer = remedy(r);
    return {
      code: r.code ?? r.key ?? "",
      name: r.name,
      level: r.level,
      max: r.max,
      achieved: r.achieved,
      gap: r.gap,
      reason: r.reason,
      lead: answer.lead,
      implementers: answer.implementers,
      tasks: [...answer.tasks],
    };
  };
  const domains: PlanDomain[] = a.rows
    .filter((r) => r.level === 1)
    .map((d) => ({
      code: d.code ?? d.key ?? "",
      name: d.name,
      max: d.max,
      achieved: d.achieved,
      gap: d.gap,
      criteria: [],
    }));
  const byKey = new Map<string, PlanDomain>();
  a.rows.filter((r) => r.level === 1).forEach((r, i) => r.key && byKey.set(r.key, domains[i]));
  for (const r of unmetCriteria(a)) {
    const key = r.key ? domainKey(r.key) : "";
    let domain = byKey.get(key);
    if (!domain) {
      // A criterion whose domain row is missing from the table: a domain of its own, named by its code.
      domain = {
        code: key,
        name: key ? `Lĩnh vực ${key}` : "",
        max: null,
        achieved: null,
        gap: null,
        criteria: [],
      };
      byKey.set(key, domain);
      domains.push(domain);
    }
    domain.criteria.push(criterion(r));
  }
  const { statedPercent, ...others } = rest;
  return {
    ...others,
    total: { max: a.total.max, achieved: a.total.achieved, percent: a.total.percent, statedPercent },
    domains,
  };
}
