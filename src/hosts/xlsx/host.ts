/**
 * The xlsx host behind the app layer's Host interface: one ExcelJS workbook in memory, read and written
 * like Excel is by the Office host. Loading and saving the file stay with the caller (CLI, playground).
 */
import type * as ExcelJS from "exceljs";
import type { ChangeSet, Rect, WorkbookSnapshot } from "../../core/types";
import { ChangeSetError, validateChangeSet } from "../../core/model";
import { cellAddress } from "../../core/address";
import type { Host } from "../host";
import { applyChangeSet } from "./apply";
import { readSnapshot, type ReadOptions } from "./read";

export class XlsxHost implements Host {
  private sheet: string | undefined;
  private selection: Rect | undefined;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly opts: ReadOptions = {},
  ) {
    this.sheet = opts.sheet;
    this.selection = opts.selection;
  }

  /** The criteria sheet (chosen on the first read, then kept, as Excel keeps its active sheet). */
  async read(): Promise<WorkbookSnapshot> {
    const ws = readSnapshot(this.workbook, { ...this.opts, sheet: this.sheet, selection: this.selection });
    this.sheet = ws.active.name;
    return ws;
  }

  /** Checks `cs` against `basis` and against the workbook, then writes all of it (or throws, writing nothing). */
  async apply(cs: ChangeSet, basis: WorkbookSnapshot): Promise<void> {
    const v = validateChangeSet(basis, cs);
    if (!v.ok) throw v.error;
    applyChangeSet(this.workbook, cs);
  }

  /** Selects the row for the next read and as the saved file's active cell and sheet. */
  async selectRow(sheet: string, row: number): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) throw new ChangeSetError("missing-sheet", `no sheet named «${sheet}»`);
    this.sheet = sheet;
    this.selection = { top: row, left: 0, rows: 1, cols: 1 };
    // ExcelJS writes the active cell only for a view with a state; files it made have no view at all.
    for (const other of this.workbook.worksheets) {
      const [first, ...rest] = other.views ?? [];
      // (tabSelected is read and written by ExcelJS but missing from its typings.)
      const view: Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean } = { state: "normal", ...first };
      view.tabSelected = other === ws;
      if (other === ws) view.activeCell = cellAddress(row, 0);
      other.views = [view, ...rest];
    }
    const tab = this.workbook.worksheets.indexOf(ws);
    const [book, ...others] = this.workbook.views ?? [];
    const base: ExcelJS.WorkbookView = {
      x: 0,
      y: 0,
      width: 12000,
      height: 24000,
      firstSheet: 0,
      activeTab: 0,
      visibility: "visible",
    };
    this.workbook.views = [{ ...base, ...book, activeTab: tab }, ...others];
  }
}
