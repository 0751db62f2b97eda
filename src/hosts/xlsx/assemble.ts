/**
 * One workbook snapshot from a workbook's sheets, whichever reader reads them — the ExcelJS reader
 * (read.ts) or the direct reader (direct/read.ts) — so the two choose the criteria sheet, the add-in's
 * sheets and the probes by one rule: the named sheet, else the first visible sheet where the core finds a
 * table (one candidate that is also the fallback is taken without analysing it: the commonest workbook,
 * one sheet, is then analysed once, by the command), else the first visible sheet; the add-in's own sheets
 * (the usual names and any a `_ParIndex_Owned_` marker names) in `others`; the first rows of every other
 * visible sheet in `probes`.
 */
import type { DefinedName, Rect, SheetSnapshot, WorkbookSnapshot } from "../../core/types";
import { PROBE_ROWS } from "../../core/types";
import { analyzeSheet } from "../../core/analyze";
import { unicodeView } from "../../core/legacySheet";
import { AddinError } from "../../core/errors";
import { OWNED_SHEETS } from "../../core/owned";
import { firstRows } from "../../core/probe";
import { sheetOfRef } from "../../core/workbookMemory";

export interface ReadOptions {
  /** The sheet with the criteria table; default: the first visible sheet where the core finds a table. */
  sheet?: string;
  /** The user's selection on that sheet (used by the core to choose between tables). */
  selection?: Rect;
  /** Sheets read in full into `others` when present; default OWNED_SHEETS. */
  others?: readonly string[];
}

/** A workbook's sheets as one reader sees them. */
export interface SheetSource<S> {
  sheets: readonly S[];
  nameOf(s: S): string;
  visible(s: S): boolean;
  /** The sheet read in full, or only its first `rows` sheet rows. */
  read(s: S, rows?: number): SheetSnapshot;
  /** The workbook's defined names, as the snapshot lists them. */
  names: DefinedName[];
}

export function assembleSnapshot<S>(src: SheetSource<S>, opts: ReadOptions = {}): WorkbookSnapshot {
  const { sheets, nameOf, visible } = src;
  if (!sheets.length) throw new AddinError("no-table", { detail: "the workbook has no sheet" });
  const marked = src.names
    .filter((n) => /^_ParIndex_Owned_/i.test(n.name))
    .flatMap((n) => {
      const sheet = sheetOfRef(n.ref);
      return sheet && sheets.some((s) => nameOf(s) === sheet) ? [sheet] : [];
    });
  const ownedNames = [...new Set([...(opts.others ?? OWNED_SHEETS), ...marked])];
  const cache = new Map<string, SheetSnapshot>();
  const read = (s: S) => {
    let snap = cache.get(nameOf(s));
    if (!snap) cache.set(nameOf(s), (snap = src.read(s)));
    return snap;
  };
  let active: S | undefined;
  if (opts.sheet !== undefined) {
    active = sheets.find((s) => nameOf(s) === opts.sheet);
    if (active === undefined) throw new AddinError("no-table", { missingSheet: opts.sheet });
  } else {
    const shown = sheets.filter(visible);
    const candidates = [...new Set([...shown.filter((s) => !ownedNames.includes(nameOf(s))), ...shown])];
    const fallback = shown[0] ?? sheets[0];
    if (candidates.length === 1 && candidates[0] === fallback) active = fallback;
    else
      active = candidates.find((s) => {
        const a = analyzeSheet(unicodeView(read(s)).sheet);
        return a.ok || a.error === "ambiguous";
      });
    active ??= fallback;
  }
  const snapshot = read(active);
  const others: Record<string, SheetSnapshot> = {};
  for (const name of ownedNames) {
    if (name === nameOf(active)) continue;
    const s = sheets.find((x) => nameOf(x) === name);
    if (s !== undefined) others[name] = read(s);
  }
  const probes: Record<string, SheetSnapshot> = {};
  for (const s of sheets) {
    if (s === active || !visible(s) || ownedNames.includes(nameOf(s))) continue;
    const full = cache.get(nameOf(s));
    probes[nameOf(s)] = full ? firstRows(full, PROBE_ROWS) : src.read(s, PROBE_ROWS);
  }
  const snap: WorkbookSnapshot = {
    active: opts.selection ? { ...snapshot, selection: { ...opts.selection } } : snapshot,
    sheetNames: sheets.map(nameOf),
    others,
    names: src.names,
  };
  if (Object.keys(probes).length) snap.probes = probes;
  return snap;
}
