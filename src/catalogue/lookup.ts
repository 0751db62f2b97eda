/**
 * Which lead agency, implementers and tasks a criterion gets: the built-in catalogue (data.ts) plus the user's
 * overrides from the custom catalogue sheet. Pure.
 *
 * Resolution for a code K (nearest first, custom before built-in at each step):
 *   1. an entry for K                                  → match "exact"
 *   2. an entry for the nearest ancestor (7.6.1 → 7.6) → match "inherited"
 *   3. the default of K's domain (first segment)       → match "domain"
 *   4. a domain without a default (a commune's 10)     → match "domain", fallback: true (generic measures)
 *
 * Custom entries replace what the built-in catalogue has AT THE CODE THEY NAME, nothing more:
 *  - a code that a built-in entry lists → replaces that entry for that code only. The 7.2 entry also lists 7.6, so
 *    a custom row for 7.2 leaves 7.6.1 – 7.6.3 on the built-in text (they inherit through 7.6, not 7.2); a custom
 *    row for 7.6 changes them. The exported sheet has a row for each of 7.2 and 7.6, and each row governs its code
 *    and the sub-criteria below it that have no row of their own;
 *  - a domain code ("2") that no built-in entry lists → replaces that domain's default (match stays "domain");
 *  - any other code → a new entry (exact for itself, inherited by its sub-criteria).
 * A blank field in a custom entry (no implementers, say) is taken from what the catalogue would answer for that
 * code without the custom entry, so a row that only renames the lead agency keeps the built-in tasks.
 */

import { DOMAIN_MEANINGS, domainMeaning, type DomainMeaning } from "../core/domainMeaning";
import { SAME_NAME_THRESHOLD, nameSimilarity, sameName, wordsOf } from "../core/sameCriterion";
import { ancestorKeys, parseCode } from "../core/text";
import { boundedMemo } from "../core/boundedMemo";
import {
  AGENCIES,
  BUILTIN_ENTRIES,
  DOMAIN_DEFAULTS,
  GENERIC_FALLBACK,
  type Agency,
  type CatalogueEntry,
  type DomainDefault,
} from "./data";

/** One row of the custom catalogue sheet, read by readCustomSheet. Blank fields are "" / []. */
export interface CustomEntry {
  /** Canonical code key ("7.6"). */
  code: string;
  lead: string;
  implementers: string;
  tasks: string[];
  /** 0-based sheet row it was read from, when read from a sheet. */
  row?: number;
}

export interface Catalogue {
  entries: CatalogueEntry[];
  domains: DomainDefault[];
  /** The user's overrides by code; later entries for the same code win (see withOverrides). */
  custom?: CustomEntry[];
  /** Generic measures for a domain with no default. */
  fallback: Omit<DomainDefault, "domain" | "title">;
  /** Agencies for resolveAgency / findAgencies. */
  agencies: Agency[];
}

/**
 * How an assignment was found. `lookup(code)` answers exact / inherited / domain (its generic fallback is
 * "domain" with fallback: true, as before); `lookupCriterion` answers all five (see there).
 */
export type MatchRule = "exact" | "same-name" | "inherited" | "domain" | "generic";

