/**
 * What the add-in remembers in a workbook, in hidden workbook-level defined names (a place Excel,
 * ExcelJS through the xlsx host, and LibreOffice all keep; Office's add-in settings and custom properties
 * are lost by ExcelJS):
 *
 *   _ParIndex_Owned_Plan       ='Kế hoạch khắc phục'!$A$1   the plan sheet the add-in made
 *   _ParIndex_Owned_Catalogue  ='Danh mục giải pháp'!$A$1   the catalogue sheet the add-in made
 *   _ParIndex_Unit             ="commune"                   the unit profile chosen for this workbook
 *   _ParIndex_NoAsk_<command>  =TRUE                        "don't ask again" before <command>
 *
 * Read from WorkbookSnapshot.names; written with setName ops (undoable like any op). Pure.
 */
import type { DefinedName, Op, WorkbookSnapshot } from "./types";

export const NAME_PREFIX = "_ParIndex_";
export type OwnedKind = "plan" | "catalogue";
export const OWNED_MARKS: Record<OwnedKind, string> = {
  plan: "_ParIndex_Owned_Plan",
  catalogue: "_ParIndex_Owned_Catalogue",
};
export const UNIT_NAME = "_ParIndex_Unit";
export const NO_ASK_PREFIX = "_ParIndex_NoAsk_";

const find = (ws: Pick<WorkbookSnapshot, "names">, name: string): DefinedName | undefined =>
  (ws.names ?? []).find((n) => n.name.toLowerCase() === name.toLowerCase());

/** `='Sheet name'!$A$1`: a reference to a sheet's first cell. */
export const sheetRef = (sheet: string): string => `='${sheet.replace(/'/g, "''")}'!$A$1`;

/** The sheet a reference names ("='Kế hoạch'!$A$1", "=Sheet1!$A$1"), or null. */
export function sheetOfRef(ref: string): string | null {
  const f = ref.replace(/^=/, "").trim();
  const quoted = /^'((?:[^']|'')+)'!/.exec(f);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^'!,()\s]+)!/.exec(f);
  return plain ? plain[1] : null;
}

/** A text constant's value (`="commune"` → commune), or null. */
export function constantOf(ref: string): string | null {
  const m = /^=?\s*"((?:[^"]|"")*)"\s*$/.exec(ref);
  return m ? m[1].replace(/""/g, '"') : null;
}

/** The sheet the add-in marked as its own of this kind, when the marker names a sheet that exists. */
export function ownedSheet(ws: WorkbookSnapshot, kind: OwnedKind): string | null {
  const n = find(ws, OWNED_MARKS[kind]);
  const sheet = n ? sheetOfRef(n.ref) : null;
  return sheet && ws.sheetNames.includes(sheet) ? sheet : null;
}

/** The op that marks `sheet` as the add-in's, or none when it already is. */
export function markOwnedOps(ws: WorkbookSnapshot, kind: OwnedKind, sheet: string): Op[] {
  const ref = sheetRef(sheet);
  const n = find(ws, OWNED_MARKS[kind]);
  if (n && n.ref === ref && n.hidden) return [];
  return [{ op: "setName", sheet, name: OWNED_MARKS[kind], ref, hidden: true }];
}

/** The workbook's memory as the snapshot holds it. */
export interface WorkbookMemory {
  /** The unit profile chosen for this workbook ("district", "commune", …), or null. */
  unit: string | null;
  /** Commands the user asked not to be asked about again in this workbook. */
  noAsk: string[];
}

export function readMemory(ws: Pick<WorkbookSnapshot, "names">): WorkbookMemory {
  const unitName = find(ws, UNIT_NAME);
  const noAsk = (ws.names ?? [])
    .filter((n) => n.name.toLowerCase().startsWith(NO_ASK_PREFIX.toLowerCase()))
    .filter((n) => /^=?\s*(TRUE|1|"1"|"TRUE")\s*$/i.test(n.ref))
    // Command ids have "-" where a name can only have "_".
    .map((n) => n.name.slice(NO_ASK_PREFIX.length).replace(/_/g, "-"));
  return { unit: unitName ? constantOf(unitName.ref) : null, noAsk };
}

/**
 * setName ops that write a change to the memory (`unit: null` forgets the profile; `noAsk[c] = false`
 * asks again). `sheet` is the sheet the ops are filed under (the active one). Only what differs is written.
 */
export function memoryOps(
  ws: WorkbookSnapshot,
  change: { unit?: string | null; noAsk?: Record<string, boolean> },
  sheet: string = ws.active.name,
): Op[] {
  const ops: Op[] = [];
  const now = readMemory(ws);
  if (change.unit !== undefined && change.unit !== now.unit) {
    const ref = change.unit === null ? null : `="${change.unit.replace(/"/g, '""')}"`;
    ops.push({ op: "setName", sheet, name: UNIT_NAME, ref, hidden: true });
  }
  for (const [command, on] of Object.entries(change.noAsk ?? {})) {
    if (!/^[A-Za-z0-9-]+$/.test(command)) continue;
    if (now.noAsk.includes(command) === on) continue;
    const name = `${NO_ASK_PREFIX}${command.replace(/-/g, "_")}`;
    ops.push({ op: "setName", sheet, name, ref: on ? "=TRUE" : null, hidden: true });
  }
  return ops;
}
