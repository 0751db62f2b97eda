/**
 * Reading a snapshot through Office.js, only in ways the docs promise: no call is ever made on a null
 * object or on an object derived from one (a sheet that may not exist is asked for by getItem only once a
 * sync said it exists; a used range comes from getUsedRange, which never fails, its emptiness from
 * getUsedRangeOrNullObject's isNullObject). Every Excel.run asks delayForCellEdit.
 *
 * Syncs: the workbook's structure (sheet names and visibility, table names, the active sheet and the size
 * of its used range) is what the next read guesses from (the host's ReadMemo). A read whose guess holds is
 * ONE sync; the first read of a host (or one after the structure changed) first takes one small sync to
 * learn it. A sheet whose used range passes `bandCells` cells is read in bands, one sync per band, on every
 * platform; the rules of validated areas the memo did not know take one more small sync. The workbook's
 * names, the criteria sheet's conditional formats and each read sheet's frozen panes ride in the read's
 * main sync (never in the learning one).
 */
import type { ListValidation, Rect, SheetSnapshot, TableInfo, WorkbookSnapshot } from "../../core/types";
import { PROBE_ROWS, type CellValue } from "../../core/types";
import { AddinError } from "../../core/errors";
import { OWNED_SHEETS } from "../../core/owned";
import { rectAddress } from "../../core/address";
import { isAddinRule } from "../../core/conditional";
import { API, requireApi } from "./requirements";
import { chartsOf, queueCharts, type ChartLoad } from "./charts";
import { CONDITIONAL_LOAD, customRules } from "./conditional";
import { OFFICE_CODES, officeCode, toAddinError } from "./errors";
import {
  areaRects,
  columnsAddress,
  columnWidths,
  concatGrids,
  gridsOf,
  hiddenColumns,
  listOf,
  parseAddress,
  type Grids,
} from "./convert";

/** The sheets the add-in owns, read in full with every command (one list: core/owned.ts). */
export { OWNED_SHEETS };
export type OwnedSheets = readonly string[];

/** Cells read per request: a sheet whose used range has more is read in bands of this many cells. */
export const DEFAULT_BAND_CELLS = 10_000;
/** Excel loads values as null for a range over 5 million cells: such a used range is refused. */
export const MAX_READ_CELLS = 5_000_000;

/** Options of every Excel.run: wait for the user to leave cell-edit mode rather than fail. */
export const RUN_OPTIONS = { delayForCellEdit: true } as const;

const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true, pattern: true },
    font: { bold: true, color: true, name: true },
    wrapText: true,
  },
};
const COLUMN_PROPERTIES: Excel.ColumnPropertiesLoadOptions = {
  address: true,
  columnHidden: true,
  format: { columnWidth: true, useStandardWidth: true },
};
/**
 * Columns from A whose hidden flag is read even outside the used range (ColumnProperties.columnHidden,
 * ExcelApi 1.9): the empty columns right of a table that assign takes are usually outside it, and an undo
 * must hide again one the add-in showed.
 */
export const HIDDEN_PROBE_COLS = 64;
const HIDDEN_PROPERTIES: Excel.ColumnPropertiesLoadOptions = {
  address: true,
  columnHidden: true,
  // Their widths place the criteria sheet's charts on cells (charts.ts).
  format: { columnWidth: true },
};

/** What the read learnt of the workbook's structure: what the next read guesses from. */
export interface Structure {
  /** Sheet names in tab order, and which are visible. */
  order: string[];
  visible: string[];
  /** Every table of the workbook, by name. */
  tables: string[];
  /** The criteria sheet's name. */
  active: string;
  /** Cells of each read sheet's used range (0 for a blank sheet); absent: not known yet. */
  cells: Map<string, number>;
  /** Validated areas of each read sheet, as getSpecialCells reported them (null for none). */
  validations: Map<string, string | null>;
  /** The sheet of each table whose range the read loaded (absent: not known yet). */
  tableSheets?: Map<string, string>;
  /**
   * How many conditional formats (of every kind) each criteria sheet holds: the read loads the ranges of
   * that many by index in its one request (absent: not known, the ranges cost a follow-up when needed).
   */
  ruleCounts?: Map<string, number>;
}

