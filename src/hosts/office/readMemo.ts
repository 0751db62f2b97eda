/**
 * What the host's own write tells the next read (docs/HOSTS-OFFICE.md, "Sync budget"): after a change set
 * was written, the structure the next read guesses from is the one the change set leaves (sheets added or
 * deleted, tables added or deleted, the sheet a `select` op activated, the validated areas of the sheets it
 * touched, as core's prepare simulated them). The next read still checks every guess in its one request, so a
 * wrong prediction (Excel orders `workbook.tables` otherwise, reports merged validated areas) costs a sync,
 * never a wrong snapshot; without it every command that adds the plan sheet or a table made the next read
 * refute its guess first.
 */
import type { PreparedOk } from "../../core/prepare";
import type { SheetSnapshot } from "../../core/types";
import { rectAddress } from "../../core/address";
import type { ReadMemo, Structure } from "./read";

const cellsOf = (s: SheetSnapshot) => s.values.length * Math.max(0, ...s.values.map((r) => r.length));

/** Updates `memo` to the structure `p` leaves, after `p` was written whole. */
export function rememberWrite(memo: ReadMemo, p: PreparedOk): void {
  const known = memo.last;
  if (!known) return;
  const added = new Set<string>();
  const deleted = new Set<string>();
  const touched = new Set<string>();
  let tables = [...known.tables];
  const tableSheets = new Map(known.tableSheets ?? []);
  let active = known.active;
  // Conditional formats each sheet will hold: one Excel rule per range added; one per rule removed by id,
  // one per range for a rule the write finds by formula (an undo of rules added earlier).
  const ruleCounts = new Map(known.ruleCounts ?? []);
  const countRules = (sheet: string, by: number) => {
    const n = ruleCounts.get(sheet);
    if (n !== undefined) ruleCounts.set(sheet, Math.max(0, n + by));
  };
  for (const op of p.ops) {
    touched.add(op.sheet);
    if (op.op === "addSheet") {
      added.add(op.sheet);
      ruleCounts.set(op.sheet, 0); // a new sheet holds no rules
      deleted.delete(op.sheet);
    } else if (op.op === "deleteSheet") {
      deleted.add(op.sheet);
      added.delete(op.sheet);
      // Its tables go with it: known only for tables a read located.
      const gone = tables.filter((t) => tableSheets.get(t) === op.sheet);
      if (tables.some((t) => !tableSheets.has(t))) {
        memo.last = null; // a table of unknown sheet may have gone with it: learn again
        return;
      }
      tables = tables.filter((t) => !gone.includes(t));
    } else if (op.op === "addTable") {
      tables.push(op.name);
      tableSheets.set(op.name, op.sheet);
    } else if (op.op === "deleteTable") {
      tables = tables.filter((t) => t !== op.name);
      tableSheets.delete(op.name);
    } else if (op.op === "select") active = op.sheet;
    else if (op.op === "addConditionalFormats")
      countRules(
        op.sheet,
        op.rules.reduce((n, r) => n + r.ranges.length, 0),
      );
    else if (op.op === "removeConditionalFormats")
      countRules(op.sheet, -op.rules.reduce((n, r) => n + (r.id !== undefined ? 1 : r.ranges.length), 0));
  }
  if (deleted.has(active)) {
    memo.last = null; // Excel chooses the sheet shown next: learn it
    return;
  }
  const after = p.after;
  const order = after.sheetNames;
  const sheets = new Map<string, SheetSnapshot>(
    [after.active, ...Object.values(after.others ?? {})].map((s) => [s.name, s]),
  );
  const cells = new Map(known.cells);
  const validations = new Map(known.validations);
  for (const name of deleted) {
    ruleCounts.delete(name);
    cells.delete(name);
    validations.delete(name);
  }
  for (const name of touched) {
    if (deleted.has(name)) continue;
    const sheet = sheets.get(name);
    if (!sheet) {
      cells.delete(name);
      validations.delete(name);
      continue;
    }
    cells.set(name, cellsOf(sheet));
    const rects = (sheet.validations ?? []).map((v) => rectAddress(v.rect));
    validations.set(name, rects.length ? rects.join(",") : null);
  }
  const next: Structure = {
    order,
    visible: order.filter((n) => added.has(n) || known.visible.includes(n)),
    tables,
    active,
    cells,
    validations,
    tableSheets,
    ruleCounts,
  };
  memo.last = next;
}
