/**
 * highlight and clear-highlight, planned as change sets: live conditional-formatting rules that colour the
 * criteria rows by status (the palette) from the row's own cells, so an edit re-colours at once, and the
 * small legend under the table. The user's fills and rules are never touched; "clear" removes the add-in's
 * rules (core/conditional.ts marks them) and the fills of earlier releases. Nothing here executes anything.
 */
import type { CellInput, ChangeSet, ConditionalRule, Op, Rect, SheetSnapshot } from "./types";
import type { Analysis, Status } from "./analyze";
import type { Lang } from "./messages";
import { cellAt, formatAt, type TableLayout } from "./table";
import { cellText } from "./text";
import { ColumnShift } from "./columns";
import { rectRuns, rowRuns, type Span } from "./rects";
import { addinFormula, isAddinRule, shownFills } from "./conditional";
import { sameRule, shiftExtrasColumns } from "./modelExtras";
import { columnLetter } from "./address";
import type { CriterionRow } from "./analyze";
import type { NumberStyle, ParsedNumber } from "./numbers";

/** Fills the add-in uses, by status (Excel's own "bad" and "neutral" tones, and a grey). */
export const PALETTE: Record<Exclude<Status, "met">, string> = {
  zero: "#FFC7CE",
  partial: "#FFEB9C",
  unscored: "#D9D9D9",
};
const PALETTE_FILLS = new Set(Object.values(PALETTE));
/** Whether a fill is one of the add-in's (so clear-highlight may remove it). */
export const isAddinFill = (fill: string | null | undefined) =>
  !!fill && PALETTE_FILLS.has(fill.toUpperCase());

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
/** Their lengths: a cell of another length is ruled out without hashing its text (every cell is asked). */
const LEGEND_LENGTHS = new Set([...LEGEND_TITLES].map((t) => t.length));
const isLegendTitle = (v: unknown) =>
  typeof v === "string" && LEGEND_LENGTHS.has(v.length) && LEGEND_TITLES.has(v);
const LEGEND_ROWS = 4;

const text = (t: string): CellInput => ({ kind: "text", text: t });
const BLANK: CellInput = { kind: "blank" };

export interface HighlightOptions {
  lang?: Lang;
  /** The table's layout after earlier ops of the same change set (recalc's inserted columns). */
  layout?: TableLayout;
  /** The column inserts those earlier ops made. */
  shift?: ColumnShift;
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
      if (isLegendTitle(v)) return { top: sheet.top + r, left: shift.forward(sheet.left + c) };
    }
  }
  const left = t.left;
  // A cell the user formatted, gave a list or put in a table is theirs even when it holds nothing.
  const taken = (row: number, col: number) => {
    const c = shift.back(col);
    if (c === null) return false;
    const f = <T>(grid: readonly (readonly T[])[] | undefined) => formatAt(sheet, grid, row, c);
    const fmt = f(sheet.numberFormats);
    const inside = (r: Rect) => row >= r.top && row < r.top + r.rows && c >= r.left && c < r.left + r.cols;
    return (
      !!f(sheet.fills) ||
      !!f(sheet.bold) ||
      !!f(sheet.fontColors) ||
      (!!fmt && fmt !== "General") ||
      (sheet.validations ?? []).some((v) => inside(v.rect)) ||
      (sheet.tables ?? []).some((x) => inside(x.rect)) ||
      (sheet.conditionalFormats ?? []).some((x) => x.ranges.some(inside))
    );
  };
  for (let top = t.lastRow + 2; ; top++) {
    let free = true;
    for (let r = top - 1; r < top + LEGEND_ROWS && free; r++)
      for (let c = left; c < left + 2 && free; c++)
        if (cellText(valueAt(r, c)) !== "" || (r >= top && taken(r, c))) free = false;
    if (free) return { top, left };
  }
}

