import { DOMAIN_MEANINGS, domainMeaning, type DomainMeaning } from "../../src/core/domainMeaning";

/** The seed's domain rows (Bắc Sơn 2023), as its table writes them. */
const SEED: [string, DomainMeaning][] = [
  ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "direction"],
  ["CẢI CÁCH THỂ CHẾ", "institutions"],
  ["CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "procedures"],
  ["CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", "organisation"],
  ["CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "civil-service"],
  ["CẢI CÁCH TÀI CHÍNH CÔNG", "public-finance"],
  ["XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "digital-government"],
  ["TÁC ĐỘNG CỦA CCHC ĐẾN PHÁT TRIỂN KT-XH CỦA HUYỆN", "socio-economic"],
  ["KẾT QUẢ ĐO LƯỜNG HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC", "satisfaction"],
];

/** How 2025 provincial sets (departments, communes, wards) and older sets name them, numbered every way. */
const VARIANTS: [string, DomainMeaning][] = [
  ["I. Công tác chỉ đạo điều hành cải cách hành chính", "direction"],
  ["Lĩnh vực 1: Công tác chỉ đạo, điều hành", "direction"],
  ["A - Cải cách thể chế", "institutions"],
  ["II. Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "institutions"],
  ["II. Cải cách thủ tục hành chính", "procedures"],
  ["Cải cách TTHC", "procedures"],
  ["Thực hiện cơ chế một cửa, một cửa liên thông", "procedures"],
  ["IV. Cải cách tổ chức bộ máy hành chính nhà nước", "organisation"],
  ["Cải cách chế độ công vụ, công chức", "civil-service"],
  ["Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "civil-service"],
  ["VI. Cải cách tài chính công", "public-finance"],
  ["Hiện đại hóa hành chính", "digital-government"],
  ["Hiện đại hoá nền hành chính", "digital-government"],
  ["Xây dựng, phát triển Chính phủ điện tử, Chính phủ số", "digital-government"],
  ["Chính quyền số", "digital-government"],
  ["Chuyển đổi số", "digital-government"],
  ["Ứng dụng công nghệ thông tin", "digital-government"],
  [
    "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
    "satisfaction",
  ],
  ["IX. Đo lường sự hài lòng của người dân, tổ chức (SIPAS)", "satisfaction"],
  ["Tác động của cải cách hành chính đến phát triển kinh tế - xã hội của địa phương", "socio-economic"],
  ["VIII. TÁC ĐỘNG CỦA CCHC ĐẾN PHÁT TRIỂN KINH TẾ - XÃ HỘI CỦA XÃ", "socio-economic"],
  ["cai cach the che", "institutions"],
];

describe("domainMeaning", () => {
  test.each(SEED)("seed: %s → %s", (name, key) => expect(domainMeaning(name)).toBe(key));
  test.each(VARIANTS)("variant: %s → %s", (name, key) => expect(domainMeaning(name)).toBe(key));

  test("the number or numeral does not matter", () => {
    for (const prefix of ["", "1. ", "I. ", "III - ", "A. ", "Lĩnh vực 7: ", "7 "]) {
      expect(domainMeaning(`${prefix}Cải cách thủ tục hành chính`)).toBe("procedures");
    }
  });

  test("names that say none of them", () => {
    for (const name of ["", "Điểm thưởng", "Điểm trừ", "TỔNG ĐIỂM", "Nội dung khác"])
      expect(domainMeaning(name)).toBeNull();
  });

  test("each seed domain has its own meaning, and every meaning has a bilingual label", () => {
    expect(new Set(SEED.map(([, k]) => k)).size).toBe(9);
    expect(DOMAIN_MEANINGS.map((m) => m.key).sort()).toEqual(SEED.map(([, k]) => k).sort());
    for (const m of DOMAIN_MEANINGS) {
      expect(m.label.vi).not.toBe("");
      expect(m.label.en).not.toBe("");
      expect(domainMeaning(m.label.vi)).toBe(m.key);
    }
  });
});
