/**
 * The one model of an .xlsx package opened for the direct path (no ExcelJS), shared by the direct reader
 * (read.ts) and the direct writer (book.ts builds its DirectBook on it): the zip, read by zip.ts (the one zip
 * reader: every part's text is inflated by it, once, and kept), the workbook part (sheets in tab order with
 * their parts and states, defined names, date system, active tab), shared strings and the worksheets'
 * tables — each parsed when first asked for, a worksheet once into a mutable SheetPart (sheetPart.ts): the
 * same object the reader reads and the writer then edits.
 *
 * The direct path reads what ExcelJS 4.4 reads, from the package layout Excel, LibreOffice and ExcelJS write
 * (`xl/workbook.xml`, `xl/worksheets/sheetN.xml`, `xl/tables/tableN.xml`, `xl/sharedStrings.xml`,
 * `xl/styles.xml`): anything else (another layout, strict OOXML, chart sheets, a part it cannot parse)
 * throws DirectUnsupported and the caller uses ExcelJS, so both paths always read the same workbook alike.
 */
import { attrs, decodeXml, parseRels, relKind, relsPathOf, resolveTarget, type Rel } from "../xml";
import { parseSheet, runsText, type SheetPart } from "./sheetPart";
import { DirectUnsupported } from "./unsupported";
import JSZip from "jszip";
import { ZipReader, type Inflate } from "./zip";

export { DirectUnsupported } from "./unsupported";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A `<sheet>` of the workbook part: the reader's and the writer's (which adds, renames and deletes them). */
export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** The sheet's part (`xl/worksheets/sheet1.xml`). */
  part: string;
  /** The `state` attribute as written (null when absent). */
  state: string | null;
}

/** Every `<sheet>` of the workbook part that has a relationship, in tab order, with the kind of that. */
export function sheetsOf(
  workbookXml: string,
  rels: readonly Rel[],
  workbookPart = "xl/workbook.xml",
): { entry: SheetEntry; kind: string; named: boolean }[] {
  const out: { entry: SheetEntry; kind: string; named: boolean }[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const rel = rels.find((r) => r.id === a["r:id"]);
    if (!rel) continue;
    out.push({
      entry: {
        name: a.name ?? "",
        sheetId: Number(a.sheetId) || 0,
        rId: rel.id,
        part: resolveTarget(workbookPart, rel.target),
        state: a.state ?? null,
      },
      kind: relKind(rel.type),
      named: a.name !== undefined,
    });
  }
  return out;
}

export interface RawDefinedName {
  name: string;
  /** The tab index of the sheet a local name belongs to, else undefined. */
  localSheetId: number | undefined;
  hidden: boolean;
  /** The value as written, decoded (`'Kết quả'!$A$1:$E$30`, `0.5`). */
  text: string;
}

/** A table part as the reader needs it (the attributes ExcelJS models). */
export interface TablePart {
  part: string;
  name: string;
  ref: string;
  headerRowCount: string | undefined;
  totalsRowCount: string | undefined;
  autoFilterRef: string | undefined;
  styleName: string | undefined;
  hasStyleInfo: boolean;
  columns: string[];
}

export class DirectPackage {
  /** Worksheets parsed so far, by part: one SheetPart each, for the reader and the writer alike. */
  private readonly parsed = new Map<string, SheetPart>();
  private strings: (string | null)[] | null = null;
  private tableCache = new Map<string, TablePart[]>();

  /** The worksheets the reader reads (openPackage), in tab order; empty for a package opened by openZip. */
  readonly sheetEntries: SheetEntry[] = [];
  readonly names: RawDefinedName[] = [];
  date1904 = false;
  activeTab = 0;
  workbookXml = "";

