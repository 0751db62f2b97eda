/** The Excel API versions (requirement sets) the Office host needs, and how it checks for them. */
import { AddinError } from "../../core/errors";

/**
 * Requirement sets. 1.9 is the minimum: Range.getCellProperties/getColumnProperties (fills, bold, font
 * colours, wrap and widths in one request), Worksheet.getRanges (RangeAreas) and getSpecialCells.
 * Table.resize needs 1.13 and is checked only for change sets that resize a table; mergeUndoGroup (1.20)
 * is an optional extra for chunked writes.
 */
export const API = { minimum: "1.9", resizeTable: "1.13", mergeUndoGroup: "1.20" } as const;

/** Whether this Excel supports ExcelApi `version` (false outside Office). */
export function isApiSupported(version: string): boolean {
  return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", version);
}

/** Throws a "requirement-set" AddinError unless ExcelApi `version` is supported by this Excel. */
export function requireApi(version: string): void {
  if (!isApiSupported(version))
    throw new AddinError("requirement-set", { requirement: `ExcelApi ${version}` });
}
