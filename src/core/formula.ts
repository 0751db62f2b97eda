/**
 * A small Excel formula evaluator and reference shifter, enough for the formulas the add-in writes
 * (ROUND, IF, OR, AND, SUM, COUNT, NUMBERVALUE, SUBSTITUTE, ABS, arithmetic, comparisons) and for simple user formulas.
 * Used to simulate a change set on a snapshot (playground, xlsx cached results, tests). Each formula is
 * compiled once (formulaCompile.ts), by its text or, given its row, by its shape (formulaTokens.ts's
 * shapeKey), so a column of formulas that differ only by row number is read once. Pure.
 */
import type { CellValue, SheetSnapshot } from "./types";
import { cellAt, formatAt } from "./table";
import { columnIndex, columnLetter } from "./address";
import { rewriteRefs, shiftSpan } from "./refShift";
import { compileFormula, type CellGetter, type Compiled } from "./formulaCompile";
import { shapeKey } from "./formulaTokens";
import { UnsupportedFormula } from "./formulaValues";

export { FormulaError, UnsupportedFormula } from "./formulaValues";
export type { CellGetter } from "./formulaCompile";

/** Compiled formulas by text, and by shape (shapeKey) for the callers that give the formula's row. */
const BY_TEXT = new Map<string, Compiled>();
const BY_SHAPE = new Map<string, Compiled | typeof UNSHAPED>();
/** A shape whose first formula did not confirm the scan's references: its formulas go by text. */
const UNSHAPED = 0;
/** Past this many entries a cache is emptied at once (as boundedMemo does): runaway input, bounded memory. */
const CACHE_LIMIT = 100_000;
/** shapeKey's marks, reused: the scan allocates nothing but the key. */
const MARKS: number[] = [];

function byText(formula: string): Compiled {
  let run = BY_TEXT.get(formula);
  if (!run) {
    // No marks: every row is read as written, so the compiled formula always exists.
    run = compileFormula(formula, [], 0)!;
    if (BY_TEXT.size >= CACHE_LIMIT) BY_TEXT.clear();
    BY_TEXT.set(formula, run);
  }
  return run;
}

/**
 * Evaluates a formula ("=ROUND(C5-D5,2)"); errors come back as Excel shows them ("#VALUE!"). A formula
 * beyond the evaluator throws UnsupportedFormula (after reading the cells it read before that point).
 * `row`, the formula cell's row (0-based), only lets formulas that differ by their relative rows share one
 * compilation ("=ROUND(C5-D5,2)" on row 4, "=ROUND(C6-D6,2)" on row 5): the value is the same whatever
 * row is given (a row that is no integer is ignored).
 */
export function evaluateFormula(
  formula: string,
  get: CellGetter,
  sheet: string | null = null,
  row?: number,
): CellValue {
  // Offsets from a row that is no integer (NaN, Infinity) would not tell row numbers apart.
  if (row !== undefined && Number.isSafeInteger(row)) {
    const key = shapeKey(formula, row, MARKS);
    if (key !== null) {
      let run = BY_SHAPE.get(key);
      if (run === undefined) {
        run = compileFormula(formula, MARKS, row) ?? UNSHAPED;
        if (BY_SHAPE.size >= CACHE_LIMIT) BY_SHAPE.clear();
        BY_SHAPE.set(key, run);
      }
      if (run !== UNSHAPED) return run(get, sheet, row);
    }
  }
  return byText(formula)(get, sheet, 0);
}

/** A reference in formula text: cell, cell range or whole-column range, with an optional sheet. */
const ANY_REF_AT = new RegExp(
  String.raw`(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Za-z]{1,3})(\$?\d+)?(?::(\$?)([A-Za-z]{1,3})(\$?\d+)?)?`,
  "y",
);

/**
 * Moves column references the way Excel does when `count` columns are inserted at `at` (negative count:
 * deleted) on sheet `target`; `home` is the sheet the formula lives on. With `rows`, only references whose
 * rows lie inside them move (cells inserted in an Excel table's rows, not whole columns). A reference into
 * deleted columns becomes #REF!; a range loses its deleted part.
 */
export function shiftFormulaColumns(
  formula: string,
  target: string,
  home: string,
  at: number,
  count: number,
  rows?: { top: number; bottom: number },
): string {
  const rowOf = (r: string | undefined) => (r === undefined ? null : parseInt(r.replace("$", ""), 10) - 1);
  // A cell needs a row number; a column range needs both ends ("F:F").
  const isRef = (m: RegExpExecArray) =>
    m[4] !== undefined ? m[6] === undefined || m[7] !== undefined : m[6] !== undefined && m[7] === undefined;
  return rewriteRefs(
    formula,
    ANY_REF_AT,
    home,
    (m, sheet, prefix) => {
      const r1 = rowOf(m[4]);
      const r2 = m[6] !== undefined ? rowOf(m[7]) : r1;
      const inRows = !rows || r1 === null || (r1 >= rows.top && (r2 ?? r1) <= rows.bottom);
      if (sheet !== target || !inRows) return null;
      const c1 = columnIndex(m[3]);
      const span = shiftSpan(c1, m[6] !== undefined ? columnIndex(m[6]) : c1, at, count);
      if (!span) return `${prefix}#REF!`;
      const cell = (d: string, c: number, r: string | undefined) => `${d}${columnLetter(c)}${r ?? ""}`;
      return prefix + cell(m[2], span[0], m[4]) + (m[6] !== undefined ? `:${cell(m[5], span[1], m[7])}` : "");
    },
    isRef,
  );
}

/**
 * A formula's value when the file kept none: evaluated over the snapshot (nested formulas too); "" for an
 * empty result (IF(…,"",…)); null when it cannot be calculated (an error, another sheet, a function the
 * evaluator does not know).
 */
export function evaluateUncached(sheet: SheetSnapshot, formula: string): number | "" | null {
  const seen = new Set<string>();
  const get = (depth: number) => (name: string | null, row: number, col: number) => {
    if (name !== null && name !== sheet.name) throw new UnsupportedFormula(`sheet ${name}`);
    // Text stays text, as in a spreadsheet (SUM skips decimal-comma text).
    const v = cellAt(sheet, row, col);
    if (v !== null) return v;
    const f = formatAt(sheet, sheet.formulas, row, col);
    if (!f) return null;
    const key = `${row},${col}`;
    if (seen.has(key) || depth > 20) throw new UnsupportedFormula("circular");
    seen.add(key);
    const r = evaluateFormula(f, get(depth + 1), sheet.name, row);
    seen.delete(key);
    return r;
  };
  try {
    const v = evaluateFormula(formula, get(0), sheet.name);
    if (v === "" || v === null) return "";
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}
