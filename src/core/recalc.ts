/**
 * recalc, planned as a change set from one snapshot: gap and percent become live formulas over the row's own
 * max and achieved cells, the total row becomes formulas over the domain rows, and missing gap/percent columns
 * are inserted after the achieved column. Also the "Recalculate" button (recalc then highlight).
 */
import type { CellInput, ChangeSet, Op, Rect, SheetSnapshot } from "./types";
import type { Analysis } from "./analyze";
import type { Lang } from "./messages";
import { cellAt, formatAt, type TableLayout } from "./table";
import { cellAddress, columnLetter } from "./address";
import { formatScore, type ParsedNumber } from "./numbers";
import { ColumnShift, addedHeaderStyle, headerRowsOf, insertColumnsOp, shiftLayout } from "./columns";
import { planHighlight } from "./highlight";
import { rowFormula, type RowFormula } from "./rowFormula";
import { RowRuns } from "./rects";

export const HEADERS: Record<"gap" | "percent", Record<Lang, string>> = {
  gap: { vi: "Chưa đạt so với điểm tối đa", en: "Gap" },
  percent: { vi: "Tỷ lệ đạt (%)", en: "Percent achieved" },
};

/** Width of an inserted gap/percent column: fits "85,30%" and a wrapped two-line header. */
const NEW_COLUMN_WIDTH = 12;
/** Longest total-row formula written; longer ones are written as their value. */
const MAX_FORMULA = 8000;

const text = (t: string): CellInput => ({ kind: "text", text: t });
const formula = (f: string): CellInput => ({ kind: "formula", formula: f });

export interface RecalcPlan {
  changeSet: ChangeSet;
  /** The table's layout once the plan is applied (columns inserted). */
  layout: TableLayout;
  shift: ColumnShift;
}

export interface PlanOptions {
  lang?: Lang;
  /**
   * Write the total row as formulas even when the stated total differs from the recomputed one or rows
   * were not read (the panel's one-click replace, the CLI's --replace-total). Without it the stated
   * total stays and the recomputed figure goes beside it.
   */
  replaceTotal?: boolean;
}

type Measure = "gap" | "percent";
type Source = "max" | "achieved";

/** The cells planned for one column, by sheet row (rows at or below `top`). */
class RowCells {
  private readonly cells: (CellInput | undefined)[];
  private count = 0;
  /**
   * Rows `top` to `bottom` made at once: a list grown cell by cell, and read past its end, is V8's slow kind
   * (every criterion row asks).
   */
  constructor(
    private readonly top: number,
    bottom: number,
  ) {
    this.cells = new Array<CellInput | undefined>(Math.max(0, bottom - top + 1)).fill(undefined);
  }
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
  /**
   * Column `col`'s rows that have a cell, but for `skip`'s, as runs of adjacent rows from the top (rowRuns of
   * those rows, without a list of them made first).
   */
  runs(col: number, skip: readonly number[]): Rect[] {
    const runs = new RowRuns(col, 1);
    for (let i = 0; i < this.cells.length; i++) {
      if (this.cells[i] === undefined) continue;
      const row = i + this.top;
      if (!skip.includes(row)) runs.add(row);
    }
    return runs.out;
  }
}

interface Expr {
  expr: string;
  /** Cells that must not be blank for the expression to mean anything. */
  guards: string[];
}

/**
 * A reference that reads text such as "9,50" or "1.000,00" as a number, the way the cell is written now.
 * Non-breaking and thin spaces and the minus sign U+2212, which NUMBERVALUE does not read in every
 * spreadsheet, are substituted away first. Null for text no formula can read ("11,50 điểm").
 */
export function numericRef(addr: string, p: ParsedNumber): string | null {
  if (p.kind !== "number" || p.style === "number") return addr;
  if (p.unit !== undefined) return null;
  let inner = addr;
  if (p.oddChars) {
    for (const ch of ["\u00a0", "\u2009", "\u202f", " "]) inner = `SUBSTITUTE(${inner},"${ch}","")`;
    inner = `SUBSTITUTE(${inner},"\u2212","-")`;
  }
  return p.style === "comma" ? `NUMBERVALUE(${inner},",",".")` : `NUMBERVALUE(${inner},".",",")`;
}

