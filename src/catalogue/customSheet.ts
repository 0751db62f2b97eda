/**
 * The custom catalogue sheet "Danh mục giải pháp": where users adapt the built-in catalogue (renamed offices,
 * their own measures). Columns: Mã tiêu chí | Cơ quan chủ trì tham mưu | Cơ quan thực hiện | Nhiệm vụ, giải pháp
 * (one task per line in the cell). Pure: reads a SheetSnapshot, plans a ChangeSet.
 *
 * Texts are kept verbatim (outer whitespace trimmed): a text starting with "=", "+", "-" or "@" is text, and the
 * export writes every text as CellInput { kind: "text" }; escaping it for Excel is the writing side's job.
 * The only rewriting is in the tasks column, where each line's leading "+ " / "- " / "• " bullet is dropped.
 */

import { AddinError } from "../core/errors";
import { compareKeys, parseCode } from "../core/text";
import { CATALOGUE_SHEET } from "../core/owned";
import type {
  CellInput,
  CellValue,
  ChangeSet,
  Op,
  Rect,
  SheetSnapshot,
  WorkbookSnapshot,
} from "../core/types";
import { agencyKey } from "./data";
import { builtinCatalogue, lookup, type Catalogue, type CustomEntry } from "./lookup";
import { parseUnitLevel, type UnitLevel } from "./profiles";

/** The sheet's name; core/owned.ts is its one home. */
export const CATALOGUE_SHEET_NAME = CATALOGUE_SHEET;

export type CatalogueField = "code" | "lead" | "implementers" | "tasks";

/** Header texts as the export writes them. */
export const CATALOGUE_HEADERS: Record<CatalogueField, string> = {
  code: "Mã tiêu chí",
  lead: "Cơ quan chủ trì tham mưu",
  implementers: "Cơ quan thực hiện",
  tasks: "Nhiệm vụ, giải pháp",
};

const FIELDS: CatalogueField[] = ["code", "lead", "implementers", "tasks"];

/** Accepted header texts, compared with agencyKey (no diacritics, case or punctuation). */
const HEADER_ALIASES: Record<CatalogueField, string[]> = {
  code: ["Mã tiêu chí", "Mã", "Mã số", "Tiêu chí", "Code", "Criterion code", "Criterion"],
  lead: ["Cơ quan chủ trì tham mưu", "Cơ quan chủ trì", "Chủ trì tham mưu", "Chủ trì", "Lead agency", "Lead"],
  implementers: [
    "Cơ quan thực hiện",
    "Cơ quan phối hợp thực hiện",
    "Thực hiện",
    "Implementers",
    "Implementing agencies",
  ],
  tasks: [
    "Nhiệm vụ, giải pháp",
    "Nhiệm vụ giải pháp",
    "Nhiệm vụ",
    "Giải pháp",
    "Tasks",
    "Tasks and solutions",
    "Tasks, solutions",
  ],
};

const HEADER_KEYS = new Map<string, CatalogueField>();
for (const f of FIELDS) for (const h of HEADER_ALIASES[f]) HEADER_KEYS.set(agencyKey(h), f);

export type ProblemKind = "no-header" | "missing-code" | "bad-code" | "empty" | "duplicate";

export interface CatalogueProblem {
  /** 0-based sheet row (Excel row − 1). */
  row: number;
  /** The code as read (canonical when it parsed, otherwise the raw text). */
  code?: string;
  kind: ProblemKind;
  message: { vi: string; en: string };
}

export interface CustomSheetRead {
  entries: CustomEntry[];
  problems: CatalogueProblem[];
  /** The profile the sheet names above its header ("Cấp đơn vị | xã"), when it names one. */
  profile?: UnitLevel;
}

/** Label texts (agencyKey) of the cell that names the sheet's profile; the value is the next cell, or after ":". */
const PROFILE_LABELS = new Set([
  "cap don vi",
  "loai don vi",
  "ho so don vi",
  "don vi",
  "unit",
  "unit level",
  "profile",
]);

