/**
 * Commands, planned as change sets from one snapshot: recalc (gap and percent as live formulas),
 * highlight (fills by status and a legend) and clear-highlight. Nothing here executes anything.
 */
import type { CellInput, ChangeSet, Op, Rect, SheetSnapshot } from "./types";
import type { Analysis, CriterionRow, Status } from "./analyze";
import type { Lang } from "./messages";
import { cellAt, formatAt, type Role, type TableLayout } from "./table";
import { cellAddress, columnLetter } from "./address";
import { cellText } from "./text";
import type { ParsedNumber } from "./numbers";

/** Fills the add-in uses, by status (Excel's own "bad" and "neutral" tones, and a grey). */
export const PALETTE: Record<Exclude<Status, "met">, string> = {
  zero: "#FFC7CE",
  partial: "#FFEB9C",
  unscored: "#D9D9D9",
};
const PALETTE_FILLS = new Set(Object.values(PALETTE));
export const isAddinFill = (fill: string | null | undefined) =>
  !!fill && PALETTE_FILLS.has(fill.toUpperCase());

export const HEADERS: Record<"gap" | "percent", Record<Lang, string>> = {
  gap: { vi: "Chưa đạt so với điểm tối đa", en: "Gap" },
  percent: { vi: "Tỷ lệ đạt (%)", en: "Percent achieved" },
};

export const LEGEND: Record<Lang, { title: string; zero: string; partial: string; unscored: string }> = {
  vi: {
    title: "Chú giải (PAR INDEX)",
    zero: "Không đạt điểm (0 điểm)",
    partial: "Đạt một phần điểm",
    unscored: "Chưa có điểm",
  },
  en: { title: "Legend (PAR INDEX)", zero: "No points (0)", partial: "Partly met", unscored: "Not scored" },
};
const LEGEND_TITLES = new Set([LEGEND.vi.title, LEGEND.en.title]);
const LEGEND_ROWS = 4;

/** Column positions before and after a list of column insertions. */
export class ColumnShift {
  constructor(readonly inserts: readonly { at: number; count: number }[] = []) {}
  /** Snapshot column → column after the inserts. */
  forward(col: number): number {
    let c = col;
    for (const i of this.inserts) if (c >= i.at) c += i.count;
    return c;
  }
  /** Column after the inserts → snapshot column, or null for an inserted column. */
  back(col: number): number | null {
    let c = col;
    for (let k = this.inserts.length - 1; k >= 0; k--) {
      const i = this.inserts[k];
      if (c >= i.at + i.count) c -= i.count;
      else if (c >= i.at) return null;
    }
    return c;
  }
}

export function shiftLayout(t: TableLayout, shift: ColumnShift): TableLayout {
  const columns: TableLayout["columns"] = {};
  for (const [role, col] of Object.entries(t.columns) as [Role, number][]) columns[role] = shift.forward(col);
  const added = shift.inserts.reduce((n, i) => n + i.count, 0);
  return {
    ...t,
    columns,
    left: shift.forward(t.left),
    right: shift.forward(t.left) + (t.right - t.left) + added,
  };
}

const text = (t: string): CellInput => ({ kind: "text", text: t });
const formula = (f: string): CellInput => ({ kind: "formula", formula: f });
const BLANK: CellInput = { kind: "blank" };

/** Contiguous runs of sheet rows, as rectangles over [left, left+cols). */
export function rowRuns(rows: readonly number[], left: number, cols: number): Rect[] {
  let ascending = true;
  for (let i = 1; i < rows.length && ascending; i++) if (rows[i] <= rows[i - 1]) ascending = false;
  const sorted = ascending ? rows : [...new Set(rows)].sort((a, b) => a - b);
  const out: Rect[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.top + last.rows === r) last.rows++;
    else out.push({ top: r, left, rows: 1, cols });
  }
  return out;
}

/** The cells planned for one column, by sheet row (rows at or below `top`). */
class RowCells {
  private readonly cells: (CellInput | undefined)[] = [];
  private count = 0;
  constructor(private readonly top: number) {}
  set(row: number, v: CellInput): void {
    const i = row - this.top;
    if (this.cells[i] === undefined) this.count++;
    this.cells[i] = v;
  }
  get(row: number): CellInput | undefined {
    return this.cells[row - this.top];
  }
  get size(): number {
    return this.count;
  }
  /** The rows that have a cell, ascending. */
  rows(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.cells.length; i++) if (this.cells[i] !== undefined) out.push(i + this.top);
    return out;
  }
}

