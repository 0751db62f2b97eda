/**
 * A working session on one workbook, whatever the host (Excel through Office.js, ExcelJS in the playground
 * and the CLI, a test double): read → plan → apply, keeping the inverse of every change since it began
 * (the undo history, undone newest first). Two host round trips per command: one read, one write. Every front end (panel, ribbon,
 * playground, CLI) runs its commands through a Session; what each command does is its registry entry.
 * It tells its steps and each change of its undo history to whoever listens (./sessionEvents.ts).
 */
import type { Lang, Rect, SheetSnapshot, WorkbookSnapshot } from "../core";
import type { Host } from "../hosts/host";
import { memoryOps, prepare, readMemory } from "../core";
import { chooseSheet } from "./chooseSheet";
import { analyzeWorkbook, planCommand, type CommandId, type Summary } from "./commands";
import { describeError, hasCode, userError, type Bilingual, type UserError } from "./errors";
import { commandSpec, placeChanged, sayBefore, type ChangedPlace, type SessionMemory } from "./registry";
import { commandsOfSteps, planApplyAll, type ApplyAllOutcome, type ApplyStep } from "./applyAll";
import { parseUnitLevel, UNIT_CHOICES, type UnitLevel } from "./units";
import { compareSheets, type ComparisonLists, type Comparison } from "./compare";
import { OWNED_SHEETS } from "../core/owned";
import { asksBefore, NO_ASK_ALL } from "./noAsk";
import { SessionEvents, type ChangeListener, type SessionChange, type StepListener } from "./sessionEvents";
import {
  APPLY_ALL_LABEL,
  entryLabel,
  summaryAfter,
  undoChangeSet,
  UndoHistory,
  untouchedSince,
  workedOn,
  type UndoEntry,
} from "./undoHistory";

export { shareSession, sharedSession } from "./sharedSession";
export { NO_ASK_ALL } from "./noAsk";
export { APPLY_ALL_LABEL, type UndoEntry } from "./undoHistory";
export { STEP_WORDS, type SessionStep, type StepListener } from "./sessionEvents";

/** This year's table against last year's sheet (the panel's "So sánh"). */
export type SessionComparison =
  | { ok: true; current: string; previous: string; comparison: Comparison; lists: ComparisonLists }
  | { ok: false; error: UserError };

/**
 * What a session may ask a host to read: a named sheet as the criteria sheet. Reading a named sheet shows
 * nothing: the next read without one reads what it read before (the sheet the user sees, or the host's own).
 */
export interface ReadRequest {
  sheet?: string;
}

/**
 * What a host gives a session: the Office host, the xlsx host and MemoryHost all fit it. A host whose
 * `read` takes no request fits too (it then always reads its own choice of sheet).
 */
/** What a session may remember in the workbook (core/workbookMemory.ts). */
type MemoryChange = Parameters<typeof memoryOps>[1];

export type SessionHost = Omit<Host, "read"> & { read(opts?: ReadRequest): Promise<WorkbookSnapshot> };

export type SessionResult =
  | {
      ok: true;
      summary: Summary | null;
      result: Bilingual | null;
      /** Where the command wrote what the user may want to see (the panel's "go to" actions). */
      changed?: ChangedPlace;
    }
  | { ok: false; error: UserError };

/** What a command would do, planned on a fresh read and not written ("say before"). */
export type SessionPreview =
  | {
      ok: true;
      /** The structural change in words ("Chèn 3 cột H–J và điền 19 dòng"), or null when there is none. */
      say: Bilingual | null;
      summary: Summary | null;
    }
  | { ok: false; error: UserError };

/** Per run: options a front end may pass (the panel's "replace the stated total with formulas"). */
export interface RunOptions {
  /** Recalculate: replace a stated total that differs with the formulas (the recalc planner decides). */
  replaceTotal?: boolean;
}

export interface SessionOptions {
  /**
   * Outside Excel (CLI, playground): on the first read, choose the criteria sheet by the app's rule
   * (./chooseSheet.ts) and keep it. In Excel (default false) the active sheet is the user's choice.
   */
  chooseSheet?: boolean;
  /** Keep an undo entry after each command (default true); batch runs that never undo skip the work. */
  undo?: boolean;
  /**
   * Keep each op's undo for a write that may fail part-way (default true: Excel's batches are not atomic and
   * the Office host rolls back what it sent). A host that writes all or nothing in memory (the CLI's) turns
   * it off with `undo: false` to skip deriving the inverse.
   */
  rollback?: boolean;
  /** The unit's level the user chose; else detected from the table's titles (./units.ts). */
  unit?: UnitLevel | null;
  /** Replace a stated total that differs from the recomputed one (CLI `--replace-total`). */
  replaceTotal?: boolean;
}