/**
 * The profile a catalogue sheet names in the rows above `beforeRow`: a label cell ("Cấp đơn vị", "Unit") followed
 * by a value cell ("xã", "commune", "phường", "Sở", "huyện"), or one cell "Cấp đơn vị: xã". Null when none.
 */
export function readSheetProfile(
  sheet: SheetSnapshot,
  beforeRow = sheet.top + Math.min(sheet.values.length, 10),
): UnitLevel | null {
  for (let r = sheet.top; r < beforeRow && r - sheet.top < sheet.values.length; r++) {
    const cells = sheet.values[r - sheet.top].map(textOf);
    for (let j = 0; j < cells.length; j++) {
      const [label, inline] = cells[j].split(/:(.*)/s);
      if (!PROFILE_LABELS.has(agencyKey(label ?? ""))) continue;
      const value = (inline ?? "").trim() !== "" ? inline : cells.slice(j + 1).find((c) => c !== "");
      const level = value ? parseUnitLevel(value) : null;
      if (level) return level;
    }
  }
  return null;
}

interface Header {
  /** 0-based sheet row of the header. */
  row: number;
  /** Sheet column of each field found. */
  cols: Partial<Record<CatalogueField, number>>;
}

/** A cell as text, verbatim but for outer whitespace; numbers as written by String(). */
function textOf(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return v.trim();
}

/** One task per line; leading "+ ", "- ", "– ", "• " bullets dropped; blank lines dropped. */
export function splitTasks(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) =>
      l
        .trim()
        .replace(/^[+\-–•]\s+/, "")
        .trim(),
    )
    .filter((l) => l !== "");
}

function findHeader(sheet: SheetSnapshot): Header | undefined {
  for (let i = 0; i < sheet.values.length; i++) {
    const cols: Partial<Record<CatalogueField, number>> = {};
    sheet.values[i].forEach((v, j) => {
      if (typeof v !== "string") return;
      const f = HEADER_KEYS.get(agencyKey(v));
      if (f && cols[f] === undefined) cols[f] = sheet.left + j;
    });
    if (cols.code !== undefined && (cols.lead !== undefined || cols.tasks !== undefined)) {
      return { row: sheet.top + i, cols };
    }
  }
  return undefined;
}

function cellAt(sheet: SheetSnapshot, row: number, col: number | undefined): CellValue {
  if (col === undefined) return null;
  return sheet.values[row - sheet.top]?.[col - sheet.left] ?? null;
}

function rowIsBlank(values: CellValue[]): boolean {
  return values.every((v) => textOf(v) === "");
}

/**
 * Reads the custom catalogue sheet. The header row is found by its texts (Vietnamese with or without diacritics,
 * or English: Code, Lead agency, Implementers, Tasks); it needs the code column and the lead or tasks column.
 * Every non-blank row below it is an entry, except rows with no code, a code that does not parse, no lead and no
 * tasks, or a code already seen (the first row wins): those are problems, not errors. A code cell may name several
 * codes separated by ";" ("7.3.1 ; 7.3.2"), as the seed plan does.
 */
