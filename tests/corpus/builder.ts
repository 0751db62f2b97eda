/**
 * A small DSL for the corpus: a PAR INDEX results table as a district or commune office types it, built in
 * code with ExcelJS. A fixture starts from the base criteria set (BASE) and says what is different: the
 * title, the header wording, how numbers are typed, rows inserted or cut, other sheets, and anything else
 * through `setup` (ExcelJS) or `parts` (zip parts added after ExcelJS wrote the file).
 *
 * Row numbers in expectations are Excel's (1-based), as a user would read them.
 */
import * as ExcelJS from "exceljs";
import { addParts, type ExtraPart } from "./parts";

/** One criterion of the base table: code, name, max, achieved (level = number of dots + 1). */
export type BaseRow = readonly [code: string, name: string, max: number, achieved: number];

/**
 * The base table: eight domains of a commune's 2025 self-assessment, 100 points, 87,25 achieved, ten
 * criteria below their max (1.2, 1.3, 2.2, 3.2, 5.2, 6.2, 7.1, 7.2, 8.1, 8.2).
 */
export const BASE: readonly BaseRow[] = [
  ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 10, 9],
  ["1.1", "Kế hoạch cải cách hành chính năm", 2, 2],
  ["1.2", "Báo cáo cải cách hành chính định kỳ", 1, 0.5],
  ["1.3", "Kiểm tra công tác cải cách hành chính", 7, 6.5],
  ["2", "CẢI CÁCH THỂ CHẾ", 8, 7],
  ["2.1", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", 4, 4],
  ["2.2", "Theo dõi thi hành pháp luật", 4, 3],
  ["3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 16, 14.5],
  ["3.1", "Công khai thủ tục hành chính", 6, 6],
  ["3.2", "Kết quả giải quyết thủ tục hành chính", 10, 8.5],
  ["4", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", 9, 9],
  ["4.1", "Thực hiện quy định về tổ chức bộ máy", 9, 9],
  ["5", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", 12, 10.25],
  ["5.1", "Vị trí việc làm và cơ cấu ngạch công chức", 6, 6],
  ["5.2", "Tuyển dụng, sử dụng và quản lý công chức", 6, 4.25],
  ["6", "CẢI CÁCH TÀI CHÍNH CÔNG", 10, 8],
  ["6.1", "Quản lý, sử dụng kinh phí ngân sách nhà nước", 5, 5],
  ["6.2", "Thực hiện kiến nghị sau thanh tra, kiểm toán", 5, 3],
  ["7", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", 15, 12.5],
  ["7.1", "Cung cấp dịch vụ công trực tuyến", 8, 7.5],
  ["7.2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 7, 5],
  ["8", "TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KINH TẾ - XÃ HỘI", 20, 17],
  ["8.1", "Mức độ hài lòng của người dân, tổ chức", 10, 9],
  ["8.2", "Tác động đến phát triển kinh tế - xã hội của địa phương", 10, 8],
];
export const BASE_TOTAL = { max: 100, achieved: 87.25 };
export const BASE_UNMET = 10;

/** A formula written with no cached value (how some generators and "save without recalculating" write). */
export interface Formula {
  f: string;
  /** The cached result, when the file has one. */
  r?: number | string;
}
export type Cell = string | number | boolean | null | Formula;
export type Row = Cell[];

export const f = (formula: string, r?: number | string): Formula =>
  r === undefined ? { f: formula } : { f: formula, r };

/** Decimal-comma text as offices type it: 9,50. */
export function vn(x: number): string {
  return x.toFixed(2).replace(".", ",");
}

export const HEADERS = {
  standard: [
    "TT",
    "Lĩnh vực/tiêu chí/tiêu chí thành phần",
    "Điểm tối đa",
    "Điểm đạt được",
    "Chưa đạt so với điểm tối đa",
    "Nguyên nhân chưa đạt điểm",
  ],
  short: ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt"],
  english: ["No.", "Criterion", "Max score", "Score achieved", "Gap", "Reason"],
} as const;

export interface TableOptions {
  /** Rows above the header (titles); default two "UBND xã …" lines and a blank row. */
  titles?: Row[];
  header?: readonly string[];
  /** A second header row under the first (merged two-row headers); merges are the caller's. */
  header2?: readonly string[];
  rows?: readonly BaseRow[];
  /** How a number is typed in the max/achieved/gap cells; default decimal-comma text. */
  num?: (x: number, row: BaseRow, col: "max" | "achieved" | "gap") => Cell;
  /** Extra cells after the standard ones, per criterion (e.g. a reason). */
  extra?: (row: BaseRow) => Cell[];
  /** Whether the gap column is filled (needs a header with a gap column); default when the header has 5+. */
  gap?: boolean;
  /** Rows put after a criterion code's row (page breaks, repeated headers, continuation lines). */
  after?: Record<string, Row[]>;
  /** The total row; null for none. Default "TỔNG ĐIỂM" with the sums. */
  total?: Row | null;
  /** Rows after the total (bonus/penalty block, signature). */
  below?: Row[];
}

/** The standard title lines of a commune table. */
export function titles(unit = "UBND XÃ TÂN HÒA", year = 2025): Row[] {
  return [
    [unit],
    [`BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`],
    [],
  ];
}

export const SIGNATURE: Row[] = [
  [],
  [null, "Người lập biểu", null, null, "CHỦ TỊCH"],
  [],
  [],
  [null, "Nguyễn Văn An", null, null, "Trần Thị Bình"],
];

/** The rows of a criteria table (titles, header, criteria, total, below) as cells. */
export function tableRows(o: TableOptions = {}): Row[] {
  const header = o.header ?? HEADERS.standard;
  const rows = o.rows ?? BASE;
  const num = o.num ?? ((x) => vn(x));
  const gap = o.gap ?? header.length >= 5;
  const out: Row[] = [...(o.titles ?? titles())];
  out.push([...header]);
  if (o.header2) out.push([...o.header2]);
  for (const r of rows) {
    const cells: Row = [r[0], r[1], num(r[2], r, "max"), num(r[3], r, "achieved")];
    if (gap) cells.push(num(Math.round((r[2] - r[3]) * 100) / 100, r, "gap"));
    if (o.extra) cells.push(...o.extra(r));
    out.push(cells);
    for (const extra of o.after?.[r[0]] ?? []) out.push(extra);
  }
  if (o.total !== null) {
    const domains = rows.filter((r) => !r[0].includes("."));
    const max = domains.reduce((s, r) => s + r[2], 0);
    const ach = domains.reduce((s, r) => s + r[3], 0);
    const t: Row = o.total ?? [
      null,
      "TỔNG ĐIỂM",
      num(max, ["", "", max, ach], "max"),
      num(ach, ["", "", max, ach], "achieved"),
    ];
    if (o.total === undefined && gap)
      t.push(num(Math.round((max - ach) * 100) / 100, ["", "", max, ach], "gap"));
    out.push(t);
  }
  out.push(...(o.below ?? []));
  return out;
}

/** The 1-based Excel row of a criterion code in `rows` (as laid out by tableRows), for expectations. */
export function rowOf(rows: Row[], label: string): number {
  const i = rows.findIndex((r) => r.some((c) => typeof c === "string" && c.trim() === label));
  if (i < 0) throw new Error(`no row labelled «${label}»`);
  return i + 1;
}

export interface SheetSpec {
  name: string;
  rows: Row[];
  /** Sheet column (1-based) of the first cell of each row; default 1. */
  col?: number;
  merges?: string[];
  widths?: Record<number, number>;
  hiddenCols?: number[];
  setup?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void;
  state?: "visible" | "hidden";
}

export interface BookSpec {
  sheets: SheetSpec[];
  /** Workbook-level touches: defined names, properties. */
  setup?: (wb: ExcelJS.Workbook) => void;
  /** Zip parts added after ExcelJS wrote the file (charts, custom properties, web extensions). */
  parts?: ExtraPart[];
}

function write(ws: ExcelJS.Worksheet, s: SheetSpec): void {
  const col0 = s.col ?? 1;
  s.rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(i + 1, col0 + j);
      cell.value =
        typeof v === "object" ? ({ formula: v.f.replace(/^=/, "") } as ExcelJS.CellFormulaValue) : v;
    });
  });
  for (const m of s.merges ?? []) ws.mergeCells(m);
  ws.getColumn(col0 + 1).width = 48;
  for (const [c, w] of Object.entries(s.widths ?? {})) ws.getColumn(Number(c)).width = w;
  for (const c of s.hiddenCols ?? []) ws.getColumn(c).hidden = true;
}

/** The workbook's bytes. */
export async function build(spec: BookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "UBND";
  wb.created = new Date(Date.UTC(2025, 11, 1));
  wb.modified = new Date(Date.UTC(2025, 11, 1));
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? "visible" });
    write(ws, s);
    s.setup?.(ws, wb);
  }
  spec.setup?.(wb);
  const buf = await wb.xlsx.writeBuffer();
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  return spec.parts?.length ? addParts(bytes, spec.parts) : bytes;
}

/** One sheet holding `rows`: the usual shape of a fixture. */
export function oneSheet(rows: Row[], more: Partial<SheetSpec> = {}, name = "Kết quả 2025"): BookSpec {
  return { sheets: [{ name, rows, ...more }] };
}
