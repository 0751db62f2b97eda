/** Text helpers shared by the core and the catalogue: pure, no I/O. */
import { boundedMemo } from "./boundedMemo";

/**
 * Lower case, Vietnamese diacritics removed (đ → d), whitespace collapsed, trimmed. Headers, agency names and
 * task texts come back again and again: each folded once. A 10,000-row table alone folds more than 20,000
 * distinct texts: a smaller bound forgets them over and over within one analysis (bench: half of parse + score).
 */
export const fold: (text: string) => string = boundedMemo(foldFast, 100_000);

/** Char codes below this are in the fold table: Latin, Latin Extended, the marks, Latin Extended Additional. */
const FOLD_TABLE_END = 0x1f00;
const NOT_TABLED = -1;
const REMOVED = -2;
const SPACE = -3;

/**
 * What folding makes of each character (the table), worked out once by foldUncached itself: its folded code,
 * REMOVED for a diacritic, SPACE for white space, NOT_TABLED for anything else (Greek, Cyrillic… go the long
 * way).
 */
let foldTable: Int32Array | null = null;

/** Built on first use: a process that never folds pays nothing. */
const buildFoldTable = (): Int32Array => {
  const table = new Int32Array(FOLD_TABLE_END).fill(NOT_TABLED);
  const ranges = [
    [0, 0x250],
    [0x300, 0x370],
    [0x1e00, 0x1f00],
  ];
  for (const [from, to] of ranges)
    for (let c = from; c < to; c++) {
      const ch = String.fromCharCode(c);
      if (/\s/.test(ch)) table[c] = SPACE;
      else {
        const f = foldUncached(ch);
        if (f === "") table[c] = REMOVED;
        else if (f.length === 1) table[c] = f.charCodeAt(0);
      }
    }
  return table;
};

/**
 * fold by the table, one character at a time (a tenth of the time of normalising and four replacements, which
 * every distinct text of a table paid once): the same result, since NFD, dropping the marks and lower-casing
 * Latin letters go character by character. Long texts and any character outside the table go the long way.
 */
function foldFast(text: string): string {
  const n = text.length;
  if (n > 2000) return foldUncached(text);
  const table = (foldTable ??= buildFoldTable());
  const out: number[] = [];
  let space = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const f = c < FOLD_TABLE_END ? table[c] : c === 0x3000 || c === 0xfeff ? SPACE : NOT_TABLED;
    if (f >= 0) {
      if (space) out.push(32);
      out.push(f);
      space = false;
    } else if (f === SPACE) space = out.length > 0;
    else if (f === NOT_TABLED) return foldUncached(text);
  }
  return String.fromCharCode(...out);
}

/**
 * The first two characters of fold(text) as (first << 16) | second (second 0 for a one-character text, -2 for
 * an empty one), without building the folded text; -1 when the table cannot tell (then fold must). What a
 * test of a folded text's start rules most texts out by.
 */
export function foldedStart(text: string): number {
  const table = (foldTable ??= buildFoldTable());
  let first = -1;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = c < FOLD_TABLE_END ? table[c] : NOT_TABLED;
    if (f === NOT_TABLED) return -1;
    if (f === REMOVED) continue;
    if (f === SPACE) {
      space = first !== -1;
      continue;
    }
    if (first === -1) first = f;
    else return (first << 16) | (space ? 32 : f);
  }
  return first === -1 ? -2 : first << 16;
}

/**
 * Whether fold(text) may contain one of `words` (lower-case words without white space): false only when it
 * surely does not, found through the table without building the folded text (true when the table cannot tell).
 */
export function mayFoldToContain(text: string, words: readonly string[]): boolean {
  const n = text.length;
  if (n > 200) return true;
  const table = (foldTable ??= buildFoldTable());
  const folded = FOLDED_SCRATCH;
  let len = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const f = c < FOLD_TABLE_END ? table[c] : NOT_TABLED;
    if (f === NOT_TABLED) return true;
    if (f === REMOVED) continue;
    folded[len++] = f === SPACE ? 32 : f;
  }
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    const last = len - word.length;
    for (let at = 0; at <= last; at++) {
      let k = 0;
      while (k < word.length && folded[at + k] === word.charCodeAt(k)) k++;
      if (k === word.length) return true;
    }
  }
  return false;
}

const FOLDED_SCRATCH = new Uint16Array(200);

/**
 * A pattern that answers mayFoldToContain(text, words) for a text of at most 200 characters, made from the fold
 * table: each letter of a word is the class of the characters that fold to it, with the diacritics folding
 * drops allowed between letters, and any character the table cannot tell about matches. A pattern runs as
 * native code from its first use, where mayFoldToContain's loops run interpreted through a cold first analysis
 * (every row's name is asked). Tested against mayFoldToContain.
 */