export function readCustomSheet(sheet: SheetSnapshot): CustomSheetRead {
  const entries: CustomEntry[] = [];
  const problems: CatalogueProblem[] = [];
  const header = findHeader(sheet);
  if (!header) {
    const h = CATALOGUE_HEADERS;
    const cols = `${h.code} | ${h.lead} | ${h.implementers} | ${h.tasks}`;
    problems.push({
      row: sheet.top,
      kind: "no-header",
      message: {
        vi: `Trang "${sheet.name}" không có dòng tiêu đề (${cols}).`,
        en: `Sheet "${sheet.name}" has no header row (Code | Lead agency | Implementers | Tasks).`,
      },
    });
    return { entries, problems };
  }
  const firstRow = new Map<string, number>();
  const profile = readSheetProfile(sheet, header.row);
  for (let r = header.row + 1; r < sheet.top + sheet.values.length; r++) {
    if (rowIsBlank(sheet.values[r - sheet.top])) continue;
    const n = r + 1;
    const rawCode = textOf(cellAt(sheet, r, header.cols.code));
    const lead = textOf(cellAt(sheet, r, header.cols.lead));
    const implementers = textOf(cellAt(sheet, r, header.cols.implementers));
    const tasks = splitTasks(textOf(cellAt(sheet, r, header.cols.tasks)));
    if (rawCode === "") {
      if (lead === "" && implementers === "" && tasks.length === 0) continue; // content only in other columns
      problems.push({
        row: r,
        kind: "missing-code",
        message: { vi: `Dòng ${n}: thiếu mã tiêu chí.`, en: `Row ${n}: no criterion code.` },
      });
      continue;
    }
    const parsed = rawCode.split(";").map((part) => parseCode(part.trim()));
    if (parsed.some((p) => p === null)) {
      problems.push({
        row: r,
        code: rawCode,
        kind: "bad-code",
        message: {
          vi: `Dòng ${n}: "${rawCode}" không phải mã tiêu chí.`,
          en: `Row ${n}: "${rawCode}" is not a criterion code.`,
        },
      });
      continue;
    }
    const keys = parsed.map((p) => p!.key);
    if (lead === "" && tasks.length === 0) {
      problems.push({
        row: r,
        code: keys.join(" ; "),
        kind: "empty",
        message: {
          vi: `Dòng ${n} (${keys.join(" ; ")}): chưa có cơ quan chủ trì tham mưu và nhiệm vụ, giải pháp.`,
          en: `Row ${n} (${keys.join(" ; ")}): no lead agency and no tasks.`,
        },
      });
      continue;
    }
    for (const code of keys) {
      const first = firstRow.get(code);
      if (first !== undefined) {
        problems.push({
          row: r,
          code,
          kind: "duplicate",
          message: {
            vi: `Dòng ${n}: mã ${code} đã có ở dòng ${first + 1}; dòng này không được dùng.`,
            en: `Row ${n}: code ${code} is already on row ${first + 1}; this row is ignored.`,
          },
        });
        continue;
      }
      firstRow.set(code, r);
      entries.push({ code, lead, implementers, tasks: [...tasks], row: r });
    }
  }
  return profile ? { entries, problems, profile } : { entries, problems };
}

// ---------------------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------------------

export interface CatalogueRow {
  code: string;
  lead: string;
  implementers: string;
  tasks: string[];
}

/**
 * The catalogue as sheet rows, sorted by code: one row per code an entry lists (the 7.2 entry gives rows 7.2 and
 * 7.6), one per domain default ("1" … "9"; an entry for the domain code, such as "9", takes its place), one per
 * custom code. Each row holds what lookup answers for its code, so reading the rows back reproduces the catalogue.
 */
export function catalogueRows(catalogue: Catalogue = builtinCatalogue()): CatalogueRow[] {
  const codes = new Set<string>();
  for (const e of catalogue.entries) for (const c of e.codes) codes.add(c);
  for (const d of catalogue.domains) codes.add(d.domain);
  for (const c of catalogue.custom ?? []) codes.add(c.code);
  return [...codes].sort(compareKeys).map((code) => {
    const a = lookup(code, catalogue);
    return { code, lead: a.lead, implementers: a.implementers, tasks: a.tasks };
  });
}

/** What planCatalogueSheet needs when the host has no WorkbookSnapshot at hand. */
export interface CatalogueSheetInfo {
  sheetNames: string[];
  /** The existing catalogue sheet as read (required when sheetNames has it). */
  existing?: SheetSnapshot | null;
  /** Place a new sheet's tab after this one (default: after the last sheet). */
  after?: string;
}

const COLUMN_WIDTHS: Record<CatalogueField, number> = { code: 12, lead: 32, implementers: 40, tasks: 100 };
/** Rows below the data that get the text format too, so codes the user types ("7.10") stay text. */
const SPARE_TEXT_ROWS = 200;

