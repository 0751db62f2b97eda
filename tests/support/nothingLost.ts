/**
 * "Nothing lost": compares an input .xlsx with the file a command wrote and reports everything of the input
 * that is missing or changed in the output, except what the add-in owns (its sheets, the cells and columns
 * it writes on the table's sheet, its defined names). Cells move with the columns the add-in inserted.
 *
 * Sheet content (values, formulas, styles, merges, widths, heights, validations, conditional formats, notes,
 * print settings, defined names) is compared through ExcelJS; every other zip part (charts, drawings, text
 * boxes, images, custom properties, web extensions, …) must have a part in the output with the same content:
 * XML compared after parsing, drawings by their anchors (columns mapped) and texts, chart ranges ignored.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import type { ChangeSet, Rect } from "../../src/core/types";

export type LossKind =
  | "sheet"
  | "value"
  | "formula"
  | "note"
  | "style"
  | "merge"
  | "column"
  | "row"
  | "validation"
  | "conditional-format"
  | "defined-name"
  | "print"
  | "part";

export interface Loss {
  kind: LossKind;
  sheet?: string;
  /** The input cell (A1) the loss is about, for cell-level losses. */
  cell?: string;
  /** 1-based input row and column of that cell. */
  row?: number;
  col?: number;
  part?: string;
  detail: string;
}

/** Columns inserted on a sheet, in the order they were inserted (0-based, coordinates at that time). */
export interface ColumnInsert {
  at: number;
  count: number;
  /** Only these sheet rows shift (0-based, inclusive): columns inserted into an Excel table. */
  rows?: [number, number];
}

export interface Owned {
  /** Sheets the add-in owns: not compared. */
  sheets?: string[];
  /** Defined names the add-in owns. */
  names?: string[];
  inserts?: Record<string, ColumnInsert[]>;
  /** Cells (0-based, output coordinates) whose value and style the add-in writes. */
  cells?: Record<string, Rect[]>;
  /** Cells (output coordinates) whose style alone the add-in sets (highlight). */
  styles?: Record<string, Rect[]>;
  /** Cells (output coordinates) whose validation the add-in sets. */
  validations?: Record<string, Rect[]>;
  /**
   * Empty columns the add-in took without inserting them (a width set on a column no insert made), with the
   * rows it wrote there (output coordinates): a drawing over those cells moves right of them.
   */
  taken?: Record<string, { at: number; count: number; rows: [number, number] }[]>;
}

const within = (rects: Rect[] | undefined, r: number, c: number) =>
  !!rects?.some((x) => r >= x.top && r < x.top + x.rows && c >= x.left && c < x.left + x.cols);

function push(map: Record<string, Rect[]>, sheet: string, ...rects: Rect[]) {
  (map[sheet] ??= []).push(...rects.map((r) => ({ ...r })));
}

/** The rows of the criteria table (0-based, inclusive): the only rows of its sheet where the add-in owns cells. */
export interface TableRows {
  sheet: string;
  top: number;
  bottom: number;
}

/**
 * What a sequence of change sets owns: sheets it added (not those that existed), columns inserted, and the
 * cells, styles and validations it writes. On the table's sheet, a write outside the table's rows (the legend,
 * a note beside the table) is owned by nobody: it must land where the input had nothing, or it is a loss; so
 * is any write on another sheet that existed before (a sheet the user made, even with an owned name).
 */
