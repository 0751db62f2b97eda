/**
 * A strict in-memory double of the few Excel JavaScript API objects the Office host uses, backed by the
 * core's WorkbookModel. Installed as the globals `Excel`, `Office` and `OfficeExtension`.
 *
 * Strict like Office.js:
 *  - nothing happens before context.sync(): setters and methods queue statements, sync runs them in order;
 *  - a property read before load() + sync() throws PropertyNotLoaded (so does ClientResult.value);
 *  - load() of a property the double does not know throws (no silent empty data);
 *  - getItem() of a missing sheet/table fails at sync with ItemNotFound; *OrNullObject gives a null object
 *    (isNullObject set at sync; objects derived from a null object are null objects too, unless
 *    `nullObjectCalls` is "fail": then getRange() on a null table or sheet fails the batch, the other
 *    behaviour a real Excel might have);
 *  - values/formulas are parsed like typed input: "=x" becomes a formula, "-x"/"+x"/"@x" a formula too,
 *    "12" or "1.5" a number, "TRUE" a boolean, "1.6.2"/"3/4" a date (a number), and a leading apostrophe
 *    keeps the rest as text; 2-D arrays must match the range's shape;
 *  - a statement that fails stops the batch (earlier statements stay applied, as in Excel);
 *  - request and response sizes are measured (JSON bytes) and limits can be set to mimic Excel on the web.
 */
import { WorkbookModel, type SheetModel } from "../../../src/core/model";
import { columnIndex, columnLetter, rectAddress } from "../../../src/core/address";
import type { CellInput, CellStyle, CellValue, Rect, WorkbookSnapshot } from "../../../src/core/types";

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

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
  /** Office.addin.showAsTaskpane available (SharedRuntime 1.1). */
  sharedRuntime?: boolean;
  /** getRange() on a null table or sheet: a null range ("null", the default) or a failed batch ("fail"). */
  nullObjectCalls?: "null" | "fail";
}

type Entry =
  | { kind: "write"; label: () => string; sheet: () => string | null; bytes: number; run(): void }
  | { kind: "read"; run(): { bytes: number; commit: () => void } };

function parseCell(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
}

/** "A1", "A1:B2", "F:G" (whole columns), "3:5" (whole rows), with an optional sheet prefix. */
export function fakeParseAddress(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [p, q = p] = bare.split(":");
  const a = parseCell(p);
  const b = parseCell(q);
  if (a && b) {
    return {
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      rows: Math.abs(a.row - b.row) + 1,
      cols: Math.abs(a.col - b.col) + 1,
    };
  }
  if (/^\$?[A-Za-z]{1,3}$/.test(p) && /^\$?[A-Za-z]{1,3}$/.test(q)) {
    const x = columnIndex(p.replace("$", ""));
    const y = columnIndex(q.replace("$", ""));
    return { top: 0, left: Math.min(x, y), rows: MAX_ROWS, cols: Math.abs(x - y) + 1 };
  }
  if (/^\$?\d+$/.test(p) && /^\$?\d+$/.test(q)) {
    const x = Number(p.replace("$", "")) - 1;
    const y = Number(q.replace("$", "")) - 1;
    return { top: Math.min(x, y), left: 0, rows: Math.abs(x - y) + 1, cols: MAX_COLS };
  }
  throw new FakeOfficeError("InvalidArgument", `bad address «${address}»`);
}

const quoteSheet = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;

/** How Excel takes a value given to Range.values / Range.formulas: like typed input. */
export function typedInput(v: unknown): CellInput {
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (v === "") return { kind: "blank" };
  if (typeof v !== "string")
    throw new FakeOfficeError("InvalidArgument", `cannot write ${JSON.stringify(v)}`);
  if (v.startsWith("'")) return { kind: "text", text: v.slice(1) };
  if (v.startsWith("=")) return { kind: "formula", formula: v };
  const t = v.trim();
  const num = /^[+-]?(\d+([.]\d*)?|[.]\d+)([eE][+-]?\d+)?(%)?$/.exec(t);
  if (num) return { kind: "number", value: parseFloat(t) / (num[4] ? 100 : 1) };
  if (/^[+\-@]/.test(v)) return { kind: "formula", formula: `=${v.slice(1)}` };
  if (/^(true|false)$/i.test(t)) return { kind: "bool", value: t.toLowerCase() === "true" };
  // Dates as Excel reads them: "1.6.2", "3/4", "1-2" become date serials.
  if (/^\d{1,4}[./-]\d{1,2}([./-]\d{1,4})?$/.test(t)) return { kind: "number", value: 45000 };
  return { kind: "text", text: v };
}

