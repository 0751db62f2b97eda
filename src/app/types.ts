/** The core's data shapes front ends and hosts' adapters name (types only: nothing is bundled). */
export type { CellValue, ChangeSet, Rect, SheetSnapshot, WorkbookSnapshot } from "../core/types";
export type { Status } from "../core/analyze";
export type { Lang } from "../core/messages";
export type { PreparedOk } from "../core/prepare";
export type { LegacyEncoding } from "../core/legacyText";
export type { ComparedRow, Comparison, ScorePair, Trend } from "../core/comparison";