export function foldContainsPattern(words: readonly string[]): RegExp {
  const table = (foldTable ??= buildFoldTable());
  const byFolded = new Map<number, number[]>();
  const removed: number[] = [];
  const untabled: number[] = [];
  for (let c = 0; c < FOLD_TABLE_END; c++) {
    const f = table[c];
    if (f === REMOVED) removed.push(c);
    else if (f === NOT_TABLED) untabled.push(c);
    else if (f >= 0) {
      const list = byFolded.get(f);
      if (list) list.push(c);
      else byFolded.set(f, [c]);
    }
  }
  const marks = removed.length > 0 ? `${charClass(removed)}*` : "";
  const alternatives = words.map((w) =>
    Array.from(w, (ch) => charClass(byFolded.get(ch.charCodeAt(0)) ?? [])).join(marks),
  );
  // Past the table every character is one it cannot tell about (mayFoldToContain says "may" for it).
  const unknown = `${charClass(untabled)}|[\\u${hex4(FOLD_TABLE_END)}-\\uffff]`;
  return new RegExp([unknown, ...alternatives].join("|"));
}

const hex4 = (c: number): string => c.toString(16).padStart(4, "0");

/** A character class of the given (ascending) char codes, as ranges; "[]" (matches nothing) when empty. */
function charClass(codes: readonly number[]): string {
  let out = "";
  for (let i = 0; i < codes.length;) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j] + 1) j++;
    out += j > i ? `\\u${hex4(codes[i])}-\\u${hex4(codes[j])}` : `\\u${hex4(codes[i])}`;
    i = j + 1;
  }
  return `[${out}]`;
}

/** fold as its definition says: NFD, marks dropped, đ → d, lower case, white space collapsed and trimmed. */
export function foldUncached(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** True for an empty cell or one holding only spaces: no allocation, for hot loops. */
export function isBlankCell(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (typeof value === "string") return value.trim() === "";
  return typeof value === "number" && !Number.isFinite(value);
}

/** Runs of white space (a hot path: one RegExp for every call, not a new one per call). */
const SPACES = /\s+/g;

/** White space at either end, two in a row, or a tab, line break or no-break space anywhere. */
const NEEDS_CLEANING = /^\s|\s$|\s\s|[\t\n\r\u00a0]/;

/**
 * Whether a text needs cleaning (NEEDS_CLEANING): every cell of a table is asked. One module-level pattern,
 * not a scan by hand: the pattern runs as native code from its first use, where a loop per character runs
 * interpreted through a cold first analysis (apply-all's first step), and it was no slower warm.
 */
export function needsCleaning(s: string): boolean {
  return NEEDS_CLEANING.test(s);
}

/** The text of a cell as the user sees it, trimmed; "" for empty cells. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const s = String(value);
  // Most cells need no cleaning: keep the same string rather than building a new one.
  return needsCleaning(s) ? s.replace(SPACES, " ").trim() : s;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };

/** I → 1 … XXXIX → 39; null when the text is not a (small) Roman numeral. */
export function romanToNumber(text: string): number | null {
  const t = text.toLowerCase();
  if (!/^(x{0,3})(ix|iv|v?i{0,3})$/.test(t) || t === "") return null;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]];
    const next = ROMAN[t[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export interface ParsedCode {
  /** Canonical key: "1", "1.6", "1.6.2" (Roman numerals converted: "II" → "2"). */
  key: string;
  /** The first segment (the domain), as a number. */
  first: number;
  /** Number of segments: 1 for a domain, 3 for 1.6.2. */
  depth: number;
  /** True when the code was written as a Roman numeral. */
  roman: boolean;
}

/** «a)», «b.», «(c)», «đ)»: a lettered sub-item's code, lower case (capitals «A.», «B.» name parts of a table). */
const SUB_ITEM = /^\s*\(?([a-z\u0111])\s*[).]\s*$/;
/** The same at the start of a name, when the code column is blank: «a) Kiểm tra tại …». */
const SUB_ITEM_NAME = /^\s*\(?([a-z\u0111])[).]\s+\S/;

/**
 * The letter of a lettered sub-item («a)» → "a", «đ.» → "đ") written in a code cell, or at the start of the name
 * when `inName`; null for anything else. A code parseCode reads («i.», a Roman one) is its, not a letter.
 */
export function subItemLetter(text: string, inName = false): string | null {
  const m = (inName ? SUB_ITEM_NAME : SUB_ITEM).exec(text);
  return m ? m[1] : null;
}

/** The letters of a lettered list, in order (Vietnamese: đ after d; no f, j, w, z), and the Latin ones. */
const LETTER_ORDERS = ["abcd\u0111eghiklmnopqrstuvxy", "abcdefghijklmnopqrstuvwxyz"];

/** `code` is one lower-case letter that comes right after `previous` in a lettered list. */
export function followsLetter(code: string, previous: string): boolean {
  const letter = subItemLetter(code);
  return (
    letter !== null &&
    LETTER_ORDERS.some((o) => o.indexOf(letter) > 0 && o[o.indexOf(letter) - 1] === previous)
  );
}

/** A key ending in a sub-item's letter ("1.3.a"), as the row reader gives one: not a catalogue code. */
export function isSubItemKey(key: string): boolean {
  return /\.[a-z\u0111]$/.test(key);
}

/**
 * Parses a criterion code as written in a results table: 1, 1.6, 1.6.2, "1.6.2.", " 1.6 ", "I", "II".
 * Returns null for anything else (text, "a)", "1..2").
 */
export function parseCode(raw: unknown): ParsedCode | null {
  if (typeof raw === "string") {
    const fast = plainCode(raw);
    if (fast !== null) return fast;
  } else if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw <= 0) return null;
    raw = String(raw);
  }
  if (typeof raw !== "string") return null;
  let t = raw.trim();
  if (/\s/.test(t)) t = t.replace(/\s+/g, "");
  if (t.endsWith(".")) t = t.slice(0, -1);
  if (t === "") return null;
  if (/^\d+(\.\d+)*$/.test(t)) {
    // Keys are canonical ("01.2" → "1.2"); most codes already are, so no new string is built for them.
    const key = /(^|\.)0\d/.test(t) ? t.split(".").map(Number).join(".") : t;
    let depth = 1;
    for (let i = key.indexOf("."); i !== -1; i = key.indexOf(".", i + 1)) depth++;
    return { key, first: parseInt(key, 10), depth, roman: false };
  }
  const r = romanToNumber(t);
  if (r !== null && r > 0) return { key: String(r), first: r, depth: 1, roman: true };
  return null;
}