/** The last successful read's structure; a new host starts with none. */
export interface ReadMemo {
  last: Structure | null;
}

export interface ReadOptions {
  /** Cells per request when a sheet must be read in bands (tests use a small number). */
  bandCells?: number;
  /** Read this sheet as the criteria sheet instead of the active one. */
  sheet?: string;
}

interface GridLoad {
  range: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

interface SheetLoad {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  blank: Excel.Range;
  grid?: GridLoad;
  columns: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  /** Hidden flags of the first HIDDEN_PROBE_COLS columns. */
  hiddenProbe: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  protection: Excel.WorksheetProtection;
  /** The frozen panes' range (ExcelApi 1.7), a null object when nothing is frozen. */
  frozen: Excel.Range;
  validations: Excel.RangeAreas;
  rules: { rect: Rect; validation: Excel.DataValidation }[];
  guessedValidations?: string | null;
  /** The criteria sheet's charts and row heights (charts.ts). */
  charts?: ChartLoad;
}

/**
 * The structure the read guessed no longer holds: read again. `seen`: what the refuted batch itself reported
 * (the same facts `learn` asks for), so the next try guesses from it instead of spending a sync on `learn`.
 */
class StructureChanged extends Error {
  constructor(readonly seen: Structure | null = null) {
    super("the workbook's sheets or tables changed since the last read");
  }
}

/** Failures that are not a wrong guess's doing. */
const NOT_GUESS_CODES: ReadonlySet<string> = new Set([
  OFFICE_CODES.invalidSelection,
  OFFICE_CODES.responseTooLarge,
  OFFICE_CODES.cellEditMode,
  OFFICE_CODES.accessDenied,
]);

function loadGrid(range: Excel.Range): GridLoad {
  range.load("values, formulas, numberFormat");
  return { range, props: range.getCellProperties(CELL_PROPERTIES) };
}

/** Grids of a loaded range; Excel gives null values for a range over 5M cells. */
function gridsOfLoad(g: GridLoad): Grids {
  const { values, formulas, numberFormat } = g.range;
  if (values === null || formulas === null || numberFormat === null)
    throw new AddinError("too-large", { limit: MAX_READ_CELLS });
  return gridsOf(values, formulas, numberFormat, g.props.value);
}

const cellsOf = (r: Rect) => r.rows * r.cols;

interface ReadMode {
  /** Read every sheet in bands (after Excel on the web refused one response as too large). */
  banded: boolean;
  selection: boolean;
  /** Guess the structure from the memo of the last read. */
  guess: boolean;
}

/**
 * Reads the criteria sheet (the active one, or `opts.sheet`: used range, formats, tables, selection,
 * protection), all sheet names, the owned sheets and the first rows of the other visible sheets. One sync
 * when the structure is as the last read (`memo`, which this function updates) found it; see the top.
 */
export async function readSnapshot(
  memo: ReadMemo,
  owned: OwnedSheets = OWNED_SHEETS,
  opts: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  requireApi(API.minimum);
  const attempt = async (mode: ReadMode, tries: number): Promise<WorkbookSnapshot> => {
    try {
      return await Excel.run(RUN_OPTIONS, (context) => readWith(context, memo, owned, mode, opts));
    } catch (e) {
      const code = officeCode(e);
      // A chart or several areas selected: read without the selection.
      if (code === OFFICE_CODES.invalidSelection && mode.selection)
        return attempt({ ...mode, selection: false }, tries);
      // Excel on the web: a response would pass 5 MB, so read every sheet in bands.
      if (code === OFFICE_CODES.responseTooLarge && !mode.banded)
        return attempt({ ...mode, banded: true }, tries);
      // The workbook is not as guessed (a read only reads: trying again is safe). When the refuted batch
      // reported the structure, guess from that (no learning sync); else learn it first.
      if (e instanceof StructureChanged && tries < 3) {
        memo.last = e.seen;
        return attempt({ ...mode, guess: e.seen !== null }, tries + 1);
      }
      throw toAddinError(e);
    }
  };
  const prior = memo.last;
  const ws = await attempt({ banded: false, selection: true, guess: true }, 0);
  if (opts.sheet !== undefined) keepCriteriaSheet(memo, prior);
  return ws;
}

/**
 * A read of a named sheet (last year's, the one an undo works on) shows nothing in Excel: the memo keeps
 * the criteria sheet it had, and what it knew of it, so the next plain read still guesses right (one sync).
 */
function keepCriteriaSheet(memo: ReadMemo, prior: Structure | null): void {
  const now = memo.last;
  if (!prior || !now || now.active === prior.active || !now.order.includes(prior.active)) return;
  const name = prior.active;
  const keep = <V>(into: Map<string, V>, from: Map<string, V> | undefined) =>
    from?.has(name) ? new Map([...into, [name, from.get(name)!]]) : into;
  memo.last = {
    ...now,
    active: name,
    cells: keep(now.cells, prior.cells),
    validations: keep(now.validations, prior.validations),
    ruleCounts: now.ruleCounts ? keep(now.ruleCounts, prior.ruleCounts) : prior.ruleCounts,
  };
}

/**
 * Validated areas as a comparable key: their rectangles, sorted (so a guess written by the host itself,
 * without the sheet name or in another order, is recognised; anything else just costs the rules' sync).
 */
function areasKey(areas: string | null): string {
  if (areas === null) return "";
  return areaRects(areas)
    .map((r) => `${r.top},${r.left},${r.rows},${r.cols}`)
    .sort()
    .join(";");
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** "'Kế hoạch'!A1:F9" → "Kế hoạch". */
function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  const s = bang < 0 ? "" : address.slice(0, bang);
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** One small sync: sheet names and visibility, table names, the criteria sheet and its size. */
async function learn(context: Excel.RequestContext, criteria: Excel.Worksheet): Promise<Structure> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/visibility");
  const tables = context.workbook.tables;
  tables.load("items/name");
  criteria.load("name");
  const used = criteria.getUsedRange();
  used.load("address");
  const blank = criteria.getUsedRangeOrNullObject();
  blank.load("address");
  const conditional = criteria.getRange().conditionalFormats;
  conditional.load("items/id");
  await context.sync();
  const rect = parseAddress(used.address);
  return {
    order: sheets.items.map((s) => s.name),
    visible: sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name),
    tables: tables.items.map((t) => t.name),
    active: criteria.name,
    cells: new Map([[criteria.name, blank.isNullObject || !rect ? 0 : cellsOf(rect)]]),
    validations: new Map(),
    ruleCounts: new Map([[criteria.name, conditional.items.length]]),
  };
}

