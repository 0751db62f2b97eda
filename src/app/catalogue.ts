/** The solutions catalogue as front ends see it: the sheet it is kept in, and its rows for listing. */
import { catalogueRows } from "../catalogue";
import { catalogueOfLevel, type UnitLevel } from "./units";

export { CATALOGUE_SHEET_NAME } from "../catalogue/customSheet";

/** The built-in catalogue of a unit's level (district by default), one row per code (CLI `catalogue`). */
export function catalogueListing(level: UnitLevel = "district"): ReturnType<typeof catalogueRows> {
  return catalogueRows(catalogueOfLevel(level));
}
