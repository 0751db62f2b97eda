/**
 * What a domain (lĩnh vực) of a PAR INDEX table is about, from its name, whatever its number or numeral
 * ("1", "I", "A", "Lĩnh vực 3:"): criteria sets are renumbered from province to province and year to year, so a
 * domain's default agency and general solutions follow this meaning, never the number (issue 11 §2). Pure.
 */

import { fold } from "./text";
import { boundedMemo } from "./boundedMemo";

export type DomainMeaning =
  | "direction" // Công tác chỉ đạo, điều hành CCHC
  | "institutions" // Cải cách thể chế
  | "procedures" // Cải cách thủ tục hành chính (TTHC, một cửa)
  | "organisation" // Cải cách tổ chức bộ máy hành chính
  | "civil-service" // Cải cách chế độ công vụ (công chức)
  | "public-finance" // Cải cách tài chính công
  | "digital-government" // Chính quyền điện tử / số, hiện đại hóa hành chính
  | "satisfaction" // Kết quả đo lường sự hài lòng của người dân, tổ chức
  | "socio-economic"; // Tác động của CCHC đến phát triển kinh tế - xã hội

/** Every meaning with its bilingual label, in the order the national methodology lists the domains. */
export const DOMAIN_MEANINGS: readonly { key: DomainMeaning; label: { vi: string; en: string } }[] = [
  {
    key: "direction",
    label: { vi: "Công tác chỉ đạo, điều hành CCHC", en: "Direction and steering of reform" },
  },
  { key: "institutions", label: { vi: "Cải cách thể chế", en: "Institutional reform" } },
  { key: "procedures", label: { vi: "Cải cách thủ tục hành chính", en: "Administrative procedures" } },
  {
    key: "organisation",
    label: { vi: "Cải cách tổ chức bộ máy hành chính", en: "Organisational structure" },
  },
  { key: "civil-service", label: { vi: "Cải cách chế độ công vụ", en: "Civil service" } },
  { key: "public-finance", label: { vi: "Cải cách tài chính công", en: "Public finance" } },
  {
    key: "digital-government",
    label: { vi: "Xây dựng chính quyền điện tử, chính quyền số", en: "E-government and digital government" },
  },
  { key: "satisfaction", label: { vi: "Sự hài lòng của người dân, tổ chức", en: "Citizens' satisfaction" } },
  {
    key: "socio-economic",
    label: {
      vi: "Tác động của CCHC đến phát triển kinh tế - xã hội",
      en: "Impact on socio-economic development",
    },
  },
];

/**
 * Patterns over the folded name (no diacritics, punctuation as spaces), tried in this order: a name that names
 * two things ("… hài lòng của người dân, tổ chức", "Tác động của cải cách hành chính đến …") gets the one
 * listed first.
 */
const RULES: readonly [DomainMeaning, RegExp][] = [
  ["satisfaction", /\bhai long\b|\bsipas\b/],
  ["socio-economic", /\btac dong\b|\bkinh te xa hoi\b|\bkt xh\b|\bktxh\b/],
  ["procedures", /\bthu tuc hanh chinh\b|\btthc\b|\bmot cua\b/],
  [
    "digital-government",
    /\bchinh (quyen|phu) (dien tu|so)\b|\bhien dai hoa\b|\bchuyen doi so\b|\bcong nghe thong tin\b/,
  ],
  ["public-finance", /\btai chinh cong\b|\btai chinh\b/],
  ["civil-service", /\bche do cong vu\b|\bcong vu\b|\bcong chuc\b|\bcan bo\b/],
  ["organisation", /\bto chuc bo may\b|\bbo may\b/],
  ["institutions", /\bthe che\b|\bquy pham phap luat\b|\bvbqppl\b/],
  ["direction", /\bchi dao\b|\bdieu hanh\b/],
];

/**
 * The meaning of a domain's name, or null when the name says none of them ("Điểm thưởng", a blank). Every
 * lookup asks for its domain's meaning and the catalogue domains': the same few names again and again.
 */
export const domainMeaning: (name: string) => DomainMeaning | null = boundedMemo(meaningOf, 10_000);

function meaningOf(name: string): DomainMeaning | null {
  const text = ` ${fold(name).replace(/[^a-z0-9]+/g, " ")} `;
  for (const [key, re] of RULES) if (re.test(text)) return key;
  return null;
}
