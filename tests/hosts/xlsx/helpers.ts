import * as ExcelJS from "exceljs";
import { inflateRawSync } from "zlib";
import {
  SAMPLE_ROWS,
  SAMPLE_SHEET,
  SAMPLE_TITLE,
  analyzeSheet,
  columnLetter,
  evaluateFormula,
  shiftFormulaColumns,
  type Analysis,
  type ChangeSet,
  type SheetSnapshot,
} from "../../../src/core";
import { loadWorkbook, recalculate, saveWorkbook } from "../../../src/hosts/xlsx";
import { cellsOf, rowsOf } from "../../../src/hosts/xlsx/internals";

export const SUMMARY = "Tổng hợp";
export const HEADER_FILL = "FFDDEBF7";

export interface SeedOptions {
  /** Sheet row of the table's header (default 2: title in row 0, as the sample). */
  headerRow?: number;
  /** Sheet column of the table's first column (default 0). */
  left?: number;
  /** Scores as numbers (with a 0.00 format) instead of decimal-comma text. */
  numbers?: boolean;
  /** The criteria table is an Excel table (ListObject). */
  excelTable?: boolean;
  /** A sheet before the criteria sheet, without a table. */
  coverSheet?: boolean;
}

export interface Seed {
  wb: ExcelJS.Workbook;
  /** 0-based positions in the criteria sheet. */
  header: number;
  left: number;
  last: number;
  /** Column of: the reason, the validated/conditionally formatted column, the user's formula. */
  reasonCol: number;
  markCol: number;
  noteCol: number;
}

const addr = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;

/**
 * The seed table as a real workbook, with what a user's file has around it: a merged, filled title, bold
 * domain rows, column widths, a note, rich text, a conditional format and a list validation right of the
 * table, a formula reading the reason column, a defined name over that column, and a second sheet whose
 * formulas (one a shared formula) read the criteria sheet's columns right of where recalc inserts.
 */
