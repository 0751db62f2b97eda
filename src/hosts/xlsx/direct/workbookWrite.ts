/**
 * The workbook part written directly: defined names (the add-in's, print titles), a new sheet's entry (its
 * part, relationship, content type, tab position, the sheet indexes that follow it, docProps/app.xml's
 * titles), and calcPr's fullCalcOnLoad once cells changed. Everything else of workbook.xml stays as written.
 */
import type { PageSetup } from "../../../core/types";
import { attrs, decodeXml, encodeXml, relsPathOf, resolveTarget } from "../xml";
import type { DirectBook, SheetEntry } from "./book";
import type { SheetPart } from "./sheetPart";

const NAME_EL = /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g;

/** CT_Workbook's children after <definedNames>, where a missing one goes before. */
const AFTER_NAMES =
  /<(?:\w+:)?(?:calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/(?:\w+:)?workbook>/;

function names(book: DirectBook): { start: number; end: number; items: string[] } | null {
  const m = /<(?:\w+:)?definedNames\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedNames>)/.exec(
    book.workbookXml,
  );
  if (!m) return null;
  return {
    start: m.index,
    end: m.index + m[0].length,
    items: [...(m[1] ?? "").matchAll(NAME_EL)].map((x) => x[0]),
  };
}

function setNames(book: DirectBook, items: string[]): void {
  const xml = book.workbookXml;
  const sec = names(book);
  const text = items.length ? `<definedNames>${items.join("")}</definedNames>` : "";
  if (sec) book.workbookXml = xml.slice(0, sec.start) + text + xml.slice(sec.end);
  else if (text) {
    const at = AFTER_NAMES.exec(xml)?.index ?? xml.length;
    book.workbookXml = xml.slice(0, at) + text + xml.slice(at);
  }
  book.workbookChanged = true;
}

const nameOf = (el: string) => decodeXml(attrs(/^<[^>]*>/.exec(el)![0]).name ?? "");
const localOf = (el: string) => attrs(/^<[^>]*>/.exec(el)![0]).localSheetId;

/** A workbook-level name added, replaced (ref given) or removed (ref null), as the Office host does it. */
export function setName(book: DirectBook, name: string, ref: string | null, hidden: boolean): void {
  const items = (names(book)?.items ?? []).filter(
    (el) => !(localOf(el) === undefined && nameOf(el).toLowerCase() === name.toLowerCase()),
  );
  if (ref !== null)
    items.push(
      `<definedName name="${encodeXml(name)}"${hidden ? ' hidden="1"' : ""}>${encodeXml(ref.replace(/^=/, ""))}</definedName>`,
    );
  setNames(book, items);
}