function jsonBytes(x: unknown): number {
  return Buffer.byteLength(JSON.stringify(x) ?? "", "utf8");
}

/** The ExcelApi versions compare as numbers after the dot: 1.9 < 1.13. */
function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2] = have.split(".").map(Number);
  const [b1, b2] = want.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && (a2 ?? 0) >= (b2 ?? 0));
}

const pointsToChars = (pt: number) => Math.round(((Math.round(pt / 0.75) - 5) / 7) * 100) / 100;
const charsToPoints = (w: number) => Math.round(w * 7 + 5) * 0.75;

function notLoaded(what: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Load specs: "a, b/c" or ["a", "b"]. */
function loadNames(spec: unknown): string[] {
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.map(String);
  throw new FakeOfficeError("InvalidArgument", 'the double only takes load("a, b") or load(["a"])');
}

// -------------------------------------------------------------------------------------------------------------

export class FakeExcel {
  readonly model: WorkbookModel;
  activeSheet: string;
  selection: { sheet: string; rect: Rect } | "chart" | "several-areas" | null;
  readonly protectedSheets: Set<string>;
  readonly hiddenSheets: Set<string>;
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
  /** Office.actions.associate registrations. */
  readonly actions = new Map<string, (event: unknown) => unknown>();
  taskpaneShown = 0;
  sharedRuntime: boolean;
  nullObjectCalls: "null" | "fail";
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
    this.sharedRuntime = opts.sharedRuntime ?? true;
    this.nullObjectCalls = opts.nullObjectCalls ?? "null";
    const sel = opts.selection;
    this.selection =
      sel === undefined ? null : typeof sel === "string" ? sel : { sheet: ws.active.name, rect: sel };
    for (const s of this.model.sheets.values()) this.tableCount += s.tables.length;
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
    return this.model.toSnapshot(this.activeSheet);
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
    const ctx = new FakeContext(this);
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

  checkWrite(label: string, sheet: string | null): void {
    if (sheet && this.protectedSheets.has(sheet)) {
      throw new FakeOfficeError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
      );
    }
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

/** A resolved range: its sheet and rectangle(s). */
interface Target {
  sheet: SheetModel;
  rects: Rect[];
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: Entry[] = [];
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  /** Queues a write; its label (for `writes`) is worked out when it runs, once earlier statements ran. */
  write(label: string | (() => string), sheet: () => string | null, args: unknown, run: () => void): void {
    const l = typeof label === "string" ? () => label : label;
    this.queue.push({ kind: "write", label: l, sheet, bytes: 64 + jsonBytes(args), run });
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
      throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
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
        fake.checkWrite(label, e.sheet());
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

/** Base of every proxy: loaded scalar properties, null-object state. */
abstract class FakeObject {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(protected readonly ctx: FakeContext) {}

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  protected setNull(isNull: boolean): void {
    this.nullState = isNull;
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Reads `names` off the resolved object at sync; returns the bytes they add to the response. */
  protected queueLoad(
    names: string[],
    known: readonly string[],
    read: (name: string) => unknown,
    isNull: () => boolean,
  ): void {
    for (const n of names)
      if (!known.includes(n)) throw new FakeOfficeError("InvalidArgument", `the double cannot load «${n}»`);
    this.ctx.read(() => {
      const nul = isNull();
      const values = names.map((n) => (nul ? null : read(n)));
      return {
        bytes: jsonBytes(values),
        commit: () => {
          names.forEach((n, i) => this.loaded.set(n, values[i]));
        },
      };
    });
  }
}

/** The bounding box of the cells with a value or formula (a used range with valuesOnly), or null. */
function valuesRect(sheet: SheetModel): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [row, cols] of sheet.rows)
    for (const [c, cell] of cols) {
      if ((cell.value === null || cell.value === "") && !cell.formula) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  return bottom < 0 ? null : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

/** With nullObjectCalls "fail": queues a statement that fails the batch when its object is a null object. */
function failOnNull(ctx: FakeContext, what: string, isNull: () => boolean): void {
  if (ctx.fake.nullObjectCalls !== "fail") return;
  ctx.read(() => {
    if (isNull()) throw new FakeOfficeError("InvalidObjectPath", `${what} on a null object`);
    return { bytes: 0, commit: () => undefined };
  });
}

class FakeClientResult<T> {
  private v: { value: T } | null = null;
  get value(): T {
    if (!this.v) throw notLoaded("value");
    return this.v.value;
  }
  set(value: T): void {
    this.v = { value };
  }
}

// ---- workbook & worksheets ----

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }

  getSelectedRange(): FakeRange {
    const fake = this.ctx.fake;
    const sheetName = fake.activeSheet;
    return new FakeRange(this.ctx, () => {
      const sel = fake.selection;
      if (sel === "chart" || sel === "several-areas") {
        throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      }
      const rect = sel && sel.sheet === sheetName ? sel.rect : { top: 0, left: 0, rows: 1, cols: 1 };
      return { sheet: fake.sheetOrThrow(sheetName), rects: [rect] };
    });
  }
}

class FakeWorksheetCollection extends FakeObject {
  private itemList: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }

  load(spec: unknown): this {
    const names = loadNames(spec).map((n) => n.replace(/^items\//, ""));
    for (const n of names)
      if (n !== "name") throw new FakeOfficeError("InvalidArgument", `the double cannot load items/${n}`);
    this.ctx.read(() => {
      const order = [...this.ctx.fake.model.order];
      return {
        bytes: jsonBytes(order),
        commit: () => {
          this.itemList = order.map((name) => {
            const ws = new FakeWorksheet(this.ctx, () => name, false);
            ws.markLoaded("name", name);
            return ws;
          });
        },
      };
    });
    return this;
  }

  getActiveWorksheet(): FakeWorksheet {
    const fake = this.ctx.fake;
    return new FakeWorksheet(this.ctx, () => fake.activeSheet, false);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => name, false);
  }

  /** The first (visible) sheet. The double supports only visibleOnly = true. */
  getFirst(visibleOnly?: boolean): FakeWorksheet {
    if (visibleOnly !== true)
      throw new FakeOfficeError("InvalidArgument", "the double walks visible sheets only");
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.visibleSheets()[0] ?? null, true);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => (this.ctx.fake.sheetOrNull(name) ? name : null), true);
  }

  add(name: string): FakeWorksheet {
    this.ctx.write(
      `addSheet ${name}`,
      () => null,
      [name],
      () => {
        this.ctx.fake.model.apply({ op: "addSheet", sheet: name });
      },
    );
    return new FakeWorksheet(this.ctx, () => name, false);
  }
}

class FakeWorksheet extends FakeObject {
  readonly tables: FakeTableCollection;
  readonly protection: FakeProtection;

  /** `resolveName` gives the sheet's name at sync, or null for a null object. */
  constructor(
    ctx: FakeContext,
    readonly resolveName: () => string | null,
    readonly nullable: boolean,
  ) {
    super(ctx);
    if (nullable)
      ctx.read(() => {
        const isNull = resolveName() === null;
        return {
          bytes: 0,
          commit: () => {
            this.setNull(isNull);
          },
        };
      });
    this.tables = new FakeTableCollection(ctx, this);
    this.protection = new FakeProtection(ctx, this);
  }

  markLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** The sheet at sync; null for a null object; ItemNotFound for a missing sheet asked by getItem. */
  model(): SheetModel | null {
    const name = this.resolveName();
    return name === null ? null : this.ctx.fake.sheetOrThrow(name);
  }

  get name(): string {
    return this.prop("name");
  }

  load(spec: unknown): this {
    this.queueLoad(
      loadNames(spec),
      ["name"],
      () => this.model()!.name,
      () => this.model() === null,
    );
    return this;
  }

  set position(index: number) {
    this.ctx.write(`position ${this.resolveName()} = ${index}`, this.resolveName, [index], () => {
      const name = this.model()!.name;
      const order = this.ctx.fake.model.order.filter((n) => n !== name);
      order.splice(index, 0, name);
      this.ctx.fake.model.order = order;
    });
  }

  delete(): void {
    this.ctx.write(
      `deleteSheet ${this.resolveName()}`,
      () => null,
      [],
      () => {
        this.ctx.fake.model.apply({ op: "deleteSheet", sheet: this.model()!.name });
      },
    );
  }

  activate(): void {
    this.ctx.write(
      `activate ${this.resolveName()}`,
      () => null,
      [],
      () => {
        this.ctx.fake.activeSheet = this.model()!.name;
      },
    );
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) throw new FakeOfficeError("InvalidArgument", "the double needs an address");
    const rect = fakeParseAddress(address);
    if (this.nullable) failOnNull(this.ctx, "getRange", () => this.resolveName() === null);
    return new FakeRange(this.ctx, () => {
      const sheet = this.model();
      return sheet ? { sheet, rects: [rect] } : null;
    });
  }

  getRanges(address: string): FakeRangeAreas {
    const rects = address.split(",").map(fakeParseAddress);
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const sheet = this.model();
        return sheet ? { sheet, rects } : null;
      },
      false,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.model();
        const used = valuesOnly ? sheet && valuesRect(sheet) : sheet?.usedRect();
        return sheet && used ? { sheet, rects: [used] } : null;
      },
      true,
    );
  }

  /** The next visible sheet in tab order, or a null object. The double supports only visibleOnly = true. */
  getNextOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    if (visibleOnly !== true)
      throw new FakeOfficeError("InvalidArgument", "the double walks visible sheets only");
    return new FakeWorksheet(
      this.ctx,
      () => {
        const me = this.resolveName();
        if (me === null) return null;
        const visible = this.ctx.fake.visibleSheets();
        return visible[visible.indexOf(me) + 1] ?? null;
      },
      true,
    );
  }
}

class FakeProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  load(spec: unknown): this {
    this.queueLoad(
      loadNames(spec),
      ["protected"],
      () => this.ctx.fake.protectedSheets.has(this.ws.model()!.name),
      () => this.ws.model() === null,
    );
    return this;
  }
}

// ---- ranges ----

class FakeRange extends FakeObject {
  readonly format: FakeFormat;
  readonly dataValidation: FakeDataValidation;

  constructor(
    ctx: FakeContext,
    readonly resolve: () => Target | null,
    nullable = false,
  ) {
    super(ctx);
    if (nullable)
      ctx.read(() => {
        const isNull = resolve() === null;
        return {
          bytes: 0,
          commit: () => {
            this.setNull(isNull);
          },
        };
      });
    this.format = new FakeFormat(ctx, resolve);
    this.dataValidation = new FakeDataValidation(ctx, resolve);
  }

  private target(): Target {
    const t = this.resolve();
    if (!t) throw new FakeOfficeError("InvalidObjectPath", "the range is a null object");
    return t;
  }

  private rect(): Rect {
    return this.target().rects[0];
  }

  private label(what: string): () => string {
    return () => {
      const t = this.resolve();
      return t ? `${what} ${t.sheet.name}!${t.rects.map(rectAddress).join(",")}` : `${what} <null>`;
    };
  }

