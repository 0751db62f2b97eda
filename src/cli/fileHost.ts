/**
 * The CLI's host: one .xlsx workbook behind the app's SessionHost. Reads go through the direct reader (the
 * package's XML, hosts/xlsx/direct) when it reads the file, else through ExcelJS (WorkbookSource); writes go
 * through ExcelJS, loaded from the bytes when a command first writes. The criteria sheet is the one `--sheet`
 * names, else the app's choice (src/app/chooseSheet.ts) from the probes of every sheet.
 */
import type * as ExcelJS from "exceljs";
import { chooseSheet } from "../app/chooseSheet";
import { AddinError } from "../app/errors";
import type { ReadRequest, SessionHost } from "../app/session";
import type { PreparedOk, WorkbookSnapshot } from "../app/types";
import { WorkbookSource } from "../hosts/xlsx/direct/source";
import { readSnapshot } from "../hosts/xlsx/read";

// The writer loads when a command first writes: a summary only reads (the CLI process benchmark counts it).
let writer: Promise<typeof import("../hosts/xlsx/apply")> | null = null;
const loadWriter = () => (writer ??= import("../hosts/xlsx/apply"));

export class FileHost implements SessionHost {
  /** The sheet of the last read: what the CLI reports it used. */
  lastSheet: string | null = null;
  /** The last snapshot read (the CLI names the unit from its titles). */
  lastRead: WorkbookSnapshot | null = null;
  /** Once a change set is written (into the ExcelJS workbook), reads come from that workbook. */
  private written = false;
  constructor(
    /** The workbook: its bytes behind a WorkbookSource, or an ExcelJS workbook already loaded. */
    readonly book: WorkbookSource | ExcelJS.Workbook,
    /** The sheet `--sheet` names, if any. */
    private readonly sheet?: string,
  ) {}

  /** The ExcelJS workbook (loaded from the bytes when the host has only those). */
  async workbook(): Promise<ExcelJS.Workbook> {
    return this.book instanceof WorkbookSource ? this.book.workbook() : this.book;
  }

  async read(opts: ReadRequest = {}): Promise<WorkbookSnapshot> {
    const name = opts.sheet ?? this.sheet;
    let ws: WorkbookSnapshot;
    if (this.book instanceof WorkbookSource && !this.written) ws = await this.book.read({ sheet: name });
    else {
      const wb = await this.workbook();
      if (name !== undefined && !wb.getWorksheet(name))
        throw new AddinError("no-table", { missingSheet: name });
      ws = readSnapshot(wb, { sheet: name });
    }
    this.lastSheet = ws.active.name;
    this.lastRead = ws;
    return ws;
  }

  /**
   * Writes a change set the core prepared (checked whole, so all of it or nothing). Cached formula results
   * are left to `finish()`, once before saving: the commands plan from the scores, not from those results.
   */
  async apply(p: PreparedOk): Promise<void> {
    const [w, wb] = await Promise.all([loadWriter(), this.workbook()]);
    w.writeChangeSet(wb, p.changeSet, { recalculate: false });
    this.written = true;
  }

  /** Computes the cached formula results once, before the workbook is saved. */
  async finish(): Promise<void> {
    const [w, wb] = await Promise.all([loadWriter(), this.workbook()]);
    w.recalculate(wb);
  }
}

/** The criteria sheet's snapshot: `--sheet`'s, else the app's choice among the sheets (chooseSheet). */
export async function readChosen(host: FileHost, sheet?: string): Promise<WorkbookSnapshot> {
  const ws = await host.read(sheet === undefined ? {} : { sheet });
  if (sheet !== undefined) return ws;
  const best = chooseSheet(ws);
  return best === ws.active.name ? ws : host.read({ sheet: best });
}
