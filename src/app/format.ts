/** What front ends use to show numbers and cell addresses the way the add-in writes them. */
export { formatScore } from "../core/numbers";
export { cellAddress, columnLetter } from "../core/address";
/** What a viewer shows on a sheet: its fills, with conditional formats (the live highlight) evaluated. */
export { shownFills } from "../core/conditional";
