/**
 * A working session on one workbook, whatever the host (Excel through Office.js, ExcelJS in the playground
 * and the CLI, a test double): read → plan → apply, keeping the inverse of every change since it began
 * (the undo history, undone newest first). Two host round trips per command: one read, one write. Every front end (panel, ribbon,
 * playground, CLI) runs its commands through a Session; what each command does is its registry entry.
 */
import type { ChangeSet, Lang, PreparedOk, Rect, SheetSnapshot, WorkbookSnapshot } from "../core";
import type { Host } from "../hosts/host";
import { memoryOps, prepare, readMemory, WorkbookModel } from "../core";
import { chooseSheet, OWN_SHEETS } from "./chooseSheet";
import { analyzeWorkbook, planCommand, type CommandId, type Summary } from "./commands";
import { describeError, hasCode, userError, type Bilingual, type UserError } from "./errors";
import {
  commandLabel,
  commandSpec,
  placeChanged,
  sayBefore,
  type ChangedPlace,
  type SessionMemory,
} from "./registry";
import { commandsOfSteps, planApplyAll, type ApplyAllOutcome, type ApplyStep } from "./applyAll";
import { parseUnitLevel, UNIT_LABELS, UNIT_LEVELS, type UnitLevel } from "./units";
import { compareSheets, type ComparisonLists, type Comparison } from "./compare";
import { OWNED_SHEETS } from "../core/owned";

/** This year's table against last year's sheet (the panel's "So sánh"). */
export type SessionComparison =
  | { ok: true; current: string; previous: string; comparison: Comparison; lists: ComparisonLists }
  | { ok: false; error: UserError };

/** What a session may ask a host to read: a named sheet as the criteria sheet. */
export interface ReadRequest {
  sheet?: string;
}

/**
 * What a host gives a session: the Office host, the xlsx host and MemoryHost all fit it. A host whose
 * `read` takes no request fits too (it then always reads its own choice of sheet).
 */
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

/** One command that can still be undone, as the panel's undo list names it. */
export interface UndoEntry {
  id: number;
  command: CommandId;
  /** The command's name ("Điền cơ quan và giải pháp"). */
  label: Bilingual;
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

interface LastChange {
  id: number;
  command: CommandId;
  /** Every command the entry carried out (apply-all: several in one change set); absent: `command`. */
  commands?: CommandId[];
  /** The entry's name when it is not its command's ("Làm tất cả"). */
  label?: Bilingual;
  inverse: ChangeSet;
  /** The criteria sheet the command worked on: its undo reads this sheet, whatever sheet is active then. */
  sheet: string;
  /** Where the undo takes the user back to, when the command showed them another sheet (the catalogue). */
  returnTo?: { sheet: string; rect: Rect };
  /** The workbook as the command left it (simulated), to check nothing changed before undoing. */
  after: WorkbookSnapshot;
}

export class Session {
  /** Every command since the session began that can still be undone, oldest first. */
  private history: LastChange[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();
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
    return this.history.length > 0;
  }

  get lastCommand(): CommandId | null {
    return this.history.at(-1)?.command ?? null;
  }

  /** The commands that can be undone, newest first (the order they must be undone in). */
  get undoHistory(): readonly UndoEntry[] {
    return this.history.map((h) => ({ id: h.id, command: h.command, label: entryLabel(h) })).reverse();
  }

  /**
   * Told whenever the undo history changes: the panel shares this session with the ribbon (one runtime),
   * so a ribbon command shows up in the panel's undo list. Returns the unsubscriber.
   */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  /** The criteria sheet the session reads, when it chose one or was told one (else null). */
  get sheet(): string | null {
    return this.chosen;
  }

  /** Makes `sheet` the criteria sheet of the next reads (the playground's user opened another table). */
  useSheet(sheet: string): void {
    this.chosen = sheet;
  }