export class Session {
  /** Every command since the session began that can still be undone, oldest first. */
  private readonly history = new UndoHistory();
  private readonly events = new SessionEvents<SessionResult>();
  private readonly memory: SessionMemory = { beforeHighlight: null };
  /** The criteria sheet once chosen (outside Excel) or set by the front end; null: the host's choice. */
  private chosen: string | null = null;
  /** A write to the workbook's memory ("don't ask again"), finished before the next read. */
  private memoryWrite: Promise<void> = Promise.resolve();
  /**
   * In Excel (no chosen sheet): the criteria sheet of the last read, so that a sheet of the add-in's own
   * the user is looking at (the catalogue or plan sheet a command just activated) never becomes the table.
   */
  private worked: string | null = null;

  constructor(
    private readonly host: SessionHost,
    /**
     * The panel's language (null for the ribbon, which has none). Text written into the workbook follows the
     * table's own language whenever there is a table (planCommand), so the panel's never mixes the sheet.
     */
    public lang: Lang | null = "vi",
    private readonly opts: SessionOptions = {},
  ) {}

  get canUndo(): boolean {
    return this.history.size > 0;
  }

  get lastCommand(): CommandId | null {
    return this.history.last?.command ?? null;
  }

  /** The commands that can be undone, newest first (the order they must be undone in). */
  get undoHistory(): readonly UndoEntry[] {
    return this.history.entries;
  }

  /**
   * Told whenever the undo history changes, with the task that changed it and its outcome (the table's
   * summary after it): the panel shares this session with the ribbon (one runtime), so a ribbon command
   * shows up in the panel's undo list and its summary. Returns the unsubscriber.
   */
  subscribe(listener: ChangeListener<SessionResult>): () => void {
    return this.events.onChange(listener);
  }

  /** The last change of the undo history told to `subscribe`'s listeners, or null. */
  get latestChange(): SessionChange<SessionResult> | null {
    return this.events.latest;
  }

  /**
   * Told of each step of a command (read → plan → write → done) before the session takes it; a listener's
   * promise is waited for (the pane lets the step paint). Returns the unsubscriber.
   */
  onStep(listener: StepListener): () => void {
    return this.events.onStep(listener);
  }

  /** Tells the step to the listeners, waiting for them. */
  private step = (step: Parameters<StepListener>[0]) => this.events.step(step);

  /** The criteria sheet the session reads, when it chose one or was told one (else null). */
  get sheet(): string | null {
    return this.chosen;
  }

  /** Makes `sheet` the criteria sheet of the next reads (the playground's user opened another table). */
  useSheet(sheet: string): void {
    this.chosen = sheet;
  }

  /** One read of the workbook, on the chosen sheet, once the workbook's memory is written. */
  private async read(): Promise<WorkbookSnapshot> {
    await this.memoryWrite; // the command then sees (and never races) the memory just written
    return this.readSheet();
  }

  /** The read itself, on the chosen sheet; the first read outside Excel chooses it. */
  private async readSheet(): Promise<WorkbookSnapshot> {
    if (this.chosen !== null) {
      const ws = await this.host.read({ sheet: this.chosen });
      return ws;
    }
    const ws = await this.host.read();
    if (!this.opts.chooseSheet) {
      // An add-in's sheet is active (a command took the user there): the table is still the one worked on.
      if (OWNED_SHEETS.includes(ws.active.name)) {
        const worked = this.worked;
        return worked !== null && ws.sheetNames.includes(worked) ? this.host.read({ sheet: worked }) : ws;
      }
      this.worked = ws.active.name;
      return ws;
    }
    const best = chooseSheet(ws);
    this.chosen = best;
    return best === ws.active.name ? ws : this.host.read({ sheet: best });
  }

  /**
   * The unit level in force for a read: the one the session was given (CLI `--unit`), else the one the
   * workbook remembers (the panel's choice, a hidden defined name both hosts keep: core/workbookMemory.ts),
   * else none (the titles decide, ./units.ts).
   */
  private unitOf(ws: WorkbookSnapshot): UnitLevel | null {
    if (this.opts.unit) return this.opts.unit;
    const remembered = readMemory(ws).unit;
    return remembered ? parseUnitLevel(remembered) : null;
  }