export const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The sheet's print titles (the rows repeated on every page): the _xlnm.Print_Titles name of its index. */
export function setPrintTitles(
  book: DirectBook,
  sheet: string,
  rows: PageSetup["repeatRows"] | undefined,
): void {
  const index = book.sheets.findIndex((s) => s.name === sheet);
  const items = (names(book)?.items ?? []).filter(
    (el) => !(nameOf(el) === "_xlnm.Print_Titles" && localOf(el) === String(index)),
  );
  if (rows)
    items.push(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${encodeXml(`${quoteSheet(sheet)}!$${rows.first + 1}:$${rows.last + 1}`)}</definedName>`,
    );
  setNames(book, items);
}

/** calcPr fullCalcOnLoad="1": Excel recomputes every formula on open (apply.ts writeChangeSet). */
export function fullCalcOnLoad(book: DirectBook): void {
  const xml = book.workbookXml;
  const m = /<((?:\w+:)?)calcPr\b([^>]*?)(\/?)>/.exec(xml);
  let next: string;
  if (m) {
    if (/\bfullCalcOnLoad="(1|true)"/.test(m[2])) return;
    const a = m[2].replace(/\s+fullCalcOnLoad="[^"]*"/, "");
    next =
      xml.slice(0, m.index) +
      `<${m[1]}calcPr${a} fullCalcOnLoad="1"${m[3]}>` +
      xml.slice(m.index + m[0].length);
  } else {
    const at =
      /<(?:\w+:)?(?:oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/(?:\w+:)?workbook>/.exec(
        xml,
      )?.index ?? xml.length;
    next = xml.slice(0, at) + '<calcPr fullCalcOnLoad="1"/>' + xml.slice(at);
  }
  book.workbookXml = next;
  book.workbookChanged = true;
}

const NEW_SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="15"/>';
const NEW_SHEET_TAIL =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

const SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** A new empty sheet after `after` (else last): its part, relationship, content type and tab. */
export function addSheet(book: DirectBook, name: string, after: string | undefined): void {
  const taken = new Set(book.sheets.map((s) => s.part));
  const part = book.opc.freshName("xl/worksheets/sheet1.xml", taken);
  const rId = book.addWorkbookRel(book.worksheetType, part);
  book.opc.setContentType(part, SHEET_TYPE);
  const sheetId = Math.max(0, ...book.sheets.map((s) => s.sheetId)) + 1;
  const idx = after !== undefined ? book.sheets.findIndex((s) => s.name === after) : -1;
  const position = idx >= 0 ? idx + 1 : book.sheets.length;
  const entry: SheetEntry = { name, sheetId, rId, part, state: null };
  const tag = `<sheet name="${encodeXml(name)}" sheetId="${sheetId}" r:id="${rId}"/>`;
  // The <sheet> element: before the one now at `position`, else at the end of <sheets>.
  let xml = book.workbookXml;
  const sheetEls = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)];
  const before = sheetEls[position];
  if (before?.index !== undefined) xml = xml.slice(0, before.index) + tag + xml.slice(before.index);
  else {
    const close = /<\/(?:\w+:)?sheets>/.exec(xml);
    if (close) xml = xml.slice(0, close.index) + tag + xml.slice(close.index);
    else xml = xml.replace(/<((?:\w+:)?)sheets\s*\/>/, (_m, p: string) => `<${p}sheets>${tag}</${p}sheets>`);
  }
  // Sheet indexes after the new tab move on by one: local names, the active and first tabs.
  xml = xml.replace(/(<(?:\w+:)?definedName\b[^>]*?\blocalSheetId=")(\d+)"/g, (m, a: string, n: string) =>
    Number(n) >= position ? `${a}${Number(n) + 1}"` : m,
  );
  xml = xml.replace(/(<(?:\w+:)?workbookView\b[^>]*>)/g, (view) =>
    view.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (m, k: string, n: string) =>
      Number(n) >= position ? `${k}="${Number(n) + 1}"` : m,
    ),
  );
  book.workbookXml = xml;
  book.workbookChanged = true;
  book.sheets.splice(position, 0, entry);
  const sheetPart: SheetPart = {
    head: NEW_SHEET_HEAD,
    dataTag: "<sheetData>",
    rows: [],
    tail: NEW_SHEET_TAIL,
  };
  book.adopt(entry, sheetPart);
}

/**
 * docProps/app.xml's list of worksheet titles follows the sheets (`change`: how many were added, negative
 * when deleted), when the file has that list as Excel writes it.
 */
export function updateAppTitles(app: string, sheetNames: readonly string[], change: number): string {
  const heading =
    /(<vt:lpstr>(?:Worksheets|Trang tính)<\/vt:lpstr><\/vt:variant>\s*<vt:variant>\s*<vt:i4>)(\d+)(<\/vt:i4>)/.exec(
      app,
    );
  const titles = /(<TitlesOfParts>\s*<vt:vector\b[^>]*?\bsize=")(\d+)("[^>]*>)([\s\S]*?)(<\/vt:vector>)/.exec(
    app,
  );
  if (!heading || !titles) return app;
  const count = Number(heading[2]);
  const items = [...titles[4].matchAll(/<vt:lpstr>([\s\S]*?)<\/vt:lpstr>/g)].map((m) => m[0]);
  // Worksheets come first in TitlesOfParts when their heading is first; otherwise the list is left alone.
  if (!/<HeadingPairs>\s*<vt:vector\b[^>]*>\s*<vt:variant>\s*<vt:lpstr>(?:Worksheets|Trang tính)</.test(app))
    return app;
  const sheets = items.slice(0, count);
  const rest = items.slice(count);
  const next = sheetNames.map((n) => `<vt:lpstr>${encodeXml(n)}</vt:lpstr>`);
  if (next.length !== sheets.length + change) return app;
  const all = [...next, ...rest];
  let out =
    app.slice(0, titles.index) +
    `${titles[1]}${all.length}${titles[3]}${all.join("")}${titles[5]}` +
    app.slice(titles.index + titles[0].length);
  out = out.replace(heading[0], `${heading[1]}${count + change}${heading[3]}`);
  return out;
}

