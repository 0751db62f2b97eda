/**
 * A row formula (CellInput "rowFormula", core/rowFormula.ts) read once per object: whether it keeps its
 * contract, for prepare's checks, and the closure the model evaluates it by on any row, compiled once. The
 * contract is read with the tokenizer's own scan (formulaTokens.ts's shapeKey and its marks) and confirmed
 * by the compiler's tokens, at two rows whose numbers differ in length: the relative rows of its
 * references are exactly its join points. Pure.
 */
import type { RowFormula } from "./rowFormula";
import { shapeKey } from "./formulaTokens";
import { compileFormula, type Compiled } from "./formulaCompile";
import { UnsupportedFormula } from "./formulaValues";

/** The rows the contract is read at (0-based): "1" and "1048576", the first and the last of a sheet. */
const READ_AT = [0, 1048575] as const;

/** What one row formula is. */
export interface RowFormulaReading {
  /** Why it breaks the contract (null: it keeps it). */
  problem: string | null;
  /** The characters of its text besides its row numbers. */
  fixed: number;
  /** How many row numbers its text has (its join points). */
  joins: number;
  /**
   * Its value on a row, as evaluateFormula of its text on that row gives it (the same cells read, the same
   * values, errors and UnsupportedFormula); null when it breaks the contract.
   */
  run: Compiled | null;
}

/**
 * Readings by object, with the parts read. A frozen one's (rowFormula makes them so) cannot change; another's
 * (a copy made by structured clone, say) is read again only when its parts are no longer those read.
 */
const READINGS = new WeakMap<RowFormula, { parts: readonly unknown[] | null; reading: RowFormulaReading }>();

/** The characters of a row formula's text on sheet row `row` (0-based), without making the text. */
export function rowFormulaLength(r: RowFormulaReading, row: number): number {
  let digits = 1;
  for (let n = row + 1; n >= 10; n = Math.floor(n / 10)) digits++;
  return r.fixed + r.joins * digits;
}

/** `f` read, once per object while its parts stay the ones read. */
export function readRowFormula(f: RowFormula): RowFormulaReading {
  const hit = READINGS.get(f);
  if (hit && (hit.parts === null || sameParts(hit.parts, f.parts))) return hit.reading;
  const reading = read(f);
  if (Object.isFrozen(f) && Object.isFrozen(f.parts)) READINGS.set(f, { parts: null, reading });
  else if (Array.isArray(f.parts)) READINGS.set(f, { parts: [...f.parts], reading });
  return reading;
}

/** `b` is a list holding `a`'s items in order. */
function sameParts(a: readonly unknown[], b: unknown): boolean {
  if (!Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const broken = (problem: string): RowFormulaReading => ({ problem, fixed: 0, joins: 0, run: null });

function read(f: RowFormula): RowFormulaReading {
  const parts: unknown = f.parts;
  if (!Array.isArray(parts) || parts.length < 2 || !parts.every((p) => typeof p === "string"))
    return broken("a row formula needs at least two parts of text");
  let fixed = 0;
  for (const p of parts as string[]) fixed += p.length;
  const joins = parts.length - 1;
  const marks: number[] = [];
  let run: Compiled | null = null;
  for (const row of READ_AT) {
    const n = String(row + 1);
    const text = parts.join(n);
    if (text.replace(/^=/, "").trim() === "") return broken("a row formula's text is empty");
    // Its join points in the text: where each row number starts and ends.
    const at: number[] = [];
    let p = 0;
    for (let k = 0; k < joins; k++) {
      p += (parts[k] as string).length;
      at.push(p, p + n.length);
      p += n.length;
    }
    if (shapeKey(text, row, marks) === null || !sameParts(marks, at))
      return broken(`a row formula's row numbers are not the relative rows of its references («${text}»)`);
    if (run === null) {
      // The tokenizer's references confirm the scan's (null: a join point is no reference's row).
      try {
        run = compileFormula(text, at, row);
      } catch (e) {
        if (!(e instanceof UnsupportedFormula)) throw e;
      }
      if (run === null) return broken(`a row formula cannot be read as references («${text}»)`);
    }
  }
  return { problem: null, fixed, joins, run };
}