/** One column of writes from top to bottom, null where nothing is written. */
function columnOp(sheet: string, top: number, col: number, cells: RowCells, bottom: number): Op {
  const block: (CellInput | null)[][] = [];
  for (let r = top; r <= bottom; r++) block.push([cells.get(r) ?? null]);
  return { op: "setCells", sheet, top, left: col, cells: block };
}

interface Expr {
  expr: string;
  /** Cells that must not be blank for the expression to mean anything. */
  guards: string[];
}

/** A reference that reads text such as "9,50" as a number, the way the cell is written now. */
function numericRef(addr: string, p: ParsedNumber): string {
  if (p.kind !== "number" || p.style === "number") return addr;
  return p.style === "comma" ? `NUMBERVALUE(${addr},",",".")` : `NUMBERVALUE(${addr},".",",")`;
}

const MAX_FORMULA = 8000;

export interface RecalcPlan {
  changeSet: ChangeSet;
  /** The table's layout once the plan is applied (columns inserted). */
  layout: TableLayout;
  shift: ColumnShift;
}

export interface PlanOptions {
  lang?: Lang;
}

/**
 * recalc: gap and percent cells become live formulas over the row's own max and achieved cells;
 * the total row becomes formulas over the domain rows. Missing gap/percent columns are inserted
 * after the achieved column (whole sheet columns, or table columns in an Excel table).
 */
