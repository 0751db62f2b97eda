/**
 * buildPlanDocument on the seed's data (Bắc Sơn 2023): the structure and the wording the seed plan has,
 * the numbers of §II, the 19 unmet criteria with their agencies and tasks, §IV grouped by lead agency,
 * the comparison sentences, and the wording of a commune (no "huyện").
 */
import {
  buildPlanDocument,
  criteriaByLead,
  documentPercent,
  formatPercent,
  planInputFromAnalysis,
  type Block,
  type PlanDocument,
  type PlanDocumentInput,
} from "../../src/document";
import { sentenceCase, unitPhrase } from "../../src/document/text";
import { seedAnalysis, seedComparison, seedInput } from "./fixture";

function blockText(b: Block): string {
  if (b.kind === "heading") return b.text;
  if (b.kind === "paragraph") return b.runs.map((r) => r.text).join("");
  return [b.columns.map((c) => c.title).join(" | "), ...b.rows.map((r) => r.cells.join(" | "))].join("\n");
}

/** Every text of the document, in order, one block a line. */
function docText(doc: PlanDocument): string {
  const h = doc.header;
  return [
    h.parentBody ?? "",
    ...h.issuingBody,
    h.number,
    ...h.motto,
    h.dateLine,
    doc.title.kind,
    doc.title.subtitle,
    ...doc.sections.flatMap((s) => s.blocks.map(blockText)),
    doc.recipients.title,
    ...doc.recipients.lines,
    ...doc.signature.lines,
    doc.signature.name,
    ...(doc.appendix ? [...doc.appendix.title, doc.appendix.note, blockText(doc.appendix.table)] : []),
  ].join("\n");
}

const section = (doc: PlanDocument, id: string) => doc.sections.find((s) => s.id === id)!;
const headings = (doc: PlanDocument, id: string) =>
  section(doc, id)
    .blocks.filter((b) => b.kind === "heading")
    .map((b) => blockText(b));

