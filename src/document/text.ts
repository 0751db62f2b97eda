/**
 * The plan document's fixed wording, transcribed from Bắc Sơn district's "Kế hoạch nâng cao Chỉ số cải cách
 * hành chính (PAR INDEX) huyện Bắc Sơn năm 2024" and adapted to the unit's level (no "huyện" in a commune's
 * plan). The document is Vietnamese only (it is an administrative document in Vietnamese); pure data + helpers.
 */
import { fold } from "../core/text";

export type UnitLevel = "district" | "commune" | "ward" | "department";

/** The words a plan uses for its own unit, by level. */
export interface LevelWords {
  /** The noun before the unit's name: "huyện" (district), "xã", "phường"; "" for a department. */
  noun: string;
  /** How the document names the issuing body in running text: "UBND huyện", "UBND xã", "Sở". */
  body: string;
  /** The same, in full: "Ủy ban nhân dân huyện". */
  bodyFull: string;
  /** "trên địa bàn huyện", "tại Sở". */
  scope: string;
  /** The units under it that carry out the plan (with the agencies), or "" when none. */
  below: string;
  /** Its own agencies: "các cơ quan, đơn vị". */
  agencies: string;
  /** Who the unit is ranked among, after "xếp hạng 02/11 ". */
  rankedAmong: string;
  /** The symbol after "Số: /": "KH-UBND". */
  symbol: string;
  /** Signature block lines above the signer's name. */
  signature: string[];
  /** Default "Nơi nhận" list (the seed's, adapted). */
  recipients: string[];
}

export const LEVEL_WORDS: Record<UnitLevel, LevelWords> = {
  district: {
    noun: "huyện",
    body: "UBND huyện",
    bodyFull: "Ủy ban nhân dân huyện",
    scope: "trên địa bàn huyện",
    below: "UBND các xã, thị trấn",
    agencies: "các cơ quan, đơn vị",
    rankedAmong: "huyện, thành phố",
    symbol: "KH-UBND",
    signature: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    recipients: [
      "Sở Nội vụ;",
      "TT Huyện ủy;",
      "TT HĐND huyện;",
      "CT, các PCT UBND huyện;",
      "Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội huyện;",
      "Các cơ quan thuộc ngành dọc TW tại huyện;",
      "Các cơ quan chuyên môn;",
      "Các đơn vị sự nghiệp công lập;",
      "UBND các xã, thị trấn;",
      "Lưu: VT.",
    ],
  },
  commune: {
    noun: "xã",
    body: "UBND xã",
    bodyFull: "Ủy ban nhân dân xã",
    scope: "trên địa bàn xã",
    below: "các thôn, tổ dân phố",
    agencies: "các cơ quan, đơn vị",
    rankedAmong: "xã, phường",
    symbol: "KH-UBND",
    signature: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    recipients: [
      "Sở Nội vụ;",
      "TT Đảng ủy xã;",
      "TT HĐND xã;",
      "CT, các PCT UBND xã;",
      "Ủy ban MTTQ Việt Nam xã;",
      "Các cơ quan, đơn vị thuộc UBND xã;",
      "Các thôn, tổ dân phố;",
      "Lưu: VT.",
    ],
  },
  ward: {
    noun: "phường",
    body: "UBND phường",
    bodyFull: "Ủy ban nhân dân phường",
    scope: "trên địa bàn phường",
    below: "các tổ dân phố",
    agencies: "các cơ quan, đơn vị",
    rankedAmong: "xã, phường",
    symbol: "KH-UBND",
    signature: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    recipients: [
      "Sở Nội vụ;",
      "TT Đảng ủy phường;",
      "TT HĐND phường;",
      "CT, các PCT UBND phường;",
      "Ủy ban MTTQ Việt Nam phường;",
      "Các cơ quan, đơn vị thuộc UBND phường;",
      "Các tổ dân phố;",
      "Lưu: VT.",
    ],
  },
  department: {
    noun: "",
    body: "Sở",
    bodyFull: "Sở",
    scope: "tại cơ quan, đơn vị",
    below: "",
    agencies: "các phòng, đơn vị thuộc Sở",
    rankedAmong: "sở, ban, ngành",
    symbol: "KH-…",
    signature: ["GIÁM ĐỐC"],
    recipients: ["Sở Nội vụ;", "Giám đốc, các Phó Giám đốc Sở;", "Các phòng, đơn vị thuộc Sở;", "Lưu: VT."],
  },
};

/** "huyện Bắc Sơn" for ("Bắc Sơn", district); a name that already starts with its noun is kept as it is. */
export function unitPhrase(name: string, level: UnitLevel): string {
  const noun = LEVEL_WORDS[level].noun;
  const trimmed = name.trim();
  if (noun === "" || fold(trimmed).startsWith(fold(noun) + " ")) return trimmed;
  return `${noun} ${trimmed}`;
}

/** Upper-case first letter. */
export function capitalise(text: string): string {
  return text === "" ? text : text[0].toLocaleUpperCase("vi") + text.slice(1);
}

