/**
 * The direct reader: a DirectPackage (the .xlsx package's XML, no ExcelJS) into the WorkbookSnapshot the
 * ExcelJS reader gives — `readPackage(pkg, opts)` equals `readSnapshot(await loadWorkbook(bytes), opts)`
 * field for field (tests/hosts/xlsx/direct/read.test.ts proves it on the corpus). Values, formulas and
 * formats follow ExcelJS 4.4's reading (cells.ts, read.ts); where ExcelJS misreads a file the choice made
 * here is said where it is made.
 */
import type { CellValue, SheetSnapshot, TableInfo, WorkbookSnapshot } from "../../../core/types";
import { parseRange } from "../rects";
import { fromStored } from "../future";
import { decodeXml } from "../xml";
import { assembleSnapshot, type ReadOptions } from "../assemble";
import { CellList, packCells } from "../cellGrid";
import { unescapeX, type DirectPackage, type SheetEntry, type TablePart } from "./package";
import { snapshotNames } from "./names";
import { columnsOf, frozenOf, isProtected, mergesOf, rulesOf, validationsOf } from "./sheetInfo";
import type { CellPart } from "./sheetPart";
import { PLAIN, StylesPart, type DirectFormat } from "./styles";
import { DirectUnsupported } from "./unsupported";

interface Ctx {
  pkg: DirectPackage;
  styles: StylesPart;
  date1904: boolean;
}

/** isDateFmt's answers by format (a table has a few formats, on every cell). */
const DATE_FMTS = new Map<string, boolean>();

/** ExcelJS's utils.isDateFmt: a number format with date or time letters outside quotes and brackets. */
function isDateFmt(fmt: string | null): boolean {
  if (!fmt) return false;
  let date = DATE_FMTS.get(fmt);
  if (date === undefined) {
    if (DATE_FMTS.size >= 1000) DATE_FMTS.clear();
    date = /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
    DATE_FMTS.set(fmt, date);
  }
  return date;
}

/** A number shown with a date format, as ExcelJS turns it into a Date and cells.ts back (to the ms). */
function viaDate(v: number, date1904: boolean): number {
  const off = date1904 ? 1462 : 0;
  const ms = Math.round((v - 25569 + off) * 24 * 3600 * 1000);
  return 25569 + new Date(ms).getTime() / 86400000 - off;
}

/** An inline string's text as ExcelJS reads it: rich-text runs unescaped one by one, plain text as is. */
function inlineText(c: CellPart): string | undefined {
  if (c.is === undefined) return undefined;
  const raw = c.raw ?? "";
  if (!/<r[\s>]/.test(raw)) return c.is;
  return [...raw.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<r\b[^>]*>([\s\S]*?)<\/r>/g)]
    .map((r) => {
      const t = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/.exec(r[1]);
      return unescapeX(decodeXml(t ? t[1] : ""));
    })
    .join("");
}

/** A number as ExcelJS reads it: parseFloat, through a Date when its format shows a date. */
function numberOf(text: string, fmt: DirectFormat, date1904: boolean): CellValue {
  const n = parseFloat(text);
  if (!Number.isFinite(n)) return null;
  return isDateFmt(fmt.numberFormat) ? viaDate(n, date1904) : n;
}

/** The value a cell shows, as cells.ts's cellValue gives it for ExcelJS's reading of the same XML. */
function valueOf(c: CellPart, fmt: DirectFormat, isFormula: boolean, ctx: Ctx): CellValue {
  const v = c.v === "" ? null : c.v;
  if (isFormula) {
    if (v === null) return null;
    // ExcelJS decodes a text result's entities a second time (`&amp;lt;` would read "<"): not done here.
    if (c.t === "str") return v === "" ? null : v;
    if (c.t === "b") return parseInt(v, 10) !== 0;
    if (c.t === "e") return v;
    return numberOf(v, fmt, ctx.date1904);
  }
  switch (c.t) {
    case "s": {
      if (v === null) return null;
      const s = ctx.pkg.sharedString(parseInt(v, 10));
      if (s === undefined) throw new DirectUnsupported(`shared string ${v} out of range`);
      return s;
    }
    case "inlineStr": {
      const t = inlineText(c) ?? v;
      return t === null || t === "" ? null : t;
    }
    case "str":
      return v === null || v === "" ? null : v;
    case "b":
      return v === null ? null : parseInt(v, 10) !== 0;
    case "e":
      return v;
    default:
      return v === null ? null : numberOf(v, fmt, ctx.date1904);
  }
}

