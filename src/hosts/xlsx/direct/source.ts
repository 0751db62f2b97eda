/**
 * A workbook's bytes as the CLI reads them: through the direct reader (the package's XML, no ExcelJS) when
 * it reads the file, else through ExcelJS — loaded only then, or when a caller asks for the ExcelJS
 * workbook (a writer). Both readers give the same snapshot (tests/hosts/xlsx/direct/read.test.ts), so which
 * one read a file changes nothing the user sees; only the time it takes.
 */
import type * as ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../../core/types";
import type { ReadOptions } from "../read";
import { openPackage, type DirectPackage } from "./package";
import type { Inflate } from "./zip";
import { readPackage } from "./read";
import { AddinError } from "../../../core/errors";
import { DirectUnsupported } from "./unsupported";

const reasonOf = (e: unknown) => (e instanceof DirectUnsupported ? e.reason : `unexpected: ${String(e)}`);

export class WorkbookSource {
  private wb: Promise<ExcelJS.Workbook> | null = null;
  /** Why the direct reader gave the file to ExcelJS, once it did. */
  fellBack: string | null = null;

  private constructor(
    readonly bytes: Uint8Array,
    private pkg: DirectPackage | null,
  ) {}

  /**
   * Opens the bytes: the direct package when it opens, else the ExcelJS workbook (whose loading errors are
   * the caller's to report, as before). `inflate`: see openPackage.
   */
  static async open(bytes: Uint8Array, opts: { inflate?: Inflate } = {}): Promise<WorkbookSource> {
    try {
      return new WorkbookSource(bytes, await openPackage(bytes, opts));
    } catch (e) {
      // What the direct path leaves to ExcelJS — and, should it ever fail otherwise, the same: the user gets
      // ExcelJS's reading rather than an error of the direct path's.
      const s = new WorkbookSource(bytes, null);
      s.fellBack = reasonOf(e);
      await s.workbook();
      return s;
    }
  }

  /** Which reader reads this workbook now. */
  get via(): "direct" | "exceljs" {
    return this.pkg ? "direct" : "exceljs";
  }

  /** The ExcelJS workbook, loaded from the bytes once (the fallback reader, and the writers). */
  workbook(): Promise<ExcelJS.Workbook> {
    return (this.wb ??= import("../workbook").then((m) => m.loadWorkbook(this.bytes)));
  }

  /** The snapshot: directly, or — when the direct reader meets what it leaves to ExcelJS — through ExcelJS. */
  async read(opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
    if (this.pkg) {
      try {
        return readPackage(this.pkg, opts);
      } catch (e) {
        // The user's errors (a sheet that is not there, no sheet at all) are the same on both paths.
        if (e instanceof AddinError) throw e;
        this.fellBack = reasonOf(e);
        this.pkg = null;
      }
    }
    const [{ readSnapshot }, wb] = await Promise.all([import("../read"), this.workbook()]);
    return readSnapshot(wb, opts);
  }
}