export function ownedBy(
  changeSets: readonly ChangeSet[],
  existingSheets: readonly string[] = [],
  table?: TableRows,
): Owned {
  const clip = (sheet: string, r: Rect): Rect | null => {
    if (!table || sheet !== table.sheet) return r;
    const top = Math.max(r.top, table.top);
    const bottom = Math.min(r.top + r.rows - 1, table.bottom);
    return bottom < top ? null : { ...r, top, rows: bottom - top + 1 };
  };
  const add = (map: Record<string, Rect[]>, sheet: string, rects: Rect[]) => {
    // A sheet that was there before and is not the table's is the user's: nothing on it is owned.
    if (existingSheets.includes(sheet) && sheet !== table?.sheet) return;
    const kept = rects.map((r) => clip(sheet, r)).filter((r): r is Rect => r !== null);
    if (kept.length) push(map, sheet, ...kept);
  };
  const owned: Required<Owned> = {
    sheets: [],
    names: [],
    inserts: {},
    cells: {},
    styles: {},
    validations: {},
    taken: {},
  };
  // Columns inserted so far, where they are now, by sheet.
  const inserted: Record<string, number[]> = {};
  const shift = (sheet: string, at: number, count: number) => {
    for (const map of [owned.cells, owned.styles, owned.validations])
      for (const r of map[sheet] ?? []) {
        if (r.left >= at) r.left += count;
        else if (r.left + r.cols > at) r.cols += count;
      }
  };
  for (const cs of changeSets)
    for (const op of cs.ops) {
      switch (op.op) {
        case "addSheet":
          if (!existingSheets.includes(op.sheet)) owned.sheets.push(op.sheet);
          break;
        case "insertColumns": {
          const rows: [number, number] | undefined = op.table
            ? [op.table.rect.top, op.table.rect.top + op.table.rect.rows - 1]
            : undefined;
          (owned.inserts[op.sheet] ??= []).push({ at: op.at, count: op.count, rows });
          shift(op.sheet, op.at, op.count);
          inserted[op.sheet] = [
            ...(inserted[op.sheet] ?? []).map((c) => (c >= op.at ? c + op.count : c)),
            ...Array.from({ length: op.count }, (_, k) => op.at + k),
          ];
          push(owned.cells, op.sheet, {
            top: rows ? rows[0] : 0,
            left: op.at,
            rows: rows ? rows[1] - rows[0] + 1 : 1 << 20,
            cols: op.count,
          });
          break;
        }
        case "setCells":
          add(owned.cells, op.sheet, [
            {
              top: op.top,
              left: op.left,
              rows: op.cells.length,
              cols: Math.max(0, ...op.cells.map((r) => r.length)),
            },
          ]);
          break;
        case "setStyle":
          add(owned.styles, op.sheet, op.ranges);
          break;
        case "setValidation":
          add(owned.validations, op.sheet, [op.rect]);
          break;
        case "setColumnWidth": {
          if (inserted[op.sheet]?.includes(op.col)) break;
          const rows = cs.ops.flatMap((o) =>
            o.op === "setCells" &&
            o.sheet === op.sheet &&
            o.left <= op.col &&
            o.left + (o.cells[0]?.length ?? 0) > op.col
              ? [o.top, o.top + o.cells.length - 1]
              : [],
          );
          if (rows.length)
            (owned.taken[op.sheet] ??= []).push({
              at: op.col,
              count: 1,
              rows: [Math.min(...rows), Math.max(...rows)],
            });
          break;
        }
        default:
          break;
      }
    }
  return owned;
}

/** Maps an input cell (0-based) to its output column through the inserts. */
export function mapColumn(inserts: ColumnInsert[] | undefined, row: number, col: number): number {
  let c = col;
  for (const i of inserts ?? [])
    if (c >= i.at && (!i.rows || (row >= i.rows[0] && row <= i.rows[1]))) c += i.count;
  return c;
}

const letters = (c: number): string =>
  (c < 26 ? "" : letters(Math.floor(c / 26) - 1)) + String.fromCharCode(65 + (c % 26));
const a1 = (row: number, col: number) => `${letters(col)}${row + 1}`;

function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) return { row: -1, col: -1 };
  const col = [...m[1]].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

function mapRange(inserts: ColumnInsert[] | undefined, range: string): string {
  return range
    .split(/\s+/)
    .map((part) => {
      const [a, b] = part.split(":");
      const p = parseA1(a);
      const q = b ? parseA1(b) : p;
      const pa = a1(p.row, mapColumn(inserts, p.row, p.col));
      return b ? `${pa}:${a1(q.row, mapColumn(inserts, q.row, q.col))}` : pa;
    })
    .join(" ");
}

/** Stable JSON (sorted keys) without undefined, for comparing models. */
export function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>)
            .filter(([, y]) => y !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : x,
  );
}

function styleOf(cell: ExcelJS.Cell): string {
  const s = cell.style ?? {};
  return canon({ font: s.font, fill: s.fill, border: s.border, numFmt: s.numFmt, alignment: s.alignment });
}