  /** Use openPackage (to read) or openZip (to write what the reader does not read). */
  constructor(
    /** The zip as zip.ts reads it: every part's text comes through it (load, text). */
    readonly archive: ZipReader,
    /**
     * The same zip as JSZip opens it (its central directory only: nothing inflated), for the direct writer,
     * which writes the parts it does not change with their compressed bytes as they were (zipWrite.ts).
     */
    readonly zip: JSZip,
    readonly bytes: Uint8Array,
    private readonly texts: Map<string, string> = new Map(),
  ) {}

  /** The text of a part already loaded (openPackage loads what a read needs); undefined when not. */
  text(part: string): string | undefined {
    return this.texts.get(part);
  }

  /** A part's text, inflated once (undefined when the zip has no such part). */
  async load(part: string): Promise<string | undefined> {
    let t = this.texts.get(part);
    if (t === undefined && this.archive.has(part)) {
      t = await this.archive.text(part);
      if (t !== undefined) this.texts.set(part, t);
    }
    return t;
  }

  /** Whether the zip holds a part (loaded or not). */
  has(part: string): boolean {
    return this.archive.has(part);
  }

  /** The relationships of a part (`""` for the package's), from its rels part as loaded. */
  rels(part: string): Rel[] {
    return parseRels(this.texts.get(part === "" ? "_rels/.rels" : relsPathOf(part)));
  }

  /** The styles part's XML, the theme's (theme1, else the first), for StylesPart.parse. */
  get stylesXml(): string | undefined {
    return this.texts.get("xl/styles.xml");
  }

  get themeXml(): string | undefined {
    const t1 = this.texts.get("xl/theme/theme1.xml");
    if (t1 !== undefined) return t1;
    for (const [p, x] of this.texts) if (/^xl\/theme\/[a-zA-Z0-9]+\.xml$/.test(p)) return x;
    return undefined;
  }

  entry(name: string): SheetEntry | undefined {
    return this.sheetEntries.find((s) => s.name === name);
  }

  /** A worksheet the reader reads, parsed once (the same mutable SheetPart on every call). */
  sheet(name: string): SheetPart {
    const e = this.entry(name);
    if (!e) throw new DirectUnsupported(`no sheet ${name}`);
    const p = this.worksheet(e.part);
    if (!p) throw new DirectUnsupported(`missing part ${e.part}`);
    return p;
  }

  /**
   * The worksheet part at `part`, parsed once from its loaded text (undefined when not loaded): the one
   * place a worksheet is parsed — the writer (DirectBook.load) edits the SheetPart the reader read.
   */
  worksheet(part: string): SheetPart | undefined {
    let p = this.parsed.get(part);
    if (!p) {
      const xml = this.texts.get(part);
      if (xml === undefined) return undefined;
      this.parsed.set(part, (p = parseSheet(xml)));
    }
    return p;
  }

  /**
   * Shared string i as a cell shows it: rich-text runs joined, phonetic runs skipped, `_xHHHH_` escapes
   * decoded as ExcelJS decodes them; null for an empty string.
   */
  sharedString(i: number): string | null | undefined {
    if (!this.strings) this.strings = parseSharedStrings(this.texts.get("xl/sharedStrings.xml"));
    return this.strings[i];
  }

  /** The tables of a sheet (from its rels), in rels order. */
  tables(name: string): TablePart[] {
    let t = this.tableCache.get(name);
    if (!t) {
      const e = this.entry(name);
      t = [];
      if (e)
        for (const r of this.rels(e.part)) {
          if (relKind(r.type) !== "table" || r.external) continue;
          const part = resolveTarget(e.part, r.target);
          if (!/^xl\/tables\/table\d+\.xml$/.test(part)) throw new DirectUnsupported(`table part ${part}`);
          const xml = this.texts.get(part);
          if (xml === undefined) throw new DirectUnsupported(`missing part ${part}`);
          t.push(parseTable(part, xml));
        }
      this.tableCache.set(name, t);
    }
    return t;
  }
}

/**
 * Opens .xlsx bytes for the direct path; throws DirectUnsupported for what it does not read. `inflate`: the
 * raw-deflate inflater (default: the platform's DecompressionStream; the CLI gives Node's zlib).
 */
