/**
 * Defined names and page breaks, which ExcelJS 4.4 loses inside parts it rewrites: it drops names whose
 * value is not a plain range (constants `0.5`, formulas `OFFSET(…)`, `#REF!`, whole columns `$C:$D`),
 * drops the `hidden`/`comment` attributes of the rest and writes `$A1:$E30` for `$A$1:$E$30`; it never
 * reads `<rowBreaks>`/`<colBreaks>`. These put them back from the input, moved by the inserted columns.
 */
import { shiftFormula, shiftIndex, type ColumnEdit } from "./anchors";
import { type Package } from "./opc";
import { attrs, decodeXml, encodeXml } from "./xml";

interface DefinedName {
  name: string;
  /** The sheet a local name belongs to (by name), else undefined. */
  sheet: string | undefined;
  attrs: Record<string, string>;
  text: string;
  raw: string;
}

const NAME = /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g;

function sheetOrder(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => attrs(m[0]).name ?? "");
}

function definedNames(xml: string): DefinedName[] {
  const sheets = sheetOrder(xml);
  return [...xml.matchAll(NAME)].map((m) => {
    const a = attrs(m[1]);
    const local = a.localSheetId;
    return {
      name: a.name ?? "",
      sheet: local === undefined ? undefined : sheets[Number(local)],
      attrs: a,
      text: decodeXml(m[2] ?? ""),
      raw: m[0],
    };
  });
}

/** What ExcelJS models as a defined name (a sheet's cell or range, or a list of them). */
const PLAIN_RANGE = /^(?:(?:'(?:[^']|'')+'|[^'!,]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?,?)+$/;

const same = (a: DefinedName, b: DefinedName) =>
  a.name.toLowerCase() === b.name.toLowerCase() && a.sheet === b.sheet;
const loose = (f: string) => f.replace(/\$/g, "").replace(/^=/, "");

function render(n: DefinedName, sheets: string[]): string {
  const a = { ...n.attrs };
  delete a.localSheetId;
  const local = n.sheet === undefined ? "" : ` localSheetId="${sheets.indexOf(n.sheet)}"`;
  const rest = Object.entries(a)
    .filter(([k]) => k !== "name")
    .map(([k, v]) => ` ${k}="${encodeXml(v)}"`)
    .join("");
  return `<definedName name="${encodeXml(n.name)}"${local}${rest}>${encodeXml(n.text)}</definedName>`;
}

/** Restores the input's defined names in the output workbook part; returns what could not be (lost). */
export async function restoreDefinedNames(
  src: Package,
  dst: Package,
  edits: ColumnEdit[],
): Promise<string[]> {
  const inXml = (await src.text(await src.workbookPart())) ?? "";
  const outPart = await dst.workbookPart();
  const outXml = (await dst.text(outPart)) ?? "";
  const wanted = definedNames(inXml);
  if (wanted.length === 0) return [];
  const outSheets = sheetOrder(outXml);
  const have = definedNames(outXml);
  const lost: string[] = [];
  const rendered = new Map<DefinedName, string>();
  const added: string[] = [];
  for (const w of wanted) {
    if (w.sheet !== undefined && !outSheets.includes(w.sheet)) {
      lost.push(`defined name ${w.name} (${w.sheet})`);
      continue;
    }
    const expected: DefinedName = { ...w, text: shiftFormula(w.text, edits) };
    const o = have.find((h) => same(h, w));
    if (!o) {
      // ExcelJS keeps plain ranges: one missing from the output was removed by the command, not by ExcelJS.
      if (!PLAIN_RANGE.test(w.text)) added.push(render(expected, outSheets));
    } else if (loose(o.text) === loose(expected.text)) rendered.set(o, render(expected, outSheets));
    else rendered.set(o, render({ ...o, attrs: { ...w.attrs, ...o.attrs } }, outSheets)); // the add-in changed it
  }
  let xml = outXml;
  for (const [o, r] of rendered) xml = xml.replace(o.raw, () => r);
  if (added.length) {
    if (/<\/(?:\w+:)?definedNames>/.test(xml))
      xml = xml.replace(
        /<\/((?:\w+:)?)definedNames>/,
        (_m, p: string) => `${added.join("")}</${p}definedNames>`,
      );
    else if (/<(?:\w+:)?definedNames\s*\/>/.test(xml))
      xml = xml.replace(
        /<((?:\w+:)?)definedNames\s*\/>/,
        (_m, p: string) => `<${p}definedNames>${added.join("")}</${p}definedNames>`,
      );
    else
      xml = xml.replace(/<\/((?:\w+:)?)sheets>/, (m) => `${m}<definedNames>${added.join("")}</definedNames>`);
  }
  if (xml !== outXml) dst.zip.file(outPart, xml);
  return lost;
}

/**
 * `<fileSharing>` (read-only recommended, reservation password) and `<workbookProtection>` (structure
 * lock and its password), which ExcelJS drops from workbook.xml, put back when the output has none.
 */
export async function restoreWorkbookProtection(src: Package, dst: Package): Promise<void> {
  const inXml = (await src.text(await src.workbookPart())) ?? "";
  const outPart = await dst.workbookPart();
  const outXml = (await dst.text(outPart)) ?? "";
  let xml = outXml;
  const place = (tag: string, before: RegExp) => {
    const el = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${tag}>)`).exec(inXml);
    if (!el || new RegExp(`<(?:\\w+:)?${tag}\\b`).test(xml)) return;
    const at = before.exec(xml)?.index;
    if (at === undefined) return;
    xml = `${xml.slice(0, at)}${el[0].replace(/<(\/?)\w+:/g, "<$1")}${xml.slice(at)}`;
  };
  place("fileSharing", /<(?:\w+:)?(?:workbookPr|mc:AlternateContent|workbookProtection|bookViews|sheets)\b/);
  place("workbookProtection", /<(?:\w+:)?(?:bookViews|sheets)\b/);
  if (xml !== outXml) dst.zip.file(outPart, xml);
}

/** Where `<rowBreaks>`/`<colBreaks>` go: before these in a worksheet's schema order. */
const AFTER_BREAKS =
  /<(?:\w+:)?(?:customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/(?:\w+:)?worksheet>/;

/** The input sheet's manual page breaks, moved by `edits`, into the output sheet's XML when it has none. */
export function restorePageBreaks(
  inSheet: string,
  outSheet: string,
  sheet: string,
  edits: ColumnEdit[],
): string {
  if (/<(?:\w+:)?(?:rowBreaks|colBreaks)\b/.test(outSheet)) return outSheet;
  const blocks: string[] = [];
  for (const kind of ["rowBreaks", "colBreaks"] as const) {
    const m = new RegExp(`<(?:\\w+:)?${kind}\\b[^>]*>[\\s\\S]*?</(?:\\w+:)?${kind}>`).exec(inSheet);
    if (!m) continue;
    const axis = kind === "rowBreaks" ? "rows" : "columns";
    blocks.push(
      m[0]
        .replace(/<(\/?)\w+:/g, "<$1")
        .replace(/(<(?:\w+:)?brk\b[^>]*\bid=")(\d+)"/g, (_b, pre: string, id: string) => {
          return `${pre}${shiftIndex(Number(id), sheet, axis, edits)}"`;
        }),
    );
  }
  if (blocks.length === 0) return outSheet;
  const at = AFTER_BREAKS.exec(outSheet)?.index ?? outSheet.length;
  return `${outSheet.slice(0, at)}${blocks.join("")}${outSheet.slice(at)}`;
}
