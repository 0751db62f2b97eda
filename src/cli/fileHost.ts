/**
 * The CLI's host: one loaded .xlsx workbook behind the app's SessionHost, through the xlsx host. The
 * criteria sheet is the one `--sheet` names, else the app's choice (src/app/chooseSheet.ts) from the
 * probes of every sheet.
 */
import type * as ExcelJS from "exceljs";
import { AddinError } from "../app/errors";
import type { ReadRequest, SessionHost } from "../app/session";
import type { ChangeSet, WorkbookSnapshot } from "../app/types";
import { readSnapshot, XlsxHost } from "../hosts/xlsx";
import { probeSheets } from "../hosts/xlsx/probes";

export class FileHost implements SessionHost {
  private readonly xlsx: XlsxHost;
  /** The sheet of the last read: what the CLI reports it used. */
  lastSheet: string | null = null;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    /** The sheet `--sheet` names, if any. */
    private readonly sheet?: string,
  ) {
    this.xlsx = new XlsxHost(workbook);
  }

  async read(opts: ReadRequest = {}): Promise<WorkbookSnapshot> {
    const name = opts.sheet ?? this.sheet;
    if (name !== undefined && !this.workbook.getWorksheet(name))
      throw new AddinError("no-table", { missingSheet: name });
    const ws = readSnapshot(this.workbook, { sheet: name });
    if (name === undefined) ws.probes = probeSheets(this.workbook);
    this.lastSheet = ws.active.name;
    return ws;
  }

  apply(cs: ChangeSet, basis: WorkbookSnapshot): Promise<void> {
    return this.xlsx.apply(cs, basis);
  }
}