/** One sheet's snapshot (read.ts readSheet), in full or its first `maxRows` rows (a probe). */
export function readSheetDirect(ctx: Ctx, entry: SheetEntry, maxRows = Infinity): SheetSnapshot {
  const p = ctx.pkg.sheet(entry.name);
  const formatOf = (s: number) => (s ? ctx.styles.format(s) : PLAIN);
  const cols = columnsOf(p);
  const merges = mergesOf(p);
  // Cells a merge hides (all but its top-left): ExcelJS reads them empty, keeping their style.
  const slaves = new Set<number>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r > m.top || c > m.left) slaves.add(r * 16384 + c);
  const g = new CellList();
  const rowStyles = new Map<number, number>();
  const seen = new Set<number>();
  let lastRow = -1;
  // (Index loops: this runs once per process, where a for…of makes an iterator result per step.)
  const rows = p.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.index <= lastRow) throw new DirectUnsupported("rows out of order");
    lastRow = row.index;
    const rs = row.attrs.includes('s="') ? /\ss="(\d+)"/.exec(row.attrs) : null;
    if (rs && Number(rs[1])) rowStyles.set(row.index, Number(rs[1]));
    if (row.index >= maxRows) continue;
    let lastCol = -1;
    const cells = row.cells;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (c.col <= lastCol) throw new DirectUnsupported("cells out of order");
      lastCol = c.col;
      const key = row.index * 16384 + c.col;
      if (slaves.size && slaves.has(key)) {
        // A hidden cell of a merge reads empty. It keeps its own style (none when it has a value but no
        // style); a <c> with neither (ExcelJS keeps no cell for it) gets the row's or column's (below).
        if (c.s || hasContent(c)) {
          seen.add(key);
          if (c.s) g.push(row.index, c.col, null, null, formatOf(c.s));
        }
        continue;
      }
      const isFormula = !!c.f || c.fXml !== undefined;
      const fmt = formatOf(c.s);
      const value = valueOf(c, fmt, isFormula, ctx);
      const formula = isFormula && c.f ? fromStored(`=${c.f}`) : null;
      if (
        value === null &&
        !formula &&
        !fmt.fill &&
        !fmt.bold &&
        !fmt.fontColor &&
        !fmt.wrap &&
        !fmt.numberFormat
      )
        continue;
      g.push(row.index, c.col, value, formula, fmt);
    }
  }
  // Hidden cells of merges the file has no cell for (or an unstyled one): ExcelJS makes them with the
  // row's style, else the column's.
  for (const key of slaves) {
    if (seen.has(key)) continue;
    const r = Math.floor(key / 16384);
    if (r >= maxRows) continue;
    const c = key % 16384;
    const fmt = slaveFormat(
      formatOf(rowStyles.get(r) ?? 0),
      formatOf(cols.styles.get(c) ?? 0),
      rowStyles.has(r),
    );
    if (!fmt.fill && !fmt.bold && !fmt.fontColor && !fmt.wrap && !fmt.numberFormat) continue;
    g.push(r, c, null, null, fmt);
  }
  const snap = packCells(entry.name, g);
  return {
    ...snap,
    tables: tablesOf(ctx, entry),
    validations: validationsOf(p),
    columnWidths: cols.widths,
    ...(cols.hidden.length ? { hiddenColumns: cols.hidden } : {}),
    ...(isProtected(p) ? { protected: true } : {}),
    ...extras(ctx, entry),
  };
}

