/**
 * Typed views of the parts of ExcelJS 4.4 the host reads and writes that its public typings leave out
 * (or type wrongly): merges, tables as models, conditional formats, per-cell data validations, tab
 * order, a row's cells, the theme XML. Everything that touches an underscore lives behind these
 * helpers, so an ExcelJS upgrade has one file to check.
 */
import type * as ExcelJS from "exceljs";

/** ExcelJS's Range (1-based, inclusive). */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface TableColumnModel {
  name: string;
  filterButton?: boolean;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  totalsRowFormula?: string | null;
  totalsRowResult?: unknown;
  dxfId?: string | number;
  style?: unknown;
}

export interface TableStyleModel {
  theme?: string | null;
  showFirstColumn?: boolean;
  showLastColumn?: boolean;
  showRowStripes?: boolean;
  showColumnStripes?: boolean;
}

/**
 * A table as ExcelJS keeps it. Tables read from a file have `tableRef` (the whole range) and maybe
 * `autoFilterRef`; tables made with addTable also have `ref` (top-left cell), `rows` and `tl`.
 * The writer only uses tableRef, autoFilterRef, columns and style.
 */
export interface TableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: TableColumnModel[];
  style?: TableStyleModel;
  rows?: unknown[][];
}

export interface TableObject {
  table: TableModel;
}

export interface CfRule {
  type?: string;
  formulae?: unknown[];
  [key: string]: unknown;
}

export interface CfModel {
  ref: string;
  rules: CfRule[];
}

export interface DataValidationModel {
  type: string;
  formulae?: unknown[];
  allowBlank?: boolean;
  showErrorMessage?: boolean;
  showInputMessage?: boolean;
  [key: string]: unknown;
}

interface WorksheetInternals {
  _merges: Record<string, MergeRange>;
  tables: Record<string, TableObject>;
  conditionalFormattings?: CfModel[];
  dataValidations: { model: Record<string, DataValidationModel | undefined> };
  orderNo: number;
  _columns?: ExcelJS.Column[] | null;
  _rows: (ExcelJS.Row | undefined)[];
  _media?: { range?: { tl?: AnchorLike; br?: AnchorLike } }[];
}

export interface AnchorLike {
  nativeCol: number;
  nativeRow?: number;
}

interface RowInternals {
  _cells: (ExcelJS.Cell | undefined)[];
}

interface WorkbookInternals {
  _themes?: Record<string, string>;
  definedNames: { model: DefinedNameModel[] };
}

export interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

const ws_ = (ws: ExcelJS.Worksheet) => ws as unknown as WorksheetInternals;

export const merges = (ws: ExcelJS.Worksheet): Record<string, MergeRange> => ws_(ws)._merges;
export const tablesOf = (ws: ExcelJS.Worksheet): Record<string, TableObject> => {
  const w = ws_(ws);
  if (!w.tables) w.tables = {};
  return w.tables;
};
export const conditionalFormats = (ws: ExcelJS.Worksheet): CfModel[] => ws_(ws).conditionalFormattings ?? [];
export const setConditionalFormats = (ws: ExcelJS.Worksheet, cfs: CfModel[]): void => {
  ws_(ws).conditionalFormattings = cfs;
};
export const validationMap = (ws: ExcelJS.Worksheet): Record<string, DataValidationModel | undefined> =>
  ws_(ws).dataValidations.model;
export const setValidationMap = (
  ws: ExcelJS.Worksheet,
  map: Record<string, DataValidationModel | undefined>,
): void => {
  ws_(ws).dataValidations.model = map;
};
export const orderNo = (ws: ExcelJS.Worksheet): number => ws_(ws).orderNo;
export const setOrderNo = (ws: ExcelJS.Worksheet, n: number): void => {
  ws_(ws).orderNo = n;
};
/** The sheet's column objects (index 0 = column A), or [] when none was ever defined. */
export const columnsOf = (ws: ExcelJS.Worksheet): ExcelJS.Column[] => ws_(ws)._columns ?? [];
/** The sheet's rows (index 0 = row 1), holes where no row exists. */
export const rowsOf = (ws: ExcelJS.Worksheet): (ExcelJS.Row | undefined)[] => ws_(ws)._rows;
/** A row's cells (index 0 = column A), holes where no cell exists. */
export const cellsOf = (row: ExcelJS.Row): (ExcelJS.Cell | undefined)[] =>
  (row as unknown as RowInternals)._cells;
export const mediaOf = (ws: ExcelJS.Worksheet) => ws_(ws)._media ?? [];
export const themeXml = (wb: ExcelJS.Workbook): string | undefined => {
  const themes = (wb as unknown as WorkbookInternals)._themes;
  return themes?.theme1 ?? (themes ? Object.values(themes)[0] : undefined);
};
export const definedNamesModel = (wb: ExcelJS.Workbook): DefinedNameModel[] =>
  (wb as unknown as WorkbookInternals).definedNames.model;
export const setDefinedNamesModel = (wb: ExcelJS.Workbook, model: DefinedNameModel[]): void => {
  (wb as unknown as WorkbookInternals).definedNames.model = model;
};
