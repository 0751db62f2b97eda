/**
 * What kind of row a table row is, from its text: a total row, a bonus/penalty row or block heading, the final
 * score after such a block, the signature block under a table, the column-number row under a header. Pure.
 */
import type { CellValue, SheetSnapshot } from "./types";
import type { Columns } from "./table";
import { cellText, fold, foldContainsPattern, foldedStart } from "./text";
import { boundedMemo } from "./boundedMemo";

/** Cell (row, col) in sheet coordinates; null outside the block (table.ts's cellAt, without importing it). */
function valueAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const v = sheet.values[row - sheet.top]?.[col - sheet.left];
  return v === undefined ? null : v;
}

/**
 * A total's label, folded: «Tổng», «Tổng cộng», «Tổng điểm», «Tổng số điểm», «Cộng», «Tổng điểm đạt được», «Tổng
 * điểm chỉ số CCHC», «Total»…, optionally with the parts it adds in brackets — «TỔNG CỘNG (1+2+…+8)», «Tổng điểm
 * (I+II+...+VIII)», «(A+B)». Without the brackets such a label in capitals read as one more domain and
 * doubled the score.
 */
const TOTAL =
  /^(tong( cong( diem)?| (so )?diem( dat duoc| tu danh gia| tham dinh| chi so( cai cach hanh chinh| cchc| par index)?)?| so)?|cong|total( score| points)?|grand total)(\s*\(([\divxlcdmab\s+,;.\u2026-])*\))?\s*[:.]?$/;
/** The longest total label tested (the longest above with its brackets). */
const TOTAL_MAX_LENGTH = 80;

/** Looks like a criterion code (1, 1.6.2, "II."), without allocating: total rows never do. */
export const CODE_LIKE = /^\s*(\d+(\.\d+)*|[IVXivx]+)\.?\s*$/;

/** The columns a total row says so in (a list made once: every row of a table is asked). */
const TOTAL_ROLES = ["code", "name"] as const;

/** A total row: "Tổng", "Tổng điểm", "Cộng", "Total" in the code or name column of a row without a code. */
export function isTotalRow(sheet: SheetSnapshot, row: number, columns: Columns): boolean {
  // The wording first: most rows fail its cheap first-letter test, and only a row worded as a total is
  // asked whether its code cell holds a code (then it is a criterion, not the total).
  for (let k = 0; k < TOTAL_ROLES.length; k++) {
    const col = columns[TOTAL_ROLES[k]];
    if (col === undefined) continue;
    const v = valueAt(sheet, row, col);
    if (typeof v !== "string" || v.length > TOTAL_MAX_LENGTH) continue;
    if (!mayStartLike(v, TOTAL_STARTS)) continue;
    if (TOTAL.test(fold(v))) return !hasCode(sheet, row, columns);
  }
  return false;
}

/** The row's code cell holds a number or a code («1.6.2», «II.»). */
function hasCode(sheet: SheetSnapshot, row: number, columns: Columns): boolean {
  if (columns.code === undefined) return false;
  const code = valueAt(sheet, row, columns.code);
  return typeof code === "number" || (typeof code === "string" && CODE_LIKE.test(code));
}

/** What a bonus/penalty row adds: "Điểm thưởng", "Điểm cộng" (bonus), "Điểm trừ", "Điểm phạt" (penalty). */
export type Adjustment = "bonus" | "penalty" | "both";

/** Digits, spaces and ASCII punctuation only: folding leaves such a text without a letter. */
const NO_LETTERS = /^[\d\s.,:;()%+\-/]*$/;

const BONUS = /^(?:[ivx\d.]+\s*[.)-]?\s*)?(diem (thuong|cong)|bonus( points?)?)\b/;
const PENALTY = /^(?:[ivx\d.]+\s*[.)-]?\s*)?(diem (tru|phat)|penalt(y|ies)|deductions?)\b/;
const BOTH = /\b(diem (thuong|cong))\b.*\b(tru|phat)\b|\bbonus\b.*\bpenalt/;

/** Whether a row's name (or code cell) says it is a bonus or penalty row, or the heading of such a block. */
export function adjustmentOf(name: string): Adjustment | null {
  // A code ("1.6.2") or a number has no letter, and every pattern needs words: no folding needed.
  if (name.length > 200 || NO_LETTERS.test(name)) return null;
  // Every pattern needs one of these words: most names are ruled out by one pattern (every row's name is
  // asked, on every analysis), without folding or remembering them.
  if (!(adjustmentWords ??= foldContainsPattern(ADJUSTMENT_WORDS)).test(name)) return null;
  // The few left are folded and tested once per distinct text.
  return adjustmentMemo(name);
}

/** What BONUS, PENALTY or BOTH cannot match without. */
const ADJUSTMENT_WORDS = ["diem", "bonus", "penalt", "deduction"];
/** mayFoldToContain(name, ADJUSTMENT_WORDS) as one pattern, made on first use. */
let adjustmentWords: RegExp | null = null;

const adjustmentMemo = boundedMemo(adjustmentOfUncached, 100_000);

function adjustmentOfUncached(name: string): Adjustment | null {
  const t = fold(name);
  if (BOTH.test(t)) return "both";
  if (BONUS.test(t)) return "bonus";
  if (PENALTY.test(t)) return "penalty";
  return null;
}

