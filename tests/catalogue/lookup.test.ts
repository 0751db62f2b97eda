import { GENERAL_SOLUTIONS } from "../../src/catalogue/data";
import {
  builtinCatalogue,
  describeMatch,
  lookup,
  withOverrides,
  type Assignment,
  type CustomEntry,
} from "../../src/catalogue/lookup";

const VP = "Văn phòng HĐND và UBND huyện";
const TCKH = "phòng Tài chính - Kế hoạch";
const ALL = "các cơ quan, đơn vị; UBND cấp xã";

/**
 * The seed's 19 rows with a gap: code, lead (exact seed text), implementers (exact), match, matched code,
 * entry label, and a phrase one of its tasks must contain.
 */
const GAPS: [string, string, string, Assignment["match"], string, string, string][] = [
  [
    "1.6.2",
    "Phòng Tài chính - Kế hoạch",
    "các cơ quan, đơn vị có liên quan",
    "exact",
    "1.6.2",
    "1.6.2",
    "Hội nghị đối thoại trực tiếp",
  ],
  ["3.5.3", VP, "UBND cấp xã", "exact", "3.5.3", "3.5.3", "đúng và trước hạn trên 95%"],
  [
    "4.2",
    "phòng Nội vụ",
    "Phòng Giáo dục và Đào tạo, các đơn vị phải sắp xếp trong năm 2024",
    "exact",
    "4.2",
    "4.2",
    "Quyết định số 2007/QĐ-UBND",
  ],
  ["6.1.2", TCKH, ALL, "exact", "6.1.2", "6.1.2", "sử dụng kinh phí từ nguồn ngân sách nhà nước"],
  [
    "6.1.4",
    TCKH,
    "các cơ quan, đơn vị được thanh tra, kiểm toán",
    "exact",
    "6.1.4",
    "6.1.4",
    "kiến nghị còn tồn đọng",
  ],
  ["6.2.3", TCKH, "các cơ quan, đơn vị", "exact", "6.2.3", "6.2.3", "kinh phí quản lý hành chính"],
  [
    "6.3.1",
    TCKH,
    "các đơn vị sự nghiệp công lập trực thuộc UBND huyện",
    "exact",
    "6.3.1",
    "6.3.1",
    "cao hơn năm 2023",
  ],
  [
    "6.3.2",
    TCKH,
    "các đơn vị sự nghiệp công lập thuộc huyện",
    "exact",
    "6.3.2",
    "6.3.2",
    "sử dụng các nguồn tài chính",
  ],
  ["6.4", TCKH, "các cơ quan, đơn vị thuộc huyện", "exact", "6.4", "6.4", "thực hiện tiết kiệm kinh phí"],
  ["7.2", VP, ALL, "exact", "7.2", "7.2", "dịch vụ công trực tuyến toàn trình"],
  ["7.3.1", VP, ALL, "exact", "7.3.1", "7.3.1 ; 7.3.2", "Bộ phận Một cửa cấp huyện, cấp xã"],
  ["7.3.2", VP, ALL, "exact", "7.3.2", "7.3.1 ; 7.3.2", "cập nhật tiến độ, kết quả giải quyết 100% hồ sơ"],
  ["7.6.1", VP, ALL, "inherited", "7.6", "7.2", "TTHC có yêu cầu nghĩa vụ tài chính"],
  ["7.6.2", VP, ALL, "inherited", "7.6", "7.2", "TTHC có yêu cầu nghĩa vụ tài chính"],
  ["7.6.3", VP, ALL, "inherited", "7.6", "7.2", "TTHC có yêu cầu nghĩa vụ tài chính"],
  [
    "8.1.1",
    TCKH,
    "các cơ quan, đơn vị",
    "exact",
    "8.1.1",
    "8.1.1 ; 8.1.2",
    "hộ kinh doanh có thể thành lập doanh nghiệp",
  ],
  ["8.1.2", TCKH, "các cơ quan, đơn vị", "exact", "8.1.2", "8.1.1 ; 8.1.2", "tháo gỡ khó khăn, vướng mắc"],
  ["8.3", TCKH, ALL, "exact", "8.3", "8.3", "kinh tế - xã hội năm 2024 do Hội đồng nhân dân huyện giao"],
  ["9", VP, "Các cơ quan, đơn vị; UBND cấp xã", "exact", "9", "9", "niêm yết công khai đường dây nóng"],
];

