/**
 * insertColumns (whole sheet columns) written directly, as columns.ts shiftColumns does it through ExcelJS:
 * the sheet's cells, column definitions, merges, conditional formats, validations, autofilter, hyperlinks
 * and frozen pane move right; formula references to the moved cells move in every sheet, and so do the
 * defined names. Only when every place that holds a reference is one this module moves
 * (`insertSupport`): anything else (drawings, tables across the columns, array formulas, references from
 * charts, pivot caches or other sheets' rules) sends the change set through ExcelJS, whole.
 */
import type { Rect } from "../../../core/types";
import { columnLetter, parseCellAddress, shiftRect } from "../../../core/address";
import { shiftFormulaColumns } from "../../../core/formula";
import { shiftFormulaRows, shiftRectRows } from "../../../core/rowShift";
import { attrs, decodeXml, encodeXml } from "../xml";
import { parseRange, shiftRefList } from "../rects";
import type { DirectBook, Sheet } from "./book";
import { WORKSHEET_ORDER, childrenOf, sectionOf, sectionsOf, setSection } from "./sections";
import { colsOf } from "./sheetWrite";
import type { TablePart } from "./tableWrite";

/**
 * Worksheet elements whose references this module moves, or that hold none: CT_Worksheet's children
 * (sections.ts's one list of them) but these, which it does not move.
 */
const NOT_MOVED = new Set([
  "protectedRanges",
  "scenarios",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "smartTags",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
]);
const KNOWN = new Set(WORKSHEET_ORDER.filter((n) => !NOT_MOVED.has(n)));

const mentions = (xml: string, sheet: string) =>
  xml.includes(encodeXml(sheet)) || xml.includes(encodeXml(sheet.replace(/'/g, "''")));

/**
 * Whether whole columns can be inserted at `at` on `sheet` directly (true), or why not. `tables` are the
 * sheet's table parts; `others` the XML of every other part that may point at the sheet's cells.
 */
export function insertSupport(
  book: DirectBook,
  sheet: Sheet,
  axis: "columns" | "rows",
  at: number,
  count: number,
  tables: TablePart[],
  others: { part: string; xml: string; kind: "sheet" | "chart" | "pivot" }[],
): true | string {
  const name = sheet.entry.name;
  const rows = axis === "rows";
  for (const side of [sheet.part.head, sheet.part.tail]) {
    for (const s of childrenOf(side, side === sheet.part.head ? 0 : 1)) {
      const local = s.name.slice(s.name.indexOf(":") + 1);
      if (s.name === "worksheet") continue;
      if (!KNOWN.has(local) || s.name.includes(":"))
        return `<${s.name}> on ${name} would have to move with the ${axis}`;
      if (local === "extLst" && /sqref|<xm:f>/.test(s.xml)) return `extensions on ${name} hold ranges`;
      // A drawing's anchors and the charts' references move with inserted columns (anchors.ts), as the
      // ExcelJS path's carry-over moves them; it moves nothing for deleted ones.
      if (local === "drawing" && (count < 0 || rows)) return `<drawing> on ${name} with moved ${axis}`;
      if (local === "rowBreaks" && rows) return `page breaks on ${name} with moved rows`;
    }
  }
  for (const t of tables) {
    if (t.sheet !== name) continue;
    const ref = attrs(/<(?:\w+:)?table\b[^>]*>/.exec(t.xml)?.[0] ?? "").ref;
    const r = ref ? parseRange(ref) : null;
    if (!r || (rows ? r.top + r.rows : r.left + r.cols) > at)
      return `table ${t.part} lies across or past the moved ${axis}`;
  }
  if (hasArrayFormula(sheet)) return "array formulas";
  for (const o of others) {
    if (o.kind === "sheet") {
      if (/<(?:\w+:)?(?:conditionalFormatting|dataValidation)\b/.test(o.xml) && mentions(o.xml, name))
        return `rules on another sheet (${o.part}) may read ${name}`;
    } else if ((o.kind !== "chart" || count < 0 || rows) && mentions(o.xml, name))
      return `${o.kind} ${o.part} reads ${name}`;
  }
  for (const s of book.sheets) {
    if (!book.isLoaded(s.name)) continue;
    if (hasArrayFormula(book.sheet(s.name))) return `array formulas on ${s.name}`;
  }
  return true;
}

/** Whether a cell of the sheet holds an array formula. (Index loops: run once per process, where a for…of makes an iterator result per cell.) */
function hasArrayFormula(sheet: Sheet): boolean {
  const rows = sheet.part.rows;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].cells;
    for (let k = 0; k < cells.length; k++) {
      const f = cells[k].fXml;
      if (f !== undefined && /\bt="array"/.test(f)) return true;
    }
  }
  return false;
}

const CELL_R = /^(<c\b[^>]*?\br=")([A-Za-z]+)(\d+)(")/;

/** One insert or delete of whole columns or rows: where rectangles go, how formula references move. */
interface Move {
  axis: "columns" | "rows";
  at: number;
  count: number;
  rect: (r: Rect) => Rect | null;
  /** A formula's text (no "=") on sheet `home`, its references to the moved sheet moved. */
  formula: (f: string, home: string) => string;
}

function columnsMove(sheet: string, at: number, count: number): Move {
  return {
    axis: "columns",
    at,
    count,
    rect: (r) => shiftRect(r, at, count),
    formula: (f, home) => shiftFormulaColumns(`=${f}`, sheet, home, at, count).slice(1),
  };
}

function rowsMove(sheet: string, at: number, count: number): Move {
  return {
    axis: "rows",
    at,
    count,
    rect: (r) => shiftRectRows(r, at, count),
    formula: (f, home) => shiftFormulaRows(`=${f}`, sheet, home, at, count).slice(1),
  };
}

/**
 * Inserts `count` whole rows at `at` on `sheet`, or deletes -`count` from `at` (insertSupport said yes),
 * as rows.ts shiftRows does.
 */
export function shiftRows(book: DirectBook, sheet: Sheet, at: number, count: number): void {
  const move = rowsMove(sheet.entry.name, at, count);
  if (count < 0) sheet.part.rows = sheet.part.rows.filter((r) => r.index < at || r.index >= at - count);
  const rows = sheet.part.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.index < at) continue;
    row.index += count;
    // The cell's row number replaced: "$02" is group 2 (a replacement's group number takes two digits at
    // most, so the row's digits after it stay digits).
    const to = `$1$02${row.index + 1}$4`;
    const cells = row.cells;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (c.raw !== undefined) c.raw = c.raw.replace(CELL_R, to);
    }
  }
  sheet.reindex();
  moveEverything(book, sheet, move);
}