/** The legend's cells and styles at `place`. */
function legendOps(sheetName: string, place: { top: number; left: number }, lang: Lang): Op[] {
  const L = LEGEND[lang];
  const ops: Op[] = [
    {
      op: "setCells",
      sheet: sheetName,
      top: place.top,
      left: place.left,
      cells: [
        [text(L.title), BLANK],
        [BLANK, text(L.zero)],
        [BLANK, text(L.partial)],
        [BLANK, text(L.unscored)],
      ],
    },
    {
      op: "setStyle",
      sheet: sheetName,
      ranges: [{ top: place.top, left: place.left, rows: 1, cols: 1 }],
      style: { bold: true },
    },
  ];
  (["zero", "partial", "unscored"] as const).forEach((s, k) =>
    ops.push({
      op: "setStyle",
      sheet: sheetName,
      ranges: [{ top: place.top + 1 + k, left: place.left, rows: 1, cols: 1 }],
      style: { fill: PALETTE[s] },
    }),
  );
  return ops;
}

/** How a row's rules read its status: from gap and percent cells, from max and achieved cells, or not at all. */
type Tie =
  | { kind: "gp"; gap: string; pct: string }
  | { kind: "ma"; max: string; ach: string; maxStyle: NumberStyle; achStyle: NumberStyle }
  | { kind: "static" };

const STATIC_TIE: Tie = { kind: "static" };

/** Whether two rows tie their colours to the same cells read the same way (one rule covers both). */
function sameTie(x: Tie, y: Tie): boolean {
  if (x.kind === "gp") return y.kind === "gp" && x.gap === y.gap && x.pct === y.pct;
  if (x.kind === "ma")
    return (
      y.kind === "ma" &&
      x.max === y.max &&
      x.ach === y.ach &&
      x.maxStyle === y.maxStyle &&
      x.achStyle === y.achStyle
    );
  return y.kind === "static";
}

/** A score cell as a number in a rule, the way the cell is written ("9,50" read with its decimal comma). */
function numberOf(ref: string, style: NumberStyle): string {
  // A number typed later over the text stays a number.
  if (style === "comma") return `IF(ISNUMBER(${ref}),${ref},NUMBERVALUE(${ref},",","."))`;
  if (style === "dot" || style === "integer-text")
    return `IF(ISNUMBER(${ref}),${ref},NUMBERVALUE(${ref},".",","))`;
  return ref;
}

const STATUSES = ["zero", "partial", "unscored"] as const;

/** The condition of each status on one row, from the row's own cells (`n` is the row, 1-based or $-fixed). */
function conditions(tie: Tie, n: string): Record<(typeof STATUSES)[number], string> | null {
  if (tie.kind === "gp") {
    const g = `$${tie.gap}${n}`;
    const p = `$${tie.pct}${n}`;
    return {
      zero: `ISNUMBER(${g}),${g}>0,ISNUMBER(${p}),${p}=0`,
      partial: `ISNUMBER(${g}),${g}>0,ISNUMBER(${p}),${p}>0`,
      unscored: `NOT(ISNUMBER(${g}))`,
    };
  }
  if (tie.kind === "ma") {
    const mc = `$${tie.max}${n}`;
    const ac = `$${tie.ach}${n}`;
    const m = numberOf(mc, tie.maxStyle);
    const a = numberOf(ac, tie.achStyle);
    // NUMBERVALUE("") is 0: a blank cell is tested first.
    const ok = `${mc}<>"",${ac}<>"",ISNUMBER(${m}),ISNUMBER(${a})`;
    return {
      zero: `${ok},${m}>0,${a}=0`,
      partial: `${ok},${a}>0,${a}<${m}`,
      unscored: `NOT(AND(${ok}))`,
    };
  }
  return null;
}

const styleOf = (p: ParsedNumber): NumberStyle | null =>
  p.kind === "number" && !p.percentText ? p.style : null;

/**
 * The live rules of the table: each run of consecutive criterion rows tied the same way gets one rule per
 * status over the table's width, its formula reading the row's gap and percent cells (after recalc) or its
 * max and achieved cells; a criterion with continuation rows gets rules reading its own row; a row whose
 * cells hold text numbers or sums of its children (and no recalc formulas) gets a fixed rule for its status.
 */