interface CellContent {
  value: string;
  formula: string | null;
  result: string | null;
  note: string | null;
}

const EMPTY: CellContent = { value: canon(null), formula: null, result: null, note: null };
const NO_STYLE = canon({});

function contentOf(cell: ExcelJS.Cell): CellContent {
  const v = cell.value as unknown;
  const isF = !!v && typeof v === "object" && ("formula" in v || "sharedFormula" in v);
  const note = cell.note === undefined ? null : canon(cell.note);
  if (isF) {
    const fv = v as { result?: unknown };
    return {
      value: "",
      formula: String(cell.formula ?? ""),
      result: fv.result === undefined ? null : canon(fv.result),
      note,
    };
  }
  return { value: canon(v ?? null), formula: null, result: null, note };
}

/** Parsed files, by their bytes: a corpus compares one input with many outputs. Read-only once loaded. */
const loaded = new WeakMap<Uint8Array, Promise<ExcelJS.Workbook>>();
const zipped = new WeakMap<Uint8Array, Promise<JSZip>>();

function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  let p = loaded.get(bytes);
  if (!p) {
    const wb = new ExcelJS.Workbook();
    loaded.set(bytes, (p = wb.xlsx.load(bytes as unknown as ExcelJS.Buffer).then(() => wb)));
  }
  return p;
}

function unzip(bytes: Uint8Array): Promise<JSZip> {
  let p = zipped.get(bytes);
  if (!p) zipped.set(bytes, (p = JSZip.loadAsync(bytes)));
  return p;
}

