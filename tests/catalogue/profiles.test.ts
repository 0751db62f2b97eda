import {
  AGENCIES,
  BUILTIN_ENTRIES,
  DOMAIN_DEFAULTS,
  agencyKey,
  resolveAgency,
} from "../../src/catalogue/data";
import { builtinCatalogue, lookup, type Catalogue } from "../../src/catalogue/lookup";
import {
  UNIT_LEVELS,
  detectProfile,
  parseUnitLevel,
  unitProfile,
  type UnitLevel,
} from "../../src/catalogue/profiles";

/** Every text a profile can put in front of a user. */
function texts(c: Catalogue, level: UnitLevel): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const e of c.entries) {
    out.push({ where: `${e.label} title`, text: e.title }, { where: `${e.label} lead`, text: e.lead });
    out.push({ where: `${e.label} implementers`, text: e.implementers });
    e.tasks.forEach((t, i) => out.push({ where: `${e.label} task ${i}`, text: t }));
  }
  for (const d of c.domains) {
    out.push(
      { where: `domain ${d.domain} title`, text: d.title },
      { where: `domain ${d.domain} lead`, text: d.lead },
    );
    out.push({ where: `domain ${d.domain} implementers`, text: d.implementers });
    d.tasks.forEach((t, i) => out.push({ where: `domain ${d.domain} task ${i}`, text: t }));
  }
  out.push(
    { where: "fallback lead", text: c.fallback.lead },
    { where: "fallback implementers", text: c.fallback.implementers },
  );
  c.fallback.tasks.forEach((t, i) => out.push({ where: `fallback task ${i}`, text: t }));
  for (const a of c.agencies)
    for (const n of [a.name, ...a.aliases]) out.push({ where: `agency ${a.id}`, text: n });
  for (const m of unitProfile(level).mapping) out.push({ where: `mapping ${m.from}`, text: m.to });
  return out;
}

/** District offices and district words, as agencyKey phrases (whole words). */
const DISTRICT = [
  "phong noi vu",
  "phong tu phap",
  "tai chinh ke hoach",
  "phong giao duc va dao tao",
  "phong van hoa va thong tin",
  "trung tam van hoa the thao va truyen thong",
  "ubnd huyen",
  "hdnd huyen",
  "van phong hdnd va ubnd huyen",
  "chu tich ubnd huyen",
  "huyen",
  "bac son",
];

const has = (text: string, phrase: string) => ` ${agencyKey(text)} `.includes(` ${phrase} `);

