/**
 * Formula results in the workbook model (core/model.ts): the recalculation, which records the cells the
 * formulas read, and what that record says of an op — whether it may change any result, so that a
 * simulation recalculates between change sets only when a later one could see a difference. Pure.
 */
import type { CellValue, Op } from "./types";
import { evaluateFormula, UnsupportedFormula } from "./formula";
import type { Cell, RowCells, SheetModel } from "./sheetModel";
import { readRowFormula } from "./rowFormulaRead";
import type { Compiled } from "./formulaCompile";
import type { RowFormula } from "./rowFormula";

/**
 * Ops whose effect on the workbook is formats, selection or layout only: no cell value, formula or reference
 * changes, so formula results stay what they were.
 */
export const KEEPS_VALUES: ReadonlySet<Op["op"]> = new Set<Op["op"]>([
  "setStyle",
  "select",
  "setColumnWidth",
  "setValidation",
  "addConditionalFormats",
  "removeConditionalFormats",
  "freezePanes",
  "setPageSetup",
]);

/**
 * Ops that change no formula's result in the model nor what its references point at: a new sheet is empty
 * (its cells read as a missing sheet's do, null), tables and defined names are not evaluated (a formula with
 * a structured reference or a name is beyond core's evaluator and keeps its cached result).
 */
const NO_RESULT_CHANGE: ReadonlySet<Op["op"]> = new Set<Op["op"]>(["addSheet", "addTable", "setName"]);

/** A cell's key in a sheet's set of cells read (columns stop at XFD, 16,384). */
const cellKey = (row: number, col: number) => row * 16384 + col;

/** Columns below this are marked in a row's bits; beyond it (rare), in a set of cell keys. */
const BIT_COLUMNS = 30;

/**
 * Cells read on one sheet: a row's first 30 columns as the bits of one small integer (a 10,000-row table's
 * formulas read some 120,000 cells per recalculation: no hashing), the others as cell keys.
 */
export class ReadCells {
  private readonly bits: number[] = [];
  private far: Set<number> | null = null;

  add(row: number, col: number): void {
    if (col < BIT_COLUMNS) {
      const bits = this.bits;
      // Grown a slot at a time while rows come near the end, so the list stays packed.
      while (bits.length < row && row - bits.length < 1024) bits.push(0);
      bits[row] = (bits[row] ?? 0) | (1 << col);
    } else (this.far ??= new Set()).add(cellKey(row, col));
  }

  has(row: number, col: number): boolean {
    if (col < BIT_COLUMNS) return ((this.bits[row] ?? 0) & (1 << col)) !== 0;
    return this.far !== null && this.far.has(cellKey(row, col));
  }
}

/** The cells the formulas read in a recalculation, by the sheet name they give. */
export type Reads = Map<string, ReadCells>;

/**
 * Whether `op` may change some formula's result: false when it keeps values (KEEPS_VALUES,
 * NO_RESULT_CHANGE), or when `reads` (null: unknown) is what the formulas read and `op` writes constants
 * into cells none of them reads (a formula that reads a cell reads it whatever branch it takes: IF
 * evaluates both).
 */
export function mayChangeResults(reads: Reads | null, op: Op): boolean {
  if (KEEPS_VALUES.has(op.op) || NO_RESULT_CHANGE.has(op.op)) return false;
  if (op.op !== "setCells" || !reads) return true;
  const read = reads.get(op.sheet);
  // No formula read this sheet: only a formula written may change a result.
  if (!read) return writesFormula(op);
  for (let r = 0; r < op.cells.length; r++) {
    const row = op.cells[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null) continue;
      if (v.kind === "formula" || v.kind === "rowFormula") return true;
      if (read.has(op.top + r, op.left + c)) return true;
    }
  }
  return false;
}

/** After `op`, the formulas may read other cells (they or their references changed): the record is stale. */
export function movesReads(op: Op): boolean {
  if (KEEPS_VALUES.has(op.op) || NO_RESULT_CHANGE.has(op.op)) return false;
  return op.op !== "setCells" || writesFormula(op);
}

/** Whether a setCells op writes some formula (index loops: a plan sheet's op is some 140,000 cells). */
function writesFormula(op: Extract<Op, { op: "setCells" }>): boolean {
  const cells = op.cells;
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== null && v !== undefined && (v.kind === "formula" || v.kind === "rowFormula")) return true;
    }
  }
  return false;
}

/**
 * Recomputes the formula cells core's evaluator can evaluate (others keep their cached value), in place;
 * the cells the formulas read, whichever pass read them (a formula evaluated only in an early pass reads
 * the same cells in a later one).
 */
