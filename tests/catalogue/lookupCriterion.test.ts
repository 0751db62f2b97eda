import {
  builtinCatalogue,
  describeMatch,
  lookup,
  lookupCriterion,
  withOverrides,
} from "../../src/catalogue/lookup";
import { catalogueRows } from "../../src/catalogue/customSheet";
import { unitProfile } from "../../src/catalogue/profiles";
import { SAMPLE_ROWS } from "../../src/core/sample";
import { parseCode } from "../../src/core/text";

/** The seed table's rows: code, name (wrapped names joined), and the name of the domain above. */
function seedRows(): { code: string; name: string; domainName: string }[] {
  const out: { code: string; name: string; domainName: string }[] = [];
  let domainName = "";
  for (const r of SAMPLE_ROWS) {
    const p = parseCode(r[0]);
    if (p) {
      if (p.depth === 1) domainName = r[1];
      out.push({ code: r[0], name: r[1], domainName });
    } else if (r[0] === "" && r[1] !== "" && r[2] === "" && out.length > 0) {
      out[out.length - 1].name += ` ${r[1]}`;
    }
  }
  return out;
}

const commune = unitProfile("commune").catalogue;

describe("lookupCriterion on the seed", () => {
  test.each(seedRows())("$code gets what lookup(code) gives it", (row) => {
    const byCode = lookup(row.code);
    const byMeaning = lookupCriterion(row);
    expect([byMeaning.lead, byMeaning.implementers, byMeaning.tasks]).toEqual([
      byCode.lead,
      byCode.implementers,
      byCode.tasks,
    ]);
  });

  test("the seed's own criteria are exact; 7.6.x inherit as before", () => {
    const rules = Object.fromEntries(seedRows().map((r) => [r.code, lookupCriterion(r).match]));
    for (const code of [
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
      "8.1.1",
      "8.1.2",
      "8.3",
      "9",
    ]) {
      expect([code, rules[code]]).toEqual([code, "exact"]);
    }
    for (const code of ["7.6.1", "7.6.2", "7.6.3"]) expect(["inherited", "same-name"]).toContain(rules[code]);
    for (const code of ["1", "2", "3", "4", "5", "6", "7", "8"])
      expect([code, rules[code]]).toEqual([code, "domain"]);
  });

  test("without a name it is lookup(code)", () => {
    for (const code of ["1.6.2", "7.6.2", "2.1", "10.1", "9"]) {
      const a = lookupCriterion({ code, name: "" });
      const b = lookup(code);
      expect([a.lead, a.tasks, a.from]).toEqual([b.lead, b.tasks, b.from]);
    }
  });
});

