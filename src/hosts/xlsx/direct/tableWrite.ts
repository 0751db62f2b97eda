/**
 * Excel tables written directly: a new table part (addTable) with its relationship, <tablePart> and content
 * type, and every table of a sheet the change set touched keeps column names equal to its header cells
 * (apply.ts syncTableHeaders: an empty or repeated header cell gets the name Excel would give it, written
 * into the cell). Table parts the change set does not concern stay as they were.
 */
import type { Rect } from "../../../core/types";
import { rectAddress } from "../../../core/address";
import { Package } from "../opc";
import { REL, relativeTarget, resolveTarget, attrs, decodeXml, encodeXml, type Rel } from "../xml";
import { parseRange } from "../rects";
import { uniqueNames } from "../tableNames";
import { cachedText, type DirectBook, type SharedItems, type Sheet } from "./book";
import { writeInput } from "./cellsWrite";
import { sectionOf, setSection } from "./sections";

const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

export interface TablePart {
  sheet: string;
  part: string;
  xml: string;
  changed: boolean;
}

/** What writing tables needs, loaded before the write (all async reads happen in prepare). */
export interface TableState {
  /** Table parts of the sheets the change set touches. */
  tables: TablePart[];
  /** Sheet name → its relationships (loaded for the sheets that get a table). */
  rels: Map<string, Rel[]>;
  changedRels: Set<string>;
  /** The highest table id in the package. */
  maxId: number;
  sst: SharedItems;
}