  /** The levels the panel offers, each with its name (issue 11: district, commune, ward, department). */
  get unitChoices(): readonly { level: UnitLevel; label: Bilingual }[] {
    return UNIT_CHOICES;
  }

  /**
   * Chooses the unit level for this workbook and remembers it there (null: forget it, the titles decide
   * again); a setting, not an edit, so it is not in the undo list. Returns the table read again with it.
   */
  async setUnit(level: UnitLevel | null): Promise<SessionResult> {
    try {
      const now = await this.writeMemory({ unit: level }, true);
      const r = analyzeWorkbook(now, { unit: this.unitOf(now) });
      return r.ok ? { ok: true, summary: r.summary, result: null } : { ok: false, error: r.error };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    } finally {
      await this.step("done");
    }
  }

  /**
   * Writes a setting into the workbook's memory (core/workbookMemory.ts): one read (the session's, on its
   * criteria sheet), one write unless the workbook already holds it; the workbook after. Chained: the next
   * command's read waits for it, and a failed write does not block it. With `steps`, tells read → plan →
   * write (the unit chooser shows them; "don't ask again" is silent); "done" is the caller's.
   */
  private writeMemory(change: MemoryChange, steps = false): Promise<WorkbookSnapshot> {
    const tell = steps ? this.step : () => Promise.resolve();
    const write = this.memoryWrite.then(async () => {
      await tell("read");
      const ws = await this.readSheet();
      await tell("plan");
      const ops = memoryOps(ws, change);
      if (ops.length === 0) return ws;
      const p = prepare(ws, { command: "recalc", ops, counts: {} }, { inverse: false });
      if (!p.ok) throw p.error;
      await tell("write");
      await this.host.apply(p);
      return p.after;
    });
    this.memoryWrite = write.then(
      () => undefined,
      () => undefined,
    );
    return write;
  }

  /** Reads and summarises the table without writing anything. */
  async analyze(): Promise<SessionResult> {
    try {
      await this.step("read");
      const ws = await this.read();
      await this.step("plan");
      const r = analyzeWorkbook(ws, { unit: this.unitOf(ws) });
      return r.ok ? { ok: true, summary: r.summary, result: null } : { ok: false, error: r.error };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    } finally {
      await this.step("done");
    }
  }

  /** Plans a command on a fresh read without writing it: what the panel says before a structural change. */
  async preview(command: CommandId, opts: RunOptions = {}): Promise<SessionPreview> {
    try {
      await this.step("read");
      const ws = await this.read();
      await this.step("plan");
      const outcome = planCommand(ws, command, {
        lang: this.lang ?? undefined,
        before: this.memory.beforeHighlight ?? undefined,
        inverse: false,
        unit: this.unitOf(ws),
        replaceTotal: opts.replaceTotal ?? this.opts.replaceTotal,
      });
      if (!outcome.ok) return { ok: false, error: outcome.error };
      const say = asksBefore(ws, command) ? sayBefore(outcome.changeSet, ws) : null;
      return { ok: true, say, summary: outcome.summary };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    } finally {
      await this.step("done");
    }
  }

  async run(command: CommandId, opts: RunOptions = {}): Promise<SessionResult> {
    const spec = commandSpec(command);
    const keepUndo = this.opts.undo !== false;
    try {
      await this.step("read");
      const ws = await this.read();
      await this.step("plan");
      const before = this.memory.beforeHighlight ?? undefined;
      const outcome = planCommand(ws, command, {
        lang: this.lang ?? undefined,
        before,
        inverse: keepUndo || this.opts.rollback !== false,
        unit: this.unitOf(ws),
        replaceTotal: opts.replaceTotal ?? this.opts.replaceTotal,
      });
      if (!outcome.ok) return { ok: false, error: outcome.error };
      await this.step("write");
      await this.host.apply(outcome.prepared);
      spec.afterApply?.(this.memory, ws);
      const result: SessionResult = {
        ok: true,
        summary: outcome.summary,
        result: outcome.result,
        changed: placeChanged(outcome.changeSet, ws),
      };
      if (keepUndo && outcome.inverse) {
        this.history.push({
          command,
          ...workedOn(ws, outcome.changeSet),
          inverse: outcome.inverse,
          after: outcome.prepared.after,
        });
        this.events.changed(command, result);
      }
      return result;
    } catch (e) {
      return { ok: false, error: describeError(e) };
    } finally {
      await this.step("done");
    }
  }

