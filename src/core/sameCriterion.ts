/**
 * The one "same criterion" rule. Criteria sets are renumbered from year to year and from province to province,
 * so a code alone does not say two rows are the same criterion: a commune's "4.2 Thực hiện tiết kiệm kinh phí"
 * is not the seed's "4.2 Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021". Names decide, compared after folding
 * (lower case, no diacritics, đ → d, no punctuation, long forms abbreviated, filler words and numbers dropped)
 * by a word-overlap similarity. The catalogue lookup and the year-over-year comparison both use it. Pure.
 */

import { domainMeaning } from "./domainMeaning";
import { fold, parseCode } from "./text";
import { boundedMemo } from "./boundedMemo";

/**
 * Long forms and the abbreviations the results tables use for them: each long form becomes its abbreviation, so
 * "SNCL" and "sự nghiệp công lập" agree without the spelled-out words inflating the overlap of two names that
 * merely share "TTHC".
 */
const ABBREVIATIONS: [string, string][] = [
  ["can bo cong chuc vien chuc", "cbccvc"],
  ["van ban quy pham phap luat", "vbqppl"],
  ["thu tuc hanh chinh", "tthc"],
  ["cai cach hanh chinh", "cchc"],
  // "đơn vị sự nghiệp", "đơn vị sự nghiệp công lập" and "đơn vị SNCL" are one thing in these tables.
  ["su nghiep cong lap", "su nghiep"],
  ["sncl", "su nghiep"],
  ["kinh te xa hoi", "ktxh"],
  ["kt xh", "ktxh"],
  ["ngan sach nha nuoc", "nsnn"],
  ["hoi dong nhan dan", "hdnd"],
  ["uy ban nhan dan", "ubnd"],
];
const LONG_FORMS = ABBREVIATIONS.map(([long, short]) => ({
  long,
  re: new RegExp(`\\b${long}\\b`, "g"),
  short,
}));

/**
 * Words that carry no meaning of their own in a criterion name: connectives, plural markers, "năm" (before a
 * year, which is dropped as a number).
 */
const FILLER = new Set([
  "cua",
  "va",
  "cac",
  "nhung",
  "la",
  "de",
  "cho",
  "tai",
  "trong",
  "ve",
  "voi",
  "doi",
  "theo",
  "duoc",
  "o",
  "nam",
  "hoac",
]);

const NOT_WORD = /[^a-z0-9]+/g;
const DIGITS = /^\d+$/;

/**
 * Words of a name, folded: lower case without diacritics, punctuation as spaces, long forms abbreviated
 * ("thủ tục hành chính" → tthc, "KT-XH" → ktxh), numbers, filler words and a "Tiêu chí (thành phần)" prefix dropped.
 */
export function nameWords(name: string): string[] {
  let text = fold(name).replace(NOT_WORD, " ");
  // A pattern can only match where its words are: most names have none of them (no replace run).
  for (const { long, re, short } of LONG_FORMS) if (text.includes(long)) text = text.replace(re, short);
  const spelled = text
    .trim()
    .split(" ")
    .filter((w) => w !== "");
  const out: string[] = [];
  for (let i = 0; i < spelled.length; i++) {
    const w = spelled[i];
    if (DIGITS.test(w)) continue;
    if (w === "tieu" && spelled[i + 1] === "chi") {
      i += spelled[i + 2] === "thanh" && spelled[i + 3] === "phan" ? 3 : 1;
      continue;
    }
    if (!FILLER.has(w)) out.push(w);
  }
  return out;
}

/**
 * nameWords, remembered: a lookup compares each row's name with every catalogue name, so the same names come
 * back thousands of times in a large table. Bounded: forgotten all at once past 50,000 names.
 */
export const wordsOf: (name: string) => readonly string[] = boundedMemo(nameWords, 50_000);

function bigrams(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * How alike two criterion names are, 0 … 1: one third of, plus two thirds of
 *  - the Dice coefficient of their word sets (2|A∩B| / (|A|+|B|)), plus
 *  - the containment of the shorter name's word pairs in the longer's (|P∩Q| / min(|P|,|Q|)),
 * so a name that is another's with a clause added ("… (đối với cơ quan hành chính …) được phân bổ …") still
 * scores high, while two criteria sharing only stock phrases ("Tỷ lệ …", "… thanh toán trực tuyến") do not.
 * A name of one word is compared by words alone.
 */
export function nameSimilarity(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.length === 0 || wb.length === 0) return wa.length === wb.length ? 1 : 0;
  const sa = new Set(wa);
  const sb = new Set(wb);
  const dice = (2 * overlap(sa, sb)) / (sa.size + sb.size);
  const pa = bigrams(wa);
  const pb = bigrams(wb);
  if (pa.size === 0 || pb.size === 0) return dice;
  const containment = overlap(pa, pb) / Math.min(pa.size, pb.size);
  return (dice + 2 * containment) / 3;
}

/**
 * Names at or above this similarity are the same criterion. Chosen on the seed: its wording variants (the
 * results table's and §III.2's names of 6.3.1, 6.4, 7.2, 8.1.1, 8.1.2, abbreviations spelled out or not) score
 * 0.8 or more; its distinct neighbours (7.6.1 / 7.6.2 / 7.6.3, 8.1.1 / 8.1.2, 6.1.2 / 6.3.2 / 6.2.3) score
 * 0.7 or less, the closest being 7.2 / 7.6.3, where folding makes "toàn" and "toán" one word
 * (tests/core/sameCriterion.test.ts lists them all).
 */
