/**
 * The styles part (xl/styles.xml) of a workbook read and written directly, without ExcelJS: what a cell's
 * style index means to the core (`format`, exactly as the ExcelJS reader reports it: read.ts + cells.ts),
 * the colours of a conditional format (`dxfFormat`), and new styles for the writer (`derive`, `dxf`) with
 * the semantics of the ExcelJS writer's setStyle (apply.ts `styled`) and addRules (sheetExtras.ts).
 *
 * Nothing of the part is rewritten: new fonts, fills, number formats, cell formats and dxfs are appended to
 * their lists (only when no equal entry exists) and everything else is serialised as it was read.
 */
import type { CellStyle } from "../../../core/types";
import { colorToHex, paletteOfTheme, type ThemePalette } from "../colors";
import { decodeXml, encodeXml } from "../xml";

/** What the core reads of a cell's style (cells.ts CellFormats). */
export interface DirectFormat {
  numberFormat: string | null;
  fill: string | null;
  bold: boolean;
  fontColor: string | null;
  wrap: boolean;
  fontName: string | null;
}

/** The format of a cell with no style (index 0 or none): nothing shown. */
export const PLAIN: DirectFormat = Object.freeze({
  numberFormat: null,
  fill: null,
  bold: false,
  fontColor: null,
  wrap: false,
  fontName: null,
});

/** Excel's built-in number formats (those ExcelJS knows without a locale: defaultnumformats.js). */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};
const BUILT_IN_ID = new Map(Object.entries(BUILT_IN).map(([id, f]) => [f, Number(id)]));

// ---- small XML helpers (the part is machine-written: elements and attributes, no DTD) ----

/** Attribute text of an element: quoted values may hold ">". */
const ATTRS = `((?:[^>"']|"[^"]*"|'[^']*')*?)`;

/** The attributes of an element's start tag, by local name (values decoded). */
export function attrsOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1], decodeXml(m[2] ?? m[3] ?? ""));
  return out;
}

const attrText = (attrs: Map<string, string>) =>
  [...attrs].map(([k, v]) => ` ${k}="${encodeXml(v)}"`).join("");

interface Element {
  prefix: string;
  name: string;
  attrs: string;
  /** Inner XML, or null for an empty-element tag. */
  inner: string | null;
  xml: string;
}

/** The child elements (of any name) of a fragment, in order, with their raw text. */
function children(xml: string): Element[] {
  const re = new RegExp(`<(\\w+:)?(\\w+)\\b${ATTRS}(?:/>|>([\\s\\S]*?)</\\1?\\2>)`, "g");
  const out: Element[] = [];
  for (const m of xml.matchAll(re))
    out.push({ prefix: m[1] ?? "", name: m[2], attrs: m[3], inner: m[4] ?? null, xml: m[0] });
  return out;
}

/** A list section of the stylesheet (<fonts>, <fills>, <numFmts>, <cellXfs>, <dxfs>). */
interface Section {
  /** Where the section's text starts and ends in the part, or null when the part has none. */
  start: number;
  end: number;
  prefix: string;
  openAttrs: string;
  items: Element[];
  added: string[];
}

function section(xml: string, name: string, item: string): Section | null {
  const re = new RegExp(`<(\\w+:)?${name}\\b${ATTRS}(?:/>|>([\\s\\S]*?)</\\1?${name}>)`);
  const m = re.exec(xml);
  if (!m) return null;
  const items = children(m[3] ?? "").filter((e) => e.name === item);
  return {
    start: m.index,
    end: m.index + m[0].length,
    prefix: m[1] ?? "",
    openAttrs: m[2],
    items,
    added: [],
  };
}

/** An ExcelJS-like colour model from a colour element's attributes (color-xform.js's parse). */
function colorModel(
  attrs: string,
): { argb?: string; theme?: number; tint?: number; indexed?: number } | undefined {
  const a = attrsOf(attrs);
  const rgb = a.get("rgb");
  if (rgb) return { argb: rgb };
  const theme = a.get("theme");
  if (theme) {
    const tint = a.get("tint");
    return { theme: parseInt(theme, 10), ...(tint ? { tint: parseFloat(tint) } : {}) };
  }
  const indexed = a.get("indexed");
  if (indexed) return { indexed: parseInt(indexed, 10) };
  return undefined;
}

