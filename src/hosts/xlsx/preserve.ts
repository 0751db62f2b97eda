/**
 * ExcelJS rewrites every part of an .xlsx on save and drops what it does not model: charts, text boxes
 * and shapes in drawings, custom document properties, the add-in's settings (webextension parts),
 * threaded comments, printer settings, manual page breaks, x14 data validations and sparklines, sheet
 * protection passwords, defined names it cannot model (constants, formulas, #REF!, whole columns) and
 * control characters in cell text. `preserveParts` carries those
 * over from the input zip into the output ExcelJS wrote, with relationships and content types fixed and
 * anchors/chart references moved by the columns the add-in inserted; what it cannot carry is named in
 * `lost` (the caller refuses unless the user accepts the loss). docs/HOSTS-XLSX.md records the details.
 */
import JSZip from "jszip";
import { Package } from "./opc";
import { REL, relKind, relativeTarget, resolveTarget, type Rel } from "./xml";
import { shiftAnchors, shiftChartRefs, shiftRefAttributes, type ColumnEdit } from "./anchors";
import { restoreControlCharacters } from "./controls";
import { restoreDefinedNames, restorePageBreaks, restoreWorkbookProtection } from "./names";
import { restoreExtensions, restoreProtection } from "./extensions";

export type { ColumnEdit } from "./anchors";

export interface PreserveResult {
  bytes: Uint8Array;
  /** What could not be kept, one line each ("Kết quả: pivotTable (xl/pivotTables/pivotTable1.xml)"). */
  lost: string[];
}

/** Relationship kinds at package level that need no element elsewhere: carried when missing. */
const ROOT_CARRY = new Set(["custom-properties", "webextensiontaskpanes", "thumbnail"]);
/** Workbook-level kinds carried when missing (no element in workbook.xml refers to them). */
const WORKBOOK_CARRY = new Set(["person", "customXml"]);
/** Workbook-level kinds ExcelJS rewrites or Excel rebuilds: never lost. */
const WORKBOOK_OWN = new Set(["worksheet", "theme", "styles", "sharedStrings", "calcChain"]);
/** Sheet-level kinds ExcelJS rewrites (tables, notes, hyperlinks) or this module handles. */
const SHEET_OWN = new Set([
  "table",
  "comments",
  "vmlDrawing",
  "hyperlink",
  "drawing",
  "threadedComment",
  "printerSettings",
]);

/** What in an input sheet's XML makes its output sheet's XML need edits (protection, page breaks, extensions). */
const SHEET_XML_NEEDED = /<(?:\w+:)?(?:sheetProtection|rowBreaks|colBreaks|extLst)\b/;
/** Sheet relationships whose carrying edits the output sheet's XML (<drawing>, <pageSetup r:id>). */
const SHEET_XML_KINDS = new Set(["drawing", "printerSettings"]);

/** Which drawings need carrying: anything ExcelJS does not write back (it keeps pictures only). */
const NOT_PICTURE = /<(?:\w+:)?(?:graphicFrame|sp|grpSp|cxnSp|contentPart)\b|<mc:AlternateContent\b/;

const pictures = (xml: string) => (xml.match(/<(?:\w+:)?pic\b/g) ?? []).length;