/** The label of the recomputed total beside a stated total that is kept: "Tính lại: 84,87 / 99,50". */
export const RECOMPUTED_LABEL: Record<Lang, string> = { vi: "Tính lại:", en: "Recalculated:" };

export function recomputedLabel(achieved: number, max: number, lang: Lang): string {
  return `${RECOMPUTED_LABEL[lang]} ${formatScore(achieved, lang)} / ${formatScore(max, lang)}`;
}

/** Where gap and percent end up, and the column inserts that make room for the missing ones. */
interface Placement {
  missing: Measure[];
  shift: ColumnShift;
  layout: TableLayout;
  gapCol: number;
  pctCol: number;
}

/** Step 1: missing gap/percent columns go after achieved (or after gap); the layout follows the inserts. */
function placeColumns(t: TableLayout): Placement {
  const missing: Measure[] = [];
  if (t.columns.gap === undefined) missing.push("gap");
  if (t.columns.percent === undefined) missing.push("percent");
  const inserts: { at: number; count: number }[] = [];
  if (missing.length === 2) inserts.push({ at: t.columns.achieved! + 1, count: 2 });
  else if (missing[0] === "gap") inserts.push({ at: t.columns.achieved! + 1, count: 1 });
  else if (missing[0] === "percent") inserts.push({ at: t.columns.gap! + 1, count: 1 });
  const shift = new ColumnShift(inserts);
  const layout = shiftLayout(t, shift);
  let gapCol: number;
  let pctCol: number;
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
  return { missing, shift, layout, gapCol, pctCol };
}

/** Step 2: the insert ops (table columns in an Excel table, whose rectangle grows with each insert). */
function insertOps(sheetName: string, t: TableLayout, p: Placement): Op[] {
  const ops: Op[] = [];
  let tableRect = t.excelTable ? { ...t.excelTable.rect } : undefined;
  for (const ins of p.shift.inserts) {
    if (t.excelTable && tableRect) {
      ops.push(insertColumnsOp(sheetName, ins.at, ins.count, { name: t.excelTable.name, rect: tableRect }));
      tableRect = { ...tableRect, cols: tableRect.cols + ins.count };
      p.layout.excelTable = { ...t.excelTable, rect: tableRect };
    } else {
      ops.push(insertColumnsOp(sheetName, ins.at, ins.count));
    }
  }
  return ops;
}

/** Step 3: percent as plain numbers of percent (85.32) when the column holds those and has no % format. */
function percentInHundreds(sheet: SheetSnapshot, a: Analysis): boolean {
  const col = a.table.columns.percent;
  if (col === undefined) return false;
  let pctFormat = false;
  let big = false;
  for (let i = 0; i < a.rows.length; i++) {
    const r = a.rows[i];
    const p = r.stated.percent;
    const fmt = formatAt(sheet, sheet.numberFormats, r.row, col);
    if (fmt && fmt.includes("%")) pctFormat = true;
    if (p.kind === "number" && p.style === "number" && p.value > 1.5) big = true;
  }
  return big && !pctFormat;
}

/** Where a formula shape has its row number. */
const ROW = "\u0001";

/**
 * A reading's way of writing a number, as a small number (0: no number): the key of its formula shape. A
 * switch, not a list searched or a closure made per row (every criterion row asks).
 */
function styleIndex(p: ParsedNumber): number {
  if (p.kind !== "number") return 0;
  switch (p.style) {
    case "number":
      return 1;
    case "comma":
      return 2;
    case "dot":
      return 3;
    default:
      return 4;
  }
}

/** A number its cell holds as written, or no number: what a row's formula shape reads as it is. */
const plainNumber = (p: ParsedNumber) => p.kind !== "number" || (!p.oddChars && p.unit === undefined);

