/**
 * The commands every front end runs (panel, ribbon, playground, CLI): snapshot in, change set + its inverse +
 * a summary out. Wires the pure core to the catalogue; knows nothing of Excel, ExcelJS or the DOM. What
 * each command plans and reports is its entry in ./registry.ts.
 */
import {
  analyzeSheet,
  prepare,
  issueMessage,
  isSubItemKey,
  rowsNeedingRemedy,
  round2,
  type Analysis,
  type ChangeSet,
  type CriterionRow,
  type PreparedOk,
  type Lang,
  type LegacyEncoding,
  type RemedyField,
  type RemedySource,
  type SheetSnapshot,
  type Status,
  type WorkbookSnapshot,
  unicodeView,
  withUnicodeFont,
} from "../core";
import { sum2 } from "../core/numbers";
import {
  CATALOGUE_SHEET_NAME,
  builtinCatalogue,
  catalogueRows,
  describeMatch,
  lookup,
  lookupCriterion,
  readCustomSheet,
  withOverrides,
  type Assignment,
  type Catalogue,
  type CatalogueProblem,
} from "../catalogue";
import { describeError, hasCode, userError, type Bilingual, type UserError } from "./errors";
import { commandSpec, COMMANDS, withNotes, type CommandId, type ResultFacts } from "./registry";
import { catalogueOfLevel, unitOfAnalysis, type ResolvedUnit, type UnitLevel } from "./units";

export { COMMANDS, type CommandId, type Bilingual };

export interface CriterionView {
  row: number;
  code: string | null;
  name: string;
  level: number;
  max: number | null;
  achieved: number | null;
  gap: number | null;
  percent: number | null;
  /** The self-assessed score when the table also has an appraised one (issue 11 item 3), else null. */
  self: number | null;
  /**
   * self − achieved: the points the appraisal cut (core's CriterionRow.selfDiff), when the row has both
   * scores and was appraised; null otherwise (a row not appraised yet counts its self score: nothing cut).
   */
  selfDiff: number | null;
  status: Status;
  lead: string;
  implementers: string;
  tasks: string[];
  match: Assignment["match"] | null;
  matchText: Bilingual | null;
}

export interface Summary {
  sheet: string;
  table: { headerRow: number; firstRow: number; lastRow: number };
  total: {
    max: number;
    achieved: number;
    gap: number;
    percent: number | null;
    /** Bonus and penalty points (issue 11 item 4), 0 when the table has none. */
    bonus: number;
    penalty: number;
    /** The final score when a bonus/penalty block follows the total row, else null. */
    final: number | null;
    /** The self-assessed total when the table has appraised scores too, else null. */
    self: number | null;
    /** Where the bonus/penalty block is: above the total row (in it), below it, or null without one. */
    adjustments: "above" | "below" | null;
    /** Σ domain achieved: the total before any bonus/penalty block (= achieved without one). */
    domainsAchieved: number;
    /**
     * self − domainsAchieved: the points the appraisal cut from the domains (bonus and penalty left out of
     * both sides), when the table has self-assessed scores, else null.
     */
    selfDiff: number | null;
  };
  /** Every criterion row, in sheet order. */
  rows: CriterionView[];
  /** Criteria that need a plan, largest gap first. */
  unmet: CriterionView[];
  /** Level-1 rows, for the domain chart. */
  domains: CriterionView[];
  issues: { row: number; code: string | null; kind: string; message: Bilingual }[];
  catalogueProblems: CatalogueProblem[];
  /**
   * Present when the sheet is typed in a legacy encoding (TCVN3 or VNI): the panel offers "Chuyển sang Unicode
   * / Convert to Unicode" (the `convert-unicode` command). Names above are already in Unicode.
   */
  legacyEncoding?: LegacyEncoding;
  /** The unit the catalogue is for: the level chosen (panel, `--unit`) or detected from the titles (./units.ts). */
  unit?: ResolvedUnit;
}

export type Outcome =
  | {
      ok: true;
      changeSet: ChangeSet;
      /** The change set prepared on the snapshot (core's prepare): what a host applies. */
      prepared: PreparedOk;
      inverse: ChangeSet | null;
      summary: Summary;
      result: Bilingual;
    }
  | { ok: false; error: UserError };

export interface CommandOptions {
  lang?: Lang;
  /** For clear-highlight: the snapshot the last highlight was planned from, to restore its fills. */
  before?: SheetSnapshot;
  /** Derive the inverse change set (for undo); batch callers that never undo can skip it. Default true. */
  inverse?: boolean;
  /** The unit's level the user chose (`--unit`, the panel); else detected from the titles (./units.ts). */
  unit?: UnitLevel | null;
  /** Replace a stated total that differs from the recomputed one with formulas (CLI `--replace-total`). */
  replaceTotal?: boolean;
}

