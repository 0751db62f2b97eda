/**
 * Preparing a change set: the ONE simulation of a command's change set on the snapshot it was planned from.
 * It checks every op (core/checks.ts: what Excel would refuse; protected sheets; what the ops need to
 * exist), resolves each op to the absolute facts a host needs to write it (a new sheet's tab position),
 * derives the inverse (for undo) and the workbook as the change set leaves it. Hosts write a prepared
 * change set as it is, without a model of their own; the session keeps `inverse` and `after`. Pure.
 */
import type { CellValue, ChangeSet, Op, Rect, WorkbookSnapshot } from "./types";
import { AddinError } from "./errors";
import { cellAddress } from "./address";
import { ChangeSetError, WorkbookModel } from "./model";
import { opProblem } from "./checks";

/** An op with what the host needs to know of the workbook at that point (positions are 0-based). */
export type ResolvedOp =
  | Exclude<Op, { op: "addSheet" | "setCells" | "setName" }>
  | (Extract<Op, { op: "setName" }> & {
      /** The name exists before the op (Office deletes it by getItem: never a call on a null object). */
      exists: boolean;
    })
  | (Extract<Op, { op: "addSheet" }> & {
      /** The tab index the new sheet takes (after `after`, else last). */
      position: number;
    })
  | (Extract<Op, { op: "setCells" }> & {
      /**
       * When the op writes a formula into an Excel table's data rows: those tables' data-body columns that
       * the op touches (Excel may fill such a column with one formula; the host checks and repairs them).
       */
      tableColumns?: Rect[];
    });

export interface PreparedOk {
  ok: true;
  changeSet: ChangeSet;
  /** changeSet.ops, same order, resolved against the workbook as the previous ops leave it. */
  ops: ResolvedOp[];
  /** The change set that undoes this one, from the same snapshot. */
  inverse: ChangeSet;
  /**
   * Per op (same order as `ops`): the resolved ops that undo it, written on the workbook as that op left
   * it. A host whose write failed part-way undoes the ops it sent by writing these, last op first.
   */
  undoOps: ResolvedOp[][];
  /**
   * The workbook as the change set leaves it (recalculated where the core can evaluate formulas); built
   * from prepare's model on first access, from the same simulation.
   */
  readonly after: WorkbookSnapshot;
  /**
   * One cell's value in the workbook as the change set leaves it, recalculated as `after` is, read off
   * prepare's model in place (no snapshot copied: what a writer of cached formula results needs); undefined
   * for a sheet the workbook then does not have. The first call (or `after`) recalculates.
   */
  valueAfter(sheet: string, row: number, col: number): CellValue | undefined;
}

export type Prepared = PreparedOk | { ok: false; error: AddinError };

export interface PrepareOptions {
  /**
   * Derive the inverse (default true). A caller that will never undo nor roll back a part-way write (a step
   * of apply-all, the CLI) skips it: `inverse` is then an empty change set and `undoOps` holds empty lists.
   */
  inverse?: boolean;
}

/** Checks `cs` against `ws`, resolves its ops and derives its inverse and after state, in one simulation. */
export function prepare(ws: WorkbookSnapshot, cs: ChangeSet, opts: PrepareOptions = {}): Prepared {
  const p = new Preparation(ws, opts);
  const error = p.add(cs);
  return error ? { ok: false, error } : p.finish(cs);
}

/**
 * One simulation across change sets planned one after another on the workbook as the ones before leave it
 * (apply-all's steps): each is checked and resolved as it is added, the state between them is read off the
 * same model, and `finish` gives the joined change set prepared — what `prepare` on the first snapshot with
 * the joined ops would give, without simulating them all again.
 */
export class Preparation {
  private readonly m: WorkbookModel;
  private readonly ops: ResolvedOp[] = [];
  private readonly inverse: Op[][] = [];
  private readonly undoOps: ResolvedOp[][] = [];
  private readonly withInverse: boolean;
  /**
   * Some op since the last recalculation may have changed a formula's result (WorkbookModel.mayChangeResults:
   * not formats nor constants written where no formula reads).
   */
  private stale = true;

  constructor(
    private readonly ws: WorkbookSnapshot,
    opts: PrepareOptions = {},
  ) {
    this.m = WorkbookModel.fromSnapshot(ws);
    this.withInverse = opts.inverse !== false;
  }

  /**
   * Checks `cs`'s ops on the workbook as the change sets added before leave it and simulates them; the
   * error of the first op that cannot be written (numbered within `cs`), or null. After an error the
   * preparation is not to be used further.
   */
  add(cs: ChangeSet): AddinError | null {
    const m = this.m;
    for (let i = 0; i < cs.ops.length; i++) {
      const op = cs.ops[i];
      const error = refusal(m, op, i);
      if (error) return error;
      if (!this.stale && m.mayChangeResults(op)) this.stale = true;
      try {
        const inv = this.withInverse ? m.inverseOf(op) : [];
        this.inverse.push(inv);
        this.ops.push(resolve(m, op));
        m.apply(op);
        this.undoOps.push(inv.map((o) => resolve(m, o)));
      } catch (e) {
        if (e instanceof ChangeSetError) return invalid(op, i, e.message);
        throw e;
      }
    }
    return null;
  }

