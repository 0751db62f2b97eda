/**
 * Reading a snapshot through Office.js: one Excel.run; everything the core needs is queued before ONE sync
 * (the criteria sheet's used range with values, formulas, number formats and cell properties, its tables,
 * protection, the selection, the sheet names and the sheets the add-in owns). Excel cannot report a table's
 * range or a validation's rule until the table or validated area is known: the first batch also asks for
 * the ranges of the tables and the rules of the areas the previous read found (the host's ReadMemo), and
 * only when the sheets no longer match it (or on the first read of a host) a second, small sync asks for
 * exactly those.
 */
import type {
  ConditionalRule,
  ListValidation,
  Rect,
  SheetSnapshot,
  TableInfo,
  WorkbookSnapshot,
} from "../../core/types";
import { rectAddress } from "../../core/address";
import { API, requireApi } from "./requirements";
import { probesOf, queueProbes } from "./probes";
import { OFFICE_CODES, officeCode, toAddinError } from "./errors";
import { areaRects, columnWidths, concatGrids, gridsOf, listOf, parseAddress, type Grids } from "./convert";

/** The sheets the add-in owns, read in full with every command. */
export interface OwnedSheets {
  catalogueSheet: string;
  planSheet: string;
}
export const OWNED_SHEETS: OwnedSheets = {
  catalogueSheet: "Danh mục giải pháp",
  planSheet: "Kế hoạch khắc phục",
};

/** Cells read per request when a sheet is too large to read in one (ResponsePayloadSizeLimitExceeded). */
export const DEFAULT_BAND_CELLS = 10_000;

const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true, pattern: true },
    font: { bold: true, color: true, name: true },
    wrapText: true,
  },
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
  /** The frozen panes' range (ExcelApi 1.7), a null object when nothing is frozen. */
  frozen: Excel.Range;
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