/**
 * The catalogue in force: the unit's (./units.ts: the chosen level, else the one the table's titles name,
 * else district) with the custom sheet's overrides, if the workbook has one.
 */
export function catalogueFor(
  ws: WorkbookSnapshot,
  unit?: { analysis?: Pick<Analysis, "table"> | null; level?: UnitLevel | null },
): { catalogue: Catalogue; problems: CatalogueProblem[] } {
  const level = unit ? unitOfAnalysis(ws.active, unit.analysis ?? null, unit.level).level : "district";
  const base = level === "district" ? builtinCatalogue() : catalogueOfLevel(level);
  const custom =
    ws.others?.[CATALOGUE_SHEET_NAME] ?? (ws.active.name === CATALOGUE_SHEET_NAME ? ws.active : undefined);
  if (!custom) return { catalogue: base, problems: [] };
  const read = readCustomSheet(custom);
  return { catalogue: withOverrides(base, read.entries), problems: read.problems };
}

/**
 * A row's assignment by meaning (catalogue lookupCriterion: exact | same-name | inherited | domain |
 * generic). A row without a code takes its nearest coded ancestor's code; its domain's name picks the
 * domain default where codes were renumbered.
 */
function lookupRow(r: CriterionRow, a: Analysis, catalogue: Catalogue): Assignment {
  // A lettered sub-item («a)» under 1.3, key "1.3.a") is part of its criterion: it asks the criterion's question.
  while (r.key !== null && isSubItemKey(r.key) && r.parent !== null) r = a.rows[r.parent];
  let key = r.key;
  for (let p = r.parent; !key && p !== null; p = a.rows[p].parent) key = a.rows[p].key;
  if (!key) return lookup("0", catalogue);
  let top = r;
  while (top.parent !== null) top = a.rows[top.parent];
  const domainName = top !== r && top.level === 1 ? top.name : undefined;
  return lookupQuestion(catalogue, key, r.key ? r.name : "", domainName);
}

/**
 * The catalogue's answers by question (code key, name, domain name), remembered per catalogue: apply-all asks
 * the same questions in three steps (the summary, assign, the plan sheet), each on an analysis of its own, and
 * the lookup is pure. Frozen, since every caller shares the one answer.
 */
const answers = new WeakMap<Catalogue, Map<string, Assignment>>();
const ANSWERS_LIMIT = 50_000;

function lookupQuestion(catalogue: Catalogue, key: string, name: string, domainName: string | undefined) {
  let known = answers.get(catalogue);
  if (!known) answers.set(catalogue, (known = new Map()));
  const q = `${key}\u0000${name}\u0000${domainName ?? "\u0001"}`;
  let answer = known.get(q);
  if (answer) return answer;
  try {
    answer = lookupCriterion({ code: key, name, domainName }, catalogue);
  } catch {
    answer = lookup(key, catalogue);
  }
  Object.freeze(answer.tasks);
  Object.freeze(answer);
  if (known.size >= ANSWERS_LIMIT) known.clear();
  known.set(q, answer);
  return answer;
}

const sources = new WeakMap<Catalogue, RemedySource>();

/** The catalogue as the core's RemedySource: answers, and which texts are the catalogue's own. */
export function remedySource(catalogue: Catalogue): RemedySource {
  let source = sources.get(catalogue);
  if (!source) sources.set(catalogue, (source = buildRemedySource(catalogue)));
  return source;
}

function buildRemedySource(catalogue: Catalogue): RemedySource {
  const known: Record<RemedyField, Set<string>> = {
    lead: new Set(),
    implementers: new Set(),
    tasks: new Set(),
  };
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  const add = (lead: string, implementers: string, tasks: readonly string[]) => {
    known.lead.add(norm(lead));
    known.implementers.add(norm(implementers));
    for (const t of tasks) known.tasks.add(norm(t));
  };
  for (const e of catalogue.entries) add(e.lead, e.implementers, e.tasks);
  for (const d of catalogue.domains) add(d.lead, d.implementers, d.tasks);
  add(catalogue.fallback.lead, catalogue.fallback.implementers, catalogue.fallback.tasks);
  for (const r of catalogueRows(catalogue)) add(r.lead, r.implementers, r.tasks);
  return {
    // The catalogue's answer, shared and frozen (lookupQuestion remembers it for every step that asks).
    remedy: (r, a) => lookupRow(r, a, catalogue),
    produced: (field, text) => {
      if (field !== "tasks") return known[field].has(norm(text));
      const lines = text.split(/\r?\n/).map(norm).filter(Boolean);
      return lines.length > 0 && lines.every((l) => known.tasks.has(l));
    },
  };
}

