import { BUILTIN_ENTRIES } from "../../src/catalogue/data";
import { SAMPLE_ROWS } from "../../src/core/sample";
import {
  SAME_NAME_THRESHOLD,
  matchCriteria,
  nameSimilarity,
  nameWords,
  sameCriterion,
  sameName,
} from "../../src/core/sameCriterion";
import { parseCode } from "../../src/core/text";

/** The seed's results-table rows with a code: [code, name], a wrapped name joined with its continuation row. */
const SEED: [string, string][] = [];
for (const r of SAMPLE_ROWS) {
  if (parseCode(r[0]) !== null) SEED.push([r[0], r[1]]);
  else if (r[0] === "" && r[1] !== "" && r[2] === "" && SEED.length > 0)
    SEED[SEED.length - 1][1] += ` ${r[1]}`;
}
const seedName = (code: string) => SEED.find(([c]) => c === code)![1];

/** Wording variants that must agree: the seed's table vs its §III.2 titles, and how other years write them. */
const SAME: [string, string][] = [
  // The seed's results table against its own §III.2 headings.
  [seedName("6.3.1"), BUILTIN_ENTRIES.find((e) => e.label === "6.3.1")!.title],
  [seedName("6.4"), BUILTIN_ENTRIES.find((e) => e.label === "6.4")!.title],
  [seedName("7.2"), BUILTIN_ENTRIES.find((e) => e.label === "7.2")!.title],
  [seedName("8.1.1"), BUILTIN_ENTRIES.find((e) => e.label === "8.1.1 ; 8.1.2")!.title],
  [seedName("8.1.2"), BUILTIN_ENTRIES.find((e) => e.label === "8.1.1 ; 8.1.2")!.title],
  [seedName("8.3"), BUILTIN_ENTRIES.find((e) => e.label === "8.3")!.title],
  [seedName("1.6.2"), BUILTIN_ENTRIES.find((e) => e.label === "1.6.2")!.title],
  [seedName("3.5.3"), BUILTIN_ENTRIES.find((e) => e.label === "3.5.3")!.title],
  // Other wordings of the same criterion.
  [
    "Thực hiện tiết kiệm kinh phí (đối với cơ quan hành chính và đơn vị sự nghiệp trực thuộc) được phân bổ để thực hiện tự chủ tài chính",
    "Thực hiện tiết kiệm kinh phí được phân bổ để thực hiện tự chủ tài chính",
  ],
  ["Thực hiện tiết kiệm kinh phí", "thực hiện tiết kiệm kinh phí được phân bổ để thực hiện tự chủ tài chính"],
  ["Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021", "Tỷ lệ giảm đơn vị sự nghiệp công lập so với năm 2025"],
  ["Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021", "TỶ LỆ GIẢM ĐƠN VỊ SNCL SO VỚI NĂM 2021"],
  [
    "Tiến độ giải quyết TTHC của UBND cấp xã trên Cổng Dịch vụ công quốc gia",
    "Tiêu chí 3.5.3: tiến độ giải quyết thủ tục hành chính của Ủy ban nhân dân cấp xã trên Cổng Dịch vụ công quốc gia",
  ],
  [
    "Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND cấp huyện giao",
    "Mức độ thực hiện các chỉ tiêu phát triển kinh tế - xã hội do HĐND giao",
  ],
  ["CẢI CÁCH THỂ CHẾ", "Cải cách thể chế"],
  ["Cai cach the che", "Cải cách thể chế."],
];