/** A cell of a loaded workbook without creating it (the workbooks are cached and must stay as read). */
function peek(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell | undefined {
  return ws.findCell(row, col);
}

/** What ExcelJS 4.4 keeps on a worksheet but leaves out of its typings. */
interface Untyped {
  dataValidations: { model: Record<string, unknown> };
  conditionalFormattings: { ref: string; rules: unknown[] }[];
}

function compareSheet(a: ExcelJS.Worksheet, b: ExcelJS.Worksheet, owned: Owned, out: Loss[]): void {
  const sheet = a.name;
  const ins = owned.inserts?.[sheet];
  const cellsOwned = owned.cells?.[sheet];
  const stylesOwned = owned.styles?.[sheet];
  const loss = (kind: LossKind, detail: string, r?: number, c?: number) =>
    out.push({
      kind,
      sheet,
      detail,
      ...(r !== undefined && c !== undefined ? { cell: a1(r, c), row: r + 1, col: c + 1 } : {}),
    });

  // Cells: value, formula (and its cached result where the input had one), note, style.
  a.eachRow({ includeEmpty: true }, (row, rn) => {
    row.eachCell({ includeEmpty: true }, (cell, cn) => {
      const r = rn - 1;
      const c = mapColumn(ins, r, cn - 1);
      if (within(cellsOwned, r, c)) return;
      if (cell.isMerged && cell.master !== cell) return;
      const other = peek(b, r + 1, c + 1);
      const x = contentOf(cell);
      const y = other ? contentOf(other) : EMPTY;
      if (x.formula !== null) {
        if (x.formula !== y.formula && !ins?.length)
          loss("formula", `${x.formula} → ${y.formula ?? y.value}`, r, cn - 1);
        else if (y.formula === null) loss("formula", `${x.formula} → ${y.value}`, r, cn - 1);
        else if (x.result !== null && x.result !== y.result)
          loss("value", `cached ${x.result} → ${y.result}`, r, cn - 1);
      } else if (x.value !== y.value)
        loss("value", `${x.value} → ${y.formula ? "=" + y.formula : y.value}`, r, cn - 1);
      if (x.note !== y.note) loss("note", `${x.note} → ${y.note}`, r, cn - 1);
      const [sx, sy] = [styleOf(cell), other ? styleOf(other) : NO_STYLE];
      if (!within(stylesOwned, r, c) && sx !== sy) loss("style", `${sx} → ${sy}`, r, cn - 1);
    });
    const r = rn - 1;
    const other = b.findRow(rn);
    const h = (x: ExcelJS.Row | undefined) => canon({ height: x?.height, hidden: x?.hidden || undefined });
    if (h(row) !== h(other) && (row.height !== undefined || row.hidden))
      loss("row", `row ${rn}: ${h(row)} → ${h(other)}`, r, 0);
  });

  // Merges.
  const mergesB = new Set(((b.model as { merges?: string[] }).merges ?? []).map((m) => m.toUpperCase()));
  for (const m of (a.model as { merges?: string[] }).merges ?? []) {
    const mapped = mapRange(ins, m.toUpperCase());
    if (!mergesB.has(mapped)) loss("merge", `${m} (expected at ${mapped})`);
  }

  // Columns: width and hidden, at their mapped place (for a whole-sheet insert; table inserts move no column).
  const sheetIns = ins?.filter((i) => !i.rows);
  for (let cn = 1; cn <= a.columnCount; cn++) {
    const col = a.getColumn(cn);
    if (col.width === undefined && !col.hidden) continue;
    const to = mapColumn(sheetIns, 0, cn - 1) + 1;
    const o = b.getColumn(to);
    if (col.width !== o.width || !!col.hidden !== !!o.hidden)
      loss(
        "column",
        `column ${letters(cn - 1)}: width ${col.width} hidden ${!!col.hidden} → ${o.width} ${!!o.hidden}`,
      );
  }

  // Validations (ExcelJS keeps one entry per cell or range).
  const dvA = (a as unknown as Untyped).dataValidations.model;
  const dvB = (b as unknown as Untyped).dataValidations.model;
  const dvBExpanded = new Map<string, string>();
  for (const [ref, rule] of Object.entries(dvB))
    for (const addr of expand(ref)) dvBExpanded.set(addr, canon(rule));
  for (const [ref, rule] of Object.entries(dvA))
    for (const addr of expand(ref)) {
      const p = parseA1(addr);
      const c = mapColumn(ins, p.row, p.col);
      if (within(owned.validations?.[sheet], p.row, c) || within(cellsOwned, p.row, c)) continue;
      if (dvBExpanded.get(a1(p.row, c)) !== canon(rule))
        loss("validation", `${addr}: ${canon(rule)}`, p.row, p.col);
    }

  // Conditional formats: a format with the same rules (formulas aside when columns moved) over the mapped range.
  const cfKey = (rules: unknown[], withFormulae: boolean) =>
    canon(
      (rules as Record<string, unknown>[]).map(({ priority: _p, formulae, ...rest }) =>
        withFormulae ? { ...rest, formulae } : rest,
      ),
    );
  const cfB = (b as unknown as Untyped).conditionalFormattings.map((cf) => ({
    ref: cf.ref.toUpperCase(),
    rules: cf.rules as unknown[],
  }));
  for (const cf of (a as unknown as Untyped).conditionalFormattings) {
    const ref = mapRange(ins, cf.ref.toUpperCase());
    const key = cfKey(cf.rules as unknown[], !ins?.length);
    if (!cfB.some((o) => o.ref === ref && cfKey(o.rules, !ins?.length) === key))
      loss("conditional-format", `${cf.ref}: ${key}`);
  }

  // Print settings (print area and titles move with columns: compared only on sheets without inserts).
  const print = (ws: ExcelJS.Worksheet, all: boolean) => {
    const { printArea, printTitlesRow, printTitlesColumn, useFirstPageNumber, ...rest } = (ws.pageSetup ??
      {}) as Partial<ExcelJS.PageSetup> & { useFirstPageNumber?: boolean };
    // ExcelJS reads a missing useFirstPageNumber as false and writes it as true: it matters only off page 1.
    const first =
      rest.firstPageNumber !== undefined && rest.firstPageNumber !== 1 ? useFirstPageNumber : undefined;
    return canon({
      ...rest,
      useFirstPageNumber: first,
      ...(all ? { printArea, printTitlesRow, printTitlesColumn } : {}),
      headerFooter: ws.headerFooter,
    });
  };
  if (print(a, !ins?.length) !== print(b, !ins?.length))
    loss("print", `${print(a, true)} → ${print(b, true)}`);
}

function expand(ref: string): string[] {
  const out: string[] = [];
  for (const part of ref.split(/\s+/)) {
    const [x, y] = part.split(":");
    const p = parseA1(x);
    const q = y ? parseA1(y) : p;
    if ((q.row - p.row + 1) * (q.col - p.col + 1) > 20000) continue;
    for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) out.push(a1(r, c));
  }
  return out;
}

