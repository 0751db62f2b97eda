/**
 * The xlsx host behind the app layer's Host interface: one ExcelJS workbook in memory, read and written
 * like Excel is by the Office host. Loading and saving the file stay with the caller (CLI, playground).
 */
import type * as ExcelJS from "exceljs";
import type { Rect, WorkbookSnapshot } from "../../core/types";
import type { PreparedOk } from "../../core/prepare";
import { AddinError } from "../../core/errors";
import { cellAddress } from "../../core/address";
import type { Host } from "../host";
import { writeChangeSet } from "./apply";
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

  /**
   * The host's own sheet (chosen on the first read, then kept, as Excel keeps its active sheet), or the sheet
   * the app names (`opts.sheet`). Reading a named sheet switches nothing, as in Excel and MemoryHost (the
   * app's ReadRequest): the next read without a name reads the host's own sheet again. Only `selectRow`
   * moves the host to another sheet, as the user going there would.
   */
  async read(opts: { sheet?: string } = {}): Promise<WorkbookSnapshot> {
    const sheet = opts.sheet ?? this.sheet;
    const selection = opts.sheet !== undefined && opts.sheet !== this.sheet ? undefined : this.selection;
    const ws = readSnapshot(this.workbook, { ...this.opts, sheet, selection });
    if (opts.sheet === undefined) this.sheet = ws.active.name;
    return ws;
  }

  /**
   * Writes a change set prepared (core's prepare) on this host's last read: checked once there, so it is
   * written as it is (the workbook lives in this process: nothing else changes it between read and apply).
   */
  async apply(p: PreparedOk): Promise<void> {
    writeChangeSet(this.workbook, p.changeSet);
  }

  /** Selects the row for the next read and as the saved file's active cell and sheet. */
  async selectRow(sheet: string, row: number): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) throw new AddinError("stale", { sheet });
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
