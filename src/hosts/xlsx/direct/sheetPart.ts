/**
 * One worksheet part (`xl/worksheets/sheetN.xml`) as a mutable model, read and written by string scanning
 * (no DOM): the rows of `<sheetData>` parsed into cells, everything before and after kept as text.
 *
 * The model (stable: the direct reader and the direct writer both build on it):
 * - `head`: the XML before `<sheetData`, `tail`: the XML after `</sheetData>` (or after `<sheetData/>`),
 *   `dataTag`: the `<sheetData …>` start tag as written (`<sheetData/>` when the sheet had no rows).
 * - `rows`, in document order: `RowPart { index (0-based), attrs, cells }`; `attrs` is the raw text of the
 *   row's other attributes (everything of the start tag after the element name except `r="…"`, leading
 *   space included, so `<row r="${index + 1}"${attrs}>` rebuilds the tag).
 * - `cells`: `CellPart { col (0-based), s, t, v, f, fXml?, rowF?, is?, raw? }`:
 *   `s` the style index (0 when absent), `t` the type attribute (null when absent), `v` the decoded `<v>`
 *   text, `f` the formula text without "=" as stored (a shared formula's child gets its own text, translated
 *   from its master's as ExcelJS does), `fXml` the raw `<f …>…</f>` of a shared or array formula (written as
 *   it was while present: a writer that gives the cell another formula deletes it), `is` an inline string's
 *   text (runs joined, phonetic runs skipped), `raw` the cell's XML as read. A cell with `raw` is written
 *   back verbatim: **a writer that changes anything of a cell deletes its `raw`** (and `fXml` when the
 *   formula changes); the cell is then written from its fields.
 *
 * `serializeSheet(parseSheet(x)) === x` for the sheets Excel, LibreOffice and ExcelJS write. Not kept (the
 * result is the same XML, not the same bytes): white space between rows or cells, a row written
 * `<row …></row>` (written `<row …/>`), a row whose `r` is not its first attribute or is missing (written
 * first), a `<sheetData>` with attributes is kept as written.
 */
import { attrs, decodeXml, encodeXml } from "../xml";
import { columnIndex, columnLetter } from "../../../core/address";
import { DirectUnsupported } from "./unsupported";

export interface CellPart {
  col: number;
  s: number;
  t: string | null;
  v: string | null;
  f: string | null;
  fXml?: string;
  /**
   * A formula the writer wrote from a row formula (CellInput "rowFormula"): its stored parts, one array
   * shared by every cell written from the same object (`f` is their join with the cell's row number).
   * Only while `f` is that text: a writer that changes or moves the formula deletes it.
   */
  rowF?: readonly string[];
  is?: string;
  raw?: string;
}

export interface RowPart {
  index: number;
  attrs: string;
  cells: CellPart[];
}

export interface SheetPart {
  head: string;
  dataTag: string;
  rows: RowPart[];
  tail: string;
}

/** The 0-based column of a cell reference ("AB12" → 27), or -1 when it is not one. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + ch - 96;
  }
  if (i === 0 || i > 3 || i === ref.length) return -1;
  for (let j = i; j < ref.length; j++) {
    const ch = ref.charCodeAt(j);
    if (ch < 48 || ch > 57) return -1;
  }
  return col - 1;
}

/** Parses a worksheet part. Throws DirectUnsupported for XML it does not understand (prefixed elements). */
export function parseSheet(xml: string): SheetPart {
  const open = /<((?:[\w.-]+:)?)sheetData\b[^>]*>/.exec(xml);
  if (!open) throw new DirectUnsupported("worksheet without sheetData");
  if (open[1]) throw new DirectUnsupported(`prefixed worksheet elements (${open[1]})`);
  const head = xml.slice(0, open.index);
  const dataTag = open[0];
  const start = open.index + dataTag.length;
  if (dataTag.endsWith("/>")) return { head, dataTag, rows: [], tail: xml.slice(start) };
  const end = xml.indexOf("</sheetData>", start);
  if (end < 0) throw new DirectUnsupported("unterminated sheetData");
  const rows: RowPart[] = [];
  const masters = new Map<string, { f: string; row: number; col: number }>();
  let pos = start;
  let lastRow = -1;
  while (pos < end) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= end) break;
    if (!xml.startsWith("<row", lt) || !endsName(xml, lt + 4)) {
      throw new DirectUnsupported(`unexpected element in sheetData at ${lt}`);
    }
    const gt = xml.indexOf(">", lt);
    const selfClosing = xml[gt - 1] === "/";
    const tagEnd = selfClosing ? gt - 1 : gt;
    let index: number;
    let rowAttrs: string;
    // The commonest start tag, `<row r="12"…`: its number read in place (what the first pattern below
    // reads, without the tag cut out and matched).
    const n = xml.startsWith(' r="', lt + 4) ? rowNumberAt(xml, lt + 8, tagEnd) : -1;
    if (n >= 0) {
      index = n - 1;
      rowAttrs = xml.slice(xml.indexOf('"', lt + 8) + 1, tagEnd);
    } else {
      const tagBody = xml.slice(lt + 4, tagEnd);
      const rm = /^(\s+r\s*=\s*"(\d+)")/.exec(tagBody) ?? /^(\s+r\s*=\s*'(\d+)')/.exec(tagBody);
      if (rm) {
        index = Number(rm[2]) - 1;
        rowAttrs = tagBody.slice(rm[1].length);
      } else {
        const r = attrs(tagBody).r;
        index = r !== undefined ? Number(r) - 1 : lastRow + 1;
        rowAttrs = tagBody.replace(/\s+r\s*=\s*("[^"]*"|'[^']*')/, "");
      }
    }
    lastRow = index;
    const row: RowPart = { index, attrs: rowAttrs, cells: [] };
    rows.push(row);
    if (selfClosing) {
      pos = gt + 1;
      continue;
    }
    const rowEnd = xml.indexOf("</row>", gt);
    if (rowEnd < 0 || rowEnd > end) throw new DirectUnsupported("unterminated row");
    parseCells(xml, gt + 1, rowEnd, row, masters);
    pos = rowEnd + 6;
  }
  return { head, dataTag, rows, tail: xml.slice(end + "</sheetData>".length) };
}

