import {
  AGENCIES,
  BUILTIN_ENTRIES,
  DOMAIN_DEFAULTS,
  DOMAIN_TITLES,
  findAgencies,
  resolveAgency,
  type Agency,
} from "../../src/catalogue/data";

const ids = (list: Agency[]) => list.map((a) => a.id);

describe("resolveAgency", () => {
  it.each([
    ["Văn phòng HĐND và UBND huyện", "vp-hdnd-ubnd"],
    ["Văn phòng HĐND và UBND", "vp-hdnd-ubnd"],
    ["VP HĐND-UBND", "vp-hdnd-ubnd"],
    ["vp hdnd - ubnd", "vp-hdnd-ubnd"],
    ["VAN PHONG HDND VA UBND HUYEN", "vp-hdnd-ubnd"],
    ["phòng Tài chính - Kế hoạch", "tc-kh"],
    ["Phòng Tài chính - Kế hoạch.", "tc-kh"],
    ["phong tai chinh ke hoach", "tc-kh"],
    ["Phòng TC-KH", "tc-kh"],
    ["phòng Nội vụ", "noi-vu"],
    ["Phong Noi vu", "noi-vu"],
    ["Phòng Giáo dục và Đào tạo", "gd-dt"],
    ["Phòng GD&ĐT", "gd-dt"],
    ["phong giao duc va dao tao", "gd-dt"],
    ["UBND cấp xã", "ubnd-xa"],
    ["UBND các xã, thị trấn", "ubnd-xa"],
    ["ubnd cap xa", "ubnd-xa"],
    ["Phòng Tư pháp", "tu-phap"],
    ["Phòng Văn hoá và Thông tin", "vh-tt"],
    ["Trung tâm Văn hóa, Thể thao và Truyền thông", "ttvh-tt-tt"],
    ["các cơ quan, đơn vị", "co-quan-don-vi"],
    ["Các cơ quan, đơn vị thuộc huyện", "co-quan-don-vi"],
  ])("%s → %s", (text, id) => {
    expect(resolveAgency(text)?.id).toBe(id);
  });

  it("does not guess: unknown or partial names resolve to nothing", () => {
    expect(resolveAgency("Phòng Kinh tế")).toBeUndefined();
    expect(resolveAgency("Văn phòng")).toBeUndefined();
    expect(resolveAgency("")).toBeUndefined();
    expect(resolveAgency("   ")).toBeUndefined();
  });

  it("uses the agency list it is given (agencies are data: a 2025 rename is a data edit)", () => {
    const renamed: Agency[] = [
      ...AGENCIES.filter((a) => a.id !== "tc-kh"),
      { id: "tc-kh", name: "Phòng Kinh tế", aliases: ["Phòng Tài chính - Kế hoạch"], kind: "office" },
    ];
    expect(resolveAgency("phong kinh te", renamed)?.name).toBe("Phòng Kinh tế");
    expect(resolveAgency("phòng Tài chính - Kế hoạch", renamed)?.name).toBe("Phòng Kinh tế");
    expect(resolveAgency("phong kinh te")).toBeUndefined();
  });

  it("every agency id is unique and no alias names two agencies", () => {
    expect(new Set(ids(AGENCIES)).size).toBe(AGENCIES.length);
    for (const a of AGENCIES) for (const n of [a.name, ...a.aliases]) expect(resolveAgency(n)?.id).toBe(a.id);
  });
});

