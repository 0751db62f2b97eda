/**
 * The CLI's host: one loaded .xlsx workbook behind the app's SessionHost, through the xlsx host. The
 * criteria sheet is the one `--sheet` names, else the app's choice (src/app/chooseSheet.ts) from the
 * probes of every sheet.
 */
import type * as ExcelJS from "exceljs";
import { AddinError } from "../app/errors";
import type { ReadRequest, SessionHost } from "../app/session";
import type { ChangeSet, WorkbookSnapshot } from "../app/types";
import { applyChangeSet, readSnapshot, recalculate } from "../hosts/xlsx";
import { probeSheets } from "../hosts/xlsx/probes";

export class FileHost implements SessionHost {
  /** The sheet of the last read: what the CLI reports it used. */
  lastSheet: string | null = null;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    /** The sheet `--sheet` names, if any. */
    private readonly sheet?: string,
  ) {}

  async read(opts: ReadRequest = {}): Promise<WorkbookSnapshot> {
    const name = opts.sheet ?? this.sheet;
    if (name !== undefined && !this.workbook.getWorksheet(name))
      throw new AddinError("no-table", { missingSheet: name });
    const ws = readSnapshot(this.workbook, { sheet: name });
    if (name === undefined) ws.probes = probeSheets(this.workbook);
    this.lastSheet = ws.active.name;
    return ws;
  }

  /**
   * Writes all of `cs` or nothing (the xlsx host checks it whole first). Cached formula results are left
   * to `finish()`, once before saving: the commands plan from the scores, not from those results.
   */
  async apply(cs: ChangeSet, _basis: WorkbookSnapshot): Promise<void> {
    applyChangeSet(this.workbook, cs, { recalculate: false });
  }

  /** Computes the cached formula results once, before the workbook is saved. */
  finish(): void {
    recalculate(this.workbook);
  }
}
