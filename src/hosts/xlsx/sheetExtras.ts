/**
 * The xlsx host's conditional formats, frozen panes, print setup and workbook-level defined names, read
 * and written with core/modelExtras.ts's semantics.
 *
 * Defined names: ExcelJS 4.4 drops names whose value is not a plain range (a constant such as
 * `"commune"`) and every name's `hidden` attribute, both on load and on save. The host therefore keeps the
 * workbook-level names itself, per workbook: `loadWorkbook` reads them from the file's workbook part,
 * `setName` ops change them, and `saveWorkbook` writes them back into the workbook part ExcelJS wrote
 * (hidden ones with hidden="1"). A workbook made in memory starts with ExcelJS's own names.
 */
import type * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { ConditionalRule, DefinedName, Op, PageSetup, Rect } from "../../core/types";
import { rectAddress } from "../../core/address";
import { sameRule } from "../../core/modelExtras";
import { sqrefRects } from "./rects";
import { colorToHex, hexToColor, themePalette } from "./colors";
import { conditionalFormats, setConditionalFormats, type CfModel, type CfRule } from "./internals";

// ---- conditional formats ----

const refOf = (ranges: readonly Rect[]) => ranges.map(rectAddress).join(" ");
type Dxf = {
  fill?: { bgColor?: Partial<ExcelJS.Color>; fgColor?: Partial<ExcelJS.Color> };
  font?: { color?: Partial<ExcelJS.Color> };
};

/** The sheet's rules of the "expression" kind, in order. */
export function readRules(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): ConditionalRule[] {
  const palette = themePalette(wb);
  const out: ConditionalRule[] = [];
  for (const cf of conditionalFormats(ws)) {
    const ranges = sqrefRects(cf.ref);
    if (!ranges.length) continue;
    for (const rule of cf.rules) {
      if (rule.type !== "expression" || !rule.formulae?.length) continue;
      const style = (rule.style ?? {}) as Dxf;
      const fill = colorToHex(style.fill?.bgColor ?? style.fill?.fgColor, palette);
      const font = colorToHex(style.font?.color, palette);
      out.push({
        ranges,
        formula: `=${String(rule.formulae[0]).replace(/^=/, "")}`,
        ...(fill ? { fill } : {}),
        ...(font ? { fontColor: font } : {}),
      });
    }
  }
  return out;
}

export function addRules(ws: ExcelJS.Worksheet, rules: readonly ConditionalRule[]): void {
  const cfs = [...conditionalFormats(ws)];
  let priority = cfs.reduce((m, cf) => Math.max(m, ...cf.rules.map((r) => Number(r.priority) || 0)), 0);
  for (const r of rules) {
    const style: Dxf = {};
    if (r.fill) style.fill = { bgColor: hexToColor(r.fill), fgColor: hexToColor(r.fill) };
    if (r.fontColor) style.font = { color: hexToColor(r.fontColor) };
    const rule: CfRule = {
      type: "expression",
      formulae: [r.formula.replace(/^=/, "")],
      priority: ++priority,
      style: { fill: style.fill && { type: "pattern", pattern: "solid", ...style.fill }, font: style.font },
    };
    cfs.push({ ref: refOf(r.ranges), rules: [rule] });
  }
  setConditionalFormats(ws, cfs);
}

export function removeRules(ws: ExcelJS.Worksheet, rules: readonly ConditionalRule[]): void {
  const next: CfModel[] = [];
  for (const cf of conditionalFormats(ws)) {
    const ranges = sqrefRects(cf.ref);
    const kept = cf.rules.filter(
      (rule) =>
        !(
          rule.type === "expression" &&
          rule.formulae?.length &&
          rules.some((x) => sameRule({ ranges, formula: String(rule.formulae![0]) }, { ...x, id: undefined }))
        ),
    );
    if (kept.length) next.push({ ...cf, rules: kept });
  }
  setConditionalFormats(ws, next);
}

// ---- frozen panes and print setup ----