  /**
   * "Do everything" (./applyAll.ts): the steps planned on one read into one change set, one write; one
   * undo entry for all of it. The outcome carries the summary (with its warnings) and a line per step.
   */
  async applyAll(steps?: Iterable<ApplyStep>): Promise<ApplyAllOutcome> {
    try {
      await this.step("read");
      const ws = await this.read();
      await this.step("plan");
      const o = planApplyAll(ws, {
        steps,
        lang: this.lang ?? undefined,
        unit: this.unitOf(ws),
        replaceTotal: this.opts.replaceTotal,
        // The undo entry and a rollback of a part-way write need the inverse; a batch run needs neither.
        inverse: this.opts.undo !== false || this.opts.rollback !== false,
      });
      if (!o.ok) return o;
      await this.step("write");
      await this.host.apply(o.prepared);
      const commands = commandsOfSteps(steps);
      for (const c of commands) commandSpec(c).afterApply?.(this.memory, ws);
      if (this.opts.undo !== false) {
        this.history.push({
          command: commands[0],
          commands,
          label: APPLY_ALL_LABEL,
          ...workedOn(ws, o.changeSet),
          inverse: o.prepared.inverse,
          after: o.prepared.after,
        });
        this.events.changed("apply-all", everythingResult(o));
      }
      return o;
    } catch (e) {
      return { ok: false, error: describeError(e) };
    } finally {
      await this.step("done");
    }
  }

  /** "Do everything" as the panel shows it: one result line joining the steps' lines, where it wrote. */
  async doEverything(): Promise<SessionResult> {
    const o = await this.applyAll();
    return o.ok ? everythingResult(o) : o;
  }

  /** What "do everything" will change, in words (planned on a fresh read, nothing written). */
  async previewEverything(): Promise<SessionPreview> {
    try {
      await this.step("read");
      const ws = await this.read();
      await this.step("plan");
      const o = planApplyAll(ws, {
        lang: this.lang ?? undefined,
        unit: this.unitOf(ws),
        replaceTotal: this.opts.replaceTotal,
        inverse: false, // nothing is written
      });
      if (!o.ok) return o;
      return {
        ok: true,
        say: asksBefore(ws, "apply-all") ? sayBefore(o.changeSet, ws) : null,
        summary: o.summary,
      };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    } finally {
      await this.step("done");
    }
  }

