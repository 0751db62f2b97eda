/**
 * The commands, one entry each: what it plans, the line it reports, whether it needs a criteria table,
 * the sheet it rewrites (which must have been read when it exists) and what the session remembers after
 * it is applied or undone. `planCommand` and the Session read this table; nothing else switches on a
 * command's id.
 */
import {
  columnLetter,
  formatScore,
  planAssign,
  planClearHighlight,
  planConvertUnicode,
  planHighlight,
  planRecalc,
  planRecalcAndHighlight,
  planRemediationSheet,
  PLAN_SHEET,
  UNICODE_FONT,
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
  | "recalc"
  | "recalc-only"
  | "highlight"
  | "clear-highlight"
  | "assign"
  | "plan"
  | "export-catalogue"
  | "convert-unicode";

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
  /**
   * The language of the text commands write into the workbook (inserted headers, the legend, the plan sheet):
   * the table's own (TableLayout.lang) whenever there is a table, so the sheet never mixes languages when the
   * panel's language changes; the panel's only without a table.
   */
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
  /** The command's name as the panel's button and undo list say it ("Điền cơ quan và giải pháp"). */
  label?: Bilingual;
  needsTable: boolean;
  /** The sheet the command rewrites when it exists: planning it blind could clobber the user's rows. */
  updates?: string;
  plan(ctx: PlanContext & { analysis: Analysis }): ChangeSet;
  /** The sheet is in Unicode once this command is applied (the summary it returns no longer says legacy). */
  leavesUnicode?: boolean;
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

/** "12 nhiệm vụ (3 mới, 2 đã đạt được đánh dấu)" without the parts that are zero. */
const withParts = (head: string, parts: [number | undefined, string][]): string => {
  const shown = parts.filter(([k]) => (k ?? 0) > 0).map(([k, word]) => `${n(k)} ${word}`);
  return shown.length ? `${head} (${shown.join(", ")})` : head;
};

const SPECS: readonly CommandSpec[] = [
  {
    id: "recalc",
    label: { vi: "Tính lại", en: "Recalculate" },
    needsTable: true,
    plan: ({ ws, analysis, lang, replaceTotal }) =>
      planRecalcAndHighlight(ws.active, analysis, { lang, replaceTotal }),
    result: recalcLine,
    afterApply: keepBeforeHighlight,
    afterUndo: forgetBeforeHighlight,
  },
  {
    id: "recalc-only",
    label: { vi: "Tính lại (chỉ công thức)", en: "Recalculate (formulas only)" },
    needsTable: true,
    plan: ({ ws, analysis, lang, replaceTotal }) =>
      planRecalc(ws.active, analysis, { lang, replaceTotal }).changeSet,
    result: recalcLine,
  },
  {
    id: "highlight",
    label: { vi: "Tô màu tiêu chí chưa đạt", en: "Highlight unmet criteria" },
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
    label: { vi: "Bỏ tô màu", en: "Clear highlights" },
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
    label: { vi: "Điền cơ quan và giải pháp", en: "Insert agencies and solutions" },
    needsTable: true,
    plan: ({ ws, analysis, source, lang }) => planAssign(ws.active, analysis, source, { lang }),
    result: (cs) => ({
      // + core's warning naming a chart it could not place (core/charts.ts chartNote)
      vi: `Đã điền ${n(cs.counts.filled)} dòng${cs.counts.kept ? `, giữ nguyên ${n(cs.counts.kept)} ô bạn đã sửa` : ""}.`,
      en: `${n(cs.counts.filled)} rows filled${cs.counts.kept ? `, ${n(cs.counts.kept)} ${cs.counts.kept === 1 ? "cell" : "cells"} you edited kept` : ""}.`,
    }),
  },
  {
    id: "plan",
    label: { vi: "Lập kế hoạch khắc phục", en: "Create the remediation plan" },
    needsTable: true,
    updates: PLAN_SHEET,
    plan: ({ ws, analysis, source, lang }) => planRemediationSheet(ws, analysis, source, { lang }),
    result: (cs) => ({
      vi: `${withParts(`Kế hoạch khắc phục: ${n(cs.counts.rows)} nhiệm vụ`, [
        [cs.counts.added, "mới"],
        [cs.counts.marked, "nay đã đạt, được đánh dấu"],
      ])}.`,
      en: `${withParts(`Remediation plan: ${n(cs.counts.rows)} tasks`, [
        [cs.counts.added, "new"],
        [cs.counts.marked, "now met and marked"],
      ])}.`,
    }),
  },
  {
    id: "export-catalogue",
    label: { vi: "Ghi danh mục giải pháp", en: "Write the solutions catalogue" },
    // Writing the catalogue sheet needs no criteria table.
    needsTable: false,
    updates: CATALOGUE_SHEET_NAME,
    plan: ({ ws, catalogue }) => planCatalogueSheet(ws, catalogue),
    planWithoutTable: ({ ws, catalogue }) => planCatalogueSheet(ws, catalogue),
    result: (cs) => ({
      vi: `Danh mục giải pháp: thêm ${n(cs.counts.added)} dòng${cs.counts.kept ? `, giữ nguyên ${n(cs.counts.kept)} dòng` : ""}.`,
      en: `Solutions catalogue: ${n(cs.counts.added)} rows added${cs.counts.kept ? `, ${n(cs.counts.kept)} rows kept` : ""}.`,
    }),
  },
  {
    id: "convert-unicode",
    label: { vi: "Chuyển sang Unicode", en: "Convert to Unicode" },
    // A legacy sheet is converted even when no table is found on it (the table may only show up after).
    needsTable: false,
    leavesUnicode: true,
    plan: ({ ws }) => planConvertUnicode(ws.active),
    planWithoutTable: ({ ws }) => planConvertUnicode(ws.active),
    result: (cs) =>
      cs.ops.length === 0
        ? {
            vi: "Trang tính đã dùng Unicode: không có gì để chuyển.",
            en: "The sheet is already in Unicode: nothing to convert.",
          }
        : {
            vi: `Đã chuyển ${n(cs.counts.converted)} ô sang Unicode, phông chữ ${n(cs.counts.fonts)} ô đổi sang ${UNICODE_FONT}.`,
            en: `Converted ${n(cs.counts.converted)} cells to Unicode; ${n(cs.counts.fonts)} cells now use ${UNICODE_FONT}.`,
          },
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

/** The command's name as the panel says it (its label, or its id for a command without one). */
export function commandLabel(id: CommandId): Bilingual {
  return REGISTRY[id]?.label ?? { vi: id, en: id };
}

/** Where a change set wrote what the user may want to reach (the panel's result actions). */
export interface ChangedPlace {
  /** The columns it inserted into the criteria sheet (0-based, first one), with their letters "H–J". */
  columns?: { sheet: string; at: number; count: number; letters: string };
  /** A sheet other than the criteria sheet that it made or rewrote (the plan sheet, the catalogue). */
  sheet?: string;
}

const letters = (at: number, count: number) =>
  count > 1 ? `${columnLetter(at)}–${columnLetter(at + count - 1)}` : columnLetter(at);

/** The inserted columns and the other sheet a change set writes, from its ops. */
export function placeChanged(cs: ChangeSet, ws: WorkbookSnapshot): ChangedPlace {
  const place: ChangedPlace = {};
  const ins = cs.ops.find((o) => o.op === "insertColumns");
  if (ins && ins.op === "insertColumns")
    place.columns = { sheet: ins.sheet, at: ins.at, count: ins.count, letters: letters(ins.at, ins.count) };
  const other = cs.ops.find((o) => o.op !== "select" && o.sheet !== ws.active.name);
  if (other) place.sheet = other.sheet;
  return place;
}

/**
 * "Say before": what a command will change in the workbook's structure, in words ("Chèn 3 cột H–J, điền
 * 19 dòng và tô màu 7 dòng chưa đạt"), or null when it changes no structure (only values in place). The
 * structure: inserted columns, a new sheet, fills replaced.
 */
export function sayBefore(cs: ChangeSet, ws: WorkbookSnapshot): Bilingual | null {
  const vi: string[] = [];
  const en: string[] = [];
  let structural = false;
  for (const op of cs.ops) {
    if (op.op === "insertColumns") {
      structural = true;
      const l = letters(op.at, op.count);
      vi.push(`chèn ${op.count} cột ${l}`);
      en.push(`insert ${op.count === 1 ? "column" : `${op.count} columns`} ${l}`);
    } else if (op.op === "insertRows") {
      // The plan growing over the user's rows below it: they move down.
      structural = true;
      const rows = op.count > 1 ? `${op.at + 1}–${op.at + op.count}` : `${op.at + 1}`;
      vi.push(`chèn ${op.count} dòng ${rows} ở trang «${op.sheet}» (các dòng bên dưới được dời xuống)`);
      en.push(
        `insert ${op.count === 1 ? "row" : `${op.count} rows`} ${rows} on «${op.sheet}» (the rows below move down)`,
      );
    } else if (op.op === "addSheet") {
      structural = true;
      vi.push(`thêm trang «${op.sheet}»`);
      en.push(`add the sheet «${op.sheet}»`);
    }
  }
  const updates = cs.ops.some(
    (o) => o.op === "setCells" && o.sheet !== ws.active.name && ws.sheetNames.includes(o.sheet),
  );
  const other = cs.ops.find((o) => o.op === "setCells" && o.sheet !== ws.active.name);
  if (updates && other) {
    structural = true;
    vi.push(`cập nhật trang «${other.sheet}»`);
    en.push(`update the sheet «${other.sheet}»`);
  }
  const rows = cs.counts.filled ?? cs.counts.rows;
  if (rows && other === undefined) {
    vi.push(`điền ${rows} dòng`);
    en.push(`fill ${rows} rows`);
  }
  const converted = cs.counts.converted;
  if (converted) {
    // every text cell of the sheet rewritten and its font changed: worth a question first (issue 11 item 6)
    structural = true;
    vi.push(`chuyển ${converted} ô sang Unicode và đổi phông chữ của chúng`);
    en.push(`convert ${converted} cells to Unicode and change their font`);
  }
  const lit = cs.counts.highlighted;
  if (lit) {
    structural = true;
    vi.push(`tô màu lại ${lit} dòng chưa đạt`);
    en.push(`recolour ${lit} unmet rows`);
  }
  // What a planner notes for the user (a chart assign could not place, the user's own plan sheet kept): said
  // before, too, whatever the command.
  const notes = cs.notes ?? [];
  if (!structural && !notes.length) return null;
  if (!structural) return { vi: notesOf(cs, "vi").trim(), en: notesOf(cs, "en").trim() };
  const join = (parts: string[], and: string) =>
    parts.length > 1 ? `${parts.slice(0, -1).join(", ")} ${and} ${parts.at(-1)}` : parts[0];
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  return {
    vi: `${cap(join(vi, "và"))}.${notes.length ? notesOf(cs, "vi") : ""}`,
    en: `${cap(join(en, "and"))}.${notes.length ? notesOf(cs, "en") : ""}`,
  };
}

/** The change set's notes in one language, each after a space ("" when none). */
function notesOf(cs: ChangeSet, lang: "vi" | "en"): string {
  return (cs.notes ?? []).map((x) => ` ${x[lang]}`).join("");
}

/** A command's result line with its change set's notes after it (every command: the planners' `notes`). */
export function withNotes(line: Bilingual, cs: ChangeSet): Bilingual {
  return cs.notes?.length ? { vi: line.vi + notesOf(cs, "vi"), en: line.en + notesOf(cs, "en") } : line;
}
