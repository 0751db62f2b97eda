/**
 * The commands, one entry each: what it plans, the line it reports, whether it needs a criteria table,
 * the sheet it rewrites (which must have been read when it exists) and what the session remembers after
 * it is applied or undone. `planCommand` and the Session read this table; nothing else switches on a
 * command's id.
 */
import {
  formatScore,
  planAssign,
  planClearHighlight,
  planHighlight,
  planRecalc,
  planRecalcAndHighlight,
  planRemediationSheet,
  PLAN_SHEET,
  type Analysis,
  type ChangeSet,
  type Lang,
  type RemedySource,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../core";
import { CATALOGUE_SHEET_NAME, planCatalogueSheet, type Catalogue } from "../catalogue";
import type { Bilingual } from "./errors";

/** "recalc" is the Recalculate button (recalc + highlight); "recalc-only" writes the formulas alone (CLI). */
export type CommandId =
  "recalc" | "recalc-only" | "highlight" | "clear-highlight" | "assign" | "plan" | "export-catalogue";

/** What a session keeps between commands (besides the undo entry). */
export interface SessionMemory {
  /** The sheet as it was before the first highlight, so clear-highlight can give its fills back. */
  beforeHighlight: SheetSnapshot | null;
}

export interface PlanContext {
  ws: WorkbookSnapshot;
  /** The criteria table; null only for a command with `needsTable: false` on a sheet without one. */
  analysis: Analysis | null;
  catalogue: Catalogue;
  source: RemedySource;
  lang?: Lang;
  /** Replace a stated total that differs from the recomputed one (CLI `--replace-total`). */
  replaceTotal?: boolean;
  memory: Readonly<SessionMemory>;
}

/** The counts a result line needs from the summary. */
export interface ResultFacts {
  achieved: number;
  max: number;
  unmet: number;
}

export interface CommandSpec {
  id: CommandId;
  needsTable: boolean;
  /** The sheet the command rewrites when it exists: planning it blind could clobber the user's rows. */
  updates?: string;
  plan(ctx: PlanContext & { analysis: Analysis }): ChangeSet;
  /** Plans without a table (only for `needsTable: false`). */
  planWithoutTable?(ctx: PlanContext): ChangeSet;
  result(cs: ChangeSet, facts: ResultFacts): Bilingual;
  /** After the change set was written: what the session remembers. */
  afterApply?(memory: SessionMemory, ws: WorkbookSnapshot): void;
  /** After this command was undone. */
  afterUndo?(memory: SessionMemory): void;
}

const n = (x: number | undefined) => String(x ?? 0);

/** Remembers the fills from before the first highlight (a second highlight must not overwrite them). */
const keepBeforeHighlight = (memory: SessionMemory, ws: WorkbookSnapshot) => {
  memory.beforeHighlight ??= ws.active;
};
const forgetBeforeHighlight = (memory: SessionMemory) => {
  memory.beforeHighlight = null;
};

const recalcLine = (cs: ChangeSet, f: ResultFacts): Bilingual => ({
  vi: `Đã tính lại ${n(cs.counts.rows)} dòng: ${formatScore(f.achieved, "vi")} / ${formatScore(f.max, "vi")} điểm, ${n(f.unmet)} tiêu chí chưa đạt.`,
  en: `Recalculated ${n(cs.counts.rows)} rows: ${formatScore(f.achieved, "en")} / ${formatScore(f.max, "en")} points, ${n(f.unmet)} unmet criteria.`,
});

const SPECS: readonly CommandSpec[] = [
  {
    id: "recalc",
    needsTable: true,
    // TODO(replace-total): pass `replaceTotal` once the recalc planner's options have it (h/core).
    plan: ({ ws, analysis, lang }) => planRecalcAndHighlight(ws.active, analysis, { lang }),
    result: recalcLine,
    afterApply: keepBeforeHighlight,
    afterUndo: forgetBeforeHighlight,
  },
  {
    id: "recalc-only",
    needsTable: true,
    plan: ({ ws, analysis, lang }) => planRecalc(ws.active, analysis, { lang }).changeSet,
    result: recalcLine,
  },
  {
    id: "highlight",
    needsTable: true,
    plan: ({ ws, analysis, lang }) => planHighlight(ws.active, analysis, { lang }),
    result: (cs) => ({
      vi: `Đã tô màu ${n(cs.counts.highlighted)} dòng chưa đạt.`,
      en: `Highlighted ${n(cs.counts.highlighted)} unmet rows.`,
    }),
    afterApply: keepBeforeHighlight,
    afterUndo: forgetBeforeHighlight,
  },
  {
    id: "clear-highlight",
    needsTable: true,
    plan: ({ ws, analysis, memory }) =>
      planClearHighlight(ws.active, analysis, memory.beforeHighlight ?? undefined),
    result: (cs) => ({
      vi: `Đã bỏ tô màu ${n(cs.counts.cleared)} ô.`,
      en: `Cleared the highlight from ${n(cs.counts.cleared)} cells.`,
    }),
    afterApply: forgetBeforeHighlight,
  },
  {
    id: "assign",
    needsTable: true,
    plan: ({ ws, analysis, source, lang }) => planAssign(ws.active, analysis, source, { lang }),
    result: (cs) => ({
      vi: `Đã điền ${n(cs.counts.filled)} dòng, giữ nguyên ${n(cs.counts.kept)} ô đã sửa.`,
      en: `${n(cs.counts.filled)} rows filled, ${n(cs.counts.kept)} edited cells kept.`,
    }),
  },
  {
    id: "plan",
    needsTable: true,
    updates: PLAN_SHEET,
    plan: ({ ws, analysis, source, lang }) => planRemediationSheet(ws, analysis, source, { lang }),
    result: (cs) => ({
      vi: `Kế hoạch khắc phục: ${n(cs.counts.rows)} nhiệm vụ (${n(cs.counts.added)} mới, ${n(cs.counts.marked)} đã đạt được đánh dấu).`,
      en: `Remediation plan: ${n(cs.counts.rows)} tasks (${n(cs.counts.added)} new, ${n(cs.counts.marked)} now met and marked).`,
    }),
  },
  {
    id: "export-catalogue",
    // Writing the catalogue sheet needs no criteria table.
    needsTable: false,
    updates: CATALOGUE_SHEET_NAME,
    plan: ({ ws, catalogue }) => planCatalogueSheet(ws, catalogue),
    planWithoutTable: ({ ws, catalogue }) => planCatalogueSheet(ws, catalogue),
    result: (cs) => ({
      vi: `Danh mục giải pháp: thêm ${n(cs.counts.added)} dòng, giữ nguyên ${n(cs.counts.kept)} dòng.`,
      en: `Solutions catalogue: ${n(cs.counts.added)} rows added, ${n(cs.counts.kept)} rows kept.`,
    }),
  },
];

/** Every command by id. */
export const REGISTRY: Readonly<Record<CommandId, CommandSpec>> = Object.fromEntries(
  SPECS.map((s) => [s.id, s]),
) as Record<CommandId, CommandSpec>;

export const COMMANDS: readonly CommandId[] = SPECS.map((s) => s.id);

export function commandSpec(id: CommandId): CommandSpec {
  return REGISTRY[id];
}
