/**
 * The session's undo history (./session.ts): one record per command still undoable, oldest first, each with
 * the inverse of what it wrote and the workbook as it left it, so an undo can check that nothing it would
 * overwrite was edited since. Pure: no host, no I/O.
 */
import type { ChangeSet, PreparedOk, Rect, WorkbookSnapshot } from "../core";
import { WorkbookModel } from "../core";
import { analyzeWorkbook, type CommandId, type Summary } from "./commands";
import type { Bilingual } from "./errors";
import { commandLabel } from "./registry";
import type { UnitLevel } from "./units";

/** One command that can still be undone, as the panel's undo list names it. */
export interface UndoEntry {
  id: number;
  command: CommandId;
  /** The command's name ("Điền cơ quan và giải pháp"). */
  label: Bilingual;
}

/** What the session keeps to undo one command. */
export interface UndoRecord {
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

/** The undo list's name of "do everything" (one entry for all its steps). */
export const APPLY_ALL_LABEL: Bilingual = { vi: "Làm tất cả", en: "Do everything" };

/** The records of a session, oldest first, each numbered once. */
export class UndoHistory {
  private records: UndoRecord[] = [];
  private nextId = 1;

  get size(): number {
    return this.records.length;
  }

  /** The newest record, if any. */
  get last(): UndoRecord | undefined {
    return this.records.at(-1);
  }

  /** The entries, newest first (the order they must be undone in). */
  get entries(): readonly UndoEntry[] {
    return this.records.map((h) => ({ id: h.id, command: h.command, label: entryLabel(h) })).reverse();
  }

  has(id: number): boolean {
    return this.records.some((h) => h.id === id);
  }

  /** Keeps a record, numbering it. */
  push(record: Omit<UndoRecord, "id">): void {
    this.records.push({ ...record, id: this.nextId++ });
  }

  /** Forgets the newest record (it was undone). */
  pop(): void {
    this.records.pop();
  }
}

export const entryLabel = (h: Pick<UndoRecord, "label" | "command">): Bilingual =>
  h.label ?? commandLabel(h.command);

/**
 * The sheet a command read `ws` on worked on, and, when its change set shows the user another sheet, where
 * its undo brings them back (the selection they had, else the sheet's first cell).
 */
export function workedOn(ws: WorkbookSnapshot, cs: ChangeSet): Pick<UndoRecord, "sheet" | "returnTo"> {
  const sheet = ws.active.name;
  const away = cs.ops.some((op) => op.op === "select" && op.sheet !== sheet);
  if (!away) return { sheet };
  return { sheet, returnTo: { sheet, rect: ws.active.selection ?? { top: 0, left: 0, rows: 1, cols: 1 } } };
}

/** The record's inverse, with the select that takes the user back when the command showed another sheet. */
export function undoChangeSet(record: UndoRecord): ChangeSet {
  const back = record.returnTo;
  if (!back) return record.inverse;
  return {
    ...record.inverse,
    ops: [...record.inverse.ops, { op: "select", sheet: back.sheet, rect: back.rect }],
  };
}

/**
 * The table's summary after an undo was written, or null when it cannot be made: the undo is done by then,
 * so nothing here may turn it into a failure.
 */
export function summaryAfter(p: PreparedOk, unit: UnitLevel | null | undefined): Summary | null {
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
export function untouchedSince(last: UndoRecord, now: WorkbookSnapshot): boolean {
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
