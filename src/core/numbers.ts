/** Number parsing and rounding for score cells: pure. */
import { boundedMemo } from "./boundedMemo";

export type NumberStyle = "number" | "comma" | "dot" | "integer-text";

export type ParsedNumber =
  | {
      kind: "number";
      value: number;
      style: NumberStyle;
      percentText: boolean;
      /** The text had thousands separators ("1.000,00", "1,000.00", "1 000,00"). */
      grouped?: boolean;
      /**
       * The text had characters a spreadsheet's NUMBERVALUE does not read: non-breaking, thin or other
       * Unicode spaces, the minus sign U+2212 (a formula must substitute them first).
       */
      oddChars?: boolean;
      /** The text carried a unit after the number ("11,50 điểm", "9,5đ"): no formula can read it. */
      unit?: string;
    }
  | { kind: "blank"; /** A lone dash ("—"): as max it means "not applicable". */ dash?: boolean }
  | { kind: "na"; text: string }
  | { kind: "invalid"; text: string };

/** Unicode spaces people paste from the web and Word: no-break, thin, narrow no-break, figure, zero-width. */
export const ODD_SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;
const DASHES = /^[-–—]$/;
/** "Không áp dụng", "KAD", "N/A" (after folding): the criterion does not apply to the unit. */
const NOT_APPLICABLE = /^(khong ap dung|k\.?a\.?d\.?|n\/a|n\.a\.?|not applicable)$/;
/** A score's unit typed after it: "11,50 điểm", "9,5đ", "9,5 đ.", "9.5 points". */
const UNIT = /\s*(điểm|diem|đ|đ\.|points?|pts?\.?)$/i;
/** A number with an optional decimal part; the integer part may be grouped by threes. */
const NUMERIC_TEXT = /^([+-]?)(\d{1,3}(?:([.,\s])\d{3})(?:\3\d{3})*|\d+)(?:([.,])(\d+))?\s*(%?)$/;

/** Folded for the not-applicable test: lower case, no diacritics. */
function foldNa(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** A blank cell's reading: one shared object (the row reader gives it for a column the table lacks too). */
export const BLANK_NUMBER: ParsedNumber = Object.freeze({ kind: "blank" });
const DASH_NUMBER: ParsedNumber = Object.freeze({ kind: "blank", dash: true });

/**
 * Reads a score cell: a real number, or text with a decimal comma or dot ("9,50", "9.50"), thousands
 * separators when the decimal separator is the other one ("1.000,00", "1,000.00", "1 000,00"), Unicode
 * spaces ("9,50\u00a0"), a unit ("11,50 điểm", "9,5đ"), percent text ("85,32%", the number 85.32 is
 * returned); blank or a lone dash (nothing); "Không áp dụng", "KAD", "N/A" (not applicable). Anything
 * else is invalid: never an exception. A lone separator is the decimal one ("1.000" is 1).
 */
export function parseNumber(value: unknown): ParsedNumber {
  if (value === null || value === undefined) return BLANK_NUMBER;
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { kind: "number", value, style: "number", percentText: false }
      : { kind: "invalid", text: String(value) };
  }
  if (typeof value === "boolean") return { kind: "invalid", text: String(value) };
  let text = String(value);
  let oddChars = false;
  ODD_SPACES.lastIndex = 0;
  if (ODD_SPACES.test(text)) {
    oddChars = true;
    text = text.replace(ODD_SPACES, " ");
  }
  text = text.trim();
  if (text === "") return BLANK_NUMBER;
  // The minus sign U+2212 (typed by Word's autocorrect) is a minus.
  if (text.includes("\u2212")) {
    oddChars = true;
    text = text.replace(/\u2212/g, "-");
  }
  if (DASHES.test(text)) return DASH_NUMBER;
  let unit: string | undefined;
  const u = UNIT.exec(text);
  if (u && /\d/.test(text.slice(0, u.index))) {
    unit = u[1];
    text = text.slice(0, u.index).trim();
  }
  let m = NUMERIC_TEXT.exec(text);
  // "9, 50" or "- 1,5": spaces inside a number that is not grouped by threes.
  if (!m && /\s/.test(text))
    m = NUMERIC_TEXT.exec(text.replace(/\s+(?=\d)/g, "").replace(/^([+-])\s+/, "$1"));
  if (!m) {
    const raw = String(value).trim();
    if (NOT_APPLICABLE.test(foldNa(raw))) return { kind: "na", text: raw };
    return { kind: "invalid", text: raw };
  }
  const group = m[3];
  const sep = m[4];
  // "1.000" or "1,000" alone: one separator is the decimal one; a group needs the other one after it.
  if (group !== undefined && group !== " " && (sep === undefined || sep === group)) {
    const whole = /^([+-]?)(\d+)([.,])(\d+)\s*(%?)$/.exec(text);
    if (!whole) return { kind: "invalid", text: String(value).trim() };
    const n = parseFloat(`${whole[2]}.${whole[4]}`);
    const style: NumberStyle = whole[3] === "," ? "comma" : "dot";
    return finish({ kind: "number", value: whole[1] === "-" ? -n : n, style, percentText: whole[5] === "%" });
  }
  const intPart = group === undefined ? m[2] : m[2].split(group).join("");
  const n = sep === undefined ? parseInt(intPart, 10) : parseFloat(`${intPart}.${m[5]}`);
  const style: NumberStyle =
    sep === "," ? "comma" : sep === "." ? "dot" : group ? (group === "." ? "comma" : "dot") : "integer-text";
  const out: ParsedNumber = {
    kind: "number",
    value: m[1] === "-" ? -n : n,
    style,
    percentText: m[6] === "%",
  };
  if (group !== undefined) out.grouped = true;
  return finish(out);

  function finish(p: Extract<ParsedNumber, { kind: "number" }>): ParsedNumber {
    if (oddChars) p.oddChars = true;
    if (unit !== undefined) p.unit = unit;
    return p;
  }
}

