/**
 * Change sets with row formulas (CellInput "rowFormula") for the hosts' tests: the same change set with
 * every row formula written out as its text on its row (what a host must write for it), and a preparation
 * of that text version carrying the row formulas to the host (core's prepare is another helper's room:
 * until it takes row formulas, the hosts get them this way; afterwards it is the same preparation).
 */
import { formulaTextAt } from "../../src/core/rowFormula";
import type { PreparedOk } from "../../src/core/prepare";
import type { CellInput, ChangeSet, Op } from "../../src/core/types";

/** The cells with each row formula as a plain formula of its text on its row (`top` the first row). */
export function expandCells(
  cells: readonly (readonly (CellInput | null)[])[],
  top: number,
): (CellInput | null)[][] {
  return cells.map((line, r) =>
    line.map((c) =>
      c?.kind === "rowFormula" ? { kind: "formula", formula: formulaTextAt(c, top + r)! } : c,
    ),
  );
}

/** The change set with every row formula written out as its texts. */
export function expandRowFormulas(cs: ChangeSet): ChangeSet {
  return {
    ...cs,
    ops: cs.ops.map((op): Op =>
      op.op === "setCells" ? { ...op, cells: expandCells(op.cells, op.top) } : op,
    ),
  };
}

/** `p` (prepared from expandRowFormulas(cs)) with cs's own cells, row formulas and all, for the host. */
export function withRowFormulas(p: PreparedOk, cs: ChangeSet): PreparedOk {
  if (p.ops.length !== cs.ops.length) throw new Error("not the preparation of this change set");
  return {
    ...p,
    changeSet: cs,
    ops: p.ops.map((op, i) => {
      const mine = cs.ops[i];
      return op.op === "setCells" && mine.op === "setCells" ? { ...op, cells: mine.cells } : op;
    }),
  };
}