function text(t: string): CellInput {
  return t === "" ? { kind: "blank" } : { kind: "text", text: t };
}

function rowCells(row: CatalogueRow): Record<CatalogueField, CellInput> {
  return {
    code: text(row.code),
    lead: text(row.lead),
    implementers: text(row.implementers),
    tasks: text(row.tasks.join("\n")),
  };
}

function sameName(a: string, b: string): boolean {
  return a.normalize("NFC").toLocaleLowerCase("vi") === b.normalize("NFC").toLocaleLowerCase("vi");
}

function normaliseInfo(input: WorkbookSnapshot | CatalogueSheetInfo | null | undefined): CatalogueSheetInfo {
  if (!input) return { sheetNames: [] };
  if ("active" in input) {
    const others = input.others ?? {};
    const key = Object.keys(others).find((k) => sameName(k, CATALOGUE_SHEET_NAME));
    // The user may run the export from the catalogue sheet itself: then it is the active sheet.
    const existing =
      key !== undefined
        ? others[key]
        : sameName(input.active.name, CATALOGUE_SHEET_NAME)
          ? input.active
          : null;
    return {
      sheetNames: input.sheetNames,
      existing,
      after: input.sheetNames[input.sheetNames.length - 1],
    };
  }
  return input;
}

function column(col: number, top: number, rows: number): Rect {
  return { top, left: col, rows, cols: 1 };
}

/** Ops writing `rows` at sheet row `top` into the given columns (cells of other columns left as they are). */
function writeRows(
  sheet: string,
  top: number,
  cols: Partial<Record<CatalogueField, number>>,
  rows: Record<CatalogueField, CellInput>[],
): Op[] {
  const present = FIELDS.filter((f) => cols[f] !== undefined);
  const left = Math.min(...present.map((f) => cols[f]!));
  const right = Math.max(...present.map((f) => cols[f]!));
  const cells = rows.map((r) => {
    const line: (CellInput | null)[] = new Array(right - left + 1).fill(null);
    for (const f of present) line[cols[f]! - left] = r[f];
    return line;
  });
  const ops: Op[] = [];
  if (cols.code !== undefined) {
    ops.push({
      op: "setStyle",
      sheet,
      ranges: [column(cols.code, top, rows.length + SPARE_TEXT_ROWS)],
      style: { numberFormat: "@" },
    });
  }
  ops.push({ op: "setCells", sheet, top, left, cells });
  const wrapCols = (["lead", "implementers", "tasks"] as const).filter((f) => cols[f] !== undefined);
  if (rows.length > 0 && wrapCols.length > 0) {
    ops.push({
      op: "setStyle",
      sheet,
      ranges: wrapCols.map((f) => column(cols[f]!, top, rows.length)),
      style: { wrap: true },
    });
  }
  return ops;
}

/** A fresh catalogue block (header + all rows) at `top`, columns A–D. */
function freshBlock(sheet: string, top: number, rows: CatalogueRow[]): Op[] {
  const cols: Record<CatalogueField, number> = { code: 0, lead: 1, implementers: 2, tasks: 3 };
  const header: Record<CatalogueField, CellInput> = {
    code: text(CATALOGUE_HEADERS.code),
    lead: text(CATALOGUE_HEADERS.lead),
    implementers: text(CATALOGUE_HEADERS.implementers),
    tasks: text(CATALOGUE_HEADERS.tasks),
  };
  const ops: Op[] = [
    { op: "setCells", sheet, top, left: 0, cells: [FIELDS.map((f) => header[f])] },
    { op: "setStyle", sheet, ranges: [{ top, left: 0, rows: 1, cols: 4 }], style: { bold: true } },
    ...writeRows(sheet, top + 1, cols, rows.map(rowCells)),
  ];
  return ops;
}

function columnWidths(sheet: string): Op[] {
  return FIELDS.map((f, i): Op => ({ op: "setColumnWidth", sheet, col: i, width: COLUMN_WIDTHS[f] }));
}

