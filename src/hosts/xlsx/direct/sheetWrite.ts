/**
 * A worksheet's elements around its cells, written directly (sections.ts puts each in the schema's order):
 * column widths (<cols>), list validations (<dataValidations>), conditional formats, frozen panes
 * (<sheetViews>) and print setup (<pageSetup>, <sheetPr><pageSetUpPr>), with the semantics of the ExcelJS
 * writer (apply.ts, sheetExtras.ts). Elements an op does not touch stay as they were written.
 */
import type { ConditionalRule, PageSetup, Rect } from "../../../core/types";
import { rectAddress } from "../../../core/address";
import { sameRule } from "../../../core/modelExtras";
import { attrs, decodeXml, encodeXml } from "../xml";
import { cellsToRects, parseRange, sameRect } from "../rects";
import type { DirectBook, Sheet } from "./book";
import { sectionOf, sectionsOf, setSection } from "./sections";

const DEFAULT_WIDTH = 8.43;

// ---- columns ----

interface ColSpan {
  min: number;
  max: number;
  attrs: Map<string, string>;
}

const attrMap = (tag: string) => new Map(Object.entries(attrs(tag)));
const attrText = (m: Map<string, string>) => [...m].map(([k, v]) => ` ${k}="${encodeXml(v)}"`).join("");

/** The sheet's <cols> as spans of columns (1-based, as written), changed in place and written back. */
export class Cols {
  changed = false;
  constructor(readonly spans: ColSpan[]) {}

  private find(col: number): ColSpan | undefined {
    return this.spans.find((s) => s.min <= col + 1 && col + 1 <= s.max);
  }

  styleOf(col: number): number {
    return Number(this.find(col)?.attrs.get("style") ?? 0) || 0;
  }

  widthOf(col: number): number | undefined {
    const w = this.find(col)?.attrs.get("width");
    return w === undefined ? undefined : Number(w);
  }

  /** The span of exactly this column (split off the span it was in, or made). */
  private own(col: number): ColSpan {
    const n = col + 1;
    const s = this.find(col);
    if (!s) {
      const made: ColSpan = { min: n, max: n, attrs: new Map() };
      const i = this.spans.findIndex((x) => x.min > n);
      this.spans.splice(i < 0 ? this.spans.length : i, 0, made);
      return made;
    }
    if (s.min === n && s.max === n) return s;
    const i = this.spans.indexOf(s);
    const parts: ColSpan[] = [];
    if (s.min < n) parts.push({ min: s.min, max: n - 1, attrs: new Map(s.attrs) });
    const mine: ColSpan = { min: n, max: n, attrs: new Map(s.attrs) };
    parts.push(mine);
    if (n < s.max) parts.push({ min: n + 1, max: s.max, attrs: new Map(s.attrs) });
    this.spans.splice(i, 1, ...parts);
    return mine;
  }

  /** apply.ts setColumnWidth: the width (the default one removes it) and shown, or hidden when asked. */
  setWidth(col: number, width: number, hidden: boolean): void {
    const s = this.own(col);
    if (width === DEFAULT_WIDTH) {
      s.attrs.delete("width");
      s.attrs.delete("customWidth");
    } else {
      s.attrs.set("width", String(width));
      s.attrs.set("customWidth", "1");
    }
    if (hidden) s.attrs.set("hidden", "1");
    else s.attrs.delete("hidden");
    if (!s.attrs.size) this.spans.splice(this.spans.indexOf(s), 1);
    this.changed = true;
  }

