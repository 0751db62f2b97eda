import fc from "fast-check";
import { fold, foldContainsPattern, foldedStart, foldUncached, mayFoldToContain } from "../../src/core/text";

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

  it("tells a folded text's start and words without folding it, or says it cannot", () => {
    const ch = fc.constantFrom(..."aAđĐêỆĩİßÇdiemDIỂMbonusPENALTYtg  \t\u00a0\u0301\u3000Σя.:");
    const words = ["diem", "bonus", "penalt", "deduction"];
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 10 }), (cs) => {
        const t = cs.join("");
        const f = foldUncached(t);
        const start = foldedStart(t);
        if (start !== -1)
          expect(start).toBe(f === "" ? -2 : (f.charCodeAt(0) << 16) | (f.length > 1 ? f.charCodeAt(1) : 0));
        // Never "no" when the folded text has one of the words.
        if (words.some((w) => f.includes(w))) expect(mayFoldToContain(t, words)).toBe(true);
        // And "no" when it has none and every character is in the table (Latin, the marks).
        else if (!/[^\u0000-\u024f\u0300-\u036f\u1e00-\u1eff]/.test(t))
          expect(mayFoldToContain(t, words)).toBe(false);
      }),
      { numRuns: 5000 },
    );
    expect(mayFoldToContain("Tiêu chí 12.3", words)).toBe(false);
    expect(mayFoldToContain("ĐIỂM THƯỞNG", words)).toBe(true);
  });

  it("answers as mayFoldToContain by one pattern (what adjustmentOf asks every row's name)", () => {
    const words = ["diem", "bonus", "penalt", "deduction"];
    const pattern = foldContainsPattern(words);
    const ch = fc.oneof(
      fc.constantFrom(
        ..."dDđĐďiIíÌỉĨịİıeEéÊềỆmMḿbBoOôơnNñsSuUưpPaAlLtTcC  \t\u00a0\u0301\u0323\u3000\ufeffΣя.:1",
      ),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 30 }), (cs) => {
        const t = cs.join("");
        expect(pattern.test(t)).toBe(mayFoldToContain(t, words));
      }),
      { numRuns: 20000 },
    );
    // Every single character, alone and between the letters of a word.
    const bad: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const x = String.fromCharCode(c);
      for (const t of [x, `di${x}em`, `${x}iem`, `bonu${x}`, `Đi${x}m`])
        if (pattern.test(t) !== mayFoldToContain(t, words)) bad.push(`${c.toString(16)} ${t}`);
    }
    expect(bad).toEqual([]);
    expect(pattern.test("Tiêu chí 12.3")).toBe(false);
    expect(pattern.test("ĐIỂM THƯỞNG")).toBe(true);
    expect(pattern.test("Điểm trừ")).toBe(true);
  });

  it("reads Vietnamese as the headers and names need", () => {
    expect(fold("  Điểm   TỐI ĐA ")).toBe("diem toi da");
    expect(fold("Cải cách THỦ TỤC hành chính")).toBe("cai cach thu tuc hanh chinh");
    expect(fold("x".repeat(3000))).toBe("x".repeat(3000));
  });
});