export function planRecalc(sheet: SheetSnapshot, a: Analysis, opts: PlanOptions = {}): RecalcPlan {
  const t = a.table;
  const lang = opts.lang ?? t.lang;
  const ops: Op[] = [];
  const missing: ("gap" | "percent")[] = [];
  if (t.columns.gap === undefined) missing.push("gap");
  if (t.columns.percent === undefined) missing.push("percent");

  const inserts: { at: number; count: number }[] = [];
  let gapCol: number;
  let pctCol: number;
  if (missing.length === 2) {
    inserts.push({ at: t.columns.achieved! + 1, count: 2 });
  } else if (missing[0] === "gap") {
    inserts.push({ at: t.columns.achieved! + 1, count: 1 });
  } else if (missing[0] === "percent") {
    inserts.push({ at: t.columns.gap! + 1, count: 1 });
  }
  const shift = new ColumnShift(inserts);
  const layout = shiftLayout(t, shift);
  if (missing.length === 2) {
    gapCol = inserts[0].at;
    pctCol = gapCol + 1;
  } else if (missing[0] === "gap") {
    gapCol = inserts[0].at;
    pctCol = shift.forward(t.columns.percent!);
  } else if (missing[0] === "percent") {
    gapCol = shift.forward(t.columns.gap!);
    pctCol = inserts[0].at;
  } else {
    gapCol = t.columns.gap!;
    pctCol = t.columns.percent!;
  }
  layout.columns = { ...layout.columns, gap: gapCol, percent: pctCol };

  let tableRect = t.excelTable ? { ...t.excelTable.rect } : undefined;
  for (const ins of inserts) {
    if (t.excelTable && tableRect) {
      ops.push({
        op: "insertColumns",
        sheet: sheet.name,
        at: ins.at,
        count: ins.count,
        table: { name: t.excelTable.name, rect: { ...tableRect } },
      });
      tableRect = { ...tableRect, cols: tableRect.cols + ins.count };
      layout.excelTable = { ...t.excelTable, rect: tableRect };
    } else {
      ops.push({ op: "insertColumns", sheet: sheet.name, at: ins.at, count: ins.count });
    }
  }

  // Percent as a fraction with a % format unless the column holds plain numbers of percent (85.32).
  let hundred = false;
  if (t.columns.percent !== undefined) {
    let pctFormat = false;
    let big = false;
    for (const r of a.rows) {
      const p = r.stated.percent;
      const fmt = formatAt(sheet, sheet.numberFormats, r.row, t.columns.percent);
      if (fmt && fmt.includes("%")) pctFormat = true;
      if (p.kind === "number" && p.style === "number" && p.value > 1.5) big = true;
    }
    hundred = big && !pctFormat;
  }

  const col = (role: "max" | "achieved") => shift.forward(t.columns[role]!);
  const maxCol = col("max");
  const achCol = col("achieved");
  const cache: Record<"max" | "achieved", (Expr | null | undefined)[]> = { max: [], achieved: [] };
  const expr = (i: number, role: "max" | "achieved"): Expr | null => {
    const hit = cache[role][i];
    if (hit !== undefined) return hit;
    const r = a.rows[i];
    const p = r.stated[role];
    let e: Expr | null = null;
    if (p.kind === "invalid") e = null;
    else if (p.kind === "blank" && r.derived) {
      const sub = r.children
        .filter((c) => a.rows[c].max !== null && a.rows[c].achieved !== null)
        .map((c) => expr(c, role))
        .filter((x): x is Expr => x !== null);
      e = sub.length ? { expr: `(${sub.map((x) => x.expr).join("+")})`, guards: [] } : null;
    } else {
      const addr = cellAddress(r.row, role === "max" ? maxCol : achCol);
      e = { expr: numericRef(addr, p), guards: [addr] };
    }
    cache[role][i] = e;
    return e;
  };

  const gapCells = new RowCells(t.headerRow);
  const pctCells = new RowCells(t.headerRow);
  const guardOf = (gs: string[], extra?: string) => {
    let conds = "";
    for (const g of gs) conds += `${conds ? "," : ""}${g}=""`;
    if (extra) conds += `${conds ? "," : ""}${extra}`;
    return conds ? `OR(${conds})` : "";
  };
  const formulasOf = (m: Expr, ach: Expr): [string, string] => {
    const guards = m.guards.concat(ach.guards);
    const g = guardOf(guards);
    const gapF = `ROUND(${m.expr}-${ach.expr},2)`;
    const pctF = hundred ? `ROUND(${ach.expr}/${m.expr}*100,2)` : `ROUND(${ach.expr}/${m.expr},4)`;
    return [g ? `=IF(${g},"",${gapF})` : `=${gapF}`, `=IF(${guardOf(guards, `${m.expr}=0`)},"",${pctF})`];
  };
  // Rows whose own cells hold the numbers share one formula shape per way of writing them: build the shape
  // once with a row marker and fill in the row number (one string per cell, no intermediate strings).
  const ROW = "\u0001";
  const shapes: [string[], string[]][] = [];
  const STYLES = ["number", "comma", "dot", "integer-text"];
  const styleIndex = (p: ParsedNumber) => (p.kind === "number" ? STYLES.indexOf(p.style) + 1 : 0);
  const shapeOf = (pm: ParsedNumber, pa: ParsedNumber) => {
    const key = styleIndex(pm) * 8 + styleIndex(pa);
    let shape = shapes[key];
    if (!shape) {
      const ma = `${columnLetter(maxCol)}${ROW}`;
      const aa = `${columnLetter(achCol)}${ROW}`;
      const [g, p] = formulasOf(
        { expr: numericRef(ma, pm), guards: [ma] },
        { expr: numericRef(aa, pa), guards: [aa] },
      );
      shape = [g.split(ROW), p.split(ROW)];
      shapes[key] = shape;
    }
    return shape;
  };
  a.rows.forEach((r, i) => {
    const pm = r.stated.max;
    const pa = r.stated.achieved;
    if (pm.kind === "invalid" || pa.kind === "invalid") return;
    if (!r.derived) {
      const [g, p] = shapeOf(pm, pa);
      const n = String(r.row + 1);
      gapCells.set(r.row, formula(g.join(n)));
      pctCells.set(r.row, formula(p.join(n)));
      return;
    }
    const m = expr(i, "max");
    const ach = expr(i, "achieved");
    if (!m || !ach) return;
    const [g, p] = formulasOf(m, ach);
    gapCells.set(r.row, formula(g));
    pctCells.set(r.row, formula(p));
  });
  const formulaRows = gapCells.size;

  const totalCells = new Map<number, CellInput>();
  if (a.total.row !== null && a.total.parts.length > 0) {
    const tr = a.total.row;
    for (const role of ["max", "achieved"] as const) {
      const terms = a.total.parts.map((i) => expr(i, role)).filter((x): x is Expr => x !== null);
      const f = `=ROUND(${terms.map((x) => x.expr).join("+")},2)`;
      const value = role === "max" ? a.total.max : a.total.achieved;
      totalCells.set(
        col(role),
        f.length <= MAX_FORMULA && terms.length ? formula(f) : { kind: "number", value },
      );
    }
    const mx = cellAddress(tr, col("max"));
    const ac = cellAddress(tr, col("achieved"));
    gapCells.set(tr, formula(`=ROUND(${mx}-${ac},2)`));
    pctCells.set(
      tr,
      formula(hundred ? `=IF(${mx}=0,"",ROUND(${ac}/${mx}*100,2))` : `=IF(${mx}=0,"",ROUND(${ac}/${mx},4))`),
    );
  }

  // Headers of inserted columns, on the header row and on any header repeated mid-table.
  const headerRows = [t.headerRow, ...a.skipped.filter((s) => s.why === "header").map((s) => s.row)];
  for (const m of missing) {
    const cells = m === "gap" ? gapCells : pctCells;
    for (const hr of headerRows) cells.set(hr, text(HEADERS[m][lang]));
  }

  const top = Math.min(t.headerRow, t.firstRow);
  const bottom = t.lastRow;
  if (gapCol + 1 === pctCol) {
    const block: (CellInput | null)[][] = [];
    for (let r = top; r <= bottom; r++) block.push([gapCells.get(r) ?? null, pctCells.get(r) ?? null]);
    ops.push({ op: "setCells", sheet: sheet.name, top, left: gapCol, cells: block });
  } else {
    ops.push(columnOp(sheet.name, top, gapCol, gapCells, bottom));
    ops.push(columnOp(sheet.name, top, pctCol, pctCells, bottom));
  }
  if (a.total.row !== null) {
    for (const [c, v] of totalCells)
      ops.push({ op: "setCells", sheet: sheet.name, top: a.total.row, left: c, cells: [[v]] });
  }

  const numberRows = gapCells.rows().filter((r) => !headerRows.includes(r));
  if (numberRows.length) {
    ops.push({
      op: "setStyle",
      sheet: sheet.name,
      ranges: rowRuns(numberRows, gapCol, 1),
      style: { numberFormat: "0.00" },
    });
    ops.push({
      op: "setStyle",
      sheet: sheet.name,
      ranges: rowRuns(
        pctCells.rows().filter((r) => !headerRows.includes(r)),
        pctCol,
        1,
      ),
      style: { numberFormat: hundred ? "0.00" : "0.00%" },
    });
  }
  if (missing.length) {
    const headerStyle = {
      bold: !!formatAt(sheet, sheet.bold, t.headerRow, t.columns.achieved!),
      wrap: true,
      horizontalAlignment: "Center" as const,
    };
    const cols = missing.map((m) => (m === "gap" ? gapCol : pctCol));
    ops.push({
      op: "setStyle",
      sheet: sheet.name,
      ranges: headerRows.flatMap((hr) => cols.map((c) => ({ top: hr, left: c, rows: 1, cols: 1 }))),
      style: headerStyle,
    });
    // New columns get a width that fits "85,30%" and a wrapped two-line header.
    for (const c of cols) ops.push({ op: "setColumnWidth", sheet: sheet.name, col: c, width: 12 });
  }
  return {
    changeSet: {
      command: "recalc",
      ops,
      counts: { rows: formulaRows, insertedColumns: missing.length },
    },
    layout,
    shift,
  };
}

