/**
 * The plan document ("Kế hoạch nâng cao Chỉ số cải cách hành chính") as data: a plain input (what the
 * workbook holds: the unit, the year's results, who does what, the plan sheet's rows, optionally last year's
 * comparison) and `buildPlanDocument`, which lays it out in the seed plan's structure — header block, title,
 * căn cứ, I … IV, Nơi nhận, signature, appendix — as blocks a renderer turns into a file (docx.ts).
 * Pure: no DOM, no I/O; the same in the browser and in Node.
 */
import type { ComparedRow, Comparison } from "../core/comparison";
import { formatScore, round2 } from "../core/numbers";
import { fold } from "../core/text";
import {
  BLANK,
  LEVEL_WORDS,
  WORDS,
  capitalise,
  decapitalise,
  sentenceCase,
  twoDigits,
  unitPhrase,
  withPeriod,
  type UnitLevel,
} from "./text";

export type { UnitLevel } from "./text";

// ---------------------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------------------

export interface PlanUnit {
  /** The unit's proper name ("Bắc Sơn"); a department's full name ("Sở Tư pháp"). */
  name: string;
  level: UnitLevel;
  /** The issuing body as the header block writes it ("ỦY BAN NHÂN DÂN\nHUYỆN BẮC SƠN"); lines split on \n. */
  issuingBody: string;
  /** The body above it, written above the issuing body in the header block ("UBND TỈNH LẠNG SƠN"), if any. */
  parentBody?: string;
  /** The place in "[place], ngày … tháng … năm …". */
  place: string;
  /** The symbol after "Số: /" ("KH-UBND"); the level's default when absent. */
  symbol?: string;
}

export interface PlanTotal {
  max: number;
  achieved: number;
  /** Computed percent (85.3 for 85,30%), or null when max is 0. */
  percent: number | null;
  /** The official percent the sheet states, when it states one: the document uses it. */
  statedPercent?: number | null;
}

/** One unmet criterion (or a domain scored as a whole, such as domain 9: then code is the domain's). */
export interface PlanCriterion {
  code: string;
  name: string;
  /** 1 for a domain scored as a whole, 2+ for criteria. */
  level: number;
  max: number | null;
  achieved: number | null;
  gap: number | null;
  reason: string;
  /** "Cơ quan chủ trì tham mưu" (the sheet's column, else the catalogue's). */
  lead: string;
  /** "Cơ quan thực hiện". */
  implementers: string;
  /** "Nhiệm vụ, giải pháp", one item per task. */
  tasks: string[];
}

/** A domain of the results table with its unmet criteria (none for a met domain). */
export interface PlanDomain {
  code: string;
  name: string;
  max: number | null;
  achieved: number | null;
  gap: number | null;
  criteria: PlanCriterion[];
}

/** A row of the plan sheet ("Kế hoạch khắc phục"), with the user's deadline and status. */
export interface PlanTaskRow {
  criterion: string;
  task: string;
  lead: string;
  implementers: string;
  deadline: string;
  status: string;
}

