/**
 * A strict in-memory double of the few Excel JavaScript API objects the Office host uses, backed by the
 * core's WorkbookModel. Installed as the globals `Excel`, `Office` and `OfficeExtension`.
 * Entry point: FakeExcel (the workbook, the counters, install()).
 *
 * Strict like Office.js:
 *  - nothing happens before context.sync(): setters and methods queue statements, sync runs them in order;
 *  - a property read before load() + sync() throws PropertyNotLoaded (so does ClientResult.value);
 *  - load() of a property the double does not know throws (no silent empty data);
 *  - getItem() of a missing sheet/table fails at sync with ItemNotFound; *OrNullObject gives a null object
 *    (isNullObject set at sync); loading a null object's own properties is allowed, but ANY other call on
 *    a null object or an object derived from one fails the batch (InvalidObjectPath): the docs promise
 *    nothing for those calls;
 *  - a batch is not atomic: statements before a failing one stay applied;
 *  - cell-edit mode: syncs fail (InvalidOperationInCellEditMode) unless the run asked delayForCellEdit,
 *    then they wait until endCellEdit();
 *  - mergeUndoGroup needs ExcelApi 1.20; a statement writing more than `undoLimitBytes` in such a run fails
 *    with UndoNotSupported (Excel reports it for large formula writes);
 *  - tables.add with an address takes the ACTIVE sheet; with a Range, the range's sheet;
 *  - "Fill formulas in tables" (on unless told): a formula written into a table column whose other data
 *    cells are blank fills the column;
 *  - protection refuses writes to locked cells only (every cell is locked unless listed in `unlocked`);
 *  - values/formulas/numberFormat of a range over 5M cells load as null;
 *  - values/formulas are parsed like typed input: "=x" becomes a formula, "-x"/"+x"/"@x" a formula too,
 *    "12" or "1.5" a number, "TRUE" a boolean, "1.6.2"/"3/4" a date (a number), and a leading apostrophe
 *    keeps the rest as text; 2-D arrays must match the range's shape;
 *  - a statement that fails stops the batch (earlier statements stay applied, as in Excel);
 *  - request and response sizes are measured (JSON bytes) and limits can be set to mimic Excel on the web.
 */
import { WorkbookModel, type SheetModel } from "../../../../src/core/model";
import type { Rect, WorkbookSnapshot } from "../../../../src/core/types";
import { FakeContext } from "./context";
import { FakeOfficeError, versionAtLeast } from "./util";

export interface FakeOptions {
  /** Highest ExcelApi requirement set supported ("1.20" unless told). */
  apiVersion?: string;
  /** Request size limit in bytes (none unless told; Excel on the web: 5 MB). */
  maxRequestBytes?: number;
  /** Response size limit in bytes (none unless told). */
  maxResponseBytes?: number;
  protectedSheets?: string[];
  /** Sheets hidden from the user (not walked by getFirst(true)/getNextOrNullObject(true)). */
  hiddenSheets?: string[];
  /** The selection on the active sheet, or what else is selected. */
  selection?: Rect | "chart" | "several-areas";
  /**
   * Office.addin.showAsTaskpane available (SharedRuntime 1.1). The test harness takes it from manifest.xml
   * (tests/hosts/office/helpers.ts); the double itself defaults to false.
   */
  sharedRuntime?: boolean;
  /** Excel's "Fill formulas in tables to create calculated columns" (true unless told). */
  fillFormulasInTables?: boolean;
  /** Unlocked cells of protected sheets, by sheet (writes to them go through). */
  unlocked?: Record<string, Rect[]>;
  /** In a mergeUndoGroup run, a write statement larger than this fails with UndoNotSupported. */
  undoLimitBytes?: number;
  /** Excel starts in cell-edit mode. */
  cellEditMode?: boolean;
  /** Hidden sheet columns (0-based), by sheet. */
  hiddenColumns?: Record<string, number[]>;
}

// -------------------------------------------------------------------------------------------------------------

export class FakeExcel {
  readonly model: WorkbookModel;
  activeSheet: string;
  selection: { sheet: string; rect: Rect } | "chart" | "several-areas" | null;
  readonly protectedSheets: Set<string>;
  readonly hiddenSheets: Set<string>;
  /** Hidden sheet columns (0-based) by sheet: Range.columnHidden reads and sets them. */
  readonly hiddenColumns: Map<string, Set<number>>;
  apiVersion: string;
  maxRequestBytes: number;
  maxResponseBytes: number;
  cellEditMode = false;
  /** Number of context.sync() calls (each is one request to Excel). */
  syncs = 0;
  /** Options given to each Excel.run. */
  readonly runs: { options: unknown }[] = [];
  /** Write statements run, in order ("values Sheet1!F4:G9", "fill.color Sheet1!A5:F5,A7:F7 = #FFC7CE"). */
  readonly writes: string[] = [];
  /** Estimated request and response size of each sync. */
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  /** Each Range.getColumnProperties run, as the range it loaded ("Sheet1!A1:BL1"): what a read asks of columns. */
  readonly columnLoads: string[] = [];
  /** Office.actions.associate registrations. */
  readonly actions = new Map<string, (event: unknown) => unknown>();
  taskpaneShown = 0;
  sharedRuntime: boolean;
  fillFormulasInTables: boolean;
  readonly unlocked: Map<string, Rect[]>;
  undoLimitBytes: number;
  private editWaiters: (() => void)[] = [];
  private failures: { match: RegExp; code: string; message: string }[] = [];
  private tableCount = 0;

