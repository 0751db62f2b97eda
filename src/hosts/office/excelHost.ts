/**
 * The Excel host: the only code in the add-in that touches `Excel.*` and `context.sync()`.
 *
 *  - readSnapshot: one Excel.run; everything the core needs is queued before ONE sync (the active sheet's
 *    used range with values, formulas, number formats and cell properties, its tables, the selection, the
 *    sheet names and the sheets the add-in owns). Excel cannot report a table's range or a validation's rule
 *    until the table or validated area is known: the first batch also asks for the ranges of the tables and
 *    the rules of the areas the previous read found (`lastRead`), and only when the sheets no longer match
 *    it (or on the first read of a session) a second, small sync asks for exactly those.
 *  - applyChangeSet: validates the whole change set against the snapshot it was planned from, then queues
 *    every op in one Excel.run and ONE sync; a change set whose request would pass Excel on the web's 5 MB
 *    limit is split into chunks, one sync each (the only reason for an extra sync).
 *
 * See docs/HOSTS-OFFICE.md.
 */
import type {
  CellInput,
  CellValue,
  ChangeSet,
  ListValidation,
  Op,
  Rect,
  SheetSnapshot,
  TableInfo,
  WorkbookSnapshot,
} from "../../core/types";
import { columnIndex, columnLetter, parseRectAddress, rectAddress } from "../../core/address";
import { validateChangeSet, WorkbookModel } from "../../core/model";
import { HostError, OFFICE_CODES, officeCode, toHostError } from "./errors";

/** The sheets the add-in owns, read in full with every command. */
export interface OwnedSheets {
  catalogueSheet: string;
  planSheet: string;
}
export const OWNED_SHEETS: OwnedSheets = {
  catalogueSheet: "Danh mục giải pháp",
  planSheet: "Kế hoạch khắc phục",
};

/**
 * Requirement sets. 1.9 is the minimum: Range.getCellProperties/getColumnProperties (fills, bold, font
 * colours, wrap and widths in one request), Worksheet.getRanges (RangeAreas) and getSpecialCells.
 * Table.resize needs 1.13 and is checked only for change sets that resize a table; mergeUndoGroup (1.20)
 * is an optional extra for chunked writes.
 */
export const API = { minimum: "1.9", resizeTable: "1.13", mergeUndoGroup: "1.20" } as const;

/** Excel on the web rejects requests over 5 MB; chunks stay under this estimate (a 10% margin for framing). */
export const DEFAULT_MAX_REQUEST_BYTES = 4_500_000;
/** Estimated bytes a statement costs in a request besides its own data (object path, ids, JSON framing). */
const STATEMENT_BYTES = 256;
/** Longest multi-area address given to Worksheet.getRanges (Excel's 255-character limit for references). */
export const MAX_AREAS_ADDRESS = 255;
/** Cells read per request when a sheet is too large to read in one (ResponsePayloadSizeLimitExceeded). */
export const DEFAULT_BAND_CELLS = 10_000;

export function isApiSupported(version: string): boolean {
  return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", version);
}

