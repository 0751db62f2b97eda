import fc from "fast-check";
import { compareKeys, compareKeyText } from "../../src/core/text";

const sign = (n: number) => (Number.isNaN(n) ? NaN : Math.sign(n));

describe("compareKeyText (the plan sheet's order)", () => {
  it("orders codes by their numbers: 1 < 1.6 < 1.6.2 < 1.10 < 2 < 10", () => {
    const keys = ["10", "1.10", "2", "1.6.2", "1", "1.6"];
    expect([...keys].sort(compareKeyText)).toEqual(["1", "1.6", "1.6.2", "1.10", "2", "10"]);
  });

  it("agrees with compareKeys on keys with a trailing or doubled dot (a property run found 26. against 26)", () => {
    for (const [a, b] of [
      ["26.", "26"],
      ["26", "26."],
      ["1.2.", "1.2"],
      ["1..2", "1.2"],
      ["3.", "3."],
    ])
      expect(sign(compareKeyText(a, b))).toEqual(sign(compareKeys(a, b)));
  });

  it("agrees with compareKeys on every pair of keys, odd ones included", () => {
    const segment = fc.oneof(
      fc.nat({ max: 30 }).map(String),
      fc.constantFrom("", "x", "0", "123456789012345678"),
    );
    const key = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join("."));
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(sign(compareKeyText(a, b))).toEqual(sign(compareKeys(a, b)));
      }),
      { numRuns: 2000 },
    );
  });
});
