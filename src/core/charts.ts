/**
 * Floating charts over the columns a command takes: assign writes its columns into empty ones right of the
 * table when they are free, and a chart floating there would hide what it wrote. The xlsx host moves such a
 * drawing in its carry-over (hosts/xlsx/anchors.ts, `taken`); a host that reads charts (Office) gets the same
 * rule as ops of the change set, with their undo: `chartMoves`. Pure.
 */
import type { Op, SheetSnapshot } from "./types";
import { charsToPoints, DEFAULT_COLUMN_WIDTH } from "./units";

/**
 * The moveChart ops that put every chart of `sheet` (as read, with its cells) covering columns `ops` take
 * right of them, keeping its offset in its first column: a column is taken when `ops` set its width without
 * inserting it, and the rows taken are those `ops` write there (`takenRows`, which anchors.ts's
 * columnEditsOf shares). Charts without known cells are left alone.
 */
export function chartMoves(sheet: SheetSnapshot, ops: readonly Op[]): Op[] {
  const t = takenBy(sheet, ops);
  if (!t || !sheet.charts?.length) return [];
  const { at, end, top, bottom, widths } = t;
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const out: Op[] = [];
  for (const c of sheet.charts) {
    const r = c.cells;
    if (!r || r.left >= end || r.left + r.cols <= at || r.top > bottom || r.top + r.rows <= top) continue;
    let dx = 0;
    for (let col = r.left; col < end; col++)
      // A taken column shows once written; another hidden one takes no room.
      if (col >= at || !hidden.has(col)) dx += charsToPoints(widths[col] ?? DEFAULT_COLUMN_WIDTH);
    out.push({
      op: "moveChart",
      sheet: sheet.name,
      name: c.name,
      left: c.left + dx,
      cells: { ...r, left: end },
    });
  }
  return out;
}

/**
 * The names of the charts of `sheet` whose cells the host could not map, when `ops` take columns: they may
 * float over what is written and are not moved, so the command says so (`chartNote`) instead of guessing.
 */
export function unplacedCharts(sheet: SheetSnapshot, ops: readonly Op[]): string[] {
  if (!sheet.charts?.some((c) => !c.cells) || !takenBy(sheet, ops)) return [];
  return sheet.charts.filter((c) => !c.cells).map((c) => c.name);
}

/** The warning for charts `unplacedCharts` found, bilingual (Vietnamese first). */
export function chartNote(names: readonly string[]): { vi: string; en: string } {
  const list = names.map((n) => `«${n}»`).join(", ");
  return {
    vi: `Không xác định được vị trí biểu đồ ${list} nên chưa dời nó: nếu biểu đồ che các cột vừa điền, hãy kéo nó sang bên phải.`,
    en: `Could not tell where the chart ${list} sits, so it was not moved: if it covers the columns just filled, drag it to the right.`,
  };
}

/**
 * The rows (inclusive) that `ops`' setCells write into column `col` of `sheet`, or null when none: a column
 * whose width `ops` set without inserting it is taken (assign's columns written into empty ones) when
 * something is written there. The rule the chart moves here and the xlsx carry-over (anchors.ts) share.
 */
export function takenRows(
  ops: readonly Op[],
  sheet: string,
  col: number,
): { top: number; bottom: number } | null {
  let top = Infinity;
  let bottom = -1;
  for (const w of ops)
    if (
      w.op === "setCells" &&
      w.sheet === sheet &&
      w.left <= col &&
      w.left + (w.cells[0]?.length ?? 0) > col
    ) {
      top = Math.min(top, w.top);
      bottom = Math.max(bottom, w.top + w.cells.length - 1);
    }
  return top === Infinity ? null : { top, bottom };
}

/**
 * The columns `ops` take on `sheet` (a column is taken when `ops` set its width without inserting it, and
 * some setCells writes into it), the rows written there, and the column widths after `ops`; null for none.
 */
function takenBy(
  sheet: SheetSnapshot,
  ops: readonly Op[],
): { at: number; end: number; top: number; bottom: number; widths: Record<number, number> } | null {
  if (ops.some((o) => o.op === "insertColumns" && o.sheet === sheet.name)) return null;
  const widths: Record<number, number> = { ...(sheet.columnWidths ?? {}) };
  const taken: number[] = [];
  let top = Infinity;
  let bottom = -1;
  for (const o of ops) {
    if (o.op !== "setColumnWidth" || o.sheet !== sheet.name) continue;
    widths[o.col] = o.width;
    const rows = takenRows(ops, sheet.name, o.col);
    if (!rows) continue;
    taken.push(o.col);
    top = Math.min(top, rows.top);
    bottom = Math.max(bottom, rows.bottom);
  }
  if (!taken.length) return null;
  return { at: Math.min(...taken), end: Math.max(...taken) + 1, top, bottom, widths };
}
