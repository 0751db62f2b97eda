/**
 * The row reader's fast paths (issue 14, core speed) answer exactly as the general ones: codes parsed
 * without a regular expression, parents found on the path of the last rows read, column-number rows of
 * numbers read without building their text.
 */
import fc from "fast-check";
import { isColumnNumberRow } from "../../src/core/table";
import { parseCode, romanToNumber, type ParsedCode } from "../../src/core/text";
import { analyzed, sheetOf } from "./helpers";

/** parseCode as it was written before the fast path (regular expressions only): the specification. */
function parseCodeSpec(raw: unknown): ParsedCode | null {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw <= 0) return null;
    raw = String(raw);
  }
  if (typeof raw !== "string") return null;
  let t = raw.trim();
  if (/\s/.test(t)) t = t.replace(/\s+/g, "");
  if (t.endsWith(".")) t = t.slice(0, -1);
  if (t === "") return null;
  if (/^\d+(\.\d+)*$/.test(t)) {
    const key = /(^|\.)0\d/.test(t) ? t.split(".").map(Number).join(".") : t;
    return { key, first: parseInt(key, 10), depth: key.split(".").length, roman: false };
  }
  const r = romanToNumber(t);
  if (r !== null && r > 0) return { key: String(r), first: r, depth: 1, roman: true };
  return null;
}

describe("parseCode", () => {
  it.each([
    "1",
    "1.6.2",
    "1.6.2.",
    "12.",
    "0",
    "0.1",
    "01.2",
    "1.02",
    "1..2",
    ".",
    "1.",
    ".1",
    "1.6.",
    "1.6..",
    " 1.6 ",
    "1 .6",
    "II",
    "ii.",
    "IIII",
    "a)",
    "",
    "1234567890123456789012",
    "123456789012345.1",
  ])("reads %j as the regular expressions did", (code) => {
    expect(parseCode(code)).toEqual(parseCodeSpec(code));
  });

  it("agrees with the regular expressions on any text of digits, dots, spaces and Roman letters", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("0", "1", "2", "9", ".", " ", "I", "V", "x", "a"), { maxLength: 12 }),
        (chars) => {
          const code = chars.join("");
          expect(parseCode(code)).toEqual(parseCodeSpec(code));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("isColumnNumberRow", () => {
  const row = (cells: (string | number | null)[]) =>
    isColumnNumberRow(sheetOf([cells]), 0, 0, cells.length - 1);

  it("reads numbers as their text", () => {
    expect(row([1, 2, 3, 4])).toBe(true);
    expect(row([1, "(2)", 3, "(4)"])).toBe(true);
    expect(row([0, 1, 2])).toBe(true);
    expect(row([1, 2.5, 3])).toBe(false);
    expect(row([1, 3, 4])).toBe(false);
    expect(row([1, 2, 100])).toBe(false);
    expect(row([-1, 0, 1])).toBe(false);
    expect(row([1, null, 2])).toBe(false);
    expect(row([1, 2, Number.NaN, 3])).toBe(true);
  });
});

describe("the tree", () => {
  const rows = (codes: string[]) =>
    analyzed(
      sheetOf([
        ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được"],
        ...codes.map((c, i) => [c, `Tiêu chí số ${i}`, "1,00", "0,50"]),
      ]),
    ).rows;
  const parents = (codes: string[]) =>
    rows(codes).map((r, _, all) => (r.parent === null ? null : all[r.parent].code));

  it("finds the parent however far back it was read, and the first of a repeated code", () => {
    expect(parents(["1", "1.1", "1.1.1", "1.2", "1.10", "1.10.1", "2", "2.1"])).toEqual([
      null,
      "1",
      "1.1",
      "1",
      "1",
      "1.10",
      null,
      "2",
    ]);
    // 1.2 after domain 2 still belongs to 1; 1.1.1 after a repeated 1.1 to the first 1.1.
    const out = rows(["1", "1.1", "2", "1.2", "1.1", "1.1.1", "1.3.1"]);
    expect(out.map((r) => r.parent)).toEqual([null, 0, null, 0, 0, 1, 0]);
    expect(out[1].children).toEqual([5]);
  });
});

describe("detail lines under a criterion («- …» in the TT column)", () => {
  const rows = (detail: (string | null)[]) => [
    ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được"],
    ["1", "LĨNH VỰC MỘT", "2,00", "1,50"],
    ["1.1", "Báo cáo định kỳ", "2,00", "1,50"],
    detail,
    ["TỔNG ĐIỂM", null, "2,00", "1,50"],
  ];

  it.each(["-", "–", "+", "•"])(
    "«%s» without a score: part of the criterion above, its name kept, no warning",
    (b) => {
      const a = analyzed(sheetOf(rows([b, "Báo cáo quý đúng hạn: 0,5 điểm", null, null])));
      expect(a.issues).toEqual([]);
      expect(a.rows.map((r) => r.code)).toEqual(["1", "1.1"]);
      expect(a.rows[1]).toMatchObject({ name: "Báo cáo định kỳ", continuationRows: [3] });
      expect(a.total.complete).toBe(true);
    },
  );

  it("with a score it is no detail: said, and not counted", () => {
    const a = analyzed(sheetOf(rows(["-", "Báo cáo quý đúng hạn", "1,00", "0,50"])));
    expect(a.issues.map((i) => i.kind)).toEqual(["unparseable", "unclassified-row"]);
    expect(a.total).toMatchObject({ max: 2, achieved: 1.5 });
  });
});
