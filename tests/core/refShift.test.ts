/** The one reference walk behind row and column shifts (core/refShift.ts), through both of its users. */
import { shiftSpan } from "../../src/core/refShift";
import { shiftFormulaRows } from "../../src/core/rowShift";

describe("shiftSpan", () => {
  test("insertion moves what is at or past `at`", () => {
    expect(shiftSpan(2, 6, 4, 3)).toEqual([2, 9]);
    expect(shiftSpan(4, 4, 4, 1)).toEqual([5, 5]);
    expect(shiftSpan(0, 3, 4, 2)).toEqual([0, 3]);
  });
  test("deletion trims a span, moves what follows and loses a span entirely deleted", () => {
    expect(shiftSpan(2, 9, 4, -3)).toEqual([2, 6]);
    expect(shiftSpan(5, 9, 4, -3)).toEqual([4, 6]);
    expect(shiftSpan(2, 5, 4, -3)).toEqual([2, 3]);
    expect(shiftSpan(4, 6, 4, -3)).toBeNull();
    expect(shiftSpan(8, 8, 4, -3)).toEqual([5, 5]);
  });
});

describe("shiftFormulaRows", () => {
  test("moves row references on the target sheet only, leaving strings, functions and other sheets", () => {
    expect(shiftFormulaRows('=C5-D3&"E5"', "S", "S", 3, 2)).toBe('=C7-D3&"E5"');
    expect(shiftFormulaRows("=SUM(C2:C9)+T!C9", "S", "S", 4, 1)).toBe("=SUM(C2:C10)+T!C9");
    expect(shiftFormulaRows("='Kế hoạch'!B6*2", "Kế hoạch", "S", 5, 1)).toBe("='Kế hoạch'!B7*2");
    expect(shiftFormulaRows("=LOG10(A5)", "S", "S", 0, 1)).toBe("=LOG10(A6)");
  });
  test("a reference into deleted rows becomes #REF!, a range keeps what is left", () => {
    expect(shiftFormulaRows("=A5+A9", "S", "S", 4, -2)).toBe("=#REF!+A7");
    expect(shiftFormulaRows("=SUM($B$3:$B$9)", "S", "S", 4, -2)).toBe("=SUM($B$3:$B$7)");
  });
});