const FINAL =
  /^(tong( cong| so)?( diem)?\b|diem (cuoi cung|chung cuoc|sau (khi )?cong)|ket qua (cuoi cung|sau)|final (score|total))/;

/** The final score under a bonus/penalty block after the total: «Tổng điểm sau khi cộng, trừ». */
export function isFinalTotal(name: string): boolean {
  return name.length <= 80 && FINAL.test(fold(name));
}

/**
 * The block under a table that ends it: "Người lập biểu", "CHỦ TỊCH", "TM. UBND", "Nơi nhận", …, and the
 * notes or the add-in's legend written under it.
 */
const SIGNATURE =
  /^(nguoi lap( bieu)?|nguoi (tong hop|kiem tra)|(kt\.?|tm\.?|q\.?)\s*(chu tich|ubnd|uy ban|giam doc)|(pho )?chu tich|(pho )?giam doc|thu truong( don vi| co quan)?|noi nhan|xac nhan cua|prepared by|approved by|chairman|chu giai|legend \(par index\)|ghi chu\s*:)/;

/** The first two folded characters every SIGNATURE alternative starts with ("q" alone: any second one). */
const SIGNATURE_STARTS = startsOf([
  "ng",
  "kt",
  "tm",
  "ph",
  "ch",
  "gi",
  "th",
  "no",
  "xa",
  "pr",
  "ap",
  "le",
  "gh",
  "q",
]);
/** The same for TOTAL. */
const TOTAL_STARTS = startsOf(["to", "co", "gr"]);

/** Two-character starts as foldedStart packs them; a one-letter start stands for any second character. */
function startsOf(starts: string[]): { pairs: Set<number>; firsts: Set<number> } {
  const pairs = new Set<number>();
  const firsts = new Set<number>();
  for (const s of starts)
    if (s.length === 1) firsts.add(s.charCodeAt(0));
    else pairs.add((s.charCodeAt(0) << 16) | s.charCodeAt(1));
  return { pairs, firsts };
}

/** Whether fold(text) may start like one of `starts` (true when the fold table cannot tell). */
function mayStartLike(text: string, starts: { pairs: Set<number>; firsts: Set<number> }): boolean {
  const s = foldedStart(text);
  return s === -1 || starts.pairs.has(s) || starts.firsts.has(s >>> 16);
}

/** A row of the signature block: no number in it, and a short cell that starts like a signature title. */
export function isSignatureRow(sheet: SheetSnapshot, row: number, left: number, right: number): boolean {
  const r = sheet.values[row - sheet.top];
  if (!r) return false;
  let hit = false;
  for (let c = left; c <= right; c++) {
    const v = r[c - sheet.left];
    if (typeof v === "number") return false;
    if (typeof v !== "string" || v.length > 60) continue;
    // Every signature title starts with a letter; scores typed as text ("9,50") start with a digit.
    const c0 = v.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) continue;
    if (!mayStartLike(v, SIGNATURE_STARTS)) continue;
    if (SIGNATURE.test(fold(v))) hit = true;
  }
  return hit;
}

/** The column-number row under a header: «(1) (2) (3) (4)» or «1 2 3 4 5», numbered left to right. */
export function isColumnNumberRow(sheet: SheetSnapshot, row: number, left: number, right: number): boolean {
  let expect = -1;
  let seen = 0;
  const r = sheet.values[row - sheet.top];
  if (!r) return false;
  for (let c = left; c <= right; c++) {
    const v = r[c - sheet.left];
    if (typeof v === "number") {
      // The text of a number is "(d)" or "dd" only for a whole number below 100; no string built for it.
      if (!Number.isFinite(v)) continue;
      if (!Number.isInteger(v) || v < 0 || v > 99) return false;
      if (expect !== -1 && v !== expect) return false;
      expect = v + 1;
      seen++;
      continue;
    }
    // A column number is at most four characters trimmed ("(12)"): a longer text (a criterion's name) is
    // ruled out before cleaning it, which scans it all.
    if (typeof v === "string" && v.length > 4 && v.trim().length > 4) return false;
    const t = cellText(v === undefined ? null : v);
    if (t === "") continue;
    const n = columnNumberOf(t);
    if (n < 0) return false;
    if (expect !== -1 && n !== expect) return false;
    expect = n + 1;
    seen++;
  }
  return seen >= 3;
}

/**
 * The number a column-number cell says: "(3)", "3", "12" (also "(3" or "3)"), or a letter in brackets "(c)" = 3;
 * -1 for anything else. By hand: every row of a table is tested.
 */
export function columnNumberOf(t: string): number {
  const open = t.charCodeAt(0) === 40; // (
  const close = t.length > 1 && t.charCodeAt(t.length - 1) === 41; // )
  const from = open ? 1 : 0;
  const to = close ? t.length - 1 : t.length;
  const len = to - from;
  if (len < 1 || len > 2) return -1;
  const c0 = t.charCodeAt(from);
  if (c0 >= 48 && c0 <= 57) {
    if (len === 1) return c0 - 48;
    const c1 = t.charCodeAt(from + 1);
    return c1 >= 48 && c1 <= 57 ? (c0 - 48) * 10 + (c1 - 48) : -1;
  }
  const letter = c0 | 32;
  return open && close && len === 1 && letter >= 97 && letter <= 122 ? letter - 96 : -1;
}
