/**
 * Formulas filled down a column (CellInput "rowFormula"): one object per way of writing a row, its text on a
 * row made only when a host or the model needs it.
 */
import type { CellInput } from "./types";

export type RowFormula = Extract<CellInput, { kind: "rowFormula" }>;

/** A row formula from its parts (the text between the row numbers). At least one row number. */
export function rowFormula(parts: readonly string[]): RowFormula {
  if (parts.length < 2) throw new Error("a row formula needs at least one row number");
  return Object.freeze({ kind: "rowFormula", parts: Object.freeze([...parts]) });
}

/** The formula text `input` writes on sheet row `row` (0-based); null for an input that is no formula. */
export function formulaTextAt(input: CellInput, row: number): string | null {
  if (input.kind === "formula") return input.formula;
  if (input.kind === "rowFormula") return input.parts.join(String(row + 1));
  return null;
}
