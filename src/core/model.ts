/**
 * An in-memory workbook built from a snapshot, on which change sets are simulated: to preview them,
 * to derive their inverse (undo) from the same snapshot, and to test hosts against. Pure.
 */
import type {
  ChartInfo,
  CellInput,
  CellStyle,
  CellValue,
  ChangeSet,
  DefinedName,
  Op,
  Rect,
  SheetSnapshot,
  WorkbookSnapshot,
} from "./types";
import { shiftFormulaColumns } from "./formula";
import { formulaTextAt } from "./rowFormula";
import { shiftFormulaRows, shiftSheetRows } from "./rowShift";
import { applyExtra, inverseOfExtra, isExtraOp, restoreExtrasOps } from "./modelExtras";
import { inputOf, SheetModel, type Cell } from "./sheetModel";
import { mayChangeResults, movesReads, recalculateSheets, type Reads } from "./modelResults";
import { DEFAULT_COLUMN_WIDTH } from "./units";
import { subtractRect } from "./rects";

export { SheetModel, type Cell } from "./sheetModel";
export { KEEPS_VALUES } from "./modelResults";

export class ChangeSetError extends Error {
  constructor(
    readonly code: "missing-sheet" | "sheet-exists" | "not-invertible" | "bad-op",
    message: string,
  ) {
    super(message);
  }
}

type StyleKey = keyof CellStyle;
const STYLE_KEYS: StyleKey[] = [
  "fill",
  "bold",
  "fontColor",
  "wrap",
  "numberFormat",
  "horizontalAlignment",
  "fontName",
];

function styleValue(c: Cell, k: StyleKey): CellStyle[StyleKey] {
  switch (k) {
    case "numberFormat":
      return c.numberFormat ?? "General";
    case "horizontalAlignment":
      return c.horizontalAlignment ?? "General";
    case "fontName":
      return c.fontName ?? null;
    default:
      return c[k];
  }
}

/**
 * A formula cell on sheet row `row` with its references moved: its row formula stays only while it writes
 * the moved text there (references to the cell's own row move with it; a shifted column changes the text).
 */
function rewritten(cell: Cell, formula: string, row: number): Cell {
  const next = { ...cell, formula };
  if (next.template !== undefined && formulaTextAt(next.template, row) !== formula) next.template = undefined;
  return next;
}

export class WorkbookModel {
  readonly sheets = new Map<string, SheetModel>();
  order: string[] = [];
  /** Workbook-level defined names. */
  names: DefinedName[] = [];
  /**
   * The cells the formulas read in the last recalculation, by sheet (cellKey), while they still say what the
   * formulas read: null before the first recalculation and after any op that may change a formula or what
   * its references point at (every op but KEEPS_VALUES, NO_RESULT_CHANGE and setCells of constants). By
   * the sheet name the formula gives, whether the sheet exists or not (it may be added later).
   */
  private reads: Reads | null = null;

  /**
   * Whether `op` may change some formula's result: false when it keeps values (KEEPS_VALUES,
   * NO_RESULT_CHANGE), or when the formulas are as the last recalculation evaluated them and `op` writes
   * constants into cells no formula read then (a formula that reads a cell reads it whatever branch it
   * takes: IF evaluates both).
   */
  mayChangeResults(op: Op): boolean {
    return mayChangeResults(this.reads, op);
  }

  /** A cell's value as the model holds it; undefined for a sheet it does not have. */
  valueAt(sheet: string, row: number, col: number): CellValue | undefined {
    const s = this.sheets.get(sheet);
    return s ? s.valueAt(row, col) : undefined;
  }

  static fromSnapshot(ws: WorkbookSnapshot): WorkbookModel {
    const m = new WorkbookModel();
    m.order = [...ws.sheetNames];
    for (const s of [ws.active, ...Object.values(ws.others ?? {})])
      m.sheets.set(s.name, SheetModel.fromSnapshot(s));
    for (const n of ws.sheetNames) if (!m.sheets.has(n)) m.sheets.set(n, new SheetModel(n));
    m.names = (ws.names ?? []).map((n) => ({ ...n }));
    return m;
  }

  sheet(name: string): SheetModel {
    const s = this.sheets.get(name);
    if (!s) throw new ChangeSetError("missing-sheet", `no sheet named «${name}»`);
    return s;
  }