/** Schema order after which <drawing> goes in a worksheet: before these elements. */
const AFTER_DRAWING =
  /<(?:\w+:)?(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/(?:\w+:)?worksheet>/;

export async function preserveParts(
  input: Uint8Array,
  output: Uint8Array,
  edits: ColumnEdit[] = [],
): Promise<PreserveResult> {
  const src = await Package.open(await JSZip.loadAsync(input));
  const dst = await Package.open(await JSZip.loadAsync(output));
  const lost: string[] = [];
  const copied = new Map<string, string>();
  const taken = new Set<string>();

  /** Copies `part` and everything it points at; returns its name in the output. */
  const copy = async (part: string, transform?: (xml: string) => string): Promise<string> => {
    const known = copied.get(part);
    if (known) return known;
    const name = dst.freshName(part, taken);
    taken.add(name);
    copied.set(part, name);
    const type = src.contentType(part);
    if (type?.includes("drawingml.chart") && !type.includes("chartshapes")) {
      dst.zip.file(name, shiftChartRefs((await src.text(part)) ?? "", edits));
    } else if (transform) {
      dst.zip.file(name, transform((await src.text(part)) ?? ""));
    } else {
      const bytes = await src.bytes(part);
      if (bytes) dst.zip.file(name, bytes);
    }
    if (type) dst.setContentType(name, type);
    const rels = await src.rels(part);
    if (rels.length) {
      const out: Rel[] = [];
      for (const r of rels) {
        if (r.external) out.push(r);
        else {
          const target = resolveTarget(part, r.target);
          if (!src.has(target)) continue;
          out.push({ ...r, target: relativeTarget(name, await copy(target)) });
        }
      }
      dst.setRels(name, out);
    }
    return name;
  };

  // Sheets, matched by name.
  const inSheets = await src.sheets();
  const outSheets = await dst.sheets();
  for (const [sheet, inPart] of inSheets) {
    const outPart = outSheets.get(sheet);
    const inRels = await src.rels(inPart);
    if (!outPart) {
      if (inRels.some((r) => !SHEET_OWN.has(relKind(r.type)) || relKind(r.type) === "drawing"))
        lost.push(`${sheet}: sheet`);
      continue;
    }
    const outRels0 = await dst.rels(outPart);
    let outRels = outRels0;
    const inXml = (await src.text(inPart)) ?? "";
    // The output sheet's XML (every cell: the largest part) is read only when something may go into it.
    const editsSheet =
      SHEET_XML_NEEDED.test(inXml) || inRels.some((r) => SHEET_XML_KINDS.has(relKind(r.type)));
    const sheetXml0 = editsSheet ? ((await dst.text(outPart)) ?? "") : "";
    let sheetXml = sheetXml0;
    const outKinds = new Set(outRels.map((r) => relKind(r.type)));

    for (const rel of inRels) {
      const kind = relKind(rel.type);
      const target = resolveTarget(inPart, rel.target);
      if (rel.external || !src.has(target)) continue;
      if (kind === "drawing") {
        const xml = (await src.text(target)) ?? "";
        const had = outRels.find((r) => relKind(r.type) === "drawing");
        // A second drawing on one sheet (not valid OOXML: one <drawing> a sheet) cannot replace the one carried.
        if (had && !outRels0.includes(had)) {
          lost.push(`${sheet}: drawing (${target})`);
          continue;
        }
        // Pictures only, all of them written by ExcelJS (and moved): its drawing stays.
        if (
          had &&
          !NOT_PICTURE.test(xml) &&
          pictures((await dst.text(resolveTarget(outPart, had.target))) ?? "") >= pictures(xml)
        )
          continue;
        const name = await copy(target, (x) => shiftAnchors(x, sheet, edits));
        if (had) {
          const old = resolveTarget(outPart, had.target);
          await dropPart(dst, old, name);
          outRels = outRels.map((r) => (r === had ? { ...r, target: relativeTarget(outPart, name) } : r));
        } else {
          const id = Package.freshId(outRels);
          outRels = [
            ...outRels,
            { id, type: rel.type, target: relativeTarget(outPart, name), external: false },
          ];
          sheetXml = insertDrawing(sheetXml, id);
        }
      } else if (kind === "threadedComment" && !outKinds.has(kind)) {
        const name = await copy(target, (x) => shiftRefAttributes(x, sheet, edits));
        outRels = [
          ...outRels,
          {
            id: Package.freshId(outRels),
            type: rel.type,
            target: relativeTarget(outPart, name),
            external: false,
          },
        ];
      } else if (kind === "printerSettings" && !outKinds.has(kind)) {
        const tag = /<(?:\w+:)?pageSetup\b[^>]*?(\/?)>/.exec(sheetXml);
        if (!tag || /\br:id=/.test(tag[0])) continue; // no page setup to hang it on: Excel uses the default printer
        const name = await copy(target);
        const id = Package.freshId(outRels);
        outRels = [
          ...outRels,
          { id, type: rel.type, target: relativeTarget(outPart, name), external: false },
        ];
        sheetXml = sheetXml.replace(tag[0], () =>
          tag[0].replace(/\s*\/?>$/, ` r:id="${id}"${tag[1] ? "/" : ""}>`),
        );
      } else if (kind === "comments" && !outKinds.has(kind)) {
        lost.push(`${sheet}: comments (${target})`);
      } else if (!SHEET_OWN.has(kind) && !outKinds.has(kind)) {
        lost.push(`${sheet}: ${kind} (${target})`);
      }
    }
    if (editsSheet) {
      sheetXml = restoreProtection(inXml, restorePageBreaks(inXml, sheetXml, sheet, edits));
      const ext = restoreExtensions(inXml, sheetXml, sheet, edits);
      sheetXml = ext.xml;
      lost.push(...ext.lost);
    }
    if (outRels !== outRels0) dst.setRels(outPart, outRels);
    if (sheetXml !== sheetXml0) dst.zip.file(outPart, sheetXml);
  }

  // Workbook level.
  const inWb = await src.workbookPart();
  const outWb = await dst.workbookPart();
  const wbRels0 = await dst.rels(outWb);
  let wbRels = wbRels0;
  const wbKinds = new Set(wbRels.map((r) => relKind(r.type)));
  for (const rel of await src.rels(inWb)) {
    const kind = relKind(rel.type);
    const target = resolveTarget(inWb, rel.target);
    if (WORKBOOK_OWN.has(kind) || wbKinds.has(kind) || rel.external || !src.has(target)) continue;
    if (WORKBOOK_CARRY.has(kind)) {
      const name = await copy(target);
      wbRels = [
        ...wbRels,
        { id: Package.freshId(wbRels), type: rel.type, target: relativeTarget(outWb, name), external: false },
      ];
    } else lost.push(`${kind} (${target})`);
  }
  // ExcelJS names a theme part it does not write when the input had none (LibreOffice's files): drop the link.
  const dangling = wbRels.filter(
    (r) => relKind(r.type) === "theme" && !dst.has(resolveTarget(outWb, r.target)),
  );
  if (dangling.length) wbRels = wbRels.filter((r) => !dangling.includes(r));
  if (wbRels !== wbRels0) dst.setRels(outWb, wbRels);

  // Package level.
  const rootRels0 = await dst.rels("");
  let rootRels = rootRels0;
  const rootKinds = new Set(rootRels.map((r) => relKind(r.type)));
  for (const rel of await src.rels("")) {
    const kind = relKind(rel.type);
    const target = resolveTarget("", rel.target);
    if (rootKinds.has(kind) || rel.external || !src.has(target)) continue;
    if (ROOT_CARRY.has(kind)) {
      const name = await copy(target);
      rootRels = [
        ...rootRels,
        { id: Package.freshId(rootRels), type: rel.type, target: name, external: false },
      ];
    } else lost.push(`${kind} (${target})`);
  }
  if (rootRels !== rootRels0) dst.setRels("", rootRels);

  lost.push(...(await restoreDefinedNames(src, dst, edits)));
  await restoreWorkbookProtection(src, dst);
  lost.push(...(await restoreControlCharacters(src, dst)));
  for (const p of dst.overrides()) if (!dst.has(p)) dst.removeOverride(p);
  // Nothing carried or fixed: ExcelJS's output is the file (no second compression of every part).
  if (!dst.changed) return { bytes: output, lost };
  dst.flushContentTypes();
  const bytes = await dst.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { bytes, lost };
}

/** `<drawing r:id>` in its place in the worksheet's schema order. */
function insertDrawing(sheetXml: string, id: string): string {
  const m = AFTER_DRAWING.exec(sheetXml);
  const at = m ? m.index : sheetXml.length;
  const prefix = /<(\w+:)?worksheet\b/.exec(sheetXml)?.[1] ?? "";
  let xml = `${sheetXml.slice(0, at)}<${prefix}drawing r:id="${id}"/>${sheetXml.slice(at)}`;
  if (!/<(?:\w+:)?worksheet\b[^>]*\bxmlns:r=/.test(xml))
    xml = xml.replace(/<((?:\w+:)?worksheet)\b/, `<$1 xmlns:r="${REL}"`);
  return xml;
}

/**
 * Removes the drawing ExcelJS wrote (replaced by the carried one), its relationships, and the media only
 * it used.
 */
async function dropPart(dst: Package, part: string, keep: string): Promise<void> {
  if (part === keep) return;
  const targets = (await dst.rels(part)).filter((r) => !r.external).map((r) => resolveTarget(part, r.target));
  dst.zip.remove(part);
  dst.zip.remove(part.replace(/([^/]+)$/, "_rels/$1.rels"));
  dst.removeOverride(part);
  const relsFiles = dst.parts().filter((p) => p.endsWith(".rels"));
  for (const t of targets) {
    let used = false;
    for (const rf of relsFiles) {
      const owner = rf.replace(/_rels\/([^/]+)\.rels$/, "$1");
      if ((await dst.rels(owner)).some((r) => !r.external && resolveTarget(owner, r.target) === t))
        used = true;
    }
    if (!used) {
      dst.zip.remove(t);
      dst.removeOverride(t);
    }
  }
}