export const SAME_NAME_THRESHOLD = 0.75;

/** True when two names are the same criterion's (see nameSimilarity and SAME_NAME_THRESHOLD). */
export function sameName(a: string, b: string): boolean {
  return nameSimilarity(a, b) >= SAME_NAME_THRESHOLD;
}

export interface NamedCode {
  /** The code as written ("6.4", "II") or null. */
  code: string | null;
  name: string;
}

function codeKey(code: string | null | undefined): string | null {
  return code === null || code === undefined ? null : (parseCode(code)?.key ?? null);
}

/**
 * Same code (compared canonically: "II" = "2", "6.4." = "6.4") and same name. A blank name says nothing, so
 * then the code alone decides; two rows without a code are the same when their names are.
 */
export function sameCriterion(a: NamedCode, b: NamedCode): boolean {
  const ka = codeKey(a.code);
  const kb = codeKey(b.code);
  if (ka !== kb) return false;
  if (a.name.trim() === "" || b.name.trim() === "") return ka !== null;
  return sameName(a.name, b.name);
}

export interface CriterionPair<A, B> {
  before: A | null;
  after: B | null;
  /**
   * How they were paired: "code" (same code and name), "name" (renumbered), "meaning" (two domains renamed but
   * about the same thing: "Hiện đại hóa hành chính" → "Chính quyền số"), null (one side only).
   */
  by: "code" | "name" | "meaning" | null;
}

/**
 * Pairs last year's rows with this year's: first by code and name (sameCriterion), then, among the rest, by
 * name alone where codes were renumbered (most similar first, at least SAME_NAME_THRESHOLD, same level when
 * both rows have one), then domains (level 1) by their meaning (domainMeaning). The result follows `after`'s order; a `before` row with no partner (dropped) comes right
 * after the pair of the `before` row above it, or first.
 */
export function matchCriteria<
  A extends NamedCode & { level?: number },
  B extends NamedCode & { level?: number },
>(before: readonly A[], after: readonly B[]): CriterionPair<A, B>[] {
  const partner = new Array<number>(after.length).fill(-1);
  const how = new Array<CriterionPair<A, B>["by"]>(after.length).fill(null);
  const used = new Array<boolean>(before.length).fill(false);

  for (let j = 0; j < after.length; j++) {
    for (let i = 0; i < before.length; i++) {
      if (!used[i] && sameCriterion(before[i], after[j])) {
        used[i] = true;
        partner[j] = i;
        how[j] = "code";
        break;
      }
    }
  }

  const candidates: { i: number; j: number; s: number }[] = [];
  for (let j = 0; j < after.length; j++) {
    if (partner[j] !== -1 || after[j].name.trim() === "") continue;
    for (let i = 0; i < before.length; i++) {
      if (used[i] || before[i].name.trim() === "") continue;
      const la = before[i].level;
      const lb = after[j].level;
      if (la !== undefined && lb !== undefined && la !== lb) continue;
      const s = nameSimilarity(before[i].name, after[j].name);
      if (s >= SAME_NAME_THRESHOLD) candidates.push({ i, j, s });
    }
  }
  candidates.sort((x, y) => y.s - x.s || x.j - y.j || x.i - y.i);
  for (const { i, j } of candidates) {
    if (used[i] || partner[j] !== -1) continue;
    used[i] = true;
    partner[j] = i;
    how[j] = "name";
  }

  // Domains (level 1 on both sides) still unpaired: by meaning, when each side has one domain of that meaning.
  const meaningsOf = <T extends NamedCode & { level?: number }>(
    rows: readonly T[],
    taken: (k: number) => boolean,
  ) => {
    const m = new Map<string, number[]>();
    rows.forEach((r, k) => {
      if (r.level !== 1 || taken(k)) return;
      const key = domainMeaning(r.name);
      if (key) m.set(key, [...(m.get(key) ?? []), k]);
    });
    return m;
  };
  const beforeMeanings = meaningsOf(before, (i) => used[i]);
  const afterMeanings = meaningsOf(after, (j) => partner[j] !== -1);
  for (const [key, js] of afterMeanings) {
    const is = beforeMeanings.get(key);
    if (!is || is.length !== 1 || js.length !== 1) continue;
    used[is[0]] = true;
    partner[js[0]] = is[0];
    how[js[0]] = "meaning";
  }

  const out: CriterionPair<A, B>[] = [];
  const placed = new Array<number>(before.length).fill(-1); // index in out of each paired before row
  for (let j = 0; j < after.length; j++) {
    const i = partner[j];
    if (i !== -1) placed[i] = out.length;
    out.push({ before: i === -1 ? null : before[i], after: after[j], by: how[j] });
  }
  // Dropped rows: after the pair (or dropped row) of the nearest before row above, in before's order.
  const dropped: { at: number; row: A }[] = [];
  let anchor = -1;
  for (let i = 0; i < before.length; i++) {
    if (used[i]) anchor = placed[i];
    else dropped.push({ at: anchor, row: before[i] });
  }
  dropped.sort((x, y) => x.at - y.at); // stable: before's order among rows with the same anchor
  const result: CriterionPair<A, B>[] = [];
  let d = 0;
  for (let k = -1; k < out.length; k++) {
    if (k >= 0) result.push(out[k]);
    for (; d < dropped.length && dropped[d].at === k; d++)
      result.push({ before: dropped[d].row, after: null, by: null });
  }
  return result;
}