/** ST_Xstring's escape of characters a table column name cannot hold (line breaks): _x000a_. */
const escapeName = (s: string) =>
  s.replace(/[\r\n\t]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0")}_`);
const unescapeName = (s: string) =>
  s.replace(/_x([0-9a-fA-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

const rectOf = (xml: string): Rect | null => {
  const ref = attrs(/<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? "").ref;
  return ref ? parseRange(ref) : null;
};

function headerText(sheet: Sheet, sst: SharedItems, row: number, col: number): string {
  const c = sheet.cell(row, col);
  if (!c) return "";
  const text = cachedText(c, sst);
  if (text !== null) return text;
  if (c.v === null || c.v === "") return "";
  if (c.t === "b") return c.v === "1" ? "true" : "false";
  if (c.t === null || c.t === "n") return String(Number(c.v));
  return c.v;
}

function ensureRNamespace(sheet: Sheet): void {
  const m = /<worksheet\b[^>]*>/.exec(sheet.part.head);
  if (!m || /\bxmlns:r=/.test(m[0])) return;
  const tag = m[0].replace(/^<worksheet\b/, `<worksheet xmlns:r="${REL}"`);
  sheet.part.head = sheet.part.head.slice(0, m.index) + tag + sheet.part.head.slice(m.index + m[0].length);
}

/** apply.ts addTable: the header row's cells stay; the table covers `rect` with one header row. */
export function addTable(
  book: DirectBook,
  sheet: Sheet,
  state: TableState,
  op: { name: string; rect: Rect; style?: string },
): void {
  const r = op.rect;
  const texts = Array.from({ length: r.cols }, (_, j) => headerText(sheet, state.sst, r.top, r.left + j));
  const names = uniqueNames(texts);
  const id = ++state.maxId;
  const taken = new Set(state.tables.map((t) => t.part));
  const part = book.opc.freshName("xl/tables/table1.xml", taken);
  const ref = rectAddress(r);
  const cols = names
    .map((n, j) => `<tableColumn id="${j + 1}" name="${encodeXml(escapeName(n))}"/>`)
    .join("");
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${encodeXml(op.name)}" ` +
    `displayName="${encodeXml(op.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${encodeXml(op.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  state.tables.push({ sheet: sheet.entry.name, part, xml, changed: true });
  book.opc.setContentType(part, TABLE_TYPE);
  const rels = state.rels.get(sheet.entry.name) ?? [];
  state.rels.set(sheet.entry.name, rels);
  const rId = Package.freshId(rels, "rId");
  rels.push({
    id: rId,
    type: `${REL}/table`,
    target: relativeTarget(sheet.entry.part, part),
    external: false,
  });
  state.changedRels.add(sheet.entry.name);
  ensureRNamespace(sheet);
  const sec = sectionOf(sheet.part, "tableParts");
  const existing = sec ? [...sec.xml.matchAll(/<(?:\w+:)?tablePart\b[^>]*\/>/g)].map((m) => m[0]) : [];
  const items = [...existing, `<tablePart r:id="${rId}"/>`];
  setSection(sheet.part, "tableParts", `<tableParts count="${items.length}">${items.join("")}</tableParts>`);
}

/** apply.ts syncTableHeaders, for the tables of the sheets the change set touched. */
export function syncTableHeaders(
  book: DirectBook,
  sheetOf: (name: string) => Sheet | undefined,
  state: TableState,
): void {
  for (const t of state.tables) {
    const sheet = sheetOf(t.sheet);
    const rect = rectOf(t.xml);
    const open = attrs(/<(?:\w+:)?table\b[^>]*>/.exec(t.xml)?.[0] ?? "");
    if (!sheet || !rect || open.headerRowCount === "0") continue;
    const colEls = [...t.xml.matchAll(/<(?:\w+:)?tableColumn\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)];
    const texts = colEls.map((_, i) => headerText(sheet, state.sst, rect.top, rect.left + i));
    const names = uniqueNames(texts);
    let xml = t.xml;
    // From the last column to the first, so the match positions stay valid.
    for (let i = colEls.length - 1; i >= 0; i--) {
      const m = colEls[i];
      const old = unescapeName(decodeXml(attrs(m[1]).name ?? ""));
      if (names[i] !== texts[i])
        writeInput(book, sheet, rect.top, rect.left + i, { kind: "text", text: names[i] });
      if (old === names[i]) continue;
      const tag = m[0].replace(/\bname="[^"]*"/, `name="${encodeXml(escapeName(names[i]))}"`);
      xml = xml.slice(0, m.index) + tag + xml.slice(m.index! + m[0].length);
    }
    if (xml !== t.xml) {
      t.xml = xml;
      t.changed = true;
    }
  }
}

/** The table parts and sheet relationships changed, into the package's texts. */
export function flushTables(book: DirectBook, state: TableState): void {
  for (const t of state.tables) if (t.changed) book.texts.set(t.part, t.xml);
  for (const name of state.changedRels) {
    const e = book.entry(name);
    if (e) book.opc.setRels(e.part, state.rels.get(name) ?? []);
  }
}

const tableOf = (state: TableState, sheet: string, name: string) =>
  state.tables.find(
    (t) =>
      t.sheet === sheet &&
      decodeXml(attrs(/<(?:\w+:)?table\b[^>]*>/.exec(t.xml)?.[0] ?? "").name ?? "").toLowerCase() ===
        name.toLowerCase(),
  );

/**
 * apply.ts resizeTable: the table's range (and its autofilter's) becomes `rect`; the columns the old and new
 * ranges share keep their definitions, new ones are named from their header cells (syncTableHeaders).
 */
export function resizeTable(state: TableState, sheet: string, name: string, rect: Rect): void {
  const t = tableOf(state, sheet, name);
  if (!t) throw new Error(`resizeTable: no table ${name} on ${sheet}`);
  const open = /<(?:\w+:)?table\b[^>]*>/.exec(t.xml)![0];
  const old = parseRange(attrs(open).ref ?? "");
  const totals = Number(attrs(open).totalsRowCount ?? "0") > 0;
  const cols = [
    ...t.xml.matchAll(
      /<((?:\w+:)?)tableColumn\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:\/>|>[\s\S]*?<\/\1tableColumn>)/g,
    ),
  ].map((m) => m[0]);
  let id = Math.max(0, ...cols.map((c) => Number(attrs(/^<[^>]*>/.exec(c)![0]).id) || 0));
  const offset = old ? rect.left - old.left : 0;
  const next = Array.from(
    { length: rect.cols },
    (_, j) => cols[j + offset] ?? `<tableColumn id="${++id}" name="${encodeXml(`Column${j + 1}`)}"/>`,
  );
  const ref = rectAddress(rect);
  let xml = t.xml.replace(open, open.replace(/\bref="[^"]*"/, `ref="${ref}"`));
  xml = xml.replace(
    /(<(?:\w+:)?autoFilter\b[^>]*?\bref=")[^"]*(")/,
    (_m, a: string, z: string) => `${a}${rectAddress({ ...rect, rows: rect.rows - (totals ? 1 : 0) })}${z}`,
  );
  xml = xml.replace(
    /<((?:\w+:)?)tableColumns\b[^>]*>[\s\S]*?<\/\1tableColumns>/,
    (_m, p: string) => `<${p}tableColumns count="${next.length}">${next.join("")}</${p}tableColumns>`,
  );
  t.xml = xml;
  t.changed = true;
}

/** apply.ts deleteTable: the table part goes, with its relationship, <tablePart> and content type. */
export function deleteTable(book: DirectBook, sheet: Sheet, state: TableState, name: string): void {
  const t = tableOf(state, sheet.entry.name, name);
  if (!t) return;
  state.tables.splice(state.tables.indexOf(t), 1);
  const rels = state.rels.get(sheet.entry.name) ?? [];
  const rel = rels.find((r) => resolveTarget(sheet.entry.part, r.target) === t.part);
  if (rel) {
    rels.splice(rels.indexOf(rel), 1);
    state.changedRels.add(sheet.entry.name);
    const sec = sectionOf(sheet.part, "tableParts");
    const items = sec
      ? [...sec.xml.matchAll(/<(?:\w+:)?tablePart\b[^>]*\/>/g)]
          .map((m) => m[0])
          .filter((x) => attrs(x)["r:id"] !== rel.id)
      : [];
    setSection(
      sheet.part,
      "tableParts",
      items.length ? `<tableParts count="${items.length}">${items.join("")}</tableParts>` : "",
    );
  }
  book.opc.removeOverride(t.part);
  book.zip.remove(t.part);
  book.texts.delete(t.part);
}