/**
 * parseNumber remembered by cell content, shared by every table and every analysis: score cells repeat
 * ("1,00", "0,50", 0.25…) within a table and across apply-all's four analyses, so each distinct content is
 * parsed once per process, not once per analysis. A reading depends on the content alone, so one table's
 * reading is right for any other's; readings are frozen, being shared (every one: a frozen and an unfrozen
 * object of the same fields have different shapes, which the row reader's `kind` tests would both meet). -0
 * is read afresh each time, since a Map takes it for 0.
 */
export function readNumber(value: unknown): ParsedNumber {
  return value === 0 && 1 / (value as number) < 0 ? frozenReading(value) : sharedReading(value);
}

const frozenReading = (value: unknown): ParsedNumber => Object.freeze(parseNumber(value));
const sharedReading = boundedMemo(frozenReading, 50_000);

/** Rounds to hundredths, the index's precision, without float noise (1 − 0.88 → 0.12). */
export function round2(x: number): number {
  // An integer number of hundredths divided by 100 is the double nearest to that decimal: no noise.
  const r = Math.round(x * 100 + (x >= 0 ? 1e-7 : -1e-7)) / 100;
  return r === 0 ? 0 : r;
}

/** Sum with the result rounded to hundredths. */
export function sum2(xs: readonly number[]): number {
  // An index loop: a for-of loop's code is made for the array it first saw (whole numbers, or fractions),
  // and the other kind of array undid it (and the scoring loop it was inlined into).
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return round2(s);
}

/** Whether two scores differ at the index's precision. */
export function differs(a: number, b: number): boolean {
  return Math.abs(round2(a) - round2(b)) >= 0.005;
}

/** Formats a score for people: 9,50 in vi, 9.50 in en. */
export function formatScore(x: number | null | undefined, lang: "vi" | "en", digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "";
  const s = Math.abs(x).toFixed(digits);
  const [i, f] = s.split(".");
  const groupSep = lang === "vi" ? "." : ",";
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep);
  const dec = lang === "vi" ? "," : ".";
  return `${x < 0 ? "−" : ""}${grouped}${f !== undefined ? dec + f : ""}`;
}
