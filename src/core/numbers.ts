/** Number parsing and rounding for score cells: pure. */

export type NumberStyle = "number" | "comma" | "dot" | "integer-text";

export type ParsedNumber =
  | { kind: "blank" }
  | { kind: "number"; value: number; style: NumberStyle; percentText: boolean }
  | { kind: "invalid"; text: string };

const NUMERIC_TEXT = /^([+-]?)(\d+)(?:([.,])(\d+))?\s*(%?)$/;
const DASHES = /^[-–—]$/;

/**
 * Reads a score cell: a real number, or text with a decimal comma or dot ("9,50", "9.50"), percent text
 * ("85,32%", the number 85.32 is returned), blank or a lone dash (nothing). Anything else is invalid:
 * never an exception.
 */
const BLANK_NUMBER: ParsedNumber = Object.freeze({ kind: "blank" });

export function parseNumber(value: unknown): ParsedNumber {
  if (value === null || value === undefined) return BLANK_NUMBER;
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { kind: "number", value, style: "number", percentText: false }
      : { kind: "invalid", text: String(value) };
  }
  if (typeof value === "boolean") return { kind: "invalid", text: String(value) };
  let text = String(value);
  if (text.includes("\u00a0")) text = text.replace(/\u00a0/g, " ");
  text = text.trim();
  if (text === "" || DASHES.test(text)) return BLANK_NUMBER;
  const m =
    NUMERIC_TEXT.exec(text) ?? (/\s/.test(text) ? NUMERIC_TEXT.exec(text.replace(/\s+(?=\d)/g, "")) : null);
  if (!m) return { kind: "invalid", text };
  const sep = m[3];
  const n = sep === undefined ? parseInt(m[2], 10) : parseFloat(`${m[2]}.${m[4]}`);
  const style: NumberStyle = sep === "," ? "comma" : sep === "." ? "dot" : "integer-text";
  return { kind: "number", value: m[1] === "-" ? -n : n, style, percentText: m[5] === "%" };
}

/** Rounds to hundredths, the index's precision, without float noise (1 − 0.88 → 0.12). */
export function round2(x: number): number {
  // An integer number of hundredths divided by 100 is the double nearest to that decimal: no noise.
  const r = Math.round(x * 100 + (x >= 0 ? 1e-7 : -1e-7)) / 100;
  return r === 0 ? 0 : r;
}

/** Sum with the result rounded to hundredths. */
export function sum2(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
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
