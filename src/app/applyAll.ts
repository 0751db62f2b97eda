/**
 * "Làm tất cả / Do everything" (issue 14): recalc + highlight + assign + plan planned on ONE snapshot into
 * ONE change set — one read and one write for the host, whichever it is (the panel's button, the CLI's
 * `apply`). Each step is planned on the workbook as the previous steps leave it, in memory: ONE simulation
 * (core's Preparation) checks each step's ops as they come and gives the state the next step is planned on,
 * and its result is the joined change set prepared — a change set's ops already address the workbook as the
 * ops before them leave it, so the steps' ops joined in order are the one change set the host writes.
 *
 * The table is read (unicodeView + analyzeSheet: commands.ts readSheet) only where a step changed what the
 * next one reads — exactly the change set, results and summary of the four commands run one after another,
 * each reading afresh (tests/app/applyAllSame.test.ts holds the two to that on the corpus):
 *   recalc   reads the snapshot;
 *   assign   plans on the state recalc leaves, with recalc's reading, its stated gap and percent (and the
 *            total's stated figures) read again on that state, scored and totalled again
 *            (./readingAfterRecalc.ts: the table is found again and must be that one shifted by recalc's
 *            insert, every other cell the rows are read from unchanged, every whole-row decision the same),
 *            else afresh (a legacy sheet, an Excel table recalc inserts into, a formula without a value…);
 *   highlight plans on the state assign leaves, with the reading assign had grown by its three columns
 *            (./sameReading.ts readingAfterAssign: the table is found again and must be that one), else afresh;
 *   plan     plans on the state highlight STARTED from, with highlight's reading, when highlight changed
 *            nothing the plan reads (./sameReading.ts readsAsBefore: rules, fills, a legend alone under the
 *            table of a Unicode sheet), so no state is copied out of the model for it; else afresh.
 * On a Unicode table that is ONE reading and two states instead of four and three.
 */
import { Preparation, type ChangeSet, type Lang, type PreparedOk, type WorkbookSnapshot } from "../core";
import { planChange, readSheet, type CommandOptions, type SheetReading, type Summary } from "./commands";
import { readingAfterAssign, readsAsBefore } from "./sameReading";
import { readingAfterRecalc } from "./readingAfterRecalc";
import { describeError, type Bilingual, type UserError } from "./errors";
import type { CommandId } from "./registry";

/** The steps of "do everything", in the order they run. */
export const APPLY_STEPS = ["recalc", "highlight", "assign", "plan"] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];

/** The commands that carry out a set of steps ("recalc" + "highlight" is the Recalculate button). */
export function commandsOfSteps(steps: Iterable<ApplyStep> = APPLY_STEPS): CommandId[] {
  const s = new Set(steps);
  const out: CommandId[] = [];
  // Highlight after assign, so the fills cover the agency and solution columns as a second run sees them
  // (twice = once); without assign, the Recalculate button's own pair.
  if (s.has("recalc")) out.push(s.has("highlight") && !s.has("assign") ? "recalc" : "recalc-only");
  if (s.has("assign")) out.push("assign");
  if (s.has("highlight") && (s.has("assign") || !s.has("recalc"))) out.push("highlight");
  if (s.has("plan")) out.push("plan");
  return out;
}

export type ApplyAllOutcome =
  | {
      ok: true;
      /** The one change set: every step's ops, in order. */
      changeSet: ChangeSet;
      /** It, prepared on the snapshot the host gave: what the host applies. */
      prepared: PreparedOk;
      /** The table as read before anything was written: its figures and its warnings (issues). */
      summary: Summary;
      /** One result line per step, in order. */
      results: Bilingual[];
      /** Each step's own change set (the CLI's column edits for the parts it carries over). */
      steps: ChangeSet[];
    }
  | { ok: false; error: UserError };

export interface ApplyAllOptions extends Omit<CommandOptions, "before"> {
  steps?: Iterable<ApplyStep>;
}

/** Plans the steps on `ws` into one change set (see the file comment). Pure. */
export function planApplyAll(ws: WorkbookSnapshot, opts: ApplyAllOptions = {}): ApplyAllOutcome {
  const commands = commandsOfSteps(opts.steps ?? APPLY_STEPS);
  const stepOpts: CommandOptions = { lang: opts.lang, unit: opts.unit, replaceTotal: opts.replaceTotal };
  // `inverse: false` (a caller that never undoes nor rolls back: the CLI) skips deriving the undo.
  const preparation = new Preparation(ws, { inverse: opts.inverse !== false });
  let current = ws;
  // The reading of `current` the next step may plan on, when the last step left it as it was (see above).
  let kept: SheetReading | null = null;
  let summary: Summary | null = null;
  const results: Bilingual[] = [];
  const steps: ChangeSet[] = [];
  try {
    for (const [i, command] of commands.entries()) {
      const reading: SheetReading = kept ?? readSheet(current);
      kept = null;
      // Only the first step's summary is reported (the table as read): the others skip its lookups.
      const o = planChange(current, command, { ...stepOpts, summary: i === 0, reading });
      if (!o.ok) return o;
      summary ??= o.summary;
      results.push(o.result);
      steps.push(o.changeSet);
      // A change set the planners made that does not fit the workbook is a bug: its typed error is said.
      const error = preparation.add(o.changeSet);
      if (error) throw error;
      if (i === commands.length - 1) break;
      // The plan sheet after highlight: planned on the workbook highlight started from, with its reading,
      // when highlight changed nothing the plan reads (./sameReading.ts); else on the state it leaves.
      if (
        commands[i + 1] === "plan" &&
        command === "highlight" &&
        readsAsBefore(o.changeSet, current, reading)
      )
        kept = reading;
      else {
        // The next step plans on the workbook as this one leaves it (the probes are not part of it).
        current = { ...current, ...preparation.state(), probes: ws.probes };
        // Assign after recalc: the table read before recalc, its gap and percent read again
        // (./readingAfterRecalc.ts).
        if (command === "recalc-only" && commands[i + 1] === "assign")
          kept = readingAfterRecalc(reading, o.changeSet, current);
        // Highlight after assign: the table read before assign, grown by its columns (./sameReading.ts).
        if (command === "assign" && commands[i + 1] === "highlight")
          kept = readingAfterAssign(reading, o.changeSet, current);
      }
    }
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
  const changeSet: ChangeSet = {
    command: steps[0]?.command ?? "recalc",
    ops: steps.flatMap((s) => s.ops),
    counts: mergeCounts(steps),
    ...(steps.some((s) => s.notes?.length) ? { notes: steps.flatMap((s) => s.notes ?? []) } : {}),
  };
  const prepared = preparation.finish(changeSet);
  return { ok: true, changeSet, prepared, summary: summary!, results, steps };
}

function mergeCounts(steps: readonly ChangeSet[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of steps) for (const [k, v] of Object.entries(s.counts)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** The result lines of a run, one per line, in `lang`. */
export function resultText(results: readonly Bilingual[], lang: Lang): string {
  return results.map((r) => r[lang]).join("\n");
}
