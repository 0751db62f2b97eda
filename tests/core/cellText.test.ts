import fc from "fast-check";
import { cellText, needsCleaning } from "../../src/core/text";

describe("cellText's check for texts that need cleaning", () => {
  it("finds what the pattern it replaces finds", () => {
    const ch = fc.constantFrom(
      "a",
      "ê",
      "1",
      " ",
      "\t",
      "\n",
      "\r",
      "\u000b",
      "\u000c",
      "\u00a0",
      "\u2003",
      "\u2028",
      "\u202f",
      "\u3000",
      "\ufeff",
      "\u200b",
      "~",
    );
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 6 }), (cs) => {
        const s = cs.join("");
        expect(needsCleaning(s)).toBe(/^\s|\s$|\s\s|[\t\n\r\u00a0]/.test(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("cleans texts and keeps clean ones as they are", () => {
    expect(cellText("  Tiêu  chí\u00a01.2 ")).toBe("Tiêu chí 1.2");
    expect(cellText("a\tb")).toBe("a b");
    const clean = "Tiêu chí 1.2";
    expect(cellText(clean)).toBe(clean);
    expect(cellText(null)).toBe("");
    expect(cellText(2.5)).toBe("2.5");
  });
});
