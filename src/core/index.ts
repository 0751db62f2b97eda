/**
 * The pure core: snapshot in, analysis and change sets out. No Office, no DOM, no I/O.
 * What the other layers (app, catalogue, hosts, front ends, tests, bench) use, by name. Modules inside the core
 * import each other directly; anything not listed here is the core's own business.
 */

// The two contracts: snapshots in, change sets out.
export type {
  CellInput,
  CellStyle,
  CellValue,
  ChangeSet,
  CommandName,
  ListValidation,
  Op,
  Rect,
  SheetSnapshot,
  TableInfo,
  WorkbookSnapshot,
} from "./types";
export { PROBE_ROWS } from "./types";
export { firstRows } from "./probe";

// Preparing a change set once: checks, resolved ops, inverse, the state after.
export {
  checkChangeSet,
  prepare,
  Preparation,
  type Prepared,
  type PreparedOk,
  type PrepareOptions,
  type ResolvedOp,
} from "./prepare";
export {
  MAX_COLS,
  MAX_FORMULA,
  MAX_LIST_LITERAL,
  MAX_ROWS,
  MAX_TEXT,
  overlaps,
  rectProblem,
  sheetNameProblem,
  tableNameProblem,
} from "./checks";

// One error type, told apart by code.
export { AddinError, isAddinError, type ErrorCode, type ErrorDetails } from "./errors";

// What the add-in owns in a workbook.
export { CATALOGUE_SHEET, OWNED_SHEETS, PLAN_SHEET, PLAN_TABLE } from "./owned";
export { DEFAULT_COLUMN_WIDTH } from "./units";

// Reading the table.
export {
  analyzeSheet,
  analyzeTable,
  unmetCriteria,
  type Analysis,
  type AnalyzeResult,
  type CriterionRow,
  type Issue,
  type IssueKind,
  type Status,
} from "./analyze";
export { isSubItemKey } from "./text";
export { issueMessage, type Lang } from "./messages";
export type { ComparedRow, Comparison, ScorePair, Trend } from "./comparison";
export { formatScore, parseNumber, round2 } from "./numbers";
export { columnIndex, columnLetter } from "./address";

// The commands, one module each.
export { planRecalc, planRecalcAndHighlight, type PlanOptions, type RecalcPlan } from "./recalc";
export {
  LEGEND,
  PALETTE,
  isAddinFill,
  planClearHighlight,
  planHighlight,
  highlightRules,
  type HighlightOptions,
} from "./highlight";
export {
  constantOf,
  markOwnedOps,
  memoryOps,
  NAME_PREFIX,
  NO_ASK_PREFIX,
  OWNED_MARKS,
  ownedSheet,
  readMemory,
  sheetOfRef,
  sheetRef,
  UNIT_NAME,
  type OwnedKind,
  type WorkbookMemory,
} from "./workbookMemory";
export { ADDIN_RULE_MARK, addinFormula, isAddinRule, offsetFormula, shownFills } from "./conditional";
export { ASSIGN_HEADERS, planAssign, type AssignOptions } from "./assign";
export {
  DATE_FORMAT,
  planTarget,
  type PlanTarget,
  PLAN_COLUMNS,
  PLAN_MET_FILL,
  PLAN_STATUSES,
  planRemediationSheet,
  type PlanColumn,
  type PlanSheetOptions,
} from "./planSheet";
export { rowsNeedingRemedy, type Remedy, type RemedyField, type RemedySource } from "./remedy";

// Cells → rectangles, shared with the hosts.
export { cellRects, rectRuns, rowRuns, type Span } from "./rects";

// Applying, undoing and checking a change set without Excel; formulas.
export { ChangeSetError, WorkbookModel, applyChangeSet, invertChangeSet, validateChangeSet } from "./model";
export { evaluateFormula, shiftFormulaColumns } from "./formula";
export { formulaTextAt, rowFormula, type RowFormula } from "./rowFormula";

// The sample table (playground, tests, bench).
export { SAMPLE_ROWS, SAMPLE_SHEET, SAMPLE_TITLE, sampleSheet, sampleWorkbook } from "./sample";

// Tables of 2026: legacy encodings, the one "same criterion" rule, domains by meaning, year against year.
export {
  UNICODE_FONT,
  detectLegacy,
  detectLegacyTexts,
  isUppercaseLegacyFont,
  legacyFontEncoding,
  toUnicode,
  type LegacyEncoding,
} from "./legacyText";
export {
  legacyFontCells,
  legacyTextCells,
  sheetEncoding,
  unicodeView,
  withUnicodeFont,
  type LegacyCell,
} from "./legacySheet";
export { planConvertUnicode } from "./convertUnicode";
export {
  SAME_NAME_THRESHOLD,
  matchCriteria,
  nameSimilarity,
  sameCriterion,
  sameName,
  type CriterionPair,
  type NamedCode,
} from "./sameCriterion";
export { compareYears, type CompareOptions, type CriterionLike } from "./compare";
export { DOMAIN_MEANINGS, domainMeaning, type DomainMeaning } from "./domainMeaning";
