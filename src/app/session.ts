/**
 * A working session on one workbook, whatever the host (Excel through Office.js, ExcelJS in the playground
 * and the CLI, a test double): read → plan → apply, keeping the inverse of the last change for "Undo last
 * change". Two host round trips per command: one read, one write. Every front end (panel, ribbon,
 * playground, CLI) runs its commands through a Session; what each command does is its registry entry.
 */
import type { ChangeSet, Lang, WorkbookSnapshot } from "../core";
import type { Host } from "../hosts/host";
import { prepare, WorkbookModel } from "../core";
import { chooseSheet } from "./chooseSheet";
import { analyzeWorkbook, planCommand, type CommandId, type Summary } from "./commands";
import { describeError, userError, type Bilingual, type UserError } from "./errors";
import { commandSpec, type SessionMemory } from "./registry";
import { commandsOfSteps, planApplyAll, type ApplyAllOutcome, type ApplyStep } from "./applyAll";
import type { UnitLevel } from "./units";

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
  { ok: true; summary: Summary | null; result: Bilingual | null } | { ok: false; error: UserError };

export interface SessionOptions {
  /**
   * Outside Excel (CLI, playground): on the first read, choose the criteria sheet by the app's rule
   * (./chooseSheet.ts) and keep it. In Excel (default false) the active sheet is the user's choice.
   */
  chooseSheet?: boolean;
  /** Keep an undo entry after each command (default true); batch runs that never undo skip the work. */
  undo?: boolean;
  /** The unit's level the user chose; else detected from the table's titles (./units.ts). */
  unit?: UnitLevel | null;
  /** Replace a stated total that differs from the recomputed one (CLI `--replace-total`). */
  replaceTotal?: boolean;
}

interface LastChange {
  command: CommandId;
  inverse: ChangeSet;
  /** The workbook as the command left it (simulated), to check nothing changed before undoing. */
  after: WorkbookSnapshot;
}

export class Session {
  private last: LastChange | null = null;
  private readonly memory: SessionMemory = { beforeHighlight: null };
  /** The criteria sheet once chosen (outside Excel) or set by the front end; null: the host's choice. */
  private chosen: string | null = null;

  constructor(
    private readonly host: SessionHost,
    /** The language of the labels commands write; null: the table's own (the ribbon has no language). */
    public lang: Lang | null = "vi",
    private readonly opts: SessionOptions = {},
  ) {}

  get canUndo(): boolean {
    return this.last !== null;
  }

  get lastCommand(): CommandId | null {
    return this.last?.command ?? null;
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
    if (this.chosen !== null) {
      const ws = await this.host.read({ sheet: this.chosen });
      return ws;
    }
    const ws = await this.host.read();
    if (!this.opts.chooseSheet) return ws;
    const best = chooseSheet(ws);
    this.chosen = best;
    return best === ws.active.name ? ws : this.host.read({ sheet: best });
  }

  /** Reads and summarises the table without writing anything. */
  async analyze(): Promise<SessionResult> {
    try {
      const ws = await this.read();
      const r = analyzeWorkbook(ws, { unit: this.opts.unit });
      return r.ok ? { ok: true, summary: r.summary, result: null } : { ok: false, error: r.error };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    }
  }

  async run(command: CommandId): Promise<SessionResult> {
    const spec = commandSpec(command);
    const keepUndo = this.opts.undo !== false;
    try {
      const ws = await this.read();
      const before = this.memory.beforeHighlight ?? undefined;
      const outcome = planCommand(ws, command, {
        lang: this.lang ?? undefined,
        before,
        inverse: keepUndo,
        unit: this.opts.unit,
        replaceTotal: this.opts.replaceTotal,
      });
      if (!outcome.ok) return { ok: false, error: outcome.error };
      await this.host.apply(outcome.prepared);
      spec.afterApply?.(this.memory, ws);
      this.last = outcome.inverse && { command, inverse: outcome.inverse, after: outcome.prepared.after };
      return { ok: true, summary: outcome.summary, result: outcome.result };
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
        unit: this.opts.unit,
        replaceTotal: this.opts.replaceTotal,
      });
      if (!o.ok) return o;
      await this.host.apply(o.prepared);
      const commands = commandsOfSteps(steps);
      for (const c of commands) commandSpec(c).afterApply?.(this.memory, ws);
      this.last =
        this.opts.undo !== false
          ? { command: commands[0], inverse: o.prepared.inverse, after: o.prepared.after }
          : null;
      return o;
    } catch (e) {
      return { ok: false, error: describeError(e) };
    }
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
    const last = this.last;
    if (!last) return { ok: true, summary: null, result: null };
    try {
      const ws = await this.read();
      if (!untouchedSince(last, ws)) return { ok: false, error: userError("changed-since") };
      const p = prepare(ws, last.inverse);
      if (!p.ok) throw p.error;
      await this.host.apply(p);
      this.last = null;
      commandSpec(last.command).afterUndo?.(this.memory);
      const r = analyzeWorkbook(p.after, { unit: this.opts.unit });
      return {
        ok: true,
        summary: r.ok ? r.summary : null,
        result: { vi: "Đã hoàn tác thay đổi vừa rồi.", en: "The last change was undone." },
      };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    }
  }

  /** Shows a row of the sheet to the user (the panel's "go to this criterion"). */
  async selectRow(sheet: string, row: number): Promise<void> {
    await this.host.selectRow?.(sheet, row);
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
