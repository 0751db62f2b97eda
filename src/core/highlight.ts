/**
 * highlight and clear-highlight, planned as change sets: fills of unmet criteria rows by status (the palette),
 * and the small legend under the table. Nothing here executes anything.
 */
import type { CellInput, ChangeSet, Op, Rect, SheetSnapshot } from "./types";
import type { Analysis, Status } from "./analyze";
import type { Lang } from "./messages";
import { cellAt, formatAt, type TableLayout } from "./table";
import { cellText } from "./text";
import { ColumnShift } from "./columns";
import { rectRuns, rowRuns, type Span } from "./rects";

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

/** highlight: fills unmet criteria rows by status and writes a small legend under the table. */
export function planHighlight(sheet: SheetSnapshot, a: Analysis, opts: HighlightOptions = {}): ChangeSet {
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
  ops.push(...legendOps(sheet.name, legendPlace(sheet, t, shift), lang));
  return { command: "highlight", ops, counts: { highlighted } };
}

/**
 * clear-highlight: the add-in's fills go; each cell gets back the fill it had in `before` (the snapshot
 * the highlight was planned from, when the host kept it), otherwise no fill. The legend is removed.
 */
export function planClearHighlight(sheet: SheetSnapshot, a: Analysis, before?: SheetSnapshot): ChangeSet {
  const t = a.table;
  const byColor = new Map<string | null, Span[]>();
  let cleared = 0;
  for (let row = t.headerRow; row <= t.lastRow; row++) {
    for (let c = t.left; c <= t.right; c++) {
      if (!isAddinFill(formatAt(sheet, sheet.fills, row, c))) continue;
      const prev = before ? (formatAt(before, before.fills, row, c) ?? null) : null;
      const restore = isAddinFill(prev) ? null : prev;
      const list = byColor.get(restore) ?? [];
      list.push({ row, left: c, cols: 1 });
      byColor.set(restore, list);
      cleared++;
    }
  }
  const ops: Op[] = [...byColor].map(
    ([fill, spans]) =>
      ({ op: "setStyle", sheet: sheet.name, ranges: rectRuns(spans), style: { fill } }) as Op,
  );
  for (let r = 0; r < sheet.values.length; r++) {
    const c = sheet.values[r].findIndex((v) => typeof v === "string" && LEGEND_TITLES.has(v));
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
