import { analyzeSheet, issueMessage, parseNumber, round2, formatScore, type IssueKind } from "../../src/core";
import { analyzed, byCode, noDiacritics, seedRows, sheetOf } from "./helpers";

const EN_HEADER = ["Code", "Criterion", "Max score", "Score", "Gap", "Reason"];
const commaToNumber = (c: string) => (/^\d+,\d+$/.test(c) ? Number(c.replace(",", ".")) : c);

describe("variants of the seed table", () => {
  const base = analyzed(sheetOf(seedRows()));

  test("without diacritics", () => {
    const a = analyzed(sheetOf(seedRows(noDiacritics)));
    expect(a.table.columns).toEqual(base.table.columns);
    expect(a.total).toEqual(base.total);
    expect(a.rows.map((r) => r.code)).toEqual(base.rows.map((r) => r.code));
  });

  test("English headers (and an English repeated header)", () => {
    const rows = seedRows((c, i) => (i === 0 || i === 17 ? (EN_HEADER[seedRows()[0].indexOf(c)] ?? c) : c));
    const a = analyzed(sheetOf(rows));
    expect(a.table.lang).toBe("en");
    expect(a.total).toEqual(base.total);
    expect(a.skipped.filter((s) => s.why === "header")).toHaveLength(1);
  });

  test("numbers as numbers", () => {
    const a = analyzed(sheetOf(seedRows(commaToNumber)));
    expect(a.total).toMatchObject({ max: 99.5, achieved: 84.87, gap: 14.63, percent: 85.3 });
    expect(a.issues).toEqual([]);
  });

  test("table at C5 under a title", () => {
    const rows = [["BÁO CÁO KẾT QUẢ CHỈ SỐ CCHC NĂM 2023"], ["UBND huyện Bắc Sơn"], [], [], ...seedRows()];
    const s = sheetOf(
      rows.map((r) => [null, null, ...r]),
      { top: 0, left: 0 },
    );
    const a = analyzed(s);
    expect(a.table.headerRow).toBe(4);
    expect(a.table.left).toBe(2);
    expect(a.table.columns.code).toBe(2);
    expect(a.total.gap).toBe(14.63);
    // The same block read from C5 by a host that returns only the used range.
    const cropped = sheetOf(seedRows(), { top: 4, left: 2 });
    expect(analyzed(cropped).total).toEqual({ ...a.total });
  });

  test("Roman-numeral domains with criteria numbered inside them", () => {
    const rows = [
      ["STT", "Nội dung", "Điểm tối đa", "Điểm đạt"],
      ["I", "CÔNG TÁC CHỈ ĐẠO", "10", "9,5"],
      ["1", "Kế hoạch CCHC", "4", "4"],
      ["2", "Báo cáo", "6", "5,5"],
      ["II", "CẢI CÁCH THỂ CHẾ", "7", "6"],
      ["2.1", "Xây dựng văn bản", "7", "6"],
      ["Tổng cộng", "", "17", "15,5"],
    ];
    const a = analyzed(sheetOf(rows));
    expect(a.rows.map((r) => [r.code, r.key, r.level])).toEqual([
      ["I", "1", 1],
      ["1", "1.1", 2],
      ["2", "1.2", 2],
      ["II", "2", 1],
      ["2.1", "2.1", 2],
    ]);
    expect(a.total).toMatchObject({ max: 17, achieved: 15.5, gap: 1.5 });
    expect(a.rows[0].children).toEqual([1, 2]);
    expect(a.issues).toEqual([]);
  });

  test("missing gap column: still scored, no gap to compare", () => {
    const rows = seedRows().map((r) => [r[0], r[1], r[2], r[3], r[5]]);
    const a = analyzed(sheetOf(rows));
    expect(a.table.columns.gap).toBeUndefined();
    expect(a.total.gap).toBe(14.63);
    expect(byCode(a, "4.2").gap).toBe(1.67);
  });

  test("a table without a code column: capitals make domains", () => {
    const rows = [
      ["Lĩnh vực/tiêu chí", "Điểm tối đa", "Điểm đạt được"],
      ["CẢI CÁCH THỂ CHẾ", "", ""],
      ["Xây dựng văn bản", "3", "2"],
      ["Kiểm tra văn bản", "4", "4"],
      ["CẢI CÁCH TÀI CHÍNH CÔNG", "5", "1"],
    ];
    const a = analyzed(sheetOf(rows));
    expect(a.rows.map((r) => r.level)).toEqual([1, 2, 2, 1]);
    expect(a.rows[0]).toMatchObject({ max: 7, achieved: 6, derived: true, gap: 1 });
    expect(a.total).toMatchObject({ max: 12, achieved: 7, gap: 5 });
  });

  test("codes with a trailing dot and spaces", () => {
    const rows = seedRows((c, i, j) => (j === 0 && /^\d/.test(c) ? ` ${c}. ` : c));
    const a = analyzed(sheetOf(rows));
    expect(a.rows.map((r) => r.key)).toEqual(base.rows.map((r) => r.key));
  });

  test("a domain row without numbers takes the sum of its children", () => {
    const rows = [
      ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được"],
      ["1", "LĨNH VỰC", "", ""],
      ["1.1", "a", "1,5", "1"],
      ["1.2", "b", "2", "0,75"],
    ];
    const a = analyzed(sheetOf(rows));
    expect(a.rows[0]).toMatchObject({
      max: 3.5,
      achieved: 1.75,
      gap: 1.75,
      percent: 50,
      derived: true,
      status: "partial",
    });
  });

  test("no table at all, and two tables side by side", () => {
    expect(analyzeSheet(sheetOf([["Kế hoạch"], ["không có bảng"]]))).toEqual({
      ok: false,
      error: "no-table",
    });
    const t = seedRows().slice(0, 4);
    const two = sheetOf(t.map((r) => [...r, null, ...r]));
    const r = analyzeSheet(two);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe("ambiguous");
    const picked = analyzeSheet({ ...two, selection: { top: 3, left: 8, rows: 1, cols: 1 } });
    expect(picked.ok && picked.table.left).toBe(7);
  });
});