  /** The ops that undo `op`, computed from the current state (call before apply). */
  inverseOf(op: Op): Op[] {
    if (isExtraOp(op)) return inverseOfExtra(this, op);
    switch (op.op) {
      case "insertColumns": {
        const table = op.table
          ? { name: op.table.name, rect: { ...op.table.rect, cols: op.table.rect.cols + op.count } }
          : undefined;
        // A table's new columns land in sheet columns that may be hidden; the host shows them, undo hides them.
        const s = this.sheet(op.sheet);
        const rehide: Op[] = [];
        if (op.table)
          for (let c = op.at; c < op.at + op.count; c++)
            if (s.hidden.has(c))
              rehide.push({
                op: "setColumnWidth",
                sheet: op.sheet,
                col: c,
                width: s.widths[c] ?? DEFAULT_COLUMN_WIDTH,
                hidden: true,
              });
        return [{ op: "deleteColumns", sheet: op.sheet, at: op.at, count: op.count, table }, ...rehide];
      }
      case "deleteColumns": {
        const s = this.sheet(op.sheet);
        const rows = op.table ? op.table.rect : s.usedRect();
        const restore = rows
          ? this.restoreOps(s, { top: rows.top, left: op.at, rows: rows.rows, cols: op.count })
          : [];
        const table = op.table
          ? { name: op.table.name, rect: { ...op.table.rect, cols: op.table.rect.cols - op.count } }
          : undefined;
        // What the deletion removes outright (widths; validations and tables wholly inside the columns) comes
        // back explicitly; what it only shrinks grows back with the re-inserted columns.
        const inside = (r: Rect) => r.left >= op.at && r.left + r.cols <= op.at + op.count;
        const extra: Op[] = [];
        if (!op.table) {
          for (let c = op.at; c < op.at + op.count; c++)
            if (s.widths[c] !== undefined || s.hidden.has(c))
              extra.push({
                op: "setColumnWidth",
                sheet: op.sheet,
                col: c,
                width: s.widths[c] ?? DEFAULT_COLUMN_WIDTH,
                ...(s.hidden.has(c) ? { hidden: true } : {}),
              });
          for (const v of s.validations)
            if (inside(v.rect))
              extra.push({ op: "setValidation", sheet: op.sheet, rect: { ...v.rect }, list: [...v.list] });
          for (const t of s.tables)
            if (inside(t.rect))
              extra.push({
                op: "addTable",
                sheet: op.sheet,
                name: t.name,
                rect: { ...t.rect },
                style: t.style,
              });
        }
        return [
          { op: "insertColumns", sheet: op.sheet, at: op.at, count: op.count, table },
          ...restore,
          ...extra,
        ];
      }
      case "insertRows":
        return [{ op: "deleteRows", sheet: op.sheet, at: op.at, count: op.count }];
      case "deleteRows":
        return this.inverseOfDeleteRows(op);
      case "setCells": {
        const s = this.sheet(op.sheet);
        const cells = op.cells.map((row, r) =>
          row.map((v, c) => (v === null ? null : inputOf(s.get(op.top + r, op.left + c)))),
        );
        return [{ op: "setCells", sheet: op.sheet, top: op.top, left: op.left, cells }];
      }
      case "setStyle": {
        const s = this.sheet(op.sheet);
        const out: Op[] = [];
        for (const k of STYLE_KEYS) {
          if (!(k in op.style)) continue;
          // Style values are strings, booleans or null: a Map tells them apart as they are.
          const groups = new Map<CellStyle[StyleKey] | null, Rect[]>();
          for (const rect of op.ranges)
            for (let r = rect.top; r < rect.top + rect.rows; r++)
              for (let c = rect.left; c < rect.left + rect.cols; c++) {
                const key = styleValue(s.get(r, c), k) ?? null;
                let list = groups.get(key);
                if (!list) groups.set(key, (list = []));
                const last = list[list.length - 1];
                if (last && last.top === r && last.rows === 1 && last.left + last.cols === c) last.cols++;
                else list.push({ top: r, left: c, rows: 1, cols: 1 });
              }
          for (const [key, ranges] of groups)
            out.push({ op: "setStyle", sheet: op.sheet, ranges, style: { [k]: key } });
        }
        return out;
      }
      case "addSheet":
        return [{ op: "deleteSheet", sheet: op.sheet }];
      case "deleteSheet": {
        const s = this.sheet(op.sheet);
        const idx = this.order.indexOf(op.sheet);
        const used = s.usedRect();
        return [
          { op: "addSheet", sheet: op.sheet, after: idx > 0 ? this.order[idx - 1] : undefined },
          ...(used ? this.restoreOps(s, used) : []),
          ...s.tables.map(
            (t) =>
              ({ op: "addTable", sheet: op.sheet, name: t.name, rect: { ...t.rect }, style: t.style }) as Op,
          ),
          ...s.validations.map(
            (v) => ({ op: "setValidation", sheet: op.sheet, rect: { ...v.rect }, list: [...v.list] }) as Op,
          ),
          ...Object.entries(s.widths).map(
            ([c, w]) =>
              ({
                op: "setColumnWidth",
                sheet: op.sheet,
                col: Number(c),
                width: w,
                ...(s.hidden.has(Number(c)) ? { hidden: true } : {}),
              }) as Op,
          ),
          ...[...s.hidden]
            .filter((c) => s.widths[c] === undefined)
            .map(
              (c) =>
                ({
                  op: "setColumnWidth",
                  sheet: op.sheet,
                  col: c,
                  width: DEFAULT_COLUMN_WIDTH,
                  hidden: true,
                }) as Op,
            ),
          ...restoreExtrasOps(s),
        ];
      }
      case "addTable":
        return [{ op: "deleteTable", sheet: op.sheet, name: op.name }];
      case "deleteTable": {
        const t = this.sheet(op.sheet).tables.find((x) => x.name === op.name);
        if (!t) throw new ChangeSetError("bad-op", `no table named «${op.name}»`);
        return [{ op: "addTable", sheet: op.sheet, name: t.name, rect: { ...t.rect }, style: t.style }];
      }
      case "resizeTable": {
        const t = this.sheet(op.sheet).tables.find((x) => x.name === op.name);
        if (!t) throw new ChangeSetError("bad-op", `no table named «${op.name}»`);
        return [{ op: "resizeTable", sheet: op.sheet, name: op.name, rect: { ...t.rect } }];
      }
      case "setValidation": {
        const s = this.sheet(op.sheet);
        const prev = s.validations.find(
          (v) =>
            v.rect.top <= op.rect.top &&
            v.rect.left <= op.rect.left &&
            v.rect.top + v.rect.rows >= op.rect.top + op.rect.rows &&
            v.rect.left + v.rect.cols >= op.rect.left + op.rect.cols,
        );
        return [
          { op: "setValidation", sheet: op.sheet, rect: { ...op.rect }, list: prev ? [...prev.list] : null },
        ];
      }
      case "setColumnWidth": {
        const s = this.sheet(op.sheet);
        return [
          {
            op: "setColumnWidth",
            sheet: op.sheet,
            col: op.col,
            width: s.widths[op.col] ?? DEFAULT_COLUMN_WIDTH,
            // The op shows its column: one the user had hidden is hidden again.
            ...(s.hidden.has(op.col) ? { hidden: true } : {}),
          },
        ];
      }
      case "select":
        return [];
      case "moveChart": {
        const chart = this.chart(op);
        return [
          {
            op: "moveChart",
            sheet: op.sheet,
            name: op.name,
            left: chart.left,
            ...(chart.cells ? { cells: { ...chart.cells } } : {}),
          },
        ];
      }
    }
  }

