/**
 * The reference apply-all for tests/app/applyAllSame*.test.ts: the four commands planned one after another the
 * old way (each on the workbook as the previous ones leave it, each reading the sheet afresh, as the panel's
 * buttons run them), and the comparison of its outcome with planApplyAll's on a workbook.
 */
import { planApplyAll, commandsOfSteps, APPLY_STEPS, type ApplyAllOptions } from "../../src/app/applyAll";
import * as commands from "../../src/app/commands";
import { planChange, type CommandOptions, type SheetReading, type Summary } from "../../src/app/commands";
import { readingAfterAssign } from "../../src/app/sameReading";
import { readingAfterRecalc } from "../../src/app/readingAfterRecalc";
import { chooseSheet } from "../../src/app/chooseSheet";
import { Preparation, type ChangeSet, type WorkbookSnapshot } from "../../src/core";
import type { Bilingual } from "../../src/app/errors";
import { loadWorkbook, XlsxHost } from "../../src/hosts/xlsx";

/** The old apply-all: every step planned by planChange on the state the steps before leave (its own reading). */
export function reference(ws: WorkbookSnapshot, opts: ApplyAllOptions = {}) {
  const commands = commandsOfSteps(opts.steps ?? APPLY_STEPS);
  const stepOpts: CommandOptions = { lang: opts.lang, unit: opts.unit, replaceTotal: opts.replaceTotal };
  const preparation = new Preparation(ws, { inverse: opts.inverse !== false });
  let current = ws;
  let summary: Summary | null = null;
  const results: Bilingual[] = [];
  const steps: ChangeSet[] = [];
  for (const [i, command] of commands.entries()) {
    const o = planChange(current, command, { ...stepOpts, summary: i === 0 });
    if (!o.ok) return { ok: false as const, error: o.error };
    summary ??= o.summary;
    results.push(o.result);
    steps.push(o.changeSet);
    const error = preparation.add(o.changeSet);
    if (error) return { ok: false as const, error: error.code };
    if (i < commands.length - 1) current = { ...current, ...preparation.state(), probes: ws.probes };
  }
  const counts: Record<string, number> = {};
  for (const s of steps) for (const [k, v] of Object.entries(s.counts)) counts[k] = (counts[k] ?? 0) + v;
  const changeSet: ChangeSet = {
    command: steps[0]?.command ?? "recalc",
    ops: steps.flatMap((s) => s.ops),
    counts,
    ...(steps.some((s) => s.notes?.length) ? { notes: steps.flatMap((s) => s.notes ?? []) } : {}),
  };
  const prepared = preparation.finish(changeSet);
  return { ok: true as const, changeSet, prepared, summary: summary!, results, steps };
}

/** Everything an outcome says, as plain data (the after state included: what a second run reads). */
export function outcomeOf(o: ReturnType<typeof reference> | ReturnType<typeof planApplyAll>) {
  if (!o.ok) return { error: typeof o.error === "string" ? o.error : o.error.code };
  const { changeSet, summary, results, steps, prepared } = o;
  return JSON.parse(
    JSON.stringify({
      changeSet,
      summary,
      results,
      steps,
      inverse: prepared.inverse,
      ops: prepared.ops,
      undoOps: prepared.undoOps,
    }),
  );
}

export async function snapshotOf(bytes: Uint8Array): Promise<WorkbookSnapshot | null> {
  let wb;
  try {
    wb = await loadWorkbook(bytes);
  } catch {
    return null;
  }
  const host = new XlsxHost(wb);
  const first = await host.read();
  const sheet = chooseSheet(first);
  return sheet === first.active.name ? first : host.read({ sheet });
}

/**
 * How many states after assign were looked at, and on how many the reading after assign was derived (and
 * checked equal to a fresh one), in the test file that imports this.
 */
export const readingChecks = { looked: 0, derived: 0, recalcLooked: 0, recalcDerived: 0 };

/**
 * Where readingAfterRecalc vouches for a reading of the sheet after recalc, it is the reading read afresh:
 * table, rows (their stated gap and percent, scores), total, issues (in order), skipped rows, encoding.
 */
function expectRecalcReading(ws: WorkbookSnapshot, replaceTotal = false): void {
  const p = new Preparation(ws, { inverse: false });
  const before = commands.readSheet(ws);
  const r = planChange(ws, "recalc-only", { summary: false, reading: before, replaceTotal });
  if (!r.ok || p.add(r.changeSet)) return;
  const state1 = { ...ws, ...p.state(), probes: ws.probes };
  const vouched = readingAfterRecalc(before, r.changeSet, state1);
  readingChecks.recalcLooked++;
  if (!vouched) return;
  readingChecks.recalcDerived++;
  expectFreshReading(vouched, state1);
}

/** A vouched reading is of `state`'s own sheet, and is what reading `state` afresh gives. */
function expectFreshReading(vouched: SheetReading, state: WorkbookSnapshot): void {
  const fresh = commands.readSheet(state);
  expect(vouched.view.sheet).toBe(state.active);
  expect(JSON.parse(JSON.stringify(vouched))).toEqual(JSON.parse(JSON.stringify(fresh)));
}

/**
 * Where readingAfterAssign vouches for a reading of the sheet after recalc and assign, it is the reading
 * read afresh: table, rows, total, issues, skipped rows, encoding.
 */
function expectAssignReading(ws: WorkbookSnapshot): void {
  const p = new Preparation(ws, { inverse: false });
  const r = planChange(ws, "recalc-only", { summary: false });
  if (!r.ok || p.add(r.changeSet)) return;
  const state1 = { ...ws, ...p.state(), probes: ws.probes };
  const before = commands.readSheet(state1);
  const assign = planChange(state1, "assign", { summary: false, reading: before });
  if (!assign.ok || p.add(assign.changeSet)) return;
  const state2 = { ...ws, ...p.state(), probes: ws.probes };
  const vouched = readingAfterAssign(before, assign.changeSet, state2);
  readingChecks.looked++;
  if (!vouched) return;
  readingChecks.derived++;
  expectFreshReading(vouched, state2);
}

/**
 * The same on `ws`, in both languages, with --replace-total, and once more on what the first run leaves; and
 * for the step subsets. `refused`: a sheet on which both shortcuts refuse (typed in TCVN3/VNI), where the new
 * loop runs the old one's steps by construction — there the first run and the second, in Vietnamese, show it.
 */
export function expectSame(ws: WorkbookSnapshot, { refused = false } = {}): void {
  expectAssignReading(ws);
  expectRecalcReading(ws);
  expectRecalcReading(ws, true);
  const langs: ApplyAllOptions[] = refused
    ? [{ lang: "vi" }]
    : [{ lang: "vi" }, { lang: "en", replaceTotal: true }];
  for (const opts of langs) {
    const now = planApplyAll(ws, opts);
    expect(outcomeOf(now)).toEqual(outcomeOf(reference(ws, opts)));
    if (!now.ok || opts.lang !== "vi") continue;
    const again = { ...ws, ...now.prepared.after, probes: ws.probes };
    expectAssignReading(again);
    expectRecalcReading(again);
    expect(outcomeOf(planApplyAll(again, opts))).toEqual(outcomeOf(reference(again, opts)));
  }
  if (refused) return;
  // The steps the CLI's --only and the Recalculate pair ask for.
  for (const steps of [
    ["recalc", "highlight"],
    ["assign", "highlight", "plan"],
    ["highlight", "plan"],
  ]) {
    const opts = { steps } as ApplyAllOptions;
    expect(outcomeOf(planApplyAll(ws, opts))).toEqual(outcomeOf(reference(ws, opts)));
  }
}