/** ExcelJS's Cell._mergeStyle(row.style, column.style): the row's font and fill when the row has a style. */
function slaveFormat(row: DirectFormat, col: DirectFormat, rowStyled: boolean): DirectFormat {
  if (!rowStyled) return col;
  return {
    numberFormat: row.numberFormat ?? col.numberFormat,
    fill: row.fill,
    bold: row.bold,
    fontColor: row.fontColor,
    wrap: row.wrap || col.wrap,
    fontName: row.fontName,
  };
}

/** A value or a formula (what makes ExcelJS keep a cell without a style). */
const hasContent = (c: CellPart) =>
  (c.v !== null && c.v !== "") || c.is !== undefined || !!c.f || c.fXml !== undefined;

const text = (v: CellValue) => (v === null ? "" : String(v));

/** The sheet's tables (read.ts readTables), header rows judged as read.ts's hasHeaderRow judges them. */
function tablesOf(ctx: Ctx, entry: SheetEntry): TableInfo[] {
  // ExcelJS keeps a sheet's tables by name: a later one of the same name replaces the earlier.
  const byName = new Map<string, TablePart>();
  for (const t of ctx.pkg.tables(entry.name)) byName.set(t.name, t);
  const out: TableInfo[] = [];
  for (const t of byName.values()) {
    const rect = t.ref ? parseRange(t.ref) : null;
    if (!rect) continue;
    const info: TableInfo = { name: t.name, rect, showHeaders: hasHeaderRow(ctx, entry, t, rect) };
    if (t.totalsRowCount === "1") info.showTotals = true;
    if (t.styleName) info.style = t.styleName;
    out.push(info);
  }
  return out.sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
}

function hasHeaderRow(
  ctx: Ctx,
  entry: SheetEntry,
  t: TablePart,
  rect: { top: number; left: number },
): boolean {
  if (t.headerRowCount === "1") return true;
  if (t.autoFilterRef) return true;
  if (!t.columns.length) return false;
  const p = ctx.pkg.sheet(entry.name);
  const row = p.rows.find((r) => r.index === rect.top);
  const merged = mergesOf(p);
  return t.columns.every((name, i) => {
    const col = rect.left + i;
    const hidden = merged.some(
      (m) =>
        rect.top >= m.top &&
        rect.top <= m.bottom &&
        col >= m.left &&
        col <= m.right &&
        (rect.top > m.top || col > m.left),
    );
    const c = row?.cells.find((x) => x.col === col);
    if (hidden) return "" === name.trim();
    // ExcelJS keeps no cell for a <c> with neither a value nor a style.
    if (!c || (!c.s && !hasContent(c))) return false;
    const isFormula = !!c.f || c.fXml !== undefined;
    return text(valueOf(c, c.s ? ctx.styles.format(c.s) : PLAIN, isFormula, ctx)).trim() === name.trim();
  });
}

function extras(ctx: Ctx, entry: SheetEntry): Pick<SheetSnapshot, "conditionalFormats" | "frozen"> {
  const p = ctx.pkg.sheet(entry.name);
  const rules = rulesOf(p, ctx.styles);
  const frozen = frozenOf(p);
  return {
    ...(rules.length ? { conditionalFormats: rules } : {}),
    ...(frozen.rows || frozen.cols ? { frozen } : {}),
  };
}

/** ExcelJS reads "hidden" and "veryHidden" as hidden, anything else (or nothing) as visible. */
const visible = (e: SheetEntry) => e.state !== "hidden" && e.state !== "veryHidden";

/** The snapshot for one command, chosen as the ExcelJS reader chooses (one rule: ../assemble.ts). */
export function readPackage(pkg: DirectPackage, opts: ReadOptions = {}): WorkbookSnapshot {
  const ctx: Ctx = { pkg, styles: StylesPart.parse(pkg.stylesXml, pkg.themeXml), date1904: pkg.date1904 };
  return assembleSnapshot(
    {
      sheets: pkg.sheetEntries,
      nameOf: (e) => e.name,
      visible,
      read: (e, rows) => readSheetDirect(ctx, e, rows),
      names: snapshotNames(pkg.names),
    },
    opts,
  );
}
