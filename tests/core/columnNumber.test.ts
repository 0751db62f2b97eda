import fc from "fast-check";
import { columnNumberOf } from "../../src/core/table";

/** What the column-number row's cells were matched with before: two patterns. */
function byPattern(t: string): number {
  const m = /^\(?(\d{1,2})\)?$/.exec(t) ?? /^\(([A-Za-z])\)$/.exec(t);
  if (!m) return -1;
  return /\d/.test(m[1]) ? Number(m[1]) : m[1].toLowerCase().charCodeAt(0) - 96;
}

describe("columnNumberOf (a column-number row's cells)", () => {
  it("reads (1), 12, (c) and refuses the rest", () => {
    expect(["(1)", "12", "07", "(c)", "(C)", "3)", "(4"].map(columnNumberOf)).toEqual([1, 12, 7, 3, 3, 3, 4]);
    expect(["(", "()", "123", "c", "(cd)", "1.2", "(١)", "(é)", "a)"].map(columnNumberOf)).toEqual(
      Array(9).fill(-1),
    );
  });

  it("agrees with the patterns on any short text", () => {
    const ch = fc.constantFrom("(", ")", "0", "1", "7", "9", "a", "Z", "é", "@", "[", "`", "{", " ", ".");
    fc.assert(
      fc.property(fc.array(ch, { minLength: 1, maxLength: 5 }), (cs) => {
        const t = cs.join("");
        expect(columnNumberOf(t)).toBe(byPattern(t));
      }),
      { numRuns: 3000 },
    );
  });
});
