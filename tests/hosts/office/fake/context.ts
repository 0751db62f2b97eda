/** The request context: statements queued until sync(), run in order, sizes measured. */
import type { Rect } from "../../../../src/core/types";
import type { FakeExcel } from "./excel";
import { FakeOfficeError, jsonBytes, type Entry } from "./util";
import { FakeWorkbook } from "./workbook";

export class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: Entry[] = [];
  constructor(
    readonly fake: FakeExcel,
    /** Excel.run({ delayForCellEdit: true }): syncs wait for cell-edit mode to end instead of failing. */
    private readonly delayForCellEdit = false,
    /** Excel.run({ mergeUndoGroup: true }). */
    readonly mergeUndoGroup = false,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  /** Queues a write; its label (for `writes`) is worked out when it runs, once earlier statements ran. */
  /** `rects`: the cells the write changes (protection lets writes to unlocked cells through). */
  write(
    label: string | (() => string),
    sheet: () => string | null,
    args: unknown,
    run: () => void,
    rects?: () => Rect[],
  ): void {
    const l = typeof label === "string" ? () => label : label;
    this.queue.push({ kind: "write", label: l, sheet, bytes: 64 + jsonBytes(args), run, rects });
  }

  read(run: () => { bytes: number; commit: () => void }): void {
    this.queue.push({ kind: "read", run });
  }

  async sync(): Promise<void> {
    const fake = this.fake;
    fake.syncs++;
    const queue = this.queue;
    this.queue = [];
    if (fake.cellEditMode) {
      if (!this.delayForCellEdit)
        throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
      await fake.cellEditEnded();
    }
    const request = queue.reduce((n, e) => n + (e.kind === "write" ? e.bytes : 64), 0);
    fake.requestBytes.push(request);
    if (request > fake.maxRequestBytes) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    }
    const reads: { bytes: number; commit: () => void }[] = [];
    for (const e of queue) {
      if (e.kind === "write") {
        const label = e.label();
        fake.checkWrite(label, e.sheet(), e.rects?.(), this.mergeUndoGroup ? e.bytes : 0);
        e.run();
        fake.writes.push(label);
        fake.dirty = true;
      } else {
        // Excel recalculates after writes; the double does it lazily, before the next read.
        fake.recalculate();
        reads.push(e.run());
      }
    }
    // Loaded data becomes visible only when the whole response fits.
    const response = reads.reduce((n, r) => n + r.bytes, 0);
    fake.responseBytes.push(response);
    if (response > fake.maxResponseBytes) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
      );
    }
    for (const r of reads) r.commit();
  }
}