/** The text colour a cell has unless someone chose another (cells.ts isAutomaticText). */
function isAutomaticText(c: ReturnType<typeof colorModel>): boolean {
  if (!c) return true;
  return (c.theme === 1 && !c.tint) || c.indexed === 64;
}

const parseBoolean = (v: string | undefined) => v === "1" || v === "true";
const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

interface FontFacts {
  bold: boolean;
  color: string | null;
  name: string | null;
}

interface XfModel {
  prefix: string;
  attrs: Map<string, string>;
  /** The <alignment> attributes, or null when the format has none. */
  alignment: Map<string, string> | null;
  /** The other children (protection, extLst), as they were. */
  rest: string;
}

const DEFAULT_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

/** Elements of the stylesheet, in the schema's order (where a missing section is created). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

export class StylesPart {
  private readonly palette: ThemePalette;
  private readonly numFmts: Section | null;
  private readonly fonts: Section;
  private readonly fills: Section;
  private readonly xfs: Section;
  private dxfs: Section | null;
  /** Custom number formats by id, and ids by format code. */
  private readonly codeById = new Map<number, string>();
  private readonly idByCode = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly addedNumFmts: string[] = [];
  private readonly formats = new Map<number, DirectFormat>();
  private readonly fontFacts = new Map<number, FontFacts>();
  private readonly xfModels = new Map<number, XfModel>();
  private readonly fontIds = new Map<string, number>();
  private readonly fillIds = new Map<string, number>();
  private readonly xfIds = new Map<string, number>();
  private readonly dxfIds = new Map<string, number>();
  private readonly derived = new Map<string, number>();
  private readonly created: boolean;

  private constructor(
    private readonly xml: string,
    theme: string | undefined,
    created: boolean,
  ) {
    this.created = created;
    this.palette = paletteOfTheme(theme);
    const need = (name: string, item: string) => {
      const s = section(xml, name, item);
      if (!s) throw new Error(`styles part without <${name}>`);
      return s;
    };
    this.numFmts = section(xml, "numFmts", "numFmt");
    this.fonts = need("fonts", "font");
    this.fills = need("fills", "fill");
    this.xfs = need("cellXfs", "xf");
    this.dxfs = section(xml, "dxfs", "dxf");
    for (const e of this.numFmts?.items ?? []) {
      const a = attrsOf(e.attrs);
      const id = parseInt(a.get("numFmtId") ?? "", 10);
      const code = a.get("formatCode");
      if (!Number.isFinite(id) || code === undefined) continue;
      this.codeById.set(id, code);
      if (!this.idByCode.has(code)) this.idByCode.set(code, id);
      this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
    }
  }

  /** The styles part of a package (`xml` undefined: a package without one gets Excel's defaults). */
  static parse(xml: string | undefined, theme?: string): StylesPart {
    return new StylesPart(xml ?? DEFAULT_STYLES, theme, xml === undefined);
  }

  /** Whether anything was added (the part must then be written). */
  get changed(): boolean {
    return (
      this.created ||
      this.addedNumFmts.length > 0 ||
      this.fonts.added.length > 0 ||
      this.fills.added.length > 0 ||
      this.xfs.added.length > 0 ||
      (this.dxfs?.added.length ?? 0) > 0
    );
  }

  private item(s: Section, id: number): string | undefined {
    return id < s.items.length ? s.items[id]?.xml : s.added[id - s.items.length];
  }

  private count(s: Section): number {
    return s.items.length + s.added.length;
  }

  private xfModel(s: number): XfModel | undefined {
    let m = this.xfModels.get(s);
    if (m) return m;
    const xml = this.item(this.xfs, s);
    if (!xml) return undefined;
    const [el] = children(xml);
    const kids = children(el.inner ?? "");
    const al = kids.find((k) => k.name === "alignment");
    m = {
      prefix: el.prefix,
      attrs: attrsOf(el.attrs),
      alignment: al ? attrsOf(al.attrs) : null,
      rest: kids
        .filter((k) => k !== al)
        .map((k) => k.xml)
        .join(""),
    };
    this.xfModels.set(s, m);
    return m;
  }

  private fontOf(id: number): FontFacts | null {
    let f = this.fontFacts.get(id);
    if (f) return f;
    const xml = this.item(this.fonts, id);
    if (!xml) return null;
    const kids = children(children(xml)[0]?.inner ?? "");
    const color = colorModel(kids.find((k) => k.name === "color")?.attrs ?? "");
    const name = attrsOf(kids.find((k) => k.name === "name")?.attrs ?? "").get("val");
    f = {
      bold: kids.some((k) => k.name === "b"),
      color: isAutomaticText(color) ? null : colorToHex(color, this.palette),
      name: typeof name === "string" && name !== "" ? name : null,
    };
    this.fontFacts.set(id, f);
    return f;
  }

  private fillOf(id: number): string | null {
    const xml = this.item(this.fills, id);
    if (!xml) return null;
    const pattern = children(children(xml)[0]?.inner ?? "").find((k) => k.name === "patternFill");
    if (!pattern) return null;
    const type = attrsOf(pattern.attrs).get("patternType");
    if (!type || type === "none") return null;
    const kids = children(pattern.inner ?? "");
    const fg = colorModel(kids.find((k) => k.name === "fgColor")?.attrs ?? "");
    const bg = colorModel(kids.find((k) => k.name === "bgColor")?.attrs ?? "");
    return colorToHex(fg, this.palette) ?? (type === "solid" ? null : colorToHex(bg, this.palette));
  }

  private numFmtOf(id: number): string | null {
    if (!id) return null;
    const code = this.codeById.get(id) ?? BUILT_IN[id];
    return code && code !== "General" ? code : null;
  }

  /**
   * What the core reads of a cell with style index `s`, as the ExcelJS reader reports it: a cell of style 0
   * (or an unknown index) is plain, as ExcelJS gives such cells no style at all.
   */
  format(s: number): DirectFormat {
    if (!s) return PLAIN;
    let f = this.formats.get(s);
    if (f) return f;
    const xf = this.xfModel(s);
    if (!xf) return PLAIN;
    const int = (k: string) => {
      const n = parseInt(xf.attrs.get(k) ?? "", 10);
      return Number.isFinite(n) ? n : null;
    };
    const fontId = int("fontId");
    const font = fontId === null ? null : this.fontOf(fontId);
    const fillId = int("fillId");
    f = {
      numberFormat: this.numFmtOf(int("numFmtId") ?? 0),
      fill: fillId === null ? null : this.fillOf(fillId),
      bold: font?.bold ?? false,
      fontColor: font?.color ?? null,
      wrap: parseBoolean(xf.alignment?.get("wrapText")),
      fontName: font?.name ?? null,
    };
    this.formats.set(s, f);
    return f;
  }

  /** The colours of a conditional format's dxf, as the ExcelJS reader reports them (sheetExtras readRules). */
  dxfFormat(id: number): { fill?: string; fontColor?: string } {
    const xml = this.dxfs && this.item(this.dxfs, id);
    if (!xml) return {};
    const kids = children(children(xml)[0]?.inner ?? "");
    const out: { fill?: string; fontColor?: string } = {};
    const fontKids = children(kids.find((k) => k.name === "font")?.inner ?? "");
    const fontColor = colorToHex(
      colorModel(fontKids.find((k) => k.name === "color")?.attrs ?? ""),
      this.palette,
    );
    const fill = kids.find((k) => k.name === "fill");
    const pattern = children(fill?.inner ?? "").find((k) => k.name === "patternFill");
    const pk = children(pattern?.inner ?? "");
    const bg = colorModel(pk.find((k) => k.name === "bgColor")?.attrs ?? "");
    const fg = colorModel(pk.find((k) => k.name === "fgColor")?.attrs ?? "");
    const fillHex = colorToHex(bg ?? fg, this.palette);
    if (fillHex) out.fill = fillHex;
    if (fontColor) out.fontColor = fontColor;
    return out;
  }

  private add(s: Section, ids: Map<string, number>, xml: string): number {
    if (!ids.size) s.items.forEach((e, i) => ids.has(e.xml) || ids.set(e.xml, i));
    const known = ids.get(xml);
    if (known !== undefined) return known;
    const id = this.count(s);
    s.added.push(xml);
    ids.set(xml, id);
    return id;
  }

  private numFmtId(code: string | undefined): number {
    if (!code || code === "General") return 0;
    const custom = this.idByCode.get(code);
    if (custom !== undefined) return custom;
    const builtIn = BUILT_IN_ID.get(code);
    if (builtIn !== undefined && !this.codeById.has(builtIn)) return builtIn;
    const id = this.nextNumFmt++;
    const p = this.numFmts?.prefix ?? this.xfs.prefix;
    this.addedNumFmts.push(`<${p}numFmt numFmtId="${id}" formatCode="${encodeXml(code)}"/>`);
    this.codeById.set(id, code);
    this.idByCode.set(code, id);
    return id;
  }

  /** The font `fontId` with the changes of `style` (apply.ts `styled`: bold, colour, name). */
  private derivedFont(fontId: number, st: CellStyle): string {
    const p = this.fonts.prefix;
    const xml = this.item(this.fonts, fontId) ?? `<${p}font/>`;
    const [el] = children(xml);
    let kids = children(el.inner ?? "").map((k) => k.xml);
    const named = (n: string) => (k: string) => new RegExp(`^<(\\w+:)?${n}\\b`).test(k);
    if ("bold" in st) {
      kids = kids.filter((k) => !named("b")(k));
      if (st.bold) kids.unshift(`<${p}b/>`);
    }
    // Colour and name go where they were, else before family/charset/scheme (Excel's own order).
    const put = (n: string, value: string | null) => {
      const at = kids.findIndex(named(n));
      if (value === null) {
        if (at >= 0) kids.splice(at, 1);
        return;
      }
      if (at >= 0) kids[at] = value;
      else {
        const later =
          n === "color" ? ["name", "family", "charset", "scheme"] : ["family", "charset", "scheme"];
        const before = kids.findIndex((k) => later.some((l) => named(l)(k)));
        kids.splice(before >= 0 ? before : kids.length, 0, value);
      }
    };
    if ("fontColor" in st) put("color", st.fontColor ? `<${p}color rgb="${argb(st.fontColor)}"/>` : null);
    if ("fontName" in st) put("name", st.fontName ? `<${p}name val="${encodeXml(st.fontName)}"/>` : null);
    const tag = `${el.prefix}font`;
    return kids.length ? `<${tag}${el.attrs}>${kids.join("")}</${tag}>` : `<${tag}${el.attrs}/>`;
  }

  private xfXml(m: XfModel): string {
    const p = m.prefix;
    const al = m.alignment && m.alignment.size ? `<${p}alignment${attrText(m.alignment)}/>` : "";
    const inner = al + m.rest;
    return inner ? `<${p}xf${attrText(m.attrs)}>${inner}</${p}xf>` : `<${p}xf${attrText(m.attrs)}/>`;
  }

  /**
   * The style index of a cell of style `s` after a setStyle of `style` (apply.ts `styled`'s semantics):
   * the format of `s` with the fields given changed, appended to cellXfs (with its font, fill, number
   * format) only when no equal entry exists.
   */
  derive(s: number, style: CellStyle): number {
    const key = `${s}\u0000${JSON.stringify(style)}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const base = this.xfModel(s) ?? this.xfModel(0);
    const m: XfModel = base
      ? {
          prefix: base.prefix,
          attrs: new Map(base.attrs),
          alignment: base.alignment && new Map(base.alignment),
          rest: base.rest,
        }
      : {
          prefix: this.xfs.prefix,
          attrs: new Map([
            ["numFmtId", "0"],
            ["fontId", "0"],
            ["fillId", "0"],
            ["borderId", "0"],
            ["xfId", "0"],
          ]),
          alignment: null,
          rest: "",
        };
    const flag = (k: string, on: boolean) => (on ? m.attrs.set(k, "1") : m.attrs.delete(k));
    if ("fill" in style) {
      const p = this.fills.prefix;
      const id = style.fill
        ? this.add(
            this.fills,
            this.fillIds,
            `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(style.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
          )
        : 0;
      m.attrs.set("fillId", String(id));
      flag("applyFill", id !== 0);
    }
    if ("bold" in style || "fontColor" in style || "fontName" in style) {
      const fontId = parseInt(m.attrs.get("fontId") ?? "0", 10) || 0;
      const id = this.add(this.fonts, this.fontIds, this.derivedFont(fontId, style));
      m.attrs.set("fontId", String(id));
      flag("applyFont", id !== 0);
    }
    if ("wrap" in style || "horizontalAlignment" in style) {
      const al = new Map(m.alignment ?? []);
      if ("wrap" in style) {
        if (style.wrap) al.set("wrapText", "1");
        else al.delete("wrapText");
      }
      if ("horizontalAlignment" in style) {
        const h = style.horizontalAlignment;
        if (h && h !== "General") al.set("horizontal", h.toLowerCase());
        else al.delete("horizontal");
      }
      m.alignment = al.size ? al : null;
      flag("applyAlignment", al.size > 0);
    }
    if ("numberFormat" in style) {
      const id = this.numFmtId(style.numberFormat);
      m.attrs.set("numFmtId", String(id));
      flag("applyNumberFormat", id !== 0);
    }
    const xml = this.xfXml(m);
    if (!this.xfIds.size)
      for (let i = 0; i < this.xfs.items.length; i++) {
        const mi = this.xfModel(i);
        if (mi && !this.xfIds.has(this.xfXml(mi))) this.xfIds.set(this.xfXml(mi), i);
      }
    let id = this.xfIds.get(xml);
    if (id === undefined) {
      id = this.count(this.xfs);
      this.xfs.added.push(xml);
      this.xfIds.set(xml, id);
    }
    this.derived.set(key, id);
    return id;
  }

  /** The dxf index for a conditional format's colours (sheetExtras addRules' dxf), appended when new. */
  dxf(fill?: string, fontColor?: string): number {
    const p = this.dxfs?.prefix ?? this.xfs.prefix;
    const font = fontColor ? `<${p}font><${p}color rgb="${argb(fontColor)}"/></${p}font>` : "";
    const fillXml = fill
      ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(fill)}"/><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill>`
      : "";
    const xml = `<${p}dxf>${font}${fillXml}</${p}dxf>`;
    // No <dxfs> yet: one is created at serialisation.
    this.dxfs ??= { start: -1, end: -1, prefix: p, openAttrs: "", items: [], added: [] };
    return this.add(this.dxfs, this.dxfIds, xml);
  }

  /** The part's XML: as read, with the entries added appended to their lists (counts updated). */
  serialize(): string {
    if (!this.changed) return this.xml;
    type Edit = { start: number; end: number; text: string; name: string };
    const edits: Edit[] = [];
    const listText = (name: string, s: Section | null, extra: string[]) => {
      const p = s?.prefix ?? this.xfs.prefix;
      const items = [...(s?.items.map((e) => e.xml) ?? []), ...extra];
      const open = (s?.openAttrs ?? "").replace(/\s+count\s*=\s*("[^"]*"|'[^']*')/, "");
      return `<${p}${name} count="${items.length}"${open}>${items.join("")}</${p}${name}>`;
    };
    const edit = (name: string, s: Section | null, extra: string[]) => {
      if (!extra.length) return;
      edits.push({
        start: s && s.start >= 0 ? s.start : -1,
        end: s && s.start >= 0 ? s.end : -1,
        text: listText(name, s, extra),
        name,
      });
    };
    edit("numFmts", this.numFmts, this.addedNumFmts);
    edit("fonts", this.fonts, this.fonts.added);
    edit("fills", this.fills, this.fills.added);
    edit("cellXfs", this.xfs, this.xfs.added);
    edit("dxfs", this.dxfs, this.dxfs?.added ?? []);
    // A section the part lacks goes before the first later section present (or before </styleSheet>).
    for (const e of edits) {
      if (e.start >= 0) continue;
      const later = ORDER.slice(ORDER.indexOf(e.name) + 1);
      let at = -1;
      for (const n of later) {
        const m = new RegExp(`<(\\w+:)?${n}\\b`).exec(this.xml);
        if (m) {
          at = m.index;
          break;
        }
      }
      if (at < 0) at = /<\/(\w+:)?styleSheet>/.exec(this.xml)?.index ?? this.xml.length;
      e.start = e.end = at;
    }
    edits.sort((a, b) => b.start - a.start || b.end - a.end);
    let out = this.xml;
    for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  }
}