  get address(): string {
    return this.prop("address");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }

  load(spec: unknown): this {
    const grid = <T>(f: (sheet: SheetModel, r: number, c: number) => T): T[][] => {
      const { sheet } = this.target();
      const rect = this.rect();
      if (rect.rows * rect.cols > 5_000_000)
        throw new FakeOfficeError("RangeExceedsLimit", "range too large to read");
      return Array.from({ length: rect.rows }, (_, r) =>
        Array.from({ length: rect.cols }, (_, c) => f(sheet, rect.top + r, rect.left + c)),
      );
    };
    this.queueLoad(
      loadNames(spec),
      ["address", "values", "formulas", "numberFormat"],
      (n) => {
        switch (n) {
          case "address":
            return `${quoteSheet(this.target().sheet.name)}!${rectAddress(this.rect())}`;
          case "values":
            return grid((s, r, c) => s.get(r, c).value ?? "");
          case "formulas":
            return grid((s, r, c) => s.get(r, c).formula ?? s.get(r, c).value ?? "");
          default:
            return grid((s, r, c) => s.get(r, c).numberFormat ?? "General");
        }
      },
      () => this.resolve() === null,
    );
    return this;
  }

  private setGrid(what: "values" | "formulas", data: unknown[][]): void {
    this.ctx.write(
      this.label(what),
      () => this.resolve()?.sheet.name ?? null,
      data,
      () => {
        const { sheet } = this.target();
        const rect = this.rect();
        if (data.length !== rect.rows || data.some((row) => row.length !== rect.cols)) {
          throw new FakeOfficeError(
            "InvalidArgument",
            `${what}: the array does not match ${rectAddress(rect)}`,
          );
        }
        this.ctx.fake.model.apply({
          op: "setCells",
          sheet: sheet.name,
          top: rect.top,
          left: rect.left,
          cells: data.map((row) => row.map(typedInput)),
        });
      },
    );
  }

  set values(data: unknown[][]) {
    this.setGrid("values", data);
  }

  set formulas(data: unknown[][]) {
    this.setGrid("formulas", data);
  }

