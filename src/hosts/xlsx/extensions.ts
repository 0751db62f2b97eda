/**
 * What ExcelJS 4.4 loses inside a worksheet's XML besides drawings: the Excel 2010+ extensions in
 * `<extLst>` it does not model — data validations whose list lives on another sheet (`x14:dataValidations`,
 * the form Excel writes for them), sparklines — and the legacy password hash of `<sheetProtection>`
 * (the sheet would stay protected with no password). These put them back from the input sheet, with cell
 * references moved by the inserted columns.
 */
import { shiftFormula, shiftLocalRefs, shiftSqref, type ColumnEdit } from "./anchors";
import { attrs, decodeXml, encodeXml } from "./xml";

/** Extensions carried when the output lacks them: x14 data validations, sparklines. */
const CARRY = new Set(["{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}", "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"]);
/** Extensions ExcelJS models itself (x14 conditional formats) or that only speed Excel up: never lost. */
const MODELLED = new Set(["{78C0D931-6437-407d-A8EE-F0AAD7539E65}"]);

const EXT = /<((?:\w+:)?)ext\b[^>]*>[\s\S]*?<\/\1ext>/g;

function extsOf(sheetXml: string): { uri: string; xml: string }[] {
  const lst = /<((?:\w+:)?)extLst>([\s\S]*?)<\/\1extLst>\s*<\/(?:\w+:)?worksheet>/.exec(sheetXml);
  if (!lst) return [];
  return [...lst[2].matchAll(EXT)].map((m) => ({
    uri: attrs(m[0].slice(0, m[0].indexOf(">"))).uri ?? "",
    xml: m[0],
  }));
}

function shiftExt(xml: string, sheet: string, edits: ColumnEdit[]): string {
  return xml
    .replace(
      /<((?:\w+:)?)sqref>([^<]*)<\/\1sqref>/g,
      (_m, p: string, s: string) => `<${p}sqref>${shiftSqref(s, sheet, edits)}</${p}sqref>`,
    )
    .replace(
      /<((?:\w+:)?)f>([^<]*)<\/\1f>/g,
      (_m, p: string, f: string) =>
        `<${p}f>${encodeXml(shiftLocalRefs(shiftFormula(decodeXml(f), edits), sheet, edits))}</${p}f>`,
    );
}

/** The output sheet with the input's missing extensions put back; `lost` names the ones not carried. */
export function restoreExtensions(
  inSheet: string,
  outSheet: string,
  sheet: string,
  edits: ColumnEdit[],
): { xml: string; lost: string[] } {
  const have = new Set(extsOf(outSheet).map((e) => e.uri.toUpperCase()));
  const add: string[] = [];
  const lost: string[] = [];
  for (const e of extsOf(inSheet)) {
    if (have.has(e.uri.toUpperCase()) || MODELLED.has(e.uri)) continue;
    if (CARRY.has(e.uri)) add.push(shiftExt(e.xml, sheet, edits));
    else lost.push(`${sheet}: extension ${e.uri}`);
  }
  if (add.length === 0) return { xml: outSheet, lost };
  const end = /<\/((?:\w+:)?)extLst>\s*(<\/(?:\w+:)?worksheet>)\s*$/.exec(outSheet);
  const xml = end
    ? `${outSheet.slice(0, end.index)}${add.join("")}${outSheet.slice(end.index)}`
    : outSheet.replace(/<\/((?:\w+:)?)worksheet>\s*$/, (m) => `<extLst>${add.join("")}</extLst>${m}`);
  return { xml, lost };
}

const PROTECTION_KEYS = ["password", "algorithmName", "hashValue", "saltValue", "spinCount"];

/** The input's password attributes on the output's `<sheetProtection>` when ExcelJS dropped them. */
export function restoreProtection(inSheet: string, outSheet: string): string {
  const inTag = /<(?:\w+:)?sheetProtection\b[^>]*>/.exec(inSheet);
  const outTag = /<(?:\w+:)?sheetProtection\b[^>]*?(\/?)>/.exec(outSheet);
  if (!inTag || !outTag) return outSheet;
  const a = attrs(inTag[0]);
  const b = attrs(outTag[0]);
  const missing = PROTECTION_KEYS.filter((k) => a[k] !== undefined && b[k] === undefined);
  if (missing.length === 0) return outSheet;
  const extra = missing.map((k) => ` ${k}="${encodeXml(a[k])}"`).join("");
  const tag = outTag[0].replace(/\s*\/?>$/, `${extra}${outTag[1] ? "/" : ""}>`);
  return outSheet.replace(outTag[0], () => tag);
}
