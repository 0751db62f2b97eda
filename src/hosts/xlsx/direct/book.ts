/**
 * The write side of the opened package (package.ts DirectPackage, the one model the reader reads too): the
 * zip being edited (every part left as it was read until something changes it; JSZip keeps the compressed
 * bytes of every other part as they were in the input), the workbook part and its relationships, every
 * sheet in tab order (the writer adds and deletes them), the styles part, and the worksheets it writes — the
 * package's SheetParts (parsed once, the reader's own when it read them) with a row index (Sheet).
 * `savePackage` writes back only the parts that changed.
 */
import type JSZip from "jszip";
import { Package } from "../opc";
import { encodeXml, REL, relKind, relativeTarget, relsPathOf, resolveTarget, type Rel } from "../xml";
import { DirectPackage, openZip, sheetsOf, type SheetEntry } from "./package";
import {
  parseSheet,
  serializeRow,
  serializeSheet,
  runsText,
  type CellPart,
  type RowPart,
  type SheetPart,
} from "./sheetPart";
import { shareFormulas } from "./sharedFormulas";
import { shareTexts } from "./sharedStrings";
import { StylesPart } from "./styles";
import { writeZip, type PartText } from "./zipWrite";

export type { SheetEntry } from "./package";

const WORKSHEET_TYPE = `${REL}/worksheet`;

/** Rows of a parsed sheet by index, and a row's cells by column (both kept sorted). */
export class Sheet {
  private readonly byIndex = new Map<number, RowPart>();
  /** The cells this change set wrote a formula into: shared by column runs at save (sharedFormulas.ts). */
  readonly wroteFormula = new Set<CellPart>();
  /**
   * The cells this change set wrote a text into (inline until save: sharedStrings.ts), in the order first
   * written (a cell written twice is in it twice: its later entries find it shared already).
   */
  readonly wroteText: CellPart[] = [];
  private sorted = true;
  constructor(
    readonly entry: SheetEntry,
    readonly part: SheetPart,
  ) {
    let last = -1;
    const rows = part.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      this.byIndex.set(r.index, r);
      if (r.index <= last) this.sorted = false;
      last = r.index;
    }
  }

  /** After rows moved (their indexes changed, some went): the index by row again. */
  reindex(): void {
    this.byIndex.clear();
    const rows = this.part.rows;
    for (let i = 0; i < rows.length; i++) this.byIndex.set(rows[i].index, rows[i]);
  }

  row(index: number): RowPart | undefined {
    return this.byIndex.get(index);
  }

  /** The row, created (empty, in order) when the sheet has none at that index. */
  rowFor(index: number): RowPart {
    let r = this.byIndex.get(index);
    if (r) return r;
    r = { index, attrs: "", cells: [] };
    this.byIndex.set(index, r);
    const rows = this.part.rows;
    if (!rows.length || rows[rows.length - 1].index < index) rows.push(r);
    else rows.splice(this.rowPosition(index), 0, r);
    return r;
  }

  get rowsSorted(): boolean {
    return this.sorted;
  }

  /** Where the first row at or below `index` is (or would go) in the sheet's rows (in order: rowsSorted). */
  rowPosition(index: number): number {
    const rows = this.part.rows;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid].index < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private inOrder: boolean | undefined;

  /**
   * Whether every row's cells are in strictly increasing columns (as every writer writes them), looked at
   * once: the writers keep it so (a cell goes in where its column falls, moved columns keep their order),
   * so a walk along a row needs no check of its own.
   */
  cellsInOrder(): boolean {
    if (this.inOrder === undefined) {
      let ok = true;
      const rows = this.part.rows;
      for (let k = 0; k < rows.length; k++) {
        const cells = rows[k].cells;
        for (let i = 1; ok && i < cells.length; i++) if (cells[i].col <= cells[i - 1].col) ok = false;
        if (!ok) break;
      }
      this.inOrder = ok;
    }
    return this.inOrder;
  }

  /**
   * A new cell with style `s` at index `i` of `row`'s cells, where a walk along the row found column `col`
   * falls (what cellFor finds by a search), the row's spans hint dropped as cellFor drops it.
   */
  insertCell(row: RowPart, i: number, col: number, s: number): CellPart {
    if (row.attrs.includes("spans=")) row.attrs = row.attrs.replace(/\s+spans="[^"]*"/, "");
    const c = newCell(col, s);
    const cells = row.cells;
    cells.push(c);
    // Into place by moving the cells right of it (splice would make an array of the none it removes).
    if (i < cells.length - 1) {
      for (let j = cells.length - 1; j > i; j--) cells[j] = cells[j - 1];
      cells[i] = c;
    }
    return c;
  }

  cell(row: number, col: number): CellPart | undefined {
    const r = this.byIndex.get(row);
    if (!r) return undefined;
    const i = findCol(r.cells, col);
    return i >= 0 ? r.cells[i] : undefined;
  }

  /** The cell, created with style `s` when the row has none at that column. */
  cellFor(row: number, col: number, s: () => number): CellPart {
    const r = this.rowFor(row);
    const cells = r.cells;
    // A new cell may fall outside the row's spans hint (optional): the hint goes.
    if (r.attrs.includes("spans=")) r.attrs = r.attrs.replace(/\s+spans="[^"]*"/, "");
    if (!cells.length || cells[cells.length - 1].col < col) {
      const c = newCell(col, s());
      cells.push(c);
      return c;
    }
    const lo = firstAtOrAfter(cells, col);
    if (cells[lo]?.col === col) return cells[lo];
    const c = newCell(col, s());
    cells.splice(lo, 0, c);
    return c;
  }

  remove(row: number, col: number): void {
    const r = this.byIndex.get(row);
    if (!r) return;
    const i = findCol(r.cells, col);
    if (i >= 0) r.cells.splice(i, 1);
  }
}

