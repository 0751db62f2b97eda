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
import { readPackage } from "./read";
import { DirectUnsupported } from "./unsupported";

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
   * the caller's to report, as before).
   */
  static async open(bytes: Uint8Array): Promise<WorkbookSource> {
    try {
      return new WorkbookSource(bytes, await openPackage(bytes));
    } catch (e) {
      if (!(e instanceof DirectUnsupported)) throw e;
      const s = new WorkbookSource(bytes, null);
      s.fellBack = e.reason;
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
        if (!(e instanceof DirectUnsupported)) throw e;
        this.fellBack = e.reason;
        this.pkg = null;
      }
    }
    const [{ readSnapshot }, wb] = await Promise.all([import("../read"), this.workbook()]);
    return readSnapshot(wb, opts);
  }
}