/** Throws a "requirement-set" HostError unless ExcelApi `version` is supported by this Excel. */
export function requireApi(version: string): void {
  if (!isApiSupported(version)) {
    throw new HostError("requirement-set", `ExcelApi ${version} is not supported`, `ExcelApi ${version}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------------------------------------

/**
 * Column width in characters (of the default font's digit, Calibri 11: 7 px) → points, as Excel computes
 * it: pixels = round(width × 7 + 5) (5 px of padding), points = pixels × 0.75 (96 dpi).
 */
export function charsToPoints(width: number): number {
  return Math.round(width * 7 + 5) * 0.75;
}

/** Points → characters, the inverse of charsToPoints (rounded to 2 decimals). */
export function pointsToChars(points: number): number {
  return Math.round(((Math.round(points / 0.75) - 5) / 7) * 100) / 100;
}

const STANDARD_WIDTH = 8.43;

/**
 * Text that Excel would not keep as the same text when written through `values`/`formulas` (both parse
 * what they get like typed input): a leading = + - @ starts a formula, a leading ' is eaten as the text
 * prefix, # and numbers, dates, percents, TRUE/FALSE are converted. Such text is written with a leading
 * apostrophe, which Excel stores as the cell's quote prefix (the cell shows and returns the text itself,
 * its number format is untouched).
 */
export function excelText(text: string): string {
  if (text === "") return text;
  if (/^[=+\-@'#]/.test(text)) return `'${text}`;
  if (/^\s*[(]?[$€₫]?\s*[\d.,\s:/-]*\d[\d.,\s:/-]*(%|[eE][+-]?\d+)?\s*[)]?\s*$/.test(text)) return `'${text}`;
  if (/^\s*(true|false)\s*$/i.test(text)) return `'${text}`;
  return text;
}

/** What to assign in `values`/`formulas` for one cell. */
function inputValue(c: CellInput): string | number | boolean {
  switch (c.kind) {
    case "text":
      return excelText(c.text);
    case "number":
    case "bool":
      return c.value;
    case "formula":
      return c.formula;
    case "blank":
      return "";
  }
}

/** A rectangle of a setCells block without nulls, with the cells to write. */
export interface CellRun extends Rect {
  cells: CellInput[][];
}

/**
 * Splits a setCells block into rectangles without nulls: maximal runs of non-null cells on each row,
 * merged down while the next row has a run with the same columns.
 */
export function cellRuns(
  top: number,
  left: number,
  cells: readonly (readonly (CellInput | null)[])[],
): CellRun[] {
  const done: CellRun[] = [];
  let open = new Map<string, CellRun>();
  cells.forEach((row, r) => {
    const next = new Map<string, CellRun>();
    let c = 0;
    while (c < row.length) {
      if (row[c] === null) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c] !== null) c++;
      const key = `${start}:${c}`;
      const slice = row.slice(start, c) as CellInput[];
      const prev = open.get(key);
      if (prev) {
        prev.rows++;
        prev.cells.push(slice);
        open.delete(key);
        next.set(key, prev);
      } else {
        next.set(key, { top: top + r, left: left + start, rows: 1, cols: c - start, cells: [slice] });
      }
    }
    for (const run of open.values()) done.push(run);
    open = next;
  });
  for (const run of open.values()) done.push(run);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A1 address of columns [at, at+count) as whole columns: "F:G". */
function columnsAddress(at: number, count: number): string {
  return `${columnLetter(at)}:${columnLetter(at + count - 1)}`;
}

/**
 * Parses an address Excel returns ("Sheet1!B2:F9", "'Kế hoạch'!A1", "Sheet1!C:E", "Sheet1!3:5") into a
 * rectangle; whole columns and rows span the sheet.
 */
export function parseAddress(address: string): Rect | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const rect = parseRectAddress(bare);
  if (rect) return rect;
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(bare);
  if (cols) {
    const a = columnIndex(cols[1]);
    const b = columnIndex(cols[2]);
    return { top: 0, left: Math.min(a, b), rows: 1048576, cols: Math.abs(b - a) + 1 };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(bare);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { top: Math.min(a, b), left: 0, rows: Math.abs(b - a) + 1, cols: 16384 };
  }
  return null;
}

/** Byte length of a value as JSON in UTF-8 (what a request carries for it). */
function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? "";
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x800) n += 2;
    else if (code >= 0x80) n += 1;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true }, font: { bold: true, color: true }, wrapText: true },
};
const COLUMN_PROPERTIES: Excel.ColumnPropertiesLoadOptions = {
  address: true,
  format: { columnWidth: true, useStandardWidth: true },
};