export interface PlanDocumentInput {
  unit: PlanUnit;
  /** N: the year the results are for; the plan is for N + 1. */
  year: number;
  total: PlanTotal;
  domains: PlanDomain[];
  /** §III.1 "Giải pháp chung", in order. */
  generalSolutions: string[];
  /** The appendix table; no appendix when empty. */
  tasks: PlanTaskRow[];
  /** Year N − 1 against year N (src/core/comparison.ts), for §II. */
  comparison?: Comparison;
  /** The "Căn cứ …" paragraphs; a blank one for the user to complete when absent. */
  bases?: string[];
  /** "xếp hạng 02/11 …", when known. */
  rank?: { position: number; of: number };
  /** "Nơi nhận" lines; the level's default when absent. */
  recipients?: string[];
  /** The signer's name under the signature block. */
  signer?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface TableColumn {
  title: string;
  /** Share of the text width, in percent. */
  width: number;
  align: "left" | "center" | "right";
}

export interface TableRow {
  cells: string[];
  bold?: boolean;
}

export type Block =
  /** level 1: "I. …" (bold, capitals); 2: "1. Mục đích" (bold); 3: "2.1. …", agency names (bold). */
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  /** A body paragraph, justified with a first-line indent unless `align` says otherwise. */
  | { kind: "paragraph"; runs: Run[]; align?: "center" | "justify" }
  /** A table whose first row (the column titles) repeats on every page. */
  | { kind: "table"; role: "results" | "appendix"; columns: TableColumn[]; rows: TableRow[] };

export type SectionId = "bases" | "opening" | "I" | "II" | "III" | "IV" | "closing";

export interface Section {
  id: SectionId;
  blocks: Block[];
}

export interface PlanDocument {
  header: {
    /** Left column, top: the parent body (not bold), if any. */
    parentBody: string | null;
    /** Left column: the issuing body's lines (bold). */
    issuingBody: string[];
    /** "Số:      /KH-UBND". */
    number: string;
    /** Right column: the national motto, two lines. */
    motto: [string, string];
    /** "[place], ngày      tháng      năm N+1" (italic). */
    dateLine: string;
  };
  title: { kind: string; subtitle: string };
  sections: Section[];
  recipients: { title: string; lines: string[] };
  signature: { lines: string[]; name: string };
  appendix: { title: string[]; note: string; table: Extract<Block, { kind: "table" }> } | null;
}

// ---------------------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------------------

const score = (x: number | null | undefined) => formatScore(x, "vi");
const para = (text: string, bold = false): Block => ({ kind: "paragraph", runs: [{ text, bold }] });
const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: "heading", level, text });

/** 85.296… → "85,30%": the Vietnamese way, two decimals. */
export function formatPercent(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? BLANK : `${score(x)}%`;
}

/** The percent the document states: the sheet's official one when it has one, else the computed one. */
export function documentPercent(total: PlanTotal): number | null {
  if (total.statedPercent !== null && total.statedPercent !== undefined) return total.statedPercent;
  if (total.percent !== null && total.percent !== undefined) return total.percent;
  return total.max > 0 ? round2((total.achieved / total.max) * 100) : null;
}

/** Criteria of one domain that share one remedy (same lead, implementers and tasks), in order: "7.3.1 ; 7.3.2". */
interface RemedyGroup {
  criteria: PlanCriterion[];
}

function sameRemedy(a: PlanCriterion, b: PlanCriterion): boolean {
  return (
    fold(a.lead) === fold(b.lead) &&
    fold(a.implementers) === fold(b.implementers) &&
    a.tasks.length === b.tasks.length &&
    a.tasks.every((t, i) => fold(t) === fold(b.tasks[i]))
  );
}

function groupRemedies(criteria: readonly PlanCriterion[]): RemedyGroup[] {
  const groups: RemedyGroup[] = [];
  for (const c of criteria) {
    const last = groups[groups.length - 1];
    if (last && c.level > 1 && last.criteria[0].level > 1 && sameRemedy(last.criteria[0], c))
      last.criteria.push(c);
    else groups.push({ criteria: [c] });
  }
  return groups;
}

/** Domains that have something to fix, in table order. */
function unmetDomains(input: PlanDocumentInput): PlanDomain[] {
  return input.domains.filter((d) => d.criteria.length > 0);
}

function rankText(input: PlanDocumentInput): string {
  const r = input.rank;
  if (!r) return "";
  return `, xếp hạng ${twoDigits(r.position)}/${twoDigits(r.of)} ${LEVEL_WORDS[input.unit.level].rankedAmong}`;
}

function issuer(input: PlanDocumentInput): string {
  const w = LEVEL_WORDS[input.unit.level];
  return input.unit.level === "department" ? input.unit.name.trim() : w.bodyFull;
}

function buildBases(input: PlanDocumentInput): Section {
  const bases = input.bases && input.bases.length > 0 ? input.bases : [WORDS.basesPlaceholder];
  return {
    id: "bases",
    blocks: bases.map((b) => ({ kind: "paragraph", runs: [{ text: b, italic: true }] })),
  };
}

function buildOpening(input: PlanDocumentInput, unit: string): Section {
  const w = LEVEL_WORDS[input.unit.level];
  const text = WORDS.opening(
    unit,
    input.year,
    formatPercent(documentPercent(input.total)),
    rankText(input),
    w,
    issuer(input),
  );
  return { id: "opening", blocks: [para(text)] };
}