  /**
   * The sheets the table could be compared with (every other sheet but the add-in's), the likeliest first:
   * one whose name or first rows name the year before the table's.
   */
  async compareCandidates(): Promise<{ current: string; sheets: string[] }> {
    const ws = await this.read();
    const current = ws.active.name;
    const yearOf = (text: string) =>
      Math.max(0, ...[...text.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1])));
    const titleText = (name: string) =>
      `${name} ${(ws.probes?.[name]?.values ?? [])
        .slice(0, 6)
        .flat()
        .filter((v) => typeof v === "string")
        .join(" ")}`;
    const year = yearOf(titleText(current));
    const sheets = ws.sheetNames.filter((n) => n !== current && !OWNED_SHEETS.includes(n));
    const score = (n: string) => (year > 0 && yearOf(titleText(n)) === year - 1 ? 0 : 1);
    return { current, sheets: [...sheets].sort((a, b) => score(a) - score(b)) };
  }

  /** Compares the criteria table with last year's sheet `previous` (two reads; nothing written). */
  async compareWith(previous: string): Promise<SessionComparison> {
    try {
      const ws = await this.read();
      const before = await this.host.read({ sheet: previous });
      const r = compareSheets(before.active, ws.active);
      if (!r.ok) return { ok: false, error: r.error };
      return { ok: true, current: ws.active.name, previous, comparison: r.comparison, lists: r.lists };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    }
  }

  /**
   * Another sheet as it stands (last year's, for the plan document's comparison, issue 12), read without
   * moving the session off the table's sheet.
   */
  async sheetSnapshot(sheet: string): Promise<SheetSnapshot> {
    await this.memoryWrite;
    // A read of a named sheet never changes what the next plain read reads (the hosts' contract).
    return (await this.host.read({ sheet })).active;
  }

  /** The workbook as it stands (one read): what the plan document (.docx) is made from. */
  async workbook(): Promise<WorkbookSnapshot> {
    return this.read();
  }

  /** Runs commands one after the other (one read and one write each), stopping at the first failure. */
  async runAll(commands: readonly CommandId[]): Promise<SessionResult[]> {
    const results: SessionResult[] = [];
    for (const command of commands) {
      const r = await this.run(command);
      results.push(r);
      if (!r.ok) break;
    }
    return results;
  }

  /** Undoes the last command, if the cells it wrote still hold what it wrote. */
  async undo(): Promise<SessionResult> {
    const last = this.history.last;
    if (!last) return { ok: true, summary: null, result: null };
    try {
      await this.step("read");
      // The sheet the command worked on, whichever is active now (the command may have shown another).
      const ws = await this.readForUndo(last.sheet);
      await this.step("plan");
      if (!ws || !untouchedSince(last, ws)) return { ok: false, error: userError("changed-since") };
      const p = prepare(ws, undoChangeSet(last));
      if (!p.ok) throw p.error;
      await this.step("write");
      await this.host.apply(p);
      this.history.pop();
      for (const c of last.commands ?? [last.command]) commandSpec(c).afterUndo?.(this.memory);
      const label = entryLabel(last);
      const result: SessionResult = {
        ok: true,
        summary: summaryAfter(p, this.unitOf(p.after)),
        result: { vi: `Đã hoàn tác: ${label.vi}.`, en: `Undone: ${label.en}.` },
      };
      this.events.changed("undo", result);
      return result;
    } catch (e) {
      return { ok: false, error: describeError(e) };
    } finally {
      await this.step("done");
    }
  }

  /**
   * The workbook read on `sheet` for an undo; null when that sheet is gone (deleted or renamed since: the
   * undo is refused as for any edit since). Other failures are the host's to tell.
   */
  private async readForUndo(sheet: string): Promise<WorkbookSnapshot | null> {
    try {
      return await this.host.read({ sheet });
    } catch (e) {
      if (!hasCode(e, "stale") && !hasCode(e, "no-table")) throw e;
      const now = await this.host.read(this.chosen !== null ? { sheet: this.chosen } : undefined);
      if (now.sheetNames.includes(sheet)) throw e;
      return null;
    }
  }

  /**
   * Undoes, newest first, every command down to and including entry `id` of `undoHistory`; stops at the
   * first refusal (a cell edited since), which it returns, with what was undone before it kept undone.
   */
  async undoTo(id: number): Promise<SessionResult> {
    if (!this.history.has(id)) return { ok: true, summary: null, result: null };
    const undone: Bilingual[] = [];
    let r: SessionResult = { ok: true, summary: null, result: null };
    while (this.history.has(id)) {
      const label = entryLabel(this.history.last!);
      r = await this.undo();
      if (!r.ok) return r;
      undone.push(label);
    }
    if (undone.length < 2) return r;
    return {
      ...r,
      result: {
        vi: `Đã hoàn tác ${undone.length} thao tác: ${undone.map((l) => l.vi).join("; ")}.`,
        en: `Undone ${undone.length} actions: ${undone.map((l) => l.en).join("; ")}.`,
      },
    };
  }

  /**
   * "Don't ask again": remembered in the workbook itself (hidden defined name `_ParIndex_NoAsk_<command>`,
   * core/workbookMemory.ts), so the choice travels with the file; `preview` then says nothing for it. By
   * default for every command (the panel's "for this workbook"). One read, one write unless already so;
   * the next command's read waits for it. No undo entry: it is a preference, not a change to the table.
   */
  async stopAsking(command: CommandId | "apply-all" | typeof NO_ASK_ALL = NO_ASK_ALL): Promise<void> {
    await this.writeMemory({ noAsk: { [command]: true } });
  }

  /** Selects a range of a sheet (the panel's "go to the inserted columns"): one read, one write. */
  async show(sheet: string, rect: Rect): Promise<void> {
    const ws = await this.host.read(this.chosen !== null ? { sheet: this.chosen } : undefined);
    const p = prepare(ws, { command: "recalc", ops: [{ op: "select", sheet, rect }], counts: {} });
    if (!p.ok) throw p.error;
    await this.host.apply(p);
  }

  /** Shows a row of the sheet to the user (the panel's "go to this criterion"). */
  async selectRow(sheet: string, row: number): Promise<void> {
    await this.host.selectRow?.(sheet, row);
  }
}

/** "Do everything"'s outcome as a session result: one result line joining the steps' lines, where it wrote. */
function everythingResult(o: Extract<ApplyAllOutcome, { ok: true }>): SessionResult {
  const join = (lang: Lang) => o.results.map((r) => r[lang]).join(" ");
  return {
    ok: true,
    summary: o.summary,
    result: { vi: join("vi"), en: join("en") },
    changed: placeChanged(o.changeSet, o.prepared.after),
  };
}
