/**
 * The corpus's ONLY door into src/: open bytes, analyse, run one command through the app layer and the xlsx
 * host, save. When the app-layer API changes, this file is the one to adapt; the fixtures and the
 * expectations stay as they are.
 */
import { analyzeWorkbook, planCommand, type CommandId } from "../../src/app/commands";
import { isAddinError } from "../../src/core/errors";
import type { ChangeSet } from "../../src/core/types";
import { chooseSheet } from "../../src/app/chooseSheet";
import { unicodeView } from "../../src/core/legacySheet";
import type { WorkbookSnapshot } from "../../src/core/types";
import { analyzeSheet, type Analysis } from "../../src/core/analyze";
import {
  columnEditsOf,
  loadWorkbook,
  preserveParts,
  saveWorkbook,
  sniffWorkbook,
  XlsxHost,
} from "../../src/hosts/xlsx";

export type { ChangeSet };

/** The commands the corpus runs on every fixture (as the panel's buttons and the CLI's apply do). */
export type CorpusCommand = "recalc" | "assign" | "plan";
export const CORPUS_COMMANDS: readonly CorpusCommand[] = ["recalc", "assign", "plan"];

export interface Warning {
  /** 1-based Excel row. */
  row: number;
  kind: string;
}

export interface Reading {
  sheet: string;
  total: { max: number; achieved: number };
  unmet: number;
  warnings: Warning[];
  /** 1-based Excel rows of the table: header, last row. */
  table: { headerRow: number; lastRow: number };
}

export type Failure = { ok: false; code: string; message?: { vi: string; en: string } };

/**
 * Warning kinds the corpus names (what the issues ask for) → the kinds the engine reports, where they differ.
 * Adapt here when the engine names a kind differently.
 */
export const KIND_ALIASES: Record<string, string> = {};

const kindOf = (k: string) => Object.entries(KIND_ALIASES).find(([, v]) => v === k)?.[0] ?? k;

/** As the CLI and the playground open a file: sniffed first (bad files get their own typed error), then loaded. */
async function load(bytes: Uint8Array) {
  sniffWorkbook(bytes);
  return loadWorkbook(bytes);
}

/** As the CLI and the playground read: the app chooses the criteria sheet from the probes of every sheet. */
async function readChosen(host: XlsxHost): Promise<WorkbookSnapshot> {
  const first = await host.read();
  const sheet = chooseSheet(first);
  return sheet === first.active.name ? first : host.read({ sheet });
}

/** Opens .xlsx bytes; a file that cannot be opened is a Failure with the error's code ("unexpected" if untyped). */
export async function open(bytes: Uint8Array): Promise<{ ok: true } | Failure> {
  try {
    await load(bytes);
    return { ok: true };
  } catch (e) {
    return { ok: false, code: isAddinError(e) ? e.code : "untyped" };
  }
}

/** What the panel/CLI shows before any command: the table read from the file. */
export async function analyze(bytes: Uint8Array): Promise<({ ok: true } & Reading) | Failure> {
  let wb;
  try {
    wb = await load(bytes);
  } catch (e) {
    return { ok: false, code: isAddinError(e) ? e.code : "untyped" };
  }
  const ws = await readChosen(new XlsxHost(wb));
  const r = analyzeWorkbook(ws);
  if (!r.ok) return { ok: false, code: r.error.code, message: r.error.message };
  const s = r.summary;
  return {
    ok: true,
    sheet: s.sheet,
    total: { max: s.total.max, achieved: s.total.achieved },
    unmet: s.unmet.length,
    warnings: s.issues.map((i) => ({ row: i.row + 1, kind: kindOf(i.kind) })),
    table: { headerRow: s.table.headerRow + 1, lastRow: s.table.lastRow + 1 },
  };
}

/**
 * The engine's own reading of a (written) file: the chosen sheet as the host read it (values the host
 * cached, formulas) and the core's analysis of it. What the other hosts' checks (LibreOffice, the Office
 * fake) compare their cells with.
 */
export async function engineView(
  bytes: Uint8Array,
): Promise<({ ok: true; snapshot: WorkbookSnapshot } & Analysis) | Failure> {
  let wb;
  try {
    wb = await load(bytes);
  } catch (e) {
    return { ok: false, code: isAddinError(e) ? e.code : "untyped" };
  }
  const snapshot = await readChosen(new XlsxHost(wb));
  // As the app analyses: a sheet typed in a legacy font is read through its Unicode view.
  const a = analyzeSheet(unicodeView(snapshot.active).sheet);
  if (!a.ok) return { ok: false, code: a.error };
  return { ...a, snapshot };
}

export interface Ran {
  bytes: Uint8Array;
  changeSets: ChangeSet[];
  /** The workbook's sheets before the command. */
  sheetsBefore: string[];
  /** The criteria table the command worked on: its sheet and rows (0-based, header to last row). */
  table: { sheet: string; top: number; bottom: number };
}

/**
 * The CLI's `apply` (and the panel's three buttons pressed in order): recalc, assign, plan, each on the file
 * the previous one wrote.
 */
export async function runApply(bytes: Uint8Array): Promise<({ ok: true } & Ran) | Failure> {
  let first: Ran | undefined;
  let last: Ran | undefined;
  const changeSets: ChangeSet[] = [];
  for (const cmd of CORPUS_COMMANDS) {
    const r = await runCommand(last?.bytes ?? bytes, cmd);
    if (!r.ok) return r;
    first ??= r;
    last = r;
    changeSets.push(...r.changeSets);
  }
  return { ok: true, ...last!, changeSets, sheetsBefore: first!.sheetsBefore };
}

/** Runs one command on the file as the CLI's apply and the playground's download do; the saved bytes. */
export async function runCommand(
  bytes: Uint8Array,
  command: CorpusCommand,
): Promise<({ ok: true } & Ran) | Failure> {
  let wb;
  try {
    wb = await load(bytes);
  } catch (e) {
    return { ok: false, code: isAddinError(e) ? e.code : "untyped" };
  }
  const host = new XlsxHost(wb);
  const ws = await readChosen(host);
  let o;
  try {
    o = planCommand(ws, command as CommandId, { inverse: false });
  } catch (e) {
    return { ok: false, code: isAddinError(e) ? e.code : "untyped" };
  }
  if (!o.ok) return { ok: false, code: o.error.code, message: o.error.message };
  await host.apply(o.prepared);
  const t = o.summary.table;
  return {
    ok: true,
    // Saved as the CLI and the playground save: ExcelJS's output with the parts it drops carried over.
    bytes: (await preserveParts(bytes, await saveWorkbook(wb), columnEditsOf([o.changeSet]))).bytes,
    changeSets: [o.changeSet],
    sheetsBefore: ws.sheetNames,
    table: { sheet: ws.active.name, top: t.headerRow, bottom: t.lastRow },
  };
}