  /**
   * Whole columns inserted at `at` (count > 0: definitions right of it move, the new columns are plain) or
   * deleted from `at` (count < 0: theirs go, those right of them move left), as columns.ts moveColumnDefs.
   */
  shift(at: number, count: number): void {
    const n = at + 1;
    const next: ColSpan[] = [];
    const keep = (min: number, max: number, attrs: Map<string, string>) => {
      if (max >= min) next.push({ min, max, attrs: new Map(attrs) });
    };
    for (const s of this.spans) {
      if (count > 0) {
        if (s.min >= n) keep(s.min + count, s.max + count, s.attrs);
        else if (s.max >= n) {
          keep(s.min, n - 1, s.attrs);
          keep(n + count, s.max + count, s.attrs);
        } else keep(s.min, s.max, s.attrs);
      } else {
        const end = n - count - 1; // the last deleted column, 1-based
        keep(s.min, Math.min(s.max, n - 1), s.attrs);
        keep(Math.max(s.min, end + 1) + count, s.max + count, s.attrs);
      }
    }
    this.spans.splice(0, this.spans.length, ...next);
    this.changed = true;
  }

  xml(): string {
    if (!this.spans.length) return "";
    return `<cols>${this.spans.map((s) => `<col min="${s.min}" max="${s.max}"${attrText(s.attrs)}/>`).join("")}</cols>`;
  }
}

const COLS = new WeakMap<Sheet, Cols>();

export function colsOf(sheet: Sheet): Cols {
  let c = COLS.get(sheet);
  if (c) return c;
  const sec = sectionOf(sheet.part, "cols");
  const spans: ColSpan[] = [];
  for (const m of (sec?.xml ?? "").matchAll(/<col\b[^>]*>/g)) {
    const a = attrMap(m[0]);
    const min = Number(a.get("min"));
    const max = Number(a.get("max"));
    a.delete("min");
    a.delete("max");
    if (min > 0 && max >= min) spans.push({ min, max, attrs: a });
  }
  spans.sort((a, b) => a.min - b.min);
  COLS.set(sheet, (c = new Cols(spans)));
  return c;
}

/** Writes the sheet's columns back when an op changed them. */
export function flushCols(sheet: Sheet): void {
  const c = COLS.get(sheet);
  if (c?.changed) {
    setSection(sheet.part, "cols", c.xml());
    c.changed = false;
  }
}

// ---- list validations ----

const rectsOf = (sqref: string): Rect[] =>
  sqref
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((a) => {
      const r = parseRange(a.replace(/\$/g, ""));
      return r ? [r] : [];
    });

const cellsOf = (rects: Rect[]): [number, number][] =>
  rects.flatMap((r) => {
    const out: [number, number][] = [];
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) out.push([r.top + i, r.left + j]);
    return out;
  });

const inside = (r: Rect, row: number, col: number) =>
  row >= r.top && row < r.top + r.rows && col >= r.left && col < r.left + r.cols;

/**
 * apply.ts setValidation: a rule on exactly this range is replaced; the cells of a new rule leave the other
 * rules; a null list only removes.
 */