/** The 4×2 block the legend goes in: where it already is, else the first free block under the table. */
export function legendPlace(
  sheet: SheetSnapshot,
  t: TableLayout,
  shift = new ColumnShift(),
): { top: number; left: number } {
  const valueAt = (row: number, col: number) => {
    const c = shift.back(col);
    return c === null ? null : cellAt(sheet, row, c);
  };
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && LEGEND_TITLES.has(v))
        return { top: sheet.top + r, left: shift.forward(sheet.left + c) };
    }
  }
  const left = t.left;
  for (let top = t.lastRow + 2; ; top++) {
    let free = true;
    for (let r = top - 1; r < top + LEGEND_ROWS && free; r++)
      for (let c = left; c < left + 2 && free; c++) if (cellText(valueAt(r, c)) !== "") free = false;
    if (free) return { top, left };
  }
}

/** highlight: fills unmet criteria rows by status and writes a small legend under the table. */
export function planHighlight(
  sheet: SheetSnapshot,
  a: Analysis,
  opts: PlanOptions & { layout?: TableLayout; shift?: ColumnShift } = {},
): ChangeSet {
  const t = opts.layout ?? a.table;
  const shift = opts.shift ?? new ColumnShift();
  const lang = opts.lang ?? a.table.lang;
  const width = t.right - t.left + 1;
  const byColor = new Map<string | null, number[]>();
  const add = (color: string | null, rows: number[]) => {
    const list = byColor.get(color) ?? [];
    list.push(...rows);
    byColor.set(color, list);
  };
  let highlighted = 0;
  const addinFilled = (row: number) => {
    for (let c = t.left; c <= t.right; c++) {
      const o = shift.back(c);
      if (o !== null && isAddinFill(formatAt(sheet, sheet.fills, row, o))) return true;
    }
    return false;
  };
  for (const r of a.rows) {
    const rows = [r.row, ...r.continuationRows];
    if (r.status === "met") {
      // A row met since the last highlight loses the add-in's fill (and only that).
      const stale = rows.filter(addinFilled);
      if (stale.length) add(null, stale);
    } else {
      add(PALETTE[r.status], rows);
      highlighted++;
    }
  }
  const ops: Op[] = [];
  for (const [fill, rows] of byColor) {
    ops.push({ op: "setStyle", sheet: sheet.name, ranges: rowRuns(rows, t.left, width), style: { fill } });
  }
  const place = legendPlace(sheet, t, shift);
  const L = LEGEND[lang];
  ops.push({
    op: "setCells",
    sheet: sheet.name,
    top: place.top,
    left: place.left,
    cells: [
      [text(L.title), BLANK],
      [BLANK, text(L.zero)],
      [BLANK, text(L.partial)],
      [BLANK, text(L.unscored)],
    ],
  });
  ops.push({
    op: "setStyle",
    sheet: sheet.name,
    ranges: [{ top: place.top, left: place.left, rows: 1, cols: 1 }],
    style: { bold: true },
  });
  (["zero", "partial", "unscored"] as const).forEach((s, k) =>
    ops.push({
      op: "setStyle",
      sheet: sheet.name,
      ranges: [{ top: place.top + 1 + k, left: place.left, rows: 1, cols: 1 }],
      style: { fill: PALETTE[s] },
    }),
  );
  return { command: "highlight", ops, counts: { highlighted } };
}

