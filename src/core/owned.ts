/**
 * What the add-in owns in a workbook, named once: the sheets it writes and reads back in full with every
 * command, the table it creates there, and Excel's default column width (what a column "has" when no width
 * was set). Hosts, the catalogue and the app import these names instead of spelling them again.
 */

/** The sheet the catalogue is exported to and read back from ("export-catalogue"). */
export const CATALOGUE_SHEET = "Danh mục giải pháp";
/** The sheet the "plan" command writes. */
export const PLAN_SHEET = "Kế hoạch khắc phục";
/** The Excel table on the plan sheet. */
export const PLAN_TABLE = "KeHoachKhacPhuc";

/** Every sheet the add-in owns, read in full into `WorkbookSnapshot.others` when present. */
export const OWNED_SHEETS: readonly string[] = [CATALOGUE_SHEET, PLAN_SHEET];
