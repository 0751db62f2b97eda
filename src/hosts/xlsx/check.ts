/**
 * Checking a change set against the workbook before anything is written: the core's own checks
 * (validateChangeSet: sheets exist, no duplicate sheet, tables to resize exist) plus what Excel would
 * refuse or repair in a file (sheet and table names, table sizes and overlaps, coordinates past the grid,
 * list literals over 255 characters, colours that are not "#RRGGBB").
 */
import type * as ExcelJS from "exceljs";
import type { CellInput, ChangeSet, Op, Rect } from "../../core/types";
import { ChangeSetError, WorkbookModel, validateChangeSet } from "../../core/model";
import { structureSnapshot } from "./read";
import { overlaps } from "./rects";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/** Excel's limit on a data-validation list typed as a literal ("A,B,C"). */
export const MAX_LIST_LITERAL = 255;

const int = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);

function rectProblem(r: Rect | undefined): string | null {
  if (!r || !int(r.top) || !int(r.left) || !int(r.rows) || !int(r.cols))
    return "a range is not whole numbers";
  if (r.top < 0 || r.left < 0 || r.rows < 1 || r.cols < 1) return "a range is empty or starts before A1";
  if (r.top + r.rows > MAX_ROWS || r.left + r.cols > MAX_COLS)
    return "a range goes past the last row or column";
  return null;
}

/** Excel's rules for a sheet name. */
export function sheetNameProblem(name: string): string | null {
  if (typeof name !== "string" || name.trim() === "") return "a sheet name cannot be empty";
  if (name.length > 31) return `the sheet name «${name}» is longer than 31 characters`;
  if (/[*?:/\\[\]]/.test(name)) return `the sheet name «${name}» has one of * ? : / \\ [ ]`;
  if (/^'|'$/.test(name)) return `the sheet name «${name}» starts or ends with an apostrophe`;
  if (name.toLowerCase() === "history") return "the sheet name «History» is reserved by Excel";
  return null;
}

/** Excel's rules for a table name. */
export function tableNameProblem(name: string): string | null {
  if (typeof name !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name))
    return `«${name}» is not a valid table name (letters, digits, _ and . only, no spaces)`;
  if (name.length > 255) return `the table name «${name}» is too long`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name))
    return `the table name «${name}» looks like a cell reference`;
  return null;
}

function inputProblem(v: CellInput | null): string | null {
  if (v === null) return null;
  switch (v.kind) {
    case "text":
      return typeof v.text === "string" && v.text.length <= 32767
        ? null
        : "a text is not a string or too long";
    case "number":
      return typeof v.value === "number" && Number.isFinite(v.value) ? null : "a number is not finite";
    case "bool":
      return typeof v.value === "boolean" ? null : "a boolean is not true or false";
    case "formula":
      return typeof v.formula === "string" &&
        v.formula.replace(/^=/, "").trim() !== "" &&
        v.formula.length <= 8192
        ? null
        : "a formula is empty or longer than 8192 characters";
    case "blank":
      return null;
    default:
      return "a cell input has an unknown kind";
  }
}

const hex = (c: unknown) =>
  c === null || c === undefined || (typeof c === "string" && /^#[0-9A-Fa-f]{6}$/.test(c));

function opProblem(m: WorkbookModel, op: Op): string | null {
  switch (op.op) {
    case "insertColumns":
    case "deleteColumns": {
      if (!int(op.at) || !int(op.count) || op.at < 0 || op.count < 1)
        return "at/count must be whole, count ≥ 1";
      if (op.at + op.count > MAX_COLS) return "the columns go past the last column";
      if (op.table) return rectProblem(op.table.rect);
      return null;
    }
    case "setCells": {
      if (!int(op.top) || !int(op.left) || op.top < 0 || op.left < 0) return "top/left must be whole and ≥ 0";
      if (!Array.isArray(op.cells)) return "cells must be rows of inputs";
      if (op.top + op.cells.length > MAX_ROWS) return "the block goes past the last row";
      for (const row of op.cells) {
        if (!Array.isArray(row)) return "cells must be rows of inputs";
        if (op.left + row.length > MAX_COLS) return "the block goes past the last column";
        for (const v of row) {
          const p = inputProblem(v);
          if (p) return p;
        }
      }
      return null;
    }
    case "setStyle": {
      for (const r of op.ranges) {
        const p = rectProblem(r);
        if (p) return p;
      }
      const st = op.style;
      if (!hex(st.fill) || !hex(st.fontColor)) return "colours must be #RRGGBB or null";
      if (st.numberFormat !== undefined && typeof st.numberFormat !== "string")
        return "a number format is not text";
      return null;
    }
    case "addSheet": {
      const p = sheetNameProblem(op.sheet);
      if (p) return p;
      const clash = m.order.find((n) => n.toLowerCase() === op.sheet.toLowerCase());
      return clash ? `a sheet named «${clash}» exists (Excel ignores case)` : null;
    }
    case "deleteSheet":
      return m.order.length <= 1 ? "a workbook must keep at least one sheet" : null;
    case "addTable":
    case "resizeTable": {
      const p = rectProblem(op.rect);
      if (p) return p;
      if (op.rect.rows < 2) return "a table needs a header row and at least one data row";
      if (op.op === "addTable") {
        const bad = tableNameProblem(op.name);
        if (bad) return bad;
        for (const s of m.sheets.values())
          if (s.tables.some((t) => t.name.toLowerCase() === op.name.toLowerCase()))
            return `a table named «${op.name}» exists on «${s.name}»`;
      }
      const other = m
        .sheet(op.sheet)
        .tables.find((t) => (op.op === "addTable" || t.name !== op.name) && overlaps(t.rect, op.rect));
      return other ? `the table would overlap the table «${other.name}»` : null;
    }
    case "setValidation": {
      const p = rectProblem(op.rect);
      if (p) return p;
      if (op.list) {
        if (op.list.some((s) => typeof s !== "string" || s.includes(",")))
          return "list items must be text without commas";
        const literal = op.list.map((s) => s.replace(/"/g, '""')).join(",");
        if (literal.length > MAX_LIST_LITERAL)
          return `the list is ${literal.length} characters long; Excel accepts ${MAX_LIST_LITERAL}`;
      }
      return null;
    }
    case "setColumnWidth":
      if (!int(op.col) || op.col < 0 || op.col >= MAX_COLS) return "the column is out of the grid";
      return typeof op.width === "number" && op.width >= 0 && op.width <= 255 ? null : "a width is 0 to 255";
    case "deleteTable":
    case "select":
      return null;
    default:
      return "unknown op";
  }
}

/** Throws a ChangeSetError (core's typed error) when the change set cannot be written whole. */
export function checkChangeSet(wb: ExcelJS.Workbook, cs: ChangeSet): void {
  const snap = structureSnapshot(wb);
  const core = validateChangeSet(snap, cs);
  if (!core.ok) throw core.error;
  const m = WorkbookModel.fromSnapshot(snap);
  cs.ops.forEach((op, i) => {
    const problem = opProblem(m, op);
    if (problem) throw new ChangeSetError("bad-op", `step ${i + 1} (${op.op} on «${op.sheet}»): ${problem}`);
    m.apply(op);
  });
}