export function highlightRules(
  sheet: SheetSnapshot,
  a: Analysis,
  opts: HighlightOptions = {},
): ConditionalRule[] {
  const t = opts.layout ?? a.table;
  const shift = opts.shift ?? new ColumnShift();
  const width = t.right - t.left + 1;
  const { gap, percent, max, achieved } = t.columns;
  const live = (row: number, col: number | undefined) => {
    if (col === undefined) return false;
    const o = shift.back(col);
    if (o === null) return !!opts.layout; // a column recalc inserts in this change set
    const f = formatAt(sheet, sheet.formulas, row, o);
    return !!f || typeof cellAt(sheet, row, o) === "number" || !!opts.layout;
  };
  // The ties rows share, made once (not an object and two column letters per row).
  const gapTie: Tie | null =
    gap !== undefined && percent !== undefined
      ? { kind: "gp", gap: columnLetter(gap), pct: columnLetter(percent) }
      : null;
  const maTies = new Map<NumberStyle, Map<NumberStyle, Tie>>();
  const tieOf = (r: CriterionRow): Tie => {
    if (gapTie && live(r.row, gap) && live(r.row, percent)) return gapTie;
    const maxStyle = styleOf(r.stated.max);
    const achStyle = styleOf(r.stated.achieved);
    if (max !== undefined && achieved !== undefined && !r.derived && maxStyle && achStyle) {
      let byAch = maTies.get(maxStyle);
      if (!byAch) maTies.set(maxStyle, (byAch = new Map()));
      let tie = byAch.get(achStyle);
      if (!tie) {
        tie = { kind: "ma", max: columnLetter(max), ach: columnLetter(achieved), maxStyle, achStyle };
        byAch.set(achStyle, tie);
      }
      return tie;
    }
    return STATIC_TIE;
  };
  const rules: ConditionalRule[] = [];
  const fixed = new Map<string, Rect[]>();
  const rowsOf = (r: CriterionRow) => [r.row, ...r.continuationRows];
  let run: { tie: Tie; top: number; rows: number } | null = null;
  const flush = () => {
    if (!run) return;
    const rect = { top: run.top, left: t.left, rows: run.rows, cols: width };
    const c = conditions(run.tie, String(run.top + 1))!;
    for (const s of STATUSES) rules.push({ ranges: [rect], formula: addinFormula(c[s]), fill: PALETTE[s] });
    run = null;
  };
  for (let i = 0; i < a.rows.length; i++) {
    const r = a.rows[i];
    const tie = tieOf(r);
    if (tie.kind === "static") {
      flush();
      if (r.status !== "met") {
        // Appended in place: copying the list for each row made a table of such rows quadratic.
        const list = fixed.get(r.status);
        if (list) list.push(...rowRuns(rowsOf(r), t.left, width));
        else fixed.set(r.status, rowRuns(rowsOf(r), t.left, width));
      }
      continue;
    }
    if (r.continuationRows.length) {
      flush();
      // Its continuation rows (not always adjacent) read the criterion's own row: an absolute row.
      const ranges = rowRuns(rowsOf(r), t.left, width);
      const c = conditions(tie, `$${r.row + 1}`)!;
      for (const s of STATUSES) rules.push({ ranges, formula: addinFormula(c[s]), fill: PALETTE[s] });
      continue;
    }
    if (run && sameTie(run.tie, tie) && run.top + run.rows === r.row) run.rows++;
    else {
      flush();
      run = { tie, top: r.row, rows: 1 };
    }
  }
  flush();
  for (const s of STATUSES) {
    const ranges = fixed.get(s);
    if (ranges) rules.push({ ranges, formula: addinFormula("1=1"), fill: PALETTE[s] });
  }
  return rules;
}

/** The add-in's rules on the sheet, as the earlier ops of the change set (column inserts) leave them. */
function addinRules(sheet: SheetSnapshot, shift: ColumnShift): ConditionalRule[] {
  const s = { name: sheet.name, conditionalFormats: (sheet.conditionalFormats ?? []).filter(isAddinRule) };
  for (const ins of shift.inserts)
    shiftExtrasColumns({ ...s, frozen: { rows: 0, cols: 0 }, pageSetup: {} }, ins.at, ins.count);
  return s.conditionalFormats;
}

