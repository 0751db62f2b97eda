/**
 * What the panel may ask of the workbook: the app layer's Session, nothing of Excel. A Session over the
 * Office host, the xlsx host or a MemoryHost fits this interface as it is.
 */
import type { CommandId } from "../app/commands";
import type { SessionResult } from "../app/session";

export type { CommandId, Summary, CriterionView } from "../app/commands";
export type { Bilingual, UserError } from "../app/errors";
export type { SessionResult } from "../app/session";

export interface PanelApi {
  /** Reads and summarises the table, writing nothing (what the panel shows when it opens). */
  analyze(): Promise<SessionResult>;
  run(command: CommandId): Promise<SessionResult>;
  /** Undoes the last command; `canUndo` is read again after every command. */
  undo(): Promise<SessionResult>;
  readonly canUndo: boolean;
  /** Goes to a row (0-based) of a sheet: Excel's selection, or the playground's grid. */
  selectRow(sheet: string, row: number): Promise<void>;
}

/** A bilingual message as the panel shows it: what went wrong, and what to do. */
export type { PanelMessage as PanelError } from "./panelState";