/**
 * The common case without a regular expression or a new string: digits separated by single dots, no
 * space, no leading zero, at most one trailing dot ("1.6.2", "12."). Null sends the text the long way.
 */
function plainCode(t: string): ParsedCode | null {
  let n = t.length;
  if (n > 1 && t.charCodeAt(n - 1) === 46) n--;
  if (n === 0) return null;
  let depth = 1;
  let first = 0;
  let segStart = 0;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      if (i === segStart) return null;
      depth++;
      segStart = i + 1;
    } else if (c >= 48 && c <= 57) {
      if (c === 48 && i === segStart && i + 1 < n && t.charCodeAt(i + 1) !== 46) return null;
      if (depth === 1) {
        // Past 15 digits a running sum may round differently from parseInt: the long way.
        if (i >= 15) return null;
        first = first * 10 + (c - 48);
      }
    } else return null;
  }
  if (segStart === n) return null;
  return { key: n === t.length ? t : t.slice(0, n), first, depth, roman: false };
}

/** "7.6.1" → ["7.6", "7"]: ancestors from nearest to farthest. */
export function ancestorKeys(key: string): string[] {
  const parts = key.split(".");
  const out: string[] = [];
  for (let n = parts.length - 1; n >= 1; n--) out.push(parts.slice(0, n).join("."));
  return out;
}

/** A code key's numbers, the order compareKeys sorts by ("1.6.2" → [1, 6, 2]): split once for many comparisons. */
export const keyParts = (key: string): number[] => key.split(".").map(Number);

/** Sort comparator for code keys: 1 < 1.6 < 1.6.2 < 2 < 10. */
export function compareKeys(a: string, b: string): number {
  return compareKeyParts(keyParts(a), keyParts(b));
}

/**
 * compareKeys on canonical keys ("1.6.2") without splitting them: each segment's number read in place. Keys
 * with anything but digits and single dots (a trailing dot too), or a segment past 15 digits, go the long
 * way.
 */
export function compareKeyText(a: string, b: string): number {
  if (a === "" || b === "") return compareKeys(a, b);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let x = -1;
    let y = -1;
    if (i < a.length) {
      const start = i;
      x = 0;
      for (let c = a.charCodeAt(i); i < a.length && c !== 46; c = a.charCodeAt(++i)) {
        if (c < 48 || c > 57) return compareKeys(a, b);
        x = x * 10 + (c - 48);
      }
      if (i === start || i - start > 15) return compareKeys(a, b);
      if (++i === a.length) return compareKeys(a, b); // a trailing dot
    }
    if (j < b.length) {
      const start = j;
      y = 0;
      for (let c = b.charCodeAt(j); j < b.length && c !== 46; c = b.charCodeAt(++j)) {
        if (c < 48 || c > 57) return compareKeys(a, b);
        y = y * 10 + (c - 48);
      }
      if (j === start || j - start > 15) return compareKeys(a, b);
      if (++j === b.length) return compareKeys(a, b); // a trailing dot
    }
    if (x !== y) return x - y;
  }
  return 0;
}

/** compareKeys on keys already split by keyParts. */
export function compareKeyParts(pa: readonly number[], pb: readonly number[]): number {
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}