/** Step 4: the gap and percent formulas of every criterion row and of the total row. */
class Formulas {
  readonly gap: RowCells;
  readonly pct: RowCells;
  /** Max and achieved cells of the total row, by column. */
  readonly total = new Map<number, CellInput>();
  private readonly cache: Record<Source, (Expr | null | undefined)[]> = { max: [], achieved: [] };
  /** Gap and percent formulas by way of writing max and achieved: one row formula each, every row shares it. */
  private readonly shapes: [RowFormula, RowFormula][] = [];

  constructor(
    private readonly a: Analysis,
    private readonly shift: ColumnShift,
    private readonly hundred: boolean,
  ) {
    this.gap = new RowCells(a.table.headerRow, a.table.lastRow);
    this.pct = new RowCells(a.table.headerRow, a.table.lastRow);
  }

  col(role: Source): number {
    return this.shift.forward(this.a.table.columns[role]!);
  }

  /** A row's max or achieved as an expression: its own cell, or the sum of its children for a blank parent. */
  private expr(i: number, role: Source): Expr | null {
    const hit = this.cache[role][i];
    if (hit !== undefined) return hit;
    const a = this.a;
    const r = a.rows[i];
    const p = r.stated[role];
    let e: Expr | null = null;
    if (p.kind === "invalid") e = null;
    else if (p.kind === "blank" && r.derived) {
      const sub = r.children
        .filter((c) => a.rows[c].max !== null && a.rows[c].achieved !== null)
        .map((c) => this.expr(c, role))
        .filter((x): x is Expr => x !== null);
      e = sub.length ? { expr: `(${sub.map((x) => x.expr).join("+")})`, guards: [] } : null;
    } else {
      const col =
        role === "achieved" && r.achievedCol !== undefined
          ? this.shift.forward(r.achievedCol)
          : this.col(role);
      const addr = cellAddress(r.row, col);
      const ref = numericRef(addr, p);
      // Text no formula reads ("11,50 điểm"): the number as read, so nothing evaluates to #VALUE!.
      e =
        ref !== null
          ? { expr: ref, guards: [addr] }
          : p.kind === "number"
            ? { expr: String(p.value), guards: [] }
            : null;
    }
    this.cache[role][i] = e;
    return e;
  }

  private formulasOf(m: Expr, ach: Expr): [string, string] {
    const guardOf = (gs: string[], extra?: string) => {
      let conds = "";
      for (const g of gs) conds += `${conds ? "," : ""}${g}=""`;
      if (extra) conds += `${conds ? "," : ""}${extra}`;
      return conds ? `OR(${conds})` : "";
    };
    const guards = m.guards.concat(ach.guards);
    const g = guardOf(guards);
    const gapF = `ROUND(${m.expr}-${ach.expr},2)`;
    const pctF = this.hundred ? `ROUND(${ach.expr}/${m.expr}*100,2)` : `ROUND(${ach.expr}/${m.expr},4)`;
    return [g ? `=IF(${g},"",${gapF})` : `=${gapF}`, `=IF(${guardOf(guards, `${m.expr}=0`)},"",${pctF})`];
  }

  // Rows whose own cells hold the numbers share one formula per way of writing them, filled down the column:
  // built once with a row marker, split there into a row formula (no text per cell: hosts and the model
  // write and evaluate the object).
  private shapeOf(pm: ParsedNumber, pa: ParsedNumber): [RowFormula, RowFormula] {
    const key = styleIndex(pm) * 8 + styleIndex(pa);
    let shape = this.shapes[key];
    if (!shape) {
      const ma = `${columnLetter(this.col("max"))}${ROW}`;
      const aa = `${columnLetter(this.col("achieved"))}${ROW}`;
      const [g, p] = this.formulasOf(
        { expr: numericRef(ma, pm)!, guards: [ma] },
        { expr: numericRef(aa, pa)!, guards: [aa] },
      );
      shape = [rowFormula(g.split(ROW)), rowFormula(p.split(ROW))];
      this.shapes[key] = shape;
    }
    return shape;
  }