/** Speculative loads for one sheet, queued in the first batch; used only if the sheet still matches `memo`. */
interface Guess {
  memo: SheetMemo;
  /** The ranges of the tables named in memo.tables, same order. */
  ranges: Excel.Range[];
  rules: { rect: Rect; validation: Excel.DataValidation }[];
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
  const frozen = sheet.freezePanes.getLocationOrNullObject();
  frozen.load("address");
  const load: SheetLoad = {
    sheet,
    used,
    frozen,
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

interface ReadMode {
  banded: boolean;
  selection: boolean;
  /** Queue the guesses from the memo of the last read in the first batch. */
  guess: boolean;
}

export interface ReadOptions {
  /** Cells per request when a sheet must be read in bands (tests use a small number). */
  bandCells?: number;
  /** Read this sheet as the criteria sheet instead of the active one. */
  sheet?: string;
}

/**
 * The last successful read: the criteria sheet's name and, per sheet read, its tables and validated areas.
 * Owned by one ExcelHost (a new host starts with an empty memo).
 */
export interface ReadMemo {
  last: { active: string; sheets: Map<string, SheetMemo> } | null;
}

/**
 * Reads the active sheet (or `opts.sheet`: used range, formats, tables, selection, protection), all sheet
 * names and the owned sheets. One sync; two when the sheets hold tables or validations the previous read
 * (`memo`, which this function updates) did not see as they are now; a sheet too large for one response is
 * read in bands.
 */
export async function readSnapshot(
  memo: ReadMemo,
  owned: OwnedSheets = OWNED_SHEETS,
  opts: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  requireApi(API.minimum);
  const attempt = async (mode: ReadMode): Promise<WorkbookSnapshot> => {
    try {
      return await readWith(memo, owned, mode, opts);
    } catch (e) {
      const code = officeCode(e);
      // A chart or several areas selected: read without the selection.
      if (code === OFFICE_CODES.invalidSelection && mode.selection)
        return attempt({ ...mode, selection: false });
      // Excel on the web: the response would pass 5 MB, so read the cells in bands.
      if (code === OFFICE_CODES.responseTooLarge && !mode.banded) return attempt({ ...mode, banded: true });
      // A guessed table or sheet is gone and Excel failed the batch over it: forget and read without guesses.
      if (e instanceof GuessFailed) {
        memo.last = null;
        return attempt({ ...mode, guess: false });
      }
      throw toAddinError(e);
    }
  };
  return attempt({ banded: false, selection: true, guess: true });
}

function readWith(
  memory: ReadMemo,
  owned: OwnedSheets,
  mode: ReadMode,
  opts: ReadOptions,
): Promise<WorkbookSnapshot> {
  const bandCells = opts.bandCells ?? DEFAULT_BAND_CELLS;
  return Excel.run(async (context) => {
    const workbook = context.workbook;
    const shown = workbook.worksheets.getActiveWorksheet();
    shown.load("name");
    // The criteria sheet: the one the app asked for, else the active one.
    const active = opts.sheet !== undefined ? workbook.worksheets.getItem(opts.sheet) : shown;
    if (opts.sheet !== undefined) active.load("name");
    const sheets = workbook.worksheets;
    sheets.load("items/name");
    const selection = mode.selection ? workbook.getSelectedRange() : null;
    if (selection) selection.load("address");
    const memo = mode.guess ? memory.last : null;
    const main = loadSheet(active, !mode.banded, true);
    // The active sheet's name is known only after the sync: guess it is still the one of the last read.
    main.guess = queueGuess(active, memo?.sheets.get(opts.sheet ?? memo.active));
    const ownedNames = [owned.catalogueSheet, owned.planSheet];
    const others = ownedNames.map((name) => {
      const sheet = workbook.worksheets.getItemOrNullObject(name);
      const load = loadSheet(sheet, !mode.banded, true);
      load.guess = queueGuess(sheet, memo?.sheets.get(name));
      return { name, sheet, load };
    });
    const probeLoads = queueProbes(workbook, null);
    // The workbook's names (the add-in's markers and memory) and the criteria sheet's conditional formats.
    const names = workbook.names;
    names.load("items/name, items/formula, items/visible");
    const conditional = active.getRange().conditionalFormats;
    conditional.load(CONDITIONAL_LOAD);
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

    // Probes: every other visible sheet the add-in does not own; walk on if the chain did not reach the end.
    const probes: Record<string, SheetSnapshot> = {};
    const skip = new Set([activeName, ...ownedNames]);
    let more = probesOf(probeLoads, skip, probes);
    while (more) {
      const next = queueProbes(workbook, more);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only past PROBE_CHAIN visible sheets
      await context.sync();
      more = probesOf(next, skip, probes);
    }
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

    const snapshotOf = (name: string, load: SheetLoad): SheetSnapshot => {
      const snap = sheetOf(name, load);
      if (load.protection.protected) snap.protected = true;
      const frozen = frozenOf(load.frozen);
      if (frozen.rows || frozen.cols) snap.frozen = frozen;
      return snap;
    };
    const sheetOf = (name: string, load: SheetLoad): SheetSnapshot => {
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
      // Font names only when some cell has one (as the core's model gives them back).
      const { fontNames, ...rest } = grids;
      return {
        name,
        top: rect.top,
        left: rect.left,
        ...rest,
        ...(fontNames.some((row) => row.some((f) => f !== null)) ? { fontNames } : {}),
        tables,
        validations,
        columnWidths: columnWidths(load.columns.value),
      };
    };

    const activeSnapshot = snapshotOf(activeName, main);
    if (selection && shown.name === activeName) {
      const sel = parseAddress(selection.address);
      if (sel) activeSnapshot.selection = sel;
    }
    const rules = customRules(conditional);
    if (rules.length) activeSnapshot.conditionalFormats = rules;
    const snapshot: WorkbookSnapshot = {
      active: activeSnapshot,
      sheetNames: sheets.items.map((s) => s.name),
      names: names.items.map((n) => ({ name: n.name, ref: n.formula, hidden: !n.visible })),
    };
    if (Object.keys(probes).length) snapshot.probes = probes;
    if (present.length) {
      snapshot.others = {};
      for (const o of present) snapshot.others[o.name] = snapshotOf(o.name, o.load);
    }
    memory.last = {
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

/** Frozen rows and columns from the frozen panes' range ("A1:XFD3": three rows; "A1:B1048576": two columns). */
function frozenOf(range: Excel.Range): { rows: number; cols: number } {
  if (range.isNullObject) return { rows: 0, cols: 0 };
  const r = parseAddress(range.address);
  if (!r) return { rows: 0, cols: 0 };
  return { rows: r.rows >= 1048576 ? 0 : r.top + r.rows, cols: r.cols >= 16384 ? 0 : r.left + r.cols };
}

/**
 * What is loaded of a sheet's conditional formats in the first request: the custom ones' formula and colours
 * (customOrNullObject: a null object for other kinds). Their ranges would need a call per rule and another
 * request: rules are read without ranges and removed by id.
 */
export const CONDITIONAL_LOAD =
  "items/id, items/type, items/customOrNullObject/rule/formula, items/customOrNullObject/format/fill/color, items/customOrNullObject/format/font/color";

/** The custom rules of a loaded ConditionalFormatCollection (ranges unknown: empty). */
export function customRules(conditional: Excel.ConditionalFormatCollection): ConditionalRule[] {
  return conditional.items.flatMap((cf) => {
    const c = cf.customOrNullObject;
    if (cf.type !== "Custom" || c.isNullObject) return [];
    const rule: ConditionalRule = { ranges: [], formula: c.rule.formula, id: cf.id };
    if (c.format.fill.color) rule.fill = c.format.fill.color.toUpperCase();
    if (c.format.font.color) rule.fontColor = c.format.font.color.toUpperCase();
    return [rule];
  });
}