/** Fills earlier releases wrote on the table (fixed palette colours): what highlight and clear remove. */
function legacyFills(sheet: SheetSnapshot, t: TableLayout, shift: ColumnShift, before?: SheetSnapshot): Op[] {
  const byColor = new Map<string | null, Span[]>();
  const fills = sheet.fills;
  if (!fills) return [];
  for (let row = t.headerRow; row <= t.lastRow; row++) {
    // Most rows have no fill at all: their line is passed over without a look per cell.
    const line = fills[row - sheet.top];
    if (!line || line.length === 0) continue;
    for (let c = t.left; c <= t.right; c++) {
      const o = shift.back(c);
      if (o === null || !isAddinFill(line[o - sheet.left])) continue;
      const prev = before ? (formatAt(before, before.fills, row, o) ?? null) : null;
      const restore = isAddinFill(prev) ? null : prev;
      const spans = byColor.get(restore);
      if (spans) spans.push({ row, left: c, cols: 1 });
      else byColor.set(restore, [{ row, left: c, cols: 1 }]);
    }
  }
  return [...byColor].map(
    ([fill, spans]) =>
      ({ op: "setStyle", sheet: sheet.name, ranges: rectRuns(spans), style: { fill } }) as Op,
  );
}

/**
 * highlight: the table's rows coloured by status through live conditional formats (replacing the add-in's
 * earlier rules, leaving the user's), and a small legend under the table. Twice = once.
 */
export function planHighlight(sheet: SheetSnapshot, a: Analysis, opts: HighlightOptions = {}): ChangeSet {
  const t = opts.layout ?? a.table;
  const shift = opts.shift ?? new ColumnShift();
  const lang = opts.lang ?? a.table.lang;
  const rules = highlightRules(sheet, a, opts);
  const old = addinRules(sheet, shift);
  const same =
    old.length === rules.length && old.every((r, i) => sameRule(r, rules[i]) && r.fill === rules[i].fill);
  const ops: Op[] = legacyFills(sheet, t, shift);
  if (!same) {
    if (old.length) ops.push({ op: "removeConditionalFormats", sheet: sheet.name, rules: old });
    if (rules.length) ops.push({ op: "addConditionalFormats", sheet: sheet.name, rules });
  }
  ops.push(...legendOps(sheet.name, legendPlace(sheet, t, shift), lang));
  const highlighted = a.rows.filter((r) => r.status !== "met").length;
  return { command: "highlight", ops, counts: { highlighted, rules: rules.length } };
}

/**
 * clear-highlight: the add-in's rules go, and the fills of earlier releases (each cell gets back the fill it
 * had in `before`, the snapshot the highlight was planned from, when the host kept it, otherwise none).
 * The user's own fills and rules stay. The legend is removed.
 */
export function planClearHighlight(sheet: SheetSnapshot, a: Analysis, before?: SheetSnapshot): ChangeSet {
  const t = a.table;
  const rules = (sheet.conditionalFormats ?? []).filter(isAddinRule);
  const ops: Op[] = legacyFills(sheet, t, new ColumnShift(), before);
  let cleared = 0;
  for (const op of ops) if (op.op === "setStyle") for (const r of op.ranges) cleared += r.rows * r.cols;
  if (rules.length) {
    ops.push({ op: "removeConditionalFormats", sheet: sheet.name, rules });
    // The cells the rules colour now: what the user sees lose its colour.
    const shown = shownFills({ ...sheet, fills: undefined, conditionalFormats: rules });
    for (const row of shown) for (const f of row) if (f) cleared++;
  }
  for (let r = 0; r < sheet.values.length; r++) {
    const c = sheet.values[r].findIndex(isLegendTitle);
    if (c === -1) continue;
    const top = sheet.top + r;
    const left = sheet.left + c;
    const legend: Rect = { top, left, rows: LEGEND_ROWS, cols: 2 };
    ops.push({
      op: "setCells",
      sheet: sheet.name,
      top,
      left,
      cells: Array.from({ length: LEGEND_ROWS }, () => [BLANK, BLANK]),
    });
    ops.push({ op: "setStyle", sheet: sheet.name, ranges: [legend], style: { fill: null, bold: false } });
  }
  return { command: "clear-highlight", ops, counts: { cleared } };
}
