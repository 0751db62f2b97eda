/**
 * What Excel would refuse or repair in one op of a change set, checked before anything is written, for
 * every host: coordinates past the grid, sheet and table names, table sizes and overlaps, list literals
 * over 255 characters, texts over 32,767 characters, formulas over 8,192, colours that are not "#RRGGBB",
 * column widths. Each check sees the workbook as the previous ops leave it (prepare's model). Pure.
 */
import type { CellInput, ConditionalRule, Op, Rect } from "./types";
import type { WorkbookModel } from "./model";
import type { RowFormula } from "./rowFormula";
import { readRowFormula, rowFormulaLength, type RowFormulaReading } from "./rowFormulaRead";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/** Excel's limit on a data-validation list typed as a literal ("A,B,C"). */
export const MAX_LIST_LITERAL = 255;
/** Excel's limit on the characters of one cell's text. */
export const MAX_TEXT = 32767;
/** Excel's limit on the characters of one formula. */
export const MAX_FORMULA = 8192;

/** A problem found in one op: a text too long (its cell, 0-based in the op's sheet) or anything else. */
export type OpProblem =
  { kind: "invalid"; problem: string } | { kind: "text-too-long"; row: number; col: number; length: number };

const int = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);
const invalid = (problem: string): OpProblem => ({ kind: "invalid", problem });

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.left < b.left + b.cols && b.left < a.left + a.cols && a.top < b.top + b.rows && b.top < a.top + a.rows;

export function rectProblem(r: Rect | undefined): string | null {
  if (!r || !int(r.top) || !int(r.left) || !int(r.rows) || !int(r.cols))
    return "a range is not whole numbers";
  if (r.top < 0 || r.left < 0 || r.rows < 1 || r.cols < 1) return "a range is empty or starts before A1";
  if (r.top + r.rows > MAX_ROWS || r.left + r.cols > MAX_COLS)
    return "a range goes past the last row or column";
  return null;
}

/** Excel's rules for a sheet name. */
export function sheetNameProblem(name: string): string | null {
  if (typeof name !== "string" || name.trim() === "") return "a sheet name cannot be empty";
  if (name.length > 31) return `the sheet name «${name}» is longer than 31 characters`;
  if (/[*?:/\\[\]]/.test(name)) return `the sheet name «${name}» has one of * ? : / \\ [ ]`;
  if (/^'|'$/.test(name)) return `the sheet name «${name}» starts or ends with an apostrophe`;
  if (name.toLowerCase() === "history") return "the sheet name «History» is reserved by Excel";
  return null;
}

/** Excel's rules for a table name. */
export function tableNameProblem(name: string): string | null {
  if (typeof name !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name))
    return `«${name}» is not a valid table name (letters, digits, _ and . only, no spaces)`;
  if (name.length > 255) return `the table name «${name}» is too long`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name))
    return `the table name «${name}» looks like a cell reference`;
  return null;
}

const tooLongFormula = `a formula is empty or longer than ${MAX_FORMULA} characters`;

/** The problem of one cell input, or null; a text over MAX_TEXT is reported by its length. */
function inputProblem(v: CellInput | null): string | number | null {
  if (v === null) return null;
  switch (v.kind) {
    case "text":
      if (typeof v.text !== "string") return "a text is not a string";
      return v.text.length <= MAX_TEXT ? null : v.text.length;
    case "number":
      return typeof v.value === "number" && Number.isFinite(v.value) ? null : "a number is not finite";
    case "bool":
      return typeof v.value === "boolean" ? null : "a boolean is not true or false";
    case "formula":
      return typeof v.formula === "string" &&
        v.formula.replace(/^=/, "").trim() !== "" &&
        v.formula.length <= MAX_FORMULA
        ? null
        : tooLongFormula;
    case "blank":
      return null;
    case "rowFormula":
      // checked once per object by cellsProblem
      return null;
    default:
      return "a cell input has an unknown kind";
  }
}