describe("lookup: the seed's 19 gap rows get the seed's own measures", () => {
  it("covers exactly the 19 rows", () => {
    expect(GAPS).toHaveLength(19);
  });

  it.each(GAPS)("%s → %s", (code, lead, implementers, match, from, entry, phrase) => {
    const a = lookup(code);
    expect(a.code).toBe(code);
    expect(a.lead).toBe(lead);
    expect(a.implementers).toBe(implementers);
    expect(a.match).toBe(match);
    expect(a.from).toBe(from);
    expect(a.entry).toBe(entry);
    expect(a.source).toBe("builtin");
    expect(a.fallback).toBeUndefined();
    expect(a.tasks.length).toBeGreaterThanOrEqual(1);
    expect(a.tasks.some((t) => t.includes(phrase))).toBe(true);
  });

  it("gives 7.6.x the online-payment measures of the 7.2 entry and says where they came from", () => {
    const a = lookup("7.6.2");
    expect(a.tasks).toEqual(lookup("7.2").tasks);
    expect(a.title).toBe("tỷ lệ hồ sơ trực tuyến toàn trình; thực hiện thanh toán trực tuyến");
    expect(describeMatch(a, "vi")).toBe("Gợi ý của tiêu chí 7.2");
    expect(describeMatch(a, "en")).toBe("suggested for criterion 7.2");
  });

  it("keeps the seed's bullets as tasks, one per '+'", () => {
    expect(lookup("3.5.3").tasks).toHaveLength(2);
    expect(lookup("6.1.2").tasks).toHaveLength(3);
    expect(lookup("9").tasks).toHaveLength(3);
    expect(lookup("1.6.2").tasks).toEqual([
      "trên cơ sở phân công, đôn đốc các cơ quan, đơn vị có liên quan trả lời ý kiến, kiến nghị của đại biểu tại Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân trên địa bàn.",
    ]);
  });

  it("prefixes 8.1.x's lead-in sentence to each of its bullets", () => {
    const leadIn = "phòng Tài chính - Kế hoạch có trách nhiệm chủ trì, phối hợp với các cơ quan liên quan: ";
    const tasks = lookup("8.1.2").tasks;
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toBe(
      leadIn +
        "Tuyên truyền, có những giải pháp cụ thể để hỗ trợ, khuyến khích phát triển doanh nghiệp ; tuyên truyền vận động các hộ kinh doanh có thể thành lập doanh nghiệp.",
    );
    expect(tasks[1].startsWith(leadIn + "Tham mưu")).toBe(true);
  });

  it("describes exact matches as coming from the catalogue", () => {
    expect(describeMatch(lookup("3.5.3"), "vi")).toBe("Gợi ý cho đúng tiêu chí này");
    expect(describeMatch(lookup("7.3.2"), "en")).toBe("suggested for this criterion");
  });
});

describe("lookup: codes the seed does not list", () => {
  it("2.1 gets domain 2's default (Phòng Tư pháp, §III.1 1.4)", () => {
    const a = lookup("2.1");
    expect(a).toMatchObject({ match: "domain", from: "2", source: "builtin", lead: "Phòng Tư pháp" });
    expect(a.fallback).toBeUndefined();
    expect(a.tasks).toContain(GENERAL_SOLUTIONS["1.4"]);
    expect(a.title).toBe("CẢI CÁCH THỂ CHẾ");
    expect(describeMatch(a, "vi")).toBe("Mặc định của lĩnh vực 2");
    expect(describeMatch(a, "en")).toBe("domain default");
  });

  it("5.3 gets domain 5's default (phòng Nội vụ, discipline and training)", () => {
    const a = lookup("5.3");
    expect(a).toMatchObject({ match: "domain", from: "5", lead: "Phòng Nội vụ" });
    expect(a.tasks).toContain(GENERAL_SOLUTIONS["1.8"]);
  });

  it("a commune's domain 10 falls back to the generic measures and says so", () => {
    const a = lookup("10.2");
    expect(a).toMatchObject({ code: "10.2", match: "domain", fallback: true, from: "10", source: "builtin" });
    expect(a.lead).toBe("Phòng Nội vụ");
    expect(a.tasks.length).toBeGreaterThan(0);
    expect(describeMatch(a, "vi")).toBe("Giải pháp chung (lĩnh vực 10 chưa có trong danh mục)");
    expect(describeMatch(a, "en")).toBe("general solutions (domain 10 not in catalogue)");
  });

  it("inherits from the nearest ancestor only, never from a sibling or child", () => {
    expect(lookup("1.6.1")).toMatchObject({ match: "domain", from: "1" });
    expect(lookup("6.1")).toMatchObject({ match: "domain", from: "6" });
    expect(lookup("7.3.1.2")).toMatchObject({ match: "inherited", from: "7.3.1", entry: "7.3.1 ; 7.3.2" });
    expect(lookup("9.3")).toMatchObject({ match: "inherited", from: "9", lead: VP });
    expect(lookup("7.6")).toMatchObject({ match: "exact", from: "7.6", entry: "7.2" });
  });

  it("domain codes 1–8 get their domain default; 9 has its own entry", () => {
    for (const d of ["1", "2", "3", "4", "5", "6", "7", "8"]) {
      expect(lookup(d)).toMatchObject({ match: "domain", from: d });
    }
    expect(lookup("9")).toMatchObject({ match: "exact", entry: "9" });
  });

  it("normalises raw codes and rejects text", () => {
    expect(lookup("7.6.2.")).toMatchObject({ code: "7.6.2", from: "7.6" });
    expect(lookup(" VII ")).toMatchObject({ code: "7", match: "domain" });
    expect(() => lookup("Tổng điểm")).toThrow(RangeError);
  });

  it("hands out copies: editing an answer does not change the catalogue", () => {
    lookup("7.2").tasks.push("x");
    expect(lookup("7.2").tasks).toHaveLength(3);
  });
});

