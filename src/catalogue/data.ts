/**
 * The built-in catalogue of remediation measures, transcribed from Bắc Sơn district's 2024 plan
 * ("Kế hoạch nâng cao Chỉ số cải cách hành chính (PAR INDEX) huyện Bắc Sơn năm 2024"):
 *
 *  - §II   the results table: domain titles (1 … 9);
 *  - §III.1 general solutions 1.1 … 1.9 (GENERAL_SOLUTIONS);
 *  - §III.2 the per-criterion catalogue (BUILTIN_ENTRIES);
 *  - §IV   who answers for which field (ORGANISATION, used for DOMAIN_DEFAULTS).
 *
 * Wording is kept exactly as the seed writes it (including its inconsistent "Phòng"/"phòng" and its
 * typos); only line-break artefacts and the markdown emphasis around some titles were removed.
 * Pure data plus two pure helpers (agency resolution); no I/O.
 */

import { fold } from "../core/text";

// ---------------------------------------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------------------------------------

export type AgencyKind = "office" | "commune" | "group";

/**
 * An agency the plan can name. Offices were renamed and merged in 2025 and users will edit them, so they are
 * data: a stable id, a display name and the other ways people write the name.
 */
export interface Agency {
  id: string;
  name: string;
  /** Other spellings: without "huyện", abbreviations, the seed's lower-case "phòng …"… */
  aliases: string[];
  /** office: a specialised office; commune: commune-level People's Committees; group: a generic group. */
  kind: AgencyKind;
}

export const AGENCIES: Agency[] = [
  {
    id: "noi-vu",
    name: "Phòng Nội vụ",
    aliases: ["phòng Nội vụ", "Phòng Nội vụ huyện", "Nội vụ", "Phòng NV"],
    kind: "office",
  },
  {
    id: "tc-kh",
    name: "Phòng Tài chính - Kế hoạch",
    aliases: [
      "phòng Tài chính - Kế hoạch",
      "Phòng Tài chính - Kế hoạch huyện",
      "Phòng Tài chính Kế hoạch",
      "Tài chính - Kế hoạch",
      "Phòng TC-KH",
      "Phòng TCKH",
      "TC-KH",
    ],
    kind: "office",
  },
  {
    id: "vp-hdnd-ubnd",
    name: "Văn phòng HĐND và UBND huyện",
    aliases: [
      "Văn phòng HĐND và UBND",
      "Văn phòng HĐND - UBND huyện",
      "Văn phòng HĐND-UBND",
      "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
      "VP HĐND và UBND huyện",
      "VP HĐND và UBND",
      "VP HĐND-UBND",
      "VP HĐND&UBND",
    ],
    kind: "office",
  },
  {
    id: "tu-phap",
    name: "Phòng Tư pháp",
    aliases: ["phòng Tư pháp", "Phòng Tư pháp huyện", "Tư pháp"],
    kind: "office",
  },
  {
    id: "gd-dt",
    name: "Phòng Giáo dục và Đào tạo",
    aliases: ["phòng Giáo dục và Đào tạo", "Giáo dục và Đào tạo", "Phòng GD&ĐT", "Phòng GDĐT", "Phòng GD-ĐT"],
    kind: "office",
  },
  {
    id: "vh-tt",
    name: "Phòng Văn hóa và Thông tin",
    aliases: [
      "phòng Văn hóa và Thông tin",
      "Văn hóa và Thông tin",
      "Phòng VH&TT",
      "Phòng VHTT",
      "Phòng VH-TT",
    ],
    kind: "office",
  },
  {
    id: "ttvh-tt-tt",
    name: "Trung tâm Văn hóa, Thể thao và Truyền thông",
    aliases: ["Trung tâm VH-TT&TT", "Trung tâm VHTTTT", "TTVHTT&TT"],
    kind: "office",
  },
  {
    id: "ubnd-xa",
    name: "UBND cấp xã",
    aliases: [
      "Ủy ban nhân dân cấp xã",
      "UBND các xã, thị trấn",
      "UBND xã, thị trấn",
      "Ủy ban nhân dân các xã, thị trấn",
      "UBND các xã",
      "UBND xã",
    ],
    kind: "commune",
  },
  {
    id: "co-quan-don-vi",
    name: "Các cơ quan, đơn vị",
    aliases: [
      "các cơ quan, đơn vị",
      "các cơ quan, đơn vị thuộc huyện",
      "các cơ quan, đơn vị có liên quan",
      "các cơ quan đơn vị",
      "cơ quan, đơn vị",
    ],
    kind: "group",
  },
  {
    id: "co-quan-chuyen-mon",
    name: "Các cơ quan chuyên môn",
    aliases: ["các cơ quan chuyên môn", "các cơ quan chuyên môn thuộc UBND huyện"],
    kind: "group",
  },
  {
    id: "don-vi-sncl",
    name: "Các đơn vị sự nghiệp công lập",
    aliases: [
      "các đơn vị sự nghiệp công lập",
      "các đơn vị sự nghiệp công lập trực thuộc UBND huyện",
      "các đơn vị sự nghiệp công lập thuộc huyện",
      "các đơn vị SNCL",
      "đơn vị SNCL",
      "đơn vị sự nghiệp công lập",
    ],
    kind: "group",
  },
  {
    id: "duoc-thanh-tra",
    name: "Các cơ quan, đơn vị được thanh tra, kiểm toán",
    aliases: ["các cơ quan, đơn vị được thanh tra, kiểm toán"],
    kind: "group",
  },
  {
    id: "don-vi-sap-xep",
    name: "Các đơn vị phải sắp xếp trong năm 2024",
    aliases: ["các đơn vị phải sắp xếp trong năm 2024", "các đơn vị phải sắp xếp"],
    kind: "group",
  },
];