const hex = (c: unknown) =>
  c === null || c === undefined || (typeof c === "string" && /^#[0-9A-Fa-f]{6}$/.test(c));

function cellsProblem(op: Extract<Op, { op: "setCells" }>): OpProblem | null {
  if (!int(op.top) || !int(op.left) || op.top < 0 || op.left < 0)
    return invalid("top/left must be whole and ≥ 0");
  if (!Array.isArray(op.cells)) return invalid("cells must be rows of inputs");
  if (op.top + op.cells.length > MAX_ROWS) return invalid("the block goes past the last row");
  // Row formulas: each object's contract read once (readRowFormula), its reading kept per column of the
  // block while the column repeats the object; its length on each row is arithmetic, so the longest text it
  // writes (on the last of its rows) is within the limit.
  const seen: (RowFormula | undefined)[] = [];
  const readings: RowFormulaReading[] = [];
  for (let r = 0; r < op.cells.length; r++) {
    const row = op.cells[r];
    if (!Array.isArray(row)) return invalid("cells must be rows of inputs");
    if (op.left + row.length > MAX_COLS) return invalid("the block goes past the last column");
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== null && v.kind === "rowFormula") {
        let reading = readings[c];
        if (seen[c] !== v) {
          reading = readRowFormula(v);
          if (reading.problem) return invalid(reading.problem);
          seen[c] = v;
          readings[c] = reading;
        }
        if (rowFormulaLength(reading, op.top + r) > MAX_FORMULA) return invalid(tooLongFormula);
        continue;
      }
      const p = inputProblem(v);
      if (typeof p === "number")
        return { kind: "text-too-long", row: op.top + r, col: op.left + c, length: p };
      if (p) return invalid(p);
    }
  }
  return null;
}

function tableProblem(m: WorkbookModel, op: Extract<Op, { op: "addTable" | "resizeTable" }>): string | null {
  const p = rectProblem(op.rect);
  if (p) return p;
  if (op.rect.rows < 2) return "a table needs a header row and at least one data row";
  if (op.op === "addTable") {
    const bad = tableNameProblem(op.name);
    if (bad) return bad;
    for (const s of m.sheets.values())
      if (s.tables.some((t) => t.name.toLowerCase() === op.name.toLowerCase()))
        return `a table named «${op.name}» exists on «${s.name}»`;
  }
  const sheet = m.sheets.get(op.sheet);
  const other = sheet?.tables.find(
    (t) => (op.op === "addTable" || t.name !== op.name) && overlaps(t.rect, op.rect),
  );
  return other ? `the table would overlap the table «${other.name}»` : null;
}

function validationProblem(op: Extract<Op, { op: "setValidation" }>): string | null {
  const p = rectProblem(op.rect);
  if (p) return p;
  if (!op.list) return null;
  if (op.list.some((s) => typeof s !== "string" || s.includes(",")))
    return "list items must be text without commas";
  const literal = op.list.map((s) => s.replace(/"/g, '""')).join(",");
  return literal.length > MAX_LIST_LITERAL
    ? `the list is ${literal.length} characters long; Excel accepts ${MAX_LIST_LITERAL}`
    : null;
}

/** Excel's font names are 1 to 31 characters. */
function fontNameOk(name: unknown): boolean {
  return typeof name === "string" && name.trim() !== "" && name.length <= 31;
}

/** Excel's limit on a conditional format's formula (as for any formula) and rules per op, kept sane. */
const MAX_RULES = 1000;

function rulesProblem(rules: ConditionalRule[], adding: boolean): string | null {
  if (!Array.isArray(rules)) return "rules must be a list";
  if (rules.length > MAX_RULES) return `more than ${MAX_RULES} conditional formats in one op`;
  for (const r of rules) {
    // A rule to remove may be named by its host id alone (the Office host reads no ranges).
    if (!Array.isArray(r.ranges) || (r.ranges.length === 0 && (adding || r.id === undefined)))
      return "a conditional format needs a range";
    for (const x of r.ranges) {
      const bad = rectProblem(x);
      if (bad) return bad;
    }
    if (typeof r.formula !== "string" || r.formula.replace(/^=/, "").trim() === "")
      return "a conditional format needs a formula";
    if (r.formula.length > MAX_FORMULA) return `a conditional format's formula is longer than ${MAX_FORMULA}`;
    if (adding && !r.fill && !r.fontColor) return "a conditional format needs a fill or a font colour";
    if (!hex(r.fill) || !hex(r.fontColor)) return "colours must be #RRGGBB";
  }
  return null;
}

/** Excel's rules for a defined name: letters, digits, _ . \; not a cell reference; 255 characters. */
export function definedNameProblem(name: string): string | null {
  if (typeof name !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name))
    return `«${name}» is not a valid name (letters, digits, _ and . only, no spaces)`;
  if (name.length > 255) return `the name «${name}» is too long`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name))
    return `the name «${name}» looks like a cell reference`;
  return null;
}