function queueRules(sheet: Excel.Worksheet, areas: string | null) {
  return (areas === null ? [] : areaRects(areas)).map((rect) => {
    const validation = sheet.getRange(rectAddress(rect)).dataValidation;
    validation.load("rule");
    return { rect, validation };
  });
}

function loadSheet(
  name: string,
  sheet: Excel.Worksheet,
  known: Structure,
  mode: ReadMode,
  bandCells: number,
  withCharts = false,
): SheetLoad {
  const used = sheet.getUsedRange();
  used.load("address");
  const blank = sheet.getUsedRangeOrNullObject();
  blank.load("address");
  const protection = sheet.protection;
  protection.load("protected");
  const frozen = sheet.freezePanes.getLocationOrNullObject();
  frozen.load("address");
  const validations = used.getSpecialCellsOrNullObject("DataValidations");
  validations.load("address");
  // The owned sheets are the add-in's own and small: read whole when their size is not known yet.
  const cells = known.cells.get(name);
  const whole = !mode.banded && (cells === undefined || cells <= bandCells);
  const guessed = known.validations.get(name);
  return {
    name,
    sheet,
    used,
    blank,
    grid: whole ? loadGrid(used) : undefined,
    columns: used.getColumnProperties(COLUMN_PROPERTIES),
    hiddenProbe: sheet.getRange(columnsAddress(0, HIDDEN_PROBE_COLS)).getColumnProperties(HIDDEN_PROPERTIES),
    protection,
    frozen,
    validations,
    rules: guessed === undefined ? [] : queueRules(sheet, guessed),
    guessedValidations: guessed,
    ...(withCharts ? { charts: queueCharts(sheet) } : {}),
  };
}