/** Comparison key for agency names: folded (no diacritics, lower case), punctuation → single spaces. */
export function agencyKey(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Resolves a free-text agency name ("VP HĐND-UBND", "phong noi vu", "Phòng Tài chính - Kế hoạch.") to an
 * agency by its name or one of its aliases, compared with agencyKey (no diacritics, case, punctuation).
 * The whole text must name one agency; use findAgencies for a list ("các cơ quan, đơn vị; UBND cấp xã").
 */
export function resolveAgency(text: string, agencies: readonly Agency[] = AGENCIES): Agency | undefined {
  const key = agencyKey(text);
  if (key === "") return undefined;
  return agencies.find((a) => agencyKey(a.name) === key || a.aliases.some((al) => agencyKey(al) === key));
}

const PARENT_LEVELS = new Set(["so", "bo"]);

/**
 * The agencies named in a list text such as "Phòng Giáo dục và Đào tạo, các đơn vị phải sắp xếp trong năm
 * 2024", in order of appearance, each once. Longest names win ("các cơ quan, đơn vị được thanh tra, kiểm toán"
 * is one group, not "các cơ quan, đơn vị" plus leftovers); matches are on whole words of agencyKey, and a name
 * right after "Sở"/"Bộ" is the provincial/ministerial namesake, not the district office.
 */
export function findAgencies(text: string, agencies: readonly Agency[] = AGENCIES): Agency[] {
  const words = agencyKey(text)
    .split(" ")
    .filter((w) => w !== "");
  const names: { agency: Agency; words: string[] }[] = [];
  for (const agency of agencies) {
    for (const n of [agency.name, ...agency.aliases]) {
      const w = agencyKey(n)
        .split(" ")
        .filter((x) => x !== "");
      if (w.length > 0) names.push({ agency, words: w });
    }
  }
  names.sort((a, b) => b.words.length - a.words.length);
  const found: { at: number; agency: Agency }[] = [];
  const taken = new Array<boolean>(words.length).fill(false);
  for (const { agency, words: w } of names) {
    for (let i = 0; i + w.length <= words.length; i++) {
      // "Sở Nội vụ", "Bộ Tư pháp": the province's and ministry's namesakes of the district offices.
      if (i > 0 && PARENT_LEVELS.has(words[i - 1])) continue;
      let ok = true;
      for (let j = 0; j < w.length && ok; j++) ok = !taken[i + j] && words[i + j] === w[j];
      if (!ok) continue;
      for (let j = 0; j < w.length; j++) taken[i + j] = true;
      found.push({ at: i, agency });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const out: Agency[] = [];
  for (const f of found) if (!out.includes(f.agency)) out.push(f.agency);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Domains (§II) and the general texts (§III.1, §IV)
// ---------------------------------------------------------------------------------------------------------

/** Domain titles exactly as the §II results table writes them. */
export const DOMAIN_TITLES: Record<string, string> = {
  "1": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
  "2": "CẢI CÁCH THỂ CHẾ",
  "3": "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
  "4": "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH",
  "5": "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
  "6": "CẢI CÁCH TÀI CHÍNH CÔNG",
  "7": "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
  "8": "TÁC ĐỘNG CỦA CCHC ĐẾN PHÁT TRIỂN KT-XH CỦA HUYỆN",
  "9": "KẾT QUẢ ĐO LƯỜNG HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC",
};

/** §III.1 "Giải pháp chung" 1.1 … 1.9, by the seed's number. */
export const GENERAL_SOLUTIONS: Record<string, string> = {
  "1.1": "Tổ chức Hội nghị phân tích Chỉ số CCHC (PAR INDEX) cấp huyện, cấp xã năm 2023.",
  "1.2":
    "Quán triệt về ý nghĩa của công tác CCHC trong phát triển kinh tế, xã hội; nâng cao trách nhiệm của cơ quan, đơn vị, đội ngũ cán bộ, công chức, viên chức trong CCHC; trách nhiệm của cán bộ, công chức, viên chức trong việc thực hiện những nội dung của Chương trình tổng thể CCHC giai đoạn 2021-2030 theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ; Kế hoạch số 12/KH-UBND ngày 15/01/2024, kế hoạch CCHC huyện Bắc Sơn năm 2024.",
  "1.3":
    "Căn cứ kết quả công bố chỉ số CCHC năm 2023, các cơ quan, đơn vị, UBND cấp xã tổ chức quán triệt, rút kinh nghiệm, có giải pháp đẩy mạnh công tác CCHC, cải thiện chỉ số CCHC trong những năm tiếp theo.",
  "1.4":
    "Triển khai thực hiện có hiệu quả Luật Ban hành văn bản quy phạm pháp luật năm 2015 được sửa đổi, bổ sung năm 2020; Kế hoạch thực hiện Nghị định số 59/2012/NĐ-CP ngày 23/7/2012 của Chính phủ về theo dõi tình hình thi hành pháp luật.",
  "1.5":
    "Nâng cao trách nhiệm người đứng đầu trong thực hiện dịch vụ công trực tuyến tại cơ quan, đơn vị. Chỉ đạo công chức, viên chức nghiên cứu, nắm bắt cách thức thực hiện các TTHC qua dịch vụ công trực tuyến; thực hiện nộp hồ sơ của đơn vị, hướng dẫn các tổ chức, cá nhân thực hiện.",
  "1.6":
    "Đẩy nhanh tiến độ số hóa hồ sơ, kết quả giải quyết TTHC theo quy định; đầu tư cơ sở vật chất, trang thiết bị để thực hiện tiếp nhận, giải quyết TTHC trên môi trường điện tử.",
  "1.7":
    "Đẩy mạnh cải cách TTHC; giải quyết TTHC cho cá nhân, tổ chức đảm bảo minh bạch, khách quan, công bằng, kịp thời, chính xác, không gây phiền hà. Bảo đảm đầy đủ các nhiệm vụ kiểm soát TTHC theo quy định; niêm yết, công khai TTHC; cập nhật đầy đủ hồ sơ giải quyết TTHC vào Hệ thống phần mềm Một cửa điện tử, dịch vụ công trực tuyến. Tăng cường thực hiện việc tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính.",
  "1.8":
    "Siết chặt kỷ luật, kỷ cương hành chính trong quá trình thực hiện nhiệm vụ, công vụ của đội ngũ cán bộ, công chức, viên chức. Tăng cường đào tạo, bồi dưỡng cán bộ, công chức, viên chức; khuyến khích cán bộ, công chức, viên chức học tập và tự học tập để không ngừng nâng cao năng lực, trình độ đáp ứng yêu cầu nhiệm vụ được giao.",
  "1.9":
    "Thành lập tổ giúp việc Ban Chỉ đạo CCHC, thành phần là công chức đầu mối CCHC của các cơ quan thuộc Ban Chỉ đạo CCHC để theo dõi, thực thi kế hoạch này.",
};

/** §IV "Tổ chức thực hiện", the paragraphs the domain defaults draw on. */
export const ORGANISATION = {
  /** §IV.1 a) Phòng Nội vụ: focal point for the whole PAR INDEX. */
  noiVuFocalPoint:
    "Làm đầu mối theo dõi, đôn đốc, kiểm tra các cơ quan, đơn vị thực hiện các nhiệm vụ, giải pháp để cải thiện các nội dung, tiêu chí, tiêu chí thành phần Chỉ số PAR INDEX theo chức năng, nhiệm vụ được phân công.",
  /** §IV.1 b) Phòng Nội vụ: inspection, discipline, civil-service quality. */
  noiVuDiscipline:
    "Tăng cường công tác kiểm tra CCHC, kỷ luật, kỷ cương hành chính, văn hóa công vụ nhằm chấn chỉnh kịp thời những hạn chế trong thực hiện CCHC và những hành vi sách nhiễu của cán bộ, công chức trong thực thi công vụ; thực hiện các giải pháp nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức.",
  /** §IV.2 a) the field offices (Tư pháp, Tài chính - Kế hoạch, Văn hóa và Thông tin, Văn phòng). */
  officesAdvise:
    "Tham mưu, đề xuất các giải pháp cải thiện, nâng cao các tiêu chí, tiêu chí thành phần về lĩnh vực phụ trách; chịu trách nhiệm báo cáo, giải trình trước UBND huyện đối với các nội dung đề ra trong Kế hoạch nhưng không thực hiện được hoặc thực hiện còn hạn chế.",
  /** §IV.2 b) */
  officesSuperviseCommunes:
    "Kiểm tra, theo dõi, đôn đốc UBND cấp xã thực hiện các nội dung công tác CCHC theo lĩnh vực phụ trách, kịp thời phát hiện và kiến nghị xử lý đối với các vấn đề phát sinh.",
  /** §IV.2 c) */
  propaganda:
    "Phòng Văn hóa và Thông tin; Trung tâm Văn hóa, Thể thao và Truyền thông đẩy mạnh thông tin, tuyên truyền về cải cách hành chính và ý nghĩa của các Chỉ số đánh giá.",
  /** §IV.3 first paragraph, Chairmen of commune People's Committees. */
  communeOneStopShop:
    "Quan tâm đầu tư, nâng cấp Bộ phận tiếp nhận và trả kết quả; bố trí trang thiết bị phục vụ người dân, tổ chức đầy đủ; nâng cao trách nhiệm giải trình với người dân, tuyên truyền hướng dẫn người dân tổ chức thực hiện việc gửi ý kiến góp ý, phản ánh, kiến nghị.",
} as const;

// ---------------------------------------------------------------------------------------------------------
// Catalogue entries (§III.2)
// ---------------------------------------------------------------------------------------------------------

/** One §III.2 item: the measures for one criterion (or several criteria written together). */
export interface CatalogueEntry {
  /**
   * Canonical code keys the entry answers for. Sub-criteria without an entry of their own inherit through
   * these (7.6.2 → 7.6), so an entry may list a parent code the seed covers by content ("7.6" in the 7.2 entry).
   */
  codes: string[];
  /** The code as the seed heads the entry: "7.2", "7.3.1 ; 7.3.2". Shown as "Kế thừa từ <label>". */
  label: string;
  /** Criterion title as the seed writes it after "Tiêu chí X:". */
  title: string;
  /** "Cơ quan chủ trì tham mưu", exactly as written (no trailing period). */
  lead: string;
  /** "Cơ quan thực hiện", exactly as written (no trailing period). */
  implementers: string;
  /** "Nhiệm vụ, giải pháp": one item per "+" bullet. */
  tasks: string[];
  /** True where the seed has no "Cơ quan thực hiện" line and `implementers` was derived by us. */
  implementersDerived?: boolean;
}

/**
 * §III.2, in the seed's order. The seed numbers its headings 1.1 … 1.7 (one per domain with a gap); entries
 * are keyed by the results table's codes, matched by content, not by that numbering.
 *
 * Lead-in sentences: where "Nhiệm vụ, giải pháp:" opens with a lead-in followed by bullets (8.1.1 ; 8.1.2:
 * "phòng Tài chính - Kế hoạch có trách nhiệm chủ trì, phối hợp với các cơ quan liên quan:"), the lead-in is
 * prefixed to every bullet, so each task stays a complete sentence that says who does it wherever it ends up
 * (a cell of its own, a numbered list, a filtered view). The seed's words are kept unchanged on both sides.
 */
export const BUILTIN_ENTRIES: CatalogueEntry[] = [
  // §III.2 "1.1. Công tác chỉ đạo điều hành CCHC"
  {
    codes: ["1.6.2"],
    label: "1.6.2",
    title: "xử lý đề xuất, kiến nghị của người dân, doanh nghiệp tại các cuộc đối thoại",
    lead: "Phòng Tài chính - Kế hoạch",
    // Derived: the seed has no "Cơ quan thực hiện" line for 1.6.2; its task has the Phòng "đôn đốc các cơ quan,
    // đơn vị có liên quan trả lời ý kiến, kiến nghị", so those are the implementers.
    implementers: "các cơ quan, đơn vị có liên quan",
    implementersDerived: true,
    tasks: [
      "trên cơ sở phân công, đôn đốc các cơ quan, đơn vị có liên quan trả lời ý kiến, kiến nghị của đại biểu tại Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân trên địa bàn.",
    ],
  },
  // §III.2 "1.2. Cải cách thủ tục hành chính"
  {
    codes: ["3.5.3"],
    label: "3.5.3",
    title: "tiến độ giải quyết TTHC của UBND cấp xã trên Cổng Dịch vụ công quốc gia",
    lead: "Văn phòng HĐND và UBND huyện",
    implementers: "UBND cấp xã",
    tasks: [
      "UBND cấp xã tăng cường công tác theo dõi, kiểm tra, đôn đốc và chỉ đạo chấn chỉnh việc giải quyết các hồ sơ thủ tục hành chính, tiến độ giải quyết TTHC của UBND cấp xã trên Cổng Dịch vụ công quốc gia đảm bảo tỷ lệ giải quyết đúng và trước hạn trên 95% trở lên.",
      "Văn phòng HĐND và UBND huyện chủ trì, phối hợp với cơ quan có liên quan theo dõi, đôn đốc, hướng dẫn các cơ quan, đơn vị thực hiện; tham mưu Chủ tịch UBND huyện chấn chỉnh các cơ quan, đơn vị chưa đạt tỷ lệ hồ sơ xử lý đúng và trước hạn theo quy định.",
    ],
  },
  // §III.2 "1.3. Cải cách tổ chức bộ máy"
  {
    codes: ["4.2"],
    label: "4.2",
    title: "tỷ lệ giảm đơn vị sự nghiệp so với năm 2021",
    lead: "phòng Nội vụ",
    implementers: "Phòng Giáo dục và Đào tạo, các đơn vị phải sắp xếp trong năm 2024",
    tasks: [
      "Các đơn vị phải sắp xếp trong năm 2024 theo Đề án được phê duyệt tại Quyết định số 2007/QĐ-UBND ngày 20/12/2022 của UBND tỉnh xây dựng phương án sắp xếp đơn vị sự nghiệp theo lộ trình được phê duyệt; khuyến khích các đơn vị thực hiện sáp nhập trước thời hạn so với lộ trình được phê duyệt.",
      "Phòng Giáo dục và Đào tạo có trách nhiệm thẩm định hồ sơ trình Chủ tịch UBND huyện theo quy định.",
    ],
  },
  // §III.2 "1.4. Cải cách tài chính công"
  {
    codes: ["6.1.2"],
    label: "6.1.2",
    title: "thực hiện quy định về sử dụng kinh phí từ nguồn ngân sách nhà nước",
    lead: "phòng Tài chính - Kế hoạch",
    implementers: "các cơ quan, đơn vị; UBND cấp xã",
    tasks: [
      "Các cơ quan, đơn vị thực hiện đúng các quy định về sử dụng kinh phí từ nguồn ngân sách nhà nước.",
      "Tổ chức tập huấn cho chủ tài khoản, kế toán các cơ quan, đơn vị về công tác quản lý tài chính, ngân sách.",
      "Tăng cường công tác kiểm tra, chỉ đạo, đôn đốc các cơ quan chuyên môn, đơn vị sự nghiệp, UBND cấp xã thực hiện đảm bảo theo đúng các quy định tài chính hiện hành.",
    ],
  },
  {
    codes: ["6.1.4"],
    label: "6.1.4",
    title:
      "Tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách",
    lead: "phòng Tài chính - Kế hoạch",
    implementers: "các cơ quan, đơn vị được thanh tra, kiểm toán",
    tasks: [
      "Các cơ quan, đơn vị được thanh tra, kiểm toán tập trung thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách.",
      "Phòng Tài chính - Kế hoạch hướng dẫn, đôn đốc các cơ quan, đơn vị thực hiện nghiêm các kết luận, kiến nghị của các cơ quan thanh tra, kiểm toán, tham mưu UBND huyện kịp thời các giải pháp đối với các kiến nghị còn tồn đọng lâu chưa được thực hiện theo quy định.",
    ],
  },
  {
    codes: ["6.2.3"],
    label: "6.2.3",
    title:
      "thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính tại cơ quan hành chính các cấp ở địa phương",
    lead: "phòng Tài chính - Kế hoạch",
    implementers: "các cơ quan, đơn vị",
    tasks: [
      "Các cơ quan, đơn vị tiếp tục thực hiện các quy định về tự chủ, tự chịu trách nhiệm theo quy định.",
      "Phòng Tài chính - Kế hoạch chủ trì, phối hợp với các đơn vị liên quan hướng dẫn, đôn đốc các cơ quan, đơn vị thực hiện đúng các quy định về cơ chế tự chủ, sử dụng kinh phí quản lý hành chính.",
    ],
  },
  {
    codes: ["6.3.1"],
    label: "6.3.1",
    title:
      "số lượng đơn vị sự nghiệp công lập tự đảm bảo chi thường xuyên hoặc tự đảm bảo một phần chi thường xuyên",
    lead: "phòng Tài chính - Kế hoạch",
    implementers: "các đơn vị sự nghiệp công lập trực thuộc UBND huyện",
    tasks: [
      "Phòng Tài chính - Kế hoạch có trách nhiệm chủ trì phối hợp với các đơn vị có liên quan tham mưu UBND huyện chỉ đạo, thực hiện các giải pháp nâng số đơn vị tự đảm bảo chi thường xuyên hoặc tự đảm bảo một phần chi thường xuyên của huyện cao hơn năm 2023.",
      "Các đơn vị sự nghiệp công lập thực hiện các giải pháp, biện pháp nâng cao hiệu quả hoạt động của đơn vị.",
    ],
  },
  {
    codes: ["6.3.2"],
    label: "6.3.2",
    title:
      "thực hiện quy định về sử dụng các nguồn tài chính và phân phối kết quả tài chính tại các đơn vị SNCL",
    lead: "phòng Tài chính - Kế hoạch",
    implementers: "các đơn vị sự nghiệp công lập thuộc huyện",
    tasks: [
      "Các đơn vị sự nghiệp công lập thực hiện đúng các quy định về sử dụng các nguồn tài chính.",
      "Tổ chức tập huấn cho chủ tài khoản, kế toán các đơn vị sự nghiệp về công tác quản lý tài chính, ngân sách.",
      "Tăng cường công tác kiểm tra, chỉ đạo, đôn đốc các đơn vị sự nghiệp, thực hiện đảm bảo theo đúng các quy định tài chính hiện hành.",
    ],
  },
  {
    codes: ["6.4"],
    label: "6.4",
    title: "thực hiện tiết kiệm kinh phí được phân bổ để thực hiện tự chủ tài chính",
    lead: "phòng Tài chính - Kế hoạch",
    implementers: "các cơ quan, đơn vị thuộc huyện",
    tasks: [
      "Các cơ quan, đơn vị tiếp tục thực hiện các quy định về tự chủ, tự chịu trách nhiệm theo quy định.",
      "Phòng Tài chính - Kế hoạch chủ trì, phối hợp với các đơn vị liên quan hướng dẫn, đôn đốc các cơ quan, đơn vị thực hiện tiết kiệm kinh phí.",
    ],
  },
  // §III.2 "1.5. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"
  {
    // The seed's heading covers online payment too ("thực hiện thanh toán trực tuyến"), which the results table
    // scores as 7.6.1 – 7.6.3: "7.6" lets those inherit from this entry.
    codes: ["7.2", "7.6"],
    label: "7.2",
    title: "tỷ lệ hồ sơ trực tuyến toàn trình; thực hiện thanh toán trực tuyến",
    lead: "Văn phòng HĐND và UBND huyện",
    implementers: "các cơ quan, đơn vị; UBND cấp xã",
    tasks: [
      "Văn phòng HĐND và UBND huyện theo dõi, đôn đốc, kiểm tra, đánh giá, tham mưu UBND huyện chỉ đạo thực hiện các giải pháp thúc đẩy việc thực hiện phát sinh hồ sơ TTHC của dịch vụ công trực tuyến toàn trình được giải quyết trực tuyến và TTHC có yêu cầu nghĩa vụ tài chính.",
      "Tăng cường công tác thông tin, tuyên truyền về chuyển đổi số, khuyến khích, hỗ trợ người dân, doanh nghiệp về tiện ích, thúc đẩy thực hiện giao dịch dịch vụ công trực tuyến tại cơ quan, đơn vị.",
      "UBND cấp xã có trách nhiệm nâng cao hiệu quả hoạt động của các Tổ tuyên truyền chuyển đổi số cộng đồng trong việc tuyên truyền về tiện ích, thúc đẩy thực hiện giao dịch dịch vụ công trực tuyến tại địa phương.",
    ],
  },
  {
    codes: ["7.3.1", "7.3.2"],
    label: "7.3.1 ; 7.3.2",
    title:
      "cập nhật hồ sơ giải quyết TTHC cấp huyện, cấp xã vào Hệ thống phần mềm một cửa điện tử, dịch vụ công trực tuyến",
    lead: "Văn phòng HĐND và UBND huyện",
    implementers: "các cơ quan, đơn vị; UBND cấp xã",
    tasks: [
      "Văn phòng HĐND và UBND huyện chủ trì triển khai có hiệu quả việc giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông trên địa bàn huyện; nâng cao chất lượng hoạt động của Bộ phận Một cửa cấp huyện, cấp xã.",
      "Các cơ quan, đơn vị; UBND cấp xã cập nhật tiến độ, kết quả giải quyết 100% hồ sơ thủ tục hành chính trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
    ],
  },
  // §III.2 "1.6. Tác động của CCHC đến sự phát triển kinh tế - xã hội của huyện"
  {
    codes: ["8.1.1", "8.1.2"],
    label: "8.1.1 ; 8.1.2",
    title: "số lượng doanh nghiệp gia nhập và tái gia nhập thị trường; số vốn đăng ký của doanh nghiệp",
    lead: "phòng Tài chính - Kế hoạch",
    implementers: "các cơ quan, đơn vị",
    // Lead-in "phòng Tài chính - Kế hoạch có trách nhiệm chủ trì, phối hợp với các cơ quan liên quan:" prefixed
    // to each bullet (see the note above BUILTIN_ENTRIES).
    tasks: [
      "phòng Tài chính - Kế hoạch có trách nhiệm chủ trì, phối hợp với các cơ quan liên quan: Tuyên truyền, có những giải pháp cụ thể để hỗ trợ, khuyến khích phát triển doanh nghiệp ; tuyên truyền vận động các hộ kinh doanh có thể thành lập doanh nghiệp.",
      "phòng Tài chính - Kế hoạch có trách nhiệm chủ trì, phối hợp với các cơ quan liên quan: Tham mưu thực hiện có hiệu quả tháo gỡ khó khăn, vướng mắc trong hoạt động sản xuất kinh doanh, hỗ trợ hiệu quả các doanh nghiệp.",
    ],
  },
  {
    codes: ["8.3"],
    label: "8.3",
    title: "mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND huyện giao",
    lead: "phòng Tài chính - Kế hoạch",
    implementers: "các cơ quan, đơn vị; UBND cấp xã",
    tasks: [
      "phòng Tài chính - Kế hoạch tham mưu văn bản giao nhiệm vụ, chịu trách nhiệm theo dõi, đôn đốc, tổng hợp, báo cáo UBND huyện triển khai các biện pháp, giải pháp để hoàn thành vượt các chỉ tiêu phát triển kinh tế - xã hội năm 2024 do Hội đồng nhân dân huyện giao.",
    ],
  },
  // §III.2 "1.7. Chỉ số hài lòng …": the whole of domain 9 (the seed's "1.7" is not criterion 1.7).
  {
    codes: ["9"],
    label: "9",
    title: "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
    lead: "Văn phòng HĐND và UBND huyện",
    implementers: "Các cơ quan, đơn vị; UBND cấp xã",
    tasks: [
      "Các cơ quan, đơn vị; UBND cấp xã thực hiện đầy đủ các nội dung về kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông; đầu tư, nâng cấp trang thiết bị bộ phận một cửa, đảm bảo phục vụ tốt nhất cho người dân, doanh nghiệp; thường xuyên kiểm tra, theo dõi đánh giá kết quả giải quyết công việc, giải quyết thủ tục hành chính đối với công chức, viên chức của đơn vị được cử đến làm việc tại bộ phận một cửa và công chức trực tiếp tham gia quy trình giải quyết thủ tục hành chính; xử lý nghiêm các công chức có hành vi tiêu cực, những nhiều trong giải quyết công việc cho người dân.",
      "Thực hiện niêm yết công khai đường dây nóng, các quy định về tiếp nhận, xử lý phản ánh kiến nghị của người dân, tổ chức; tổ chức tiếp nhận, xử lý các góp ý, phản ánh kiến nghị và thông báo kết quả công khai đầy đủ những nội dung đã tiếp nhận, xử lý, phản ánh kiến nghị của người dân, tổ chức.",
      "Thường xuyên rà soát, bố trí cán bộ, công chức, viên chức có đủ năng lực chuyên môn, có đạo đức tốt, có kinh nghiệm và kỹ năng giao tiếp làm việc tại bộ phận một cửa cấp huyện, cấp xã.",
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Domain defaults (§III.1 + §IV)
// ---------------------------------------------------------------------------------------------------------

/** What a criterion with no entry of its own (nor an ancestor's) gets: its domain's general measures. */
export interface DomainDefault {
  /** "1" … "9". */
  domain: string;
  title: string;
  lead: string;
  implementers: string;
  tasks: string[];
}

const S = GENERAL_SOLUTIONS;
const O = ORGANISATION;
/** The implementers the seed names most often ("Cơ quan thực hiện" of 6.1.2, 7.2, 7.3.x, 8.3, 9). */
const ALL_UNITS = "các cơ quan, đơn vị; UBND cấp xã";

/**
 * Domain defaults. Leads follow §IV (who answers for which field), written as §IV writes the office names;
 * implementers are derived (the seed states none per domain); tasks are the §III.1 general solutions and §IV
 * duties that concern the domain, verbatim.
 */
export const DOMAIN_DEFAULTS: DomainDefault[] = [
  {
    // Direction and steering of CCHC: phòng Nội vụ is the focal point for the whole index (§IV.1 a). Tasks: the
    // analysis conference (1.1), briefing (1.2), lessons learnt (1.3), the Steering Committee's working group
    // (1.9), the focal-point duty (§IV.1 a) and CCHC propaganda, scored in this domain (§IV.2 c), whose offices
    // join the implementers.
    domain: "1",
    title: DOMAIN_TITLES["1"],
    lead: "Phòng Nội vụ",
    implementers: `${ALL_UNITS}; Phòng Văn hóa và Thông tin; Trung tâm Văn hóa, Thể thao và Truyền thông`,
    tasks: [S["1.1"], S["1.2"], S["1.3"], S["1.9"], O.noiVuFocalPoint, O.propaganda],
  },
  {
    // Institutions (legal documents, law enforcement monitoring): Phòng Tư pháp (§IV.2), general solution 1.4,
    // plus the field offices' duties (§IV.2 a, b).
    domain: "2",
    title: DOMAIN_TITLES["2"],
    lead: "Phòng Tư pháp",
    implementers: ALL_UNITS,
    tasks: [S["1.4"], O.officesAdvise, O.officesSuperviseCommunes],
  },
  {
    // Administrative procedures: Văn phòng HĐND và UBND huyện (leads 3.5.3 in §III.2); general solution 1.7
    // (TTHC control, one-stop shop), the communes' one-stop-shop duty (§IV.3) and §IV.2 a, b.
    domain: "3",
    title: DOMAIN_TITLES["3"],
    lead: "Văn phòng HĐND và UBND huyện",
    implementers: ALL_UNITS,
    tasks: [S["1.7"], O.communeOneStopShop, O.officesAdvise, O.officesSuperviseCommunes],
  },
  {
    // Organisation of the apparatus: phòng Nội vụ (§IV.1, leads 4.2 in §III.2); §III.1 has no organisation-specific
    // solution, so lessons learnt (1.3) and the focal-point duty (§IV.1 a).
    domain: "4",
    title: DOMAIN_TITLES["4"],
    lead: "Phòng Nội vụ",
    implementers: ALL_UNITS,
    tasks: [S["1.3"], O.noiVuFocalPoint],
  },
  {
    // Civil service: phòng Nội vụ (§IV.1 b); discipline and training (1.8) and §IV.1 b.
    domain: "5",
    title: DOMAIN_TITLES["5"],
    lead: "Phòng Nội vụ",
    implementers: ALL_UNITS,
    tasks: [S["1.8"], O.noiVuDiscipline],
  },
  {
    // Public finance: Phòng Tài chính - Kế hoạch (§IV.2, leads every 6.x in §III.2); no §III.1 solution is about
    // finance, so the field offices' duties (§IV.2 a, b).
    domain: "6",
    title: DOMAIN_TITLES["6"],
    lead: "Phòng Tài chính - Kế hoạch",
    implementers: ALL_UNITS,
    tasks: [O.officesAdvise, O.officesSuperviseCommunes],
  },
  {
    // E-government: Văn phòng HĐND và UBND huyện (leads 7.2, 7.3.x); online public services (1.5), digitisation
    // (1.6), §IV.2 a, b.
    domain: "7",
    title: DOMAIN_TITLES["7"],
    lead: "Văn phòng HĐND và UBND huyện",
    implementers: ALL_UNITS,
    tasks: [S["1.5"], S["1.6"], O.officesAdvise, O.officesSuperviseCommunes],
  },
  {
    // Socio-economic impact: Phòng Tài chính - Kế hoạch (leads 8.1.x, 8.3); CCHC's role in socio-economic
    // development (1.2) and §IV.2 a, b.
    domain: "8",
    title: DOMAIN_TITLES["8"],
    lead: "Phòng Tài chính - Kế hoạch",
    implementers: ALL_UNITS,
    tasks: [S["1.2"], O.officesAdvise, O.officesSuperviseCommunes],
  },
  {
    // Satisfaction: Văn phòng HĐND và UBND huyện (leads §III.2 "1.7"). Shadowed by the entry for code "9" in the
    // built-in catalogue (an entry beats a domain default); kept so that a catalogue without that entry still
    // has a sensible default: TTHC/one-stop shop (1.7) and the communes' one-stop-shop duty (§IV.3).
    domain: "9",
    title: DOMAIN_TITLES["9"],
    lead: "Văn phòng HĐND và UBND huyện",
    implementers: ALL_UNITS,
    tasks: [S["1.7"], O.communeOneStopShop],
  },
];

/**
 * For a domain the catalogue does not know (a commune's domain 10…): phòng Nội vụ, the focal point for CCHC as a
 * whole (§IV.1 a), with the general solutions that apply to any field (1.3, §IV.1 a, §IV.2 a).
 */
export const GENERIC_FALLBACK: Omit<DomainDefault, "domain" | "title"> = {
  lead: "Phòng Nội vụ",
  implementers: ALL_UNITS,
  tasks: [S["1.3"], O.noiVuFocalPoint, O.officesAdvise],
};