/**
 * Plans the "export-catalogue" command: the sheet "Danh mục giải pháp" pre-filled with the catalogue (one row per
 * code, see catalogueRows; tasks one per line), header bold, text wrapped, code column formatted as text, column
 * widths set. Every text is a { kind: "text" } cell, never a formula.
 *
 * When the sheet already exists the user's edits are kept: only rows for codes the sheet does not have yet are
 * appended below its last used row, in the columns its header names (counts: added, kept = the user's data rows
 * left untouched). A sheet without a recognisable header gets a fresh header and all rows below its content.
 * Throws when the sheet exists but `existing` was not read: writing blind could clobber it.
 */
export function planCatalogueSheet(
  input: WorkbookSnapshot | CatalogueSheetInfo | null | undefined,
  catalogue: Catalogue = builtinCatalogue(),
): ChangeSet {
  const info = normaliseInfo(input);
  const rows = catalogueRows(catalogue);
  const existingName = info.sheetNames.find((n) => sameName(n, CATALOGUE_SHEET_NAME));
  const existing = info.existing ?? null;

  if (existingName === undefined && !existing) {
    const sheet = CATALOGUE_SHEET_NAME;
    const after = info.after ?? info.sheetNames[info.sheetNames.length - 1];
    const ops: Op[] = [
      after !== undefined ? { op: "addSheet", sheet, after } : { op: "addSheet", sheet },
      ...freshBlock(sheet, 0, rows),
      ...columnWidths(sheet),
      { op: "select", sheet, rect: { top: 0, left: 0, rows: 1, cols: 1 } },
    ];
    return { command: "export-catalogue", ops, counts: { added: rows.length, kept: 0 } };
  }
  if (!existing) {
    // Writing blind could clobber the user's rows.
    throw new AddinError("not-read", {
      sheet: existingName ?? CATALOGUE_SHEET_NAME,
      detail: "the sheet exists but was not read",
    });
  }

  const sheet = existingName ?? existing.name;
  const lastUsed = (() => {
    for (let i = existing.values.length - 1; i >= 0; i--) {
      if (!rowIsBlank(existing.values[i])) return existing.top + i;
    }
    return -1;
  })();

  if (lastUsed < 0) {
    // Exists but empty: fill it as if new, on the user's tab.
    const ops: Op[] = [
      ...freshBlock(sheet, 0, rows),
      ...columnWidths(sheet),
      { op: "select", sheet, rect: { top: 0, left: 0, rows: 1, cols: 1 } },
    ];
    return { command: "export-catalogue", ops, counts: { added: rows.length, kept: 0 } };
  }

  const header = findHeader(existing);
  if (!header) {
    const top = lastUsed + 2;
    const ops: Op[] = [
      ...freshBlock(sheet, top, rows),
      { op: "select", sheet, rect: { top, left: 0, rows: 1, cols: 1 } },
    ];
    return { command: "export-catalogue", ops, counts: { added: rows.length, kept: 0 } };
  }

  // Codes the sheet already has, including rows readCustomSheet reports (an empty row for 7.2 is still the
  // user's row for 7.2: adding another would only make a duplicate).
  const present = new Set<string>();
  let kept = 0;
  for (let r = header.row + 1; r <= lastUsed; r++) {
    if (rowIsBlank(existing.values[r - existing.top])) continue;
    kept++;
    for (const part of textOf(cellAt(existing, r, header.cols.code)).split(";")) {
      const p = parseCode(part.trim());
      if (p) present.add(p.key);
    }
  }
  const missing = rows.filter((r) => !present.has(r.code));
  if (missing.length === 0) return { command: "export-catalogue", ops: [], counts: { added: 0, kept } };
  const top = lastUsed + 1;
  const ops: Op[] = [
    ...writeRows(sheet, top, header.cols, missing.map(rowCells)),
    { op: "select", sheet, rect: { top, left: header.cols.code!, rows: missing.length, cols: 1 } },
  ];
  return { command: "export-catalogue", ops, counts: { added: missing.length, kept } };
}
