/**
 * Unit profiles (issue 11 §1). Since 1 July 2025 districts no longer exist: the units that score themselves are
 * commune and ward People's Committees (structure of Decree 150/2025/NĐ-CP) and provincial departments (sở).
 * Each profile is the seed's catalogue with the seed's district offices mapped to the profile's offices (each
 * mapping with its basis, listed in OFFICE_MAPPINGS and docs/CATALOGUE.md) and its texts reworded for the level
 * ("Chủ tịch UBND huyện" → "Chủ tịch UBND xã"; "UBND cấp xã" as implementer → the commune's own offices).
 * `district` is the seed exactly. Pure data and pure functions.
 */

import {
  AGENCIES,
  BUILTIN_ENTRIES,
  DOMAIN_DEFAULTS,
  GENERIC_FALLBACK,
  resolveAgency,
  type Agency,
  type CatalogueEntry,
  type DomainDefault,
} from "./data";
import { builtinCatalogue, type Catalogue } from "./lookup";

export type UnitLevel = "district" | "commune" | "ward" | "department";

/** The unit a table belongs to, as JSON carries it everywhere: `"unit": { "name": …, "level": … }`. */
export interface UnitInfo {
  /** "xã Nhất Tiến", "Sở Nội vụ", or the file's name when the titles name none. */
  name: string;
  level: UnitLevel;
}

export const UNIT_LEVELS: readonly UnitLevel[] = ["district", "commune", "ward", "department"];

export const UNIT_LABELS: Record<UnitLevel, { vi: string; en: string }> = {
  district: { vi: "Huyện (trước 01/7/2025)", en: "District (before 1 July 2025)" },
  commune: { vi: "Xã", en: "Commune" },
  ward: { vi: "Phường", en: "Ward" },
  department: { vi: "Sở, ban, ngành", en: "Provincial department" },
};

// ---------------------------------------------------------------------------------------------------------
// The offices of each level
// ---------------------------------------------------------------------------------------------------------

const VP = "Văn phòng HĐND và UBND";
const KINH_TE = "Phòng Kinh tế";
const KINH_TE_DO_THI = "Phòng Kinh tế, Hạ tầng và Đô thị";
const VH_XH = "Phòng Văn hóa - Xã hội";
const PVHCC = "Trung tâm Phục vụ hành chính công";
const VP_SO = "Văn phòng Sở";
const KH_TC_SO = "Phòng Kế hoạch - Tài chính";
const PVHCC_TINH = "Trung tâm Phục vụ hành chính công tỉnh";
const PHONG_SO = "các phòng, đơn vị thuộc Sở";

/** The seed's generic groups, without the aliases that name the district ("… thuộc huyện"). */
function groups(): Agency[] {
  return AGENCIES.filter((a) => a.kind === "group").map((a) => ({
    ...a,
    aliases: a.aliases.filter((al) => !/huyện/i.test(al)),
  }));
}

function communeAgencies(unit: "xã" | "phường", economy: string): Agency[] {
  const economyAliases =
    unit === "xã"
      ? ["phòng Kinh tế", `Phòng Kinh tế ${unit}`, "Phòng KT"]
      : [
          "phòng Kinh tế, Hạ tầng và Đô thị",
          "Phòng Kinh tế - Hạ tầng - Đô thị",
          "Phòng KT-HT-ĐT",
          "Phòng KTHTĐT",
        ];
  return [
    {
      id: "vp-hdnd-ubnd",
      name: VP,
      aliases: [
        `Văn phòng HĐND và UBND ${unit}`,
        "Văn phòng HĐND - UBND",
        "Văn phòng HĐND-UBND",
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
        "VP HĐND và UBND",
        "VP HĐND-UBND",
      ],
      kind: "office",
    },
    { id: "kinh-te", name: economy, aliases: economyAliases, kind: "office" },
    {
      id: "vh-xh",
      name: VH_XH,
      aliases: [
        "phòng Văn hóa - Xã hội",
        "Phòng Văn hóa Xã hội",
        "Phòng Văn hoá - Xã hội",
        "Phòng VH-XH",
        "Phòng VHXH",
      ],
      kind: "office",
    },
    {
      id: "pvhcc",
      name: PVHCC,
      aliases: [`Trung tâm Phục vụ hành chính công ${unit}`, "Trung tâm PVHCC", "TTPVHCC"],
      kind: "office",
    },
    {
      id: "phong-chuyen-mon",
      name: `Các phòng chuyên môn thuộc UBND ${unit}`,
      aliases: [`các phòng chuyên môn thuộc UBND ${unit}`, "các phòng chuyên môn"],
      kind: "group",
    },
    ...groups(),
  ];
}