function buildPurpose(input: PlanDocumentInput): Section {
  const w = LEVEL_WORDS[input.unit.level];
  return {
    id: "I",
    blocks: [
      heading(1, WORDS.heading.I),
      heading(2, WORDS.heading.I1),
      ...WORDS.purpose(input.year).map((t) => para(t)),
      heading(2, WORDS.heading.I2),
      ...WORDS.requirements(w).map((t) => para(t)),
    ],
  };
}

function resultsTable(input: PlanDocumentInput): Extract<Block, { kind: "table" }> {
  const [tt, name, max, achieved, gap, reason] = WORDS.resultColumns;
  const columns: TableColumn[] = [
    { title: tt, width: 8, align: "center" },
    { title: name, width: 33, align: "left" },
    { title: max, width: 10, align: "center" },
    { title: achieved, width: 10, align: "center" },
    { title: gap, width: 11, align: "center" },
    { title: reason, width: 28, align: "left" },
  ];
  const rows: TableRow[] = [];
  for (const d of input.domains) {
    const whole = d.criteria.find((c) => c.code === d.code);
    rows.push({
      cells: [d.code, d.name, score(d.max), score(d.achieved), score(d.gap), whole?.reason ?? ""],
      bold: true,
    });
    for (const c of d.criteria) {
      if (c.code === d.code) continue;
      rows.push({ cells: [c.code, c.name, score(c.max), score(c.achieved), score(c.gap), c.reason] });
    }
  }
  const t = input.total;
  rows.push({
    cells: ["", WORDS.totalRow, score(t.max), score(t.achieved), score(round2(t.max - t.achieved)), ""],
    bold: true,
  });
  return { kind: "table", role: "results", columns, rows };
}

function describeRow(r: ComparedRow): string {
  const label = r.level === 1 ? `Lĩnh vực ${r.code ?? ""}` : `Tiêu chí ${r.code ?? ""}`;
  const before = score(r.before?.achieved ?? null);
  const after = score(r.after?.achieved ?? null);
  return `- ${label.trim()} (${decapitalise(sentenceCase(r.name))}): từ ${before} ${
    (r.delta ?? 0) >= 0 ? "lên" : "xuống"
  } ${after} điểm;`;
}

function codesOf(rows: readonly ComparedRow[]): string {
  return rows.length === 0 ? WORDS.comparison.none : `${rows.map((r) => r.code ?? r.name).join(", ")}.`;
}

/** §II's comparison sentences: the total, then what improved, regressed, stayed and newly became unmet. */
export function comparisonBlocks(c: Comparison, year: number): Block[] {
  const prev = year - 1;
  const d = round2(c.total.delta);
  const blocks: Block[] = [
    para(
      WORDS.comparison.total(
        prev,
        score(Math.abs(d)),
        score(c.total.before.achieved),
        score(c.total.after.achieved),
        d === 0 ? null : d > 0,
      ),
    ),
  ];
  const improved = c.rows.filter((r) => r.trend === "improved");
  const regressed = c.rows.filter((r) => r.trend === "regressed");
  blocks.push(
    para(
      improved.length ? WORDS.comparison.improved : WORDS.comparison.improved + " " + WORDS.comparison.none,
    ),
  );
  for (const r of improved) blocks.push(para(describeRow(r)));
  blocks.push(
    para(
      regressed.length
        ? WORDS.comparison.regressed
        : WORDS.comparison.regressed + " " + WORDS.comparison.none,
    ),
  );
  for (const r of regressed) blocks.push(para(describeRow(r)));
  const criteria = c.rows.filter(
    (r) => r.level > 1 || !c.rows.some((x) => x !== r && x.level > 1 && sameDomain(x, r)),
  );
  blocks.push(para(WORDS.comparison.stillUnmet(prev) + codesOf(criteria.filter((r) => r.stillUnmet))));
  blocks.push(para(WORDS.comparison.newlyUnmet + codesOf(criteria.filter((r) => r.newlyUnmet))));
  return blocks;
}