  /** The workbook as the change sets added so far leave it, recalculated (what the next one is planned on). */
  state(): WorkbookSnapshot {
    this.recalculated();
    return this.m.toSnapshot(this.shownSheet());
  }

  /** The model, recalculated when some op since the last recalculation may have changed a result. */
  private recalculated(): WorkbookModel {
    if (this.stale) this.m.recalculate();
    this.stale = false;
    return this.m;
  }

  /**
   * The sheet the state after is seen from: the one read, while it exists; when the change set deleted it
   * (the undo of a sheet the add-in added and showed), the one Excel shows then — the last sheet a `select`
   * op went to, else the first left. Never a throw: the state after is asked for after the host has written.
   */
  private shownSheet(): string {
    const order = this.m.order;
    if (order.includes(this.ws.active.name)) return this.ws.active.name;
    for (let i = this.ops.length - 1; i >= 0; i--) {
      const o = this.ops[i];
      if (o.op === "select" && order.includes(o.sheet)) return o.sheet;
    }
    return order[0];
  }

  /** `cs` (every op added, in order) prepared; the preparation is done with. */
  finish(cs: ChangeSet): PreparedOk {
    // The state after is built when first asked for (the session does; the ribbon and the CLI never do):
    // recalculating and copying a large workbook out of the model is the costly part.
    let after: WorkbookSnapshot | null = null;
    const state = () => this.state();
    const model = () => this.recalculated();
    return {
      ok: true,
      changeSet: cs,
      ops: this.ops,
      undoOps: this.undoOps,
      inverse: { command: "undo", ops: this.inverse.reverse().flat(), counts: { ops: cs.ops.length } },
      get after(): WorkbookSnapshot {
        after ??= state();
        return after;
      },
      valueAfter: (sheet, row, col) => model().valueAt(sheet, row, col),
    };
  }
}

/**
 * Only the checks of prepare (no inverse, no after state, no recalculation): for a host asked to write a
 * change set that was not prepared (the xlsx host's applyChangeSet, called by the CLI and tests).
 */
export function checkChangeSet(ws: WorkbookSnapshot, cs: ChangeSet): AddinError | null {
  const m = WorkbookModel.fromSnapshot(ws);
  for (let i = 0; i < cs.ops.length; i++) {
    const op = cs.ops[i];
    const error = refusal(m, op, i);
    if (error) return error;
    try {
      m.apply(op);
    } catch (e) {
      if (e instanceof ChangeSetError) return invalid(op, i, e.message);
      throw e;
    }
  }
  return null;
}

function invalid(op: Op, index: number, problem: string): AddinError {
  return new AddinError("invalid-change-set", {
    op: `${index + 1}: ${op.op} «${op.sheet}»`,
    problem,
  });
}

/** Why `op` (the index-th) cannot be written on `m`, or null. */
function refusal(m: WorkbookModel, op: Op, index: number): AddinError | null {
  // Names are the workbook's, not the sheet's: a protected sheet does not stop them.
  if (op.op !== "select" && op.op !== "addSheet" && op.op !== "setName" && m.sheets.get(op.sheet)?.protected)
    return new AddinError("protected", { sheet: op.sheet });
  const p = opProblem(m, op);
  if (!p) return null;
  if (p.kind === "text-too-long")
    return new AddinError("text-too-long", {
      sheet: op.sheet,
      cell: cellAddress(p.row, p.col),
      length: p.length,
    });
  return invalid(op, index, p.problem);
}

function resolve(m: WorkbookModel, op: Op): ResolvedOp {
  if (op.op === "setCells") {
    const columns = tableColumns(m, op);
    return columns.length ? { ...op, tableColumns: columns } : op;
  }
  if (op.op === "setName") {
    const key = op.name.toLowerCase();
    return { ...op, exists: m.names.some((n) => n.name.toLowerCase() === key) };
  }
  if (op.op !== "addSheet") return op;
  const idx = op.after !== undefined ? m.order.indexOf(op.after) : -1;
  return { ...op, position: idx >= 0 ? idx + 1 : m.order.length };
}

/** The data-body columns of tables on the op's sheet that get a formula from `op` (see ResolvedOp). */
function tableColumns(m: WorkbookModel, op: Extract<Op, { op: "setCells" }>): Rect[] {
  const out: Rect[] = [];
  for (const t of m.sheets.get(op.sheet)?.tables ?? []) {
    const top = t.rect.top + (t.showHeaders === false ? 0 : 1);
    const bottom = t.rect.top + t.rect.rows - (t.showTotals ? 1 : 0);
    const left = Math.max(t.rect.left, op.left);
    const right = Math.min(t.rect.left + t.rect.cols, op.left + (op.cells[0]?.length ?? 0));
    if (bottom <= top || right <= left) continue;
    const formula = op.cells.some((row, r) =>
      row.some(
        (c, i) =>
          (c?.kind === "formula" || c?.kind === "rowFormula") &&
          op.top + r >= top &&
          op.top + r < bottom &&
          op.left + i >= left &&
          op.left + i < right,
      ),
    );
    if (formula) out.push({ top, left, rows: bottom - top, cols: right - left });
  }
  return out;
}