  set numberFormat(data: unknown[][]) {
    this.ctx.write(
      this.label("numberFormat"),
      () => this.resolve()?.sheet.name ?? null,
      data,
      () => {
        const { sheet } = this.target();
        const rect = this.rect();
        if (data.length !== rect.rows || data.some((row) => row.length !== rect.cols)) {
          throw new FakeOfficeError(
            "InvalidArgument",
            `numberFormat: the array does not match ${rectAddress(rect)}`,
          );
        }
        const groups = new Map<string, Rect[]>();
        data.forEach((row, r) =>
          row.forEach((f, c) => {
            const list = groups.get(String(f)) ?? [];
            list.push({ top: rect.top + r, left: rect.left + c, rows: 1, cols: 1 });
            groups.set(String(f), list);
          }),
        );
        for (const [numberFormat, ranges] of groups)
          this.ctx.fake.model.apply({ op: "setStyle", sheet: sheet.name, ranges, style: { numberFormat } });
      },
    );
  }

  /** The part of this range inside `address` (on the same sheet), or a null object. */
  getIntersectionOrNullObject(address: string): FakeRange {
    const other = fakeParseAddress(address);
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const r = t.rects[0];
        const top = Math.max(r.top, other.top);
        const left = Math.max(r.left, other.left);
        const bottom = Math.min(r.top + r.rows, other.top + other.rows);
        const right = Math.min(r.left + r.cols, other.left + other.cols);
        if (bottom <= top || right <= left) return null;
        return { sheet: t.sheet, rects: [{ top, left, rows: bottom - top, cols: right - left }] };
      },
      true,
    );
  }

  getCellProperties(opts: Excel.CellPropertiesLoadOptions): FakeClientResult<Excel.CellProperties[][]> {
    const want = opts.format ?? {};
    const result = new FakeClientResult<Excel.CellProperties[][]>();
    this.ctx.read(() => {
      const t = this.resolve();
      let value: Excel.CellProperties[][] | null = null;
      if (t) {
        const rect = t.rects[0];
        value = Array.from({ length: rect.rows }, (_, r) =>
          Array.from({ length: rect.cols }, (_, c) => {
            const cell = t.sheet.get(rect.top + r, rect.left + c);
            const format: Excel.CellPropertiesFormat = {};
            if (want.fill)
              format.fill = cell.fill
                ? { color: cell.fill, pattern: "Solid" }
                : { color: "#FFFFFF", pattern: "None" };
            if (want.font) format.font = { bold: cell.bold, color: cell.fontColor ?? "#000000" };
            if (want.wrapText) format.wrapText = cell.wrap;
            return { format };
          }),
        );
      }
      return {
        bytes: jsonBytes(value),
        commit: () => {
          result.set(value as Excel.CellProperties[][]);
        },
      };
    });
    return result;
  }

  getColumnProperties(opts: Excel.ColumnPropertiesLoadOptions): FakeClientResult<Excel.ColumnProperties[]> {
    const result = new FakeClientResult<Excel.ColumnProperties[]>();
    this.ctx.read(() => {
      const t = this.resolve();
      let value: Excel.ColumnProperties[] | null = null;
      if (t) {
        const rect = t.rects[0];
        value = Array.from({ length: rect.cols }, (_, i) => {
          const col = rect.left + i;
          const w = t.sheet.widths[col];
          const p: Excel.ColumnProperties = {};
          if (opts.address)
            p.address = `${quoteSheet(t.sheet.name)}!${rectAddress({ ...rect, left: col, cols: 1 })}`;
          if (opts.columnIndex) p.columnIndex = col;
          if (opts.format)
            p.format = { columnWidth: charsToPoints(w ?? 8.43), useStandardWidth: w === undefined };
          return p;
        });
      }
      return {
        bytes: jsonBytes(value),
        commit: () => {
          result.set(value as Excel.ColumnProperties[]);
        },
      };
    });
    return result;
  }

  getSpecialCellsOrNullObject(type: string): FakeRangeAreas {
    if (type !== "DataValidations")
      throw new FakeOfficeError("InvalidArgument", `the double has no special cells «${type}»`);
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const r = t.rects[0];
        const rects = t.sheet.validations
          .map((v) => v.rect)
          .filter(
            (v) =>
              v.top < r.top + r.rows &&
              v.top + v.rows > r.top &&
              v.left < r.left + r.cols &&
              v.left + v.cols > r.left,
          );
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      true,
    );
  }

  insert(shift: string): FakeRange {
    this.ctx.write(
      this.label(`insert ${shift}`),
      () => this.resolve()?.sheet.name ?? null,
      [shift],
      () => {
        const { sheet } = this.target();
        const rect = this.rect();
        if (shift !== "Right" || rect.rows !== MAX_ROWS)
          throw new FakeOfficeError("InvalidArgument", "the double inserts whole columns only");
        this.ctx.fake.model.apply({
          op: "insertColumns",
          sheet: sheet.name,
          at: rect.left,
          count: rect.cols,
        });
      },
    );
    return this;
  }

  delete(shift: string): void {
    this.ctx.write(
      this.label(`delete ${shift}`),
      () => this.resolve()?.sheet.name ?? null,
      [shift],
      () => {
        const { sheet } = this.target();
        const rect = this.rect();
        if (shift !== "Left" || rect.rows !== MAX_ROWS)
          throw new FakeOfficeError("InvalidArgument", "the double deletes whole columns only");
        this.ctx.fake.model.apply({
          op: "deleteColumns",
          sheet: sheet.name,
          at: rect.left,
          count: rect.cols,
        });
      },
    );
  }

  select(): void {
    this.ctx.write(
      this.label("select"),
      () => null,
      [],
      () => {
        const { sheet, rects } = this.target();
        if (sheet.name !== this.ctx.fake.activeSheet)
          throw new FakeOfficeError("InvalidOperation", "cannot select on an inactive sheet");
        this.ctx.fake.selection = { sheet: sheet.name, rect: rects[0] };
      },
    );
  }
}