/** Whether criterion row x sits under domain row d (by code). */
function sameDomain(x: ComparedRow, d: ComparedRow): boolean {
  return !!x.code && !!d.code && x.code.startsWith(`${d.code}.`);
}

function buildResults(input: PlanDocumentInput, unit: string): Section {
  const t = input.total;
  const blocks: Block[] = [
    heading(1, WORDS.heading.II(input.year)),
    {
      kind: "paragraph",
      runs: splitBold(
        WORDS.result(
          input.year,
          unit,
          `${score(t.achieved)}/${score(t.max)}`,
          formatPercent(documentPercent(t)),
          rankText(input),
        ),
        [`${score(t.achieved)}/${score(t.max)}`, formatPercent(documentPercent(t))],
      ),
    },
    para(WORDS.domainsIntro(input.year, input.domains.length)),
    resultsTable(input),
  ];
  if (input.comparison) blocks.push(...comparisonBlocks(input.comparison, input.year));
  return { id: "II", blocks };
}

/** Runs of `text` with each of `bold` (in order of appearance) in bold. */
function splitBold(text: string, bold: readonly string[]): Run[] {
  const runs: Run[] = [];
  let rest = text;
  for (const b of bold) {
    const at = rest.indexOf(b);
    if (at < 0) continue;
    if (at > 0) runs.push({ text: rest.slice(0, at) });
    runs.push({ text: b, bold: true });
    rest = rest.slice(at + b.length);
  }
  if (rest) runs.push({ text: rest });
  return runs;
}

function remedyBlocks(group: RemedyGroup, domain: PlanDomain): Block[] {
  const first = group.criteria[0];
  const blocks: Block[] = [];
  if (!(group.criteria.length === 1 && first.code === domain.code)) {
    const codes = group.criteria.map((c) => c.code).join(" ; ");
    const names = group.criteria.map((c) => decapitalise(c.name.trim())).join("; ");
    blocks.push({
      kind: "paragraph",
      runs: [
        { text: WORDS.criterion(codes), bold: true },
        { text: names, italic: true },
      ],
    });
  }
  const lead = first.lead.trim() ? withPeriod(first.lead) : BLANK;
  const implementers = first.implementers.trim() ? withPeriod(first.implementers) : BLANK;
  blocks.push(
    { kind: "paragraph", runs: [{ text: "- " }, { text: WORDS.lead }, { text: lead }] },
    { kind: "paragraph", runs: [{ text: "- " }, { text: WORDS.implementers }, { text: implementers }] },
  );
  const tasks = first.tasks.map((t) => t.trim()).filter((t) => t !== "");
  if (tasks.length <= 1) {
    blocks.push(para(`- ${WORDS.tasks} ${tasks.length ? withPeriod(tasks[0]) : BLANK}`));
  } else {
    blocks.push(para(`- ${WORDS.tasks}`));
    for (const t of tasks) blocks.push(para(`+ ${withPeriod(capitalise(t))}`));
  }
  return blocks;
}

function buildSolutions(input: PlanDocumentInput): Section {
  const blocks: Block[] = [heading(1, WORDS.heading.III), heading(2, WORDS.heading.III1)];
  input.generalSolutions.forEach((s, i) => blocks.push(para(`1.${i + 1}. ${withPeriod(s)}`)));
  blocks.push(heading(2, WORDS.heading.III2(input.year)));
  unmetDomains(input).forEach((d, i) => {
    blocks.push(heading(3, `2.${i + 1}. ${sentenceCase(d.name)}`));
    for (const g of groupRemedies(d.criteria)) blocks.push(...remedyBlocks(g, d));
  });
  return { id: "III", blocks };
}

/** Lead agencies in order of first appearance, each with the criteria it leads, by domain. */
export function criteriaByLead(
  domains: readonly PlanDomain[],
): { lead: string; domains: { domain: PlanDomain; criteria: PlanCriterion[] }[] }[] {
  const byKey = new Map<
    string,
    { lead: string; domains: { domain: PlanDomain; criteria: PlanCriterion[] }[] }
  >();
  for (const d of domains) {
    for (const c of d.criteria) {
      const lead = c.lead.trim().replace(/[.;,]+$/, "");
      if (lead === "") continue;
      const key = fold(lead);
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { lead: capitalise(lead), domains: [] }));
      let slot = entry.domains.find((x) => x.domain === d);
      if (!slot) entry.domains.push((slot = { domain: d, criteria: [] }));
      slot.criteria.push(c);
    }
  }
  return [...byKey.values()];
}