function summarize(
  a: Analysis,
  catalogue: Catalogue,
  problems: CatalogueProblem[],
  encoding: LegacyEncoding | null = null,
): Summary {
  const needing = new Set(rowsNeedingRemedy(a));
  const view = (r: CriterionRow): CriterionView => {
    const m = needing.has(r) ? lookupRow(r, a, catalogue) : null;
    return {
      row: r.row,
      code: r.code,
      name: r.name,
      level: r.level,
      max: r.max,
      achieved: r.achieved,
      gap: r.gap,
      percent: r.percent,
      self: r.self,
      selfDiff: r.selfDiff,
      status: r.status,
      lead: m?.lead ?? "",
      implementers: m?.implementers ?? "",
      tasks: m?.tasks ?? [],
      match: m?.match ?? null,
      matchText: m ? { vi: describeMatch(m, "vi"), en: describeMatch(m, "en") } : null,
    };
  };
  const rows = a.rows.map(view);
  const byRow = new Map(rows.map((v) => [v.row, v]));
  // The total's parts are the domains with both scores (core/total.ts): their sum is the total before the block.
  const domainsAchieved = sum2(a.total.parts.map((i) => a.rows[i].achieved!));
  return {
    sheet: a.table.sheet,
    table: { headerRow: a.table.headerRow, firstRow: a.table.firstRow, lastRow: a.table.lastRow },
    total: {
      max: a.total.max,
      achieved: a.total.achieved,
      gap: a.total.gap,
      percent: a.total.percent,
      bonus: a.total.bonus,
      penalty: a.total.penalty,
      final: a.total.final,
      self: a.total.self,
      adjustments: a.total.adjustments,
      domainsAchieved,
      selfDiff: a.total.self === null ? null : round2(a.total.self - domainsAchieved),
    },
    rows,
    unmet: [...needing]
      .map((r) => byRow.get(r.row)!)
      .sort((x, y) => (y.gap ?? 0) - (x.gap ?? 0) || x.row - y.row),
    domains: a.total.parts.map((i) => byRow.get(a.rows[i].row)!),
    issues: a.issues.map((i) => ({
      row: i.row,
      code: i.code,
      kind: i.kind,
      message: { vi: issueMessage(i, "vi"), en: issueMessage(i, "en") },
    })),
    catalogueProblems: problems,
    ...(encoding ? { legacyEncoding: encoding } : {}),
  };
}

/** Reads the workbook without planning anything: what the panel shows before the user presses a button. */
export function analyzeWorkbook(
  ws: WorkbookSnapshot,
  opts: { unit?: UnitLevel | null } = {},
): { ok: true; summary: Summary; analysis: Analysis } | { ok: false; error: UserError } {
  const view = unicodeView(ws.active);
  const a = analyzeSheet(view.sheet);
  if (!a.ok) return { ok: false, error: userError(a.error) };
  const { catalogue, problems } = catalogueFor(ws, { analysis: a, level: opts.unit });
  const summary = summarize(a, catalogue, problems, view.encoding);
  return { ok: true, summary: { ...summary, unit: unitOfAnalysis(view.sheet, a, opts.unit) }, analysis: a };
}

/** A command planned, not yet prepared (planChange). */
export type Planned =
  | {
      ok: true;
      changeSet: ChangeSet;
      /** The summary of the table; null when `summary: false` was asked. */
      summary: Summary | null;
      result: Bilingual;
    }
  | { ok: false; error: UserError };

/** The active sheet as the planners read it: seen as Unicode (a TCVN3 or VNI sheet), and its table analysed. */
export interface SheetReading {
  view: ReturnType<typeof unicodeView>;
  analysis: ReturnType<typeof analyzeSheet>;
}

/** Reads the active sheet of `ws` the way planChange does (apply-all shares one reading between two steps). */
export function readSheet(ws: WorkbookSnapshot): SheetReading {
  // A sheet typed in TCVN3 or VNI is analysed as Unicode; the planners write over the sheet as it is.
  const view = unicodeView(ws.active);
  return { view, analysis: analyzeSheet(view.sheet) };
}