export async function openPackage(
  bytes: Uint8Array,
  opts: { inflate?: Inflate } = {},
): Promise<DirectPackage> {
  const pkg = await openZip(bytes, opts);
  const zip = pkg.archive;
  const load = (part: string) => pkg.load(part);
  await Promise.all(["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"].map(load));
  const main = pkg.rels("").find((r) => relKind(r.type) === "officeDocument");
  if (!main || resolveTarget("", main.target) !== "xl/workbook.xml")
    throw new DirectUnsupported("the workbook part is not xl/workbook.xml");
  const wb = pkg.text("xl/workbook.xml");
  if (wb === undefined) throw new DirectUnsupported("no xl/workbook.xml");
  readWorkbook(pkg, wb);
  const wanted = new Set<string>(["xl/sharedStrings.xml", "xl/styles.xml"]);
  for (const name of zip.names()) if (/^xl\/theme\/[a-zA-Z0-9]+\.xml$/.test(name)) wanted.add(name);
  const wbRels = pkg.rels("xl/workbook.xml");
  for (const r of wbRels) {
    const kind = relKind(r.type);
    const part = resolveTarget("xl/workbook.xml", r.target);
    if (
      (kind === "sharedStrings" && part !== "xl/sharedStrings.xml") ||
      (kind === "styles" && part !== "xl/styles.xml")
    )
      throw new DirectUnsupported(`${kind} part ${part}`);
  }
  for (const s of pkg.sheetEntries) {
    wanted.add(s.part);
    wanted.add(relsPathOf(s.part));
  }
  await Promise.all([...wanted].map(load));
  // ExcelJS drops a sheet whose part is missing (sheetNames would then differ): leave such a file to it.
  for (const s of pkg.sheetEntries)
    if (pkg.text(s.part) === undefined) throw new DirectUnsupported(`missing worksheet part ${s.part}`);
  // Tables: those the sheets' rels name.
  const tables = new Set<string>();
  for (const s of pkg.sheetEntries)
    for (const r of pkg.rels(s.part))
      if (relKind(r.type) === "table" && !r.external) tables.add(resolveTarget(s.part, r.target));
  await Promise.all([...tables].map(load));
  return pkg;
}

/**
 * Opens the zip of .xlsx bytes for the direct path, without reading the workbook (the writer's start when
 * the reader does not read the file): throws DirectUnsupported for a zip zip.ts or JSZip does not open.
 */
export async function openZip(bytes: Uint8Array, opts: { inflate?: Inflate } = {}): Promise<DirectPackage> {
  const zip = new ZipReader(bytes, opts.inflate);
  let jszip: JSZip;
  try {
    jszip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new DirectUnsupported(`zip: ${(e as Error).message}`);
  }
  return new DirectPackage(zip, jszip, bytes);
}

function readWorkbook(pkg: DirectPackage, xml: string): void {
  const root = /<((?:[\w.-]+:)?)workbook\b[^>]*>/.exec(xml);
  if (!root) throw new DirectUnsupported("no workbook element");
  if (root[1]) throw new DirectUnsupported(`prefixed workbook elements (${root[1]})`);
  if (attrs(root[0]).xmlns !== MAIN_NS)
    throw new DirectUnsupported("not transitional SpreadsheetML (strict OOXML?)");
  pkg.workbookXml = xml;
  const rels = pkg.rels("xl/workbook.xml");
  for (const { entry, kind } of sheetsOf(xml, rels)) {
    // ExcelJS drops a sheet without a relationship (sheetsOf has none), and chart, dialog and macro sheets
    // (it finds only worksheets): they are not among the snapshot's sheets on either path.
    if (kind === "chartsheet" || kind === "dialogsheet" || kind === "xlMacrosheet" || kind === "macrosheet")
      continue;
    if (kind !== "worksheet") throw new DirectUnsupported(`a ${kind} sheet`);
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.part))
      throw new DirectUnsupported(`worksheet part ${entry.part}`);
    pkg.sheetEntries.push(entry);
  }
  const pr = /<workbookPr\b[^>]*>/.exec(xml);
  pkg.date1904 = !!pr && /^(1|true)$/.test(attrs(pr[0]).date1904 ?? "");
  const view = /<workbookView\b[^>]*>/.exec(xml);
  pkg.activeTab = view ? Number(attrs(view[0]).activeTab ?? 0) || 0 : 0;
  for (const m of xml.matchAll(/<definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/definedName>)/g)) {
    const a = attrs(m[1]);
    pkg.names.push({
      name: a.name ?? "",
      localSheetId: a.localSheetId === undefined ? undefined : Number(a.localSheetId),
      hidden: a.hidden === "1" || a.hidden === "true",
      text: decodeXml(m[2] ?? ""),
    });
  }
}

