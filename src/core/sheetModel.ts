/**
 * One sheet of the in-memory workbook (core/model.ts): its cells by row and column, tables, validations,
 * widths and the extras (modelExtras.ts), built from and copied out to a sheet snapshot. Pure.
 */
import type {
  CellInput,
  CellStyle,
  Op,
  CellValue,
  ChartInfo,
  ConditionalRule,
  ListValidation,
  PageSetup,
  Rect,
  SheetSnapshot,
  TableInfo,
} from "./types";
import { shiftRect } from "./address";
import { shiftExtrasColumns } from "./modelExtras";
import { formulaTextAt, type RowFormula } from "./rowFormula";

export interface Cell {
  value: CellValue;
  formula: string | null;
  /**
   * The row formula `formula` was written from, while `formula` is its text on the cell's row: the model
   * evaluates the object (compiled once for every cell sharing it) instead of reading the text. Every cell
   * is made with this slot (undefined: none): setting a property a cell was made without gives it another
   * hidden class, and the model's loops over cells of mixed classes ran twice as slow.
   */
  template?: RowFormula;
  fill: string | null;
  bold: boolean;
  fontColor: string | null;
  wrap: boolean;
  numberFormat: string | null;
  horizontalAlignment?: CellStyle["horizontalAlignment"];
  /** The font's name when the host read one (or a change set set one); null: the default. */
  fontName?: string | null;
}

/** The cell where there is none (never changed: writes make a cell of their own, newCell). */
export const EMPTY: Cell = newCell();

/**
 * A new cell, empty, with every slot a cell can have (one hidden class for every cell the model makes: the
 * model's loops over cells of mixed classes ran twice as slow).
 */
export function newCell(): Cell {
  return {
    value: null,
    formula: null,
    template: undefined,
    fill: null,
    bold: false,
    fontColor: null,
    wrap: false,
    numberFormat: null,
    horizontalAlignment: undefined,
    fontName: undefined,
  };
}

/** The ops that write cells in place (contents or formats), which a sheet may hold back until read. */
export type CellOp = Extract<Op, { op: "setCells" | "setStyle" }>;

/** Columns below this are kept in RowCells' array; beyond it (a rare far cell), in a map beside it. */
const NEAR_COLUMNS = 256;

/**
 * One row's cells by column, with the part of Map's interface the model uses (get, set, delete, size,
 * forEach). A sparse array, not a Map: a 10,000-row table is some 20,000 rows of cells across the sheet
 * and its plan sheet, built for every command — a Map's hash table per row was ~550 bytes where the array is
 * ~110, and most of that data lives until the command ends (copied by every young-generation collection
 * before it is promoted: issue 14's time target). forEach visits the cells by ascending column.
 */
export class RowCells {
  private readonly near: (Cell | undefined)[] = [];
  /** Cells at columns ≥ NEAR_COLUMNS (rarely any). */
  private far: Map<number, Cell> | null = null;
  size = 0;

  get(col: number): Cell | undefined {
    return col < NEAR_COLUMNS ? this.near[col] : this.far?.get(col);
  }

  set(col: number, cell: Cell): this {
    if (col < NEAR_COLUMNS) {
      const near = this.near;
      // Grown one slot at a time up to `col`, so the array stays packed (no dictionary mode).
      while (near.length < col) near.push(undefined);
      if (near[col] === undefined) this.size++;
      near[col] = cell;
    } else {
      this.far ??= new Map();
      if (!this.far.has(col)) this.size++;
      this.far.set(col, cell);
    }
    return this;
  }

  delete(col: number): boolean {
    if (col < NEAR_COLUMNS) {
      if (this.near[col] === undefined) return false;
      this.near[col] = undefined;
    } else if (!this.far?.delete(col)) return false;
    this.size--;
    return true;
  }

