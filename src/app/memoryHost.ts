/**
 * A host that keeps the workbook in memory (core's WorkbookModel): for tests, demos and the panel's own
 * previews. Reads and writes count like a real host's syncs.
 */
import {
  AddinError,
  ChangeSetError,
  WorkbookModel,
  type PreparedOk,
  type Rect,
  type WorkbookSnapshot,
} from "../core";
import type { SessionHost } from "./session";

export class MemoryHost implements SessionHost {
  model: WorkbookModel;
  active: string;
  selection: { sheet: string; rect: Rect } | null = null;
  reads = 0;
  writes = 0;

  constructor(ws: WorkbookSnapshot) {
    this.model = WorkbookModel.fromSnapshot(ws);
    this.active = ws.active.name;
  }

  /**
   * Reads the active sheet as the criteria sheet, or `opts.sheet` (like Excel's read of a named sheet: it
   * shows nothing, so the next plain read still reads the active sheet).
   */
  async read(opts: { sheet?: string } = {}): Promise<WorkbookSnapshot> {
    this.reads++;
    // As the xlsx host says it: no such sheet in the file.
    if (opts.sheet !== undefined && !this.model.sheets.has(opts.sheet))
      throw new AddinError("no-table", { missingSheet: opts.sheet });
    return this.snapshot(opts.sheet);
  }

  /** The workbook with `sheet` (default: the active one) as the criteria sheet, without counting a read. */
  snapshot(sheet: string = this.active): WorkbookSnapshot {
    const ws = this.model.toSnapshot(sheet);
    if (this.selection?.sheet === sheet) ws.active.selection = this.selection.rect;
    return ws;
  }

  /**
   * Writes a prepared change set. The model is the workbook itself here, so applying the ops to it is the
   * write, not a second simulation; a change set prepared on an older read fails like a real host would.
   */
  async apply(p: PreparedOk): Promise<void> {
    this.writes++;
    const before = this.model.toSnapshot(this.active);
    try {
      for (const op of p.ops) this.model.apply(op);
    } catch (e) {
      this.model = WorkbookModel.fromSnapshot(before); // all or nothing
      // An op that no longer fits: the workbook changed since the read the change set was prepared on.
      throw e instanceof ChangeSetError ? new AddinError("stale", { detail: e.message }) : e;
    }
    this.model.recalculate();
  }

  async selectRow(sheet: string, row: number): Promise<void> {
    if (!this.model.sheets.has(sheet)) throw new AddinError("stale", { sheet });
    const used = this.model.sheet(sheet).usedRect();
    this.selection = { sheet, rect: { top: row, left: used?.left ?? 0, rows: 1, cols: used?.cols ?? 1 } };
  }
}
