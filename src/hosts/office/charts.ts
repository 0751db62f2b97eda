/**
 * The criteria sheet's floating charts, read in the read's main request: `worksheet.charts` (ExcelApi 1.1:
 * name, left, top, width, height in points from the sheet's origin / the top of row 1), placed on cells
 * with the widths of the first HIDDEN_PROBE_COLS columns (ColumnProperties, loaded with their hidden flags)
 * and the heights of the first CHART_ROWS rows (Range.getRowProperties, ExcelApi 1.9). A chart reaching past
 * what was loaded gets no `cells`: core then names it in a warning instead of guessing a move.
 */
import type { ChartInfo, Rect } from "../../core/types";
import { parseAddress } from "./convert";

/** Rows from 1 whose heights the read loads to place charts (a PAR table fits; a chart below is not placed). */
export const CHART_ROWS = 300;
export const CHART_LOAD = "items/name, items/left, items/top, items/width, items/height";
const ROW_PROPERTIES: Excel.RowPropertiesLoadOptions = { rowHidden: true, format: { rowHeight: true } };

/** How far from an edge (points) a chart's side still counts as on it: Excel positions in whole pixels. */
const EDGE = 0.1;

export interface ChartLoad {
  charts: Excel.ChartCollection;
  rows: OfficeExtension.ClientResult<Excel.RowProperties[]>;
}

/** Queues the charts of `sheet` and the heights of its first CHART_ROWS rows. */
export function queueCharts(sheet: Excel.Worksheet): ChartLoad {
  const charts = sheet.charts;
  charts.load(CHART_LOAD);
  const rows = sheet.getRange(`1:${CHART_ROWS}`).getRowProperties(ROW_PROPERTIES);
  return { charts, rows };
}

/**
 * The loaded charts with their cells where every edge falls inside the loaded columns and rows. `columns`:
 * properties of columns A… in order (address, columnHidden, format.columnWidth): a hidden column takes no room.
 */
export function chartsOf(load: ChartLoad, columns: readonly Excel.ColumnProperties[]): ChartInfo[] {
  const widths: number[] = [];
  for (const c of columns) {
    const at = c.address ? parseAddress(c.address)?.left : undefined;
    const w = c.format?.columnWidth;
    // Sizes only from a column at its place (the probe starts at A); otherwise stop: what follows is unknown.
    if (at !== widths.length || typeof w !== "number") break;
    widths.push(c.columnHidden ? 0 : w);
  }
  const heights: number[] = [];
  for (const r of load.rows.value) {
    const h = r.format?.rowHeight;
    if (typeof h !== "number") break;
    heights.push(r.rowHidden ? 0 : h);
  }
  return load.charts.items.map((c) => {
    const info: ChartInfo = { name: c.name, left: c.left, top: c.top, width: c.width, height: c.height };
    const cells = cellsUnder(c, widths, heights);
    if (cells) info.cells = cells;
    return info;
  });
}

/** The cells a box (points) covers, given the sizes of the first columns and rows; undefined past them. */
export function cellsUnder(
  box: { left: number; top: number; width: number; height: number },
  widths: readonly number[],
  heights: readonly number[],
): Rect | undefined {
  const cols = span(box.left, box.left + box.width, widths);
  const rows = span(box.top, box.top + box.height, heights);
  return cols && rows
    ? { top: rows[0], left: cols[0], rows: rows[1] - rows[0] + 1, cols: cols[1] - cols[0] + 1 }
    : undefined;
}

/** The first and last index of the sizes `from`..`to` (points) covers, or null when it reaches past them. */
function span(from: number, to: number, sizes: readonly number[]): [number, number] | null {
  if (!(from >= 0) || !(to >= from)) return null;
  let first = -1;
  let last = -1;
  let edge = 0;
  for (let i = 0; i < sizes.length; i++) {
    const start = edge;
    edge += sizes[i];
    if (sizes[i] <= 0) continue;
    if (first < 0 && from < edge - EDGE) first = i;
    if (first >= 0 && start < to - EDGE) last = i;
    if (to <= edge + EDGE && first >= 0) return [first, Math.max(first, last)];
  }
  return null;
}
