/**
 * The CLI's host: one loaded .xlsx workbook behind the app's SessionHost, through the xlsx host. The
 * criteria sheet is the one `--sheet` names, else the app's choice (src/app/chooseSheet.ts) from the
 * probes of every sheet.
 */
import type * as ExcelJS from "exceljs";
import { chooseSheet } from "../app/chooseSheet";
import { AddinError } from "../app/errors";
import type { ReadRequest, SessionHost } from "../app/session";
import type { PreparedOk, WorkbookSnapshot } from "../app/types";
import { readSnapshot } from "../hosts/xlsx/read";

// The writer loads when a command first writes: a summary only reads (the CLI process benchmark counts it).
let writer: Promise<typeof import("../hosts/xlsx/apply")> | null = null;
const loadWriter = () => (writer ??= import("../hosts/xlsx/apply"));

export class FileHost implements SessionHost {
  /** The sheet of the last read: what the CLI reports it used. */
  lastSheet: string | null = null;
  /** The last snapshot read (the CLI names the unit from its titles). */
  lastRead: WorkbookSnapshot | null = null;
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
    this.lastSheet = ws.active.name;
    this.lastRead = ws;
    return ws;
  }

  /**
   * Writes a change set the core prepared (checked whole, so all of it or nothing). Cached formula results
   * are left to `finish()`, once before saving: the commands plan from the scores, not from those results.
   */
  async apply(p: PreparedOk): Promise<void> {
    (await loadWriter()).writeChangeSet(this.workbook, p.changeSet, { recalculate: false });
  }

  /** Computes the cached formula results once, before the workbook is saved. */
  async finish(): Promise<void> {
    (await loadWriter()).recalculate(this.workbook);
  }
}

/** The criteria sheet's snapshot: `--sheet`'s, else the app's choice among the sheets (chooseSheet). */
export async function readChosen(host: FileHost, sheet?: string): Promise<WorkbookSnapshot> {
  const ws = await host.read(sheet === undefined ? {} : { sheet });
  if (sheet !== undefined) return ws;
  const best = chooseSheet(ws);
  return best === ws.active.name ? ws : host.read({ sheet: best });
}