  criterionRows(): void {
    const rows = this.a.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const pm = r.stated.max;
      const pa = r.stated.achieved;
      if (pm.kind === "invalid" || pa.kind === "invalid") continue;
      // Not applicable, bonus/penalty and unplaced rows have no gap to compute.
      if (r.na || r.adjust !== null || r.unclassified) continue;
      if (!r.derived && plainNumber(pm) && plainNumber(pa) && r.achievedCol === undefined) {
        const shape = this.shapeOf(pm, pa);
        this.gap.set(r.row, shape[0]);
        this.pct.set(r.row, shape[1]);
        continue;
      }
      const m = this.expr(i, "max");
      const ach = this.expr(i, "achieved");
      if (!m || !ach) continue;
      const [g, p] = this.formulasOf(m, ach);
      this.gap.set(r.row, formula(g));
      this.pct.set(r.row, formula(p));
    }
  }

  /**
   * The total row. Its max and achieved become formulas over the domains (+ bonus − penalty cells when
   * the block counts in the total) only when every row was read and the stated total equals the
   * recomputed one, or when asked to replace it; otherwise the stated cells stay (`replaced` false).
   * Gap and percent of the total row follow its own max and achieved cells.
   */
  totalRow(replaceTotal: boolean): { replaced: boolean } {
    const a = this.a;
    const t = a.total;
    if (t.row === null) return { replaced: false };
    const tr = t.row;
    const replaced = t.parts.length > 0 && (replaceTotal || (t.complete && t.agrees));
    let mx: string | null = null;
    let ac: string | null = null;
    if (replaced) {
      const adjust = t.adjustments !== null && t.final === null ? t.adjustmentParts : [];
      for (const role of ["max", "achieved"] as const) {
        const terms = t.parts.map((i) => this.expr(i, role)).filter((x): x is Expr => x !== null);
        let sum = terms.map((x) => x.expr).join("+");
        if (role === "achieved")
          for (const i of adjust) {
            const e = this.expr(i, "achieved");
            if (e) sum += `${a.rows[i].adjust === "penalty" ? "-" : "+"}ABS(${e.expr})`;
          }
        const f = `=ROUND(${sum},2)`;
        const value = role === "max" ? t.max : t.achieved;
        this.total.set(
          this.col(role),
          f.length <= MAX_FORMULA && terms.length ? formula(f) : { kind: "number", value },
        );
      }
      mx = cellAddress(tr, this.col("max"));
      ac = cellAddress(tr, this.col("achieved"));
    } else if (t.stated) {
      mx = numericRef(cellAddress(tr, this.col("max")), t.stated.max);
      ac = numericRef(cellAddress(tr, this.col("achieved")), t.stated.achieved);
      if (t.stated.max.kind !== "number" || t.stated.achieved.kind !== "number") mx = ac = null;
    }
    if (mx === null || ac === null) return { replaced };
    this.gap.set(tr, formula(`=ROUND(${mx}-${ac},2)`));
    this.pct.set(
      tr,
      formula(
        this.hundred ? `=IF(${mx}=0,"",ROUND(${ac}/${mx}*100,2))` : `=IF(${mx}=0,"",ROUND(${ac}/${mx},4))`,
      ),
    );
    return { replaced };
  }
}

/** Whether a cell holds the add-in's recomputed-total label (either language). */
function isLabel(v: unknown): boolean {
  return typeof v === "string" && (v.startsWith(RECOMPUTED_LABEL.vi) || v.startsWith(RECOMPUTED_LABEL.en));
}

/**
 * Step 5b: beside a kept stated total, the recomputed figure in a cell the add-in owns (the first free
 * cell right of the table on the total row); once the total is replaced, an earlier label is removed.
 */
