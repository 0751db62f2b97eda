/**
 * The corpus's door to the Office host: a fixture's .xlsx becomes the Office.js double's workbook (every
 * sheet read by the xlsx host, as Excel would show the file), and the app's Session runs the commands
 * through an ExcelHost on it, as the task pane does. Every call into the double (tests/hosts/office/fake) is
 * here: when its API changes, this file is the one to adapt.
 */
import * as ExcelJS from "exceljs";
import { FakeExcel } from "../hosts/office/fake";
import { ExcelHost } from "../../src/hosts/office/host";
import { Session, type SessionResult } from "../../src/app/session";
import { chooseSheet } from "../../src/app/chooseSheet";
import { loadWorkbook, readSheet, readSnapshot } from "../../src/hosts/xlsx";
import type { CommandId } from "../../src/app/commands";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";

export type { SessionResult, SheetSnapshot, WorkbookSnapshot };

/** The workbook of an .xlsx file as Excel would open it: every sheet, the hidden ones, the sheet to open. */
export interface OpenedBook {
  workbook: WorkbookSnapshot;
  hidden: string[];
}

/**
 * Reads every sheet of the file with the xlsx host. The active sheet is the one holding the criteria table
 * by the app's rule (in Excel the user opens it; the corpus's expectations name that sheet).
 */
export async function openBook(bytes: Uint8Array): Promise<OpenedBook> {
  const wb = await loadWorkbook(bytes);
  const first = readSnapshot(wb);
  const active = chooseSheet(first);
  const sheets = new Map<string, SheetSnapshot>(wb.worksheets.map((ws) => [ws.name, readSheet(ws)]));
  const hidden = wb.worksheets
    .filter((ws: ExcelJS.Worksheet) => ws.state && ws.state !== "visible")
    .map((ws) => ws.name);
  const names = wb.worksheets.map((ws) => ws.name);
  return {
    workbook: {
      active: sheets.get(active)!,
      sheetNames: names,
      others: Object.fromEntries(names.filter((n) => n !== active).map((n) => [n, sheets.get(n)!])),
    },
    hidden,
  };
}

/** One Office session on the double: the commands as the task pane runs them, and what Excel then shows. */
export interface OfficeRun {
  analyze(): Promise<SessionResult>;
  runAll(commands: readonly CommandId[]): Promise<SessionResult[]>;
  /** The workbook as Excel shows it now (formulas recalculated). */
  shown(): WorkbookSnapshot;
  /** Uninstalls the double's globals. */
  done(): void;
}

/**
 * Installs the double seeded with `book` (Excel calculates formulas without a cached value when it opens
 * the file, so the double recalculates before its first read) and opens a Session on an ExcelHost. The
 * labels are in the table's own language, as the corpus's xlsx runs write them.
 */
export function officeSession(book: OpenedBook): OfficeRun {
  const fake = new FakeExcel(book.workbook, { hiddenSheets: book.hidden });
  fake.dirty = true;
  const uninstall = fake.install();
  const session = new Session(new ExcelHost(), null);
  return {
    analyze: () => session.analyze(),
    runAll: (commands) => session.runAll(commands),
    shown: () => fake.snapshot(),
    done: uninstall,
  };
}
