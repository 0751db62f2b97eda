/**
 * The seed's input: Bắc Sơn district's 2023 results table (src/core/sample.ts, the seed's §II transcribed)
 * analysed by the core and laid out by planInputFromAnalysis, with the seed's agencies and tasks from the
 * built-in catalogue (src/catalogue/data.ts, the seed's §III transcribed). Both are read only. The appendix rows stand for the plan sheet: one row per
 * task, with a deadline and a status as a user would fill them in.
 */
import { analyzeSheet, sampleSheet, type Analysis } from "../../src/core";
import type { Comparison } from "../../src/core/comparison";
import { GENERAL_SOLUTIONS } from "../../src/catalogue/data";
import { lookup } from "../../src/catalogue";
import { planInputFromAnalysis, type PlanDocumentInput, type PlanTaskRow } from "../../src/document";

export function seedAnalysis(): Analysis {
  const a = analyzeSheet(sampleSheet());
  if (!a.ok) throw new Error("the sample table must analyse");
  return a;
}

export function seedInput(overrides: Partial<PlanDocumentInput> = {}): PlanDocumentInput {
  const base = planInputFromAnalysis(seedAnalysis(), (r) => lookup(r.key!), {
    unit: {
      name: "Bắc Sơn",
      level: "district",
      parentBody: "UBND TỈNH LẠNG SƠN",
      issuingBody: "ỦY BAN NHÂN DÂN\nHUYỆN BẮC SƠN",
      place: "Bắc Sơn",
    },
    year: 2023,
    generalSolutions: Object.values(GENERAL_SOLUTIONS),
    tasks: [],
    bases: [
      "Căn cứ Quyết định số 1926/QĐ-UBND ngày 05/12/2022 của Chủ tịch UBND tỉnh Lạng Sơn về việc ban hành Quy định xác định chỉ số cải cách hành chính các sở, ban, ngành và UBND các huyện, thành phố trên địa bàn tỉnh Lạng Sơn;",
    ],
    rank: { position: 2, of: 11 },
    signer: "Phùng Thị Thanh Nga",
  });
  const tasks: PlanTaskRow[] = [];
  for (const d of base.domains)
    for (const c of d.criteria)
      c.tasks.forEach((task, i) =>
        tasks.push({
          criterion: c.code,
          task,
          lead: c.lead,
          implementers: c.implementers,
          deadline: i === 0 ? "30/6/2024" : "Thường xuyên",
          status: "Chưa thực hiện",
        }),
      );
  return { ...base, tasks, ...overrides };
}

/** 2022 against 2023 for a few rows: 1.6.2 improved, 7.6.1 regressed, 4.2 unmet both years, 8.1.1 newly unmet. */
export function seedComparison(): Comparison {
  const row = (
    code: string,
    name: string,
    level: number,
    before: [number, number],
    after: [number, number],
    trend: Comparison["rows"][number]["trend"],
    stillUnmet = false,
    newlyUnmet = false,
  ) => ({
    code,
    name,
    level,
    before: { max: before[0], achieved: before[1] },
    after: { max: after[0], achieved: after[1] },
    delta: Math.round((after[1] - before[1]) * 100) / 100,
    trend,
    stillUnmet,
    newlyUnmet,
  });
  return {
    total: { before: { max: 99.5, achieved: 83.62 }, after: { max: 99.5, achieved: 84.87 }, delta: 1.25 },
    rows: [
      row("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 1, [10, 9], [10, 9.5], "improved", true),
      row(
        "1.6.2",
        "Xử lý đề xuất, kiến nghị của người dân, doanh nghiệp tại các cuộc đối thoại",
        2,
        [0.5, 0],
        [0.5, 0],
        "unchanged",
        true,
      ),
      row("1.6.1", "Tổ chức đối thoại", 2, [0.5, 0], [0.5, 0.5], "improved"),
      row("4.2", "Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021", 2, [2, 0.33], [2, 0.33], "unchanged", true),
      row(
        "7.6.1",
        "Tỷ lệ TTHC được triển khai thanh toán trực tuyến",
        2,
        [1, 1],
        [1, 0.72],
        "regressed",
        false,
        true,
      ),
      row(
        "8.1.1",
        "Số lượng doanh nghiệp gia nhập và tái gia nhập thị trường",
        2,
        [1, 1],
        [1, 0],
        "regressed",
        false,
        true,
      ),
    ],
  };
}
