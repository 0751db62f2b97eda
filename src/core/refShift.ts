/**
 * The one walk over references in formula text that both row and column shifts use (insertRows/deleteRows,
 * insertColumns/deleteColumns): string literals are copied as they are, names and function calls are not
 * references, and each reference's sheet is resolved against the formula's home sheet. Pure.
 */

/** Characters a reference cannot follow or be followed by without being part of a longer name. */
const NAME_BEFORE = /[A-Za-z0-9_.$']/;
const NAME_AFTER = /[A-Za-z0-9_]/;

/**
 * Rewrites every reference `re` finds in `formula`. `re` must be sticky ("y") with group 1 the optional sheet
 * (quoted or not, without "!"). `isRef` can reject a match's shape (then the walk moves on one character);
 * `rewrite` gets the match, its sheet (`home` when none is written) and the prefix to keep ("Sheet!" or "")
 * and returns the new text, or null to keep the reference as written.
 */
export function rewriteRefs(
  formula: string,
  re: RegExp,
  home: string,
  rewrite: (m: RegExpExecArray, sheet: string, prefix: string) => string | null,
  isRef: (m: RegExpExecArray) => boolean = () => true,
): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const j = formula.indexOf('"', i + 1);
      const end = j === -1 ? formula.length : j + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    re.lastIndex = i;
    const m = i > 0 && NAME_BEFORE.test(formula[i - 1]) ? null : re.exec(formula);
    const after = m ? formula[i + m[0].length] : undefined;
    // A name followed by "(" is a function, by "!" a sheet; letters or digits after it: a longer name.
    if (
      !m ||
      after === "(" ||
      after === "!" ||
      (after !== undefined && NAME_AFTER.test(after)) ||
      !isRef(m)
    ) {
      out += ch;
      i++;
      continue;
    }
    i += m[0].length;
    const sheet = m[1] ? m[1].replace(/^'|'$/g, "").replace(/''/g, "'") : home;
    out += rewrite(m, sheet, m[1] ? `${m[1]}!` : "") ?? m[0];
  }
  return out;
}

/**
 * Where the span of rows or columns [a, b] goes when `count` are inserted at `at` (negative: deleted), as
 * Excel moves references: past `at` it moves, a deletion trims the span to what is left, and a span entirely
 * deleted is gone (null: the reference becomes #REF!).
 */
export function shiftSpan(a: number, b: number, at: number, count: number): [number, number] | null {
  if (count > 0) return [a >= at ? a + count : a, b >= at ? b + count : b];
  const end = at - count; // the first index after the deletion
  const gone = (x: number) => x >= at && x < end;
  if (gone(a) && gone(b)) return null;
  return [gone(a) ? at : a >= end ? a + count : a, gone(b) ? at - 1 : b >= end ? b + count : b];
}