export function setValidation(sheet: Sheet, rect: Rect, list: string[] | null): void {
  const sec = sectionOf(sheet.part, "dataValidations");
  const items: string[] = [];
  for (const m of (sec?.xml ?? "").matchAll(
    /<dataValidation\b((?:[^>"']|"[^"]*"|'[^']*')*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g,
  )) {
    const a = attrMap(m[1]);
    const rects = rectsOf(a.get("sqref") ?? "");
    let kept = rects.filter((r) => !sameRect(r, rect));
    if (
      list &&
      kept.some(
        (r) =>
          r.top < rect.top + rect.rows &&
          rect.top < r.top + r.rows &&
          r.left < rect.left + rect.cols &&
          rect.left < r.left + r.cols,
      )
    )
      kept = cellsToRects(cellsOf(kept).filter(([r, c]) => !inside(rect, r, c)));
    if (kept.length === rects.length && kept.every((r, i) => sameRect(r, rects[i]))) {
      items.push(m[0]);
      continue;
    }
    if (!kept.length) continue;
    a.set("sqref", kept.map(rectAddress).join(" "));
    items.push(
      m[2] === undefined
        ? `<dataValidation${attrText(a)}/>`
        : `<dataValidation${attrText(a)}>${m[2]}</dataValidation>`,
    );
  }
  if (list) {
    const formula = `"${list.map((s) => s.replace(/"/g, '""')).join(",")}"`;
    items.push(
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${rectAddress(rect)}"><formula1>${encodeXml(formula)}</formula1></dataValidation>`,
    );
  }
  const open = sec
    ? attrMap(/^<dataValidations\b([^>]*?)\/?>/.exec(sec.xml)?.[1] ?? "")
    : new Map<string, string>();
  open.set("count", String(items.length));
  setSection(
    sheet.part,
    "dataValidations",
    items.length ? `<dataValidations${attrText(open)}>${items.join("")}</dataValidations>` : "",
  );
}

// ---- conditional formats ----

interface CfBlock {
  ranges: Rect[];
  open: string;
  rules: string[];
}

function cfBlocks(sheet: Sheet): CfBlock[] {
  return sectionsOf(sheet.part, "conditionalFormatting").map((s) => {
    const open = /^<conditionalFormatting\b[^>]*>/.exec(s.xml)![0];
    const rules = [
      ...s.xml.matchAll(/<cfRule\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:\/>|>[\s\S]*?<\/cfRule>)/g),
    ].map((m) => m[0]);
    return { ranges: rectsOf(attrs(open).sqref ?? ""), open, rules };
  });
}

const blockXml = (b: CfBlock) =>
  b.open.endsWith("/>") ? b.open : `${b.open}${b.rules.join("")}</conditionalFormatting>`;

function ruleFormula(rule: string): string | null {
  if (attrs(/^<cfRule\b[^>]*>/.exec(rule)?.[0] ?? "").type !== "expression") return null;
  const f = /<formula>([\s\S]*?)<\/formula>/.exec(rule);
  return f ? decodeXml(f[1]) : null;
}

/** sheetExtras.ts removeRules: the sheet's expression rules equal to one of `rules` are removed. */
export function removeConditionalFormats(sheet: Sheet, rules: readonly ConditionalRule[]): void {
  const blocks = cfBlocks(sheet);
  let changed = false;
  for (const b of blocks) {
    const kept = b.rules.filter((rule) => {
      const f = ruleFormula(rule);
      const gone =
        f !== null && rules.some((x) => sameRule({ ranges: b.ranges, formula: f }, { ...x, id: undefined }));
      if (gone) changed = true;
      return !gone;
    });
    b.rules = kept;
  }
  if (changed)
    setSection(
      sheet.part,
      "conditionalFormatting",
      blocks
        .filter((b) => b.rules.length)
        .map(blockXml)
        .join(""),
    );
}

/** sheetExtras.ts addRules: each rule after the sheet's own, with the next priority and its dxf. */
export function addConditionalFormats(
  book: DirectBook,
  sheet: Sheet,
  rules: readonly ConditionalRule[],
): void {
  const blocks = cfBlocks(sheet);
  let priority = 0;
  const all = sheet.part.head + sheet.part.tail;
  for (const m of all.matchAll(/<(?:\w+:)?cfRule\b[^>]*?\bpriority="(\d+)"/g))
    priority = Math.max(priority, Number(m[1]));
  const added = rules.map((r) => {
    const dxf = r.fill || r.fontColor ? ` dxfId="${book.styles.dxf(r.fill, r.fontColor)}"` : "";
    const f = encodeXml(r.formula.replace(/^=/, ""));
    return `<conditionalFormatting sqref="${r.ranges.map(rectAddress).join(" ")}"><cfRule type="expression"${dxf} priority="${++priority}"><formula>${f}</formula></cfRule></conditionalFormatting>`;
  });
  setSection(sheet.part, "conditionalFormatting", blocks.map(blockXml).join("") + added.join(""));
}

// ---- frozen panes ----

/** sheetExtras.ts freezePanes: the first view frozen at rows × cols (0 × 0 unfreezes). */
export function freezePanes(sheet: Sheet, rows: number, cols: number): void {
  const sec = sectionOf(sheet.part, "sheetViews");
  const xml = sec?.xml ?? '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const m = /<sheetView\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/>|>([\s\S]*?)<\/sheetView>)/.exec(xml);
  if (!m) return;
  // The pane and the selections of panes go; a selection of the whole view stays.
  let inner = (m[3] ?? "")
    .replace(/<pane\b[^>]*\/>/g, "")
    .replace(/<selection\b[^>]*\bpane="[^"]*"[^>]*\/>/g, "");
  if (rows || cols) {
    const pane = rows && cols ? "bottomRight" : rows ? "bottomLeft" : "topRight";
    const tl = rectAddress({ top: rows, left: cols, rows: 1, cols: 1 });
    const split = `${cols ? ` xSplit="${cols}"` : ""}${rows ? ` ySplit="${rows}"` : ""}`;
    inner = `<pane${split} topLeftCell="${tl}" activePane="${pane}" state="frozen"/>` + inner;
    const sel = `<selection pane="${pane}" activeCell="${tl}" sqref="${tl}"/>`;
    // Selections follow the pane (CT_SheetView: pane, selection*, pivotSelection*, extLst).
    const at = inner.search(/<pivotSelection\b|<extLst\b/);
    inner = at < 0 ? inner + sel : inner.slice(0, at) + sel + inner.slice(at);
  }
  const view = inner ? `<sheetView${m[1]}>${inner}</sheetView>` : `<sheetView${m[1]}/>`;
  setSection(sheet.part, "sheetViews", xml.slice(0, m.index) + view + xml.slice(m.index + m[0].length));
}

// ---- print setup ----

/** sheetExtras.ts setPageSetup (print titles are a defined name: workbookWrite.ts). */
export function setPageSetup(sheet: Sheet, setup: PageSetup): void {
  const sec = sectionOf(sheet.part, "pageSetup");
  const a = attrMap(/^<pageSetup\b((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/.exec(sec?.xml ?? "")?.[1] ?? "");
  if ("orientation" in setup) a.set("orientation", setup.orientation ?? "portrait");
  if ("paper" in setup) {
    if (setup.paper === "A4") a.set("paperSize", "9");
    else a.delete("paperSize");
  }
  if ("fitToWidth" in setup) {
    if (setup.fitToWidth) {
      a.set("fitToWidth", "1");
      a.set("fitToHeight", "0");
    } else {
      a.delete("fitToWidth");
      a.delete("fitToHeight");
    }
    setFitToPage(sheet, !!setup.fitToWidth);
  }
  const inner =
    sec && !sec.xml.endsWith("/>")
      ? /^<pageSetup\b[^>]*>([\s\S]*)<\/pageSetup>$/.exec(sec.xml)?.[1]
      : undefined;
  setSection(
    sheet.part,
    "pageSetup",
    inner === undefined ? `<pageSetup${attrText(a)}/>` : `<pageSetup${attrText(a)}>${inner}</pageSetup>`,
  );
  // A pageSetup needs the margins before it (CT_Worksheet's sequence puts them first; Excel writes both).
  if (!sectionOf(sheet.part, "pageMargins"))
    setSection(
      sheet.part,
      "pageMargins",
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    );
}

function setFitToPage(sheet: Sheet, on: boolean): void {
  const sec = sectionOf(sheet.part, "sheetPr");
  const pr = `<pageSetUpPr fitToPage="${on ? 1 : 0}"/>`;
  if (!sec) {
    if (on) setSection(sheet.part, "sheetPr", `<sheetPr>${pr}</sheetPr>`);
    return;
  }
  let xml = sec.xml;
  if (/<pageSetUpPr\b/.test(xml))
    xml = xml.replace(/<pageSetUpPr\b([^>]*?)\/>/, (_m, a: string) => {
      const m = attrMap(a);
      m.set("fitToPage", on ? "1" : "0");
      return `<pageSetUpPr${attrText(m)}/>`;
    });
  else if (xml.endsWith("/>")) xml = `${xml.slice(0, -2).trimEnd()}>${pr}</sheetPr>`;
  else {
    // CT_SheetPr: tabColor, outlinePr, pageSetUpPr.
    const close = xml.lastIndexOf("</sheetPr>");
    xml = xml.slice(0, close) + pr + xml.slice(close);
  }
  setSection(sheet.part, "sheetPr", xml);
}