/** Different criteria that must not agree, however alike their stock phrases. */
const DIFFERENT: [string, string][] = [
  ["Thực hiện tiết kiệm kinh phí", seedName("4.2")],
  [seedName("7.6.1"), seedName("7.6.2")],
  [seedName("7.6.1"), seedName("7.6.3")],
  [seedName("7.6.2"), seedName("7.6.3")],
  [seedName("8.1.1"), seedName("8.1.2")],
  [seedName("6.1.2"), seedName("6.3.2")],
  [seedName("6.1.2"), seedName("6.2.3")],
  [seedName("6.3.1"), seedName("6.3.2")],
  [seedName("6.4"), seedName("6.2.3")],
  [seedName("7.2"), seedName("7.6.3")],
  ["CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
  ["CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "CẢI CÁCH TÀI CHÍNH CÔNG"],
];

describe("nameWords", () => {
  test("folds, drops punctuation, numbers, filler and a 'Tiêu chí' prefix; abbreviates long forms", () => {
    expect(nameWords("Tiêu chí 6.4: Thực hiện tiết kiệm kinh phí!")).toEqual([
      "thuc",
      "hien",
      "tiet",
      "kiem",
      "kinh",
      "phi",
    ]);
    expect(nameWords("Đơn vị sự nghiệp công lập")).toEqual(nameWords("đơn vị SNCL"));
    expect(nameWords("giải quyết thủ tục hành chính")).toEqual(["giai", "quyet", "tthc"]);
    expect(nameWords("phát triển KT-XH")).toEqual(nameWords("phát triển kinh tế - xã hội"));
    expect(nameWords("so với năm 2021")).toEqual(["so"]);
  });
});

describe("nameSimilarity and the threshold", () => {
  test.each(SAME)("same criterion: %s ~ %s", (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(0.8);
    expect(sameName(a, b)).toBe(true);
    expect(sameName(b, a)).toBe(true);
  });

  test.each(DIFFERENT)("different criteria: %s ≠ %s", (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThanOrEqual(0.7);
    expect(sameName(a, b)).toBe(false);
  });

  test("the toàn trình / thanh toán collision of folding still stays below the threshold", () => {
    expect(nameSimilarity(seedName("7.2"), seedName("7.6.3"))).toBeLessThan(SAME_NAME_THRESHOLD - 0.05);
  });

  test("the threshold sits between the two groups with a margin each side", () => {
    const low = Math.min(...SAME.map(([a, b]) => nameSimilarity(a, b)));
    const high = Math.max(...DIFFERENT.map(([a, b]) => nameSimilarity(a, b)));
    expect(low - SAME_NAME_THRESHOLD).toBeGreaterThanOrEqual(0.05);
    expect(SAME_NAME_THRESHOLD - high).toBeGreaterThanOrEqual(0.05);
  });

  test("every seed criterion is itself and no other seed criterion of its domain", () => {
    for (const [c1, n1] of SEED) {
      expect(nameSimilarity(n1, n1)).toBe(1);
      for (const [c2, n2] of SEED) {
        // 7.3.1 and 7.3.2 differ only in "cấp huyện" / "cấp xã": the code tells them apart (sameCriterion).
        if (c1 === c2 || c1.split(".")[0] !== c2.split(".")[0] || c1.startsWith("7.3.")) continue;
        if (parseCode(c1)!.depth === 1 || parseCode(c2)!.depth === 1) continue;
        expect([c1, c2, sameName(n1, n2)]).toEqual([c1, c2, false]);
      }
    }
  });

  test("empty names", () => {
    expect(nameSimilarity("", "")).toBe(1);
    expect(nameSimilarity("", "Cải cách thể chế")).toBe(0);
  });
});

describe("sameCriterion", () => {
  test("code and name must both agree; codes compare canonically", () => {
    expect(
      sameCriterion(
        { code: "6.4", name: seedName("6.4") },
        { code: "6.4.", name: "Thực hiện tiết kiệm kinh phí" },
      ),
    ).toBe(true);
    expect(
      sameCriterion({ code: "II", name: "Cải cách thể chế" }, { code: "2", name: "CẢI CÁCH THỂ CHẾ" }),
    ).toBe(true);
    // The example: a commune's 4.2 is not the seed's 4.2.
    expect(
      sameCriterion(
        { code: "4.2", name: "Thực hiện tiết kiệm kinh phí" },
        { code: "4.2", name: seedName("4.2") },
      ),
    ).toBe(false);
    expect(
      sameCriterion({ code: "6.4", name: seedName("6.4") }, { code: "4.2", name: seedName("6.4") }),
    ).toBe(false);
    expect(
      sameCriterion({ code: "7.3.1", name: seedName("7.3.1") }, { code: "7.3.2", name: seedName("7.3.2") }),
    ).toBe(false);
  });

  test("a blank name leaves the code to decide", () => {
    expect(sameCriterion({ code: "4.2", name: "" }, { code: "4.2", name: seedName("4.2") })).toBe(true);
    expect(sameCriterion({ code: null, name: "" }, { code: null, name: "x" })).toBe(false);
    expect(
      sameCriterion({ code: null, name: "Cải cách thể chế" }, { code: null, name: "CẢI CÁCH THỂ CHẾ" }),
    ).toBe(true);
  });
});

describe("matchCriteria", () => {
  const before = [
    { code: "4", name: "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", level: 1 },
    { code: "4.2", name: "Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021", level: 2 },
    { code: "4.3", name: "Thực hiện quy định về số lượng cấp phó", level: 2 },
    { code: "6", name: "CẢI CÁCH TÀI CHÍNH CÔNG", level: 1 },
    { code: "6.4", name: seedName("6.4"), level: 2 },
  ];
  const after = [
    { code: "IV", name: "Cải cách tổ chức bộ máy hành chính", level: 1 },
    { code: "4.1", name: "Tỷ lệ giảm đơn vị sự nghiệp công lập so với năm 2021", level: 2 },
    { code: "4.2", name: "Thực hiện tiết kiệm kinh phí", level: 2 },
    { code: "4.4", name: "Một tiêu chí mới", level: 2 },
  ];

  test("pairs by code and name first, then by name where codes were renumbered", () => {
    const pairs = matchCriteria(before, after);
    const show = pairs.map((p) => [p.before?.code ?? null, p.after?.code ?? null, p.by]);
    expect(show).toEqual([
      ["4", "IV", "code"],
      ["4.2", "4.1", "name"],
      // 4.3 was dropped: it comes after the row of its neighbour above (4.2, now 4.1).
      ["4.3", null, null],
      ["6", null, null],
      ["6.4", "4.2", "name"],
      [null, "4.4", null],
    ]);
  });

  test("a code that agrees but a name that does not is no pair", () => {
    const pairs = matchCriteria(
      [{ code: "4.2", name: seedName("4.2") }],
      [{ code: "4.2", name: "Thực hiện tiết kiệm kinh phí" }],
    );
    expect(pairs.map((p) => p.by)).toEqual([null, null]);
    // The dropped row has no row above it, so it comes first.
    expect(pairs[0].before?.name).toBe(seedName("4.2"));
    expect(pairs[1].after?.name).toBe("Thực hiện tiết kiệm kinh phí");
  });

  test("levels must agree for a pairing by name", () => {
    const pairs = matchCriteria(
      [{ code: "1", name: "Cải cách thể chế", level: 1 }],
      [{ code: "2.1", name: "Cải cách thể chế", level: 2 }],
    );
    expect(pairs.every((p) => p.by === null)).toBe(true);
  });

  test("renamed domains pair by meaning", () => {
    const pairs = matchCriteria(
      [
        { code: "7", name: "Hiện đại hóa hành chính", level: 1 },
        { code: "8", name: "Cải cách tài chính công", level: 1 },
      ],
      [
        { code: "VI", name: "CẢI CÁCH TÀI CHÍNH CÔNG", level: 1 },
        { code: "VIII", name: "Xây dựng, phát triển chính quyền số", level: 1 },
      ],
    );
    expect(pairs.map((p) => [p.before?.code, p.after?.code, p.by])).toEqual([
      ["8", "VI", "name"],
      ["7", "VIII", "meaning"],
    ]);
  });

  test("the seed against itself pairs every row by code", () => {
    const rows = SEED.map(([code, name]) => ({ code, name }));
    const pairs = matchCriteria(rows, rows);
    expect(pairs).toHaveLength(rows.length);
    expect(pairs.every((p) => p.by === "code" && p.before === p.after)).toBe(true);
  });
});