  /** The chart `op` names, or a ChangeSetError. */
  private chart(op: { sheet: string; name: string }): ChartInfo {
    const chart = this.sheet(op.sheet).charts.find((c) => c.name === op.name);
    if (!chart) throw new ChangeSetError("bad-op", `no chart named «${op.name}»`);
    return chart;
  }

  /** Rows inserted back, then what the deletion removes: cells, and validations and tables inside the rows. */
  private inverseOfDeleteRows(op: Extract<Op, { op: "deleteRows" }>): Op[] {
    const s = this.sheet(op.sheet);
    const used = s.usedRect();
    const rect = used && { top: op.at, left: used.left, rows: op.count, cols: used.cols };
    const inside = (r: Rect) => r.top >= op.at && r.top + r.rows <= op.at + op.count;
    // A table or validation the deletion only shrinks: rows inserted at its end would not grow it back.
    const crosses = (r: Rect) => !inside(r) && r.top < op.at + op.count && r.top + r.rows > op.at;
    return [
      { op: "insertRows", sheet: op.sheet, at: op.at, count: op.count },
      ...(rect ? this.restoreOps(s, rect) : []),
      ...s.validations
        .filter((v) => inside(v.rect))
        .map((v) => ({ op: "setValidation", sheet: op.sheet, rect: { ...v.rect }, list: [...v.list] }) as Op),
      ...s.tables
        .filter((t) => inside(t.rect))
        .map(
          (t) =>
            ({ op: "addTable", sheet: op.sheet, name: t.name, rect: { ...t.rect }, style: t.style }) as Op,
        ),
      ...s.tables
        .filter((t) => crosses(t.rect))
        .map((t) => ({ op: "resizeTable", sheet: op.sheet, name: t.name, rect: { ...t.rect } }) as Op),
      ...s.validations
        .filter((v) => crosses(v.rect))
        .map((v) => ({ op: "setValidation", sheet: op.sheet, rect: { ...v.rect }, list: [...v.list] }) as Op),
    ];
  }