/**
 * Inserts `count` whole columns at `at` on `sheet`, or deletes -`count` from `at` (insertSupport said yes),
 * as columns.ts shiftColumns does.
 */
export function shiftColumns(book: DirectBook, sheet: Sheet, at: number, count: number): void {
  const name = sheet.entry.name;
  // Cells right of `at` move; a cell kept verbatim gets its new reference in its own XML.
  // The replacement pattern of a cell moved to each column, made once per column ("$" never in letters).
  const patterns: string[] = [];
  const rows = sheet.part.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let moved = false;
    if (count < 0) {
      const kept = row.cells.filter((c) => c.col < at || c.col >= at - count);
      if (kept.length !== row.cells.length) {
        row.cells = kept;
        moved = true;
      }
    }
    const cells = row.cells;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (c.col < at) continue;
      c.col += count;
      moved = true;
      if (c.raw !== undefined)
        c.raw = c.raw.replace(CELL_R, (patterns[c.col] ??= `$1${columnLetter(c.col)}$3$4`));
    }
    if (moved) row.attrs = row.attrs.replace(/\s+spans="[^"]*"/, "");
  }
  colsOf(sheet).shift(at, count);
  moveEverything(book, sheet, columnsMove(name, at, count));
}

/** What moves with the cells besides them: formulas everywhere, merges, rules, validations, views, names. */
function moveEverything(book: DirectBook, sheet: Sheet, move: Move): void {
  // Formulas reading the moved cells, in every sheet whose formulas were loaded (prepareDirect loads them).
  for (const s of book.sheets) {
    if (!book.isLoaded(s.name)) continue;
    const target = book.sheet(s.name);
    let unshared = false;
    const rows = target.part.rows;
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i].cells;
      for (let k = 0; k < cells.length; k++) {
        const c = cells[k];
        if (c.f === null) continue;
        // Cells move or their references do: a run is shared from the texts from now on.
        c.rowF = undefined;
        const next = move.formula(c.f, s.name);
        if (next === c.f && !(target === sheet && c.fXml !== undefined)) continue;
        c.f = next;
        c.raw = undefined;
        if (c.fXml !== undefined) unshared = true;
      }
    }
    // Shared formulas become standalone (their text was moved cell by cell), as normalizeSharedFormulas.
    if (unshared || target === sheet)
      for (let i = 0; i < rows.length; i++) {
        const cells = rows[i].cells;
        for (let k = 0; k < cells.length; k++) {
          const c = cells[k];
          if (c.fXml !== undefined) {
            c.fXml = undefined;
            c.raw = undefined;
          }
        }
      }
    if (target !== sheet && unshared) book.touch(s.name);
  }
  const name = sheet.entry.name;
  moveMerges(sheet, move.rect);
  moveRules(sheet, name, move);
  moveValidations(sheet, name, move);
  moveRefAttr(sheet, "autoFilter", move.rect);
  moveHyperlinks(sheet, move.rect);
  moveIgnoredErrors(sheet, move.rect);
  moveView(sheet, move);
  moveNames(book, move);
}

