/** The solutions catalogue as front ends see it: the sheet it is kept in, and its rows for listing. */
import { builtinCatalogue, catalogueRows } from "../catalogue";

export { CATALOGUE_SHEET_NAME } from "../catalogue/customSheet";

/** The built-in catalogue, one row per code (the CLI's `catalogue` command). */
export function catalogueListing(): ReturnType<typeof catalogueRows> {
  return catalogueRows(builtinCatalogue());
}