/**
 * Where the value of the attribute `key` (` r="`) of the start tag `xml[from, to)` begins (after its
 * quote), or -1 when the tag has none (the key's first occurrence in the tag's text, the text not cut out).
 */
function attrAt(xml: string, from: number, to: number, key: string): number {
  // The key starts with a space: looked for at each space of the tag (a search of the whole part for a key
  // the tag lacks would read on to the next cell that has it, on every cell).
  for (let i = xml.indexOf(" ", from); i >= 0 && i + key.length <= to; i = xml.indexOf(" ", i + 1))
    if (xml.startsWith(key, i)) return i + key.length;
  return -1;
}

/** Where the value starting at `at` ends in the tag ending at `to`: its closing quote. */
function valueEnd(xml: string, at: number, to: number): number {
  const q = xml.indexOf('"', at);
  // No closing quote inside the tag (XML that is not well formed): up to the tag's last character, as the
  // tag's text cut out and searched gave (slice(from, -1)).
  return q < 0 || q >= to ? to - 1 : q;
}

/** columnOf of `xml[from, to)`, without the text cut out. */
function columnAt(xml: string, from: number, to: number): number {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const ch = xml.charCodeAt(i) | 0x20; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + ch - 96;
  }
  if (i === from || i - from > 3 || i >= to) return -1;
  for (let j = i; j < to; j++) {
    const ch = xml.charCodeAt(j);
    if (ch < 48 || ch > 57) return -1;
  }
  return col - 1;
}

/** Number(xml.slice(from, to)) || 0, for a style index: its digits read in place when it is plain ones. */
function styleAt(xml: string, from: number, to: number): number {
  if (to > from && to - from <= 9) {
    let n = 0;
    let i = from;
    for (; i < to; i++) {
      const ch = xml.charCodeAt(i);
      if (ch < 48 || ch > 57) break;
      n = n * 10 + ch - 48;
    }
    if (i === to) return n;
  }
  return Number(xml.slice(from, to)) || 0;
}

/** Whether the character at `i` may follow an element's name (`/[\s/>]/`, its commonest cases first). */
function endsName(xml: string, i: number): boolean {
  const ch = xml.charCodeAt(i);
  return ch === 32 || ch === 62 || ch === 47 || /[\s/>]/.test(xml[i]);
}

/** Whether `xml[from, to)` holds a quote, a line break or a tab (the tag takes the general parse). */
function plainTag(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 39 || ch === 10 || ch === 9 || ch === 13) return false;
  }
  return true;
}

/**
 * The row number whose digits start at `from` and end at a `"` before `to`, or -1 when the value is not
 * one to nine digits so closed (then the general reading).
 */
function rowNumberAt(xml: string, from: number, to: number): number {
  let n = 0;
  let i = from;
  for (; i < to && i - from < 10; i++) {
    const ch = xml.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    n = n * 10 + ch - 48;
  }
  return i > from && i - from <= 9 && i < to && xml.charCodeAt(i) === 34 /* " */ ? n : -1;
}