/**
 * A sheet's rows met at increasing indexes (an op's rows, top to bottom), each found by moving on along the
 * sheet's rows from the last one met instead of by a lookup in its index by row: what Sheet.row and
 * Sheet.rowFor give (a row rowFor makes goes in where the walk is, and is passed by the next step). The
 * rows of a sheet whose rows are out of order are looked up.
 */
export class RowWalk {
  private at: number;
  constructor(
    private readonly sheet: Sheet,
    top: number,
  ) {
    this.at = sheet.rowsSorted ? sheet.rowPosition(top) : -1;
  }

  /** Sheet.row(index); `index` never less than the last one asked for. */
  row(index: number): RowPart | undefined {
    if (this.at < 0) return this.sheet.row(index);
    const rows = this.sheet.part.rows;
    let j = this.at;
    while (j < rows.length && rows[j].index < index) j++;
    this.at = j;
    return j < rows.length && rows[j].index === index ? rows[j] : undefined;
  }

  /** Sheet.rowFor(index); `index` never less than the last one asked for. */
  rowFor(index: number): RowPart {
    return this.row(index) ?? this.sheet.rowFor(index);
  }
}

/** A cell made by the writer: every field present, so all such cells share one object shape. */
const newCell = (col: number, s: number): CellPart => ({
  col,
  s,
  t: null,
  v: null,
  f: null,
  fXml: undefined,
  rowF: undefined,
  is: undefined,
  raw: undefined,
});

