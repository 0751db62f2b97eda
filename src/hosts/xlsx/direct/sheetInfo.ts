/**
 * What a worksheet says around its cells, read from a SheetPart's sections with the semantics of the
 * ExcelJS reader (read.ts, sheetExtras.ts): column widths and hidden columns, protection, frozen panes,
 * merged ranges, list validations and conditional formats of the formula kind.
 */
import type { ConditionalRule, ListValidation } from "../../../core/types";
import { parseRectAddress } from "../../../core/address";
import { attrs, decodeXml } from "../xml";
import { cellsToRects, sqrefRects } from "../rects";
import { sectionOf, sectionsOf } from "./sections";
import type { SheetPart } from "./sheetPart";
import type { StylesPart } from "./styles";
import { DirectUnsupported } from "./unsupported";

/** ExcelJS's width for a column defined without one. */
const EXCELJS_UNSET_WIDTH = 9;
const parseBoolean = (v: string | undefined) => v === "true" || v === "1";

export interface ColumnInfo {
  widths: Record<number, number>;
  hidden: number[];
  /** Style index by 0-based column, where a `<col>` gives one. */
  styles: Map<number, number>;
}

/** Columns as ExcelJS's Column.fromModel lays them out: sorted by min, each index given once. */
export function columnsOf(p: SheetPart): ColumnInfo {
  const out: ColumnInfo = { widths: {}, hidden: [], styles: new Map() };
  const cols = sectionOf(p, "cols");
  if (!cols) return out;
  const defs = [...cols.xml.matchAll(/<col\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return {
      min: parseInt(a.min || "0", 10),
      max: parseInt(a.max || "0", 10),
      width: a.width === undefined ? undefined : parseFloat(a.width || "0"),
      style: a.style ? parseInt(a.style, 10) : undefined,
      hidden: parseBoolean(a.hidden),
    };
  });
  defs.sort((a, b) => a.min - b.min);
  let count = 1;
  for (const d of defs) {
    while (count < d.min) count++;
    for (; count <= d.max; count++) {
      const i = count - 1;
      out.widths[i] = d.width !== undefined ? d.width : EXCELJS_UNSET_WIDTH;
      if (d.hidden) out.hidden.push(i);
      if (d.style) out.styles.set(i, d.style);
    }
  }
  return out;
}

/** `<sheetProtection sheet="1">`. */
export function isProtected(p: SheetPart): boolean {
  const s = sectionOf(p, "sheetProtection");
  return !!s && attrs(s.xml.slice(0, s.xml.indexOf(">") + 1)).sheet === "1";
}

/** The first sheet view's frozen panes (a pane in state frozen or frozenSplit), else 0 and 0. */
export function frozenOf(p: SheetPart): { rows: number; cols: number } {
  const views = sectionOf(p, "sheetViews");
  const first = views && /<sheetView\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetView>)/.exec(views.xml);
  const pane = first?.[1] && /<pane\b[^>]*>/.exec(first[1]);
  if (!pane) return { rows: 0, cols: 0 };
  const a = attrs(pane[0]);
  if (a.state !== "frozen" && a.state !== "frozenSplit") return { rows: 0, cols: 0 };
  return { rows: parseInt(a.ySplit || "0", 10), cols: parseInt(a.xSplit || "0", 10) };
}

/** Merged ranges (0-based, inclusive). */
export function mergesOf(p: SheetPart): { top: number; left: number; bottom: number; right: number }[] {
  const s = sectionOf(p, "mergeCells");
  if (!s) return [];
  const out = [];
  for (const m of s.xml.matchAll(/<mergeCell\b[^>]*>/g)) {
    const r = parseRectAddress((attrs(m[0]).ref ?? "").replace(/\$/g, ""));
    if (r) out.push({ top: r.top, left: r.left, bottom: r.top + r.rows - 1, right: r.left + r.cols - 1 });
  }
  return out;
}

/** The sheet's conditional formats of the expression kind, in order, with their dxf's colours. */
export function rulesOf(p: SheetPart, styles: StylesPart): ConditionalRule[] {
  // Excel 2010 conditional formats (x14, in extLst) are not read: ExcelJS merges them into the sheet's but
  // keeps no formula of theirs, so they never add a rule of the formula kind (readExcel.test.ts).
  const out: ConditionalRule[] = [];
  for (const cf of sectionsOf(p, "conditionalFormatting")) {
    const ranges = sqrefRects(attrs(cf.xml.slice(0, cf.xml.indexOf(">") + 1)).sqref ?? "");
    if (!ranges.length) continue;
    for (const m of cf.xml.matchAll(/<cfRule\b([^>]*?)(?:\/>|>([\s\S]*?)<\/cfRule>)/g)) {
      const a = attrs(m[1]);
      if (a.type !== "expression") continue;
      const f = /<formula>([\s\S]*?)<\/formula>/.exec(m[2] ?? "");
      if (!f) continue;
      const style = a.dxfId !== undefined ? styles.dxfFormat(parseInt(a.dxfId, 10)) : {};
      out.push({
        ranges,
        formula: `=${decodeXml(f[1]).replace(/^=/, "")}`,
        ...(style.fill ? { fill: style.fill } : {}),
        ...(style.fontColor ? { fontColor: style.fontColor } : {}),
      });
    }
  }
  return out;
}

/** Column letters and row of "B5" (0-based), as ExcelJS keys a validation's cells. */
function cellOf(address: string): [number, number] | null {
  const r = parseRectAddress(address);
  return r ? [r.top, r.left] : null;
}

/**
 * List validations with a literal list. As in ExcelJS, every rule's cells go into one map (a later rule
 * takes a cell from an earlier one); each rule's cells become rectangles.
 */
export function validationsOf(p: SheetPart): ListValidation[] {
  const s = sectionOf(p, "dataValidations");
  if (!s) return [];
  const owner = new Map<number, number>();
  const rules: { list: string[] | null }[] = [];
  for (const m of s.xml.matchAll(/<dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g)) {
    const a = attrs(m[1]);
    const f1 = /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2] ?? "");
    const id = rules.length;
    rules.push({ list: a.type === "list" && f1 ? literal(decodeXml(f1[1])) : null });
    for (const addr of (a.sqref ?? "").split(/\s+/g)) {
      if (addr.includes(":")) {
        const r = parseRectAddress(addr);
        if (!r) continue;
        if (r.rows * r.cols > 2_000_000) throw new DirectUnsupported("a validation over too many cells");
        for (let c = r.left; c < r.left + r.cols; c++)
          for (let row = r.top; row < r.top + r.rows; row++) owner.set(row * 16384 + c, id);
      } else {
        const cell = cellOf(addr);
        if (cell) owner.set(cell[0] * 16384 + cell[1], id);
      }
    }
  }
  const cells = new Map<number, [number, number][]>();
  for (const [key, id] of owner) {
    if (!rules[id].list) continue;
    const list = cells.get(id) ?? [];
    list.push([Math.floor(key / 16384), key % 16384]);
    cells.set(id, list);
  }
  const out: ListValidation[] = [];
  for (const [id, list] of cells)
    for (const rect of cellsToRects(list)) out.push({ rect, list: [...rules[id].list!] });
  return out.sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
}

function literal(f: string): string[] | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(f.trim());
  return m ? m[1].replace(/""/g, '"').split(",") : null;
}