describe("unit profiles", () => {
  test("district is the seed catalogue itself", () => {
    expect(unitProfile("district").catalogue).toBe(builtinCatalogue());
    expect(unitProfile("district").mapping).toEqual([]);
  });

  test.each(["commune", "ward", "department"] as const)(
    "no text of the %s profile names a district office",
    (level) => {
      const found = texts(unitProfile(level).catalogue, level).filter((t) =>
        DISTRICT.some((p) => has(t.text, p)),
      );
      expect(found).toEqual([]);
    },
  );

  test.each(["commune", "ward", "department"] as const)(
    "%s: 'UBND cấp xã' is never a lead or implementer",
    (level) => {
      const c = unitProfile(level).catalogue;
      for (const x of [...c.entries, ...c.domains, c.fallback]) {
        expect(has(x.lead, "ubnd cap xa")).toBe(false);
        expect(has(x.implementers, "ubnd cap xa")).toBe(false);
      }
    },
  );

  test("a department's texts name no commune at all", () => {
    const found = texts(unitProfile("department").catalogue, "department").filter(
      (t) => has(t.text, "cap xa") || has(t.text, "ubnd xa") || /(^|\s)xã(?!\s+hội)/iu.test(t.text),
    );
    expect(found).toEqual([]);
  });

  test.each(["commune", "ward", "department"] as const)("%s keeps the seed's structure", (level) => {
    const c = unitProfile(level).catalogue;
    expect(c.entries.map((e) => [e.label, e.codes, e.tasks.length])).toEqual(
      BUILTIN_ENTRIES.map((e) => [e.label, e.codes, e.tasks.length]),
    );
    expect(c.domains.map((d) => [d.domain, d.tasks.length])).toEqual(
      DOMAIN_DEFAULTS.map((d) => [d.domain, d.tasks.length]),
    );
  });

  test.each(["commune", "ward", "department"] as const)(
    "%s: every lead is one of its own offices",
    (level) => {
      const c = unitProfile(level).catalogue;
      for (const x of [...c.entries, ...c.domains, c.fallback]) {
        const a = resolveAgency(x.lead, c.agencies);
        expect([x.lead, a?.kind]).toEqual([x.lead, "office"]);
      }
    },
  );

  test.each(["commune", "ward", "department"] as const)(
    "%s maps every seed office, each with a bilingual basis",
    (level) => {
      const m = unitProfile(level).mapping;
      const seedOffices = AGENCIES.filter((a) => a.kind !== "group").map((a) => a.id);
      expect(m.map((x) => x.from).sort()).toEqual([...seedOffices].sort());
      for (const x of m) {
        expect(x.basis.vi).not.toBe("");
        expect(x.basis.en).not.toBe("");
        expect(resolveAgency(x.seedName)?.id).toBe(x.from);
      }
    },
  );

  test("commune: the issue's mapping", () => {
    const c = unitProfile("commune").catalogue;
    expect(lookup("4.2", c).lead).toBe("Phòng Văn hóa - Xã hội"); // phòng Nội vụ
    expect(lookup("6.1.2", c).lead).toBe("Phòng Kinh tế"); // Tài chính - Kế hoạch
    expect(lookup("2.1", c).lead).toBe("Văn phòng HĐND và UBND"); // Phòng Tư pháp
    expect(lookup("3.5.3", c).lead).toBe("Trung tâm Phục vụ hành chính công"); // procedures
    expect(lookup("7.6.2", c).lead).toBe("Trung tâm Phục vụ hành chính công"); // online services
    expect(lookup("9", c).lead).toBe("Trung tâm Phục vụ hành chính công"); // satisfaction
    expect(lookup("3.1", c).lead).toBe("Trung tâm Phục vụ hành chính công");
    expect(lookup("4.2", c).tasks[1]).toBe(
      "Phòng Văn hóa - Xã hội có trách nhiệm thẩm định hồ sơ trình Chủ tịch UBND xã theo quy định.",
    );
    expect(lookup("3.5.3", c).tasks[1]).toMatch(
      /^Trung tâm Phục vụ hành chính công chủ trì, .*tham mưu Chủ tịch UBND xã chấn chỉnh/,
    );
    expect(lookup("6.1.2", c).implementers).toBe("các cơ quan, đơn vị; các phòng chuyên môn thuộc UBND xã");
    // Lower-case "phòng" mid-sentence stays lower case.
    expect(lookup("8.1.1", c).tasks[0]).toMatch(/^phòng Kinh tế có trách nhiệm chủ trì/);
  });

  test("ward: its economic office and its own words", () => {
    const c = unitProfile("ward").catalogue;
    expect(lookup("6.1.2", c).lead).toBe("Phòng Kinh tế, Hạ tầng và Đô thị");
    expect(lookup("4.2", c).tasks[1]).toContain("Chủ tịch UBND phường");
    expect(lookup("8.3", c).title).toBe("mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND phường giao");
  });

  test("department: Văn phòng Sở for reform and procedures, the finance division for public finance", () => {
    const c = unitProfile("department").catalogue;
    expect(lookup("1.1", c).lead).toBe("Văn phòng Sở");
    expect(lookup("3.5.3", c)).toMatchObject({ lead: "Văn phòng Sở" });
    expect(lookup("3.5.3", c).implementers).toContain("Trung tâm Phục vụ hành chính công tỉnh");
    expect(lookup("6.4", c).lead).toBe("Phòng Kế hoạch - Tài chính");
    expect(lookup("6.9", c).lead).toBe("Phòng Kế hoạch - Tài chính");
    expect(lookup("4.2", c).tasks[1]).toBe(
      "Văn phòng Sở có trách nhiệm thẩm định hồ sơ trình Giám đốc Sở theo quy định.",
    );
    expect(lookup("3.5.3", c).tasks[0]).toMatch(/^Các phòng, đơn vị thuộc Sở tăng cường/);
  });

  test("profiles are built once and shared", () => {
    expect(unitProfile("commune")).toBe(unitProfile("commune"));
    expect(UNIT_LEVELS.map((l) => unitProfile(l).level)).toEqual(UNIT_LEVELS);
  });

  test("parseUnitLevel reads the CLI's and the sheet's words", () => {
    expect(parseUnitLevel("commune")).toBe("commune");
    expect(parseUnitLevel(" Xã ")).toBe("commune");
    expect(parseUnitLevel("phường")).toBe("ward");
    expect(parseUnitLevel("Sở")).toBe("department");
    expect(parseUnitLevel("huyen")).toBe("district");
    expect(parseUnitLevel("province")).toBeNull();
  });
});

describe("detectProfile", () => {
  test.each([
    [["Chỉ số cải cách hành chính (PAR INDEX) năm 2023 - huyện Bắc Sơn"], "district", "huyện Bắc Sơn"],
    [["ỦY BAN NHÂN DÂN XÃ NHẤT TIẾN", "KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2025"], "commune", "xã Nhất Tiến"],
    [["UBND xã Nhất Tiến, huyện Bắc Sơn"], "commune", "xã Nhất Tiến"],
    [["Kết quả chỉ số CCHC năm 2025 của UBND phường Đông Kinh", "tỉnh Lạng Sơn"], "ward", "phường Đông Kinh"],
    [["UBND Phường 3"], "ward", "phường 3"],
    [["SỞ NỘI VỤ TỈNH LẠNG SƠN"], "department", "Sở Nội vụ"],
    [["UBND tỉnh Lạng Sơn", "Sở Giáo dục và Đào tạo"], "department", "Sở Giáo dục và Đào tạo"],
    [["UBND thị xã Sơn Tây"], "district", "thị xã Sơn Tây"],
    [["UBND thị trấn Bắc Sơn"], "commune", "thị trấn Bắc Sơn"],
    [["Quận Ba Đình"], "district", "quận Ba Đình"],
  ] as [string[], UnitLevel, string][])("%j → %s (%s)", (titles, profile, name) => {
    expect(detectProfile(titles)).toEqual({ profile, name });
  });

  test("no unit named", () => {
    expect(detectProfile([])).toBeNull();
    expect(
      detectProfile([
        "Số: /KH-UBND",
        "UBND các xã, thị trấn",
        "cấp xã",
        "Chỉ số cải cách hành chính năm 2025",
      ]),
    ).toBeNull();
  });
});
