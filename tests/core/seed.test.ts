import { analyzeSheet, issueMessage, sampleSheet, unmetCriteria, SAMPLE_ROWS } from "../../src/core";
import { analyzed, byCode } from "./helpers";

describe("the seed table (Bắc Sơn 2023), transcribed with decimal commas", () => {
  const a = analyzed(sampleSheet());

  test("finds the table under the title, with its columns", () => {
    expect(a.table.headerRow).toBe(2);
    expect(a.table.columns).toEqual({ code: 0, name: 1, max: 2, achieved: 3, gap: 4, reason: 5 });
    expect(a.table.lastRow).toBe(2 + SAMPLE_ROWS.length - 1);
    expect(a.table.lang).toBe("vi");
  });

  test("totals 99,50 / 84,87 / 14,63 and 85,30 %", () => {
    expect(a.total).toMatchObject({ max: 99.5, achieved: 84.87, gap: 14.63, percent: 85.3 });
    expect(a.total.row).toBe(a.table.lastRow);
    expect(a.total.parts.map((i) => a.rows[i].code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  });

  test("each domain's gap is the seed's", () => {
    const gaps = Object.fromEntries(a.rows.filter((r) => r.level === 1).map((r) => [r.code, r.gap]));
    expect(gaps).toEqual({
      "1": 0.5,
      "2": 0,
      "3": 0.25,
      "4": 1.67,
      "5": 0,
      "6": 4.5,
      "7": 4.1,
      "8": 2.22,
      "9": 1.39,
    });
  });

  test("19 rows with a gap: 18 sub-criteria and domain 9", () => {
    const unmet = unmetCriteria(a).map((r) => r.code);
    expect(unmet).toEqual([
      "1.6.2",
      "3.5.3",
      "4.2",
      "6.1.2",
      "6.1.4",
      "6.2.3",
      "6.3.1",
      "6.3.2",
      "6.4",
      "7.2",
      "7.3.1",
      "7.3.2",
      "7.6.1",
      "7.6.2",
      "7.6.3",
      "8.1.1",
      "8.1.2",
      "8.3",
      "9",
    ]);
  });

  test("children of domain 6 sum to its gap 4,50; 7.2's gap has no float noise", () => {
    const d6 = byCode(a, "6");
    const kids = d6.children.map((i) => a.rows[i]);
    expect(kids.map((k) => k.code)).toEqual(["6.1.2", "6.1.4", "6.2.3", "6.3.1", "6.3.2", "6.4"]);
    expect(kids.reduce((s, k) => s + Math.round(k.gap! * 100), 0) / 100).toBe(4.5);
    expect(byCode(a, "7.2").gap).toBe(0.12);
    expect(String(byCode(a, "7.2").gap)).toBe("0.12");
  });

  test("statuses: zero, partial and met", () => {
    expect(byCode(a, "1.6.2").status).toBe("zero");
    expect(byCode(a, "3.5.3").status).toBe("partial");
    expect(byCode(a, "2").status).toBe("met");
    expect(byCode(a, "9").status).toBe("partial");
    expect(byCode(a, "3.5.3").percent).toBe(50);
  });

  test("the repeated header is skipped and the wrapped name joins 6.4", () => {
    const header = a.skipped.find((s) => s.why === "header");
    expect(header?.row).toBe(2 + 17);
    expect(byCode(a, "6.4").name).toBe(
      "Thực hiện tiết kiệm kinh phí (đối với cơ quan hành chính và đơn vị sự nghiệp trực thuộc) được phân bổ để thực hiện tự chủ tài chính",
    );
    expect(byCode(a, "6.4").continuationRows).toEqual([2 + 18]);
    expect(a.rows.some((r) => r.name === "TỔNG ĐIỂM")).toBe(false);
    expect(a.rows).toHaveLength(27);
  });

  test("levels and parents follow the codes; a missing 1.6 attaches 1.6.2 to domain 1", () => {
    expect(byCode(a, "1.6.2").level).toBe(3);
    expect(a.rows[byCode(a, "1.6.2").parent!].code).toBe("1");
    expect(byCode(a, "7.2").level).toBe(2);
  });

  test("no issue: every stated gap and the total agree with the recalculation", () => {
    expect(a.issues.map((i) => issueMessage(i, "en"))).toEqual([]);
  });

  test("the result does not depend on where the snapshot block starts", () => {
    const s = sampleSheet();
    const cropped = { ...s, top: 2, values: s.values.slice(2) };
    const b = analyzeSheet(cropped);
    expect(b.ok && b.total).toEqual(a.total);
  });
});
