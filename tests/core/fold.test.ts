import fc from "fast-check";
import { fold, foldUncached } from "../../src/core/text";

describe("fold by its table", () => {
  it("folds every single character as its definition does", () => {
    const bad: string[] = [];
    for (let c = 0; c < 0x2100; c++) {
      const ch = String.fromCharCode(c);
      if (fold(`a${ch}b`) !== foldUncached(`a${ch}b`)) bad.push(c.toString(16));
    }
    expect(bad).toEqual([]);
  });

  it("folds any text as its definition does", () => {
    const ch = fc.constantFrom(
      ..."aAđĐêỆệẾếƠởỞưỮÝýĩİıßẞñÇ  \t\n\u00a0\u2003\u3000\ufeff\u0301\u0323\u0309\u1dc0\u20d0Σσςя日1.,-()",
      "\ud83d\ude00",
    );
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 12 }), (cs) => {
        const t = cs.join("");
        expect(fold(t)).toBe(foldUncached(t));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads Vietnamese as the headers and names need", () => {
    expect(fold("  Điểm   TỐI ĐA ")).toBe("diem toi da");
    expect(fold("Cải cách THỦ TỤC hành chính")).toBe("cai cach thu tuc hanh chinh");
    expect(fold("x".repeat(3000))).toBe("x".repeat(3000));
  });
});