  /**
   * Moves the cells at columns ≥ `at` by `count` (negative: those in [at, at - count) go), in place: one
   * splice of the array when every cell stays near (insertColumns shifts every row of a sheet).
   */
  shift(at: number, count: number): void {
    const near = this.near;
    if (this.far === null && near.length + Math.max(count, 0) <= NEAR_COLUMNS) {
      if (near.length <= at) return;
      if (count > 0) near.splice(at, 0, ...new Array<undefined>(count).fill(undefined));
      else {
        const end = Math.min(near.length, at - count);
        for (let c = at; c < end; c++) if (near[c] !== undefined) this.size--;
        near.splice(at, -count);
      }
      return;
    }
    const cells: Cell[] = [];
    const cols: number[] = [];
    this.forEach((cell, c) => {
      cells.push(cell);
      cols.push(c);
    });
    near.length = 0;
    this.far = null;
    this.size = 0;
    for (let i = 0; i < cells.length; i++) {
      const c = cols[i];
      if (c < at) this.set(c, cells[i]);
      else if (count >= 0 || c >= at - count) this.set(c + count, cells[i]);
    }
  }

  /** The column of the first cell (-1: none). */
  firstColumn(): number {
    const near = this.near;
    for (let c = 0; c < near.length; c++) if (near[c] !== undefined) return c;
    let min = -1;
    if (this.far) for (const c of this.far.keys()) if (min < 0 || c < min) min = c;
    return min;
  }

  /** The column of the last cell (-1: none). */
  lastColumn(): number {
    let max = -1;
    if (this.far) for (const c of this.far.keys()) if (c > max) max = c;
    if (max >= 0) return max;
    const near = this.near;
    for (let c = near.length - 1; c >= 0; c--) if (near[c] !== undefined) return c;
    return -1;
  }

  /** Each cell with its column, by ascending column; replacing a visited cell with set is allowed. */
  forEach(fn: (cell: Cell, col: number) => void): void {
    const near = this.near;
    for (let c = 0; c < near.length; c++) {
      const cell = near[c];
      if (cell !== undefined) fn(cell, c);
    }
    if (this.far && this.far.size > 0)
      for (const c of [...this.far.keys()].sort((a, b) => a - b)) {
        const cell = this.far.get(c);
        if (cell !== undefined) fn(cell, c);
      }
  }
}

export class SheetModel {
  private readonly cellRows = new Map<number, RowCells>();
  /**
   * Cell writes not yet made, in order (see `defer`): made before anything reads or moves the cells — every
   * read goes through `rows`.
   */
  private pending: CellOp[] = [];

  /** row → its cells by column (the writes held back are made first). */
  get rows(): Map<number, RowCells> {
    if (this.pending.length !== 0) this.flush();
    return this.cellRows;
  }
  tables: TableInfo[] = [];
  validations: ListValidation[] = [];
  widths: Record<number, number> = {};
  /** Hidden sheet columns. */
  hidden = new Set<number>();
  /** Floating charts as the host read them (moved only by moveChart). */
  charts: ChartInfo[] = [];
  /** The sheet is protected (as the host read it): prepare refuses to write to it. */
  protected = false;
  conditionalFormats: ConditionalRule[] = [];
  frozen = { rows: 0, cols: 0 };
  pageSetup: PageSetup = {};

  constructor(public name: string) {}

  static fromSnapshot(s: SheetSnapshot): SheetModel {
    const m = new SheetModel(s.name);
    // Index loops, and no cell object for an empty cell (most of a sheet's grid): the model of a 10,000-row
    // table is built once per command (issue 14's time target).
    const values = s.values;
    for (let r = 0; r < values.length; r++) {
      const row = values[r];
      const formulas = s.formulas?.[r];
      const fills = s.fills?.[r];
      const bold = s.bold?.[r];
      const fontColors = s.fontColors?.[r];
      const wrap = s.wrap?.[r];
      const numberFormats = s.numberFormats?.[r];
      const fontNames = s.fontNames?.[r];
      for (let c = 0; c < row.length; c++) {
        const value = row[c] ?? null;
        const formula = formulas?.[c] ?? null;
        const fill = fills?.[c] ?? null;
        const b = bold?.[c] ?? false;
        const fontColor = fontColors?.[c] ?? null;
        const w = wrap?.[c] ?? false;
        const numberFormat = numberFormats?.[c] ?? null;
        const font = fontNames?.[c];
        if (
          (value === null || value === "") &&
          !formula &&
          !fill &&
          !b &&
          !fontColor &&
          !w &&
          !numberFormat &&
          !font
        )
          continue;
        const cell: Cell = {
          value,
          formula,
          template: undefined,
          fill,
          bold: b,
          fontColor,
          wrap: w,
          numberFormat,
          horizontalAlignment: undefined,
          fontName: font ? font : undefined,
        };
        m.set(s.top + r, s.left + c, cell);
      }
    }
    m.tables = (s.tables ?? []).map((t) => ({ ...t, rect: { ...t.rect } }));
    m.validations = (s.validations ?? []).map((v) => ({ rect: { ...v.rect }, list: [...v.list] }));
    m.widths = { ...(s.columnWidths ?? {}) };
    m.hidden = new Set(s.hiddenColumns ?? []);
    m.charts = (s.charts ?? []).map((c) => ({ ...c, ...(c.cells ? { cells: { ...c.cells } } : {}) }));
    m.protected = s.protected === true;
    m.conditionalFormats = (s.conditionalFormats ?? []).map((r) => ({
      ...r,
      ranges: r.ranges.map((x) => ({ ...x })),
    }));
    m.frozen = { ...(s.frozen ?? { rows: 0, cols: 0 }) };
    return m;
  }

