/**
 * Checking a change set against the workbook before anything is written, for a change set that was not
 * prepared (applyChangeSet called directly by the CLI and tests): core's checks (src/core/checks.ts, the
 * same for every host) on the workbook's structure — sheet names, tables, protection; cell contents do not
 * change whether a change set can be written. Nothing here needs the ExcelJS workbook beyond that read.
 */
import type * as ExcelJS from "exceljs";
import type { ChangeSet } from "../../core/types";
import { checkChangeSet as coreCheck } from "../../core/prepare";
import { structureSnapshot } from "./read";

/** Throws core's AddinError ("invalid-change-set", "text-too-long", "protected") when `cs` cannot be written whole. */
export function checkChangeSet(wb: ExcelJS.Workbook, cs: ChangeSet): void {
  const error = coreCheck(structureSnapshot(wb), cs);
  if (error) throw error;
}