function parseCells(
  xml: string,
  from: number,
  to: number,
  row: RowPart,
  masters: Map<string, { f: string; row: number; col: number }>,
): void {
  let pos = from;
  let lastCol = -1;
  const cells = row.cells;
  while (pos < to) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= to) break;
    if (!xml.startsWith("<c", lt) || !endsName(xml, lt + 2)) {
      // <extLst> in a row and the like: not something the direct path reads.
      throw new DirectUnsupported(`unexpected element in row ${row.index + 1}`);
    }
    const gt = xml.indexOf(">", lt);
    const selfClosing = xml.charCodeAt(gt - 1) === 47; /* / */
    // The start tag's text after "<c" is xml[lt + 2, tagEnd); the cell's content xml[gt + 1, innerEnd).
    const tagEnd = selfClosing ? gt - 1 : gt;
    let cellEnd: number;
    let innerEnd = gt + 1;
    if (selfClosing) cellEnd = gt + 1;
    else {
      const close = xml.indexOf("</c>", gt);
      if (close < 0 || close > to) throw new DirectUnsupported("unterminated cell");
      innerEnd = close;
      cellEnd = close + 4;
    }
    // The three attributes the model keeps: plain tokens, read in place without a general attribute parse
    // (a tag with single-quoted values, or white space other than spaces, takes the general one).
    let col = lastCol + 1;
    let s = 0;
    let t: string | null = null;
    if (plainTag(xml, lt + 2, tagEnd)) {
      const r = attrAt(xml, lt + 2, tagEnd, ' r="');
      if (r >= 0) {
        const rEnd = valueEnd(xml, r, tagEnd);
        col = columnAt(xml, r, rEnd);
        if (col < 0) throw new DirectUnsupported(`cell reference ${xml.slice(r, rEnd)}`);
      }
      const sv = attrAt(xml, lt + 2, tagEnd, ' s="');
      if (sv >= 0) s = styleAt(xml, sv, valueEnd(xml, sv, tagEnd));
      const tv = attrAt(xml, lt + 2, tagEnd, ' t="');
      if (tv >= 0) t = xml.slice(tv, valueEnd(xml, tv, tagEnd));
    } else {
      const a = attrs(xml.slice(lt + 2, tagEnd));
      if (a.r !== undefined) {
        col = columnOf(a.r);
        if (col < 0) throw new DirectUnsupported(`cell reference ${a.r}`);
      }
      s = a.s !== undefined ? Number(a.s) || 0 : 0;
      t = a.t ?? null;
    }
    lastCol = col;
    // Every field present, in newCell's order (book.ts): read and made cells share one object shape.
    const cell: CellPart = {
      col,
      s,
      t,
      v: null,
      f: null,
      fXml: undefined,
      rowF: undefined,
      is: undefined,
      raw: xml.slice(lt, cellEnd),
    };
    if (innerEnd > gt + 1) {
      // The commonest cell: one <v> and nothing else (readInner's first case, read in place).
      if (
        xml.startsWith("<v>", gt + 1) &&
        innerEnd - gt - 1 >= 7 &&
        xml.indexOf("<", gt + 4) === innerEnd - 4 &&
        xml.startsWith("</v>", innerEnd - 4)
      ) {
        const text = xml.slice(gt + 4, innerEnd - 4);
        cell.v = text.includes("&") ? decodeXml(text) : text;
      } else readInner(xml.slice(gt + 1, innerEnd), cell, row.index, masters);
    }
    cells.push(cell);
    pos = cellEnd;
  }
}

function readInner(
  inner: string,
  cell: CellPart,
  rowIndex: number,
  masters: Map<string, { f: string; row: number; col: number }>,
): void {
  // The commonest cell: one <v> and nothing else.
  if (inner.startsWith("<v>") && inner.indexOf("<", 3) === inner.length - 4 && inner.endsWith("</v>")) {
    const text = inner.slice(3, -4);
    cell.v = text.includes("&") ? decodeXml(text) : text;
    return;
  }
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner);
  if (v) cell.v = decodeXml(v[1]);
  else if (/<v(?:\s[^>]*)?\/>/.test(inner)) cell.v = "";
  const fm = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
  if (fm) {
    const fa = attrs(fm[1]);
    const text = fm[2] !== undefined ? decodeXml(fm[2]) : "";
    if (fa.t === "shared" || fa.t === "array") cell.fXml = fm[0];
    if (fa.t === "shared" && fa.si !== undefined) {
      const master = masters.get(fa.si);
      if (fa.ref !== undefined || !master) {
        masters.set(fa.si, { f: text, row: rowIndex, col: cell.col });
        cell.f = text;
      } else cell.f = slideFormula(master.f, rowIndex - master.row, cell.col - master.col);
    } else cell.f = text;
  }
  const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
  if (is) cell.is = runsText(is[1]);
}

