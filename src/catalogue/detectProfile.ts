/**
 * Which unit a results table belongs to, from the title texts above it: "UBND xã Nhất Tiến" → commune,
 * "phường Đông Kinh" → ward, "Sở Nội vụ" → department, "huyện Bắc Sơn" → district. Pure.
 *
 * A unit word counts only when a name follows it (a capital letter or a number: "xã Nhất Tiến", "Phường 3"),
 * so "UBND các xã, thị trấn" and "cấp xã" say nothing. Diacritics matter: "Số:" is not "Sở", "xa" is not "xã".
 * When titles name several units, the most local wins (commune or ward, then department, then district): a
 * commune's title often names its province or, before 2025, its district as well.
 */

import type { UnitLevel } from "./profiles";

export interface DetectedProfile {
  profile: UnitLevel;
  /** The unit as the title names it: "xã Nhất Tiến", "phường Đông Kinh", "Sở Nội vụ", "huyện Bắc Sơn". */
  name: string;
}

/** Unit words by level; "thị xã" (a district-level town) before "xã". */
const UNIT_WORDS: [RegExp, UnitLevel, string][] = [
  [/^thị xã$/iu, "district", "thị xã"],
  [/^thị trấn$/iu, "commune", "thị trấn"],
  [/^đặc khu$/iu, "commune", "đặc khu"],
  [/^xã$/iu, "commune", "xã"],
  [/^phường$/iu, "ward", "phường"],
  [/^sở$/iu, "department", "Sở"],
  [/^huyện$/iu, "district", "huyện"],
  [/^quận$/iu, "district", "quận"],
];

const RANK: Record<UnitLevel, number> = { commune: 0, ward: 0, department: 1, district: 2 };

/** Words that end a unit's name: the next unit, the year, the province, the report's own words. */
const STOP = new Set(
  [
    "năm",
    "tỉnh",
    "thành",
    "huyện",
    "quận",
    "thị",
    "xã",
    "phường",
    "sở",
    "ubnd",
    "ủy",
    "uỷ",
    "về",
    "kết",
    "chỉ",
    "kế",
    "báo",
    "giai",
    "đợt",
    "-",
  ].map((w) => w.normalize("NFC")),
);

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function isName(word: string): boolean {
  return /^[\p{Lu}0-9]/u.test(word);
}

function nameAfter(words: readonly string[], from: number, level: UnitLevel): string[] {
  const out: string[] = [];
  for (let i = from; i < words.length; i++) {
    const w = words[i];
    if (STOP.has(w.toLowerCase())) break;
    // A department's name goes on in lower case ("Sở Giáo dục và Đào tạo"); a place's name is capitalised.
    if (level !== "department" && !isName(w)) break;
    out.push(w);
    if (out.length >= 6) break;
  }
  return out;
}

/** The unit a table's titles name, or null when they name none. */
export function detectProfile(titleTexts: readonly string[]): DetectedProfile | null {
  let best: (DetectedProfile & { rank: number }) | null = null;
  for (const text of titleTexts) {
    // Words, with punctuation (other than inside names like "Đông-Kinh") as a break.
    const segments = text.normalize("NFC").split(/[,;:()/\n\r–—]|\s-\s|\.\s/);
    for (const segment of segments) {
      const words = segment.split(/\s+/).filter((w) => w !== "");
      for (let i = 0; i < words.length; i++) {
        const two = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : "";
        let hit: { level: UnitLevel; word: string; next: number } | null = null;
        for (const [re, level, word] of UNIT_WORDS) {
          if (two !== "" && re.test(two)) hit = { level, word, next: i + 2 };
          else if (re.test(words[i])) hit = { level, word, next: i + 1 };
          if (hit) break;
        }
        if (!hit || hit.next >= words.length || !isName(words[hit.next])) continue;
        const name = nameAfter(words, hit.next, hit.level);
        if (name.length === 0) continue;
        const allCaps = name.every((w) => w === w.toUpperCase());
        const shown =
          hit.level === "department" && allCaps
            ? [titleCase(name[0]), ...name.slice(1).map((w) => w.toLowerCase())]
            : allCaps
              ? name.map(titleCase)
              : name;
        const found = { profile: hit.level, name: `${hit.word} ${shown.join(" ")}`, rank: RANK[hit.level] };
        if (!best || found.rank < best.rank) best = found;
        i = hit.next - 1 + name.length;
      }
    }
  }
  return best ? { profile: best.profile, name: best.name } : null;
}