/** `_x000B_` → U+000B, as ExcelJS decodes the text of shared strings (upper-case hex only). */
export const unescapeX = (s: string) =>
  s.includes("_x")
    ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;

function parseSharedStrings(xml: string | undefined): (string | null)[] {
  if (!xml) return [];
  if (/<\w+:sst\b/.test(xml)) throw new DirectUnsupported("prefixed shared strings");
  const out: (string | null)[] = [];
  let pos = 0;
  for (;;) {
    const at = xml.indexOf("<si", pos);
    if (at < 0) break;
    const gt = xml.indexOf(">", at);
    if (xml[gt - 1] === "/") {
      out.push(null);
      pos = gt + 1;
      continue;
    }
    const end = xml.indexOf("</si>", gt);
    if (end < 0) throw new DirectUnsupported("unterminated shared string");
    let text: string;
    // The commonest item, one plain <t> (the first case below), read in place: no body cut out first.
    if (
      end - gt - 1 >= 7 &&
      xml.startsWith("<t>", gt + 1) &&
      xml.startsWith("</t>", end - 4) &&
      xml.indexOf("<", gt + 4) === end - 4
    ) {
      const t = xml.slice(gt + 4, end - 4);
      text = unescapeX(t.includes("&") ? decodeXml(t) : t);
      out.push(text === "" ? null : text);
      pos = end + 5;
      continue;
    }
    const body = xml.slice(gt + 1, end);
    if (body.startsWith("<t>") && body.endsWith("</t>") && body.indexOf("<", 3) === body.length - 4)
      text = unescapeX(decodeXml(body.slice(3, -4)));
    else if (body.includes("<r>") || body.includes("<r "))
      // Each run's text is unescaped on its own (ExcelJS's runs), then joined.
      text = [...body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<r\b[^>]*>([\s\S]*?)<\/r>/g)]
        .map((r) => unescapeX(runsText(r[1])))
        .join("");
    else text = unescapeX(runsText(body));
    out.push(text === "" ? null : text);
    pos = end + 5;
  }
  return out;
}

function parseTable(part: string, xml: string): TablePart {
  const root = /<table\b[^>]*>/.exec(xml);
  if (!root) throw new DirectUnsupported(`table part ${part}`);
  const a = attrs(root[0]);
  const af = /<autoFilter\b[^>]*>/.exec(xml);
  const style = /<tableStyleInfo\b[^>]*>/.exec(xml);
  return {
    part,
    name: a.name ?? "",
    ref: a.ref ?? "",
    headerRowCount: a.headerRowCount,
    totalsRowCount: a.totalsRowCount,
    autoFilterRef: af ? attrs(af[0]).ref : undefined,
    styleName: style ? attrs(style[0]).name : undefined,
    hasStyleInfo: !!style,
    columns: [...xml.matchAll(/<tableColumn\b[^>]*>/g)].map((m) => attrs(m[0]).name ?? ""),
  };
}