describe("withOverrides", () => {
  const custom = (code: string, lead = `Lead ${code}`, tasks = [`Task ${code}`]): CustomEntry => ({
    code,
    lead,
    implementers: `Impl ${code}`,
    tasks,
  });

  it("an override for 7.2 changes 7.2 only; 7.6.x keep inheriting the built-in text through 7.6", () => {
    const cat = withOverrides(builtinCatalogue(), [custom("7.2")]);
    expect(lookup("7.2", cat)).toMatchObject({
      match: "exact",
      source: "custom",
      lead: "Lead 7.2",
      tasks: ["Task 7.2"],
    });
    expect(describeMatch(lookup("7.2", cat), "vi")).toBe(
      "Gợi ý cho đúng tiêu chí này (danh mục riêng của đơn vị)",
    );
    expect(lookup("7.6.2", cat)).toMatchObject({
      match: "inherited",
      from: "7.6",
      entry: "7.2",
      source: "builtin",
      lead: VP,
    });
    expect(lookup("7.3.1", cat)).toMatchObject({ source: "builtin", lead: VP });
  });

  it("an override for 7.6 changes 7.6.1–7.6.3 and not 7.2", () => {
    const cat = withOverrides(builtinCatalogue(), [custom("7.6")]);
    const a = lookup("7.6.3", cat);
    expect(a).toMatchObject({
      match: "inherited",
      from: "7.6",
      entry: "7.6",
      source: "custom",
      lead: "Lead 7.6",
    });
    expect(describeMatch(a, "vi")).toBe("Gợi ý của tiêu chí 7.6 (danh mục riêng của đơn vị)");
    expect(describeMatch(a, "en")).toBe("suggested for criterion 7.6 (your own catalogue)");
    expect(lookup("7.2", cat)).toMatchObject({ source: "builtin", lead: VP });
  });

  it("an override for a domain code replaces the domain default", () => {
    const cat = withOverrides(builtinCatalogue(), [custom("2"), custom("10")]);
    expect(lookup("2.1", cat)).toMatchObject({
      match: "domain",
      from: "2",
      source: "custom",
      lead: "Lead 2",
    });
    expect(lookup("2", cat)).toMatchObject({ match: "domain", source: "custom" });
    expect(describeMatch(lookup("2.1", cat), "vi")).toBe(
      "Mặc định của lĩnh vực 2 (danh mục riêng của đơn vị)",
    );
    const ten = lookup("10.2", cat);
    expect(ten).toMatchObject({ match: "domain", source: "custom", lead: "Lead 10" });
    expect(ten.fallback).toBeUndefined();
    // an entry below the domain still wins over the custom domain default
    expect(lookup("3.5.3", withOverrides(builtinCatalogue(), [custom("3")]))).toMatchObject({
      source: "builtin",
      lead: VP,
    });
  });

  it("an override for 9 replaces the satisfaction entry for 9 and its sub-criteria", () => {
    const cat = withOverrides(builtinCatalogue(), [custom("9")]);
    expect(lookup("9", cat)).toMatchObject({ match: "exact", source: "custom", lead: "Lead 9" });
    expect(lookup("9.2", cat)).toMatchObject({ match: "inherited", source: "custom", lead: "Lead 9" });
  });

  it("a new code gets its own entry, inherited by its sub-criteria", () => {
    const cat = withOverrides(builtinCatalogue(), [custom("5.3")]);
    expect(lookup("5.3", cat)).toMatchObject({ match: "exact", source: "custom" });
    expect(lookup("5.3.1", cat)).toMatchObject({ match: "inherited", from: "5.3", source: "custom" });
    expect(lookup("5.2", cat)).toMatchObject({ match: "domain", source: "builtin" });
  });

  it("fills a custom entry's blank fields from what the code had before", () => {
    const cat = withOverrides(builtinCatalogue(), [
      { code: "4.2", lead: "Phòng Nội vụ (sau sáp nhập)", implementers: "", tasks: [] },
    ]);
    const a = lookup("4.2", cat);
    expect(a.source).toBe("custom");
    expect(a.lead).toBe("Phòng Nội vụ (sau sáp nhập)");
    expect(a.implementers).toBe("Phòng Giáo dục và Đào tạo, các đơn vị phải sắp xếp trong năm 2024");
    expect(a.tasks).toEqual(lookup("4.2").tasks);
  });

  it("leaves the built-in catalogue alone, and later overrides win", () => {
    const once = withOverrides(builtinCatalogue(), [custom("7.2", "A")]);
    const twice = withOverrides(once, [custom("7.2", "B"), custom("7.2", "C")]);
    expect(lookup("7.2", once).lead).toBe("A");
    expect(lookup("7.2", twice).lead).toBe("B");
    expect(lookup("7.2").lead).toBe(VP);
    expect(builtinCatalogue().custom).toBeUndefined();
  });
});