function labelOps(sheet: SheetSnapshot, a: Analysis, p: Placement, replaced: boolean, lang: Lang): Op[] {
  const tr = a.total.row;
  if (tr === null || a.total.parts.length === 0) return [];
  let col = a.table.right + 1;
  while (cellAt(sheet, tr, col) !== null && !isLabel(cellAt(sheet, tr, col))) col++;
  const at = p.shift.forward(col);
  if (replaced) {
    if (!isLabel(cellAt(sheet, tr, col))) return [];
    return [{ op: "setCells", sheet: sheet.name, top: tr, left: at, cells: [[{ kind: "blank" }]] }];
  }
  const label = recomputedLabel(a.total.achieved, a.total.max, lang);
  return [{ op: "setCells", sheet: sheet.name, top: tr, left: at, cells: [[text(label)]] }];
}

/** One column of writes from top to bottom, null where nothing is written. */
function columnOp(sheet: string, top: number, col: number, cells: RowCells, bottom: number): Op {
  const block: (CellInput | null)[][] = [];
  for (let r = top; r <= bottom; r++) block.push([cells.get(r) ?? null]);
  return { op: "setCells", sheet, top, left: col, cells: block };
}

/** Step 5: the writes: gap and percent as one two-column block when adjacent, then the total row. */
function writeOps(sheetName: string, a: Analysis, p: Placement, f: Formulas): Op[] {
  const t = a.table;
  const ops: Op[] = [];
  const top = Math.min(t.headerRow, t.firstRow);
  const bottom = t.lastRow;
  if (p.gapCol + 1 === p.pctCol) {
    const block: (CellInput | null)[][] = [];
    for (let r = top; r <= bottom; r++) block.push([f.gap.get(r) ?? null, f.pct.get(r) ?? null]);
    ops.push({ op: "setCells", sheet: sheetName, top, left: p.gapCol, cells: block });
  } else {
    ops.push(columnOp(sheetName, top, p.gapCol, f.gap, bottom));
    ops.push(columnOp(sheetName, top, p.pctCol, f.pct, bottom));
  }
  if (a.total.row !== null) {
    for (const [c, v] of f.total)
      ops.push({ op: "setCells", sheet: sheetName, top: a.total.row, left: c, cells: [[v]] });
  }
  return ops;
}

const SCORE_ROLES = ["max", "achieved"] as const;

/** The format every score the add-in writes falls back to: two decimals (decimal comma by Excel's locale). */
export const SCORE_FORMAT = "0.00";

/**
 * Whether a number format shows a plain number with exactly two decimals ("0.00", "#,##0.00",
 * "0.00;[Red]-0.00", "0.00_);(0.00)"): no percent, text, date or time, and no other decimals.
 */