/** Parts ExcelJS reads into its model (compared above through the model); every other part is compared by content. */
const MODELLED =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/(core|app)\.xml|xl\/(workbook\.xml|styles\.xml|sharedStrings\.xml|calcChain\.xml|_rels\/workbook\.xml\.rels|worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|tables\/table\d+\.xml|comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|theme\/theme\d+\.xml))$/;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  trimValues: true,
});

/** Where each sheet's drawing is: drawing part path → sheet name. */
async function drawingSheets(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const target = new Map(
    [...rels.matchAll(/<Relationship [^>]*>/g)].map((m) => [attr(m[0], "Id"), attr(m[0], "Target")]),
  );
  for (const m of wb.matchAll(/<sheet [^>]*>/g)) {
    const name = unescapeXml(attr(m[0], "name"));
    const t = target.get(attr(m[0], "r:id"));
    if (!t) continue;
    const path = t.startsWith("/") ? t.slice(1) : `xl/${t}`;
    const srels = await zip.file(path.replace(/([^/]+)$/, "_rels/$1.rels"))?.async("string");
    for (const r of srels?.matchAll(/<Relationship [^>]*>/g) ?? [])
      if (attr(r[0], "Type").endsWith("/drawing"))
        out.set(`xl/drawings/${attr(r[0], "Target").split("/").pop()}`, name);
  }
  return out;
}
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? "";
const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function texts(node: unknown, acc: string[] = []): string[] {
  if (typeof node === "string" || typeof node === "number") acc.push(String(node));
  else if (Array.isArray(node)) for (const n of node) texts(n, acc);
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) if (!k.startsWith("@")) texts(v, acc);
  return acc;
}

/** A drawing as what it shows: each anchor's cells (columns mapped) and kind, and its texts. */
function drawingKey(
  doc: unknown,
  ins: ColumnInsert[] | undefined,
  taken?: NonNullable<Owned["taken"]>[string],
): string {
  const root = (doc as { wsDr?: Record<string, unknown> }).wsDr ?? {};
  const anchors: string[] = [];
  for (const k of ["twoCellAnchor", "oneCellAnchor", "absoluteAnchor"]) {
    const list = root[k];
    for (const a of (Array.isArray(list) ? list : list ? [list] : []) as Record<string, unknown>[]) {
      const at = (p: unknown) => {
        const q = p as { col?: number; row?: number } | undefined;
        return q ? [Number(q.row), mapColumn(ins, Number(q.row), Number(q.col))] : null;
      };
      const kind = Object.keys(a).filter(
        (x) => !["from", "to", "clientData", "pos", "ext"].includes(x) && !x.startsWith("@"),
      );
      const [from, to] = [at(a.from), at(a.to)];
      // A two-cell anchor over cells the add-in took moves right of them.
      for (const t of taken ?? [])
        if (from && to && from[1] <= t.at && to[1] >= t.at && from[0] <= t.rows[1] && to[0] >= t.rows[0]) {
          let end = t.at + 1;
          while (taken!.some((u) => u.at === end)) end++;
          const d = end - from[1];
          from[1] += d;
          to[1] += d;
        }
      anchors.push(canon({ from, to, kind, text: texts(kind.map((x) => a[x])).join("|") }));
    }
  }
  return canon(anchors.sort());
}

/** Where each chart is shown: chart part path → the sheet whose drawing points at it. */
async function chartSheets(zip: JSZip, drawings: Map<string, string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [drawing, sheet] of drawings) {
    const rels = await zip.file(drawing.replace(/([^/]+)$/, "_rels/$1.rels"))?.async("string");
    for (const r of rels?.matchAll(/<Relationship [^>]*>/g) ?? [])
      if (attr(r[0], "Type").endsWith("/chart"))
        out.set(`xl/charts/${attr(r[0], "Target").split("/").pop()}`, sheet);
  }
  return out;
}

/**
 * Content keys of every part not modelled by ExcelJS. A drawing's and a chart's key holds the sheet that
 * shows it: a chart carried onto another sheet, or left in the zip with no drawing pointing at it, is lost.
 */