/** The index of the first cell at or right of column `col` in a row's (sorted) cells. */
export function firstAtOrAfter(cells: readonly CellPart[], col: number): number {
  const n = cells.length;
  if (!n) return 0;
  // A row filled from its first cell on (a table's row) has the column's cell at the column's offset: two
  // cells looked at instead of a search's few (each a memory access of its own on a large sheet).
  const at = col - cells[0].col;
  if (at <= 0) return 0;
  if (at < n && cells[at].col === col) return at;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].col < col) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * firstAtOrAfter for a row whose cells are in strictly increasing columns, index `guess` (where the row
 * above had the column: a table's rows are alike) tried first — the cell at the column when it holds it,
 * without the row's first cell read as well (each a memory access of its own, row after row).
 */
export function firstInOrder(cells: readonly CellPart[], col: number, guess: number): number {
  if (guess < cells.length && cells[guess].col === col) return guess;
  return firstAtOrAfter(cells, col);
}

function findCol(cells: CellPart[], col: number): number {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cells[mid].col;
    if (c === col) return mid;
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export class DirectBook {
  /** Parts written as new or changed text (serialised at save), by path. */
  readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, Sheet>();
  /** Worksheet parts changed (serialised at save). */
  readonly dirty = new Set<string>();
  workbookChanged = false;
  relsChanged = false;
  private sst: SharedItems | null = null;

  private constructor(
    /** The opened package this writes (its zip, part texts and parsed worksheets: the reader's own). */
    private readonly pkg: DirectPackage,
    readonly opc: Package,
    readonly workbookPart: string,
    public workbookXml: string,
    readonly workbookRels: Rel[],
    readonly sheets: SheetEntry[],
    readonly styles: StylesPart,
    readonly stylesPart: string,
    readonly stylesExisted: boolean,
  ) {}

  /**
   * Opens a package for writing: the direct reader's (openPackage: what it read is not read again), or
   * bytes (opened by openZip). Throws DirectUnsupported for a zip the direct path does not open.
   */
  static async open(source: Uint8Array | DirectPackage): Promise<DirectBook> {
    const pkg = source instanceof DirectPackage ? source : await openZip(source);
    const opc = await Package.open(pkg.zip);
    await pkg.load("_rels/.rels");
    const main = pkg.rels("").find((r) => relKind(r.type) === "officeDocument");
    const wbPart = main ? resolveTarget("", main.target) : "xl/workbook.xml";
    await pkg.load(relsPathOf(wbPart));
    const xml = (await pkg.load(wbPart)) ?? "";
    const rels = pkg.rels(wbPart);
    const sheets = sheetsOf(xml, rels, wbPart)
      .filter((s) => s.named)
      .map((s) => s.entry);
    const partOf = (kind: string) => {
      const r = rels.find((x) => relKind(x.type) === kind);
      return r ? resolveTarget(wbPart, r.target) : undefined;
    };
    const stylesPath = partOf("styles");
    const themePath = partOf("theme");
    const stylesXml = stylesPath ? await pkg.load(stylesPath) : undefined;
    const theme = themePath ? await pkg.load(themePath) : undefined;
    const styles = StylesPart.parse(stylesXml, theme);
    return new DirectBook(
      pkg,
      opc,
      wbPart,
      xml,
      rels,
      sheets,
      styles,
      stylesPath ?? "xl/styles.xml",
      stylesXml !== undefined,
    );
  }

  /** A part's text: as written here, else as in the input (undefined once the writer removed it). */
  async text(part: string): Promise<string | undefined> {
    const t = this.texts.get(part);
    if (t !== undefined) return t;
    return this.zip.file(part) ? this.pkg.load(part) : undefined;
  }

  get zip(): JSZip {
    return this.opc.zip;
  }

  entry(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Parses the sheet's part (once). */
  async load(name: string): Promise<Sheet> {
    const e = this.entry(name);
    if (!e) throw new Error(`no sheet named ${name}`);
    let s = this.parsed.get(e.part);
    if (!s) {
      // The package's SheetPart (the reader's, when it read this sheet); a part the writer has not read
      // from the input (none) is an empty worksheet to it, as before.
      await this.pkg.load(e.part);
      s = new Sheet(e, this.pkg.worksheet(e.part) ?? parseSheet(""));
      this.parsed.set(e.part, s);
    }
    return s;
  }

  /** A sheet already loaded (load first). */
  sheet(name: string): Sheet {
    const e = this.entry(name);
    const s = e && this.parsed.get(e.part);
    if (!s) throw new Error(`sheet ${name} not loaded`);
    return s;
  }

  isLoaded(name: string): boolean {
    const e = this.entry(name);
    return !!e && this.parsed.has(e.part);
  }

  /** Registers a sheet made in memory (addSheet). */
  adopt(entry: SheetEntry, part: SheetPart): Sheet {
    const s = new Sheet(entry, part);
    this.parsed.set(entry.part, s);
    this.dirty.add(entry.part);
    return s;
  }

  touch(name: string): void {
    const e = this.entry(name);
    if (e) this.dirty.add(e.part);
  }

  /** The workbook's shared strings (read once, when a reader of cached text needs them). */
  async sharedStrings(): Promise<SharedItems> {
    if (this.sst) return this.sst;
    const r = this.workbookRels.find((x) => relKind(x.type) === "sharedStrings");
    this.sstPart = r ? resolveTarget(this.workbookPart, r.target) : null;
    const xml = this.sstPart ? ((await this.text(this.sstPart)) ?? "") : "";
    return (this.sst = new SharedItems(xml));
  }

  /** Texts appended to the shared strings (written at save), and where the part is. */
  readonly addedStrings: string[] = [];
  sstPart: string | null = null;

  /** The appended texts' indexes, by text: a text appended once is shared by every cell that holds it. */
  private readonly addedIndex = new Map<string, number>();

  /**
   * The index of a text in the shared strings, appended the first time (sharedStrings() must have been loaded:
   * the new index follows the part's own items, which are never reused — one may be rich text with the same
   * plain text). `text` is as the XML holds it (escapes made), not yet encoded.
   */
  addSharedString(text: string): number {
    if (!this.sst) throw new Error("shared strings not loaded");
    let i = this.addedIndex.get(text);
    if (i === undefined) {
      this.addedStrings.push(text);
      this.addedIndex.set(text, (i = this.sst.length + this.addedStrings.length - 1));
    }
    return i;
  }

  /** A relationship from the workbook part to `part`, added to its rels (id returned). */
  addWorkbookRel(type: string, part: string): string {
    const id = Package.freshId(this.workbookRels, "rId");
    this.workbookRels.push({ id, type, target: relativeTarget(this.workbookPart, part), external: false });
    this.relsChanged = true;
    return id;
  }

  readonly worksheetType = WORKSHEET_TYPE;
}

/** A shared strings item: `<si>` (any prefix) empty or with its content, group 1. */
const SST_ITEM = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;

/**
 * The items of a shared strings part as cachedText reads them (runsText: runs joined, phonetic runs
 * skipped): counted when the part is loaded (the items a change set appends are numbered after them), each
 * decoded the first time it is asked for — a change set reads a few (table headers, cells a formula on
 * another sheet reads), not the tens of thousands a table's part holds.
 */
export class SharedItems {
  /** Where each item's match ends in the part: item i is the first match from where item i - 1 ended. */
  private readonly ends: number[] = [];
  private readonly texts = new Map<number, string>();
  constructor(private readonly xml: string) {
    const item = new RegExp(SST_ITEM.source, "g");
    while (item.test(xml)) this.ends.push(item.lastIndex);
  }

  get length(): number {
    return this.ends.length;
  }

  /** Item i's text; undefined when there is no item i (past the end, or not an index: a list's answers). */
  item(i: number): string | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.ends.length) return undefined;
    let t = this.texts.get(i);
    if (t === undefined) {
      const item = new RegExp(SST_ITEM.source, "g");
      item.lastIndex = i > 0 ? this.ends[i - 1] : 0;
      this.texts.set(i, (t = runsText(item.exec(this.xml)![1] ?? "")));
    }
    return t;
  }
}

/** Decodes a cell's cached text (shared or inline). */
export function cachedText(c: CellPart, sst: SharedItems): string | null {
  if (c.is !== undefined) return c.is;
  if (c.t === "s") return c.v === null ? null : (sst.item(Number(c.v)) ?? null);
  if (c.t === "str" || c.t === "inlineStr") return c.v;
  return null;
}

/**
 * The package's bytes: the changed parts written, every other part as it was (its compressed bytes copied,
 * zipWrite.ts).
 */
export async function savePackage(book: DirectBook): Promise<Uint8Array> {
  const changed = new Map<string, PartText>();
  for (const part of book.dirty) {
    const s = book.sheets.find((e) => e.part === part);
    if (!s) continue;
    const sheet = book.sheet(s.name);
    shareFormulas(sheet, sheet.wroteFormula);
    shareTexts(book, sheet.wroteText);
    changed.set(part, { pieces: () => sheetPieces(sheet.part) });
  }
  if (book.styles.changed) {
    changed.set(book.stylesPart, book.styles.serialize());
    if (!book.stylesExisted) {
      book.addWorkbookRel(`${REL}/styles`, book.stylesPart);
      book.opc.setContentType(
        book.stylesPart,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
      );
    }
  }
  if (book.addedStrings.length) await appendStrings(book, changed);
  if (book.workbookChanged) changed.set(book.workbookPart, book.workbookXml);
  if (book.relsChanged) book.opc.setRels(book.workbookPart, book.workbookRels);
  for (const [part, text] of book.texts) changed.set(part, text);
  book.opc.flushContentTypes();
  // New parts get an entry in the zip (their text comes from `changed`).
  for (const part of changed.keys()) if (!book.zip.file(part)) book.zip.file(part, "");
  return writeZip(book.zip, changed);
}

/** The shared strings appended (items after the part's own; counts updated), the part made when missing. */
async function appendStrings(book: DirectBook, changed: Map<string, PartText>): Promise<void> {
  const items = book.addedStrings
    .map((t) => `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ""}>${encodeXml(t)}</t></si>`)
    .join("");
  const part = book.sstPart ?? "xl/sharedStrings.xml";
  let xml = book.sstPart ? ((await book.text(part)) ?? "") : "";
  if (!xml) {
    xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';
    book.addWorkbookRel(`${REL}/sharedStrings`, part);
    book.opc.setContentType(
      part,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
    );
  }
  const n = book.addedStrings.length;
  const bump = (tag: string, k: string) =>
    tag.replace(new RegExp(`\\b${k}="(\\d+)"`), (_m, v: string) => `${k}="${Number(v) + n}"`);
  xml = xml.replace(/<((?:\w+:)?)sst\b[^>]*?(\/?)>/, (tag, p: string, self: string) => {
    const open = bump(bump(tag, "count"), "uniqueCount");
    return self ? `${open.slice(0, -2)}></${p}sst>` : open;
  });
  xml = xml.replace(/<\/((?:\w+:)?)sst>\s*$/, (end) => `${items}${end}`);
  changed.set(part, xml);
}

/** A worksheet's XML in pieces of a few hundred rows (serializeSheet's text, never whole in memory). */
function* sheetPieces(p: SheetPart): Iterable<string> {
  if (!p.rows.length) {
    yield serializeSheet(p);
    return;
  }
  yield p.head + (p.dataTag.endsWith("/>") ? `${p.dataTag.slice(0, -2).trimEnd()}>` : p.dataTag);
  const BATCH = 500;
  const rows = p.rows;
  for (let i = 0; i < rows.length; i += BATCH) {
    let text = "";
    const end = Math.min(rows.length, i + BATCH);
    for (let k = i; k < end; k++) text += serializeRow(rows[k]);
    yield text;
  }
  yield "</sheetData>" + p.tail;
}