function moveMerges(sheet: Sheet, rect: (r: Rect) => Rect | null): void {
  const sec = sectionOf(sheet.part, "mergeCells");
  if (!sec) return;
  const refs = [...sec.xml.matchAll(/<mergeCell\b[^>]*>/g)].flatMap((m) => {
    const r = parseRange(attrs(m[0]).ref ?? "");
    const n = r && rect(r);
    return n ? [`<mergeCell ref="${rangeText(n)}"/>`] : [];
  });
  setSection(
    sheet.part,
    "mergeCells",
    refs.length ? `<mergeCells count="${refs.length}">${refs.join("")}</mergeCells>` : "",
  );
}

const rangeText = (r: Rect) =>
  r.rows === 1 && r.cols === 1
    ? `${columnLetter(r.left)}${r.top + 1}`
    : `${columnLetter(r.left)}${r.top + 1}:${columnLetter(r.left + r.cols - 1)}${r.top + r.rows}`;

/** The formulas inside an element (<formula>, <formula1>, <formula2>) moved. */
const moveFormulaTexts = (xml: string, sheet: string, move: Move) =>
  xml.replace(
    /(<(formula[12]?)>)([\s\S]*?)(<\/\2>)/g,
    (_m, open: string, _n: string, f: string, close: string) =>
      `${open}${encodeXml(move.formula(decodeXml(f), sheet))}${close}`,
  );

function moveSqref(tag: string, rect: (r: Rect) => Rect | null): string | null {
  const m = /\bsqref="([^"]*)"/.exec(tag);
  if (!m) return tag;
  const next = shiftRefList(m[1], rect);
  return next === null ? null : tag.replace(m[0], `sqref="${next}"`);
}

function moveRules(sheet: Sheet, name: string, move: Move): void {
  const rect = move.rect;
  const blocks = sectionsOf(sheet.part, "conditionalFormatting");
  if (!blocks.length) return;
  const next = blocks.flatMap((b) => {
    const open = /^<conditionalFormatting\b[^>]*>/.exec(b.xml)![0];
    const moved = moveSqref(open, rect);
    return moved === null ? [] : [moved + moveFormulaTexts(b.xml.slice(open.length), name, move)];
  });
  setSection(sheet.part, "conditionalFormatting", next.join(""));
}

function moveValidations(sheet: Sheet, name: string, move: Move): void {
  const rect = move.rect;
  const sec = sectionOf(sheet.part, "dataValidations");
  if (!sec) return;
  const items = [
    ...sec.xml.matchAll(
      /<dataValidation\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/>|>([\s\S]*?)<\/dataValidation>)/g,
    ),
  ].flatMap((m) => {
    const open = `<dataValidation${m[1]}${m[2] === "/>" ? "/>" : ">"}`;
    const moved = moveSqref(open, rect);
    if (moved === null) return [];
    return [m[2] === "/>" ? moved : `${moved}${moveFormulaTexts(m[3] ?? "", name, move)}</dataValidation>`];
  });
  const head = /^<dataValidations\b[^>]*>/.exec(sec.xml)?.[0] ?? "<dataValidations>";
  setSection(
    sheet.part,
    "dataValidations",
    items.length
      ? `${head.replace(/\bcount="\d+"/, `count="${items.length}"`)}${items.join("")}</dataValidations>`
      : "",
  );
}