export function isTwoDecimalFormat(fmt: string): boolean {
  const bare = fmt
    .replace(/\[[^\]]*\]/g, "") // [Red], [$-42A]
    .replace(/"[^"]*"/g, "") // quoted text
    .replace(/[_\\*]./g, ""); // _) padding, \x literal, *x fill
  if (!/^[#0,.;\-()+\s]*$/.test(bare)) return false;
  const sections = bare.split(";").filter((x) => /[#0]/.test(x));
  return sections.length > 0 && sections.every((x) => /[#0]\.00(?![#0])/.test(x));
}

/**
 * The table's own score format: the two-decimal format most used on its max and achieved cells that hold
 * numbers (so written totals and gaps look like the table's scores), else SCORE_FORMAT (General cells and
 * text numbers "84,87" have none to follow).
 */
export function scoreFormatOf(sheet: SheetSnapshot, a: Analysis): string {
  const counts = new Map<string, number>();
  // Whether each format met is a two-decimal one: read once per format, not per cell.
  const twoDecimal = new Map<string, boolean>();
  for (let i = 0; i < a.rows.length; i++)
    for (let k = 0; k < SCORE_ROLES.length; k++) {
      const r = a.rows[i];
      const role = SCORE_ROLES[k];
      const p = r.stated[role];
      if (p.kind !== "number" || p.style !== "number") continue;
      const col = role === "achieved" && r.achievedCol !== undefined ? r.achievedCol : a.table.columns[role];
      if (col === undefined) continue;
      const fmt = formatAt(sheet, sheet.numberFormats, r.row, col);
      if (!fmt) continue;
      let two = twoDecimal.get(fmt);
      if (two === undefined) twoDecimal.set(fmt, (two = isTwoDecimalFormat(fmt)));
      if (two) counts.set(fmt, (counts.get(fmt) ?? 0) + 1);
    }
  let best = SCORE_FORMAT;
  let most = 0;
  for (const [fmt, n] of counts)
    if (n > most) {
      best = fmt;
      most = n;
    }
  return best;
}

/**
 * Step 6: number formats of the cells written: the gap column and the total row's recomputed max and
 * achieved in the table's score format, percent as the panel shows it; header style and width of inserted
 * columns.
 */
function styleOps(
  sheet: SheetSnapshot,
  a: Analysis,
  p: Placement,
  f: Formulas,
  headerRows: number[],
  hundred: boolean,
): Op[] {
  const ops: Op[] = [];
  const gapRuns = f.gap.runs(p.gapCol, headerRows);
  const score = scoreFormatOf(sheet, a);
  if (gapRuns.length) {
    ops.push({ op: "setStyle", sheet: sheet.name, ranges: gapRuns, style: { numberFormat: score } });
    ops.push({
      op: "setStyle",
      sheet: sheet.name,
      ranges: f.pct.runs(p.pctCol, headerRows),
      style: { numberFormat: hundred ? SCORE_FORMAT : "0.00%" },
    });
  }
  const tr = a.total.row;
  if (tr !== null && f.total.size) {
    // the recomputed total (formulas over the domains): not General, which would show 85 beside 84,87
    ops.push({
      op: "setStyle",
      sheet: sheet.name,
      ranges: [...f.total.keys()].sort((x, y) => x - y).map((c) => ({ top: tr, left: c, rows: 1, cols: 1 })),
      style: { numberFormat: score },
    });
  }
  if (p.missing.length) {
    const cols = p.missing.map((m) => (m === "gap" ? p.gapCol : p.pctCol));
    ops.push({
      op: "setStyle",
      sheet: sheet.name,
      ranges: headerRows.flatMap((hr) => cols.map((c) => ({ top: hr, left: c, rows: 1, cols: 1 }))),
      style: addedHeaderStyle(sheet, a.table),
    });
    for (const c of cols)
      ops.push({ op: "setColumnWidth", sheet: sheet.name, col: c, width: NEW_COLUMN_WIDTH });
  }
  return ops;
}

/**
 * recalc: gap and percent cells become live formulas over the row's own max and achieved cells;
 * the total row becomes formulas over the domain rows. Missing gap/percent columns are inserted
 * after the achieved column (whole sheet columns, or table columns in an Excel table).
 */
export function planRecalc(sheet: SheetSnapshot, a: Analysis, opts: PlanOptions = {}): RecalcPlan {
  const t = a.table;
  const lang = opts.lang ?? t.lang;
  const placement = placeColumns(t);
  const ops = insertOps(sheet.name, t, placement);
  const hundred = percentInHundreds(sheet, a);
  const f = new Formulas(a, placement.shift, hundred);
  f.criterionRows();
  const formulaRows = f.gap.size;
  const { replaced } = f.totalRow(opts.replaceTotal === true);
  // Headers of inserted columns, on the header row and on any header repeated mid-table.
  const headerRows = headerRowsOf(a);
  for (const m of placement.missing) {
    const cells = m === "gap" ? f.gap : f.pct;
    for (const hr of headerRows) cells.set(hr, text(HEADERS[m][lang]));
  }
  ops.push(...writeOps(sheet.name, a, placement, f));
  ops.push(...labelOps(sheet, a, placement, replaced, lang));
  ops.push(...styleOps(sheet, a, placement, f, headerRows, hundred));
  return {
    changeSet: {
      command: "recalc",
      ops,
      counts: {
        rows: formulaRows,
        insertedColumns: placement.missing.length,
        totalReplaced: replaced ? 1 : 0,
      },
    },
    layout: placement.layout,
    shift: placement.shift,
  };
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
