/**
 * One sheet of the in-memory workbook (core/model.ts): its cells by row and column, tables, validations,
 * widths and the extras (modelExtras.ts), built from and copied out to a sheet snapshot. Pure.
 */
import type {
  CellInput,
  CellStyle,
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

export interface Cell {
  value: CellValue;
  formula: string | null;
  fill: string | null;
  bold: boolean;
  fontColor: string | null;
  wrap: boolean;
  numberFormat: string | null;
  horizontalAlignment?: CellStyle["horizontalAlignment"];
  /** The font's name when the host read one (or a change set set one); null: the default. */
  fontName?: string | null;
}

export const EMPTY: Cell = {
  value: null,
  formula: null,
  fill: null,
  bold: false,
  fontColor: null,
  wrap: false,
  numberFormat: null,
};
/** Excel's default column width: a column at it has no width of its own. */

export class SheetModel {
  /** row → col → cell */
  readonly rows = new Map<number, Map<number, Cell>>();
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
    s.values.forEach((row, r) => {
      const formulas = s.formulas?.[r];
      const fills = s.fills?.[r];
      const bold = s.bold?.[r];
      const fontColors = s.fontColors?.[r];
      const wrap = s.wrap?.[r];
      const numberFormats = s.numberFormats?.[r];
      const fontNames = s.fontNames?.[r];
      row.forEach((value, c) => {
        const cell: Cell = {
          value: value ?? null,
          formula: formulas?.[c] ?? null,
          fill: fills?.[c] ?? null,
          bold: bold?.[c] ?? false,
          fontColor: fontColors?.[c] ?? null,
          wrap: wrap?.[c] ?? false,
          numberFormat: numberFormats?.[c] ?? null,
        };
        const font = fontNames?.[c];
        if (font) cell.fontName = font;
        if (!isEmpty(cell)) m.set(s.top + r, s.left + c, cell);
      });
    });
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
    if (!r) this.rows.set(row, (r = new Map()));
    r.set(col, cell);
  }

  /** Bounding box of every cell with content or format, or null for an empty sheet. */
  usedRect(): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, cols] of this.rows) {
      for (const c of cols.keys()) {
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    if (bottom < 0) return null;
    return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  toSnapshot(area?: Rect): SheetSnapshot {
    const u = area ?? this.usedRect() ?? { top: 0, left: 0, rows: 0, cols: 0 };
    // Every grid starts as the empty cell's, then the cells there are (in the area) fill them in.
    const grid = <T>(v: T): T[][] => Array.from({ length: u.rows }, () => new Array<T>(u.cols).fill(v));
    const values = grid(EMPTY.value);
    const formulas = grid(EMPTY.formula);
    const numberFormats = grid(EMPTY.numberFormat);
    const fills = grid(EMPTY.fill);
    const bold = grid(EMPTY.bold);
    const fontColors = grid(EMPTY.fontColor);
    const wrap = grid(EMPTY.wrap);
    const fontNames = this.hasFontNames() ? grid<string | null>(null) : null;
    for (const [row, cols] of this.rows) {
      const r = row - u.top;
      if (r < 0 || r >= u.rows) continue;
      for (const [col, cell] of cols) {
        const c = col - u.left;
        if (c < 0 || c >= u.cols) continue;
        values[r][c] = cell.value;
        formulas[r][c] = cell.formula;
        numberFormats[r][c] = cell.numberFormat;
        fills[r][c] = cell.fill;
        bold[r][c] = cell.bold;
        fontColors[r][c] = cell.fontColor;
        wrap[r][c] = cell.wrap;
        if (fontNames) fontNames[r][c] = cell.fontName ?? null;
      }
    }
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
    for (const cols of this.rows.values()) for (const c of cols.values()) if (c.fontName) return true;
    return false;
  }

  /** Shifts cells right of `at` by `count` (negative: removes columns), in `rows` only when given. */
  shiftColumns(at: number, count: number, rows?: { top: number; bottom: number }): void {
    for (const [r, cols] of this.rows) {
      if (rows && (r < rows.top || r > rows.bottom)) continue;
      const moved = new Map<number, Cell>();
      for (const [c, cell] of cols) {
        if (c < at) moved.set(c, cell);
        else if (count < 0 && c < at - count) continue;
        else moved.set(c + count, cell);
      }
      this.rows.set(r, moved);
      if (moved.size === 0) this.rows.delete(r);
    }
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