  /**
   * A cell's value: what the last write held back there says when it writes a constant (no cell made: the
   * CLI's writer reads the plan sheet's values this way), else the cell's.
   */
  valueAt(row: number, col: number): CellValue {
    const pending = this.pending;
    for (let i = pending.length - 1; i >= 0; i--) {
      const op = pending[i];
      if (op.op !== "setCells") continue;
      const r = row - op.top;
      if (r < 0 || r >= op.cells.length) continue;
      const line = op.cells[r];
      const c = col - op.left;
      if (c < 0 || c >= line.length) continue;
      const v = line[c];
      if (v === null) continue;
      if (v.kind === "number" || v.kind === "bool") return v.value;
      if (v.kind === "blank") return null;
      if (v.kind === "text" && v.text !== "") return v.text;
      break; // a formula, or "" (kept only in a cell with a format): the cell says
    }
    return this.get(row, col).value;
  }

  get(row: number, col: number): Cell {
    return this.rows.get(row)?.get(col) ?? EMPTY;
  }

  set(row: number, col: number, cell: Cell): void {
    let r = this.rows.get(row);
    if (isEmpty(cell)) {
      r?.delete(col);
      if (r && r.size === 0) this.rows.delete(row);
      return;
    }
    if (!r) this.rows.set(row, (r = new RowCells()));
    r.set(col, cell);
  }

  /**
   * Holds back a cell write until the cells are next read (`rows`, `get`, a snapshot, a shift): a change set
   * whose cells nothing reads afterwards (apply-all's plan sheet, in a caller that needs no inverse nor
   * state after) costs no cell objects. The op is kept as it is: ops are not changed once planned.
   */
  defer(op: CellOp): void {
    this.pending.push(op);
  }

  /** Makes the writes held back, in order. */
  private flush(): void {
    const ops = this.pending;
    this.pending = [];
    for (const op of ops) {
      if (op.op === "setCells") this.writeCells(op);
      else this.writeStyle(op);
    }
  }

