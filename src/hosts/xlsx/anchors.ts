/**
 * Moving what `preserve.ts` carries over with the columns (or rows) the add-in inserted: drawing anchors
 * (`<xdr:from>/<xdr:to>` cells), chart series references (`<c:f>'Kết quả'!$D$2:$D$6</c:f>`), and cell
 * references in attributes (`ref="C3"` of a threaded comment). Pure string transforms.
 */
import { columnIndex, columnLetter } from "../../core/address";
import { takenRows } from "../../core/charts";
import type { ChangeSet } from "../../core/types";
import { decodeXml, encodeXml } from "./xml";

/**
 * Cells inserted on a sheet: 0-based `at` (what was there moves right, or down), applied in order. With
 * `taken`, nothing is inserted: the add-in wrote its own columns `at`…`at+count-1` (empty ones right of the
 * table) in those rows, and a drawing over those cells moves right of them, as if they had been inserted.
 */
export interface ColumnEdit {
  sheet: string;
  at: number;
  count: number;
  /** Rows instead of columns (default columns). */
  axis?: "columns" | "rows";
  /** The columns were taken (written into), not inserted: rows the add-in wrote, inclusive. */
  taken?: { top: number; bottom: number };
}

/** Where a 0-based column (or row) of `sheet` ends up after `edits`. */
export function shiftIndex(
  index: number,
  sheet: string,
  axis: "columns" | "rows",
  edits: ColumnEdit[],
): number {
  let i = index;
  for (const e of edits)
    if (e.sheet === sheet && !e.taken && (e.axis ?? "columns") === axis && e.count > 0 && i >= e.at)
      i += e.count;
  return i;
}

type Corner = { col: number; row: number };

/** One anchor's cells moved by the edits in order; a two-cell anchor over taken cells moves right of them. */
function moveCorners(from: Corner, to: Corner | null, sheet: string, edits: ColumnEdit[]): void {
  for (const e of edits) {
    if (e.sheet !== sheet || e.count <= 0) continue;
    if (e.taken) {
      const end = e.at + e.count;
      if (!to || from.col >= end || to.col < e.at || from.row > e.taken.bottom || to.row < e.taken.top)
        continue;
      const d = end - from.col;
      from.col += d;
      to.col += d;
      continue;
    }
    const key = (e.axis ?? "columns") === "columns" ? "col" : "row";
    for (const c of to ? [from, to] : [from]) if (c[key] >= e.at) c[key] += e.count;
  }
}

const CORNER = /<((?:\w+:)?)(from|to)>([\s\S]*?)<\/\1\2>/g;
const numberIn = (body: string, tag: string) => {
  const m = new RegExp(`<(?:\\w+:)?${tag}>(\\d+)<`).exec(body);
  return m ? Number(m[1]) : 0;
};

/** One anchor (its <from> and, for a two-cell anchor, <to>) moved by `edits`. */
function moveAnchor(block: string, sheet: string, edits: ColumnEdit[]): string {
  const corners: Record<string, Corner> = {};
  for (const m of block.matchAll(CORNER))
    corners[m[2]] ??= { col: numberIn(m[3], "col"), row: numberIn(m[3], "row") };
  if (!corners.from) return block;
  moveCorners(corners.from, corners.to ?? null, sheet, edits);
  const done = new Set<string>();
  return block.replace(CORNER, (whole: string, p: string, tag: string, body: string) => {
    if (done.has(tag)) return whole;
    done.add(tag);
    const c = corners[tag];
    return `<${p}${tag}>${body
      .replace(/<((?:\w+:)?)col>(\d+)<\/\1col>/, (_c, q: string) => `<${q}col>${c.col}</${q}col>`)
      .replace(
        /<((?:\w+:)?)row>(\d+)<\/\1row>/,
        (_c, q: string) => `<${q}row>${c.row}</${q}row>`,
      )}</${p}${tag}>`;
  });
}

const ANCHOR = /<((?:\w+:)?)(twoCellAnchor|oneCellAnchor)\b[\s\S]*?<\/\1\2>/g;

/** A drawing's anchors on `sheet` moved by `edits` (two-cell and one-cell anchors; absolute ones stay). */
export function shiftAnchors(xml: string, sheet: string, edits: ColumnEdit[]): string {
  if (!edits.some((e) => e.sheet === sheet)) return xml;
  // A drawing part holds anchors; a bare <from>/<to> pair is one anchor.
  if (!/<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor)\b/.test(xml)) return moveAnchor(xml, sheet, edits);
  return xml.replace(ANCHOR, (block: string) => moveAnchor(block, sheet, edits));
}

const CELL = /(\$?)([A-Z]{1,3})(\$?)(\d+)/;

function shiftCell(cell: string, sheet: string, edits: ColumnEdit[]): string {
  const m = CELL.exec(cell);
  if (!m || m.index !== 0 || m[0].length !== cell.length) return cell;
  const col = shiftIndex(columnIndex(m[2]), sheet, "columns", edits);
  const row = shiftIndex(Number(m[4]) - 1, sheet, "rows", edits);
  return `${m[1]}${columnLetter(col)}${m[3]}${row + 1}`;
}

const SHEET_REF =
  /('(?:[^']|'')+'|[^\s'!,()=+\-*/&^<>:;"{}]+)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![\w$])|\$?\d+:\$?\d+)/g;