  /** Ops that put back a rectangle's cells exactly as they are now (values, formulas and formats). */
  private restoreOps(s: SheetModel, rect: Rect): Op[] {
    const cells: CellInput[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row: CellInput[] = [];
      for (let c = 0; c < rect.cols; c++) row.push(inputOf(s.get(rect.top + r, rect.left + c)));
      cells.push(row);
    }
    const ops: Op[] = [{ op: "setCells", sheet: s.name, top: rect.top, left: rect.left, cells }];
    for (const k of STYLE_KEYS) {
      const groups = new Map<string, Rect[]>();
      for (let r = rect.top; r < rect.top + rect.rows; r++)
        for (let c = rect.left; c < rect.left + rect.cols; c++) {
          const v = styleValue(s.get(r, c), k);
          if (v === null || v === false || v === "General") continue;
          const key = JSON.stringify(v);
          groups.set(key, [...(groups.get(key) ?? []), { top: r, left: c, rows: 1, cols: 1 }]);
        }
      for (const [key, ranges] of groups)
        ops.push({ op: "setStyle", sheet: s.name, ranges, style: { [k]: JSON.parse(key) } });
    }
    return ops;
  }

  apply(op: Op): void {
    if (this.reads && movesReads(op)) this.reads = null;
    if (isExtraOp(op)) return applyExtra(this, op);
    switch (op.op) {
      case "insertColumns":
      case "deleteColumns": {
        const count = op.op === "insertColumns" ? op.count : -op.count;
        const s = this.sheet(op.sheet);
        const rows = op.table
          ? { top: op.table.rect.top, bottom: op.table.rect.top + op.table.rect.rows - 1 }
          : undefined;
        s.shiftColumns(op.at, count, rows);
        if (op.table) {
          const t = s.tables.find((x) => x.name === op.table!.name);
          if (t) t.rect = { ...op.table.rect, cols: op.table.rect.cols + count };
        }
        // Formulas everywhere move their references to the shifted columns, as Excel does.
        for (const sheet of this.sheets.values())
          sheet.rows.forEach((cols, r) =>
            cols.forEach((cell, c) => {
              if (cell.formula)
                cols.set(
                  c,
                  rewritten(
                    cell,
                    shiftFormulaColumns(cell.formula, op.sheet, sheet.name, op.at, count, rows),
                    r,
                  ),
                );
            }),
          );
        return;
      }
      case "insertRows":
      case "deleteRows": {
        const count = op.op === "insertRows" ? op.count : -op.count;
        shiftSheetRows(this.sheet(op.sheet), op.at, count);
        // Formulas everywhere move their references to the shifted rows, as Excel does.
        for (const sheet of this.sheets.values())
          sheet.rows.forEach((cols, r) =>
            cols.forEach((cell, c) => {
              if (cell.formula)
                cols.set(
                  c,
                  rewritten(cell, shiftFormulaRows(cell.formula, op.sheet, sheet.name, op.at, count), r),
                );
            }),
          );
        return;
      }
      case "setCells":
      case "setStyle":
        // Made when the sheet's cells are next read (SheetModel.defer).
        this.sheet(op.sheet).defer(op);
        return;
      case "addSheet": {
        if (this.sheets.has(op.sheet))
          throw new ChangeSetError("sheet-exists", `a sheet named «${op.sheet}» exists`);
        this.sheets.set(op.sheet, new SheetModel(op.sheet));
        const idx = op.after ? this.order.indexOf(op.after) : -1;
        if (idx >= 0) this.order.splice(idx + 1, 0, op.sheet);
        else this.order.push(op.sheet);
        return;
      }
      case "deleteSheet":
        this.sheet(op.sheet);
        this.sheets.delete(op.sheet);
        this.order = this.order.filter((n) => n !== op.sheet);
        return;
      case "addTable":
        this.sheet(op.sheet).tables.push({
          name: op.name,
          rect: { ...op.rect },
          showHeaders: true,
          style: op.style,
        });
        return;
      case "deleteTable": {
        const s = this.sheet(op.sheet);
        s.tables = s.tables.filter((t) => t.name !== op.name);
        return;
      }
      case "resizeTable": {
        const t = this.sheet(op.sheet).tables.find((x) => x.name === op.name);
        if (!t) throw new ChangeSetError("bad-op", `no table named «${op.name}»`);
        t.rect = { ...op.rect };
        return;
      }
      case "setValidation": {
        const s = this.sheet(op.sheet);
        // The op sets every cell of its rectangle, as the hosts do (a per-cell map; Office's clear() then
        // rule): what other validations had there is cut out of them.
        s.validations = s.validations.flatMap((v) =>
          subtractRect(v.rect, op.rect).map((rect) => ({ rect, list: v.list })),
        );
        if (op.list) s.validations.push({ rect: { ...op.rect }, list: [...op.list] });
        return;
      }
      case "setColumnWidth": {
        const s = this.sheet(op.sheet);
        if (op.width === DEFAULT_COLUMN_WIDTH) delete s.widths[op.col];
        else s.widths[op.col] = op.width;
        if (op.hidden === true) s.hidden.add(op.col);
        else s.hidden.delete(op.col);
        return;
      }
      case "select":
        return;
      case "moveChart": {
        const chart = this.chart(op);
        chart.left = op.left;
        if (op.cells) chart.cells = { ...op.cells };
        else delete chart.cells;
        return;
      }
    }
  }

