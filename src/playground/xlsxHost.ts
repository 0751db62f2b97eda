/**
 * The playground's host: the add-in's commands on an ExcelJS workbook in the browser, through the xlsx
 * host (the same read, checks and writes as the CLI). It adds what a page needs around it: the grid
 * subscribes and re-renders after every write; "go to this row" switches the grid's tab and highlights
 * the row. Reads take the sheet the session asks for, else the criteria table's sheet (`sheet`, the app's
 * choice when the file is opened), which the playground changes only when the user opens another sheet
 * with a table, so looking at the plan sheet does not move the panel off it.
 */
import type * as ExcelJS from "exceljs";
import { chooseSheet } from "../app/chooseSheet";
import { AddinError } from "../app/errors";
import type { ReadRequest, SessionHost } from "../app/session";
import type { ChangeSet, PreparedOk, Rect, WorkbookSnapshot } from "../app/types";
import { readSnapshot, XlsxHost } from "../hosts/xlsx";
import { Cancelled } from "./progress";

export type HostEvent =
  /** The workbook changed (a change set was applied). */
  | { kind: "changed"; command: ChangeSet["command"] }
  /** Show this row of this sheet (the panel's "go to the criterion", or a change set's select op). */
  | { kind: "select"; sheet: string; rect: Rect };

type Listener = (e: HostEvent) => void;

export class PlaygroundHost implements SessionHost {
  private listeners = new Set<Listener>();
  /** The xlsx host proper: checks a change set against its basis and the workbook, then writes it. */
  private readonly xlsx: XlsxHost;
  /** Bumped on every write: the grid's cue to read the workbook again. */
  version = 0;
  /** The user's selection on the results sheet (the grid's active cell), passed to the core like Excel's. */
  selection: Rect | undefined;

  /** The sheet with the criteria table: what `read` gives the core as the active sheet. */
  sheet: string;

  /** Closed with its document (DocCore.cancel): no more reads or writes. */
  private closed = false;

  constructor(readonly workbook: ExcelJS.Workbook) {
    // the app's rule: among the sheets with a table, the most scored rows, then the latest year
    this.sheet = chooseSheet(readSnapshot(workbook));
    this.xlsx = new XlsxHost(workbook, { sheet: this.sheet });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private emit(e: HostEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  /** The document was closed: a command still running on it stops at its next read or write. */
  close(): void {
    this.closed = true;
  }

  private checkOpen(): void {
    if (this.closed) throw new Cancelled();
  }

  async read(opts: ReadRequest = {}): Promise<WorkbookSnapshot> {
    this.checkOpen();
    const sheet = opts.sheet ?? this.sheet;
    if (!this.workbook.getWorksheet(sheet)) throw new AddinError("stale", { sheet });
    return readSnapshot(this.workbook, {
      sheet,
      selection: sheet === this.sheet ? this.selection : undefined,
    });
  }

  /** Every change set written since the file was opened, in order: what moved the file's drawings. */
  readonly applied: ChangeSet[] = [];

  async apply(p: PreparedOk): Promise<void> {
    this.checkOpen();
    const cs = p.changeSet;
    // all or nothing: the whole change set was checked (core's prepare) before a cell is written
    await this.xlsx.apply(p);
    this.applied.push(cs);
    this.version++;
    this.emit({ kind: "changed", command: cs.command });
    const select = cs.ops.filter((op) => op.op === "select").pop();
    if (select) this.emit({ kind: "select", sheet: select.sheet, rect: select.rect });
  }

  async selectRow(sheet: string, row: number): Promise<void> {
    this.checkOpen();
    if (!this.workbook.getWorksheet(sheet)) throw new AddinError("stale", { sheet });
    // also makes that row the downloaded file's active cell
    await this.xlsx.selectRow(sheet, row);
    this.emit({ kind: "select", sheet, rect: { top: row, left: 0, rows: 1, cols: 1 } });
  }
}