/**
 * clear-highlight: the add-in's fills go; each cell gets back the fill it had in `before` (the snapshot
 * the highlight was planned from, when the host kept it), otherwise no fill. The legend is removed.
 */
export function planClearHighlight(sheet: SheetSnapshot, a: Analysis, before?: SheetSnapshot): ChangeSet {
  const t = a.table;
  const byColor = new Map<string | null, Rect[]>();
  let cleared = 0;
  for (let row = t.headerRow; row <= t.lastRow; row++) {
    for (let c = t.left; c <= t.right; c++) {
      if (!isAddinFill(formatAt(sheet, sheet.fills, row, c))) continue;
      const prev = before ? (formatAt(before, before.fills, row, c) ?? null) : null;
      const restore = isAddinFill(prev) ? null : prev;
      const list = byColor.get(restore) ?? [];
      const last = list[list.length - 1];
      if (last && last.top === row && last.left + last.cols === c) last.cols++;
      else list.push({ top: row, left: c, rows: 1, cols: 1 });
      byColor.set(restore, list);
      cleared++;
    }
  }
  const ops: Op[] = [...byColor].map(
    ([fill, ranges]) => ({ op: "setStyle", sheet: sheet.name, ranges, style: { fill } }) as Op,
  );
  for (let r = 0; r < sheet.values.length; r++) {
    const c = sheet.values[r].findIndex((v) => typeof v === "string" && LEGEND_TITLES.has(v));
    if (c === -1) continue;
    const top = sheet.top + r;
    const left = sheet.left + c;
    ops.push({
      op: "setCells",
      sheet: sheet.name,
      top,
      left,
      cells: Array.from({ length: LEGEND_ROWS }, () => [BLANK, BLANK]),
    });
    ops.push({
      op: "setStyle",
      sheet: sheet.name,
      ranges: [{ top, left, rows: LEGEND_ROWS, cols: 2 }],
      style: { fill: null, bold: false },
    });
  }
  return { command: "clear-highlight", ops, counts: { cleared } };
}

/** The "Recalculate" button: recalc then highlight, as one change set planned from one snapshot. */
export function planRecalcAndHighlight(sheet: SheetSnapshot, a: Analysis, opts: PlanOptions = {}): ChangeSet {
  const recalc = planRecalc(sheet, a, opts);
  const hl = planHighlight(sheet, a, { ...opts, layout: recalc.layout, shift: recalc.shift });
  return {
    command: "recalc",
    ops: [...recalc.changeSet.ops, ...hl.ops],
    counts: { ...recalc.changeSet.counts, ...hl.counts },
  };
}

export type { CriterionRow };