async function readWith(
  context: Excel.RequestContext,
  memory: ReadMemo,
  owned: OwnedSheets,
  mode: ReadMode,
  opts: ReadOptions,
): Promise<WorkbookSnapshot> {
  const bandCells = opts.bandCells ?? DEFAULT_BAND_CELLS;
  const workbook = context.workbook;
  const criteria = () =>
    opts.sheet !== undefined
      ? workbook.worksheets.getItem(opts.sheet)
      : workbook.worksheets.getActiveWorksheet();
  const last = mode.guess ? memory.last : null;
  // A sheet asked for that is not the memo's criteria sheet is guessed too when the memo knows its size (an
  // undo reads the sheet its command worked on while the command left another sheet active).
  const asked = opts.sheet;
  const memo =
    !last || asked === undefined || asked === last.active
      ? last
      : last.order.includes(asked) && last.cells.has(asked)
        ? { ...last, active: asked }
        : null;
  const guessed = !!memo;
  const known = memo ?? (await learn(context, criteria()));
  // What was just learnt holds for a retry of this read (e.g. without the selection).
  if (!guessed) memory.last = known;

  const sheets = workbook.worksheets;
  sheets.load("items/name, items/visibility");
  const allTables = workbook.tables;
  allTables.load("items/name");
  const shown = sheets.getActiveWorksheet();
  shown.load("name");
  const active = criteria();
  active.load("name");
  const selection = mode.selection ? workbook.getSelectedRange() : null;
  if (selection) selection.load("address");
  const ownedNames = owned;
  const readNames = [
    known.active,
    ...ownedNames.filter((n) => n !== known.active && known.order.includes(n)),
  ];
  const loads = readNames.map((name, i) =>
    loadSheet(name, i === 0 ? active : sheets.getItem(name), known, mode, bandCells, i === 0),
  );
  const tableLoads = known.tables.map((name) => {
    const table = allTables.getItem(name);
    table.load("name, showHeaders, showTotals, style");
    const range = table.getRange();
    range.load("address");
    return { table, range };
  });
  const skip = new Set([known.active, ...ownedNames]);
  const probeLoads = known.visible
    .filter((n) => !skip.has(n))
    .map((name) => {
      const used = sheets.getItem(name).getUsedRange(true).getIntersectionOrNullObject(`1:${PROBE_ROWS}`);
      used.load("address, values");
      return { name, used };
    });
  // The workbook's names (the add-in's markers and memory) and the criteria sheet's conditional formats.
  const names = workbook.names;
  names.load("items/name, items/formula, items/visible");
  const conditional = active.getRange().conditionalFormats;
  conditional.load(CONDITIONAL_LOAD);
  // The rules' ranges (a method per rule, so not loadable with the items): by index, as many as the memo
  // says the sheet holds; an index past the end fails the batch like any refuted guess. Indexed on the
  // sheet the memo counted (when the user went to another sheet, the batch is refuted by its name anyway).
  const counted =
    guessed && opts.sheet === undefined
      ? sheets.getItem(known.active).getRange().conditionalFormats
      : conditional;
  const ruleRanges = Array.from({ length: known.ruleCounts?.get(known.active) ?? 0 }, (_, i) => {
    const cf = counted.getItemAt(i);
    cf.load("id");
    const areas = cf.getRanges();
    areas.load("address");
    return { cf, areas };
  });
  try {
    await context.sync();
  } catch (e) {
    const code = officeCode(e);
    // A sheet or table of the guess is gone (ItemNotFound): learn the structure again.
    if (guessed && !(code && NOT_GUESS_CODES.has(code))) throw new StructureChanged();
    throw e;
  }
  const order = sheets.items.map((s) => s.name);
  const visible = sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
  const tableNames = allTables.items.map((t) => t.name);
  if (
    !same(order, known.order) ||
    !same(visible, known.visible) ||
    !same(tableNames, known.tables) ||
    active.name !== known.active
  ) {
    // The batch loaded what `learn` would (the sheet names and visibility, the table names, the criteria
    // sheet: loads[0] is always it, whatever its name), and the used range and validated areas of each
    // sheet it read: the next try guesses from those.
    const seen = loads.map((l, i) => {
      const rect = l.blank.isNullObject ? null : parseAddress(l.used.address);
      const areas = l.validations.isNullObject ? null : l.validations.address;
      return { name: i === 0 ? active.name : l.name, cells: rect ? cellsOf(rect) : 0, areas };
    });
    throw new StructureChanged({
      order,
      visible,
      tables: tableNames,
      active: active.name,
      cells: new Map(seen.map((l) => [l.name, l.cells])),
      validations: new Map(seen.map((l) => [l.name, l.areas])),
      ruleCounts: new Map([[active.name, conditional.items.length]]),
    });
  }

  // Follow-ups: the rules of validated areas the guess did not know, and the bands of large sheets.
  const usedRects = new Map<string, Rect | null>();
  let rulesQueued = false;
  for (const load of loads) {
    const rect = load.blank.isNullObject ? null : parseAddress(load.used.address);
    usedRects.set(load.name, rect);
    if (rect && cellsOf(rect) > MAX_READ_CELLS) throw new AddinError("too-large", { limit: MAX_READ_CELLS });
    const areas = load.validations.isNullObject ? null : load.validations.address;
    if (load.guessedValidations === undefined || areasKey(areas) !== areasKey(load.guessedValidations)) {
      load.rules = queueRules(load.sheet, areas);
      rulesQueued ||= load.rules.length > 0;
    }
  }
  // Rules whose ranges the guess did not cover (added since by hand, or no count known): their ranges in the
  // follow-up, only when one of them is the add-in's (its undo and its "clear" need them).
  const rangesOf = new Map(ruleRanges.map((r) => [r.cf.id, r.areas]));
  const unplaced = conditional.items.filter((cf) => !rangesOf.has(cf.id) && cf.type === "Custom");
  if (unplaced.some((cf) => !cf.customOrNullObject.isNullObject && isAddinRule(cf.customOrNullObject.rule)))
    for (const cf of unplaced) {
      const areas = cf.getRanges();
      areas.load("address");
      rangesOf.set(cf.id, areas);
      rulesQueued = true;
    }
  const bandGrids = new Map<string, Grids>();
  for (const load of loads) {
    const rect = usedRects.get(load.name);
    if (!rect || load.grid) continue;
    const rowsPerBand = Math.max(1, Math.floor(bandCells / Math.max(1, rect.cols)));
    const parts: Grids[] = [];
    for (let top = rect.top; top < rect.top + rect.rows; top += rowsPerBand) {
      const rows = Math.min(rowsPerBand, rect.top + rect.rows - top);
      const band = loadGrid(
        load.sheet.getRange(rectAddress({ top, left: rect.left, rows, cols: rect.cols })),
      );
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one response per band, by cell count
      await context.sync();
      rulesQueued = false;
      parts.push(gridsOfLoad(band));
    }
    bandGrids.set(load.name, concatGrids(parts));
  }
  if (rulesQueued) await context.sync();

  const tablesBySheet = new Map<string, TableInfo[]>();
  for (const { table, range } of tableLoads) {
    const rect = parseAddress(range.address);
    if (!rect) continue;
    const info: TableInfo = {
      name: table.name,
      rect,
      showHeaders: table.showHeaders,
      showTotals: table.showTotals,
    };
    if (table.style) info.style = table.style;
    const where = sheetOfAddress(range.address);
    tablesBySheet.set(where, [...(tablesBySheet.get(where) ?? []), info]);
  }
  const snapshotOf = (load: SheetLoad): SheetSnapshot => {
    const tables = tablesBySheet.get(load.name) ?? [];
    const validations: ListValidation[] = [];
    for (const v of load.rules) {
      const list = listOf(v.validation.rule);
      if (list) validations.push({ rect: v.rect, list });
    }
    const rect = usedRects.get(load.name);
    let snap: SheetSnapshot;
    if (rect) {
      // Font names only when some cell has one (as the core's model gives them back).
      const { fontNames, ...grids } = bandGrids.get(load.name) ?? gridsOfLoad(load.grid!);
      snap = {
        name: load.name,
        top: rect.top,
        left: rect.left,
        ...grids,
        ...(fontNames.some((row) => row.some((f) => f !== null)) ? { fontNames } : {}),
        tables,
        validations,
        columnWidths: columnWidths(load.columns.value),
      };
    } else snap = { name: load.name, top: 0, left: 0, values: [], tables, validations };
    const hidden = hiddenColumns([...load.hiddenProbe.value, ...(rect ? load.columns.value : [])]);
    if (hidden.length) snap.hiddenColumns = hidden;
    if (load.protection.protected) snap.protected = true;
    const frozen = frozenOf(load.frozen);
    if (frozen.rows || frozen.cols) snap.frozen = frozen;
    const charts = load.charts ? chartsOf(load.charts, load.hiddenProbe.value) : [];
    if (charts.length) snap.charts = charts;
    return snap;
  };

  const [main, ...others] = loads;
  const activeSnapshot = snapshotOf(main);
  if (selection && shown.name === known.active) {
    const sel = parseAddress(selection.address);
    if (sel) activeSnapshot.selection = sel;
  }
  const rules = customRules(conditional, new Map([...rangesOf].map(([id, areas]) => [id, areas.address])));
  if (rules.length) activeSnapshot.conditionalFormats = rules;
  const snapshot: WorkbookSnapshot = {
    active: activeSnapshot,
    sheetNames: order,
    names: names.items.map((n) => ({ name: n.name, ref: n.formula, hidden: !n.visible })),
  };
  const probes: Record<string, SheetSnapshot> = {};
  for (const { name, used } of probeLoads) {
    const rect = used.isNullObject ? null : parseAddress(used.address);
    const values = rect ? used.values.map((row) => row.map((v) => (v === "" ? null : (v as CellValue)))) : [];
    probes[name] =
      rect && values.some((row) => row.some((v) => v !== null))
        ? { name, top: rect.top, left: rect.left, values }
        : { name, top: 0, left: 0, values: [] };
  }
  if (probeLoads.length) snapshot.probes = probes;
  if (others.length) {
    snapshot.others = {};
    for (const o of others) snapshot.others[o.name] = snapshotOf(o);
  }
  memory.last = {
    ...known,
    tableSheets: new Map(tableLoads.map(({ table, range }) => [table.name, sheetOfAddress(range.address)])),
    cells: new Map(loads.map((l) => [l.name, usedRects.get(l.name) ? cellsOf(usedRects.get(l.name)!) : 0])),
    validations: new Map(
      loads.map((l) => [l.name, l.validations.isNullObject ? null : l.validations.address]),
    ),
    ruleCounts: new Map([...(known.ruleCounts ?? []), [known.active, conditional.items.length]]),
  };
  return snapshot;
}
/** Frozen rows and columns from the frozen panes' range ("A1:XFD3": three rows; "A1:B1048576": two columns). */
function frozenOf(range: Excel.Range): { rows: number; cols: number } {
  if (range.isNullObject) return { rows: 0, cols: 0 };
  const r = parseAddress(range.address);
  if (!r) return { rows: 0, cols: 0 };
  return { rows: r.rows >= 1048576 ? 0 : r.top + r.rows, cols: r.cols >= 16384 ? 0 : r.left + r.cols };
}
