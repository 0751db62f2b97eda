/**
 * Formula text read two ways (formula.ts): the tokenizer, and the shape key — one scan that finds the
 * same references the tokenizer does and writes each relative row as its offset from the formula's own
 * row, so "=ROUND(C5-D5,2)" on row 5 and "=ROUND(C6-D6,2)" on row 6 share one compiled formula. Pure.
 */
import { columnIndex } from "./address";
import { UnsupportedFormula } from "./formulaValues";

export type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; c1: number; r1: number; c2: number; r2: number }
  | { t: "fn"; v: string }
  | { t: "op"; v: string };

const REF_SOURCE = String.raw`(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?`;
// Sticky regexes for the tokenizer: match at a position without slicing the formula.
const REF_AT = new RegExp(REF_SOURCE, "y");
const NUM_AT = /\d+(\.\d+)?([eE][+-]?\d+)?/y;
const FN_AT = /([A-Za-z_][A-Za-z0-9._]*)\(/y;
/** Operator and function-name tokens are shared: token lists only read them. */
const OPS = new Map<string, Token>(
  ["<>", "<=", ">=", ..."-+*/&=<>(),^%"].map((v) => [v, { t: "op", v }] as [string, Token]),
);
const FNS = new Map<string, Token>();

/**
 * The tokens of a formula's text (without its "="). With `rows`, each reference token also gives where
 * its row numbers are in `src` plus `shift`: start and end of the first, then of the second (-1, -1 for
 * a single cell).
 */
export function tokenize(src: string, rows?: number[], shift = 0): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " " || ch === "\n" || ch === "\t" || ch === "\r") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const code = src.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    NUM_AT.lastIndex = i;
    const num = digit ? NUM_AT.exec(src) : null;
    if (num) {
      out.push({ t: "num", v: parseFloat(num[0]) });
      i += num[0].length;
      continue;
    }
    // Names and references start with a letter, "_", "$" or "'" (a quoted sheet name).
    const word = !digit && /[A-Za-z_$']/.test(ch);
    FN_AT.lastIndex = i;
    const fn = word ? FN_AT.exec(src) : null;
    if (fn) {
      let tok = FNS.get(fn[1]);
      // Files store newer functions as _xlfn.NUMBERVALUE: the name is the same function.
      if (!tok) FNS.set(fn[1], (tok = { t: "fn", v: fn[1].toUpperCase().replace(/^_XLFN\./, "") }));
      out.push(tok);
      i += fn[1].length;
      continue;
    }
    REF_AT.lastIndex = i;
    const ref = word ? REF_AT.exec(src) : null;
    if (ref) {
      const sheet = ref[1] ? ref[1].replace(/^'|'$/g, "").replace(/''/g, "'") : null;
      const c1 = columnIndex(ref[2]);
      const r1 = parseInt(ref[3], 10) - 1;
      const c2 = ref[4] ? columnIndex(ref[4]) : c1;
      const r2 = ref[5] ? parseInt(ref[5], 10) - 1 : r1;
      out.push({
        t: "ref",
        sheet,
        c1: Math.min(c1, c2),
        r1: Math.min(r1, r2),
        c2: Math.max(c1, c2),
        r2: Math.max(r1, r2),
      });
      if (rows) refRows(src, i, ref, rows, shift);
      i += ref[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    const op = OPS.get(two === "<>" || two === "<=" || two === ">=" ? two : ch);
    if (op) {
      out.push(op);
      i += (op as { v: string }).v.length;
      continue;
    }
    throw new UnsupportedFormula(`cannot read «${src.slice(i, i + 10)}»`);
  }
  return out;
}

/** Where a reference's row numbers are: `[sheet!]$?COL$?ROW[:$?COL$?ROW]` matched at `at`. */
function refRows(src: string, at: number, m: RegExpExecArray, rows: number[], shift: number): void {
  let p = at + (m[1] ? m[1].length + 1 : 0);
  if (src[p] === "$") p++;
  p += m[2].length;
  if (src[p] === "$") p++;
  rows.push(p + shift, p + m[3].length + shift);
  if (!m[4]) return void rows.push(-1, -1);
  p += m[3].length + 1;
  if (src[p] === "$") p++;
  p += m[4].length;
  if (src[p] === "$") p++;
  rows.push(p + shift, p + m[5].length + shift);
}

/** Separates a shape key's literal text from a row offset; a formula containing it has no shape. */
export const MARK = "\u0001";
/** Longer row numbers stay literal in the key (no row has them; their value is not exact as an offset). */
const MAX_ROW_DIGITS = 9;

/** Character classes of ASCII codes for the scan (other characters: none). */
const DIGIT = 1;
const LETTER = 2;
/** [A-Za-z0-9._] */
const NAME = 4;
/** -+*\/&=<>(),^% and the spaces the tokenizer skips */
const OP_OR_SPACE = 8;
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT | NAME;
for (let c = 65; c <= 90; c++) CLASS[c] = CLASS[c + 32] = LETTER | NAME;
CLASS[95] = CLASS[46] = NAME;
for (const ch of " \n\t\r-+*/&=<>(),^%") CLASS[ch.charCodeAt(0)] = OP_OR_SPACE;
/** NaN (past the end) and codes past ASCII are in no class. */
const is = (c: number, k: number) => (CLASS[c] & k) !== 0;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => is(c, LETTER);
const isNameChar = (c: number) => is(c, NAME);
const isOpOrSpace = (c: number) => is(c, OP_OR_SPACE);
/** Offsets as key text, the usual ones made once. */
const OFFSETS = Array.from({ length: 129 }, (_, i) => MARK + String(i - 64));
const offsetText = (off: number) => (off >= -64 && off <= 64 ? OFFSETS[off + 64] : MARK + String(off));

// The last cell reference read by cellAt: where its row numbers are (start, end), whether a $ fixes them.
let rowA = 0;
let rowAEnd = 0;
let fixedA = false;
let rowB = -1;
let rowBEnd = -1;
let fixedB = false;

/** End of `\$?[A-Za-z]{1,3}\$?\d+` at `i`, or -1; its row digits are at [start, returned end). */
function cellPart(f: string, i: number): number {
  if (f.charCodeAt(i) === 36) i++;
  let j = i;
  while (j < f.length && isLetter(f.charCodeAt(j))) j++;
  if (j === i || j - i > 3) return -1;
  if (f.charCodeAt(j) === 36) j++;
  const start = j;
  while (j < f.length && isDigit(f.charCodeAt(j))) j++;
  return j === start ? -1 : j;
}

/** End of a cell or range reference (no sheet) at `i`, or -1; sets rowA… (rowB -1: a single cell). */
function cellAt(f: string, i: number): number {
  const end = cellPart(f, i);
  if (end < 0) return -1;
  rowAEnd = end;
  rowA = end;
  while (isDigit(f.charCodeAt(rowA - 1))) rowA--;
  fixedA = f.charCodeAt(rowA - 1) === 36;
  rowB = rowBEnd = -1;
  if (f.charCodeAt(end) !== 58) return end;
  const end2 = cellPart(f, end + 1);
  if (end2 < 0) return end;
  rowBEnd = end2;
  rowB = end2;
  while (isDigit(f.charCodeAt(rowB - 1))) rowB--;
  fixedB = f.charCodeAt(rowB - 1) === 36;
  return end2;
}

/** End of a sheet prefix ("Sheet1!", "'My sheet'!") at `i`, "!" included, or -1. */
function sheetAt(f: string, i: number): number {
  const n = f.length;
  if (f.charCodeAt(i) === 39) {
    let j = i + 1;
    while (j < n) {
      if (f.charCodeAt(j) !== 39) j++;
      else if (f.charCodeAt(j + 1) === 39) j += 2;
      else return j > i + 1 && f.charCodeAt(j + 1) === 33 ? j + 2 : -1;
    }
    return -1;
  }
  if (f.charCodeAt(i) === 36) return -1; // [A-Za-z_][\w.]*
  let j = i + 1;
  while (j < n && isNameChar(f.charCodeAt(j))) j++;
  return f.charCodeAt(j) === 33 ? j + 1 : -1;
}

/**
 * The formula's shape at `row` (0-based): its text with each relative row number of a reference written
 * as MARK and its offset from `row`; null when the scan meets what the tokenizer refuses (or a MARK).
 * `marks` gets where the rows written as offsets were (start, end). Texts with the same shape differ only
 * in those numbers, each one at the same offset from its formula's row.
 */
export function shapeKey(f: string, row: number, marks: number[]): string | null {
  marks.length = 0;
  if (f.indexOf(MARK) !== -1) return null;
  const n = f.length;
  let key = "";
  let last = 0;
  let i = n > 0 && f.charCodeAt(0) === 61 ? 1 : 0;
  while (i < n) {
    const c = f.charCodeAt(i);
    if (c === 34) {
      // To the closing quote ("" is a quote inside); an unclosed string runs to the end.
      let j = f.indexOf('"', i + 1);
      while (j !== -1 && f.charCodeAt(j + 1) === 34) j = f.indexOf('"', j + 2);
      i = j === -1 ? n : j + 1;
      continue;
    }
    if (isDigit(c)) {
      // \d+(\.\d+)?([eE][+-]?\d+)?
      i++;
      while (i < n && isDigit(f.charCodeAt(i))) i++;
      if (f.charCodeAt(i) === 46 && isDigit(f.charCodeAt(i + 1))) {
        i += 2;
        while (i < n && isDigit(f.charCodeAt(i))) i++;
      }
      const e = f.charCodeAt(i);
      if (e === 69 || e === 101) {
        const s = f.charCodeAt(i + 1);
        const d = s === 43 || s === 45 ? i + 2 : i + 1;
        if (isDigit(f.charCodeAt(d))) {
          i = d + 1;
          while (i < n && isDigit(f.charCodeAt(i))) i++;
        }
      }
      continue;
    }
    if (isLetter(c) || c === 95 || c === 36 || c === 39) {
      if (c !== 36 && c !== 39) {
        // A function name: the tokenizer leaves its "(" for the next token.
        let j = i + 1;
        while (j < n && isNameChar(f.charCodeAt(j))) j++;
        if (f.charCodeAt(j) === 40) {
          i = j;
          continue;
        }
      }
      const sheetEnd = sheetAt(f, i);
      let end = sheetEnd < 0 ? -1 : cellAt(f, sheetEnd);
      if (end < 0) end = cellAt(f, i);
      if (end < 0) return null;
      if (!fixedA && rowAEnd - rowA <= MAX_ROW_DIGITS) {
        key += f.slice(last, rowA) + offsetText(digitsValue(f, rowA, rowAEnd) - 1 - row);
        last = rowAEnd;
        marks.push(rowA, rowAEnd);
      }
      if (rowB >= 0 && !fixedB && rowBEnd - rowB <= MAX_ROW_DIGITS) {
        key += f.slice(last, rowB) + offsetText(digitsValue(f, rowB, rowBEnd) - 1 - row);
        last = rowBEnd;
        marks.push(rowB, rowBEnd);
      }
      i = end;
      continue;
    }
    if (isOpOrSpace(c)) {
      i++;
      continue;
    }
    return null;
  }
  return last === 0 ? f : key + f.slice(last);
}

function digitsValue(f: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (f.charCodeAt(i) - 48);
  return v;
}