describe("bad cells become issues, never exceptions", () => {
  const header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Điểm chưa đạt", "Tỷ lệ"];
  const kinds = (rows: unknown[][]) => {
    const a = analyzed(sheetOf([header, ...rows] as never));
    return a.issues.map((i) => [i.kind, i.row, i.code, i.data] as const);
  };

  test.each<[string, unknown[][], [IssueKind, number, string | null, Record<string, unknown>]]>([
    ["achieved > max", [["1", "A", "1", "2"]], ["achieved-over-max", 1, "1", { max: 1, achieved: 2 }]],
    ["negative score", [["1", "A", "1", "-0,5"]], ["negative", 1, "1", { value: -0.5 }]],
    ["unparseable cell", [["1", "A", "mười", "2"]], ["unparseable", 1, "1", { text: "mười" }]],
    ["unparseable code", [["a)", "A", "1", "1"]], ["unparseable", 1, "a)", { text: "a)" }]],
    [
      "stated gap differs",
      [["1", "A", "1", "0,5", "0,4"]],
      ["stated-gap-differs", 1, "1", { stated: 0.4, computed: 0.5 }],
    ],
    [
      "stated percent differs",
      [["1", "A", "2", "1", "", "85,32%"]],
      ["stated-percent-differs", 1, "1", { stated: 85.32, computed: 50 }],
    ],
    [
      "duplicate code",
      [
        ["1", "A", "1", "1"],
        ["1", "B", "1", "1"],
      ],
      ["duplicate-code", 2, "1", { firstRow: 2 }],
    ],
    [
      "parent missing",
      [
        ["1", "A", "1", "1"],
        ["2.1", "B", "1", "1"],
      ],
      ["parent-missing", 2, "2.1", { parent: "2" }],
    ],
    [
      "children's gaps exceed the parent's",
      [
        ["1", "A", "2", "1,5"],
        ["1.1", "a", "1", "0"],
      ],
      ["children-gap-exceeds", 1, "1", { gap: 0.5, childrenGap: 1 }],
    ],
    [
      "children's max exceeds the parent's",
      [
        ["1", "A", "2", "2"],
        ["1.1", "a", "1,5", "1,5"],
        ["1.2", "b", "1", "1"],
      ],
      ["children-max-exceeds", 1, "1", { max: 2, childrenMax: 2.5 }],
    ],
    [
      "stated total differs",
      [
        ["1", "A", "2", "1"],
        ["", "Tổng điểm", "2", "1,5"],
      ],
      // Issue 9 §2: the issue carries both figures, stated and recomputed (max and achieved).
      [
        "stated-total-differs",
        2,
        null,
        { stated: 1.5, computed: 1, statedMax: 2, statedAchieved: 1.5, computedMax: 2, computedAchieved: 1 },
      ],
    ],
  ])("%s", (_name, rows, expected) => {
    const found = kinds(rows);
    expect(found).toContainEqual(expected);
  });

  test("every issue has a message in both languages naming its Excel row", () => {
    const a = analyzed(
      sheetOf([
        header,
        ["1", "A", "1", "2", "0,4", "x"],
        ["1", "B", "mười", "-1"],
        ["", "Tổng", "9", "9"],
      ] as never),
    );
    expect(a.issues.length).toBeGreaterThanOrEqual(5);
    for (const i of a.issues) {
      expect(issueMessage(i, "vi")).toMatch(new RegExp(`^Dòng ${i.row + 1}`));
      expect(issueMessage(i, "en")).toMatch(new RegExp(`^Row ${i.row + 1}`));
    }
  });

  test("a percent column formatted as % is read as percent", () => {
    const s = sheetOf([header, ["1", "A", "2", "1", "1", 0.5]] as never);
    s.numberFormats = s.values.map((r) => r.map(() => "0.00%"));
    expect(analyzed(s).issues).toEqual([]);
  });
});

describe("numbers", () => {
  test.each([
    [9.5, 9.5],
    ["9,50", 9.5],
    ["9.50", 9.5],
    [" 10 ", 10],
    ["85,32%", 85.32],
    ["0,5", 0.5],
  ])("%p reads as %p", (input, value) => {
    const p = parseNumber(input);
    expect(p.kind === "number" && p.value).toBe(value);
  });
  test.each([null, "", "  ", "-", "—"])("%p is blank", (v) => expect(parseNumber(v).kind).toBe("blank"));
  // Issue 9 §4: thousands separators are read ("1.000.000,5" was invalid before).
  test("thousands separators are read", () =>
    expect(parseNumber("1.000.000,5")).toMatchObject({ kind: "number", value: 1000000.5, grouped: true }));
  test.each(["abc", "9,5,0", "1.000.00,5", true, NaN])("%p is invalid", (v) =>
    expect(parseNumber(v).kind).toBe("invalid"),
  );
  test("rounding to hundredths without float noise", () => {
    expect(round2(1 - 0.88)).toBe(0.12);
    expect(round2((84.87 / 99.5) * 100)).toBe(85.3);
    expect(round2(0.125)).toBe(0.13);
    expect(round2(-0.004)).toBe(0);
    expect(formatScore(84.87, "vi")).toBe("84,87");
    expect(formatScore(1234.5, "en")).toBe("1,234.50");
    expect(formatScore(1234.5, "vi")).toBe("1.234,50");
  });
});