async function partKeys(
  zip: JSZip,
  inserts: Owned["inserts"],
  taken?: Owned["taken"],
): Promise<Map<string, string>> {
  const sheets = await drawingSheets(zip);
  const charts = await chartSheets(zip, sheets);
  const out = new Map<string, string>();
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir || MODELLED.test(path) || /_rels\//.test(path)) continue;
    let key: string;
    if (/\.(xml|vml|rels)$/i.test(path)) {
      const doc: unknown = xml.parse(await file.async("string"));
      if (/^xl\/drawings\/drawing\d+\.xml$/.test(path)) {
        const sheet = sheets.get(path);
        key =
          `drawing:${sheet ?? ""}:` +
          drawingKey(doc, inserts && sheet ? inserts[sheet] : undefined, sheet ? taken?.[sheet] : undefined);
      } else if (/^xl\/charts\//.test(path)) {
        key = `chart:${charts.get(path) ?? ""}:` + canon(doc).replace(/"f":"[^"]*"/g, '"f":""');
      } else key = canon(doc);
    } else {
      const b = await file.async("uint8array");
      key = `bytes:${b.length}:${Buffer.from(b).toString("base64")}`;
    }
    out.set(path, key);
  }
  return out;
}

/** Everything of `input` that `output` lost, except what the add-in owns. */
export async function nothingLost(input: Uint8Array, output: Uint8Array, owned: Owned = {}): Promise<Loss[]> {
  const out: Loss[] = [];
  const [a, b] = await Promise.all([load(input), load(output)]);
  const ownedSheets = new Set(owned.sheets ?? []);
  for (const ws of a.worksheets) {
    if (ownedSheets.has(ws.name)) continue;
    const o = b.getWorksheet(ws.name);
    if (!o) {
      out.push({ kind: "sheet", sheet: ws.name, detail: "sheet missing" });
      continue;
    }
    if (ws.state !== o.state)
      out.push({ kind: "sheet", sheet: ws.name, detail: `state ${ws.state} → ${o.state}` });
    compareSheet(ws, o, owned, out);
  }
  const order = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name).filter((n) => !ownedSheets.has(n));
  if (canon(order(a)) !== canon(order(b).filter((n) => order(a).includes(n))))
    out.push({ kind: "sheet", detail: `tab order ${order(a).join(", ")} → ${order(b).join(", ")}` });

  // Defined names (ranges compared where their sheet had no columns inserted).
  type NameModel = { name: string; ranges: string[] };
  const namesB = new Map(
    ((b.definedNames as unknown as { model: NameModel[] }).model ?? []).map((n) => [n.name, n]),
  );
  for (const n of (a.definedNames as unknown as { model: NameModel[] }).model ?? []) {
    if (owned.names?.includes(n.name)) continue;
    const o = namesB.get(n.name);
    const moved = n.ranges.some((r) => Object.keys(owned.inserts ?? {}).some((s) => r.includes(s)));
    if (!o) out.push({ kind: "defined-name", detail: `${n.name} missing` });
    else if (!moved && canon(n.ranges) !== canon(o.ranges))
      out.push({ kind: "defined-name", detail: `${n.name}: ${n.ranges.join(",")} → ${o.ranges.join(",")}` });
  }

  // Zip parts by content.
  const [za, zb] = await Promise.all([unzip(input), unzip(output)]);
  const [ka, kb] = await Promise.all([partKeys(za, owned.inserts, owned.taken), partKeys(zb, undefined)]);
  const available = new Map<string, number>();
  for (const k of kb.values()) available.set(k, (available.get(k) ?? 0) + 1);
  for (const [path, key] of ka) {
    const n = available.get(key) ?? 0;
    if (n > 0) available.set(key, n - 1);
    else out.push({ kind: "part", part: path, detail: kb.has(path) ? "content changed" : "part missing" });
  }
  return out;
}

/** Differences in both directions: an empty list when two files hold the same workbook (twice = once). */
export async function sameWorkbook(x: Uint8Array, y: Uint8Array): Promise<Loss[]> {
  return [...(await nothingLost(x, y)), ...(await nothingLost(y, x))];
}