/** The text of a string item's runs (`<t>` directly or in `<r>`), phonetic runs (`<rPh>`) skipped. */
export function runsText(xml: string): string {
  // The commonest item: one plain <t> and nothing else (what the loop below gives, without its match).
  if (xml.startsWith("<t>") && xml.indexOf("<", 3) === xml.length - 4 && xml.endsWith("</t>")) {
    const t = xml.slice(3, -4);
    return t.includes("&") ? decodeXml(t) : t;
  }
  const body = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let out = "";
  // (An exec loop, not matchAll: no iterator result per run.)
  const run = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = run.exec(body); m !== null; m = run.exec(body)) out += m[1];
  return out.includes("&") ? decodeXml(out) : out;
}

const REF_CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_PARTS = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/**
 * A shared formula's text moved by (dRow, dCol), as ExcelJS 4.4 moves it (so both readers give a child
 * cell the same formula): every relative A1 reference outside string literals shifts; names, functions and
 * absolute parts stay. (ExcelJS also shifts text inside string literals; this does not.)
 * Not the same as core/conditional.ts offsetFormula, on purpose: that is the core's rule for a conditional
 * format's formula; this one follows ExcelJS's pattern (so the two readers agree), and must stay with it.
 */
export function slideFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REF_CANDIDATE,
            (all, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
              if (paren) return all;
              const m = CELL_PARTS.exec(addr);
              if (!m) return all;
              const letters = m[2].toUpperCase();
              if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return all;
              const col = columnIndex(letters) + (m[1] ? 0 : dCol);
              const row = Number(m[4]) + (m[3] ? 0 : dRow);
              return `${sheet ?? ""}${m[1] ?? ""}${columnLetter(col)}${m[3] ?? ""}${row}`;
            },
          ),
    )
    .join("");
}

/** Characters encodeXml replaces: most cell texts have none, and are written as they are. */
const TO_ESCAPE = /[&<>"]/;
const escaped = (s: string) => (TO_ESCAPE.test(s) ? encodeXml(s) : s);

/** Leading or trailing white space, or a line break: the text needs xml:space="preserve". */
const SPACE_KEPT = /^\s|\s$|\n/;

/** Column letters by 0-based column, made once each (every cell written from its fields needs one). */
const LETTERS: string[] = [];
const letters = (col: number) => LETTERS[col] ?? (LETTERS[col] = columnLetter(col));

/** A cell's XML: its `raw` when it has one, else written from its fields. */
export function serializeCell(c: CellPart, rowIndex: number): string {
  if (c.raw !== undefined) return c.raw;
  return cellXml(c, `${rowIndex + 1}`);
}

/** A cell written from its fields, `rowRef` its row's number as text. */
function cellXml(c: CellPart, rowRef: string): string {
  let x = '<c r="' + letters(c.col) + rowRef + '"';
  if (c.s) x += ` s="${c.s}"`;
  if (c.t !== null) x += ` t="${escaped(c.t)}"`;
  let inner = "";
  if (c.fXml !== undefined) inner += c.fXml;
  else if (c.f !== null) inner += `<f>${escaped(c.f)}</f>`;
  if (c.is !== undefined) {
    const space = SPACE_KEPT.test(c.is) ? ' xml:space="preserve"' : "";
    inner += `<is><t${space}>${escaped(c.is)}</t></is>`;
  } else if (c.v !== null) inner += `<v>${escaped(c.v)}</v>`;
  return inner ? `${x}>${inner}</c>` : `${x}/>`;
}

export function serializeRow(r: RowPart): string {
  const rowRef = `${r.index + 1}`;
  const open = `<row r="${rowRef}"${r.attrs}`;
  if (!r.cells.length) return `${open}/>`;
  let x = `${open}>`;
  const cells = r.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    x += c.raw !== undefined ? c.raw : cellXml(c, rowRef);
  }
  return `${x}</row>`;
}

export function serializeSheet(p: SheetPart): string {
  const parts: string[] = [p.head];
  if (!p.rows.length && p.dataTag.endsWith("/>")) parts.push(p.dataTag);
  else {
    parts.push(p.dataTag.endsWith("/>") ? `${p.dataTag.slice(0, -2).trimEnd()}>` : p.dataTag);
    for (const r of p.rows) parts.push(serializeRow(r));
    parts.push("</sheetData>");
  }
  parts.push(p.tail);
  return parts.join("");
}
