/**
 * The worksheet's elements around `<sheetData>` (a SheetPart's `head` and `tail`): find one by name, read
 * all of a repeated one (`conditionalFormatting`), replace or remove them, or insert one where the schema
 * (CT_Worksheet's sequence) puts it. String-level, like `../opc.ts`: only the worksheet's own children are
 * seen (nested elements of the same name, e.g. inside `<extLst>`, are not).
 */
import type { SheetPart } from "./sheetPart";

/** CT_Worksheet's children in schema order. */
export const WORKSHEET_ORDER: readonly string[] = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export interface Section {
  /** Qualified element name as written (`mergeCells`, `mc:AlternateContent`). */
  name: string;
  start: number;
  end: number;
  xml: string;
}

/**
 * The children of the worksheet element in a fragment of its XML: `depth` is how deep the fragment starts
 * (0 for a part's beginning, where `<worksheet>` is still to open; 1 inside `<worksheet>`).
 */
export function childrenOf(xml: string, depth: number): Section[] {
  const out: Section[] = [];
  let d = depth;
  let openAt = -1;
  let openName = "";
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) break;
    if (xml.startsWith("<?", lt)) {
      pos = xml.indexOf("?>", lt) + 2;
      continue;
    }
    if (xml.startsWith("<!--", lt)) {
      pos = xml.indexOf("-->", lt) + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      pos = xml.indexOf("]]>", lt) + 3;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (xml[lt + 1] === "/") {
      d--;
      if (d === 1 && openAt >= 0) {
        out.push({ name: openName, start: openAt, end: gt + 1, xml: xml.slice(openAt, gt + 1) });
        openAt = -1;
      }
    } else {
      const name = /^<([\w:.-]+)/.exec(xml.slice(lt, lt + 80))?.[1] ?? "";
      const selfClosing = xml[gt - 1] === "/";
      if (d === 1) {
        if (selfClosing) out.push({ name, start: lt, end: gt + 1, xml: xml.slice(lt, gt + 1) });
        else {
          openAt = lt;
          openName = name;
        }
      }
      if (!selfClosing) d++;
    }
    pos = gt + 1;
  }
  return out;
}

/** The end (`>`) of the tag starting at `lt`, skipping quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let q = "";
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (q) {
      if (ch === q) q = "";
    } else if (ch === '"' || ch === "'") q = ch;
    else if (ch === ">") return i;
  }
  return xml.length - 1;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** Where a section lives: before `<sheetData>` (head) or after it (tail). */
function sideOf(name: string): "head" | "tail" {
  const i = WORKSHEET_ORDER.indexOf(name);
  return i >= 0 && i < WORKSHEET_ORDER.indexOf("sheetData") ? "head" : "tail";
}

const depthOf = (side: "head" | "tail") => (side === "head" ? 0 : 1);

/** Every worksheet child called `name` (unprefixed local name), in document order. */
export function sectionsOf(p: SheetPart, name: string): Section[] {
  const side = sideOf(name);
  return childrenOf(p[side], depthOf(side)).filter((s) => s.name === name);
}

/** The first worksheet child called `name`, or null. */
export function sectionOf(p: SheetPart, name: string): Section | null {
  return sectionsOf(p, name)[0] ?? null;
}

/**
 * Puts `xml` (one or more `name` elements, or "" to remove) in place of every `name` element; when there
 * was none, inserts it before the first child that comes later in the schema's order.
 */
export function setSection(p: SheetPart, name: string, xml: string): void {
  const side = sideOf(name);
  const text = p[side];
  const children = childrenOf(text, depthOf(side));
  const same = children.filter((s) => s.name === name);
  if (same.length) {
    let out = text.slice(0, same[0].start) + xml;
    // Whatever stands between two of them (nothing, in a valid part) stays.
    for (let i = 0; i < same.length; i++) out += text.slice(same[i].end, same[i + 1]?.start ?? text.length);
    p[side] = out;
    return;
  }
  if (!xml) return;
  const rank = WORKSHEET_ORDER.indexOf(name);
  const later = children.find((s) => WORKSHEET_ORDER.indexOf(localName(s.name)) > rank);
  if (later) p[side] = text.slice(0, later.start) + xml + text.slice(later.start);
  else if (side === "head") p[side] = text + xml;
  else {
    const close = text.lastIndexOf("</");
    p[side] = text.slice(0, close) + xml + text.slice(close);
  }
}
