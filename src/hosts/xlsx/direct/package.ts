/**
 * An .xlsx package opened for the direct path (no ExcelJS): the zip, the texts of the parts a read needs
 * (inflated once, when the package opens), the workbook part (sheets in tab order with their parts and
 * states, defined names, date system, active tab), shared strings and the worksheets' tables — each parsed
 * when first asked for, a worksheet into a mutable SheetPart (sheetPart.ts) that the direct writer edits.
 *
 * The direct path reads what ExcelJS 4.4 reads, from the package layout Excel, LibreOffice and ExcelJS write
 * (`xl/workbook.xml`, `xl/worksheets/sheetN.xml`, `xl/tables/tableN.xml`, `xl/sharedStrings.xml`,
 * `xl/styles.xml`): anything else (another layout, strict OOXML, chart sheets, a part it cannot parse)
 * throws DirectUnsupported and the caller uses ExcelJS, so both paths always read the same workbook alike.
 */
import JSZip from "jszip";
import { attrs, decodeXml, parseRels, relKind, relsPathOf, resolveTarget, type Rel } from "../xml";
import { parseSheet, runsText, type SheetPart } from "./sheetPart";
import { DirectUnsupported } from "./unsupported";

export { DirectUnsupported } from "./unsupported";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export interface SheetEntry {
  name: string;
  sheetId: string;
  rId: string;
  /** The worksheet part (`xl/worksheets/sheet1.xml`). */
  part: string;
  /** As written ("visible" when absent): ExcelJS, and so the readers, count any other value as hidden. */
  state: string;
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
  private readonly sheets = new Map<string, SheetPart>();
  private strings: (string | null)[] | null = null;
  private tableCache = new Map<string, TablePart[]>();

  readonly sheetEntries: SheetEntry[] = [];
  readonly names: RawDefinedName[] = [];
  date1904 = false;
  activeTab = 0;
  workbookXml = "";

  /** Use openPackage: it inflates the parts a read needs into `texts` and reads the workbook part. */
  constructor(
    readonly zip: JSZip,
    readonly bytes: Uint8Array,
    private readonly texts: Map<string, string>,
  ) {}

  /** The text of a part inflated when the package opened (undefined when absent). */
  text(part: string): string | undefined {
    return this.texts.get(part);
  }

  /** Whether the zip holds a part (loaded or not). */
  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  /** The relationships of a part (`""` for the package's). */
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

  /** A worksheet parsed once (the same mutable SheetPart on every call). */
  sheet(name: string): SheetPart {
    let p = this.sheets.get(name);
    if (!p) {
      const e = this.entry(name);
      if (!e) throw new DirectUnsupported(`no sheet ${name}`);
      const xml = this.texts.get(e.part);
      if (xml === undefined) throw new DirectUnsupported(`missing part ${e.part}`);
      this.sheets.set(name, (p = parseSheet(xml)));
    }
    return p;
  }

  /** The sheets parsed so far (by name): those a writer may have changed. */
  parsedSheets(): ReadonlyMap<string, SheetPart> {
    return this.sheets;
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

/** Opens .xlsx bytes for the direct path; throws DirectUnsupported for what it does not read. */
export async function openPackage(bytes: Uint8Array): Promise<DirectPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new DirectUnsupported(`zip: ${(e as Error).message}`);
  }
  const texts = new Map<string, string>();
  const pkg = new DirectPackage(zip, bytes, texts);
  const load = async (part: string) => {
    const f = zip.file(part);
    if (f) texts.set(part, await f.async("string"));
  };
  await Promise.all(["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"].map(load));
  const main = pkg.rels("").find((r) => relKind(r.type) === "officeDocument");
  if (!main || resolveTarget("", main.target) !== "xl/workbook.xml")
    throw new DirectUnsupported("the workbook part is not xl/workbook.xml");
  const wb = texts.get("xl/workbook.xml");
  if (wb === undefined) throw new DirectUnsupported("no xl/workbook.xml");
  readWorkbook(pkg, wb);
  const wanted = new Set<string>(["xl/sharedStrings.xml", "xl/styles.xml"]);
  for (const name of Object.keys(zip.files))
    if (/^xl\/theme\/[a-zA-Z0-9]+\.xml$/.test(name)) wanted.add(name);
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
    if (!texts.has(s.part)) throw new DirectUnsupported(`missing worksheet part ${s.part}`);
  // Tables: those the sheets' rels name.
  const tables = new Set<string>();
  for (const s of pkg.sheetEntries)
    for (const r of pkg.rels(s.part))
      if (relKind(r.type) === "table" && !r.external) tables.add(resolveTarget(s.part, r.target));
  await Promise.all([...tables].map(load));
  return pkg;
}

function readWorkbook(pkg: DirectPackage, xml: string): void {
  const root = /<((?:[\w.-]+:)?)workbook\b[^>]*>/.exec(xml);
  if (!root) throw new DirectUnsupported("no workbook element");
  if (root[1]) throw new DirectUnsupported(`prefixed workbook elements (${root[1]})`);
  if (attrs(root[0]).xmlns !== MAIN_NS)
    throw new DirectUnsupported("not transitional SpreadsheetML (strict OOXML?)");
  pkg.workbookXml = xml;
  const rels = pkg.rels("xl/workbook.xml");
  for (const m of xml.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const rel = rels.find((r) => r.id === a["r:id"]);
    // ExcelJS skips a sheet without a relationship; a chart sheet or dialog sheet is a sheet it drops.
    if (!rel) continue;
    if (relKind(rel.type) !== "worksheet") throw new DirectUnsupported(`a ${relKind(rel.type)} sheet`);
    const part = resolveTarget("xl/workbook.xml", rel.target);
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) throw new DirectUnsupported(`worksheet part ${part}`);
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    pkg.sheetEntries.push({
      name: a.name ?? "",
      sheetId: a.sheetId ?? "",
      rId: a["r:id"] ?? "",
      part,
      state,
    });
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
const unescapeX = (s: string) =>
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
    const body = xml.slice(gt + 1, end);
    let text: string;
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