export interface Assignment {
  /** The code asked for, as a canonical key. */
  code: string;
  match: MatchRule;
  /** Set (true) only for a domain with no default: the generic phòng Nội vụ measures. */
  fallback?: true;
  /** The domain's meaning, when lookupCriterion chose the domain default by it. */
  meaning?: DomainMeaning;
  /** The code key that matched: "7.6" for 7.6.2; the domain ("7") for a domain default or the fallback. */
  from: string;
  /** The matched entry's display code ("7.2" for 7.6.2, "7.3.1 ; 7.3.2"); the domain for domain rules. */
  entry: string;
  source: "builtin" | "custom";
  /** Criterion or domain title, for built-in matches. */
  title?: string;
  lead: string;
  implementers: string;
  tasks: string[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

const BUILTIN: Catalogue = deepFreeze({
  entries: BUILTIN_ENTRIES,
  domains: DOMAIN_DEFAULTS,
  fallback: GENERIC_FALLBACK,
  agencies: AGENCIES,
});

/** The catalogue transcribed from the seed plan, without overrides. Shared and frozen: derive, don't mutate. */
export function builtinCatalogue(): Catalogue {
  return BUILTIN;
}

/**
 * A catalogue with these custom entries on top of the catalogue's own (for a code in both, the new one wins;
 * within customEntries, the first entry for a code wins, as readCustomSheet reports later duplicates).
 */
export function withOverrides(catalogue: Catalogue, customEntries: readonly CustomEntry[]): Catalogue {
  const byCode = new Map<string, CustomEntry>();
  for (const c of catalogue.custom ?? []) byCode.set(c.code, c);
  const seen = new Set<string>();
  for (const c of customEntries) {
    const p = parseCode(c.code);
    if (!p || seen.has(p.key)) continue;
    seen.add(p.key);
    byCode.set(p.key, { ...c, code: p.key, tasks: [...c.tasks] });
  }
  return { ...catalogue, custom: [...byCode.values()] };
}

interface Index {
  builtin: Map<string, CatalogueEntry>;
  domains: Map<string, DomainDefault>;
  custom: Map<string, CustomEntry>;
  /** The entries' titles by word (folded, as nameSimilarity compares them), built on first use. */
  words?: TitleIndex;
  /** candidateEntries by name: a table's names come back on every analysis (apply-all reads four times). */
  candidates?: (name: string) => number[];
}

/**
 * Which entries' titles share a word with a name. A title with no word in common with a name scores 0 in
 * nameSimilarity (no common word, no common word pair), so only these can reach SAME_NAME_THRESHOLD; titles
 * with no words at all are the candidates of a name with none (two empty names score 1).
 */
interface TitleIndex {
  byWord: Map<string, number[]>;
  wordless: number[];
}

function titleIndex(catalogue: Catalogue, ix: Index): TitleIndex {
  if (!ix.words) {
    const byWord = new Map<string, number[]>();
    const wordless: number[] = [];
    catalogue.entries.forEach((e, i) => {
      const words = new Set(wordsOf(e.title));
      if (words.size === 0) wordless.push(i);
      for (const w of words) {
        const list = byWord.get(w);
        if (list) list.push(i);
        else byWord.set(w, [i]);
      }
    });
    ix.words = { byWord, wordless };
  }
  return ix.words;
}

/** Indices (in catalogue order) of the entries whose titles can be the same criterion as `name`. */
function candidateEntries(catalogue: Catalogue, ix: Index, name: string): number[] {
  ix.candidates ??= boundedMemo((n: string) => candidatesUncached(catalogue, ix, n), 50_000);
  return ix.candidates(name);
}

function candidatesUncached(catalogue: Catalogue, ix: Index, name: string): number[] {
  const t = titleIndex(catalogue, ix);
  const words = wordsOf(name);
  if (words.length === 0) return t.wordless;
  const hits = new Set<number>();
  for (const w of words) for (const i of t.byWord.get(w) ?? []) hits.add(i);
  return [...hits].sort((x, y) => x - y);
}

const indexes = new WeakMap<Catalogue, Index>();

function indexOf(catalogue: Catalogue): Index {
  let ix = indexes.get(catalogue);
  if (!ix) {
    const builtin = new Map<string, CatalogueEntry>();
    for (const e of catalogue.entries) for (const c of e.codes) if (!builtin.has(c)) builtin.set(c, e);
    const domains = new Map<string, DomainDefault>();
    for (const d of catalogue.domains) if (!domains.has(d.domain)) domains.set(d.domain, d);
    const custom = new Map<string, CustomEntry>();
    for (const c of catalogue.custom ?? []) custom.set(c.code, c);
    ix = { builtin, domains, custom };
    indexes.set(catalogue, ix);
  }
  return ix;
}

function fromCustom(
  code: string,
  c: CustomEntry,
  match: MatchRule,
  catalogue: Catalogue,
  skip: ReadonlySet<string>,
): Assignment {
  const own: Assignment = {
    code,
    match,
    from: c.code,
    entry: c.code,
    source: "custom",
    lead: c.lead,
    implementers: c.implementers,
    tasks: [...c.tasks],
  };
  if (c.lead !== "" && c.implementers !== "" && c.tasks.length > 0) return own;
  const base = resolve(code, catalogue, new Set([...skip, c.code]));
  return {
    ...own,
    lead: c.lead !== "" ? c.lead : base.lead,
    implementers: c.implementers !== "" ? c.implementers : base.implementers,
    tasks: c.tasks.length > 0 ? own.tasks : base.tasks,
  };
}

function resolve(key: string, catalogue: Catalogue, skip: ReadonlySet<string>): Assignment {
  const ix = indexOf(catalogue);
  const domain = key.split(".")[0];
  for (const c of [key, ...ancestorKeys(key)]) {
    const match: MatchRule = c === key ? "exact" : "inherited";
    const custom = skip.has(c) ? undefined : ix.custom.get(c);
    const builtin = ix.builtin.get(c);
    // A custom domain code that no entry lists replaces the domain default (below), not an entry.
    if (custom && (c !== domain || builtin)) return fromCustom(key, custom, match, catalogue, skip);
    if (builtin) {
      return {
        code: key,
        match,
        from: c,
        entry: builtin.label,
        source: "builtin",
        title: builtin.title,
        lead: builtin.lead,
        implementers: builtin.implementers,
        tasks: [...builtin.tasks],
      };
    }
  }
  const custom = skip.has(domain) ? undefined : ix.custom.get(domain);
  if (custom) return fromCustom(key, custom, "domain", catalogue, skip);
  const d = ix.domains.get(domain);
  if (d) {
    return {
      code: key,
      match: "domain",
      from: domain,
      entry: domain,
      source: "builtin",
      title: d.title,
      lead: d.lead,
      implementers: d.implementers,
      tasks: [...d.tasks],
    };
  }
  const f = catalogue.fallback;
  return {
    code: key,
    match: "domain",
    fallback: true,
    from: domain,
    entry: domain,
    source: "builtin",
    lead: f.lead,
    implementers: f.implementers,
    tasks: [...f.tasks],
  };
}

/**
 * The assignment for a criterion code. `code` should be a canonical key ("7.6.2"); raw codes ("7.6.2.", " VII")
 * are normalised with parseCode. Throws a RangeError for text that is not a code at all.
 */
export function lookup(code: string, catalogue: Catalogue = BUILTIN): Assignment {
  const p = parseCode(code);
  if (!p) throw new RangeError(`Not a criterion code: ${JSON.stringify(code)}`);
  return resolve(p.key, catalogue, new Set());
}

/** "Gợi ý cho đúng tiêu chí này" / "Gợi ý của tiêu chí 7.2" / "Mặc định của lĩnh vực 7", and English; custom says so. */
export function describeMatch(a: Assignment, lang: "vi" | "en"): string {
  const vi = lang === "vi";
  let text: string;
  if (a.match === "same-name") {
    text = vi ? `Cùng tiêu chí ${a.entry} trong danh mục` : `same criterion as ${a.entry} in catalogue`;
  } else if (a.match === "domain" && a.meaning) {
    const label = DOMAIN_MEANINGS.find((m) => m.key === a.meaning)!.label;
    text = vi ? `Mặc định của lĩnh vực ${label.vi}` : `default for ${label.en.toLowerCase()}`;
  } else if (a.fallback) {
    text = vi
      ? `Giải pháp chung (lĩnh vực ${a.from} chưa có trong danh mục)`
      : `general solutions (domain ${a.from} not in catalogue)`;
  } else if (a.match === "exact") {
    text = vi ? "Gợi ý cho đúng tiêu chí này" : "suggested for this criterion";
  } else if (a.match === "inherited") {
    text = vi ? `Gợi ý của tiêu chí ${a.entry}` : `suggested for criterion ${a.entry}`;
  } else {
    text = vi ? `Mặc định của lĩnh vực ${a.from}` : "domain default";
  }
  if (a.source === "custom") text += vi ? " (danh mục riêng của đơn vị)" : " (your own catalogue)";
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// Meaning-based lookup (issue 11 §2)
// ---------------------------------------------------------------------------------------------------------

export interface CriterionQuery {
  /** The code as written in the table ("4.2", "II"). */
  code: string;
  /** The criterion's name as written; "" when unknown (then the code alone decides, as lookup does). */
  name: string;
  /** The name of the domain the criterion sits in, when known: its meaning picks the domain default. */
  domainName?: string;
}

function builtinAssignment(key: string, e: CatalogueEntry, match: MatchRule, from: string): Assignment {
  return {
    code: key,
    match,
    from,
    entry: e.label,
    source: "builtin",
    title: e.title,
    lead: e.lead,
    implementers: e.implementers,
    tasks: [...e.tasks],
  };
}

const BASES = new WeakMap<Catalogue, Catalogue>();

/** The catalogue without its custom entries (cached per catalogue). */
function baseOf(catalogue: Catalogue): Catalogue {
  let b = BASES.get(catalogue);
  if (!b) {
    b = { ...catalogue, custom: [] };
    BASES.set(catalogue, b);
  }
  return b;
}

const norm = (t: string) => t.replace(/\s+/g, " ").trim();

/**
 * A custom row that says what the catalogue itself says at its code (an exported sheet left as written) is no
 * override: it would only pin the catalogue's numbering onto a table numbered otherwise.
 */
function repeatsCatalogue(c: CustomEntry, catalogue: Catalogue): boolean {
  const base = resolve(c.code, baseOf(catalogue), new Set());
  return (
    (c.lead === "" || norm(c.lead) === norm(base.lead)) &&
    (c.implementers === "" || norm(c.implementers) === norm(base.implementers)) &&
    (c.tasks.length === 0 ||
      (c.tasks.length === base.tasks.length && c.tasks.every((t, i) => norm(t) === norm(base.tasks[i]))))
  );
}

/** The catalogue domain whose title has this meaning (the seed's "3" for procedures). */
function domainByMeaning(catalogue: Catalogue, meaning: DomainMeaning): DomainDefault | undefined {
  return catalogue.domains.find((d) => domainMeaning(d.title) === meaning);
}

const NO_SKIP: ReadonlySet<string> = new Set<string>();

/** The custom entry at a code, unless it only repeats the catalogue. */
function customOverride(ix: Index, catalogue: Catalogue, code: string): CustomEntry | undefined {
  if (ix.custom.size === 0) return undefined;
  const c = ix.custom.get(code);
  return c && !repeatsCatalogue(c, catalogue) ? c : undefined;
}

/**
 * The assignment for a criterion of any unit's table, where codes may have been renumbered. In order:
 *  1. a custom entry at the criterion's code (the custom sheet speaks the table's own numbering) → exact;
 *     custom rows that merely repeat the catalogue (an exported sheet left as it was) are not overrides here;
 *  2. the built-in entry at its code, when it is the same criterion (sameName of the names) → exact;
 *  3. the built-in entry whose criterion has the same name, wherever it is numbered → same-name;
 *  4. an ancestor's entry (custom, or built-in of a domain with the same meaning) → inherited;
 *  5. the custom entry for its domain code, else the default of the catalogue domain with the same meaning as
 *     `domainName` (by number only when no domain name is known) → domain;
 *  6. the generic measures → generic (fallback: true).
 * A domain row (code "II") is looked up like a criterion: its own name is its domain name.
 */
export function lookupCriterion(query: CriterionQuery, catalogue: Catalogue = BUILTIN): Assignment {
  const p = parseCode(query.code);
  if (!p) throw new RangeError(`Not a criterion code: ${JSON.stringify(query.code)}`);
  const key = p.key;
  const ix = indexOf(catalogue);
  const dot = key.indexOf(".");
  const domain = dot === -1 ? key : key.slice(0, dot);
  const name = query.name.trim();
  const domainName = (query.domainName ?? (p.depth === 1 ? name : "")).trim();
  const meaning = domainName !== "" ? domainMeaning(domainName) : null;
  const noSkip = NO_SKIP;
  const customAt = (code: string) => customOverride(ix, catalogue, code);

  // 1. custom at the code.
  const ownCustom = customAt(key);
  if (ownCustom && (key !== domain || ix.builtin.has(key)))
    return fromCustom(key, ownCustom, "exact", catalogue, noSkip);

  // 2. built-in at the code, if the same criterion (for a domain row: a domain of the same meaning).
  const own = ix.builtin.get(key);
  if (own) {
    const ownDomain = p.depth === 1 ? ix.domains.get(key) : undefined;
    const same =
      name === "" ||
      sameName(name, own.title) ||
      (ownDomain !== undefined && meaning !== null && domainMeaning(ownDomain.title) === meaning);
    if (same) return builtinAssignment(key, own, "exact", key);
  }

  // 3. the same criterion under another code.
  if (name !== "" && p.depth > 1) {
    let hit: CatalogueEntry | undefined;
    let best = SAME_NAME_THRESHOLD;
    // Entries in catalogue order, as a scan of all of them: a later entry as alike as the best wins.
    for (const i of candidateEntries(catalogue, ix, name)) {
      const e = catalogue.entries[i];
      if (e === own) continue;
      const s = nameSimilarity(name, e.title);
      if (s >= best) {
        best = s;
        hit = e;
      }
    }
    if (hit) return builtinAssignment(key, hit, "same-name", hit.codes[0]);
  }

  // 4. an ancestor's entry, nearest first ("7.6.1" → "7.6"), down to the domain (left to step 5).
  for (let cut = key.lastIndexOf("."); cut !== -1; cut = key.lastIndexOf(".", cut - 1)) {
    const c = key.slice(0, cut);
    if (c === domain) break;
    const custom = customAt(c);
    if (custom) return fromCustom(key, custom, "inherited", catalogue, noSkip);
    const e = ix.builtin.get(c);
    if (!e) continue;
    const entryDomain = ix.domains.get(domain);
    const entryMeaning = entryDomain ? domainMeaning(entryDomain.title) : null;
    if (meaning === null || entryMeaning === null || meaning === entryMeaning)
      return builtinAssignment(key, e, "inherited", c);
  }

  // 5. the domain.
  const domainCustom = customAt(domain);
  if (domainCustom) return fromCustom(key, domainCustom, "domain", catalogue, noSkip);
  const d =
    meaning !== null
      ? domainByMeaning(catalogue, meaning)
      : domainName === ""
        ? ix.domains.get(domain)
        : undefined;
  if (d) {
    // A domain whose whole text is one catalogue entry (the seed's satisfaction domain, "9") answers with it.
    const whole = ix.builtin.get(d.domain);
    if (whole)
      return { ...builtinAssignment(key, whole, "domain", d.domain), ...(meaning ? { meaning } : {}) };
    return {
      code: key,
      match: "domain",
      from: d.domain,
      entry: d.domain,
      source: "builtin",
      title: d.title,
      lead: d.lead,
      implementers: d.implementers,
      tasks: [...d.tasks],
      ...(meaning ? { meaning } : {}),
    };
  }

  // 6. generic.
  const f = catalogue.fallback;
  return {
    code: key,
    match: "generic",
    fallback: true,
    from: domain,
    entry: domain,
    source: "builtin",
    lead: f.lead,
    implementers: f.implementers,
    tasks: [...f.tasks],
  };
}