describe("findAgencies", () => {
  it("splits the seed's implementer lists into agencies, in order", () => {
    expect(ids(findAgencies("các cơ quan, đơn vị; UBND cấp xã"))).toEqual(["co-quan-don-vi", "ubnd-xa"]);
    expect(ids(findAgencies("Phòng Giáo dục và Đào tạo, các đơn vị phải sắp xếp trong năm 2024"))).toEqual([
      "gd-dt",
      "don-vi-sap-xep",
    ]);
    expect(
      ids(findAgencies("Phòng Văn hóa và Thông tin; Trung tâm Văn hóa, Thể thao và Truyền thông")),
    ).toEqual(["vh-tt", "ttvh-tt-tt"]);
  });

  it("prefers the longest name", () => {
    expect(ids(findAgencies("các cơ quan, đơn vị được thanh tra, kiểm toán"))).toEqual(["duoc-thanh-tra"]);
    expect(ids(findAgencies("các đơn vị sự nghiệp công lập trực thuộc UBND huyện"))).toEqual(["don-vi-sncl"]);
  });

  it("reads §IV's short office names", () => {
    expect(
      ids(
        findAgencies(
          "Các Phòng: Tư pháp, Tài chính - Kế hoạch, Văn hóa và Thông tin, Văn phòng HĐND và UBND huyện",
        ),
      ),
    ).toEqual(["tu-phap", "tc-kh", "vh-tt", "vp-hdnd-ubnd"]);
  });

  it("finds nothing in unrelated text, nor the province's namesake departments", () => {
    expect(findAgencies("Sở Nội vụ tỉnh; Sở Tư pháp")).toEqual([]);
    expect(findAgencies("Công an huyện")).toEqual([]);
  });
});

describe("built-in data", () => {
  it("lists each code in one entry only", () => {
    const codes = BUILTIN_ENTRIES.flatMap((e) => e.codes);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("every entry has a title, a lead agency the agency list knows, implementers and tasks", () => {
    for (const e of BUILTIN_ENTRIES) {
      expect(e.title).not.toBe("");
      expect(resolveAgency(e.lead)).toBeDefined();
      expect(findAgencies(e.implementers).length).toBeGreaterThan(0);
      expect(e.tasks.length).toBeGreaterThan(0);
      for (const t of e.tasks) {
        expect(t.trim()).toBe(t);
        expect(t).not.toMatch(/^[+-] /);
        expect(t).not.toMatch(/\n|\*/);
      }
      expect(e.lead).not.toMatch(/\.$/);
      expect(e.implementers).not.toMatch(/\.$/);
    }
  });

  it("marks only 1.6.2's implementers as derived (the seed has no such line there)", () => {
    expect(BUILTIN_ENTRIES.filter((e) => e.implementersDerived).map((e) => e.label)).toEqual(["1.6.2"]);
  });

  it("keeps the seed's titles, joining its line breaks", () => {
    const title = (code: string) => BUILTIN_ENTRIES.find((e) => e.codes.includes(code))?.title;
    expect(title("6.1.4")).toBe(
      "Tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách",
    );
    expect(title("6.4")).toBe("thực hiện tiết kiệm kinh phí được phân bổ để thực hiện tự chủ tài chính");
    expect(title("7.6")).toBe("tỷ lệ hồ sơ trực tuyến toàn trình; thực hiện thanh toán trực tuyến");
    expect(title("9")).toBe(
      "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
    );
  });

  it("has a default for every domain 1–9 with the §II titles and §IV leads", () => {
    expect(DOMAIN_DEFAULTS.map((d) => d.domain)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    const leads = Object.fromEntries(DOMAIN_DEFAULTS.map((d) => [d.domain, resolveAgency(d.lead)?.id]));
    expect(leads).toEqual({
      "1": "noi-vu",
      "2": "tu-phap",
      "3": "vp-hdnd-ubnd",
      "4": "noi-vu",
      "5": "noi-vu",
      "6": "tc-kh",
      "7": "vp-hdnd-ubnd",
      "8": "tc-kh",
      "9": "vp-hdnd-ubnd",
    });
    for (const d of DOMAIN_DEFAULTS) {
      expect(d.title).toBe(DOMAIN_TITLES[d.domain]);
      expect(d.tasks.length).toBeGreaterThan(0);
      expect(findAgencies(d.implementers).length).toBeGreaterThan(0);
    }
    expect(DOMAIN_TITLES["1"]).toBe("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC");
    expect(DOMAIN_TITLES["9"]).toBe("KẾT QUẢ ĐO LƯỜNG HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC");
  });
});