/** Lower-case first letter, unless the first word is an acronym ("TTHC", "UBND"). */
export function decapitalise(text: string): string {
  const first = text.split(/\s/)[0] ?? "";
  if (first.length > 1 && first === first.toLocaleUpperCase("vi")) return text;
  return text === "" ? text : text[0].toLocaleLowerCase("vi") + text.slice(1);
}

/** Acronyms kept in capitals when a capitalised domain title is written in sentence case. */
const ACRONYMS = new Set(["UBND", "HĐND", "PAR", "INDEX", "TW", "MTTQ"]);

function isAcronym(word: string): boolean {
  const bare = word.replace(/[^\p{L}-]/gu, "");
  if (bare === "" || ACRONYMS.has(bare)) return bare !== "";
  // CCHC, TTHC, KT-XH, SNCL, NSNN: no vowel at all.
  return !/[aeiouy]/.test(fold(bare));
}

/**
 * "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC" → "Công tác chỉ đạo, điều hành CCHC" (the seed's §III.2 headings write
 * the §II table's capitalised domain titles this way). Titles that are not all capitals are kept.
 */
export function sentenceCase(title: string): string {
  const letters = title.replace(/[^\p{L}]/gu, "");
  if (letters === "" || letters !== letters.toLocaleUpperCase("vi")) return title;
  const words = title.split(" ").map((w) => (isAcronym(w) ? w : w.toLocaleLowerCase("vi")));
  return capitalise(words.join(" "));
}

/** Ends a phrase with a period unless it already ends with punctuation. */
export function withPeriod(text: string): string {
  const t = text.trim();
  return t === "" || /[.!?…:;]$/.test(t) ? t : `${t}.`;
}

/** Two digits at least: 9 → "09" (the seed's "09 lĩnh vực", "02/11"). */
export function twoDigits(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}

/** A blank for the user to fill in: the dotted leader an administrative form uses. */
export const BLANK = "……";

