/**
 * What assign and the plan sheet share: the answers for an unmet criterion come from a RemedySource (the
 * catalogue, wired by the app layer), so the core stays free of data; and the rows that need one.
 */
import type { CellInput } from "./types";
import type { Analysis, CriterionRow } from "./analyze";
import { boundedMemo } from "./boundedMemo";

export interface Remedy {
  lead: string;
  implementers: string;
  tasks: string[];
}

export type RemedyField = "lead" | "implementers" | "tasks";

export interface RemedySource {
  /** The lead agency, implementers and tasks for an unmet criterion. */
  remedy(row: CriterionRow, analysis: Analysis): Remedy;
  /** Whether a cell's text is one the catalogue produces, so the add-in may overwrite it. */
  produced(field: RemedyField, text: string): boolean;
}

/**
 * The rows a plan is written for: unmet criteria with no sub-criteria listed, and parent rows whose listed
 * sub-criteria do not account for their whole gap (the rest of the gap still needs someone).
 */
export function rowsNeedingRemedy(a: Analysis): CriterionRow[] {
  return a.rows.filter((r) => {
    if (r.gap === null || r.gap <= 0) return false;
    if (r.children.length === 0) return true;
    const kids = r.children.reduce((s, i) => s + Math.max(0, a.rows[i].gap ?? 0), 0);
    return kids + 0.005 < r.gap;
  });
}

/** A text cell, or a blank one for "". */
export const textOrBlank = (t: string): CellInput =>
  t === "" ? { kind: "blank" } : { kind: "text", text: t };

/**
 * textOrBlank for the texts that repeat down a table (agencies, tasks, statuses): one shared, frozen cell per
 * distinct text, so the same lead agency on thousands of rows is one object. Nothing changes a planned cell.
 */
export const sharedText = boundedMemo((t: string): CellInput => Object.freeze(textOrBlank(t)), 10_000);
