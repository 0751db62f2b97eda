/** app/planDocument: the input the document is built from, taken from the workbook as it stands. */
import { planDocumentInput, planSheetTasks } from "../../src/app/planDocument";
import { sampleWorkbook } from "../../src/app/sample";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/app/types";

const sheet = (name: string, values: (string | number | null)[][]): SheetSnapshot => ({
  name,
  top: 0,
  left: 0,
  values,
});

test("the seed: the unit and year from the titles, 19 unmet criteria with the catalogue's answers", () => {
  const r = planDocumentInput(sampleWorkbook());
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.input.unit).toMatchObject({ name: "Bắc Sơn", level: "district", place: "Bắc Sơn" });
  expect(r.input.unit.issuingBody).toBe("ỦY BAN NHÂN DÂN\nHUYỆN BẮC SƠN");
  expect(r.input.year).toBe(2023);
  expect(r.input.total).toMatchObject({ max: 99.5, achieved: 84.87 });
  const criteria = r.input.domains.flatMap((d) => d.criteria);
  expect(criteria).toHaveLength(19);
  expect(criteria.every((c) => c.lead !== "" && c.tasks.length > 0)).toBe(true);
  expect(r.input.tasks).toEqual([]);
});

test("the stated percent is used and the difference said; --year wins over the titles", () => {
  const ws: WorkbookSnapshot = {
    active: sheet("PAR", [
      ["Kết quả Chỉ số CCHC năm 2024 của UBND xã Nhất Tiến", null, null, null, null],
      ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)"],
      ["1", "CÔNG TÁC CHỈ ĐẠO", "10", "9", "90,00"],
      ["1.1", "Kế hoạch CCHC", "10", "9", "90,00"],
      [null, "TỔNG ĐIỂM", "10", "9", "91,00"],
    ]),
    sheetNames: ["PAR"],
  };
  const r = planDocumentInput(ws, { year: 2025 });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.input.unit).toMatchObject({ name: "Nhất Tiến", level: "commune" });
  expect(r.input.year).toBe(2025);
  expect(r.input.total.statedPercent).toBe(91);
  expect(r.notes.map((n) => n.en).join(" ")).toContain("differs from the recomputed one");
});

test("the plan sheet's rows, found by their headers, with the user's deadlines and statuses", () => {
  const plan = sheet("Kế hoạch khắc phục", [
    ["KẾ HOẠCH KHẮC PHỤC", null, null, null, null, null],
    ["STT", "Mã tiêu chí", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Thời hạn", "Trạng thái"],
    [1, "4.2", "Rà soát vị trí việc làm", "Phòng Nội vụ", "30/6/2024", "Đang thực hiện"],
    [2, "6.4", "Số hóa hồ sơ", "Văn phòng", null, "Chưa thực hiện"],
    [null, null, null, null, null, null],
    ["Người lập biểu", null, null, null, null, null],
  ]);
  expect(planSheetTasks(plan)).toEqual([
    {
      criterion: "4.2",
      task: "Rà soát vị trí việc làm",
      lead: "Phòng Nội vụ",
      implementers: "",
      deadline: "30/6/2024",
      status: "Đang thực hiện",
    },
    {
      criterion: "6.4",
      task: "Số hóa hồ sơ",
      lead: "Văn phòng",
      implementers: "",
      deadline: "",
      status: "Chưa thực hiện",
    },
  ]);
});