describe("buildPlanDocument on the seed's 2023 table", () => {
  const input = seedInput();
  const doc = buildPlanDocument(input);
  const text = docText(doc);

  test("the fixture is the seed's: 84,87 of 99,50 points, 9 domains, 19 unmet criteria", () => {
    expect(input.total.max).toBe(99.5);
    expect(input.total.achieved).toBe(84.87);
    expect(input.domains).toHaveLength(9);
    expect(input.domains.flatMap((d) => d.criteria.map((c) => c.code))).toEqual([
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

  test("header block, title and date as Decree 30 lays them out", () => {
    expect(doc.header.parentBody).toBe("UBND TỈNH LẠNG SƠN");
    expect(doc.header.issuingBody).toEqual(["ỦY BAN NHÂN DÂN", "HUYỆN BẮC SƠN"]);
    expect(doc.header.number).toMatch(/^Số: +\/KH-UBND$/);
    expect(doc.header.motto).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    expect(doc.header.dateLine).toMatch(/^Bắc Sơn, ngày +tháng +năm 2024$/);
    expect(doc.title).toEqual({
      kind: "KẾ HOẠCH",
      subtitle: "Nâng cao Chỉ số cải cách hành chính (PAR INDEX) huyện Bắc Sơn năm 2024",
    });
  });

  test("sections in the seed's order, with its headings", () => {
    expect(doc.sections.map((s) => s.id)).toEqual(["bases", "opening", "I", "II", "III", "IV", "closing"]);
    expect(blockText(section(doc, "bases").blocks[0])).toMatch(/^Căn cứ Quyết định số 1926\/QĐ-UBND/);
    expect(headings(doc, "I")).toEqual(["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu"]);
    expect(headings(doc, "II")).toEqual(["II. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"]);
    expect(headings(doc, "III")).toEqual([
      "III. NHIỆM VỤ, GIẢI PHÁP DUY TRÌ, NÂNG CAO CHỈ SỐ PAR INDEX",
      "1. Giải pháp chung",
      "2. Tập trung khắc phục những tồn tại, hạn chế được chỉ ra qua kết quả công bố năm 2023, cụ thể như sau:",
      "2.1. Công tác chỉ đạo, điều hành CCHC",
      "2.2. Cải cách thủ tục hành chính",
      "2.3. Cải cách tổ chức bộ máy hành chính",
      "2.4. Cải cách tài chính công",
      "2.5. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
      "2.6. Tác động của CCHC đến phát triển KT-XH của huyện",
      "2.7. Kết quả đo lường hài lòng của người dân, tổ chức",
    ]);
    expect(headings(doc, "IV")[0]).toBe("IV. TỔ CHỨC THỰC HIỆN");
    expect(doc.recipients.title).toBe("Nơi nhận:");
    expect(doc.recipients.lines[0]).toBe("- Sở Nội vụ;");
    expect(doc.recipients.lines.at(-1)).toBe("- Lưu: VT.");
    expect(doc.signature).toEqual({
      lines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
      name: "Phùng Thị Thanh Nga",
    });
  });

  test("§II: 84,87/99,50 points and the computed percent (the sheet states none)", () => {
    const sentence = blockText(section(doc, "II").blocks[1]);
    expect(sentence).toContain("của huyện Bắc Sơn đạt 84,87/99,50 điểm, chỉ số đạt 85,30%, xếp hạng 02/11");
    expect(blockText(section(doc, "II").blocks[2])).toContain("được đánh giá trên 09 lĩnh vực");
    // The numbers are bold runs, as in the seed.
    const runs = (section(doc, "II").blocks[1] as Extract<Block, { kind: "paragraph" }>).runs;
    expect(runs.filter((r) => r.bold).map((r) => r.text)).toEqual(["84,87/99,50", "85,30%"]);
  });

  test("§II uses the stated official percent when the sheet states one", () => {
    const stated = buildPlanDocument(seedInput({ total: { ...input.total, statedPercent: 85.32 } }));
    expect(blockText(section(stated, "II").blocks[1])).toContain("chỉ số đạt 85,32%");
    expect(blockText(section(stated, "opening").blocks[0])).toContain("đạt 85,32%");
    expect(documentPercent({ max: 99.5, achieved: 84.87, percent: null })).toBe(85.3);
    expect(formatPercent(85.3)).toBe("85,30%");
  });

  test("§II table: every domain, the unmet criteria under it, the total row; header row first", () => {
    const table = section(doc, "II").blocks.find((b) => b.kind === "table") as Extract<
      Block,
      { kind: "table" }
    >;
    expect(table.columns.map((c) => c.title)).toEqual([
      "TT",
      "Lĩnh vực/tiêu chí/tiêu chí thành phần",
      "Điểm tối đa",
      "Điểm đạt được",
      "Chưa đạt so với điểm tối đa",
      "Nguyên nhân chưa đạt điểm",
    ]);
    expect(table.rows).toHaveLength(9 + 18 + 1);
    expect(table.rows[0]).toEqual({
      cells: ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "10,00", "9,50", "0,50", ""],
      bold: true,
    });
    expect(table.rows[1].cells).toEqual([
      "1.6.2",
      "Xử lý đề xuất, kiến nghị của người dân, doanh nghiệp tại các cuộc đối thoại",
      "0,50",
      "0,00",
      "0,50",
      "Còn 11 ý kiến sẽ được giải quyết chiếm 37,9 %",
    ]);
    expect(table.rows.at(-1)).toEqual({
      cells: ["", "TỔNG ĐIỂM", "99,50", "84,87", "14,63", ""],
      bold: true,
    });
  });

  test("§III.2: every unmet criterion with its lead, implementers and every task", () => {
    const iii = section(doc, "III").blocks.map(blockText).join("\n");
    for (const d of input.domains)
      for (const c of d.criteria) {
        if (c.code !== d.code)
          expect(iii).toMatch(new RegExp(`Tiêu chí [0-9. ;]*${c.code.replace(/\./g, "\\.")}`));
        expect(iii).toContain(`- Cơ quan chủ trì tham mưu: ${c.lead}.`);
        expect(iii).toContain(`- Cơ quan thực hiện: ${c.implementers}.`);
        for (const t of c.tasks) expect(iii.toLowerCase()).toContain(t.toLowerCase());
      }
    // The seed writes criteria sharing their measures together: "Tiêu chí 7.3.1 ; 7.3.2", "8.1.1 ; 8.1.2".
    expect(iii).toContain("Tiêu chí 7.3.1 ; 7.3.2: ");
    expect(iii).toContain("Tiêu chí 8.1.1 ; 8.1.2: số lượng doanh nghiệp");
    // Domain 9 is scored as a whole: its measures follow the domain heading, without a "Tiêu chí" line.
    expect(iii).toMatch(
      /2\.7\. Kết quả đo lường hài lòng của người dân, tổ chức\n- Cơ quan chủ trì tham mưu: Văn phòng/,
    );
    expect(iii).toContain("1.9. Thành lập tổ giúp việc Ban Chỉ đạo CCHC");
  });

  test("§IV: each lead agency with the criteria it leads, by domain", () => {
    const byLead = criteriaByLead(input.domains).map((a) => [
      a.lead,
      a.domains.map((d) => `${d.domain.code}: ${d.criteria.map((c) => c.code).join(",")}`),
    ]);
    expect(byLead).toEqual([
      [
        "Phòng Tài chính - Kế hoạch",
        ["1: 1.6.2", "6: 6.1.2,6.1.4,6.2.3,6.3.1,6.3.2,6.4", "8: 8.1.1,8.1.2,8.3"],
      ],
      ["Văn phòng HĐND và UBND huyện", ["3: 3.5.3", "7: 7.2,7.3.1,7.3.2,7.6.1,7.6.2,7.6.3", "9: 9"]],
      ["Phòng Nội vụ", ["4: 4.2"]],
    ]);
    const iv = section(doc, "IV").blocks.map(blockText);
    expect(iv).toContain("1. Phòng Tài chính - Kế hoạch");
    expect(iv).toContain("- Cải cách tài chính công: tiêu chí 6.1.2, 6.1.4, 6.2.3, 6.3.1, 6.3.2, 6.4;");
    expect(iv).toContain("- Kết quả đo lường hài lòng của người dân, tổ chức: toàn bộ lĩnh vực;");
    expect(iv).toContain("3. Phòng Nội vụ");
    expect(iv).toContain("5. Chủ tịch UBND các xã, thị trấn");
  });

  test("the appendix lists the plan sheet's rows with deadline and status", () => {
    expect(doc.appendix).not.toBeNull();
    const a = doc.appendix!;
    expect(a.title).toEqual(["PHỤ LỤC", "NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"]);
    expect(a.note).toMatch(/Kèm theo Kế hoạch số +\/KH-UBND .* năm 2024 của UBND huyện Bắc Sơn/);
    expect(a.table.rows).toHaveLength(input.tasks.length);
    expect(a.table.rows[0].cells).toEqual([
      "1",
      "1.6.2",
      input.tasks[0].task,
      "Phòng Tài chính - Kế hoạch",
      "các cơ quan, đơn vị có liên quan",
      "30/6/2024",
      "Chưa thực hiện",
    ]);
    expect(buildPlanDocument(seedInput({ tasks: [] })).appendix).toBeNull();
  });

  test("without bases, a blank 'Căn cứ' paragraph for the user to complete", () => {
    const blank = buildPlanDocument(seedInput({ bases: undefined }));
    expect(blockText(section(blank, "bases").blocks[0])).toMatch(/^Căn cứ …/);
    expect(text).toContain("nghiêm túc triển khai thực hiện./.");
  });
});

describe("§II with last year", () => {
  const doc = buildPlanDocument(seedInput({ comparison: seedComparison() }));
  const ii = section(doc, "II").blocks.map(blockText);

  test("the total's change, what improved and what regressed", () => {
    expect(ii).toContain("So với năm 2022, tổng điểm tăng 1,25 điểm (từ 83,62 lên 84,87 điểm).");
    const improvedAt = ii.indexOf("Các tiêu chí tăng điểm:");
    const regressedAt = ii.indexOf("Các tiêu chí giảm điểm:");
    expect(improvedAt).toBeGreaterThan(0);
    expect(ii.slice(improvedAt + 1, regressedAt)).toEqual([
      "- Lĩnh vực 1 (công tác chỉ đạo, điều hành CCHC): từ 9,00 lên 9,50 điểm;",
      "- Tiêu chí 1.6.1 (tổ chức đối thoại): từ 0,00 lên 0,50 điểm;",
    ]);
    expect(ii.slice(regressedAt + 1, regressedAt + 3)).toEqual([
      "- Tiêu chí 7.6.1 (tỷ lệ TTHC được triển khai thanh toán trực tuyến): từ 1,00 xuống 0,72 điểm;",
      "- Tiêu chí 8.1.1 (số lượng doanh nghiệp gia nhập và tái gia nhập thị trường): từ 1,00 xuống 0,00 điểm;",
    ]);
    expect(ii).toContain("Các tiêu chí chưa đạt điểm tối đa từ năm 2022: 1.6.2, 4.2.");
    expect(ii).toContain("Các tiêu chí mới chưa đạt điểm tối đa: 7.6.1, 8.1.1.");
  });

  test("a fall in the total says so", () => {
    const c = seedComparison();
    c.total = { before: { max: 99.5, achieved: 86 }, after: { max: 99.5, achieved: 84.87 }, delta: -1.13 };
    c.rows = [];
    const fell = buildPlanDocument(seedInput({ comparison: c }));
    const lines = section(fell, "II").blocks.map(blockText);
    expect(lines).toContain("So với năm 2022, tổng điểm giảm 1,13 điểm (từ 86,00 xuống 84,87 điểm).");
    expect(lines).toContain("Các tiêu chí tăng điểm: không có.");
  });
});

describe("wording by the unit's level", () => {
  const commune: PlanDocumentInput = {
    unit: {
      name: "Nhất Tiến",
      level: "commune",
      issuingBody: "ỦY BAN NHÂN DÂN\nXÃ NHẤT TIẾN",
      place: "Nhất Tiến",
    },
    year: 2025,
    total: { max: 100, achieved: 90.5, percent: 90.5 },
    domains: [
      {
        code: "3",
        name: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        max: 16,
        achieved: 15,
        gap: 1,
        criteria: [
          {
            code: "3.2",
            name: "Tỷ lệ hồ sơ giải quyết đúng hạn",
            level: 2,
            max: 2,
            achieved: 1,
            gap: 1,
            reason: "",
            lead: "Công chức Văn phòng - Thống kê",
            implementers: "Bộ phận Một cửa",
            tasks: ["Theo dõi, đôn đốc giải quyết hồ sơ đúng hạn."],
          },
        ],
      },
    ],
    generalSolutions: ["Quán triệt kết quả Chỉ số CCHC năm 2025."],
    tasks: [],
  };

  test("a commune's plan never says 'huyện'", () => {
    const doc = buildPlanDocument(commune);
    const text = docText(doc);
    expect(text).not.toMatch(/huyện/i);
    expect(doc.title.subtitle).toBe("Nâng cao Chỉ số cải cách hành chính (PAR INDEX) xã Nhất Tiến năm 2026");
    expect(text).toContain("Ủy ban nhân dân xã xây dựng kế hoạch như sau:");
    expect(text).toContain("hiệu quả Chỉ số PAR INDEX trên địa bàn xã.");
    expect(text).toContain("UBND xã đề nghị các cơ quan, đơn vị, các thôn, tổ dân phố nghiêm túc");
    expect(text).toContain("- Cơ quan chủ trì tham mưu: Công chức Văn phòng - Thống kê.");
  });

  test("a department signs as its director, with no subordinate communes", () => {
    const doc = buildPlanDocument({
      ...commune,
      unit: {
        name: "Sở Tư pháp",
        level: "department",
        issuingBody: "SỞ TƯ PHÁP",
        place: "Lạng Sơn",
        symbol: "KH-STP",
      },
    });
    const text = docText(doc);
    expect(text).not.toMatch(/huyện|xã, thị trấn/i);
    expect(doc.header.number).toMatch(/\/KH-STP$/);
    expect(doc.title.subtitle).toContain("(PAR INDEX) Sở Tư pháp năm 2026");
    expect(doc.signature.lines).toEqual(["GIÁM ĐỐC"]);
  });

  test("names and titles", () => {
    expect(unitPhrase("Bắc Sơn", "district")).toBe("huyện Bắc Sơn");
    expect(unitPhrase("Huyện Bắc Sơn", "district")).toBe("Huyện Bắc Sơn");
    expect(unitPhrase("Chi Lăng", "ward")).toBe("phường Chi Lăng");
    expect(sentenceCase("TÁC ĐỘNG CỦA CCHC ĐẾN PHÁT TRIỂN KT-XH CỦA HUYỆN")).toBe(
      "Tác động của CCHC đến phát triển KT-XH của huyện",
    );
    expect(sentenceCase("Cải cách thể chế")).toBe("Cải cách thể chế");
  });
});

describe("planInputFromAnalysis", () => {
  const rest = {
    unit: { name: "Bắc Sơn", level: "district" as const, issuingBody: "UBND", place: "Bắc Sơn" },
    year: 2023,
    generalSolutions: [],
    tasks: [],
  };

  test("the caller's remedy answers each criterion (the sheet's own edits win over the catalogue)", () => {
    const a = seedAnalysis();
    const input = planInputFromAnalysis(
      a,
      (r) =>
        r.key === "4.2"
          ? {
              lead: "Phòng Nội vụ (sửa trong bảng)",
              implementers: "Trường học",
              tasks: ["Sáp nhập 02 trường."],
            }
          : { lead: "Khác", implementers: "", tasks: [] },
      { ...rest, statedPercent: 85.32 },
    );
    const c42 = input.domains.find((d) => d.code === "4")!.criteria[0];
    expect(c42).toMatchObject({
      code: "4.2",
      lead: "Phòng Nội vụ (sửa trong bảng)",
      tasks: ["Sáp nhập 02 trường."],
    });
    expect(input.total).toEqual({
      max: 99.5,
      achieved: 84.87,
      percent: a.total.percent,
      statedPercent: 85.32,
    });
    expect(input.domains.find((d) => d.code === "2")!.criteria).toEqual([]);
    expect(input.domains.find((d) => d.code === "9")!.criteria.map((c) => [c.code, c.level])).toEqual([
      ["9", 1],
    ]);
  });

  test("a criterion whose domain row is missing gets a domain of its own", () => {
    const a = seedAnalysis();
    const rows = a.rows.filter((r) => r.key !== "3");
    const input = planInputFromAnalysis(
      { rows, total: a.total },
      () => ({ lead: "", implementers: "", tasks: [] }),
      rest,
    );
    const orphan = input.domains.at(-1)!;
    expect(orphan).toMatchObject({ code: "3", name: "Lĩnh vực 3" });
    expect(orphan.criteria.map((c) => c.code)).toEqual(["3.5.3"]);
    // And the document still lays it out, with blanks where no agency is known.
    const iii = buildPlanDocument(input)
      .sections.find((s) => s.id === "III")!
      .blocks.map(blockText);
    expect(iii).toContain("- Cơ quan chủ trì tham mưu: ……");
  });
});