class FakeRangeAreas extends FakeObject {
  readonly format: FakeFormat;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Target | null,
    nullable: boolean,
  ) {
    super(ctx);
    if (nullable)
      ctx.read(() => {
        const isNull = resolve() === null;
        return {
          bytes: 0,
          commit: () => {
            this.setNull(isNull);
          },
        };
      });
    this.format = new FakeFormat(ctx, resolve);
  }
  get address(): string {
    return this.prop("address");
  }
  load(spec: unknown): this {
    this.queueLoad(
      loadNames(spec),
      ["address"],
      () => {
        const t = this.resolve()!;
        return t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${rectAddress(r)}`).join(",");
      },
      () => this.resolve() === null,
    );
    return this;
  }
}

/** Range.format / RangeAreas.format with fill, font, wrapText, horizontalAlignment, columnWidth. */
class FakeFormat {
  readonly fill: { color: string; clear(): void };
  readonly font: { bold: boolean; color: string };
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => Target | null,
  ) {
    const style = (key: string, value: unknown, s: CellStyle) =>
      this.ctx.write(
        this.label(`${key} = ${String(value)}`),
        () => this.resolve()?.sheet.name ?? null,
        [key, value],
        () => {
          const t = this.resolve();
          if (!t) throw new FakeOfficeError("InvalidObjectPath", "null object");
          this.ctx.fake.model.apply({ op: "setStyle", sheet: t.sheet.name, ranges: t.rects, style: s });
        },
      );
    const writeOnly = (what: string) => () => {
      throw new FakeOfficeError("PropertyNotLoaded", `the double does not read format ${what}`);
    };
    this.fill = Object.defineProperties({} as { color: string; clear(): void }, {
      color: {
        set: (c: string) => style("fill.color", c, { fill: c.toUpperCase() }),
        get: writeOnly("fill.color"),
      },
      clear: { value: () => style("fill.clear", "", { fill: null }) },
    });
    this.font = Object.defineProperties({} as { bold: boolean; color: string }, {
      bold: { set: (b: boolean) => style("font.bold", b, { bold: b }), get: writeOnly("font.bold") },
      // Black is what "automatic" shows: the double keeps it as no colour.
      color: {
        set: (c: string) =>
          style("font.color", c, { fontColor: c.toUpperCase() === "#000000" ? null : c.toUpperCase() }),
        get: writeOnly("font.color"),
      },
    });
    Object.defineProperties(this, {
      wrapText: { set: (w: boolean) => style("wrapText", w, { wrap: w }), get: writeOnly("wrapText") },
      horizontalAlignment: {
        set: (h: CellStyle["horizontalAlignment"]) =>
          style("horizontalAlignment", h, { horizontalAlignment: h }),
        get: writeOnly("horizontalAlignment"),
      },
      columnWidth: {
        set: (pt: number) =>
          this.ctx.write(
            this.label(`columnWidth = ${pt}`),
            () => this.resolve()?.sheet.name ?? null,
            [pt],
            () => {
              const t = this.resolve()!;
              for (const r of t.rects) {
                if (r.rows !== MAX_ROWS)
                  throw new FakeOfficeError(
                    "InvalidArgument",
                    "the double sets widths of whole columns only",
                  );
                for (let c = r.left; c < r.left + r.cols; c++) {
                  this.ctx.fake.model.apply({
                    op: "setColumnWidth",
                    sheet: t.sheet.name,
                    col: c,
                    width: pointsToChars(pt),
                  });
                }
              }
            },
          ),
        get: writeOnly("columnWidth"),
      },
    });
  }

  private label(what: string): () => string {
    const [key, value] = what.split(" = ");
    return () => {
      const t = this.resolve();
      const where = t ? ` ${t.sheet.name}!${t.rects.map(rectAddress).join(",")}` : "";
      return `${key}${where}${value !== undefined ? ` = ${value}` : ""}`;
    };
  }
}

class FakeDataValidation extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Target | null,
  ) {
    super(ctx);
  }
  get rule(): Excel.DataValidationRule {
    return this.prop("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    this.ctx.write(
      () => `validation ${this.where()}`,
      () => this.resolve()?.sheet.name ?? null,
      rule,
      () => {
        const t = this.resolve()!;
        const source = rule.list?.source;
        if (typeof source !== "string")
          throw new FakeOfficeError("InvalidArgument", "the double takes list rules only");
        this.ctx.fake.model.apply({
          op: "setValidation",
          sheet: t.sheet.name,
          rect: t.rects[0],
          list: source.split(","),
        });
      },
    );
  }
  clear(): void {
    this.ctx.write(
      () => `validation.clear ${this.where()}`,
      () => this.resolve()?.sheet.name ?? null,
      [],
      () => {
        const t = this.resolve()!;
        this.ctx.fake.model.apply({ op: "setValidation", sheet: t.sheet.name, rect: t.rects[0], list: null });
      },
    );
  }
  load(spec: unknown): this {
    this.queueLoad(
      loadNames(spec),
      ["rule"],
      () => {
        const t = this.resolve()!;
        const r = t.rects[0];
        const v = t.sheet.validations.find(
          (x) =>
            x.rect.top <= r.top &&
            x.rect.left <= r.left &&
            x.rect.top + x.rect.rows >= r.top + r.rows &&
            x.rect.left + x.rect.cols >= r.left + r.cols,
        );
        return v ? { list: { inCellDropDown: true, source: v.list.join(",") } } : {};
      },
      () => this.resolve() === null,
    );
    return this;
  }
  private where(): string {
    const t = this.resolve();
    return t ? `${t.sheet.name}!${rectAddress(t.rects[0])}` : "<null>";
  }
}

// ---- tables ----

class FakeTableCollection extends FakeObject {
  private itemList: FakeTable[] | null = null;
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  get items(): FakeTable[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }
  load(spec: unknown): this {
    const names = loadNames(spec).map((n) => n.replace(/^items\//, ""));
    for (const n of names) {
      if (!["name", "showHeaders", "showTotals", "style"].includes(n))
        throw new FakeOfficeError("InvalidArgument", `cannot load items/${n}`);
    }
    this.ctx.read(() => {
      const sheet = this.ws.model();
      const infos = sheet ? sheet.tables.map((t) => ({ ...t })) : [];
      return {
        bytes: jsonBytes(infos),
        commit: () => {
          this.itemList = infos.map((t) => {
            const table = new FakeTable(this.ctx, this.ws, t.name);
            for (const n of names) {
              const v =
                n === "showTotals"
                  ? (t.showTotals ?? false)
                  : n === "style"
                    ? (t.style ?? "TableStyleMedium2")
                    : t[n as "name" | "showHeaders"];
              table.markLoaded(n, v);
            }
            return table;
          });
        },
      };
    });
    return this;
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, this.ws, name);
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.ctx, this.ws, name, true);
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    const rect = fakeParseAddress(address);
    const table = new FakeTable(this.ctx, this.ws, "");
    this.ctx.write(
      `addTable ${this.ws.resolveName()}!${rectAddress(rect)}`,
      this.ws.resolveName,
      [address, hasHeaders],
      () => {
        const sheet = this.ws.model()!;
        const name = this.ctx.fake.nextTableName();
        if (!hasHeaders)
          throw new FakeOfficeError("InvalidArgument", "the double makes tables with headers only");
        this.ctx.fake.model.apply({ op: "addTable", sheet: sheet.name, name, rect });
        table.key = name;
      },
    );
    return table;
  }
}

class FakeTable extends FakeObject {
  readonly columns: { add(index?: number): void; getItemAt(index: number): { delete(): void } };

  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    public key: string,
    private readonly nullable = false,
  ) {
    super(ctx);
    if (nullable)
      ctx.read(() => {
        const isNull = this.missing();
        return {
          bytes: 0,
          commit: () => {
            this.setNull(isNull);
          },
        };
      });
    const info = () => {
      const t = this.ws.model()!.tables.find((x) => x.name === this.key);
      if (!t) throw new FakeOfficeError("ItemNotFound", `no table «${this.key}»`);
      return t;
    };
    this.info = info;
    this.columns = {
      add: (index?: number) =>
        this.ctx.write(
          () => `table.columns.add ${this.key}[${index ?? "end"}]`,
          this.ws.resolveName,
          [index],
          () => {
            const t = info();
            const at = t.rect.left + (index ?? t.rect.cols);
            if (index !== undefined && (index < 0 || index >= t.rect.cols))
              throw new FakeOfficeError("InvalidArgument", "column index out of range");
            const sheet = this.ws.model()!;
            this.ctx.fake.model.apply({
              op: "insertColumns",
              sheet: sheet.name,
              at,
              count: 1,
              table: { name: t.name, rect: { ...t.rect } },
            });
            // Excel names the new column's header "ColumnN".
            if (t.showHeaders !== false) {
              this.ctx.fake.model.apply({
                op: "setCells",
                sheet: sheet.name,
                top: t.rect.top,
                left: at,
                cells: [[{ kind: "text", text: `Column${index ?? t.rect.cols}` }]],
              });
            }
          },
        ),
      getItemAt: (index: number) => ({
        delete: () =>
          this.ctx.write(
            () => `table.columns.delete ${this.key}[${index}]`,
            this.ws.resolveName,
            [index],
            () => {
              const t = info();
              if (index < 0 || index >= t.rect.cols)
                throw new FakeOfficeError("ItemNotFound", "column index out of range");
              this.ctx.fake.model.apply({
                op: "deleteColumns",
                sheet: this.ws.model()!.name,
                at: t.rect.left + index,
                count: 1,
                table: { name: t.name, rect: { ...t.rect } },
              });
            },
          ),
      }),
    };
  }

  private readonly info: () => {
    name: string;
    rect: Rect;
    showHeaders: boolean;
    showTotals?: boolean;
    style?: string;
  };

  markLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** For a table from getItemOrNullObject: its sheet or the table itself is not there (at sync). */
  private missing(): boolean {
    const sheet = this.ws.model();
    return !sheet || !sheet.tables.some((x) => x.name === this.key);
  }

  get name(): string {
    return this.prop("name");
  }
  set name(name: string) {
    this.ctx.write(
      () => `table.name ${this.key} = ${name}`,
      this.ws.resolveName,
      [name],
      () => {
        this.info().name = name;
        this.key = name;
      },
    );
  }
  get showHeaders(): boolean {
    return this.prop("showHeaders");
  }
  get showTotals(): boolean {
    return this.prop("showTotals");
  }
  get style(): string {
    return this.prop("style");
  }
  set style(style: string) {
    this.ctx.write(
      () => `table.style ${this.key} = ${style}`,
      this.ws.resolveName,
      [style],
      () => {
        this.info().style = style;
      },
    );
  }

  getRange(): FakeRange {
    if (this.nullable) failOnNull(this.ctx, "table.getRange", () => this.missing());
    return new FakeRange(this.ctx, () => {
      const sheet = this.ws.model();
      if (!sheet || (this.nullable && this.missing())) return null;
      return { sheet, rects: [{ ...this.info().rect }] };
    });
  }

  resize(address: string): void {
    const rect = fakeParseAddress(address);
    this.ctx.write(
      () => `table.resize ${this.key} ${rectAddress(rect)}`,
      this.ws.resolveName,
      [address],
      () => {
        this.ctx.fake.model.apply({
          op: "resizeTable",
          sheet: this.ws.model()!.name,
          name: this.info().name,
          rect,
        });
      },
    );
  }

  convertToRange(): FakeRange {
    this.ctx.write(
      () => `table.convertToRange ${this.key}`,
      this.ws.resolveName,
      [],
      () => {
        this.ctx.fake.model.apply({
          op: "deleteTable",
          sheet: this.ws.model()!.name,
          name: this.info().name,
        });
      },
    );
    return new FakeRange(this.ctx, () => null);
  }
}

/** Column letter helper for tests. */
export const col = columnLetter;

/** Cell value helper for tests: the value Excel shows at A1-address `a` on `sheet`. */
export function valueAt(fake: FakeExcel, sheet: string, a: string): CellValue {
  const r = fakeParseAddress(a);
  fake.recalculate();
  return fake.model.sheet(sheet).get(r.top, r.left).value;
}