describe("lookupCriterion: meaning, not numbers", () => {
  test("a commune's 4.2 'Thực hiện tiết kiệm kinh phí' is the seed's 6.4, not its 4.2", () => {
    const a = lookupCriterion(
      { code: "4.2", name: "Thực hiện tiết kiệm kinh phí", domainName: "VI. Cải cách tài chính công" },
      commune,
    );
    expect(a).toMatchObject({ match: "same-name", from: "6.4", entry: "6.4", lead: "Phòng Kinh tế" });
    expect(a.tasks.join(" ")).toContain("tiết kiệm kinh phí");
    expect(a.tasks.join(" ")).not.toContain("sắp xếp");
    expect(describeMatch(a, "vi")).toBe("Cùng tiêu chí 6.4 trong danh mục");
    expect(describeMatch(a, "en")).toBe("same criterion as 6.4 in catalogue");
  });

  test("a commune's domain II 'Cải cách thủ tục hành chính' gets the procedures default, not Phòng Tư pháp", () => {
    const q = {
      code: "2.3",
      name: "Công khai, minh bạch TTHC",
      domainName: "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    };
    const district = lookupCriterion(q);
    expect(district).toMatchObject({
      match: "domain",
      from: "3",
      meaning: "procedures",
      lead: "Văn phòng HĐND và UBND huyện",
    });
    expect(lookup("2.3").lead).toBe("Phòng Tư pháp"); // what the number alone would say
    expect(lookupCriterion(q, commune)).toMatchObject({
      match: "domain",
      lead: "Trung tâm Phục vụ hành chính công",
    });
    expect(describeMatch(district, "vi")).toBe("Mặc định của lĩnh vực Cải cách thủ tục hành chính");
    expect(describeMatch(district, "en")).toBe("default for administrative procedures");
  });

  test("Roman, lettered and renumbered domains all find their meaning", () => {
    const cases: [string, string, string][] = [
      ["I", "Công tác chỉ đạo, điều hành cải cách hành chính", "1"],
      ["A", "Cải cách thể chế", "2"],
      ["5", "Xây dựng chính quyền số", "7"],
      ["VIII", "Cải cách tài chính công", "6"],
      ["3", "Đo lường sự hài lòng của người dân", "9"],
    ];
    for (const [code, domainName, seedDomain] of cases) {
      // Criteria under a Roman or lettered domain are numbered from its position ("VIII" → 8.x, "A" → 1.x).
      const a = lookupCriterion({
        code: `${parseCode(code)?.first ?? 1}.9`,
        name: "Một tiêu chí không có trong danh mục",
        domainName,
      });
      expect([code, a.match, a.from]).toEqual([code, "domain", seedDomain]);
    }
  });

  test("an inherited entry applies only within a domain of the same meaning", () => {
    // Seed 7.6.x inherit the 7.2 entry (online payments) in the digital-government domain…
    expect(
      lookupCriterion({ code: "7.6.9", name: "Tiêu chí khác", domainName: "Chính quyền số" }),
    ).toMatchObject({
      match: "inherited",
      from: "7.6",
    });
    // …but a province whose domain 7 is the satisfaction survey does not get them.
    const a = lookupCriterion({
      code: "7.6.9",
      name: "Tiêu chí khác",
      domainName: "Sự hài lòng của người dân",
    });
    expect(a).toMatchObject({ match: "domain", from: "9" });
  });

  test("a domain that means nothing known gets the generic measures", () => {
    const a = lookupCriterion({
      code: "10.1",
      name: "Điểm thưởng do có sáng kiến",
      domainName: "X. Điểm thưởng",
    });
    expect(a).toMatchObject({ match: "generic", fallback: true, lead: "Phòng Nội vụ" });
    expect(lookupCriterion({ code: "10.1", name: "x", domainName: "Điểm thưởng" }, commune).lead).toBe(
      "Phòng Văn hóa - Xã hội",
    );
  });

  test("a custom entry overrides by the table's own code, whatever the name", () => {
    const c = withOverrides(commune, [
      { code: "4.2", lead: "Phòng riêng", implementers: "", tasks: ["Việc riêng"] },
    ]);
    const a = lookupCriterion(
      { code: "4.2", name: "Thực hiện tiết kiệm kinh phí", domainName: "Tài chính công" },
      c,
    );
    expect(a).toMatchObject({
      match: "exact",
      source: "custom",
      lead: "Phòng riêng",
      tasks: ["Việc riêng"],
    });
    const d = withOverrides(builtinCatalogue(), [
      { code: "2", lead: "Phòng X", implementers: "", tasks: [] },
    ]);
    expect(lookupCriterion({ code: "2.4", name: "y", domainName: "Cải cách TTHC" }, d)).toMatchObject({
      match: "domain",
      source: "custom",
      lead: "Phòng X",
    });
  });

  test("an exported catalogue sheet left as written does not pin the seed's numbering", () => {
    // What "Ghi danh mục giải pháp" writes: one row per code of the catalogue, domains included.
    const exported = catalogueRows(commune).map((r) => ({ ...r, tasks: [...r.tasks] }));
    expect(exported.some((r) => r.code === "2")).toBe(true);
    const c = withOverrides(commune, exported);
    const q = {
      code: "2.3",
      name: "Công khai, minh bạch TTHC",
      domainName: "II. Cải cách thủ tục hành chính",
    };
    expect(lookupCriterion(q, c)).toMatchObject({
      match: "domain",
      from: "3",
      lead: "Trung tâm Phục vụ hành chính công",
    });
    const r = lookupCriterion(
      { code: "4.2", name: "Thực hiện tiết kiệm kinh phí", domainName: "Tài chính công" },
      c,
    );
    expect(r).toMatchObject({ match: "same-name", from: "6.4" });
    // An edited row is an override again.
    const edited = withOverrides(c, [{ code: "2", lead: "Phòng của xã", implementers: "", tasks: [] }]);
    expect(lookupCriterion(q, edited)).toMatchObject({
      match: "domain",
      source: "custom",
      lead: "Phòng của xã",
    });
  });

  test("same-name picks the most similar entry", () => {
    // Both 8.1.1 ; 8.1.2 and 8.3 speak of development; the name is 8.1.2's.
    const a = lookupCriterion({
      code: "3.1",
      name: "Số vốn đăng ký của doanh nghiệp",
      domainName: "Tác động của CCHC",
    });
    expect(a).toMatchObject({ match: "same-name", entry: "8.1.1 ; 8.1.2" });
  });

  test("not a code", () => {
    expect(() => lookupCriterion({ code: "abc", name: "x" })).toThrow(RangeError);
  });
});