function shiftPiece(piece: string, sheet: string, edits: ColumnEdit[]): string {
  if (/^\$?\d+$/.test(piece)) {
    const abs = piece.startsWith("$") ? "$" : "";
    return `${abs}${shiftIndex(Number(piece.replace("$", "")) - 1, sheet, "rows", edits) + 1}`;
  }
  if (/^\$?[A-Z]{1,3}$/.test(piece)) {
    const abs = piece.startsWith("$") ? "$" : "";
    return `${abs}${columnLetter(shiftIndex(columnIndex(piece.replace("$", "")), sheet, "columns", edits))}`;
  }
  return shiftCell(piece, sheet, edits);
}

/**
 * A formula's sheet-qualified references (`Sheet!$D$2:$D$6`, `'Kết quả'!D2`, `'Kết quả'!$C:$D`,
 * `'Kết quả'!$1:$2`) moved by `edits`; a range across an insert grows, as in Excel.
 */
export function shiftFormula(formula: string, edits: ColumnEdit[]): string {
  if (edits.length === 0) return formula;
  return formula.replace(SHEET_REF, (m, rawSheet: string, ref: string) => {
    const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
    if (!edits.some((e) => e.sheet === sheet)) return m;
    return `${rawSheet}!${ref
      .split(":")
      .map((p) => shiftPiece(p, sheet, edits))
      .join(":")}`;
  });
}

/** Every `<c:f>` (chart data reference) in a chart part moved by `edits`. */
export function shiftChartRefs(xml: string, edits: ColumnEdit[]): string {
  if (edits.length === 0) return xml;
  return xml.replace(
    /<((?:\w+:)?)f>([^<]*)<\/\1f>/g,
    (_m, p: string, f: string) => `<${p}f>${encodeXml(shiftFormula(decodeXml(f), edits))}</${p}f>`,
  );
}

/** `ref="C3"` attributes (a threaded comment's cell) on `sheet` moved by `edits`. */
export function shiftRefAttributes(xml: string, sheet: string, edits: ColumnEdit[]): string {
  if (!edits.some((e) => e.sheet === sheet)) return xml;
  return xml.replace(
    /\bref="([A-Z]{1,3}\d+)"/g,
    (_m, cell: string) => `ref="${shiftCell(cell, sheet, edits)}"`,
  );
}

/**
 * The whole-column and whole-row inserts of change sets, in order, for `preserveParts`, and the columns the
 * add-in took without inserting them (a width set on a column no insert of the change set made: assign's
 * columns written into empty ones), with the rows written there. Table-only inserts (`table` set) move no
 * drawing; deletes are not supported by the carry-over and are left out.
 */
export function columnEditsOf(changeSets: readonly ChangeSet[]): ColumnEdit[] {
  const out: ColumnEdit[] = [];
  for (const cs of changeSets) {
    // Columns inserted by this change set so far, where they are now, by sheet.
    const inserted = new Map<string, Set<number>>();
    for (const op of cs.ops) {
      if (op.op === "insertColumns") {
        const set = inserted.get(op.sheet) ?? new Set<number>();
        const next = new Set([...set].map((c) => (c >= op.at ? c + op.count : c)));
        for (let c = op.at; c < op.at + op.count; c++) next.add(c);
        inserted.set(op.sheet, next);
        if (!op.table) out.push({ sheet: op.sheet, at: op.at, count: op.count });
      } else if (op.op === "insertRows") {
        out.push({ sheet: op.sheet, at: op.at, count: op.count, axis: "rows" });
      } else if (op.op === "setColumnWidth" && !inserted.get(op.sheet)?.has(op.col)) {
        const span = takenRows(cs.ops, op.sheet, op.col);
        if (!span) continue;
        const last = out[out.length - 1];
        if (last && last.sheet === op.sheet && last.at + last.count === op.col && last.taken) {
          last.count++;
          last.taken = {
            top: Math.min(last.taken.top, span.top),
            bottom: Math.max(last.taken.bottom, span.bottom),
          };
        } else out.push({ sheet: op.sheet, at: op.col, count: 1, taken: span });
      }
    }
  }
  return out;
}

/** Unqualified references (`$C$1:$C$3`, `B2`) in a formula of `sheet`, moved by `edits`; strings are skipped. */
export function shiftLocalRefs(formula: string, sheet: string, edits: ColumnEdit[]): string {
  if (!edits.some((e) => e.sheet === sheet)) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((chunk, i) =>
      i % 2 === 1
        ? chunk
        : chunk.replace(
            /(?<![A-Za-z0-9_!'.$:])(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?(?![A-Za-z0-9_(!])/g,
            (_m, a: string, b: string | undefined) =>
              `${shiftCell(a, sheet, edits)}${b ? `:${shiftCell(b, sheet, edits)}` : ""}`,
          ),
    )
    .join("");
}

/** A space-separated list of ranges of `sheet` (`B2:B5 D1`) moved by `edits`. */
export function shiftSqref(sqref: string, sheet: string, edits: ColumnEdit[]): string {
  return sqref
    .split(/\s+/)
    .map((r) =>
      r
        .split(":")
        .map((c) => shiftCell(c, sheet, edits))
        .join(":"),
    )
    .join(" ");
}
