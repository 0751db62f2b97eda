import { agencyKey } from "../../src/catalogue/data";
import { lookupCriterion } from "../../src/catalogue/lookup";
import { unitProfile, type UnitLevel } from "../../src/catalogue/profiles";
import { parseCode } from "../../src/core/text";

/**
 * A 2025-style commune results table as provinces re-issued them: Roman domains in another order, criteria
 * renumbered, some the seed has under other codes, some it does not have at all, and a bonus/penalty block.
 */
const COMMUNE_TABLE: [string, string][] = [
  ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"],
  ["1.1", "Ban hành kế hoạch cải cách hành chính năm"],
  ["1.2", "Xử lý đề xuất, kiến nghị của người dân, doanh nghiệp tại các cuộc đối thoại"],
  ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
  ["2.1", "Công khai thủ tục hành chính"],
  ["2.2", "Tiến độ giải quyết TTHC của UBND xã trên Cổng Dịch vụ công quốc gia"],
  ["III", "CẢI CÁCH THỂ CHẾ"],
  ["3.1", "Ban hành văn bản quy phạm pháp luật"],
  ["IV", "CẢI CÁCH TÀI CHÍNH CÔNG"],
  ["4.1", "Thực hiện quy định về sử dụng kinh phí từ nguồn ngân sách nhà nước"],
  ["4.2", "Thực hiện tiết kiệm kinh phí"],
  ["V", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH"],
  ["5.1", "Thực hiện quy định về số lượng cấp phó"],
  ["VI", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"],
  ["6.1", "Thực hiện quy định về tuyển dụng công chức"],
  ["VII", "XÂY DỰNG, PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"],
  ["7.1", "Tỷ lệ hồ sơ trực tuyến toàn trình"],
  ["7.2", "Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến"],
  ["VIII", "ĐO LƯỜNG SỰ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC"],
  ["8.1", "Chỉ số hài lòng về tiếp cận dịch vụ"],
  ["IX", "ĐIỂM THƯỞNG, ĐIỂM TRỪ"],
  ["9.1", "Điểm thưởng"],
];

function rows(): { code: string; name: string; domainName: string }[] {
  let domainName = "";
  return COMMUNE_TABLE.map(([code, name]) => {
    if (parseCode(code)!.depth === 1) domainName = name;
    return { code, name, domainName };
  });
}

const DISTRICT_OFFICES = [
  "phong noi vu",
  "phong tu phap",
  "tai chinh ke hoach",
  "phong giao duc va dao tao",
  "phong van hoa va thong tin",
  "ubnd huyen",
  "huyen",
  "ubnd cap xa",
];

describe.each(["commune", "ward", "department"] as UnitLevel[])("a renumbered %s table", (level) => {
  const catalogue = unitProfile(level).catalogue;
  const answers = rows().map((r) => ({ r, a: lookupCriterion(r, catalogue) }));

  test("names only the level's own offices", () => {
    for (const { r, a } of answers) {
      for (const text of [a.lead, a.implementers, ...a.tasks]) {
        const key = ` ${agencyKey(text)} `;
        expect([r.code, DISTRICT_OFFICES.filter((p) => key.includes(` ${p} `))]).toEqual([r.code, []]);
      }
    }
  });

  test("gets entries by meaning, not by number", () => {
    const by = Object.fromEntries(answers.map(({ r, a }) => [r.code, a]));
    expect(by["1.2"]).toMatchObject({ match: "same-name", entry: "1.6.2" });
    expect(by["2.2"]).toMatchObject({ match: "same-name", entry: "3.5.3" });
    expect(by["2.1"]).toMatchObject({ match: "domain", from: "3" });
    expect(by["3.1"]).toMatchObject({ match: "domain", from: "2" });
    expect(by["4.1"]).toMatchObject({ match: "same-name", entry: "6.1.2" });
    expect(by["4.2"]).toMatchObject({ match: "same-name", entry: "6.4" });
    expect(by["5.1"]).toMatchObject({ match: "domain", from: "4" });
    expect(by["6.1"]).toMatchObject({ match: "domain", from: "5" });
    expect(by["7.1"]).toMatchObject({ match: "same-name", entry: "7.2" });
    expect(by["8.1"]).toMatchObject({ match: "domain", from: "9" });
    expect(by["9.1"]).toMatchObject({ match: "generic" });
  });
});

test("the commune's leads, row by row", () => {
  const c = unitProfile("commune").catalogue;
  const lead = Object.fromEntries(rows().map((r) => [r.code, lookupCriterion(r, c).lead]));
  expect(lead).toMatchObject({
    "2.1": "Trung tâm Phục vụ hành chính công",
    "2.2": "Trung tâm Phục vụ hành chính công",
    "3.1": "Văn phòng HĐND và UBND",
    "4.1": "Phòng Kinh tế",
    "4.2": "Phòng Kinh tế",
    "5.1": "Phòng Văn hóa - Xã hội",
    "6.1": "Phòng Văn hóa - Xã hội",
    "7.1": "Trung tâm Phục vụ hành chính công",
    "8.1": "Trung tâm Phục vụ hành chính công",
    "9.1": "Phòng Văn hóa - Xã hội",
  });
});