/**
 * apply.ts deleteSheet: the sheet's entry, relationship, part and the parts only it led to (its tables,
 * drawings and their charts, notes…) go; local names of later sheets follow their index, the deleted sheet's
 * own go; the active and first tabs stay in range; docProps/app.xml's titles lose its name (updateAppTitles).
 */
export function deleteSheet(book: DirectBook, name: string, orphans: readonly string[]): void {
  const index = book.sheets.findIndex((s) => s.name === name);
  if (index < 0) return;
  const entry = book.sheets[index];
  let xml = book.workbookXml;
  xml = xml.replace(/<(?:\w+:)?sheet\b[^>]*>/g, (el) => (decodeXml(attrs(el).name ?? "") === name ? "" : el));
  xml = xml.replace(
    /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g,
    (el, a: string) => {
      const local = attrs(a).localSheetId;
      if (local === undefined) return el;
      const n = Number(local);
      if (n === index) return "";
      return n > index ? el.replace(/\blocalSheetId="\d+"/, `localSheetId="${n - 1}"`) : el;
    },
  );
  xml = xml.replace(/<((?:\w+:)?)definedNames>\s*<\/\1definedNames>/, "");
  const n = book.sheets.length - 1;
  xml = xml.replace(/(<(?:\w+:)?workbookView\b[^>]*>)/g, (view) =>
    view.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (m, k: string, v: string) => {
      const i = Number(v);
      const next = k === "activeTab" ? (i > index ? i - 1 : Math.min(i, Math.max(0, n - 1))) : i >= n ? 0 : i;
      return `${k}="${next}"`;
    }),
  );
  book.workbookXml = xml;
  book.workbookChanged = true;
  const rels = book.workbookRels;
  const rel = rels.findIndex((r) => r.id === entry.rId);
  if (rel >= 0) rels.splice(rel, 1);
  book.relsChanged = true;
  book.sheets.splice(index, 1);
  book.dirty.delete(entry.part);
  for (const p of orphans) {
    book.zip.remove(p);
    book.zip.remove(relsPathOf(p));
    book.texts.delete(p);
    book.opc.removeOverride(p);
  }
}

/** `part` and every part only it leads to (through relationships): what deleting it removes. */
export async function orphansOf(book: DirectBook, part: string): Promise<string[]> {
  // Who points at whom, over every relationships part of the package.
  const targets = new Map<string, string[]>();
  for (const f of Object.keys(book.zip.files)) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(f);
    if (!m || book.zip.files[f].dir) continue;
    const source = m[2] === "" ? "" : `${m[1]}${m[2]}`;
    targets.set(
      source,
      (await book.opc.rels(source)).filter((r) => !r.external).map((r) => resolveTarget(source, r.target)),
    );
  }
  const gone = new Set<string>([part]);
  for (let changed = true; changed;) {
    changed = false;
    const referenced = new Set<string>();
    for (const [source, list] of targets) if (!gone.has(source)) for (const t of list) referenced.add(t);
    for (const t of [...gone].flatMap((g) => targets.get(g) ?? []))
      if (!gone.has(t) && !referenced.has(t) && book.zip.file(t)) {
        gone.add(t);
        changed = true;
      }
  }
  return [...gone];
}