  /** Recomputes formula cells it can evaluate; others keep their cached value. */
  recalculate(): void {
    this.reads = null; // unknown should the evaluation throw
    this.reads = recalculateSheets(this.sheets);
  }

  toSnapshot(activeName: string, area?: Rect): WorkbookSnapshot {
    const others: Record<string, SheetSnapshot> = {};
    for (const [n, s] of this.sheets) if (n !== activeName) others[n] = s.toSnapshot();
    return {
      active: this.sheet(activeName).toSnapshot(area),
      sheetNames: [...this.order],
      others,
      names: this.names.map((n) => ({ ...n })),
    };
  }
}

/** Applies a change set to a snapshot and recalculates: the workbook as the host would leave it. */
export function applyChangeSet(ws: WorkbookSnapshot, cs: ChangeSet): WorkbookSnapshot {
  const m = WorkbookModel.fromSnapshot(ws);
  for (const op of cs.ops) m.apply(op);
  m.recalculate();
  return m.toSnapshot(ws.active.name);
}

/** The change set that undoes `cs`, derived from the snapshot `cs` was planned from. */
export function invertChangeSet(ws: WorkbookSnapshot, cs: ChangeSet): ChangeSet {
  const m = WorkbookModel.fromSnapshot(ws);
  const inverse: Op[][] = [];
  for (const op of cs.ops) {
    inverse.push(m.inverseOf(op));
    m.apply(op);
  }
  return { command: "undo", ops: inverse.reverse().flat(), counts: { ops: cs.ops.length } };
}

/** Checks a change set against a snapshot before anything is written: the whole set or nothing. */
export function validateChangeSet(
  ws: WorkbookSnapshot,
  cs: ChangeSet,
): { ok: true } | { ok: false; error: ChangeSetError } {
  try {
    const m = WorkbookModel.fromSnapshot(ws);
    for (const op of cs.ops) m.apply(op);
    return { ok: true };
  } catch (e) {
    if (e instanceof ChangeSetError) return { ok: false, error: e };
    throw e;
  }
}