  /** A setCells op's writes (the cells' formats stay). */
  writeCells(op: Extract<Op, { op: "setCells" }>): void {
    const rows = this.rows;
    // Index loops and one row lookup per row: a 10,000-row plan sheet is some 140,000 cells (issue 14).
    const cells = op.cells;
    for (let r = 0; r < cells.length; r++) {
      const line = cells[r];
      const row = op.top + r;
      let cols = rows.get(row);
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (v === null) continue;
        const col = op.left + c;
        const prev = cols?.get(col);
        const next = prev ?? newCell();
        next.formula = null;
        if (next.template !== undefined) next.template = undefined;
        if (v.kind === "text") next.value = v.text;
        else if (v.kind === "number" || v.kind === "bool") next.value = v.value;
        else if (v.kind === "blank") next.value = null;
        else {
          next.formula = formulaTextAt(v, row);
          if (v.kind === "rowFormula") next.template = v;
          next.value = null;
        }
        cols = this.keep(row, cols, col, prev, next);
      }
      if (cols && cols.size === 0) rows.delete(row);
    }
  }

  /**
   * A written cell kept where it is: `next` is `prev` changed, or a new cell; an empty one goes, a new one is
   * put in the row's cells (`cols`, made when the row has none). Returns the row's cells.
   */
  private keep(
    row: number,
    cols: RowCells | undefined,
    col: number,
    prev: Cell | undefined,
    next: Cell,
  ): RowCells | undefined {
    if (isEmpty(next)) {
      if (prev) cols!.delete(col);
    } else if (!prev) {
      if (!cols) this.cellRows.set(row, (cols = new RowCells()));
      cols.set(col, next);
    }
    return cols;
  }

  /** A setStyle op's writes. */
  writeStyle(op: Extract<Op, { op: "setStyle" }>): void {
    const rows = this.rows;
    const st = op.style;
    const fill = "fill" in st;
    const bold = "bold" in st;
    const fontColor = "fontColor" in st;
    const wrap = "wrap" in st;
    const numberFormat = "numberFormat" in st;
    const align = "horizontalAlignment" in st;
    const font = "fontName" in st;
    for (const rect of op.ranges)
      for (let r = rect.top; r < rect.top + rect.rows; r++) {
        let cols = rows.get(r);
        for (let c = rect.left; c < rect.left + rect.cols; c++) {
          const prev = cols?.get(c);
          const next = prev ?? newCell();
          if (fill) next.fill = st.fill ?? null;
          if (bold) next.bold = !!st.bold;
          if (fontColor) next.fontColor = st.fontColor ?? null;
          if (wrap) next.wrap = !!st.wrap;
          if (numberFormat)
            next.numberFormat = !st.numberFormat || st.numberFormat === "General" ? null : st.numberFormat;
          if (align)
            next.horizontalAlignment =
              st.horizontalAlignment === "General" ? undefined : st.horizontalAlignment;
          if (font) next.fontName = st.fontName || undefined;
          cols = this.keep(r, cols, c, prev, next);
        }
        if (cols && cols.size === 0) rows.delete(r);
      }
  }

  /** Bounding box of every cell with content or format, or null for an empty sheet. */
  usedRect(): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    // forEach, not for-of over entries: no [key, value] array per row and cell (the model is read whole
    // after every step of apply-all; issue 14's time target).
    this.rows.forEach((cols, r) => {
      if (cols.size === 0) return;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      const first = cols.firstColumn();
      const last = cols.lastColumn();
      if (first < left) left = first;
      if (last > right) right = last;
    });
    if (bottom < 0) return null;
    return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  toSnapshot(area?: Rect): SheetSnapshot {
    const u = area ?? this.usedRect() ?? { top: 0, left: 0, rows: 0, cols: 0 };
    // Every grid starts as the empty cell's, then the cells there are (in the area) fill them in.
    const grid = <T>(v: T): T[][] => {
      const g = new Array<T[]>(u.rows);
      for (let r = 0; r < u.rows; r++) g[r] = new Array<T>(u.cols).fill(v);
      return g;
    };
    const values = grid(EMPTY.value);
    const formulas = grid(EMPTY.formula);
    const numberFormats = grid(EMPTY.numberFormat);
    const fills = grid(EMPTY.fill);
    const bold = grid(EMPTY.bold);
    const fontColors = grid(EMPTY.fontColor);
    const wrap = grid(EMPTY.wrap);
    // Made when a cell in the area has a font name, or (an area given) when a cell outside it has one.
    let fontNames = area && this.hasFontNames() ? grid<string | null>(null) : null;
    this.rows.forEach((cols, row) => {
      const r = row - u.top;
      if (r < 0 || r >= u.rows) return;
      const vr = values[r];
      const fr = formulas[r];
      const nr = numberFormats[r];
      const fl = fills[r];
      const br = bold[r];
      const cr = fontColors[r];
      const wr = wrap[r];
      let fn = fontNames ? fontNames[r] : null;
      cols.forEach((cell, col) => {
        const c = col - u.left;
        if (c < 0 || c >= u.cols) return;
        vr[c] = cell.value;
        fr[c] = cell.formula;
        nr[c] = cell.numberFormat;
        fl[c] = cell.fill;
        br[c] = cell.bold;
        cr[c] = cell.fontColor;
        wr[c] = cell.wrap;
        if (fn) fn[c] = cell.fontName ?? null;
        else if (cell.fontName) {
          fontNames = grid<string | null>(null);
          fn = fontNames[r];
          fn[c] = cell.fontName;
        }
      });
    });
    return {
      name: this.name,
      top: u.top,
      left: u.left,
      values,
      formulas,
      numberFormats,
      fills,
      bold,
      fontColors,
      wrap,
      ...(fontNames ? { fontNames } : {}),
      tables: this.tables.map((t) => ({ ...t, rect: { ...t.rect } })),
      validations: this.validations.map((v) => ({ rect: { ...v.rect }, list: [...v.list] })),
      columnWidths: { ...this.widths },
      ...(this.charts.length ? { charts: this.charts.map((c) => ({ ...c })) } : {}),
      ...(this.hidden.size ? { hiddenColumns: [...this.hidden].sort((a, b) => a - b) } : {}),
      ...(this.protected ? { protected: true } : {}),
      // Only when there are any (as hosts read them: nothing means none).
      ...(this.conditionalFormats.length
        ? {
            conditionalFormats: this.conditionalFormats.map((r) => ({
              ...r,
              ranges: r.ranges.map((x) => ({ ...x })),
            })),
          }
        : {}),
      ...(this.frozen.rows || this.frozen.cols ? { frozen: { ...this.frozen } } : {}),
    };
  }

  /** Some cell has a font name (snapshots carry `fontNames` only then). */
  hasFontNames(): boolean {
    let found = false;
    this.rows.forEach((cols) => {
      if (!found) cols.forEach((c) => void (found ||= !!c.fontName));
    });
    return found;
  }

  /** Shifts cells right of `at` by `count` (negative: removes columns), in `rows` only when given. */
  shiftColumns(at: number, count: number, rows?: { top: number; bottom: number }): void {
    const emptied: number[] = [];
    this.rows.forEach((cols, r) => {
      if (rows && (r < rows.top || r > rows.bottom)) return;
      cols.shift(at, count);
      // Deleting a key being visited waits.
      if (cols.size === 0) emptied.push(r);
    });
    for (const r of emptied) this.rows.delete(r);
    shiftExtrasColumns(this, at, count, rows);
    const move = (rect: Rect) => shiftRect(rect, at, count, rows);
    this.tables = this.tables.flatMap((t) => {
      const rect = move(t.rect);
      return rect ? [{ ...t, rect }] : [];
    });
    this.validations = this.validations.flatMap((v) => {
      const rect = move(v.rect);
      return rect ? [{ ...v, rect }] : [];
    });
    // Excel moves a chart with the columns under it; its points are the host's (the next read has them).
    if (!rows)
      this.charts = this.charts.map((c) => {
        if (!c.cells) return c;
        const cells = move(c.cells);
        const { cells: _, ...rest } = c;
        return cells ? { ...rest, cells } : rest;
      });
    if (!rows) {
      const widths: Record<number, number> = {};
      for (const [k, w] of Object.entries(this.widths)) {
        const c = Number(k);
        if (c < at) widths[c] = w;
        else if (count < 0 && c < at - count) continue;
        else widths[c + count] = w;
      }
      this.widths = widths;
      // Hidden columns move with their columns; new ones are shown (the hosts show what the add-in inserts).
      const hidden = new Set<number>();
      for (const c of this.hidden)
        if (c < at) hidden.add(c);
        else if (count >= 0 || c >= at - count) hidden.add(c + count);
      this.hidden = hidden;
    } else if (count > 0) {
      // A table's new columns land in whatever sheet columns are there: the hosts show those.
      for (let c = at; c < at + count; c++) this.hidden.delete(c);
    }
  }
}

export function isEmpty(c: Cell): boolean {
  return (
    (c.value === null || c.value === "") &&
    !c.formula &&
    !c.fill &&
    !c.bold &&
    !c.fontColor &&
    !c.wrap &&
    !c.numberFormat &&
    !c.horizontalAlignment &&
    !c.fontName
  );
}

/** What a cell holds, as a change set would write it. */
export function inputOf(c: Cell): CellInput {
  if (c.formula) return { kind: "formula", formula: c.formula };
  if (c.value === null || c.value === "") return { kind: "blank" };
  if (typeof c.value === "number") return { kind: "number", value: c.value };
  if (typeof c.value === "boolean") return { kind: "bool", value: c.value };
  return { kind: "text", text: c.value };
}
