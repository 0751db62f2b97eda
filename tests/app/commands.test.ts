import { planCommand, analyzeWorkbook, type Outcome } from "../../src/app/commands";
import {
  applyChangeSet,
  PLAN_MET_FILL,
  PLAN_SHEET,
  PLAN_STATUSES,
  sampleWorkbook,
  type ChangeSet,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../src/core";
import { CATALOGUE_SHEET_NAME } from "../../src/catalogue";
import { book, cellMap, sheetOf } from "../core/helpers";

function ok(o: Outcome) {
  if (!o.ok) throw new Error(o.error.message.en);
  return o;
}
const run = (ws: WorkbookSnapshot, cmd: Parameters<typeof planCommand>[1]) => {
  const o = ok(planCommand(ws, cmd));
  return { ...o, after: applyChangeSet(ws, o.changeSet) };
};
const col = (s: SheetSnapshot, header: string) => {
  for (const row of s.values) {
    const i = row.indexOf(header);
    if (i !== -1) return i;
  }
  throw new Error(`no column ${header}`);
};
const rowOf = (s: SheetSnapshot, code: string) => s.values.findIndex((r) => r[0] === code);
const allTextInputs = (cs: ChangeSet) =>
  cs.ops.flatMap((o) => (o.op === "setCells" ? o.cells.flat().filter((c) => c?.kind === "formula") : []));

/** The seed's §III.2, per unmet criterion: lead agency exactly as written, implementers, a word of a task. */
const SEED: [string, string, string, string][] = [
  ["1.6.2", "Phòng Tài chính - Kế hoạch", "các cơ quan, đơn vị có liên quan", "Hội nghị đối thoại"],
  ["3.5.3", "Văn phòng HĐND và UBND huyện", "UBND cấp xã", "Cổng Dịch vụ công quốc gia"],
  [
    "4.2",
    "phòng Nội vụ",
    "Phòng Giáo dục và Đào tạo, các đơn vị phải sắp xếp trong năm 2024",
    "Quyết định số 2007/QĐ-UBND",
  ],
  [
    "6.1.2",
    "phòng Tài chính - Kế hoạch",
    "các cơ quan, đơn vị; UBND cấp xã",
    "Tổ chức tập huấn cho chủ tài khoản",
  ],
  [
    "6.1.4",
    "phòng Tài chính - Kế hoạch",
    "các cơ quan, đơn vị được thanh tra, kiểm toán",
    "kiến nghị sau thanh tra",
  ],
  ["6.2.3", "phòng Tài chính - Kế hoạch", "các cơ quan, đơn vị", "tự chủ, tự chịu trách nhiệm"],
  [
    "6.3.1",
    "phòng Tài chính - Kế hoạch",
    "các đơn vị sự nghiệp công lập trực thuộc UBND huyện",
    "tự đảm bảo chi thường xuyên",
  ],
  [
    "6.3.2",
    "phòng Tài chính - Kế hoạch",
    "các đơn vị sự nghiệp công lập thuộc huyện",
    "sử dụng các nguồn tài chính",
  ],
  ["6.4", "phòng Tài chính - Kế hoạch", "các cơ quan, đơn vị thuộc huyện", "tiết kiệm kinh phí"],
  ["7.2", "Văn phòng HĐND và UBND huyện", "các cơ quan, đơn vị; UBND cấp xã", "toàn trình"],
  ["7.3.1", "Văn phòng HĐND và UBND huyện", "các cơ quan, đơn vị; UBND cấp xã", "một cửa liên thông"],
  ["7.3.2", "Văn phòng HĐND và UBND huyện", "các cơ quan, đơn vị; UBND cấp xã", "cập nhật tiến độ"],
  ["7.6.1", "Văn phòng HĐND và UBND huyện", "các cơ quan, đơn vị; UBND cấp xã", "chuyển đổi số"],
  ["7.6.2", "Văn phòng HĐND và UBND huyện", "các cơ quan, đơn vị; UBND cấp xã", "chuyển đổi số"],
  ["7.6.3", "Văn phòng HĐND và UBND huyện", "các cơ quan, đơn vị; UBND cấp xã", "chuyển đổi số"],
  ["8.1.1", "phòng Tài chính - Kế hoạch", "các cơ quan, đơn vị", "hộ kinh doanh"],
  ["8.1.2", "phòng Tài chính - Kế hoạch", "các cơ quan, đơn vị", "tháo gỡ khó khăn"],
  [
    "8.3",
    "phòng Tài chính - Kế hoạch",
    "các cơ quan, đơn vị; UBND cấp xã",
    "chỉ tiêu phát triển kinh tế - xã hội",
  ],
  ["9", "Văn phòng HĐND và UBND huyện", "Các cơ quan, đơn vị; UBND cấp xã", "bộ phận một cửa"],
];

describe("assign on the seed", () => {
  const ws = sampleWorkbook();
  const { changeSet, after, summary, result } = run(ws, "assign");
  const s = after.active;
  const [lead, impl, tasks] = ["Cơ quan chủ trì tham mưu", "Cơ quan thực hiện", "Nhiệm vụ, giải pháp"].map(
    (h) => col(s, h),
  );

  test("three columns after the table's last column, written into the empty columns (no insert)", () => {
    expect([lead, impl, tasks]).toEqual([6, 7, 8]);
    expect(changeSet.ops.some((o) => o.op === "insertColumns")).toBe(false);
    expect(s.values[2 + 17].slice(6, 9)).toEqual([
      "Cơ quan chủ trì tham mưu",
      "Cơ quan thực hiện",
      "Nhiệm vụ, giải pháp",
    ]);
  });

  test.each(SEED)("%s → %s", (code, leadText, implText, taskWord) => {
    const r = rowOf(s, code);
    expect(s.values[r][lead]).toBe(leadText);
    expect(s.values[r][impl]).toBe(implText);
    expect(String(s.values[r][tasks])).toContain(taskWord);
    expect(s.wrap![r][tasks]).toBe(true);
  });

  test("all 19 filled; met rows and domain rows whose children explain the gap stay blank", () => {
    expect(changeSet.counts.filled).toBe(19);
    for (const code of ["1", "2", "5", "6", "7", "8"]) expect(s.values[rowOf(s, code)][lead]).toBeNull();
    expect(result.en).toBe("19 rows filled.");
    expect(result.vi).toBe("Đã điền 19 dòng.");
  });

  test("the summary says where each answer came from", () => {
    const v = (code: string) => summary.unmet.find((u) => u.code === code)!;
    expect(v("3.5.3").matchText).toEqual({
      vi: "Gợi ý cho đúng tiêu chí này",
      en: "suggested for this criterion",
    });
    expect(v("7.6.2").match).toBe("inherited");
    expect(v("7.6.2").matchText?.vi).toBe("Gợi ý của tiêu chí 7.2");
    expect(summary.unmet[0].code).toBe("4.2");
    expect(summary.unmet.map((u) => u.gap)).toEqual(
      [...summary.unmet.map((u) => u.gap)].sort((a, b) => b! - a!),
    );
  });

  test("nothing outside the three columns changes", () => {
    const before = cellMap(ws.active);
    const afterMap = cellMap(after.active);
    for (const [k, v] of afterMap) {
      const c = Number(k.split(",")[1]);
      if (c < 6) expect(v).toBe(before.get(k));
    }
    for (const k of before.keys()) expect(afterMap.has(k)).toBe(true);
  });

  test("twice = once; a user's edit survives and is counted; a criterion met since is cleared", () => {
    const twice = run(after, "assign");
    expect(cellMap(twice.after.active)).toEqual(cellMap(after.active));
    const edited = structuredClone(after);
    const r42 = rowOf(edited.active, "4.2");
    edited.active.values[r42][lead] = "Phòng Nội vụ (sau sáp nhập 2025)";
    const r162 = rowOf(edited.active, "1.6.2");
    edited.active.values[r162][3] = "0,50";
    edited.active.values[r162][4] = "0,00";
    edited.active.values[rowOf(edited.active, "1")][3] = "10,00";
    const again = run(edited, "assign");
    expect(again.after.active.values[r42][lead]).toBe("Phòng Nội vụ (sau sáp nhập 2025)");
    expect(again.after.active.values[r42][tasks]).toBe(after.active.values[r42][tasks]);
    expect(again.after.active.values[r162][lead]).toBeNull();
    expect(again.changeSet.counts.kept).toBe(1);
    expect(again.result.en).toBe("18 rows filled, 1 cell you edited kept.");
  });

  test("undo gives the sheet back", () => {
    const back = applyChangeSet(after, ok(planCommand(ws, "assign")).inverse!);
    expect(cellMap(back.active)).toEqual(cellMap(ws.active));
  });

  test("columns right of the table that are taken make it insert whole columns", () => {
    const taken = structuredClone(ws);
    taken.active.values.forEach((r) => r.push(null, null));
    taken.active.values[40 - 40][7] = "Ghi chú của đơn vị";
    const out = run(taken, "assign");
    expect(out.changeSet.ops[0]).toEqual({ op: "insertColumns", sheet: ws.active.name, at: 6, count: 3 });
    expect(out.after.active.values[0][10]).toBe("Ghi chú của đơn vị");
  });
});

describe("codes the seed does not list, and the custom catalogue", () => {
  const rows = [
    ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được"],
    ["2", "CẢI CÁCH THỂ CHẾ", "7", "6"],
    ["2.1", "Xây dựng văn bản", "3", "2"],
    ["2.2", "Kiểm tra văn bản", "4", "4"],
    ["5", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "11,5", "11"],
    ["5.3", "Tuyển dụng", "2", "1,5"],
    ["10", "LĨNH VỰC RIÊNG CỦA XÃ", "2", "1"],
    ["10.2", "Chỉ tiêu của xã", "2", "1"],
  ];
  const ws = book(sheetOf(rows));

  test("fall back to the domain default (or the generic answer) and say so", () => {
    const s = ok(planCommand(ws, "assign")).summary;
    const v = (code: string) => s.unmet.find((u) => u.code === code)!;
    expect(v("2.1").match).toBe("domain");
    // looked up by meaning (lookupCriterion): the domain default is named by the catalogue domain's title
    expect(v("2.1").matchText?.vi).toBe("Mặc định của lĩnh vực Cải cách thể chế");
    expect(v("2.1").lead).toBe("Phòng Tư pháp");
    expect(v("5.3").lead).toBe("Phòng Nội vụ");
    expect(v("10.2").matchText?.vi).toContain("lĩnh vực 10");
    expect(v("10.2").tasks.length).toBeGreaterThan(0);
  });

  test("a custom sheet overrides one code, leaves the rest, reports a bad row, keeps '=HYPERLINK' as text", () => {
    const custom = sheetOf(
      [
        ["Mã tiêu chí", "Cơ quan chủ trì tham mưu", "Cơ quan thực hiện", "Nhiệm vụ, giải pháp"],
        [
          "2.1",
          "Phòng Nội vụ - Tư pháp",
          "UBND các xã",
          '=HYPERLINK("http://vb.gov.vn","Xem văn bản")\n+ Rà soát văn bản',
        ],
        ["abc", "x", "y", "z"],
      ],
      { name: CATALOGUE_SHEET_NAME },
    );
    const w = book(sheetOf(rows), [custom]);
    const o = ok(planCommand(w, "assign"));
    const a = applyChangeSet(w, o.changeSet).active;
    const r21 = rowOf(a, "2.1");
    expect(a.values[r21][4]).toBe("Phòng Nội vụ - Tư pháp");
    expect(a.values[r21][6]).toBe('=HYPERLINK("http://vb.gov.vn","Xem văn bản")\nRà soát văn bản');
    expect(a.formulas![r21][6]).toBeNull();
    expect(allTextInputs(o.changeSet)).toEqual([]);
    expect(a.values[rowOf(a, "5.3")][4]).toBe("Phòng Nội vụ");
    expect(o.summary.catalogueProblems.map((p) => [p.row, p.kind])).toEqual([[2, "bad-code"]]);
    expect(o.summary.unmet.find((u) => u.code === "2.1")!.matchText?.vi).toBe(
      "Gợi ý cho đúng tiêu chí này (danh mục riêng của đơn vị)",
    );
  });

  test("export-catalogue writes the sheet, and the written sheet drives assign the same way", () => {
    const exp = run(ws, "export-catalogue");
    expect(exp.after.sheetNames).toContain(CATALOGUE_SHEET_NAME);
    const a1 = applyChangeSet(ws, ok(planCommand(ws, "assign")).changeSet).active;
    const a2 = applyChangeSet(exp.after, ok(planCommand(exp.after, "assign")).changeSet).active;
    expect(a2.values).toEqual(a1.values);
  });
});

describe("plan sheet", () => {
  const ws = sampleWorkbook();
  const first = run(ws, "plan");
  const plan = first.after.others![PLAN_SHEET];
  const header = plan.values.findIndex((r) => r[0] === "STT");
  const body = plan.values.slice(header + 1).filter((r) => r[0] !== null);
  const C = (name: string) => plan.values[header].indexOf(name);

  test("one row per task, ordered by code, as a table with a status list", () => {
    expect(plan.values[header]).toEqual([
      "STT",
      "Mã tiêu chí",
      "Tiêu chí",
      "Điểm tối đa",
      "Điểm đạt được",
      "Điểm chưa đạt",
      "Nguyên nhân",
      "Cơ quan chủ trì",
      "Cơ quan thực hiện",
      "Nhiệm vụ, giải pháp",
      "Thời hạn",
      "Trạng thái",
      "Ghi chú",
    ]);
    const codes = [...new Set(body.map((r) => r[1]))];
    expect(codes).toEqual(SEED.map((s) => s[0]));
    expect(body.filter((r) => r[1] === "6.1.2")).toHaveLength(3);
    expect(body.map((r) => r[0])).toEqual(body.map((_, i) => i + 1));
    expect(body.every((r) => r[C("Trạng thái")] === "Chưa thực hiện")).toBe(true);
    expect(body.find((r) => r[1] === "4.2")![C("Điểm chưa đạt")]).toBe(1.67);
    expect(plan.tables).toEqual([
      expect.objectContaining({
        name: "KeHoachKhacPhuc",
        rect: { top: header, left: 0, rows: body.length + 1, cols: 13 },
      }),
    ]);
    expect(plan.validations).toEqual([
      { rect: { top: header + 1, left: 11, rows: body.length, cols: 1 }, list: PLAN_STATUSES },
    ]);
    expect(first.after.sheetNames).toEqual([ws.active.name, PLAN_SHEET]);
  });

  test("the results sheet is not touched", () => {
    expect(cellMap(first.after.active)).toEqual(cellMap(ws.active));
  });

  test("twice = once", () => {
    const again = run(first.after, "plan");
    expect(cellMap(again.after.others![PLAN_SHEET])).toEqual(cellMap(plan));
    expect(again.changeSet.counts).toMatchObject({ added: 0, marked: 0 });
  });

  test("tracking columns survive a re-run; a criterion met since is marked, not deleted", () => {
    const edited = structuredClone(first.after);
    const p = edited.others![PLAN_SHEET];
    const r42 = p.values.findIndex((r) => r[1] === "4.2");
    p.values[r42][C("Thời hạn")] = "30/6/2024";
    p.values[r42][C("Trạng thái")] = "Đang thực hiện";
    p.values[r42][C("Ghi chú")] = "=đã giao phòng GD";
    const r162 = p.values.findIndex((r) => r[1] === "1.6.2");
    p.values[r162][C("Ghi chú")] = "chờ đối thoại quý II";
    const row162 = rowOf(edited.active, "1.6.2");
    edited.active.values[row162][3] = "0,50";
    edited.active.values[row162][4] = "0,00";
    edited.active.values[rowOf(edited.active, "1")][3] = "10,00";
    const again = run(edited, "plan");
    const q = again.after.others![PLAN_SHEET];
    const n42 = q.values.findIndex((r) => r[1] === "4.2");
    expect(q.values[n42].slice(C("Thời hạn"), C("Ghi chú") + 1)).toEqual([
      "30/6/2024",
      "Đang thực hiện",
      "=đã giao phòng GD",
    ]);
    expect(q.formulas![n42][C("Ghi chú")]).toBeNull();
    const n162 = q.values.findIndex((r) => r[1] === "1.6.2");
    expect(q.values[n162][C("Ghi chú")]).toBe("chờ đối thoại quý II");
    expect(q.values[n162][C("Điểm chưa đạt")]).toBe(0);
    expect(q.fills![n162][0]).toBe(PLAN_MET_FILL);
    expect(q.fills![n42][0]).toBeNull();
    expect(again.changeSet.counts.marked).toBe(1);
    expect(q.values.filter((r) => r[1] !== null).length).toBe(
      plan.values.filter((r) => r[1] !== null).length,
    );
  });
});

test("analyzeWorkbook gives the summary the panel shows", () => {
  const r = analyzeWorkbook(sampleWorkbook());
  expect(r.ok && r.summary.total).toEqual({
    max: 99.5,
    achieved: 84.87,
    gap: 14.63,
    percent: 85.3,
    bonus: 0,
    penalty: 0,
    final: null,
    self: null,
    adjustments: null,
    domainsAchieved: 84.87,
    selfDiff: null,
  });
  expect(r.ok && r.summary.domains.map((d) => d.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  const bad = analyzeWorkbook(book(sheetOf([["Không có bảng"]])));
  expect(!bad.ok && bad.error.message.vi).toBe("Không tìm thấy bảng tiêu chí trên trang tính này.");
});

test("a sheet the add-in must update but the host did not read is a message, never a blind write", () => {
  const ws = sampleWorkbook();
  const o = planCommand({ ...ws, sheetNames: [...ws.sheetNames, PLAN_SHEET] }, "plan");
  expect(o.ok).toBe(false);
  expect(!o.ok && o.error).toMatchObject({
    code: "not-read",
    message: { vi: "Không đọc được trang «Kế hoạch khắc phục»." },
  });
  const c = planCommand({ ...ws, sheetNames: [...ws.sheetNames, CATALOGUE_SHEET_NAME] }, "export-catalogue");
  expect(!c.ok && c.error.code).toBe("not-read");
});
