/**
 * What the task pane's first screen needs from the core, and nothing heavier: number formatting and the names of
 * the add-in's sheets. Kept apart from ./format.ts and ./catalogue.ts, which pull in the formula evaluator and
 * the catalogue data, so the pane's first JS stays small (issue 14) while front ends still import only src/app.
 */
export { formatScore } from "../core/numbers";
export { CATALOGUE_SHEET, PLAN_SHEET } from "../core/owned";