export function seedWorkbook(opts: SeedOptions = {}): Seed {
  const wb = new ExcelJS.Workbook();
  if (opts.coverSheet) wb.addWorksheet("Bìa").getCell("A1").value = "Báo cáo kết quả";
  const ws = wb.addWorksheet(SAMPLE_SHEET);
  const header = opts.headerRow ?? 2;
  const left = opts.left ?? 0;
  const last = header + SAMPLE_ROWS.length - 1;
  const reasonCol = left + 5;
  const markCol = left + 8;
  const noteCol = left + 9;

  const title = ws.getCell(addr(header - 2, left));
  title.value = SAMPLE_TITLE;
  title.font = { bold: true, size: 14 };
  title.fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { theme: 4, tint: 0.7999816888943144 } as Partial<ExcelJS.Color>,
  };
  ws.mergeCells(`${addr(header - 2, left)}:${addr(header - 2, left + 5)}`);

  const rows = SAMPLE_ROWS.map((r) =>
    r.map((v, j): ExcelJS.CellValue => {
      if (v === "") return null;
      if (opts.numbers && j >= 2 && j <= 4 && /^\d+,\d+$/.test(v)) return Number(v.replace(",", "."));
      return v;
    }),
  );
  if (opts.excelTable) {
    ws.addTable({
      name: "KetQua",
      ref: addr(header, left),
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: rows[0].map((name) => ({ name: String(name), filterButton: true })),
      rows: rows.slice(1),
    });
  } else {
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v !== null) ws.getCell(header + i + 1, left + j + 1).value = v;
      }),
    );
  }
  rows.forEach((r, i) => {
    const code = String(r[0] ?? "");
    const row = header + i;
    if (i === 0 || /^\d+$/.test(code))
      for (let j = 0; j < 6; j++) ws.getCell(row + 1, left + j + 1).font = { bold: true };
    if (i === 0)
      for (let j = 0; j < 6; j++) {
        const c = ws.getCell(row + 1, left + j + 1);
        c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
        c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
      }
    if (opts.numbers && i > 0)
      for (let j = 2; j <= 4; j++)
        if (typeof r[j] === "number") ws.getCell(row + 1, left + j + 1).numFmt = "0.00";
  });
  // Rich text in one reason cell (6.1.2), a note on the reason header.
  const i612 = SAMPLE_ROWS.findIndex((r) => r[0] === "6.1.2");
  ws.getCell(header + i612 + 1, reasonCol + 1).value = {
    richText: [{ text: "Có sai phạm ", font: { bold: true } }, { text: "phát hiện qua thanh tra" }],
  };
  ws.getCell(header + 1, reasonCol + 1).note = "Theo báo cáo của Sở Nội vụ";

  [6, 50, 10, 10, 12, 45, 4, 4, 18, 20].forEach((w, j) => (ws.getColumn(left + j + 1).width = w));

  // Right of the table: a mark column with a list validation and a conditional format, and a formula.
  ws.getCell(header + 1, markCol + 1).value = "Trạng thái";
  const body = `${addr(header + 1, markCol)}:${addr(last, markCol)}`;
  for (let r = header + 1; r <= last; r++)
    ws.getCell(r + 1, markCol + 1).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"Đã khắc phục,Chưa khắc phục"'],
      showErrorMessage: true,
    };
  ws.addConditionalFormatting({
    ref: body,
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [`AND(${addr(header + 1, markCol)}="Chưa khắc phục",${addr(header + 1, reasonCol)}<>"")`],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  const i162 = SAMPLE_ROWS.findIndex((r) => r[0] === "1.6.2");
  const noteFormula = `IF(${addr(header + i162, reasonCol)}="","","Có nguyên nhân")`;
  ws.getCell(header + i162 + 1, noteCol + 1).value = { formula: noteFormula, result: "Có nguyên nhân" };
  wb.definedNames.add(
    `'${SAMPLE_SHEET}'!$${columnLetter(reasonCol)}$${header + 2}:$${columnLetter(reasonCol)}$${last + 1}`,
    "LyDo",
  );

  // A second sheet reading the criteria sheet, right of the insertion point and across it.
  const sum = wb.addWorksheet(SUMMARY);
  const q = `'${SAMPLE_SHEET}'!`;
  sum.getCell("A1").value = "Nguyên nhân 1.6.2";
  sum.getCell("B1").value = {
    formula: `${q}${addr(header + i162, reasonCol)}`,
    result: SAMPLE_ROWS[i162][5],
  };
  sum.getCell("A2").value = "Tổng điểm chưa đạt";
  sum.getCell("B2").value = {
    formula: `${q}${addr(last, left + 4)}`,
    result: SAMPLE_ROWS[SAMPLE_ROWS.length - 1][4],
  };
  sum.getCell("A3").value = "Cộng dòng 1";
  sum.getCell("B3").value = {
    formula: `SUM(${q}${addr(header + 1, left + 2)}:${addr(header + 1, reasonCol)})`,
    result: 0,
  };
  const shared = [1, 2, 3].map((k) => SAMPLE_ROWS[k][5] || null);
  sum.fillFormula(
    "D1:D3",
    `${q}${addr(header + 1, reasonCol)}`,
    shared.map((s) => s ?? "") as unknown as number[],
  );
  // Cached results as Excel would have saved them (the core's evaluator is enough for these formulas).
  recalculate(wb);
  return { wb, header, left, last, reasonCol, markCol, noteCol };
}

/** Writes and reads back: what a user gets when opening the saved file. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await saveWorkbook(wb));
}

/** Two independent copies of a workbook as a file (before/after comparisons). */
export async function copies(wb: ExcelJS.Workbook): Promise<[ExcelJS.Workbook, ExcelJS.Workbook]> {
  const bytes = await saveWorkbook(wb);
  return [await loadWorkbook(bytes), await loadWorkbook(bytes)];
}

export function analyzed(sheet: SheetSnapshot): Analysis {
  const a = analyzeSheet(sheet);
  if (!a.ok) throw new Error(`expected a table, got ${a.error}`);
  return a;
}

/** JSON with sorted keys, for comparing ExcelJS models whatever order their keys came in. */
export function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

export interface RawCell {
  value: string;
  style: Partial<ExcelJS.Style>;
  note?: string;
}

/** Every non-empty cell of a sheet as ExcelJS holds it: value model (formula and result), style, note. */
export function rawCells(ws: ExcelJS.Worksheet): Map<string, RawCell> {
  const out = new Map<string, RawCell>();
  rowsOf(ws).forEach((row, r) => {
    if (!row) return;
    cellsOf(row).forEach((cell, c) => {
      if (!cell) return;
      const type = cell.type as number;
      const value =
        type === 6
          ? stable({ f: cell.formula, r: cell.result ?? null })
          : type === 1
            ? "merge"
            : stable(cell.value);
      const style = cell.style ?? {};
      if (value === "null" && Object.keys(style).length === 0 && !cell.note) return;
      out.set(`${r},${c}`, { value, style, note: cell.note ? stable(cell.note) : undefined });
    });
  });
  return out;
}

/** Merges, conditional formats, validations (per cell), tables and widths: what moves with columns. */
export function sheetFurniture(ws: ExcelJS.Worksheet) {
  const w = ws as unknown as {
    _merges: Record<string, { range: string }>;
    conditionalFormattings: { ref: string; rules: { formulae?: unknown[] }[] }[];
    dataValidations: { model: Record<string, { formulae?: unknown[] } | undefined> };
    tables: Record<string, { table: { name: string; tableRef: string; columns: { name: string }[] } }>;
  };
  return {
    merges: Object.values(w._merges)
      .map((m) => m.range)
      .sort(),
    cf: (w.conditionalFormattings ?? []).map((cf) => ({
      ref: cf.ref,
      formulae: cf.rules.map((r) => r.formulae),
    })),
    dv: Object.entries(w.dataValidations.model)
      .filter(([, v]) => v)
      .map(([a, v]) => `${a}=${stable(v!.formulae)}`)
      .sort(),
    tables: Object.values(w.tables).map((t) => ({
      name: t.table.name,
      ref: t.table.tableRef,
      columns: t.table.columns.map((c) => c.name),
    })),
    widths: ws.columns?.map((c) => c.width ?? null) ?? [],
  };
}

export function definedNames(wb: ExcelJS.Workbook) {
  return (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
}

/** Cell formats the snapshot carries, as one string per cell, keyed "row,col" (shared with the core tests). */
export { cellMap } from "../../core/helpers";

interface Shift {
  sheet: string;
  at: number;
  count: number;
  band?: { top: number; bottom: number };
}

/**
 * What a change set writes, in the coordinates of the sheet after it: cells it sets, style keys it sets
 * per cell, and how each cell that was there before moved (column inserts and deletes, in order).
 */
export function footprint(cs: ChangeSet, sheet: string) {
  const shifts: Shift[] = [];
  let values = new Set<string>();
  let styles = new Map<string, Set<string>>();
  const move = (key: string, s: Shift): string | null => {
    const [r, c] = key.split(",").map(Number);
    if (s.band && (r < s.band.top || r > s.band.bottom)) return key;
    if (c < s.at) return key;
    if (s.count < 0 && c < s.at - s.count) return null;
    return `${r},${c + s.count}`;
  };
  const allShifts: Shift[] = [];
  for (const op of cs.ops) {
    if (op.op === "insertColumns" || op.op === "deleteColumns") {
      allShifts.push({
        sheet: op.sheet,
        at: op.at,
        count: op.op === "insertColumns" ? op.count : -op.count,
        band: op.table
          ? { top: op.table.rect.top, bottom: op.table.rect.top + op.table.rect.rows - 1 }
          : undefined,
      });
    }
    if (op.sheet !== sheet) continue;
    if (op.op === "insertColumns" || op.op === "deleteColumns") {
      const s: Shift = {
        sheet,
        at: op.at,
        count: op.op === "insertColumns" ? op.count : -op.count,
        band: op.table
          ? { top: op.table.rect.top, bottom: op.table.rect.top + op.table.rect.rows - 1 }
          : undefined,
      };
      shifts.push(s);
      values = new Set([...values].map((k) => move(k, s)).filter((k): k is string => k !== null));
      styles = new Map(
        [...styles]
          .map(([k, v]) => [move(k, s), v] as const)
          .filter((e): e is [string, Set<string>] => e[0] !== null),
      );
    } else if (op.op === "setCells") {
      op.cells.forEach((row, r) =>
        row.forEach((v, c) => v !== null && values.add(`${op.top + r},${op.left + c}`)),
      );
    } else if (op.op === "setStyle") {
      for (const rect of op.ranges)
        for (let r = rect.top; r < rect.top + rect.rows; r++)
          for (let c = rect.left; c < rect.left + rect.cols; c++) {
            const set = styles.get(`${r},${c}`) ?? new Set<string>();
            Object.keys(op.style).forEach((k) => set.add(k));
            styles.set(`${r},${c}`, set);
          }
    }
  }
  const where = (r: number, c: number): [number, number] | null => {
    let key: string | null = `${r},${c}`;
    for (const s of shifts) if (key) key = move(key, s);
    return key ? (key.split(",").map(Number) as [number, number]) : null;
  };
  /** A formula of a cell on `home` as it should read after the change set's inserts (core's rule). */
  const formulaAnyBand = (f: string, home: string) =>
    allShifts.reduce((x, s) => shiftFormulaColumns(x, s.sheet, home, s.at, s.count, s.band), f);
  return { values, styles, where, formulaAnyBand, shifts };
}

const DEFAULT_FONT = stable({ color: { theme: 1 }, family: 2, name: "Calibri", scheme: "minor", size: 11 });

/**
 * A style without the parts that mean "nothing set": ExcelJS gives every cell saved with a style index the
 * workbook's default font, an empty border and a "none" fill when it reads the file back.
 */
export function normalStyle(style: Partial<ExcelJS.Style>): Record<string, unknown> {
  const s: Record<string, unknown> = { ...style };
  if (s.font && stable(s.font) === DEFAULT_FONT) delete s.font;
  if (s.border && Object.keys(s.border).length === 0) delete s.border;
  if (s.fill && (s.fill as ExcelJS.FillPattern).pattern === "none") delete s.fill;
  if (s.alignment && Object.keys(s.alignment).length === 0) delete s.alignment;
  if (s.protection && Object.keys(s.protection).length === 0) delete s.protection;
  return s;
}

/** The style a cell keeps from before when a command set some of its style keys. */
export function styleWithout(style: Partial<ExcelJS.Style>, keys: Set<string> | undefined): string {
  const s = normalStyle(style);
  if (!keys) return stable(s);
  if (keys.has("fill")) delete s.fill;
  if (keys.has("bold") || keys.has("fontColor")) delete s.font;
  if (keys.has("wrap") || keys.has("horizontalAlignment")) delete s.alignment;
  if (keys.has("numberFormat")) delete s.numFmt;
  return stable(s);
}

/** Evaluates a formula against a snapshot (values of the active sheet only). */
export function evaluateOn(s: SheetSnapshot, formula: string) {
  return evaluateFormula(formula, (_sheet, r, c) => s.values[r - s.top]?.[c - s.left] ?? null, s.name);
}

/** One file of a zip (an .xlsx), as text: read through the central directory, stored or deflated. */
export function zipEntry(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = buf.readUInt16LE(eocd + 10); i > 0; i--) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (buf.toString("utf8", p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    p += 46 + skip;
  }
  throw new Error(`no ${name} in the zip`);
}