function nameProblem(op: Extract<Op, { op: "setName" }>): string | null {
  const bad = definedNameProblem(op.name);
  if (bad) return bad;
  if (op.ref === null) return null;
  if (typeof op.ref !== "string" || op.ref.replace(/^=/, "").trim() === "") return "a name needs a formula";
  return op.ref.length > MAX_FORMULA ? `a name's formula is longer than ${MAX_FORMULA}` : null;
}

/** What Excel would refuse in `op`, on the workbook `m` as the previous ops leave it; null when it fits. */
export function opProblem(m: WorkbookModel, op: Op): OpProblem | null {
  const p = (s: string | null) => (s === null ? null : invalid(s));
  switch (op.op) {
    case "insertColumns":
    case "deleteColumns":
      if (!int(op.at) || !int(op.count) || op.at < 0 || op.count < 1)
        return invalid("at/count must be whole, count ≥ 1");
      if (op.at + op.count > MAX_COLS) return invalid("the columns go past the last column");
      return op.table ? p(rectProblem(op.table.rect)) : null;
    case "insertRows":
    case "deleteRows":
      if (!int(op.at) || !int(op.count) || op.at < 0 || op.count < 1)
        return invalid("at/count must be whole, count ≥ 1");
      if (op.at + op.count > MAX_ROWS) return invalid("the rows go past the last row");
      return null;
    case "setCells":
      return cellsProblem(op);
    case "setStyle": {
      for (const r of op.ranges) {
        const bad = rectProblem(r);
        if (bad) return invalid(bad);
      }
      const st = op.style;
      if (!hex(st.fill) || !hex(st.fontColor)) return invalid("colours must be #RRGGBB or null");
      if (st.numberFormat !== undefined && typeof st.numberFormat !== "string")
        return invalid("a number format is not text");
      if ("fontName" in st && st.fontName !== null && !fontNameOk(st.fontName))
        return invalid("a font name is 1 to 31 characters of text");
      return null;
    }
    case "addSheet": {
      const bad = sheetNameProblem(op.sheet);
      if (bad) return invalid(bad);
      const clash = m.order.find((n) => n.toLowerCase() === op.sheet.toLowerCase());
      return clash ? invalid(`a sheet named «${clash}» exists (Excel ignores case)`) : null;
    }
    case "deleteSheet":
      return m.order.length <= 1 ? invalid("a workbook must keep at least one sheet") : null;
    case "addTable":
    case "resizeTable":
      return p(tableProblem(m, op));
    case "setValidation":
      return p(validationProblem(op));
    case "setColumnWidth":
      if (!int(op.col) || op.col < 0 || op.col >= MAX_COLS) return invalid("the column is out of the grid");
      return typeof op.width === "number" && op.width >= 0 && op.width <= 255
        ? null
        : invalid("a width is 0 to 255");
    case "moveChart":
      if (!Number.isFinite(op.left) || op.left < 0) return invalid("a chart's left is 0 points or more");
      return op.cells ? p(rectProblem(op.cells)) : null;
    case "select":
    case "deleteTable":
      return null;
    case "addConditionalFormats":
    case "removeConditionalFormats":
      return p(rulesProblem(op.rules, op.op === "addConditionalFormats"));
    case "setName":
      return p(nameProblem(op));
    case "freezePanes":
      if (
        !int(op.rows) ||
        !int(op.cols) ||
        op.rows < 0 ||
        op.cols < 0 ||
        op.rows >= MAX_ROWS ||
        op.cols >= MAX_COLS
      )
        return invalid("frozen rows/columns must be whole, ≥ 0 and inside the grid");
      return null;
    case "setPageSetup": {
      const r = op.setup.repeatRows;
      if (r && (!int(r.first) || !int(r.last) || r.first < 0 || r.last < r.first || r.last >= MAX_ROWS))
        return invalid("the rows to repeat are not a range of rows");
      return null;
    }
    default:
      return invalid("unknown op");
  }
}