/**
 * Plans one command on a snapshot: the change set, the summary of the table (unless `summary` is false: a
 * later step of apply-all, whose summary nobody reads) and a result line. Not prepared: see planCommand.
 * `reading` is readSheet(ws) when the caller already has it, or what ./sameReading.ts vouches is the same
 * (apply-all's later steps, ./applyAll.ts); without it the sheet is read here.
 */
export function planChange(
  ws: WorkbookSnapshot,
  command: CommandId,
  opts: CommandOptions & { summary?: boolean; reading?: SheetReading } = {},
): Planned {
  const spec = commandSpec(command);
  const { view, analysis: a } = opts.reading ?? readSheet(ws);
  const { catalogue, problems } = catalogueFor(ws, { analysis: a.ok ? a : null, level: opts.unit });
  if (!a.ok && spec.needsTable) return { ok: false, error: userError(a.error) };
  // A sheet the command rewrites must have been read when it exists: writing blind could clobber it.
  if (spec.updates && unread(ws, spec.updates))
    return { ok: false, error: userError("not-read", { sheet: spec.updates }) };
  const ctx = {
    ws,
    catalogue,
    source: remedySource(catalogue),
    // The sheet keeps the table's language; the panel's language is for the panel (issue 11 item 7).
    lang: a.ok ? a.table.lang : opts.lang,
    replaceTotal: opts.replaceTotal,
    memory: { beforeHighlight: opts.before ?? null },
  };
  let changeSet: ChangeSet;
  try {
    changeSet = a.ok
      ? spec.plan({ ...ctx, analysis: a })
      : spec.planWithoutTable!({ ...ctx, analysis: null });
  } catch (e) {
    // Only "a sheet exists but was not read" is the user's to fix; anything else is a bug to surface.
    if (hasCode(e, "not-read")) return { ok: false, error: describeError(e) };
    throw e;
  }
  // Until the sheet is converted, what the add-in writes into it gets a Unicode font: never garbled text.
  if (view.encoding) changeSet = withUnicodeFont(changeSet, ws.active.name);
  const encoding = spec.leavesUnicode ? null : view.encoding;
  let summary: Summary | null = null;
  let facts: ResultFacts;
  if (opts.summary === false) {
    // The result line's counts without the summary's catalogue lookups.
    facts = a.ok
      ? { achieved: a.total.achieved, max: a.total.max, unmet: new Set(rowsNeedingRemedy(a)).size }
      : { achieved: 0, max: 0, unmet: 0 };
  } else {
    summary = a.ok ? summarize(a, catalogue, problems, encoding) : emptySummary(ws, problems);
    if (a.ok) summary.unit = unitOfAnalysis(view.sheet, a, opts.unit);
    facts = { achieved: summary.total.achieved, max: summary.total.max, unmet: summary.unmet.length };
  }
  return { ok: true, changeSet, summary, result: withNotes(spec.result(changeSet, facts), changeSet) };
}

/**
 * Plans one command on a snapshot: the change set, its inverse (for "Undo last change") from the same
 * snapshot, the summary of the table and a result line. "recalc" is the Recalculate button: recalc + highlight.
 */
export function planCommand(ws: WorkbookSnapshot, command: CommandId, opts: CommandOptions = {}): Outcome {
  const planned = planChange(ws, command, opts);
  if (!planned.ok) return planned;
  const { changeSet, result } = planned;
  // The one simulation of the change set: checks, resolved ops, inverse and after state. A change set the
  // planners made that does not fit the snapshot is a bug: its typed error goes to the caller.
  const prepared = prepare(ws, changeSet, { inverse: opts.inverse !== false });
  if (!prepared.ok) throw prepared.error;
  return {
    ok: true,
    changeSet,
    prepared,
    inverse: opts.inverse === false ? null : prepared.inverse,
    summary: planned.summary!,
    result,
  };
}

/** The sheet exists in the workbook but the snapshot does not hold it. */
function unread(ws: WorkbookSnapshot, sheet: string): boolean {
  return ws.sheetNames.includes(sheet) && !ws.others?.[sheet] && ws.active.name !== sheet;
}

function emptySummary(ws: WorkbookSnapshot, problems: CatalogueProblem[]): Summary {
  return {
    sheet: ws.active.name,
    table: { headerRow: -1, firstRow: -1, lastRow: -1 },
    total: {
      max: 0,
      achieved: 0,
      gap: 0,
      percent: null,
      bonus: 0,
      penalty: 0,
      final: null,
      self: null,
      adjustments: null,
      domainsAchieved: 0,
      selfDiff: null,
    },
    rows: [],
    unmet: [],
    domains: [],
    issues: [],
    catalogueProblems: problems,
  };
}