interface GridLoad {
  range: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

interface SheetLoad {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  /** Absent when the grid is read in bands (see readBands). */
  grid?: GridLoad;
  columns: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  tables: Excel.TableCollection;
  protection: Excel.WorksheetProtection;
  validations?: Excel.RangeAreas;
  /** Loads queued on the guess that the sheet still has the tables and validated areas of the last read. */
  guess?: Guess;
}

/** What a read learned about one sheet's tables and validated areas: what the next read guesses from. */
interface SheetMemo {
  /** Names of the sheet's tables, in the order `worksheet.tables` lists them. */
  tables: string[];
  /** The validated areas' address as getSpecialCells("DataValidations") reported it; null for none. */
  validations: string | null;
}

/**
 * The last successful read: the active sheet's name and, per sheet read, its tables and validated areas.
 * Module state, as long as the runtime (the task pane; the function file where the runtime is shared).
 */
let lastRead: { active: string; sheets: Map<string, SheetMemo> } | null = null;

/** Forgets what earlier reads learned: the next read asks for tables' ranges and rules in a second sync. */
export function forgetReads(): void {
  lastRead = null;
}

/** Speculative loads for one sheet, queued in the first batch; used only if the sheet still matches `memo`. */
interface Guess {
  memo: SheetMemo;
  /** The ranges of the tables named in memo.tables, same order. */
  ranges: Excel.Range[];
  rules: { rect: Rect; validation: Excel.DataValidation }[];
}

/** The rectangles of a getSpecialCells address ("'S'!E2:E9,'S'!G2"), unparsable parts left out. */
function areaRects(address: string): Rect[] {
  const rects: Rect[] = [];
  for (const a of address.split(",")) {
    const rect = parseAddress(a);
    if (rect) rects.push(rect);
  }
  return rects;
}

/**
 * Queues the loads a second sync would make if the sheet still has the tables and validated areas of `memo`.
 * Each call cannot fail while the sheet and the tables exist: getItemOrNullObject for the tables, and
 * getRange on addresses Excel itself reported. A table that is gone leaves a null object behind (or, should
 * Excel fail the batch on its getRange, readSnapshot reads again without guesses).
 */
function queueGuess(sheet: Excel.Worksheet, memo: SheetMemo | undefined): Guess | undefined {
  if (!memo) return undefined;
  const ranges = memo.tables.map((name) => {
    const range = sheet.tables.getItemOrNullObject(name).getRange();
    range.load("address");
    return range;
  });
  const rules = (memo.validations === null ? [] : areaRects(memo.validations)).map((rect) => {
    const validation = sheet.getRange(rectAddress(rect)).dataValidation;
    validation.load("rule");
    return { rect, validation };
  });
  return { memo, ranges, rules };
}

/** The validated areas' address of a loaded sheet; null for none. */
function areasAddress(load: SheetLoad): string | null {
  return load.validations && !load.validations.isNullObject ? load.validations.address : null;
}

/** The sheet has exactly the tables (names, order) the guess assumed. */
function tablesHold(load: SheetLoad, g: Guess): boolean {
  const items = load.tables.items;
  return items.length === g.memo.tables.length && items.every((t, i) => t.name === g.memo.tables[i]);
}

/** The first sync failed while it carried guesses: read again without them (the batch only reads). */
class GuessFailed extends Error {
  constructor(readonly original: unknown) {
    super("the read with guessed tables and validated areas failed");
  }
}

/** Failures that are not the guesses' doing; readSnapshot handles (or reports) them as they are. */
const NOT_GUESS_CODES: ReadonlySet<string> = new Set([
  OFFICE_CODES.invalidSelection,
  OFFICE_CODES.responseTooLarge,
  OFFICE_CODES.cellEditMode,
]);

interface Grids {
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
  fills: (string | null)[][];
  bold: boolean[][];
  fontColors: (string | null)[][];
  wrap: boolean[][];
}

const emptyGrids = (): Grids => ({
  values: [],
  formulas: [],
  numberFormats: [],
  fills: [],
  bold: [],
  fontColors: [],
  wrap: [],
});

function loadGrid(range: Excel.Range): GridLoad {
  range.load("values, formulas, numberFormat");
  return { range, props: range.getCellProperties(CELL_PROPERTIES) };
}

function loadSheet(sheet: Excel.Worksheet, grid: boolean, validations: boolean): SheetLoad {
  const used = sheet.getUsedRangeOrNullObject();
  used.load("address");
  const tables = sheet.tables;
  tables.load("items/name, items/showHeaders, items/showTotals, items/style");
  const protection = sheet.protection;
  protection.load("protected");
  const load: SheetLoad = {
    sheet,
    used,
    grid: grid ? loadGrid(used) : undefined,
    columns: used.getColumnProperties(COLUMN_PROPERTIES),
    tables,
    protection,
  };
  if (validations) {
    load.validations = used.getSpecialCellsOrNullObject("DataValidations");
    load.validations.load("address");
  }
  return load;
}

function upperColor(c: string | undefined | null): string | null {
  if (!c) return null;
  return c.startsWith("#") ? c.toUpperCase() : c;
}

/** Fill of one cell: null for no fill (pattern "None", or Excel's default white when no pattern is reported). */
function fillOf(p: Excel.CellProperties | undefined): string | null {
  const fill = p?.format?.fill;
  if (!fill) return null;
  const color = upperColor(fill.color);
  if (fill.pattern === "None") return null;
  if (fill.pattern === undefined && color === "#FFFFFF") return null;
  return color;
}

function gridsOf(
  values: unknown[][],
  formulas: unknown[][],
  formats: unknown[][],
  props: Excel.CellProperties[][],
): Grids {
  const g = emptyGrids();
  values.forEach((row, r) => {
    const vRow: CellValue[] = [];
    const fRow: (string | null)[] = [];
    const nRow: (string | null)[] = [];
    const fillRow: (string | null)[] = [];
    const bRow: boolean[] = [];
    const cRow: (string | null)[] = [];
    const wRow: boolean[] = [];
    row.forEach((raw, c) => {
      const v = raw === "" || raw === undefined ? null : (raw as CellValue);
      vRow.push(v);
      // `formulas` holds the value of a cell without formula; a quote-prefixed text "=x" reads back as "=x" in
      // both `values` and `formulas`, while a real formula's value differs from its own text.
      const f = formulas[r]?.[c];
      fRow.push(typeof f === "string" && f.startsWith("=") && f !== raw ? f : null);
      const nf = formats[r]?.[c];
      nRow.push(typeof nf === "string" && nf !== "General" && nf !== "" ? nf : null);
      const p = props[r]?.[c];
      fillRow.push(fillOf(p));
      bRow.push(p?.format?.font?.bold === true);
      const fc = upperColor(p?.format?.font?.color);
      cRow.push(fc === "#000000" ? null : fc);
      wRow.push(p?.format?.wrapText === true);
    });
    g.values.push(vRow);
    g.formulas.push(fRow);
    g.numberFormats.push(nRow);
    g.fills.push(fillRow);
    g.bold.push(bRow);
    g.fontColors.push(cRow);
    g.wrap.push(wRow);
  });
  return g;
}

function concatGrids(parts: Grids[]): Grids {
  const out = emptyGrids();
  for (const p of parts) {
    for (const k of Object.keys(out) as (keyof Grids)[])
      (out[k] as unknown[][]).push(...(p[k] as unknown[][]));
  }
  return out;
}

function columnWidths(columns: Excel.ColumnProperties[]): Record<number, number> {
  const widths: Record<number, number> = {};
  for (const col of columns) {
    const rect = col.address ? parseAddress(col.address) : null;
    const pts = col.format?.columnWidth;
    if (!rect || typeof pts !== "number" || col.format?.useStandardWidth === true) continue;
    const w = pointsToChars(pts);
    if (w !== STANDARD_WIDTH) widths[rect.left] = w;
  }
  return widths;
}

/** Parses a data-validation rule into a list, when it is a literal list ("a,b,c"). */
function listOf(rule: Excel.DataValidationRule | undefined): string[] | null {
  const source = rule?.list?.source;
  if (typeof source !== "string" || source.startsWith("=")) return null;
  return source.split(",").map((s) => s.trim());
}

interface ReadMode {
  banded: boolean;
  selection: boolean;
  /** Queue the guesses from `lastRead` in the first batch. */
  guess: boolean;
}

export interface ReadOptions {
  /** Cells per request when a sheet must be read in bands (tests use a small number). */
  bandCells?: number;
}

/** What the host remembers about a snapshot it read, for apply: which sheets were protected. */
const readMeta = new WeakMap<WorkbookSnapshot, { protectedSheets: Set<string> }>();

/**
 * Reads the active sheet (used range, formats, tables, selection), all sheet names and the owned sheets.
 * One sync; two when the sheets hold tables or validations the previous read (of this runtime) did not see
 * as they are now; a sheet too large for one response is read in bands.
 */
export async function readSnapshot(
  owned: OwnedSheets = OWNED_SHEETS,
  opts: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  requireApi(API.minimum);
  const attempt = async (mode: ReadMode): Promise<WorkbookSnapshot> => {
    try {
      return await readWith(owned, mode, opts.bandCells ?? DEFAULT_BAND_CELLS);
    } catch (e) {
      const code = officeCode(e);
      // A chart or several areas selected: read without the selection.
      if (code === OFFICE_CODES.invalidSelection && mode.selection)
        return attempt({ ...mode, selection: false });
      // Excel on the web: the response would pass 5 MB, so read the cells in bands.
      if (code === OFFICE_CODES.responseTooLarge && !mode.banded) return attempt({ ...mode, banded: true });
      // A guessed table or sheet is gone and Excel failed the batch over it: forget and read without guesses.
      if (e instanceof GuessFailed) {
        lastRead = null;
        return attempt({ ...mode, guess: false });
      }
      throw toHostError(e);
    }
  };
  return attempt({ banded: false, selection: true, guess: true });
}

function readWith(owned: OwnedSheets, mode: ReadMode, bandCells: number): Promise<WorkbookSnapshot> {
  return Excel.run(async (context) => {
    const workbook = context.workbook;
    const active = workbook.worksheets.getActiveWorksheet();
    active.load("name");
    const sheets = workbook.worksheets;
    sheets.load("items/name");
    const selection = mode.selection ? workbook.getSelectedRange() : null;
    if (selection) selection.load("address");
    const memo = mode.guess ? lastRead : null;
    const main = loadSheet(active, !mode.banded, true);
    // The active sheet's name is known only after the sync: guess it is still the one of the last read.
    main.guess = queueGuess(active, memo?.sheets.get(memo.active));
    const ownedNames = [owned.catalogueSheet, owned.planSheet];
    const others = ownedNames.map((name) => {
      const sheet = workbook.worksheets.getItemOrNullObject(name);
      const load = loadSheet(sheet, !mode.banded, true);
      load.guess = queueGuess(sheet, memo?.sheets.get(name));
      return { name, sheet, load };
    });
    const guessed = [main, ...others.map((o) => o.load)].some(
      (l) => l.guess && (l.guess.ranges.length || l.guess.rules.length),
    );
    try {
      await context.sync();
    } catch (e) {
      const code = officeCode(e);
      if (guessed && !(code && NOT_GUESS_CODES.has(code))) throw new GuessFailed(e);
      throw e;
    }

    const activeName = active.name;
    const present = others.filter((o) => !o.sheet.isNullObject && o.name !== activeName);
    // An owned sheet that is active was loaded twice; its own load carries the right guess.
    const activeLoad = others.find((o) => o.name === activeName && !o.sheet.isNullObject)?.load ?? main;
    const loads: { name: string; load: SheetLoad }[] = [
      { name: activeName, load: activeLoad },
      ...present.map((o) => ({ name: o.name, load: o.load })),
    ];

    // Bands, when the whole grid could not come back in one response.
    const bandGrids = new Map<string, Grids>();
    if (mode.banded) {
      for (const { name, load } of loads) {
        if (load.used.isNullObject) continue;
        const rect = parseAddress(load.used.address);
        if (!rect) continue;
        const rowsPerBand = Math.max(1, Math.floor(bandCells / Math.max(1, rect.cols)));
        const parts: Grids[] = [];
        for (let top = rect.top; top < rect.top + rect.rows; top += rowsPerBand) {
          const rows = Math.min(rowsPerBand, rect.top + rect.rows - top);
          const band = loadGrid(
            load.sheet.getRange(rectAddress({ top, left: rect.left, rows, cols: rect.cols })),
          );
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one response per band: each must stay under 5 MB
          await context.sync();
          parts.push(
            gridsOf(band.range.values, band.range.formulas, band.range.numberFormat, band.props.value),
          );
        }
        bandGrids.set(name, concatGrids(parts));
      }
    }

    // Second (small) request: the ranges of the tables found and the rules of the validated areas, for the
    // sheets whose guess was missing or wrong.
    const tableRanges: { name: string; table: Excel.Table; range: Excel.Range }[] = [];
    const validationRanges: { name: string; rect: Rect; validation: Excel.DataValidation }[] = [];
    let second = false;
    for (const { name, load } of loads) {
      const g = load.guess;
      if (g && tablesHold(load, g)) {
        load.tables.items.forEach((table, i) => tableRanges.push({ name, table, range: g.ranges[i] }));
      } else {
        for (const table of load.tables.items) {
          const range = table.getRange();
          range.load("address");
          tableRanges.push({ name, table, range });
          second = true;
        }
      }
      const areas = areasAddress(load);
      if (g && areas === g.memo.validations) {
        for (const r of g.rules) validationRanges.push({ name, ...r });
      } else {
        for (const rect of areas === null ? [] : areaRects(areas)) {
          const validation = load.sheet.getRange(rectAddress(rect)).dataValidation;
          validation.load("rule");
          validationRanges.push({ name, rect, validation });
          second = true;
        }
      }
    }
    if (second) await context.sync();

    const protectedSheets = new Set<string>();
    const snapshotOf = (name: string, load: SheetLoad): SheetSnapshot => {
      if (load.protection.protected) protectedSheets.add(name);
      const tables: TableInfo[] = [];
      for (const t of tableRanges) {
        if (t.name !== name) continue;
        const rect = parseAddress(t.range.address);
        if (!rect) continue;
        const info: TableInfo = {
          name: t.table.name,
          rect,
          showHeaders: t.table.showHeaders,
          showTotals: t.table.showTotals,
        };
        if (t.table.style) info.style = t.table.style;
        tables.push(info);
      }
      const validations: ListValidation[] = [];
      for (const v of validationRanges) {
        if (v.name !== name) continue;
        const list = listOf(v.validation.rule);
        if (list) validations.push({ rect: v.rect, list });
      }
      if (load.used.isNullObject) {
        return { name, top: 0, left: 0, values: [], tables, validations };
      }
      const rect = parseAddress(load.used.address) ?? { top: 0, left: 0, rows: 0, cols: 0 };
      const grids =
        bandGrids.get(name) ??
        (load.grid
          ? gridsOf(
              load.grid.range.values,
              load.grid.range.formulas,
              load.grid.range.numberFormat,
              load.grid.props.value,
            )
          : gridsOf([], [], [], []));
      return {
        name,
        top: rect.top,
        left: rect.left,
        ...grids,
        tables,
        validations,
        columnWidths: columnWidths(load.columns.value),
      };
    };

    const activeSnapshot = snapshotOf(activeName, main);
    if (selection) {
      const sel = parseAddress(selection.address);
      if (sel) activeSnapshot.selection = sel;
    }
    const snapshot: WorkbookSnapshot = {
      active: activeSnapshot,
      sheetNames: sheets.items.map((s) => s.name),
    };
    if (present.length) {
      snapshot.others = {};
      for (const o of present) snapshot.others[o.name] = snapshotOf(o.name, o.load);
    }
    readMeta.set(snapshot, { protectedSheets });
    lastRead = {
      active: activeName,
      sheets: new Map(
        loads.map(({ name, load }) => [
          name,
          { tables: load.tables.items.map((t) => t.name), validations: areasAddress(load) },
        ]),
      ),
    };
    return snapshot;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------

/** Proxies for one request: worksheets by name, cached, kept in step with added and deleted sheets. */
class Queue {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly context: Excel.RequestContext) {}
  sheet(name: string): Excel.Worksheet {
    let s = this.sheets.get(name);
    if (!s) {
      s = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, s);
    }
    return s;
  }
  added(name: string, sheet: Excel.Worksheet): void {
    this.sheets.set(name, sheet);
  }
  deleted(name: string): void {
    this.sheets.delete(name);
  }
}

/** One statement (or a few) to queue, with the bytes it adds to a request. */
interface Step {
  bytes: number;
  queue(q: Queue): void;
}

const step = (args: unknown, queue: (q: Queue) => void): Step => ({
  bytes: STATEMENT_BYTES + jsonBytes(args),
  queue,
});

/** Splits a rectangle into row bands whose data (bytesPerRow each) stays under `max`. */
function bands(rect: Rect, bytesPerRow: number, max: number): Rect[] {
  const perBand = Math.max(1, Math.floor(max / Math.max(1, bytesPerRow)));
  const out: Rect[] = [];
  for (let top = rect.top; top < rect.top + rect.rows; top += perBand) {
    out.push({ ...rect, top, rows: Math.min(perBand, rect.top + rect.rows - top) });
  }
  return out;
}

function cellSteps(op: Extract<Op, { op: "setCells" }>, max: number): Step[] {
  const steps: Step[] = [];
  for (const run of cellRuns(op.top, op.left, op.cells)) {
    const useFormulas = run.cells.some((row) => row.some((c) => c.kind === "formula"));
    const data = run.cells.map((row) => row.map(inputValue));
    const total = jsonBytes(data);
    for (const band of bands(run, total / run.rows + STATEMENT_BYTES / run.rows, max / 2)) {
      const rows = data.slice(band.top - run.top, band.top - run.top + band.rows);
      const address = rectAddress(band);
      steps.push(
        step([address, rows], (q) => {
          const range = q.sheet(op.sheet).getRange(address);
          if (useFormulas) range.formulas = rows;
          else range.values = rows;
        }),
      );
    }
  }
  return steps;
}

/** Groups rectangles into comma-separated addresses no longer than MAX_AREAS_ADDRESS. */
function areaGroups(ranges: readonly Rect[]): string[] {
  const groups: string[] = [];
  let current = "";
  for (const r of ranges) {
    const a = rectAddress(r);
    if (current && current.length + 1 + a.length > MAX_AREAS_ADDRESS) {
      groups.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) groups.push(current);
  return groups;
}

function styleSteps(op: Extract<Op, { op: "setStyle" }>, max: number): Step[] {
  const st = op.style;
  const ranges = op.ranges.filter((r) => r.rows > 0 && r.cols > 0);
  const steps: Step[] = [];
  const formatKeys = (["fill", "bold", "fontColor", "wrap", "horizontalAlignment"] as const).filter(
    (k) => k in st,
  );
  if (formatKeys.length) {
    for (const address of areaGroups(ranges)) {
      steps.push(
        step([address, st], (q) => {
          const sheet = q.sheet(op.sheet);
          const format = address.includes(",")
            ? sheet.getRanges(address).format
            : sheet.getRange(address).format;
          if ("fill" in st) {
            if (st.fill) format.fill.color = st.fill;
            else format.fill.clear();
          }
          // Excel has no "automatic" font colour to set back; black is what automatic shows.
          if ("fontColor" in st) format.font.color = st.fontColor ?? "#000000";
          if ("bold" in st) format.font.bold = !!st.bold;
          if ("wrap" in st) format.wrapText = !!st.wrap;
          if ("horizontalAlignment" in st) format.horizontalAlignment = st.horizontalAlignment ?? "General";
        }),
      );
    }
  }
  if ("numberFormat" in st) {
    // RangeAreas has no numberFormat: one 2-D array per rectangle.
    const fmt = st.numberFormat || "General";
    for (const rect of ranges) {
      for (const band of bands(rect, jsonBytes(fmt) * rect.cols + 4, max / 2)) {
        const address = rectAddress(band);
        const formats = Array.from({ length: band.rows }, () => Array.from({ length: band.cols }, () => fmt));
        steps.push(
          step([address, formats], (q) => {
            q.sheet(op.sheet).getRange(address).numberFormat = formats;
          }),
        );
      }
    }
  }
  return steps;
}

/** The statements for one op, given the workbook as it is just before the op (positions, table rects). */
function opSteps(op: Op, m: WorkbookModel, max: number): Step[] {
  switch (op.op) {
    case "insertColumns":
    case "deleteColumns": {
      const insert = op.op === "insertColumns";
      if (op.table) {
        const { name, rect } = op.table;
        const index = op.at - rect.left;
        return Array.from({ length: op.count }, () =>
          step(op, (q) => {
            const columns = q.sheet(op.sheet).tables.getItem(name).columns;
            if (!insert) columns.getItemAt(index).delete();
            else if (index >= rect.cols) columns.add();
            else columns.add(index);
          }),
        );
      }
      const address = columnsAddress(op.at, op.count);
      return [
        step(op, (q) => {
          const range = q.sheet(op.sheet).getRange(address);
          if (insert) range.insert("Right");
          else range.delete("Left");
        }),
      ];
    }
    case "setCells":
      return cellSteps(op, max);
    case "setStyle":
      return styleSteps(op, max);
    case "addSheet": {
      const position = op.after !== undefined ? m.order.indexOf(op.after) + 1 : -1;
      return [
        step(op, (q) => {
          const sheet = q.context.workbook.worksheets.add(op.sheet);
          if (position > 0) sheet.position = position;
          q.added(op.sheet, sheet);
        }),
      ];
    }
    case "deleteSheet":
      return [
        step(op, (q) => {
          q.sheet(op.sheet).delete();
          q.deleted(op.sheet);
        }),
      ];
    case "addTable":
      return [
        step(op, (q) => {
          const table = q.sheet(op.sheet).tables.add(rectAddress(op.rect), true);
          table.name = op.name;
          if (op.style) table.style = op.style;
        }),
      ];
    case "resizeTable":
      return [step(op, (q) => q.sheet(op.sheet).tables.getItem(op.name).resize(rectAddress(op.rect)))];
    case "deleteTable":
      return [step(op, (q) => q.sheet(op.sheet).tables.getItem(op.name).convertToRange())];
    case "setValidation":
      return [
        step(op, (q) => {
          const validation = q.sheet(op.sheet).getRange(rectAddress(op.rect)).dataValidation;
          validation.clear();
          if (op.list) validation.rule = { list: { inCellDropDown: true, source: op.list.join(",") } };
        }),
      ];
    case "setColumnWidth": {
      const points = charsToPoints(op.width);
      return [
        step(op, (q) => {
          q.sheet(op.sheet).getRange(columnsAddress(op.col, 1)).format.columnWidth = points;
        }),
      ];
    }
    case "select":
      return [
        step(op, (q) => {
          const sheet = q.sheet(op.sheet);
          sheet.activate();
          sheet.getRange(rectAddress(op.rect)).select();
        }),
      ];
  }
}

/** The change set as requests: each a list of statements whose estimated size stays under `max` bytes. */
function planRequests(cs: ChangeSet, basis: WorkbookSnapshot, max: number): Step[][] {
  const m = WorkbookModel.fromSnapshot(basis);
  const requests: Step[][] = [];
  let current: Step[] = [];
  let bytes = 0;
  for (const op of cs.ops) {
    for (const s of opSteps(op, m, max)) {
      if (current.length && bytes + s.bytes > max) {
        requests.push(current);
        current = [];
        bytes = 0;
      }
      current.push(s);
      bytes += s.bytes;
    }
    m.apply(op);
  }
  if (current.length) requests.push(current);
  return requests;
}

export interface ApplyOptions {
  /** Largest estimated request; larger change sets are split (tests use a small number). */
  maxRequestBytes?: number;
}

/**
 * Writes `cs`, planned from `basis`. The change set is checked as a whole first (core's validateChangeSet
 * on `basis`, requirement sets, protected sheets seen when `basis` was read): on failure nothing is written.
 * Then every op is queued in one Excel.run and sent in one sync, or in as few chunks as the request-size
 * limit allows (merged into one undo step where Excel supports mergeUndoGroup).
 */
export async function applyChangeSet(
  cs: ChangeSet,
  basis: WorkbookSnapshot,
  opts: ApplyOptions = {},
): Promise<void> {
  requireApi(API.minimum);
  if (cs.ops.some((op) => op.op === "resizeTable")) requireApi(API.resizeTable);
  const valid = validateChangeSet(basis, cs);
  if (!valid.ok) throw new HostError("invalid-change-set", valid.error.message);
  const protectedSheets = readMeta.get(basis)?.protectedSheets;
  const blocked = cs.ops.find((op) => op.op !== "select" && protectedSheets?.has(op.sheet));
  if (blocked) throw new HostError("protected", `sheet «${blocked.sheet}» is protected`);

  const requests = planRequests(cs, basis, opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
  if (!requests.length) return;
  // Each sync is its own undo step; several are merged into one where Excel can (Worksheet.delete cannot).
  const merge =
    requests.length > 1 &&
    isApiSupported(API.mergeUndoGroup) &&
    !cs.ops.some((op) => op.op === "deleteSheet");
  let sent = 0;
  const batch = async (context: Excel.RequestContext) => {
    for (const request of requests) {
      const q = new Queue(context);
      for (const s of request) s.queue(q);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk: each must stay under 5 MB
      await context.sync();
      sent++;
    }
  };
  try {
    if (merge) await Excel.run({ mergeUndoGroup: true }, batch);
    else await Excel.run(batch);
  } catch (e) {
    if (merge && sent === 0 && officeCode(e) === OFFICE_CODES.undoNotSupported) {
      try {
        await Excel.run(batch);
        return;
      } catch (e2) {
        throw toHostError(e2);
      }
    }
    throw toHostError(e);
  }
}

/** Activates `sheet` and selects its row `row` (0-based). */
export async function selectRow(sheet: string, row: number): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(`${row + 1}:${row + 1}`).select();
      await context.sync();
    });
  } catch (e) {
    throw toHostError(e);
  }
}
