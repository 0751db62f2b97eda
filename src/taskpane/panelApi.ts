/**
 * What the panel may ask of the workbook: the app layer's Session, nothing of Excel. A Session over the
 * Office host, the xlsx host or a MemoryHost fits this interface as it is.
 */
import type { CommandId } from "../app/commands";
import type { UnitLevel } from "../app/units";
import type { Bilingual, UserError } from "../app/errors";
import type { Rect, SheetSnapshot, WorkbookSnapshot } from "./../app/types";
import type { RunOptions, SessionComparison, SessionPreview, SessionResult, UndoEntry } from "../app/session";
import type { SessionChange, StepListener } from "../app/sessionEvents";

export type { CommandId, Summary, CriterionView } from "../app/commands";
export type { Bilingual, UserError } from "../app/errors";
export type { ResolvedUnit, UnitLevel } from "../app/units";
export type { ChangedPlace } from "../app/registry";
export type { RunOptions, SessionComparison, SessionPreview, SessionResult, UndoEntry } from "../app/session";
export type { SessionChange, SessionStep, StepListener } from "../app/sessionEvents";

export interface PanelApi {
  /** Reads and summarises the table, writing nothing (what the panel shows when it opens). */
  analyze(): Promise<SessionResult>;
  run(command: CommandId, opts?: RunOptions): Promise<SessionResult>;
  /** Undoes the last command; `canUndo` is read again after every command. */
  undo(): Promise<SessionResult>;
  readonly canUndo: boolean;
  /** Goes to a row (0-based) of a sheet: Excel's selection, or the playground's grid. */
  selectRow(sheet: string, row: number): Promise<void>;
  /** Plans a command without writing it: what the panel says before a structural change (say before). */
  preview?(command: CommandId, opts?: RunOptions): Promise<SessionPreview>;
  /** Every command that can still be undone, newest first (the panel's undo list). */
  readonly undoHistory?: readonly UndoEntry[];
  /** Undoes every command down to and including entry `id` of `undoHistory`, newest first. */
  undoTo?(id: number): Promise<SessionResult>;
  /** Selects a range (the panel's "go to the inserted columns", "open the plan sheet"). */
  show?(sheet: string, rect: Rect): Promise<void>;
  /**
   * Told when the undo history changes outside the panel (the ribbon's commands, same session), with the
   * task and its outcome when the api knows them (the Session does): the panel then shows its summary.
   */
  subscribe?(listener: (change?: SessionChange<SessionResult>) => void): () => void;
  /** Told of each step of a task (read → plan → write → done); a returned promise is waited for. */
  onStep?(listener: StepListener): () => void;
  /** "Don't ask again" for this workbook, remembered in the workbook itself (its hidden names). */
  stopAsking?(): Promise<void>;
  /** "Làm tất cả": recalc, highlight, assign and plan in one change set (one undo entry). */
  doEverything?(): Promise<SessionResult>;
  /** What "Làm tất cả" will change, in words. */
  previewEverything?(): Promise<SessionPreview>;
  /** The workbook as it stands (one read): what the plan document is made from. */
  workbook?(): Promise<WorkbookSnapshot>;
  /** The unit levels the user may choose from, with their names (issue 11). */
  readonly unitChoices?: readonly { level: UnitLevel; label: Bilingual }[];
  /** Chooses the unit level (null: the table's titles decide) and remembers it in the workbook. */
  setUnit?(level: UnitLevel | null): Promise<SessionResult>;
  /** Another sheet as it stands (last year's, for the plan document's comparison). */
  sheetSnapshot?(sheet: string): Promise<SheetSnapshot>;
  /** The sheets the table could be compared with, last year's first. */
  compareCandidates?(): Promise<{ current: string; sheets: string[] }>;
  /** This year's table against last year's sheet. */
  compareWith?(previous: string): Promise<SessionComparison>;
}

/** A panel task the user starts: a command, or "do everything". */
export type PanelCommand = CommandId | "apply-all";

/** What the panel asks of the plan document: last year's sheet chosen in the compare tab, if any. */
export interface PlanDocumentRequest {
  previous?: string | null;
}

/** The plan document (.docx) as a front end makes it: bytes and a file name, or the error. */
export type PlanDocumentResult =
  { ok: true; bytes: Uint8Array; fileName: string; notes: Bilingual[] } | { ok: false; error: UserError };

/** A bilingual message as the panel shows it: what went wrong, and what to do. */
export type { PanelMessage as PanelError } from "./panelState";

/** The .docx's file name: "Ke-hoach-khac-phuc-<sheet>.docx", ASCII, safe on every system. */
export function planDocxName(sheet: string): string {
  const ascii = sheet
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `Ke-hoach-khac-phuc${ascii ? `-${ascii}` : ""}.docx`;
}