function buildOrganisation(input: PlanDocumentInput): Section {
  const w = LEVEL_WORDS[input.unit.level];
  const blocks: Block[] = [heading(1, WORDS.heading.IV)];
  let n = 0;
  for (const agency of criteriaByLead(input.domains)) {
    blocks.push(heading(3, `${++n}. ${agency.lead}`));
    blocks.push(para(`a) ${WORDS.leads(w)}`));
    for (const { domain, criteria } of agency.domains) {
      const whole = criteria.length === 1 && criteria[0].code === domain.code;
      const what = whole ? "toàn bộ lĩnh vực" : `tiêu chí ${criteria.map((c) => c.code).join(", ")}`;
      blocks.push(para(`- ${sentenceCase(domain.name)}: ${what};`));
    }
    blocks.push(para(`b) ${WORDS.leadDuty(w)}`));
  }
  blocks.push(heading(3, `${++n}. ${WORDS.implementersHeading}`));
  blocks.push(para(WORDS.implementersDuty(input.year + 1)));
  if (input.unit.level === "district") {
    blocks.push(heading(3, `${++n}. ${WORDS.belowHeading}`));
    blocks.push(para(WORDS.belowDuty));
  }
  return { id: "IV", blocks };
}

function buildAppendix(input: PlanDocumentInput, symbol: string): PlanDocument["appendix"] {
  if (input.tasks.length === 0) return null;
  const widths = [6, 11, 33, 15, 15, 10, 10];
  const columns: TableColumn[] = WORDS.appendixColumns.map((title, i) => ({
    title,
    width: widths[i],
    align: i === 0 || i === 1 || i >= 5 ? "center" : "left",
  }));
  const rows: TableRow[] = input.tasks.map((t, i) => ({
    cells: [String(i + 1), t.criterion, t.task, t.lead, t.implementers, t.deadline, t.status],
  }));
  return {
    title: [WORDS.heading.appendix, WORDS.appendixTitle(input.year + 1)],
    note: WORDS.appendixNote(symbol, input.year + 1, unitBody(input)),
    table: { kind: "table", role: "appendix", columns, rows },
  };
}

/** "UBND huyện Bắc Sơn"; a department's own name. */
function unitBody(input: PlanDocumentInput): string {
  if (input.unit.level === "department") return input.unit.name.trim();
  return `UBND ${unitPhrase(input.unit.name, input.unit.level)}`;
}

/** Lays the plan out in the seed's structure. Pure; never throws on empty or partial input. */
export function buildPlanDocument(input: PlanDocumentInput): PlanDocument {
  const w = LEVEL_WORDS[input.unit.level];
  const unit = unitPhrase(input.unit.name, input.unit.level);
  const symbol = input.unit.symbol?.trim() || w.symbol;
  const planYear = input.year + 1;
  const issuing = input.unit.issuingBody
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return {
    header: {
      parentBody: input.unit.parentBody?.trim() || null,
      issuingBody: issuing,
      number: WORDS.number(symbol),
      motto: [WORDS.motto[0], WORDS.motto[1]],
      dateLine: WORDS.dateLine(input.unit.place.trim() || BLANK, planYear),
    },
    title: { kind: WORDS.kind, subtitle: WORDS.subtitle(unit, planYear) },
    sections: [
      buildBases(input),
      buildOpening(input, unit),
      buildPurpose(input),
      buildResults(input, unit),
      buildSolutions(input),
      buildOrganisation(input),
      { id: "closing", blocks: [para(WORDS.closing(unit, planYear, w))] },
    ],
    recipients: {
      title: WORDS.heading.recipients,
      lines: (input.recipients && input.recipients.length > 0 ? input.recipients : w.recipients).map((l) =>
        l.startsWith("-") ? l : `- ${l}`,
      ),
    },
    signature: { lines: [...w.signature], name: input.signer?.trim() ?? "" },
    appendix: buildAppendix(input, symbol),
  };
}
