/**
 * The score readings shared by every table and analysis (readNumber, issue 14): each distinct cell content is
 * parsed once per process, so a reading must depend on the content alone and never carry one table's cell
 * into another table's analysis.
 */
import fc from "fast-check";
import { parseNumber, readNumber } from "../../src/core/numbers";
import type { CellValue } from "../../src/core";
import { analyzed, byCode, sheetOf } from "./helpers";

const HEADER: CellValue[] = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được"];

describe("readNumber", () => {
  it("reads as parseNumber does, the same frozen reading for the same content", () => {
    const cell = fc.oneof(
      fc.constantFrom("1,00", "0,50", "1.000,50", " 9,5 điểm", "Không áp dụng", "KAD", "—", "", "abc", "85%"),
      fc.double({ noNaN: false }),
      fc.string({ maxLength: 8 }),
      fc.constant(null),
      fc.boolean(),
    );
    fc.assert(
      fc.property(cell, (v) => {
        const r = readNumber(v);
        expect(r).toEqual(parseNumber(v));
        expect(Object.isFrozen(r)).toBe(true);
        expect(readNumber(v)).toEqual(r);
      }),
      { numRuns: 3000 },
    );
    expect(readNumber("0,75")).toBe(readNumber("0,75"));
  });

  it("keeps -0 apart from 0 (a Map takes them for one key)", () => {
    expect(Object.is((readNumber(0) as { value: number }).value, 0)).toBe(true);
    expect(Object.is((readNumber(-0) as { value: number }).value, -0)).toBe(true);
    expect(Object.is((readNumber(0) as { value: number }).value, 0)).toBe(true);
  });

  it("never carries one table's reading into the next table's analysis", () => {
    // The same scores written three ways in three tables analysed one after another: each keeps its own.
    const table = (max: CellValue, achieved: CellValue) =>
      analyzed(sheetOf([HEADER, ["1", "Lĩnh vực 1", max, achieved]]));
    const comma = byCode(table("2,50", "1,50"), "1");
    const dot = byCode(table("2.50", "1.50"), "1");
    const numbers = byCode(table(2.5, 1.5), "1");
    expect(comma.stated.max).toEqual({ kind: "number", value: 2.5, style: "comma", percentText: false });
    expect(dot.stated.max).toEqual({ kind: "number", value: 2.5, style: "dot", percentText: false });
    expect(numbers.stated.max).toEqual({ kind: "number", value: 2.5, style: "number", percentText: false });
    for (const r of [comma, dot, numbers]) expect([r.max, r.achieved, r.gap]).toEqual([2.5, 1.5, 1]);
    // A cell that is not a number in one table, a number in the next: each read as it is.
    const bad = analyzed(sheetOf([HEADER, ["1", "Lĩnh vực 1", "2,50", "x1,5"]]));
    expect(byCode(bad, "1").stated.achieved).toEqual({ kind: "invalid", text: "x1,5" });
    expect(bad.issues.map((i) => i.kind)).toContain("unparseable");
    const good = analyzed(sheetOf([HEADER, ["1", "Lĩnh vực 1", "2,50", "1,5"]]));
    expect(good.issues).toEqual([]);
    expect(byCode(good, "1").achieved).toBe(1.5);
  });
});