function moveRefAttr(sheet: Sheet, section: string, rect: (r: Rect) => Rect | null): void {
  const sec = sectionOf(sheet.part, section);
  if (!sec) return;
  const m = /^(<[\w:]+\b[^>]*?\bref=")([^"]*)(")/.exec(sec.xml);
  const r = m && parseRange(m[2]);
  if (!m || !r) return;
  const n = rect(r);
  setSection(sheet.part, section, n ? sec.xml.replace(m[0], `${m[1]}${rangeText(n)}${m[3]}`) : "");
}

function moveHyperlinks(sheet: Sheet, rect: (r: Rect) => Rect | null): void {
  const sec = sectionOf(sheet.part, "hyperlinks");
  if (!sec) return;
  const xml = sec.xml.replace(
    /(<hyperlink\b[^>]*?\bref=")([^"]*)(")/g,
    (all, a: string, ref: string, z: string) => {
      const r = parseRange(ref);
      const n = r && rect(r);
      return n ? `${a}${rangeText(n)}${z}` : r ? `${a}${z}` : all;
    },
  );
  // A hyperlink on deleted cells goes; so does the element left without any.
  const kept = xml.replace(/<hyperlink\b[^>]*?\bref=""[^>]*\/>/g, "");
  setSection(sheet.part, "hyperlinks", /<hyperlink\b/.test(kept) ? kept : "");
}

/**
 * moveViewsAndImages: a frozen split past `at` and the top-left cell move (what was in deleted ones lands
 * at `at`); so do the active cell and the selections.
 */
function moveView(sheet: Sheet, move: Move): void {
  const sec = sectionOf(sheet.part, "sheetViews");
  if (!sec) return;
  const { at, count } = move;
  const rows = move.axis === "rows";
  const to = (i: number) => (i >= at ? Math.max(at, i + count) : i);
  const cell = (a: string) => {
    const p = parseCellAddress(a);
    if (!p) return a;
    return rows ? `${columnLetter(p.col)}${to(p.row) + 1}` : `${columnLetter(to(p.col))}${p.row + 1}`;
  };
  const key = rows ? "ySplit" : "xSplit";
  // A frozen split past `at` moves (the whole <pane> is looked at: its state may come after the split).
  let xml = sec.xml.replace(/<pane\b[^>]*\/>/, (pane) =>
    /\bstate="frozen"/.test(pane)
      ? pane.replace(new RegExp(`\\b${key}="(\\d+)"`), (m, n: string) =>
          Number(n) > at ? `${key}="${to(Number(n))}"` : m,
        )
      : pane,
  );
  xml = xml.replace(
    /\b(topLeftCell|activeCell)="([A-Z]+\d+)"/g,
    (_m, k: string, a: string) => `${k}="${cell(a)}"`,
  );
  xml = xml.replace(/(<selection\b[^>]*?\bsqref=")([^"]*)(")/g, (_m, a: string, list: string, z: string) => {
    const next = shiftRefList(list, move.rect);
    return `${a}${next ?? list}${z}`;
  });
  setSection(sheet.part, "sheetViews", xml);
}

/** Defined names reading the sheet's moved cells follow them (print areas and titles among them). */
function moveNames(book: DirectBook, move: Move): void {
  const xml = book.workbookXml;
  const next = xml.replace(
    /(<(?:\w+:)?definedName\b[^>]*>)([\s\S]*?)(<\/(?:\w+:)?definedName>)/g,
    (all, open: string, text: string, close: string) => {
      const f = decodeXml(text);
      const moved = move.formula(f, "\u0000");
      return moved === f ? all : `${open}${encodeXml(moved)}${close}`;
    },
  );
  if (next !== xml) {
    book.workbookXml = next;
    book.workbookChanged = true;
  }
}

/** Ignored-error ranges (Excel's "number stored as text" markers) move with their cells. */
function moveIgnoredErrors(sheet: Sheet, rect: (r: Rect) => Rect | null): void {
  const sec = sectionOf(sheet.part, "ignoredErrors");
  if (!sec) return;
  const items = [...sec.xml.matchAll(/<ignoredError\b[^>]*\/>/g)].flatMap((m) => {
    const moved = moveSqref(m[0], rect);
    return moved === null ? [] : [moved];
  });
  const extra = /<extLst\b[\s\S]*<\/extLst>/.exec(sec.xml)?.[0] ?? "";
  setSection(
    sheet.part,
    "ignoredErrors",
    items.length ? `<ignoredErrors>${items.join("")}${extra}</ignoredErrors>` : "",
  );
}
