/**
 * Conditional formats as the core reads and shows them: which rules are the add-in's (a formula
 * signature every host keeps), and what a rule shows on a cell (the fill the user sees), evaluated with
 * the core's formula evaluator. Pure.
 */
import type { CellValue, ConditionalRule, SheetSnapshot } from "./types";
import { columnIndex, columnLetter } from "./address";
import { evaluateFormula, UnsupportedFormula } from "./formula";

/**
 * The add-in's rules start with this term (always true): what marks them as the add-in's in every host
 * (Excel, ExcelJS and LibreOffice keep a rule's formula as written), so "clear" removes only them.
 */
export const ADDIN_RULE_MARK = 'ISTEXT("PARINDEX")';

/** `condition` as an add-in rule's formula. */
export const addinFormula = (condition: string): string => `=AND(${ADDIN_RULE_MARK},${condition})`;

/** Whether a rule is one the add-in wrote. */
export const isAddinRule = (r: Pick<ConditionalRule, "formula">): boolean =>
  r.formula.replace(/\s+/g, "").toUpperCase().includes(ADDIN_RULE_MARK.toUpperCase());

const REF = /(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(])/g;

/**
 * The formula as seen from a cell `rows` below and `cols` right of the rule's anchor: relative references
 * move, absolute ones ($) stay. Text in quotes is left as it is.
 * Not the same as the direct reader's slideFormula (src/hosts/xlsx/direct/sheetPart.ts), on purpose: that
 * one copies ExcelJS 4.4's shared-formula translation (its reference pattern, sheet-qualified references,
 * function names) so both readers give a cell the same formula; this one is the core's own rule.
 */
export function offsetFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REF,
            (m, dc: string, col: string, dr: string, row: string, at: number, all: string) => {
              const before = all[at - 1];
              if (before && /[A-Za-z0-9_.!]/.test(before) && before !== "!") return m;
              const c = dc ? col : columnLetter(columnIndex(col) + cols);
              const r = dr ? Number(row) : Number(row) + rows;
              return `${dc}${c}${dr}${r}`;
            },
          ),
    )
    .join("");
}

/** The value a rule's formula gives on cell (row, col), or null when the core cannot evaluate it. */
function ruleHolds(rule: ConditionalRule, row: number, col: number, get: CellGetterOf): boolean | null {
  const anchor = rule.ranges[0];
  const f = offsetFormula(rule.formula, row - anchor.top, col - anchor.left);
  try {
    const v = evaluateFormula(f, get, null, row);
    return v === true || (typeof v === "number" && v !== 0);
  } catch (e) {
    if (e instanceof UnsupportedFormula) return null;
    return false;
  }
}

type CellGetterOf = (sheet: string | null, row: number, col: number) => CellValue;

/**
 * The fills a viewer shows on the snapshot's block: each cell's own fill, or the fill of the first
 * conditional format (in priority order) whose formula holds there. Formulas are evaluated on the
 * snapshot's cached values; a rule the core cannot evaluate shows nothing.
 */
export function shownFills(sheet: SheetSnapshot): (string | null)[][] {
  const get: CellGetterOf = (name, row, col) => {
    if (name !== null && name !== sheet.name) return null;
    return sheet.values[row - sheet.top]?.[col - sheet.left] ?? null;
  };
  const out = sheet.values.map((r, i) => r.map((_, j) => sheet.fills?.[i]?.[j] ?? null));
  const rules = (sheet.conditionalFormats ?? []).filter((r) => r.fill);
  if (!rules.length) return out;
  for (let i = 0; i < out.length; i++)
    for (let j = 0; j < out[i].length; j++) {
      const row = sheet.top + i;
      const col = sheet.left + j;
      for (const rule of rules) {
        const inside = rule.ranges.some(
          (x) => row >= x.top && row < x.top + x.rows && col >= x.left && col < x.left + x.cols,
        );
        if (!inside) continue;
        if (ruleHolds(rule, row, col, get)) {
          out[i][j] = rule.fill!;
          break;
        }
      }
    }
  return out;
}