export function readFrozen(ws: ExcelJS.Worksheet): { rows: number; cols: number } {
  const v = (ws.views ?? [])[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  if (!v || v.state !== "frozen") return { rows: 0, cols: 0 };
  return { rows: v.ySplit ?? 0, cols: v.xSplit ?? 0 };
}

export function freezePanes(ws: ExcelJS.Worksheet, rows: number, cols: number): void {
  const [first, ...rest] = ws.views ?? [];
  const base = { ...(first ?? {}) } as Record<string, unknown>;
  delete base.xSplit;
  delete base.ySplit;
  delete base.topLeftCell;
  const view =
    rows || cols
      ? {
          ...base,
          state: "frozen",
          xSplit: cols,
          ySplit: rows,
          topLeftCell: rectAddress({ top: rows, left: cols, rows: 1, cols: 1 }),
        }
      : { ...base, state: "normal" };
  ws.views = [view as ExcelJS.WorksheetView, ...rest];
}

export function setPageSetup(ws: ExcelJS.Worksheet, setup: PageSetup): void {
  const ps = ws.pageSetup as Partial<ExcelJS.PageSetup>;
  if ("orientation" in setup) ps.orientation = setup.orientation ?? "portrait";
  if ("paper" in setup) ps.paperSize = setup.paper === "A4" ? 9 : undefined;
  if ("repeatRows" in setup)
    ps.printTitlesRow = setup.repeatRows
      ? `${setup.repeatRows.first + 1}:${setup.repeatRows.last + 1}`
      : undefined;
  if ("fitToWidth" in setup) {
    ps.fitToPage = !!setup.fitToWidth;
    ps.fitToWidth = setup.fitToWidth ? 1 : undefined;
    ps.fitToHeight = setup.fitToWidth ? 0 : undefined;
  }
}

// ---- defined names ----

/** The add-in's names: kept by the host itself (ExcelJS drops their constants and hidden flags). */
export const ADDIN_NAME_PREFIX = "_ParIndex_";
const isAddinName = (name: string) => name.toLowerCase().startsWith(ADDIN_NAME_PREFIX.toLowerCase());

const NAMES = new WeakMap<ExcelJS.Workbook, DefinedName[]>();

interface NamesModel {
  model: { name: string; ranges: string[]; localSheetId?: number }[];
  add(locStr: string, name: string): void;
  removeAllNames(name: string): void;
}
const namesOf = (wb: ExcelJS.Workbook) => (wb as unknown as { definedNames: NamesModel }).definedNames;

/** ExcelJS's own workbook-level names (the user's), as formulas. */
function excelJsNames(wb: ExcelJS.Workbook): DefinedName[] {
  return namesOf(wb)
    .model.filter((n) => n.localSheetId === undefined && !n.name.startsWith("_xlnm.") && !isAddinName(n.name))
    .map((n) => ({ name: n.name, ref: `=${n.ranges.join(",")}`, hidden: false }));
}

const addinNames = (wb: ExcelJS.Workbook): DefinedName[] => NAMES.get(wb) ?? [];

/** The workbook-level defined names (what the snapshot's `names` holds): the user's, then the add-in's. */
export function workbookNames(wb: ExcelJS.Workbook): DefinedName[] {
  return [...excelJsNames(wb), ...addinNames(wb).map((n) => ({ ...n }))];
}

export function setName(wb: ExcelJS.Workbook, op: Extract<Op, { op: "setName" }>): void {
  if (!isAddinName(op.name)) {
    // Someone else's name: ExcelJS keeps plain ranges (a constant cannot be kept by this host).
    namesOf(wb).removeAllNames(op.name);
    if (op.ref !== null) namesOf(wb).add(op.ref.replace(/^=/, ""), op.name);
    return;
  }
  const names = addinNames(wb).filter((n) => n.name.toLowerCase() !== op.name.toLowerCase());
  if (op.ref !== null) names.push({ name: op.name, ref: op.ref, hidden: op.hidden === true });
  NAMES.set(wb, names);
}

const NAME_EL = /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g;
const attr = (s: string, k: string) => new RegExp(`\\b${k}="([^"]*)"`).exec(s)?.[1];
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const encode = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

async function workbookPart(zip: JSZip): Promise<string> {
  const rels = (await zip.file("_rels/.rels")?.async("string")) ?? "";
  const m = /Target="\/?([^"]*workbook[^"]*\.xml)"/.exec(rels);
  return m ? m[1] : "xl/workbook.xml";
}

/** Reads the file's workbook-level defined names (constants and hidden flags included) for the workbook. */
export async function loadNames(wb: ExcelJS.Workbook, bytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file(await workbookPart(zip))?.async("string")) ?? "";
  const names: DefinedName[] = [];
  for (const m of xml.matchAll(NAME_EL)) {
    const a = m[1];
    const name = decode(attr(a, "name") ?? "");
    if (!isAddinName(name) || attr(a, "localSheetId") !== undefined) continue;
    const hidden = attr(a, "hidden");
    names.push({ name, ref: `=${decode(m[2] ?? "")}`, hidden: hidden === "1" || hidden === "true" });
    namesOf(wb).removeAllNames(name);
  }
  if (names.length) NAMES.set(wb, names);
}

/** Puts the add-in's names into the bytes ExcelJS wrote (hidden ones with hidden="1"); the rest is ExcelJS's. */
export async function saveNames(wb: ExcelJS.Workbook, bytes: Uint8Array): Promise<Uint8Array> {
  const names = NAMES.get(wb);
  if (!names) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const part = await workbookPart(zip);
  const xml = (await zip.file(part)?.async("string")) ?? "";
  let out = xml.replace(NAME_EL, (el, a: string) => (isAddinName(decode(attr(a, "name") ?? "")) ? "" : el));
  const els = names
    .map(
      (n) =>
        `<definedName name="${encode(n.name)}"${n.hidden ? ' hidden="1"' : ""}>${encode(n.ref.replace(/^=/, ""))}</definedName>`,
    )
    .join("");
  if (els) {
    if (/<\/(?:\w+:)?definedNames>/.test(out))
      out = out.replace(/<\/((?:\w+:)?)definedNames>/, (_m, p: string) => `${els}</${p}definedNames>`);
    else out = out.replace(/<\/((?:\w+:)?)sheets>/, (m) => `${m}<definedNames>${els}</definedNames>`);
  }
  out = out.replace(/<((?:\w+:)?)definedNames>\s*<\/(?:\w+:)?definedNames>/, "");
  if (out === xml) return bytes;
  zip.file(part, out);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}