  /** One read of the workbook, on the chosen sheet; the first read outside Excel chooses it. */
  private async read(): Promise<WorkbookSnapshot> {
    await this.memoryWrite; // the command then sees (and never races) the memory just written
    if (this.chosen !== null) {
      const ws = await this.host.read({ sheet: this.chosen });
      return ws;
    }
    const ws = await this.host.read();
    if (!this.opts.chooseSheet) {
      // An add-in's sheet is active (a command took the user there): the table is still the one worked on.
      if (OWN_SHEETS.includes(ws.active.name)) {
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
    return UNIT_LEVELS.map((level) => ({ level, label: UNIT_LABELS[level] }));
  }

  /**
   * Chooses the unit level for this workbook and remembers it there (null: forget it, the titles decide
   * again); a setting, not an edit, so it is not in the undo list. Returns the table read again with it.
   */
  async setUnit(level: UnitLevel | null): Promise<SessionResult> {
    try {
      const ws = await this.read();
      const ops = memoryOps(ws, { unit: level });
      let now = ws;
      if (ops.length > 0) {
        const p = prepare(ws, { command: "recalc", ops, counts: {} }, { inverse: false });
        if (!p.ok) throw p.error;
        await this.host.apply(p);
        now = p.after;
      }
      const r = analyzeWorkbook(now, { unit: this.unitOf(now) });
      return r.ok ? { ok: true, summary: r.summary, result: null } : { ok: false, error: r.error };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    }
  }

  /** Reads and summarises the table without writing anything. */
  async analyze(): Promise<SessionResult> {
    try {
      const ws = await this.read();
      const r = analyzeWorkbook(ws, { unit: this.unitOf(ws) });
      return r.ok ? { ok: true, summary: r.summary, result: null } : { ok: false, error: r.error };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    }
  }

  /** Plans a command on a fresh read without writing it: what the panel says before a structural change. */
  async preview(command: CommandId, opts: RunOptions = {}): Promise<SessionPreview> {
    try {
      const ws = await this.read();
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
    }
  }

  async run(command: CommandId, opts: RunOptions = {}): Promise<SessionResult> {
    const spec = commandSpec(command);
    const keepUndo = this.opts.undo !== false;
    try {
      const ws = await this.read();
      const before = this.memory.beforeHighlight ?? undefined;
      const outcome = planCommand(ws, command, {
        lang: this.lang ?? undefined,
        before,
        inverse: keepUndo || this.opts.rollback !== false,
        unit: this.unitOf(ws),
        replaceTotal: opts.replaceTotal ?? this.opts.replaceTotal,
      });
      if (!outcome.ok) return { ok: false, error: outcome.error };
      await this.host.apply(outcome.prepared);
      spec.afterApply?.(this.memory, ws);
      if (keepUndo && outcome.inverse) {
        this.history.push({
          id: this.nextId++,
          command,
          ...workedOn(ws, outcome.changeSet),
          inverse: outcome.inverse,
          after: outcome.prepared.after,
        });
        this.changed();
      }
      return {
        ok: true,
        summary: outcome.summary,
        result: outcome.result,
        changed: placeChanged(outcome.changeSet, ws),
      };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    }
  }

  /**
   * "Do everything" (./applyAll.ts): the steps planned on one read into one change set, one write; one
   * undo entry for all of it. The outcome carries the summary (with its warnings) and a line per step.
   */
  async applyAll(steps?: Iterable<ApplyStep>): Promise<ApplyAllOutcome> {
    try {
      const ws = await this.read();
      const o = planApplyAll(ws, {
        steps,
        lang: this.lang ?? undefined,
        unit: this.unitOf(ws),
        replaceTotal: this.opts.replaceTotal,
        // The undo entry and a rollback of a part-way write need the inverse; a batch run needs neither.
        inverse: this.opts.undo !== false || this.opts.rollback !== false,
      });
      if (!o.ok) return o;
      await this.host.apply(o.prepared);
      const commands = commandsOfSteps(steps);
      for (const c of commands) commandSpec(c).afterApply?.(this.memory, ws);
      if (this.opts.undo !== false) {
        this.history.push({
          id: this.nextId++,
          command: commands[0],
          commands,
          label: APPLY_ALL_LABEL,
          ...workedOn(ws, o.changeSet),
          inverse: o.prepared.inverse,
          after: o.prepared.after,
        });
        this.changed();
      }
      return o;
    } catch (e) {
      return { ok: false, error: describeError(e) };
    }
  }

  /** "Do everything" as the panel shows it: one result line joining the steps' lines, where it wrote. */
  async doEverything(): Promise<SessionResult> {
    const o = await this.applyAll();
    if (!o.ok) return o;
    const join = (lang: Lang) => o.results.map((r) => r[lang]).join(" ");
    return {
      ok: true,
      summary: o.summary,
      result: { vi: join("vi"), en: join("en") },
      changed: placeChanged(o.changeSet, o.prepared.after),
    };
  }

  /** What "do everything" will change, in words (planned on a fresh read, nothing written). */
  async previewEverything(): Promise<SessionPreview> {
    try {
      const ws = await this.read();
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
      // hosts that remember the sheet they read last (MemoryHost) are put back on the table's sheet
      if (this.chosen === null) await this.host.read({ sheet: ws.active.name });
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
    const here = await this.read();
    const other = await this.host.read({ sheet });
    // hosts that remember the sheet they read last (MemoryHost) are put back on the table's sheet
    if (this.chosen === null) await this.host.read({ sheet: here.active.name });
    return other.active;
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
    const last = this.history.at(-1);
    if (!last) return { ok: true, summary: null, result: null };
    try {
      // The sheet the command worked on, whichever is active now (the command may have shown another).
      const ws = await this.readForUndo(last.sheet);
      if (!ws || !untouchedSince(last, ws)) return { ok: false, error: userError("changed-since") };
      const back = last.returnTo;
      const inverse: ChangeSet = back
        ? {
            ...last.inverse,
            ops: [...last.inverse.ops, { op: "select", sheet: back.sheet, rect: back.rect }],
          }
        : last.inverse;
      const p = prepare(ws, inverse);
      if (!p.ok) throw p.error;
      await this.host.apply(p);
      this.history.pop();
      this.changed();
      for (const c of last.commands ?? [last.command]) commandSpec(c).afterUndo?.(this.memory);
      const label = entryLabel(last);
      return {
        ok: true,
        summary: summaryAfter(p, this.unitOf(p.after)),
        result: { vi: `Đã hoàn tác: ${label.vi}.`, en: `Undone: ${label.en}.` },
      };
    } catch (e) {
      return { ok: false, error: describeError(e) };
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
    if (!this.history.some((h) => h.id === id)) return { ok: true, summary: null, result: null };
    const undone: Bilingual[] = [];
    let r: SessionResult = { ok: true, summary: null, result: null };
    while (this.history.some((h) => h.id === id)) {
      const label = entryLabel(this.history.at(-1)!);
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
  stopAsking(command: CommandId | "apply-all" | typeof NO_ASK_ALL = NO_ASK_ALL): Promise<void> {
    const write = this.memoryWrite.then(async () => {
      const ws = await this.host.read(this.chosen !== null ? { sheet: this.chosen } : undefined);
      const ops = memoryOps(ws, { noAsk: { [command]: true } });
      if (ops.length === 0) return;
      const p = prepare(ws, { command: "recalc", ops, counts: {} }, { inverse: false });
      if (!p.ok) throw p.error;
      await this.host.apply(p);
    });
    this.memoryWrite = write.catch(() => undefined); // a failed write does not block the next command
    return write;
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

/**
 * The runtime's one session (shared runtime: the ribbon's function file IS the task pane page). The pane
 * shares the session it made; the ribbon's commands then run through it, so they land in the panel's undo
 * list and undo from the panel undoes them. Without a shared session (commands.html alone, no pane open)
 * the ribbon makes its own.
 */
let runtimeSession: Session | null = null;

/** Makes `session` the one the ribbon's commands run through (null: none any more). */
export function shareSession(session: Session | null): void {
  runtimeSession = session;
}

/** The session the pane shared, if any. */
export function sharedSession(): Session | null {
  return runtimeSession;
}

/** The workbook memory's "don't ask again" for every command (`_ParIndex_NoAsk_all`). */
export const NO_ASK_ALL = "all";

/** Whether the workbook's memory lets the panel ask before `command` (neither it nor "all" is remembered). */
function asksBefore(ws: WorkbookSnapshot, command: string): boolean {
  const { noAsk } = readMemory(ws);
  return !noAsk.includes(NO_ASK_ALL) && !noAsk.includes(command);
}

/** The undo list's name of "do everything" (one entry for all its steps). */
export const APPLY_ALL_LABEL: Bilingual = { vi: "Làm tất cả", en: "Do everything" };

const entryLabel = (h: LastChange): Bilingual => h.label ?? commandLabel(h.command);

/**
 * The sheet a command read `ws` on worked on, and, when its change set shows the user another sheet, where
 * its undo brings them back (the selection they had, else the sheet's first cell).
 */
function workedOn(ws: WorkbookSnapshot, cs: ChangeSet): Pick<LastChange, "sheet" | "returnTo"> {
  const sheet = ws.active.name;
  const away = cs.ops.some((op) => op.op === "select" && op.sheet !== sheet);
  if (!away) return { sheet };
  return { sheet, returnTo: { sheet, rect: ws.active.selection ?? { top: 0, left: 0, rows: 1, cols: 1 } } };
}

/**
 * The table's summary after an undo was written, or null when it cannot be made: the undo is done by then,
 * so nothing here may turn it into a failure.
 */
function summaryAfter(p: PreparedOk, unit: UnitLevel | null | undefined): Summary | null {
  try {
    const r = analyzeWorkbook(p.after, { unit });
    return r.ok ? r.summary : null;
  } catch {
    return null;
  }
}

/** Hosts may give formulas back respaced or recased ("=round(" → "=ROUND("): compare loosely. */
const norm = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, "").toUpperCase() : (v ?? null));

/** Every cell the inverse will write holds what the command left there. */
function untouchedSince(last: LastChange, now: WorkbookSnapshot): boolean {
  const expected = WorkbookModel.fromSnapshot(last.after);
  const current = WorkbookModel.fromSnapshot(now);
  for (const name of expected.order) if (!current.sheets.has(name)) return false;
  for (const op of last.inverse.ops) {
    if (op.op !== "setCells") continue;
    const e = expected.sheets.get(op.sheet);
    const c = current.sheets.get(op.sheet);
    if (!e || !c) return false;
    for (let r = 0; r < op.cells.length; r++)
      for (let k = 0; k < op.cells[r].length; k++) {
        if (op.cells[r][k] === null) continue;
        const x = e.get(op.top + r, op.left + k);
        const y = c.get(op.top + r, op.left + k);
        if (norm(x.formula ?? x.value) !== norm(y.formula ?? y.value)) return false;
      }
  }
  return true;
}
