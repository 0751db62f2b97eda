/**
 * The playground's host: the add-in's commands on an ExcelJS workbook in the browser, through the xlsx
 * host (the same read, checks and writes as the CLI). It adds what a page needs around it: the grid
 * subscribes and re-renders after every write; "go to this row" switches the grid's tab and highlights
 * the row. Reads always take the criteria table's sheet (`sheet`), which the playground changes only when
 * the user opens another sheet with a table, so looking at the plan sheet does not move the panel off it.
 */
import type * as ExcelJS from "exceljs";
import type { ChangeSet, Rect, WorkbookSnapshot } from "../core/types";
import type { PreparedOk } from "../core/prepare";
import type { Host } from "../hosts/host";
import { readSnapshot, XlsxHost } from "../hosts/xlsx";

export type HostEvent =
  /** The workbook changed (a change set was applied). */
  | { kind: "changed"; command: ChangeSet["command"] }
  /** Show this row of this sheet (the panel's "go to the criterion", or a change set's select op). */
  | { kind: "select"; sheet: string; rect: Rect };

type Listener = (e: HostEvent) => void;

export class PlaygroundHost implements Host {
  private listeners = new Set<Listener>();
  /** The xlsx host proper: checks a change set against its basis and the workbook, then writes it. */
  private readonly xlsx: XlsxHost;
  /** Bumped on every write: the grid's cue to read the workbook again. */
  version = 0;
  /** The user's selection on the results sheet (the grid's active cell), passed to the core like Excel's. */
  selection: Rect | undefined;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    /** The sheet with the criteria table: what `read` gives the core as the active sheet. */
    public sheet: string,
  ) {
    this.xlsx = new XlsxHost(workbook, { sheet });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private emit(e: HostEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  async read(): Promise<WorkbookSnapshot> {
    return readSnapshot(this.workbook, { sheet: this.sheet, selection: this.selection });
  }

  async apply(p: PreparedOk): Promise<void> {
    const cs = p.changeSet;
    // all or nothing: the whole change set was checked (core's prepare) before a cell is written
    await this.xlsx.apply(p);
    this.version++;
    this.emit({ kind: "changed", command: cs.command });
    const select = cs.ops.filter((op) => op.op === "select").pop();
    if (select) this.emit({ kind: "select", sheet: select.sheet, rect: select.rect });
  }

  async selectRow(sheet: string, row: number): Promise<void> {
    if (!this.workbook.getWorksheet(sheet)) throw missingSheet(sheet);
    // also makes that row the downloaded file's active cell
    await this.xlsx.selectRow(sheet, row);
    this.emit({ kind: "select", sheet, rect: { top: row, left: 0, rows: 1, cols: 1 } });
  }
}

/** A bilingual error the Session passes to the panel as it is (the shape of app/session's HostError). */
function missingSheet(sheet: string) {
  return {
    code: "missing-sheet",
    message: { vi: `Không có trang «${sheet}».`, en: `There is no sheet «${sheet}».` },
    hint: {
      vi: "Trang này đã bị xóa hoặc đổi tên. Bấm «Tính lại» để đọc lại bảng.",
      en: "The sheet was deleted or renamed. Press Recalculate to read the table again.",
    },
  };
}
