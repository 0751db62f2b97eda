/**
 * The two contracts every host shares with the pure core:
 *
 *  - a snapshot: what a host read from the workbook, as plain data;
 *  - a change set: what a command wants written, as plain data, in order.
 *
 * All coordinates are 0-based sheet coordinates (row 0 = Excel row 1, col 0 = column A).
 * A rectangle is { top, left, rows, cols }.
 */

export type CellValue = string | number | boolean | null;

export interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** An Excel table (ListObject) on a sheet, as the host found it. */
export interface TableInfo {
  name: string;
  /** Whole table range including its header row (and total row if shown). */
  rect: Rect;
  showHeaders: boolean;
  showTotals?: boolean;
  style?: string;
}

/**
 * A chart floating on a sheet, as the Office host read it (Chart.left/top/width/height, ExcelApi 1.1, in
 * points from the sheet's top-left corner). `cells`: the cells it covers, where the host could map them.
 */
export interface ChartInfo {
  name: string;
  left: number;
  top: number;
  width: number;
  height: number;
  cells?: Rect;
}

/** A data-validation list rule the host found (or the core plans). */
export interface ListValidation {
  rect: Rect;
  list: string[];
}

/**
 * One sheet as a host read it: a rectangular block (normally the used range) with its values and the
 * formats the core needs. Every 2-D array has the same shape as `values`; optional ones may be absent
 * when a host cannot read them, and the core then assumes defaults (no formula, "General", no fill...).
 */
export interface SheetSnapshot {
  name: string;
  /** Sheet coordinates of values[0][0]. */
  top: number;
  left: number;
  /** Displayed/cached values: numbers as numbers, text as text, empty cells as null. */
  values: CellValue[][];
  /** Formula text ("=C5-D5") where a cell holds a formula, otherwise null. */
  formulas?: (string | null)[][];
  numberFormats?: (string | null)[][];
  /** Solid fill colour "#RRGGBB" (upper case), null for no fill. */
  fills?: (string | null)[][];
  bold?: boolean[][];
  fontColors?: (string | null)[][];
  wrap?: boolean[][];
  /** Font name of each cell with content (".VnTime", "Calibri"), null where unknown or blank. */
  fontNames?: (string | null)[][];
  /** Excel tables on the sheet. */
  tables?: TableInfo[];
  validations?: ListValidation[];
  /** Column widths in characters, by sheet column, where the host knows them. */
  columnWidths?: Record<number, number>;
  /**
   * Hidden sheet columns (0-based), where the host knows them: what an undo hides again after the add-in
   * showed one (setColumnWidth shows its column; a column inserted next to hidden ones is shown).
   */
  hiddenColumns?: number[];
  /** Floating charts on the sheet, where the host reads them (the Office host). */
  charts?: ChartInfo[];
  /** The user's selection on this sheet, if the host knows it. */
  selection?: Rect;
  /** The sheet is protected: prepare refuses every write to it. Absent means not protected. */
  protected?: boolean;
  /**
   * The sheet's conditional-formatting rules of the "formula" kind, in priority order, where the host can
   * read them; rules of other kinds (colour scales, data bars…) are the user's and not listed.
   */
  conditionalFormats?: ConditionalRule[];
  /** Rows and columns frozen at the top and left (0 = none), where the host knows them. */
  frozen?: { rows: number; cols: number };
}

/**
 * A conditional-formatting rule of the "formula" kind: cells of `ranges` take `fill`/`fontColor` while
 * `formula` is true. The formula is written for the top-left cell of the first range; relative references
 * move with each cell, as in Excel. `id` is the host's identifier when it read the rule (Office).
 */
export interface ConditionalRule {
  ranges: Rect[];
  formula: string;
  /** "#RRGGBB". */
  fill?: string;
  fontColor?: string;
  id?: string;
}

/** A workbook-level defined name as a host read it: `ref` is its formula ("='Sheet'!$A$1", "=\"commune\""). */
export interface DefinedName {
  name: string;
  ref: string;
  hidden: boolean;
}

/** Print setup of a sheet (what the add-in sets on the sheets it makes). */
export interface PageSetup {
  orientation?: "portrait" | "landscape";
  paper?: "A4";
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  repeatRows?: { first: number; last: number };
  /** Fit all columns on one page width (any number of pages tall). */
  fitToWidth?: boolean;
}

/** What a host read for one command: the sheet with the criteria table plus the sheets the add-in owns. */
export interface WorkbookSnapshot {
  /** The sheet holding the criteria table (normally the active sheet). */
  active: SheetSnapshot;
  /** Names of all sheets, in tab order. */
  sheetNames: string[];
  /** Other sheets read in full, by name (the custom catalogue sheet, the plan sheet), when present. */
  others?: Record<string, SheetSnapshot>;
  /**
   * The first rows (PROBE_ROWS) of every other visible sheet the add-in does not own, by name: what the app
   * layer chooses the criteria sheet from. Not part of the workbook a change set is prepared on.
   */
  probes?: Record<string, SheetSnapshot>;
  /** Workbook-level defined names, where the host can read them (the add-in's markers and memory). */
  names?: DefinedName[];
}

/** Rows of each probe sheet a host reads (WorkbookSnapshot.probes). */
export const PROBE_ROWS = 60;

