/**
 * "Don't ask again", as the workbook remembers it (hidden defined names `_ParIndex_NoAsk_<command>`,
 * core/workbookMemory.ts): whether the panel says before a structural command what it will do.
 */
import type { WorkbookSnapshot } from "../core";
import { readMemory } from "../core";

/** The workbook memory's "don't ask again" for every command (`_ParIndex_NoAsk_all`). */
export const NO_ASK_ALL = "all";

/** Whether the workbook's memory lets the panel ask before `command` (neither it nor "all" is remembered). */
export function asksBefore(ws: WorkbookSnapshot, command: string): boolean {
  const { noAsk } = readMemory(ws);
  return !noAsk.includes(NO_ASK_ALL) && !noAsk.includes(command);
}
