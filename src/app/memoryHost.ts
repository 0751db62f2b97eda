/**
 * A host that keeps the workbook in memory (core's WorkbookModel): for tests, demos and the panel's own
 * previews. Reads and writes count like a real host's syncs.
 */
import { AddinError } from "../core/errors";
import { validateChangeSet, WorkbookModel, type ChangeSet, type Rect, type WorkbookSnapshot } from "../core";
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

  async read(): Promise<WorkbookSnapshot> {
    this.reads++;
    return this.snapshot();
  }

  snapshot(): WorkbookSnapshot {
    const ws = this.model.toSnapshot(this.active);
    if (this.selection?.sheet === this.active) ws.active.selection = this.selection.rect;
    return ws;
  }

  async apply(cs: ChangeSet, basis: WorkbookSnapshot): Promise<void> {
    const v = validateChangeSet(basis, cs);
    if (!v.ok) throw v.error;
    this.writes++;
    for (const op of cs.ops) this.model.apply(op);
    this.model.recalculate();
  }

  async selectRow(sheet: string, row: number): Promise<void> {
    if (!this.model.sheets.has(sheet)) throw new AddinError("stale", { sheet });
    const used = this.model.sheet(sheet).usedRect();
    this.selection = { sheet, rect: { top: row, left: used?.left ?? 0, rows: 1, cols: used?.cols ?? 1 } };
  }
}