function departmentAgencies(): Agency[] {
  return [
    { id: "van-phong-so", name: VP_SO, aliases: ["văn phòng Sở", "VP Sở"], kind: "office" },
    {
      id: "ke-hoach-tai-chinh",
      name: KH_TC_SO,
      aliases: ["phòng Kế hoạch - Tài chính", "Phòng Kế hoạch Tài chính", "Phòng KH-TC", "Phòng KHTC"],
      kind: "office",
    },
    {
      id: "pvhcc-tinh",
      name: PVHCC_TINH,
      aliases: ["Trung tâm PVHCC tỉnh", "Trung tâm Phục vụ hành chính công"],
      kind: "office",
    },
    {
      id: "phong-so",
      name: "Các phòng, đơn vị thuộc Sở",
      aliases: [PHONG_SO, "các phòng chuyên môn thuộc Sở"],
      kind: "group",
    },
    ...groups(),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// The mapping from the seed's offices, with its basis
// ---------------------------------------------------------------------------------------------------------

export interface OfficeMapping {
  /** The seed agency's id (data.ts AGENCIES). */
  from: string;
  /** The seed's name for it. */
  seedName: string;
  /** The office (or group) of this level that takes its place. */
  to: string;
  basis: { vi: string; en: string };
}

const B150 = "Nghị định 150/2025/NĐ-CP";

function communeMapping(unit: "xã" | "phường", economy: string): OfficeMapping[] {
  return [
    {
      from: "noi-vu",
      seedName: "Phòng Nội vụ",
      to: VH_XH,
      basis: {
        vi: `${B150}: Phòng Văn hóa - Xã hội cấp ${unit} tham mưu về nội vụ, gồm cải cách hành chính`,
        en: `${B150}: the culture and society office takes over home affairs, administrative reform included`,
      },
    },
    {
      from: "tc-kh",
      seedName: "Phòng Tài chính - Kế hoạch",
      to: economy,
      basis: {
        vi: `${B150}: ${economy} tham mưu về tài chính, kế hoạch và đầu tư`,
        en: `${B150}: the economic office advises on finance, planning and investment`,
      },
    },
    {
      from: "vp-hdnd-ubnd",
      seedName: "Văn phòng HĐND và UBND huyện",
      to: VP,
      basis: {
        vi: `${B150}: Văn phòng HĐND và UBND ${unit} tổng hợp, điều hành; thủ tục hành chính, dịch vụ công trực tuyến và đo lường sự hài lòng chuyển sang Trung tâm Phục vụ hành chính công`,
        en: `${B150}: the office of the council and committee coordinates; procedures, online services and satisfaction go to the public administration service centre`,
      },
    },
    {
      from: "tu-phap",
      seedName: "Phòng Tư pháp",
      to: VP,
      basis: {
        vi: `${B150}: công tác tư pháp cấp ${unit} do Văn phòng HĐND và UBND tham mưu`,
        en: `${B150}: justice work at ${unit === "xã" ? "commune" : "ward"} level is advised by the office of the council and committee`,
      },
    },
    {
      from: "gd-dt",
      seedName: "Phòng Giáo dục và Đào tạo",
      to: VH_XH,
      basis: {
        vi: `${B150}: Phòng Văn hóa - Xã hội tham mưu về giáo dục và đào tạo`,
        en: `${B150}: the culture and society office advises on education`,
      },
    },
    {
      from: "vh-tt",
      seedName: "Phòng Văn hóa và Thông tin",
      to: VH_XH,
      basis: {
        vi: `${B150}: Phòng Văn hóa - Xã hội tham mưu về văn hóa, thông tin`,
        en: `${B150}: the culture and society office advises on culture and information`,
      },
    },
    {
      from: "ttvh-tt-tt",
      seedName: "Trung tâm Văn hóa, Thể thao và Truyền thông",
      to: VH_XH,
      basis: {
        vi: "Cấp huyện không còn; tuyên truyền về CCHC do Phòng Văn hóa - Xã hội tham mưu",
        en: "The district centre is gone; reform communication is advised by the culture and society office",
      },
    },
    {
      from: "ubnd-xa",
      seedName: "UBND cấp xã",
      to: `Các phòng chuyên môn thuộc UBND ${unit}`,
      basis: {
        vi: `Đơn vị tự đánh giá là UBND ${unit}: việc giao cho "UBND cấp xã" làm do các phòng chuyên môn của ${unit} thực hiện`,
        en: `The unit scoring itself is the ${unit === "xã" ? "commune" : "ward"}: what the seed gives "UBND cấp xã" falls to its own offices`,
      },
    },
  ];
}

function departmentMapping(): OfficeMapping[] {
  const m = (from: string, seedName: string, to: string, vi: string, en: string): OfficeMapping => ({
    from,
    seedName,
    to,
    basis: { vi, en },
  });
  return [
    m(
      "noi-vu",
      "Phòng Nội vụ",
      VP_SO,
      "Văn phòng Sở là đầu mối CCHC của Sở",
      "The department's office is its reform focal point",
    ),
    m(
      "tc-kh",
      "Phòng Tài chính - Kế hoạch",
      KH_TC_SO,
      "Phòng Kế hoạch - Tài chính (tên thường gặp; Sở dùng tên phòng của mình qua sheet danh mục)",
      "The planning and finance division (common name; a department uses its own names through the catalogue sheet)",
    ),
    m(
      "vp-hdnd-ubnd",
      "Văn phòng HĐND và UBND huyện",
      VP_SO,
      "Văn phòng Sở chủ trì; TTHC do Trung tâm Phục vụ hành chính công tỉnh (thuộc Văn phòng UBND tỉnh) tiếp nhận",
      "The department's office leads; procedures are received by the province's public administration service centre (under the provincial People's Committee office)",
    ),
    m(
      "tu-phap",
      "Phòng Tư pháp",
      VP_SO,
      "Công tác pháp chế của Sở do Văn phòng Sở tham mưu",
      "Legal work is advised by the department's office",
    ),
    m(
      "gd-dt",
      "Phòng Giáo dục và Đào tạo",
      VP_SO,
      "Tổ chức, sắp xếp đơn vị do Văn phòng Sở tham mưu",
      "Organisation and restructuring are advised by the department's office",
    ),
    m(
      "vh-tt",
      "Phòng Văn hóa và Thông tin",
      VP_SO,
      "Tuyên truyền CCHC của Sở do Văn phòng Sở thực hiện",
      "Reform communication is the department's office's",
    ),
    m(
      "ttvh-tt-tt",
      "Trung tâm Văn hóa, Thể thao và Truyền thông",
      VP_SO,
      "Tuyên truyền CCHC của Sở do Văn phòng Sở thực hiện",
      "Reform communication is the department's office's",
    ),
    m(
      "ubnd-xa",
      "UBND cấp xã",
      "Các phòng, đơn vị thuộc Sở",
      "Đơn vị tự đánh giá là Sở: việc của cấp dưới do các phòng, đơn vị thuộc Sở thực hiện",
      "The unit scoring itself is the department: the seed's lower level becomes its divisions and units",
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Rewording
// ---------------------------------------------------------------------------------------------------------

type Rule = [RegExp, string];

/** Replaces, keeping a lower-case "phòng" lower case where the seed wrote it so mid-sentence. */
function reword(text: string, rules: readonly Rule[]): string {
  let out = text;
  for (const [re, to] of rules) {
    out = out.replace(re, (m) => (m.startsWith("phòng") && to.startsWith("Phòng") ? `p${to.slice(1)}` : to));
  }
  return out;
}

/** "a; b; a" → "a; b", and the same for ", " lists inside each part. */
function dedupeList(text: string): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const p of text.split("; ")) {
    const key = p.trim().toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      parts.push(p);
    }
  }
  return parts.join("; ");
}

const SEED_PLAN = /Kế hoạch số 12\/KH-UBND ngày 15\/01\/2024, kế hoạch CCHC huyện Bắc Sơn năm 2024/g;

function communeRules(unit: "xã" | "phường", economy: string): Rule[] {
  return [
    [SEED_PLAN, `kế hoạch CCHC năm của ${unit}`],
    [/Văn phòng HĐND và UBND huyện/g, VP],
    [/[Pp]hòng Văn hóa và Thông tin; Trung tâm Văn hóa, Thể thao và Truyền thông/g, VH_XH],
    [/[Pp]hòng Nội vụ/g, VH_XH],
    [/[Pp]hòng Tài chính - Kế hoạch/g, economy],
    [/[Pp]hòng Tư pháp/g, VP],
    [/[Pp]hòng Giáo dục và Đào tạo/g, VH_XH],
    [/[Pp]hòng Văn hóa và Thông tin/g, VH_XH],
    [/Trung tâm Văn hóa, Thể thao và Truyền thông/g, VH_XH],
    [/[Bb]ộ phận [Mm]ột cửa cấp huyện, cấp xã/g, PVHCC],
    [/Chủ tịch UBND huyện/g, `Chủ tịch UBND ${unit}`],
    [/UBND cấp xã/g, `UBND ${unit}`],
    [/cấp huyện, cấp xã/g, `của ${unit}`],
    [/cấp huyện/g, `cấp ${unit}`],
    [/HĐND cấp huyện|HĐND huyện/g, `HĐND ${unit}`],
    [/UBND huyện/g, `UBND ${unit}`],
    [/Hội đồng nhân dân huyện/g, `Hội đồng nhân dân ${unit}`],
    [/huyện Bắc Sơn/g, unit],
    [/huyện/g, unit],
    [/HUYỆN/g, unit.toUpperCase()],
  ];
}

const DEPARTMENT_RULES: Rule[] = [
  [SEED_PLAN, "kế hoạch CCHC năm của Sở"],
  [/Văn phòng HĐND và UBND huyện/g, VP_SO],
  [/[Pp]hòng Văn hóa và Thông tin; Trung tâm Văn hóa, Thể thao và Truyền thông/g, VP_SO],
  [/[Pp]hòng Nội vụ/g, VP_SO],
  [/[Pp]hòng Tài chính - Kế hoạch/g, KH_TC_SO],
  [/[Pp]hòng Tư pháp/g, VP_SO],
  [/[Pp]hòng Giáo dục và Đào tạo/g, VP_SO],
  [/[Pp]hòng Văn hóa và Thông tin/g, VP_SO],
  [/Trung tâm Văn hóa, Thể thao và Truyền thông/g, VP_SO],
  [/[Bb]ộ phận [Mm]ột cửa cấp huyện, cấp xã/g, PVHCC_TINH],
  [/Chủ tịch UBND huyện/g, "Giám đốc Sở"],
  [/UBND cấp xã/g, PHONG_SO],
  [/cấp huyện, cấp xã/g, "của Sở"],
  [/cấp huyện/g, "cấp tỉnh"],
  [/HĐND cấp huyện|HĐND huyện/g, "HĐND tỉnh"],
  [/Hội đồng nhân dân huyện/g, "Hội đồng nhân dân tỉnh"],
  [/trực thuộc UBND huyện/g, "trực thuộc Sở"],
  [/UBND huyện/g, "Giám đốc Sở"],
  [/trên địa bàn huyện/g, "trên địa bàn tỉnh"],
  [/huyện Bắc Sơn/g, "Sở"],
  [/thuộc huyện/g, "thuộc Sở"],
  [/của huyện/g, "của Sở"],
  [/huyện/g, "Sở"],
  [/HUYỆN/g, "SỞ"],
];

// ---------------------------------------------------------------------------------------------------------
// Building a profile's catalogue
// ---------------------------------------------------------------------------------------------------------

/** Lead and implementers a profile sets for an entry (by label) or a domain default ("domain:3"). */
type Override = {
  lead: string;
  implementers?: string;
  /** Rules applied to the tasks before the level's own (the seed lead's tasks go to the new lead). */
  taskRules?: Rule[];
};

interface Spec {
  level: UnitLevel;
  agencies: Agency[];
  mapping: OfficeMapping[];
  rules: Rule[];
  /** What "UBND cấp xã" becomes in an implementers field (the unit's own offices). */
  implementersRules: Rule[];
  overrides: Record<string, Override>;
}

function communeSpec(level: "commune" | "ward"): Spec {
  const unit = level === "commune" ? "xã" : "phường";
  const economy = level === "commune" ? KINH_TE : KINH_TE_DO_THI;
  // Procedures, online services and satisfaction: the public administration service centre (one-stop shop).
  const centre: Override = {
    lead: PVHCC,
    implementers: `${VP}; các phòng chuyên môn thuộc UBND ${unit}`,
    taskRules: [[/Văn phòng HĐND và UBND huyện/g, PVHCC]],
  };
  return {
    level,
    agencies: communeAgencies(unit, economy),
    mapping: communeMapping(unit, economy),
    rules: communeRules(unit, economy),
    implementersRules: [[/UBND cấp xã/g, `các phòng chuyên môn thuộc UBND ${unit}`]],
    overrides: {
      "3.5.3": centre,
      "7.2": centre,
      "7.3.1 ; 7.3.2": centre,
      "9": centre,
      "domain:3": centre,
      "domain:9": centre,
    },
  };
}

function departmentSpec(): Spec {
  const procedures: Override = { lead: VP_SO, implementers: `${PVHCC_TINH}; ${PHONG_SO}` };
  return {
    level: "department",
    agencies: departmentAgencies(),
    mapping: departmentMapping(),
    rules: DEPARTMENT_RULES,
    implementersRules: [],
    overrides: {
      "3.5.3": procedures,
      "7.3.1 ; 7.3.2": procedures,
      "9": procedures,
      "domain:3": procedures,
      "domain:9": procedures,
    },
  };
}

function leadFor(seedLead: string, spec: Spec): string {
  const seed = resolveAgency(seedLead);
  const mapped = seed ? spec.mapping.find((m) => m.from === seed.id) : undefined;
  return mapped ? mapped.to : reword(seedLead, spec.rules);
}

function implementersFor(seed: string, spec: Spec): string {
  return dedupeList(reword(reword(seed, spec.implementersRules), spec.rules));
}

/** A task reworded, still starting with a capital where the seed's did ("UBND cấp xã …" → "Các phòng, …"). */
function task(text: string, spec: Spec, o: Override | undefined): string {
  const out = reword(reword(text, o?.taskRules ?? []), spec.rules);
  const first = text.charAt(0);
  return first !== first.toLowerCase() ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

function buildCatalogue(spec: Spec): Catalogue {
  const entry = (e: CatalogueEntry): CatalogueEntry => {
    const o = spec.overrides[e.label];
    return {
      ...e,
      codes: [...e.codes],
      title: reword(e.title, spec.rules),
      lead: o?.lead ?? leadFor(e.lead, spec),
      implementers: o?.implementers ?? implementersFor(e.implementers, spec),
      tasks: e.tasks.map((t) => task(t, spec, o)),
    };
  };
  const domain = (d: DomainDefault): DomainDefault => {
    const o = spec.overrides[`domain:${d.domain}`];
    return {
      ...d,
      title: reword(d.title, spec.rules),
      lead: o?.lead ?? leadFor(d.lead, spec),
      implementers: o?.implementers ?? implementersFor(d.implementers, spec),
      tasks: d.tasks.map((t) => task(t, spec, o)),
    };
  };
  return {
    entries: BUILTIN_ENTRIES.map(entry),
    domains: DOMAIN_DEFAULTS.map(domain),
    fallback: {
      lead: leadFor(GENERIC_FALLBACK.lead, spec),
      implementers: implementersFor(GENERIC_FALLBACK.implementers, spec),
      tasks: GENERIC_FALLBACK.tasks.map((t) => task(t, spec, undefined)),
    },
    agencies: spec.agencies,
  };
}

export interface UnitProfile {
  level: UnitLevel;
  label: { vi: string; en: string };
  /** The catalogue in this level's offices and words (for lookup / lookupCriterion). */
  catalogue: Catalogue;
  /** How each seed office maps to this level (empty for district: the seed itself). */
  mapping: OfficeMapping[];
}

const PROFILES = new Map<UnitLevel, UnitProfile>();

/** The profile of a level; built once and shared (treat as read-only). */
export function unitProfile(level: UnitLevel): UnitProfile {
  let p = PROFILES.get(level);
  if (!p) {
    if (level === "district") {
      p = { level, label: UNIT_LABELS.district, catalogue: builtinCatalogue(), mapping: [] };
    } else {
      const spec = level === "department" ? departmentSpec() : communeSpec(level);
      p = { level, label: UNIT_LABELS[level], catalogue: buildCatalogue(spec), mapping: spec.mapping };
    }
    PROFILES.set(level, p);
  }
  return p;
}

/** "commune" for "commune", "Xã", "xa"…; null for anything else (the CLI's --unit, a sheet's profile cell). */
export function parseUnitLevel(text: string): UnitLevel | null {
  const t = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .trim()
    .toLowerCase();
  const words: Record<string, UnitLevel> = {
    district: "district",
    huyen: "district",
    commune: "commune",
    xa: "commune",
    ward: "ward",
    phuong: "ward",
    department: "department",
    so: "department",
  };
  return words[t] ?? null;
}

export { detectProfile, type DetectedProfile } from "./detectProfile";