  constructor(ws: WorkbookSnapshot, opts: FakeOptions = {}) {
    this.model = WorkbookModel.fromSnapshot(ws);
    this.activeSheet = ws.active.name;
    this.apiVersion = opts.apiVersion ?? "1.20";
    this.maxRequestBytes = opts.maxRequestBytes ?? Infinity;
    this.maxResponseBytes = opts.maxResponseBytes ?? Infinity;
    this.protectedSheets = new Set(opts.protectedSheets ?? []);
    this.hiddenSheets = new Set(opts.hiddenSheets ?? []);
    this.hiddenColumns = new Map(
      Object.entries(opts.hiddenColumns ?? {}).map(([k, v]) => [k, new Set(v)] as const),
    );
    this.sharedRuntime = opts.sharedRuntime ?? false;
    this.fillFormulasInTables = opts.fillFormulasInTables ?? true;
    this.unlocked = new Map(Object.entries(opts.unlocked ?? {}));
    this.undoLimitBytes = opts.undoLimitBytes ?? Infinity;
    this.cellEditMode = opts.cellEditMode ?? false;
    const sel = opts.selection;
    this.selection =
      sel === undefined ? null : typeof sel === "string" ? sel : { sheet: ws.active.name, rect: sel };
    for (const s of this.model.sheets.values()) this.tableCount += s.tables.length;
  }

  /** The user leaves cell-edit mode: delayed syncs go on. */
  endCellEdit(): void {
    this.cellEditMode = false;
    const waiters = this.editWaiters;
    this.editWaiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when cell-edit mode ends. */
  cellEditEnded(): Promise<void> {
    if (!this.cellEditMode) return Promise.resolve();
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }

  /** The next write statement whose label matches fails with this Office error code. */
  failOn(match: RegExp, code: string, message = `${code} (injected)`): void {
    this.failures.push({ match, code, message });
  }

  /** Formulas need recalculating (a write ran since the last recalculation). */
  dirty = false;

  recalculate(): void {
    if (!this.dirty) return;
    this.model.recalculate();
    this.dirty = false;
  }

  /** The workbook as the core sees it, after what Excel did (values recalculated). */
  snapshot(): WorkbookSnapshot {
    this.recalculate();
    const ws = this.model.toSnapshot(this.activeSheet);
    // Conditional formats' ids are Excel's bookkeeping, not the workbook's content.
    for (const s of [ws.active, ...Object.values(ws.others ?? {})])
      if (s.conditionalFormats) s.conditionalFormats = s.conditionalFormats.map(({ id: _id, ...r }) => r);
    return ws;
  }

  /** Installs the double as the globals Excel, Office and OfficeExtension; returns the uninstaller. */
  install(): () => void {
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
    g.Excel = { run: (a: unknown, b?: unknown) => this.run(a, b) };
    g.OfficeExtension = { Error: FakeOfficeError };
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === "ExcelApi"
              ? versionAtLeast(this.apiVersion, version ?? "1.1")
              : name === "SharedRuntime" && this.sharedRuntime,
        },
      },
      actions: { associate: (id: string, fn: (event: unknown) => unknown) => this.actions.set(id, fn) },
      addin: this.sharedRuntime
        ? {
            showAsTaskpane: async () => {
              this.taskpaneShown++;
            },
          }
        : undefined,
    };
    return () => Object.assign(g, saved);
  }

  private async run(a: unknown, b?: unknown): Promise<unknown> {
    const batch = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<unknown>;
    const options = typeof a === "function" ? undefined : a;
    if (
      options &&
      typeof options === "object" &&
      "mergeUndoGroup" in options &&
      !versionAtLeast(this.apiVersion, "1.20")
    ) {
      throw new FakeOfficeError("ApiNotFound", "mergeUndoGroup needs ExcelApi 1.20");
    }
    this.runs.push({ options });
    const opt = (name: string) =>
      !!options && typeof options === "object" && (options as Record<string, unknown>)[name] === true;
    const ctx = new FakeContext(this, opt("delayForCellEdit"), opt("mergeUndoGroup"));
    const result = await batch(ctx);
    if (ctx.pending()) await ctx.sync(); // Excel.run sends what is still queued
    return result;
  }

  // ---- used by the proxies ----

  /** The visible sheets' names, in tab order. */
  visibleSheets(): string[] {
    return this.model.order.filter((n) => !this.hiddenSheets.has(n));
  }

  sheetOrNull(name: string): SheetModel | null {
    return this.model.sheets.get(name) ?? null;
  }

  sheetOrThrow(name: string): SheetModel {
    const s = this.sheetOrNull(name);
    if (!s)
      throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (sheet «${name}»).`);
    return s;
  }

  checkWrite(label: string, sheet: string | null, rects?: Rect[], undoBytes = 0): void {
    const inside = (r: Rect, u: Rect) =>
      r.top >= u.top &&
      r.left >= u.left &&
      r.top + r.rows <= u.top + u.rows &&
      r.left + r.cols <= u.left + u.cols;
    const unlocked = sheet ? (this.unlocked.get(sheet) ?? []) : [];
    const allUnlocked = !!rects?.length && rects.every((r) => unlocked.some((u) => inside(r, u)));
    if (sheet && this.protectedSheets.has(sheet) && !allUnlocked) {
      throw new FakeOfficeError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
      );
    }
    if (undoBytes > this.undoLimitBytes)
      throw new FakeOfficeError("UndoNotSupported", "The operation cannot be undone (too large).");
    const i = this.failures.findIndex((f) => f.match.test(label));
    if (i >= 0) {
      const f = this.failures.splice(i, 1)[0];
      throw new FakeOfficeError(f.code, f.message);
    }
  }

  nextTableName(): string {
    return `Table${++this.tableCount}`;
  }
}