/** Fixed headings and sentences, functions of the words that vary. */
export const WORDS = {
  motto: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
  kind: "KẾ HOẠCH",
  subtitle: (unit: string, year: number) =>
    `Nâng cao Chỉ số cải cách hành chính (PAR INDEX) ${unit} năm ${year}`,
  dateLine: (place: string, year: number) => `${place}, ngày      tháng      năm ${year}`,
  number: (symbol: string) => `Số:      /${symbol}`,
  basesPlaceholder: `Căn cứ ${BLANK}${BLANK}${BLANK};`,
  heading: {
    I: "I. MỤC ĐÍCH, YÊU CẦU",
    I1: "1. Mục đích",
    I2: "2. Yêu cầu",
    II: (year: number) => `II. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`,
    III: "III. NHIỆM VỤ, GIẢI PHÁP DUY TRÌ, NÂNG CAO CHỈ SỐ PAR INDEX",
    III1: "1. Giải pháp chung",
    III2: (year: number) =>
      `2. Tập trung khắc phục những tồn tại, hạn chế được chỉ ra qua kết quả công bố năm ${year}, cụ thể như sau:`,
    IV: "IV. TỔ CHỨC THỰC HIỆN",
    recipients: "Nơi nhận:",
    appendix: "PHỤ LỤC",
  },
  purpose: (year: number) => [
    `a) Triển khai thực hiện có hiệu quả các mục tiêu, chỉ tiêu, nhiệm vụ giải pháp để duy trì các Chỉ số đã đạt được đồng thời tìm ra nguyên nhân và đưa ra giải pháp khắc phục, nâng cao các Chỉ số chưa đạt điểm, chưa đạt điểm tối đa của Chỉ số cải cách hành chính (PAR INDEX) năm ${year}.`,
    "b) Nâng cao trách nhiệm của người đứng đầu cơ quan, đơn vị trong chỉ đạo, điều hành; nâng cao tinh thần trách nhiệm, thái độ phục vụ Nhân dân của cán bộ, công chức, viên chức trong thực thi nhiệm vụ giải quyết thủ tục hành chính (TTHC).",
  ],
  requirements: (w: LevelWords) => [
    `a) Xác định rõ nguyên nhân những tồn tại, hạn chế trong Chỉ số PAR INDEX; thực hiện các giải pháp, khắc phục đồng bộ, hiệu quả Chỉ số PAR INDEX ${w.scope}.`,
    `b) ${capitalise(w.agencies)}${w.below ? `, ${w.below}` : ""} phải đẩy mạnh tuyên truyền, nâng cao nhận thức của tổ chức, cá nhân, đặc biệt là trách nhiệm của người đứng đầu cơ quan, đơn vị trong việc thực hiện nhiệm vụ cải cách hành chính (CCHC).`,
  ],
  /** The seed's opening paragraph after "Căn cứ": the year's result and why a plan. */
  opening: (unit: string, year: number, percent: string, rank: string, w: LevelWords, issuer: string) =>
    `Năm ${year}, chỉ số cải cách hành chính (PAR INDEX) của ${unit} đạt ${percent}${rank}, tuy nhiên, qua kết quả công bố chỉ số PAR INDEX còn có một số chỉ số chưa đạt điểm và chưa đạt điểm tối đa. Để tiếp tục duy trì kết quả đã đạt được và khắc phục những tồn tại, hạn chế, nâng cao chất lượng, hiệu quả công tác cải cách hành chính, phục vụ người dân, tổ chức, doanh nghiệp trong năm ${year + 1}, ${issuer} xây dựng kế hoạch như sau:`,
  result: (year: number, unit: string, score: string, percent: string, rank: string) =>
    `Theo Quyết định phê duyệt và công bố Chỉ số cải cách hành chính năm ${year}, Chỉ số cải cách hành chính (PAR INDEX) của ${unit} đạt ${score} điểm, chỉ số đạt ${percent}${rank}.`,
  domainsIntro: (year: number, count: number) =>
    `Chỉ số PAR INDEX năm ${year}, được đánh giá trên ${twoDigits(count)} lĩnh vực, cụ thể điểm các nội dung như sau:`,
  resultColumns: [
    "TT",
    "Lĩnh vực/tiêu chí/tiêu chí thành phần",
    "Điểm tối đa",
    "Điểm đạt được",
    "Chưa đạt so với điểm tối đa",
    "Nguyên nhân chưa đạt điểm",
  ],
  totalRow: "TỔNG ĐIỂM",
  criterion: (codes: string) => `Tiêu chí ${codes}: `,
  lead: "Cơ quan chủ trì tham mưu: ",
  implementers: "Cơ quan thực hiện: ",
  tasks: "Nhiệm vụ, giải pháp:",
  leads: (w: LevelWords) =>
    `Chủ trì tham mưu, theo dõi, đôn đốc ${w.agencies} thực hiện các nhiệm vụ, giải pháp đối với các tiêu chí:`,
  leadDuty: (w: LevelWords) =>
    `Tham mưu, đề xuất các giải pháp cải thiện, nâng cao các tiêu chí, tiêu chí thành phần về lĩnh vực phụ trách; chịu trách nhiệm báo cáo, giải trình trước ${w.body} đối với các nội dung đề ra trong Kế hoạch nhưng không thực hiện được hoặc thực hiện còn hạn chế.`,
  implementersHeading: "Các cơ quan, đơn vị được giao thực hiện",
  implementersDuty: (year: number) =>
    `Phối hợp với cơ quan chủ trì tham mưu triển khai các nhiệm vụ, giải pháp được giao tại Mục III và Phụ lục kèm theo Kế hoạch này; xây dựng kế hoạch thực hiện duy trì và nâng cao các chỉ số cải cách hành chính năm ${year} của cơ quan, đơn vị.`,
  belowHeading: "Chủ tịch UBND các xã, thị trấn",
  belowDuty:
    "Quan tâm đầu tư, nâng cấp Bộ phận tiếp nhận và trả kết quả; bố trí trang thiết bị phục vụ người dân, tổ chức đầy đủ; nâng cao trách nhiệm giải trình với người dân, tuyên truyền hướng dẫn người dân tổ chức thực hiện việc gửi ý kiến góp ý, phản ánh, kiến nghị.",
  closing: (unit: string, year: number, w: LevelWords) =>
    `Trên đây là Kế hoạch triển khai các nhiệm vụ, giải pháp nâng cao Chỉ số cải cách hành chính (PAR INDEX) ${unit} năm ${year}, ${w.body} đề nghị ${w.agencies}${w.below ? `, ${w.below}` : ""} nghiêm túc triển khai thực hiện./.`,
  appendixTitle: (year: number) => `NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`,
  appendixNote: (symbol: string, year: number, issuer: string) =>
    `(Kèm theo Kế hoạch số      /${symbol} ngày      tháng      năm ${year} của ${issuer})`,
  appendixColumns: [
    "TT",
    "Tiêu chí",
    "Nhiệm vụ, giải pháp",
    "Cơ quan chủ trì",
    "Cơ quan thực hiện",
    "Thời hạn",
    "Tình trạng",
  ],
  comparison: {
    total: (prev: number, delta: string, before: string, after: string, up: boolean | null) =>
      up === null
        ? `So với năm ${prev}, tổng điểm không thay đổi (${after} điểm).`
        : `So với năm ${prev}, tổng điểm ${up ? "tăng" : "giảm"} ${delta} điểm (từ ${before} ${up ? "lên" : "xuống"} ${after} điểm).`,
    improved: "Các tiêu chí tăng điểm:",
    regressed: "Các tiêu chí giảm điểm:",
    stillUnmet: (prev: number) => `Các tiêu chí chưa đạt điểm tối đa từ năm ${prev}: `,
    newlyUnmet: "Các tiêu chí mới chưa đạt điểm tối đa: ",
    none: "không có.",
  },
};
