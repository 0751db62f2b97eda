/**
 * The Excel host behind the app layer's Host interface: the only code in the add-in that touches `Excel.*`
 * and `context.sync()` (with read.ts and write.ts). One instance per runtime (the task pane, the ribbon's
 * function file); it owns the memo of its last read, so a new host reads with a fresh memo.
 * See docs/HOSTS-OFFICE.md.
 */
import type { WorkbookSnapshot } from "../../core/types";
import type { PreparedOk } from "../../core/prepare";
import type { Host } from "../host";
import { OWNED_SHEETS, readSnapshot, type OwnedSheets, type ReadMemo, type ReadOptions } from "./read";
import { selectRow, writePrepared, type ApplyOptions } from "./write";
import { rememberWrite } from "./readMemo";

export type ExcelHostOptions = Omit<ReadOptions, "sheet"> & ApplyOptions;

export class ExcelHost implements Host {
  private readonly memo: ReadMemo = { last: null };

  constructor(
    private readonly owned: OwnedSheets = OWNED_SHEETS,
    private readonly opts: ExcelHostOptions = {},
  ) {}

  /** One sync (two when the tables or validated areas are not as the last read found them). */
  read(opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
    return readSnapshot(this.memo, this.owned, { ...this.opts, ...opts });
  }

  /**
   * One sync (more only when the request would pass Excel's 5 MB limit). The structure the change set
   * leaves becomes the next read's guess (./readMemo.ts), so that read stays one sync.
   */
  async apply(p: PreparedOk): Promise<void> {
    await writePrepared(p, this.opts);
    rememberWrite(this.memo, p);
  }

  selectRow(sheet: string, row: number): Promise<void> {
    return selectRow(sheet, row);
  }
}