/** A value to write into one cell. `null` in a block means "leave this cell as it is". */
export type CellInput =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "formula"; formula: string }
  /**
   * A formula filled down a column: on sheet row `row` (0-based) it is `parts.join(String(row + 1))` — every
   * join point is the row number of a relative reference to the cell's own row, and the formula has no other
   * relative row (so Excel's fill-down, a shared formula or R1C1's `R` give the same text). One object is
   * shared by every cell of the column written the same way: hosts and the model may treat a run of it as
   * one formula instead of one text per cell. Made by core's planners only (rowFormula in core/rowFormula.ts;
   * recalc writes its criterion rows so); prepare checks it once per object (core/rowFormulaRead.ts: at least
   * two parts of text, the relative rows the tokenizer finds in its text are exactly its join points, its text
   * on the last row it is written to within 8,192 characters), and the model evaluates the object by one
   * closure compiled for it, its text on each cell's row kept beside it for snapshots and undo.
   */
  | { kind: "rowFormula"; parts: readonly string[] }
  | { kind: "blank" };

export interface CellStyle {
  /** "#RRGGBB", or null to remove the fill. */
  fill?: string | null;
  bold?: boolean;
  fontColor?: string | null;
  wrap?: boolean;
  numberFormat?: string;
  horizontalAlignment?: "General" | "Left" | "Center" | "Right";
  /**
   * The font's name ("Times New Roman"). null: the workbook's default font (the xlsx host drops the cell's
   * own name; the Office host, which cannot unset a font, leaves it: null only comes from undo on cells that
   * were blank, where the font shows nothing).
   */
  fontName?: string | null;
}

/**
 * One step of a change set. Coordinates are those of the sheet after the previous steps
 * (a step after an insertColumns sees the shifted columns).
 */
export type Op =
  | {
      op: "insertColumns";
      sheet: string;
      /** New columns appear at this column index; what was there moves right. */
      at: number;
      count: number;
      /**
       * When set, the columns are inserted into this Excel table only (its rows shift, nothing else),
       * as Excel's "Insert table column" does; otherwise whole sheet columns are inserted.
       */
      table?: { name: string; rect: Rect };
    }
  | {
      op: "deleteColumns";
      sheet: string;
      at: number;
      count: number;
      table?: { name: string; rect: Rect };
    }
  /**
   * Whole sheet rows inserted at row `at` (what was there moves down, with everything anchored to it:
   * tables, validations, conditional formats, merges, names, drawings); Excel's Insert › Entire row.
   */
  | { op: "insertRows"; sheet: string; at: number; count: number }
  /** Whole sheet rows deleted from row `at` (what is below moves up); the inverse of insertRows. */
  | { op: "deleteRows"; sheet: string; at: number; count: number }
  | { op: "setCells"; sheet: string; top: number; left: number; cells: (CellInput | null)[][] }
  | { op: "setStyle"; sheet: string; ranges: Rect[]; style: CellStyle }
  | { op: "addSheet"; sheet: string; /** place the new tab after this one */ after?: string }
  | { op: "deleteSheet"; sheet: string }
  | { op: "addTable"; sheet: string; name: string; rect: Rect; style?: string }
  | { op: "resizeTable"; sheet: string; name: string; rect: Rect }
  | { op: "deleteTable"; sheet: string; name: string }
  | { op: "setValidation"; sheet: string; rect: Rect; list: string[] | null }
  /**
   * Sets a column's width (in characters) and shows it; with `hidden: true` the column is hidden after (how
   * an undo hides again a column the user had hidden).
   */
  | { op: "setColumnWidth"; sheet: string; col: number; width: number; hidden?: boolean }
  | { op: "select"; sheet: string; rect: Rect }
  /**
   * Moves a chart of the sheet (by name) horizontally: its left edge to `left` points (Chart.left); its
   * size and top stay. How the add-in moves a chart off the empty columns it writes into.
   */
  | {
      op: "moveChart";
      sheet: string;
      name: string;
      left: number;
      /** the cells it covers then */ cells?: Rect;
    }
  /** Adds conditional-formatting rules (after the sheet's existing ones). */
  | { op: "addConditionalFormats"; sheet: string; rules: ConditionalRule[] }
  /**
   * Removes the sheet's rules equal to these (same formula and ranges; `id` too when given): the rules of
   * a snapshot, or of an earlier addConditionalFormats.
   */
  | { op: "removeConditionalFormats"; sheet: string; rules: ConditionalRule[] }
  /**
   * Adds, replaces (ref given) or removes (ref null) a workbook-level defined name. `sheet` is the sheet the
   * name is about (for protection checks and ordering), not a local scope: every name is workbook-level.
   */
  | { op: "setName"; sheet: string; name: string; ref: string | null; hidden?: boolean }
  /** Freezes the top `rows` and left `cols` of the sheet (0 and 0 unfreezes). */
  | { op: "freezePanes"; sheet: string; rows: number; cols: number }
  /** Sets the sheet's print setup (the fields given; the rest stays). */
  | { op: "setPageSetup"; sheet: string; setup: PageSetup };

export type CommandName =
  | "recalc"
  | "highlight"
  | "clear-highlight"
  | "assign"
  | "plan"
  | "export-catalogue"
  | "convert-unicode"
  | "undo";

export interface ChangeSet {
  command: CommandName;
  ops: Op[];
  /** Counts for the result line ("18 rows filled, 2 edited cells kept"), by key. */
  counts: Record<string, number>;
  /** Lines the app shows under the result line (what the command did differently and why), bilingual. */
  notes?: { vi: string; en: string }[];
}