export function recalculateSheets(models: ReadonlyMap<string, SheetModel>): Reads {
  // Cells are evaluated sheet by sheet, row by row. Another pass is needed only when a formula read a
  // formula cell that comes later in that order (or changed after it was read): most sheets need one.
  // A pass after the first evaluates only the formulas that read some formula cell: a formula that read
  // constants alone gets the same result again.
  const sheets = [...models.values()];
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  // Where the formula being evaluated is, in evaluation order: sheet index, row, column.
  let curSheet = 0;
  let curRow = 0;
  let curCol = 0;
  let forward = false;
  let readFormula = false;
  const reads: Reads = new Map();
  // The sheet last read by name: its record of cells read, its model and its place in the order.
  let lastSheet: string | null = null;
  let lastReads = new ReadCells();
  let lastModel: SheetModel | undefined;
  let lastOrder = 0;
  const get = (sheet: string | null, row: number, col: number): CellValue => {
    if (sheet === null) return null;
    // Recorded by the name read, whether that sheet exists or not (addSheet may make it).
    if (sheet !== lastSheet) {
      lastSheet = sheet;
      let set = reads.get(sheet);
      if (!set) reads.set(sheet, (set = new ReadCells()));
      lastReads = set;
      lastModel = models.get(sheet);
      if (lastModel) lastOrder = order.get(lastModel.name)!;
    }
    lastReads.add(row, col);
    const s = lastModel;
    if (!s) return null;
    const cell = s.get(row, col);
    if (cell.formula) {
      readFormula = true;
      const k = lastOrder;
      if (k > curSheet || (k === curSheet && (row > curRow || (row === curRow && col > curCol))))
        forward = true;
    }
    return cell.value;
  };
  // The formula cells in evaluation order, as parallel lists (the cells themselves: recalculation changes
  // their values only). Rows and columns are usually in order already: sorted only when they are not.
  const places: { sheet: number[]; row: number[]; col: number[]; cell: Cell[] } = {
    sheet: [],
    row: [],
    col: [],
    cell: [],
  };
  sheets.forEach((s, k) => {
    // A row's formula cells as its map gives them (forEach: no iterator per row), put in column order when
    // they are not.
    const visit = (cols: RowCells, r: number) => {
      const start = places.cell.length;
      let inOrder = true;
      let prev = -1;
      cols.forEach((cell, c) => {
        if (!cell.formula) return;
        if (c < prev) inOrder = false;
        prev = c;
        places.sheet.push(k);
        places.row.push(r);
        places.col.push(c);
        places.cell.push(cell);
      });
      if (!inOrder) sortRow(places, start);
    };
    if (isAscending(s.rows)) s.rows.forEach(visit);
    else for (const r of [...s.rows.keys()].sort((a, b) => a - b)) visit(s.rows.get(r)!, r);
  });
  let t1: RowFormula | undefined;
  let run1: Compiled | null = null;
  let t2: RowFormula | undefined;
  let run2: Compiled | null = null;
  let todo: number[] | null = null; // null: every place
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    forward = false;
    const again: number[] = [];
    const n = todo ? todo.length : places.cell.length;
    for (let i = 0; i < n; i++) {
      const at = todo ? todo[i] : i;
      const cell = places.cell[at];
      curSheet = places.sheet[at];
      curRow = places.row[at];
      curCol = places.col[at];
      readFormula = false;
      let v: CellValue;
      try {
        // A cell written from a row formula: its closure, compiled once for the object (its text on this
        // row is the same formula; one that breaks the row formula's contract is read as text).
        const t = cell.template;
        let run: Compiled | null = null;
        if (t !== undefined) {
          // The last two row formulas' closures at hand: a table's columns alternate between a few.
          if (t === t1) run = run1;
          else if (t === t2) run = run2;
          else {
            run = readRowFormula(t).run;
            t2 = t1;
            run2 = run1;
            t1 = t;
            run1 = run;
          }
        }
        v = run
          ? run(get, sheets[curSheet].name, curRow)
          : evaluateFormula(cell.formula!, get, sheets[curSheet].name, curRow);
      } catch (e) {
        if (!(e instanceof UnsupportedFormula)) throw e;
        if (readFormula) again.push(at);
        continue;
      }
      if (readFormula) again.push(at);
      if (v === "") v = null;
      if (v !== cell.value) {
        cell.value = v;
        changed = true;
      }
    }
    if (!changed || !forward) break;
    todo = again;
  }
  return reads;
}

/** Whether a map's numeric keys come in ascending order. */
function isAscending(m: ReadonlyMap<number, unknown>): boolean {
  let prev = -Infinity;
  for (const k of m.keys()) {
    if (k < prev) return false;
    prev = k;
  }
  return true;
}

/** The places from `start` on (one row's) in column order. */
function sortRow(places: { col: number[]; cell: Cell[] }, start: number): void {
  const idx = places.col.slice(start).map((_, i) => start + i);
  idx.sort((a, b) => places.col[a] - places.col[b]);
  const cols = idx.map((i) => places.col[i]);
  const cells = idx.map((i) => places.cell[i]);
  for (let i = 0; i < idx.length; i++) {
    places.col[start + i] = cols[i];
    places.cell[start + i] = cells[i];
  }
}
