import { compareYears, type CriterionLike } from "../../src/core/compare";

const row = (
  code: string | null,
  name: string,
  level: number,
  max: number | null,
  achieved: number | null,
): CriterionLike => ({
  code,
  name,
  level,
  max,
  achieved,
});

/** Part of the seed's 2023 table (Bắc Sơn) as last year. */
const Y2023: CriterionLike[] = [
  row("4", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", 1, 9.5, 7.83),
  row("4.2", "Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021", 2, 2, 0.33),
  row("6", "CẢI CÁCH TÀI CHÍNH CÔNG", 1, 8.5, 4),
  row("6.1.2", "Thực hiện quy định về sử dụng kinh phí từ nguồn ngân sách nhà nước", 3, 0.5, 0),
  row(
    "6.3.1",
    "Số đơn vị SNCL tự đảm bảo chi thường xuyên hoặc tự đảm bảo một phần chi thường xuyên",
    3,
    1,
    0,
  ),
  row("6.4", "Thực hiện tiết kiệm kinh phí được phân bổ để thực hiện tự chủ tài chính", 2, 1, 1),
  row("7", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", 1, 10, 5.9),
  row("7.3.1", "Cập nhật hồ sơ giải quyết TTHC cấp huyện vào Hệ thống phần mềm một cửa điện tử", 3, 1, 0),
];

/** The same unit a year on, its set renumbered as a province re-issued it (Roman domains, 6.4 moved to 6.3). */
const Y2024: CriterionLike[] = [
  row("IV", "Cải cách tổ chức bộ máy hành chính", 1, 9.5, 9.5),
  row("4.2", "Tỷ lệ giảm đơn vị sự nghiệp công lập so với năm 2021", 2, 2, 2),
  row("VI", "Cải cách tài chính công", 1, 8.5, 4.5),
  row("6.1.2", "Thực hiện quy định về sử dụng kinh phí từ nguồn ngân sách nhà nước", 3, 0.5, 0),
  row(
    "6.3",
    "Thực hiện tiết kiệm kinh phí (đối với cơ quan hành chính và đơn vị sự nghiệp trực thuộc) được phân bổ để thực hiện tự chủ tài chính",
    2,
    1,
    0.5,
  ),
  row("6.5", "Tỷ lệ giải ngân vốn đầu tư công", 2, 1, 0.5),
  row("VII", "Chính quyền điện tử, chính quyền số", 1, 10, 8),
];

describe("compareYears", () => {
  const c = compareYears(Y2023, Y2024);
  const find = (code: string | null, name?: string) =>
    c.rows.find((r) => r.code === code && (name === undefined || r.name.startsWith(name)))!;

  test("rows follow this year's order; dropped rows come after their neighbour above", () => {
    expect(c.rows.map((r) => [r.code, r.trend])).toEqual([
      ["IV", "improved"],
      ["4.2", "improved"],
      ["VI", "improved"],
      ["6.1.2", "unchanged"],
      ["6.3.1", "dropped"],
      ["6.3", "regressed"],
      ["6.5", "new"],
      ["VII", "improved"],
      ["7.3.1", "dropped"],
    ]);
  });

  test("a renumbered criterion is compared with itself, by name", () => {
    const r = find("6.3");
    expect(r.before).toEqual({ max: 1, achieved: 1 });
    expect(r.after).toEqual({ max: 1, achieved: 0.5 });
    expect(r.delta).toBe(-0.5);
    expect(r.newlyUnmet).toBe(true);
    expect(r.stillUnmet).toBe(false);
  });

  test("delta to the hundredth, still and newly unmet", () => {
    expect(find("4.2").delta).toBe(1.67);
    expect(find("4.2").stillUnmet).toBe(false);
    expect(find("6.1.2")).toMatchObject({ delta: 0, stillUnmet: true, newlyUnmet: false });
    expect(find("6.5")).toMatchObject({ before: null, delta: null, newlyUnmet: true, stillUnmet: false });
    expect(find("7.3.1")).toMatchObject({ after: null, delta: null, newlyUnmet: false, stillUnmet: false });
    expect(find("VII").delta).toBe(2.1);
  });

  test("totals sum the domains of each year", () => {
    expect(c.total.before).toEqual({ max: 28, achieved: 17.73 });
    expect(c.total.after).toEqual({ max: 28, achieved: 22 });
    expect(c.total.delta).toBe(4.27);
  });

  test("stated totals win when given", () => {
    const t = compareYears(Y2023, Y2024, {
      beforeTotal: { max: 99.5, achieved: 84.87 },
      afterTotal: { max: 100, achieved: 90.12 },
    });
    expect(t.total.delta).toBe(5.25);
  });

  test("same code, different criterion: one dropped, one new (not a change of score)", () => {
    const t = compareYears(
      [row("4.2", "Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021", 2, 2, 0.33)],
      [row("4.2", "Thực hiện tiết kiệm kinh phí", 2, 1, 1)],
    );
    expect(t.rows.map((r) => r.trend)).toEqual(["dropped", "new"]);
  });

  test("a re-weighted criterion's trend follows its share of the maximum", () => {
    const t = compareYears(
      [row("1.1", "Ban hành kế hoạch CCHC", 2, 2, 1)],
      [row("1.1", "Ban hành kế hoạch CCHC", 2, 1, 0.75)],
    );
    expect(t.rows[0]).toMatchObject({ delta: -0.25, trend: "improved", stillUnmet: true });
  });

  test("unscored rows are unchanged, never unmet", () => {
    const t = compareYears(
      [row("1.1", "Ban hành kế hoạch CCHC", 2, 2, null)],
      [row("1.1", "Ban hành kế hoạch CCHC", 2, 2, null)],
    );
    expect(t.rows[0]).toMatchObject({
      delta: null,
      trend: "unchanged",
      stillUnmet: false,
      newlyUnmet: false,
    });
    expect(t.total).toEqual({
      before: { max: 2, achieved: null },
      after: { max: 2, achieved: null },
      delta: 0,
    });
  });
});
