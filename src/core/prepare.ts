/**
 * Preparing a change set: the ONE simulation of a command's change set on the snapshot it was planned from.
 * It checks every op (core/checks.ts: what Excel would refuse; protected sheets; what the ops need to
 * exist), resolves each op to the absolute facts a host needs to write it (a new sheet's tab position),
 * derives the inverse (for undo) and the workbook as the change set leaves it. Hosts write a prepared
 * change set as it is, without a model of their own; the session keeps `inverse` and `after`. Pure.
 */
import type { ChangeSet, Op, WorkbookSnapshot } from "./types";
import { AddinError } from "./errors";
import { cellAddress } from "./address";
import { ChangeSetError, WorkbookModel } from "./model";
import { opProblem } from "./checks";

/** An op with what the host needs to know of the workbook at that point (positions are 0-based). */
export type ResolvedOp =
  | Exclude<Op, { op: "addSheet" }>
  | (Extract<Op, { op: "addSheet" }> & {
      /** The tab index the new sheet takes (after `after`, else last). */
      position: number;
    });

export interface PreparedOk {
  ok: true;
  changeSet: ChangeSet;
  /** changeSet.ops, same order, resolved against the workbook as the previous ops leave it. */
  ops: ResolvedOp[];
  /** The change set that undoes this one, from the same snapshot. */
  inverse: ChangeSet;
  /**
   * The workbook as the change set leaves it (recalculated where the core can evaluate formulas); built
   * from prepare's model on first access, from the same simulation.
   */
  readonly after: WorkbookSnapshot;
}

export type Prepared = PreparedOk | { ok: false; error: AddinError };

export interface PrepareOptions {
  /**
   * Derive the inverse (default true). A caller that will never undo (a step of apply-all, the CLI) skips
   * it: `inverse` is then an empty change set.
   */
  inverse?: boolean;
}

/** Checks `cs` against `ws`, resolves its ops and derives its inverse and after state, in one simulation. */
export function prepare(ws: WorkbookSnapshot, cs: ChangeSet, opts: PrepareOptions = {}): Prepared {
  const m = WorkbookModel.fromSnapshot(ws);
  const ops: ResolvedOp[] = [];
  const inverse: Op[][] = [];
  const withInverse = opts.inverse !== false;
  for (let i = 0; i < cs.ops.length; i++) {
    const op = cs.ops[i];
    const error = refusal(m, op, i);
    if (error) return { ok: false, error };
    try {
      if (withInverse) inverse.push(m.inverseOf(op));
      ops.push(resolve(m, op));
      m.apply(op);
    } catch (e) {
      if (e instanceof ChangeSetError) return { ok: false, error: invalid(op, i, e.message) };
      throw e;
    }
  }
  // The state after is built when first asked for (the session does; the ribbon and the CLI never do):
  // recalculating and copying a large workbook out of the model is the costly part.
  let after: WorkbookSnapshot | null = null;
  return {
    ok: true,
    changeSet: cs,
    ops,
    inverse: { command: "undo", ops: inverse.reverse().flat(), counts: { ops: cs.ops.length } },
    get after(): WorkbookSnapshot {
      if (!after) {
        m.recalculate();
        after = m.toSnapshot(ws.active.name);
      }
      return after;
    },
  };
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
  if (op.op !== "select" && op.op !== "addSheet" && m.sheets.get(op.sheet)?.protected)
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
  if (op.op !== "addSheet") return op;
  const idx = op.after !== undefined ? m.order.indexOf(op.after) : -1;
  return { ...op, position: idx >= 0 ? idx + 1 : m.order.length };
}
