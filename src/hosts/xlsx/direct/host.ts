/**
 * The CLI's host for `apply` over a package written directly (issue 14): reads give the app its snapshot;
 * `apply` writes the prepared change set straight into the package's XML when the direct writer takes the
 * whole of it (write.ts prepareDirect), else — decided before anything is written — loads ExcelJS from the
 * original bytes and writes the change set there, as before (with the parts ExcelJS drops carried over at
 * save). Never half one way, half the other.
 */
import type * as ExcelJS from "exceljs";
import { chooseSheet } from "../../../app/chooseSheet";
import { AddinError } from "../../../app/errors";
import type { ReadRequest, SessionHost } from "../../../app/session";
import type { PreparedOk, WorkbookSnapshot } from "../../../app/types";
import type { ChangeSet } from "../../../core/types";
import { DirectBook, savePackage } from "./book";
import { openPackage, type DirectPackage } from "./package";
import { readPackage } from "./read";
import { DirectUnsupported } from "./unsupported";
import { prepareDirect, writeDirect } from "./write";

export interface DirectHostOptions {
  /** The sheet `--sheet` names, if any. */
  sheet?: string;
  /**
   * Which writer (tests compare them): "auto" (default) writes directly when the direct writer takes the
   * change set; "exceljs" always writes through ExcelJS; "direct" refuses (throws) what it cannot write.
   */
  writer?: "auto" | "exceljs" | "direct";
  /** Which reader: the direct one when it reads the file (default), or always ExcelJS's. */
  reader?: "auto" | "exceljs";
}

export interface Saved {
  bytes: Uint8Array;
  /** Parts the ExcelJS path could not carry over (never any on the direct path). */
  lost: string[];
  /** How the change sets were written, and why not directly when they were not. */
  via: "direct" | "exceljs" | "none";
  reason?: string;
}

export class DirectHost implements SessionHost {
  /** The sheet of the last read: what the CLI reports it used. */
  lastSheet: string | null = null;
  /** The last snapshot read (the CLI names the unit from its titles). */
  lastRead: WorkbookSnapshot | null = null;
  private wb: ExcelJS.Workbook | null = null;
  private book: DirectBook | null = null;
  private via: Saved["via"] = "none";
  private reason: string | undefined;
  private readonly changeSets: ChangeSet[] = [];

  /** The direct reader's package, while it reads the file. */
  private pkg: DirectPackage | null = null;
  /** The same package for the writer (kept when the reader gives the file to ExcelJS). */
  private opened: DirectPackage | null = null;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly opts: DirectHostOptions = {},
  ) {}

  /**
   * The host over a file's bytes: read directly when the direct reader reads it, else through ExcelJS
   * (loaded now, so a file neither can read fails here, as before).
   */
  static async open(bytes: Uint8Array, opts: DirectHostOptions = {}): Promise<DirectHost> {
    const host = new DirectHost(bytes, opts);
    if (opts.reader !== "exceljs")
      try {
        host.pkg = host.opened = await openPackage(bytes);
        return host;
      } catch (e) {
        if (!(e instanceof DirectUnsupported)) throw e;
      }
    await host.workbook();
    return host;
  }

  /** The workbook through ExcelJS (the fallback reader and writer), loaded from the original bytes once. */
  async workbook(): Promise<ExcelJS.Workbook> {
    // ExcelJS loads only for what the direct path leaves to it.
    return (this.wb ??= await (await import("../workbook")).loadWorkbook(this.bytes));
  }

  async read(opts: ReadRequest = {}): Promise<WorkbookSnapshot> {
    const name = opts.sheet ?? this.opts.sheet;
    let ws: WorkbookSnapshot | null = null;
    if (this.pkg)
      try {
        ws = readPackage(this.pkg, { sheet: name });
      } catch (e) {
        if (!(e instanceof DirectUnsupported)) throw e;
        this.pkg = null;
      }
    if (!ws) {
      const wb = await this.workbook();
      if (name !== undefined && !wb.getWorksheet(name))
        throw new AddinError("no-table", { missingSheet: name });
      ws = (await import("../read")).readSnapshot(wb, { sheet: name });
    }
    this.lastSheet = ws.active.name;
    this.lastRead = ws;
    return ws;
  }

  /** Writes a change set the core prepared, directly when the direct writer takes all of it. */
  async apply(p: PreparedOk): Promise<void> {
    const cs = p.changeSet;
    this.changeSets.push(cs);
    if (this.via !== "exceljs" && this.opts.writer !== "exceljs") {
      let ok: true | string;
      try {
        this.book ??= await DirectBook.open(this.opened ?? this.bytes);
        ok = await prepareDirect(this.book, cs);
      } catch (e) {
        // A zip the direct path does not open (zip64, encryption…): ExcelJS writes it, as it reads it.
        if (!(e instanceof DirectUnsupported)) throw e;
        ok = e.reason;
      }
      if (ok === true) {
        const full = new Set<string>();
        const read = this.lastRead;
        if (read) for (const s of [read.active, ...Object.values(read.others ?? {})]) full.add(s.name);
        for (const op of cs.ops) if (op.op === "addSheet") full.add(op.sheet);
        writeDirect(this.book!, cs, { value: (s, r, c) => p.valueAfter(s, r, c), full });
        this.via = "direct";
        return;
      }
      if (this.opts.writer === "direct") throw new Error(`direct writer: ${ok}`);
      if (this.via === "direct") throw new Error(`direct writer: a later change set needs ExcelJS (${ok})`);
      this.reason = ok;
    }
    this.via = "exceljs";
    this.book = null;
    const { writeChangeSet } = await import("../apply");
    writeChangeSet(await this.workbook(), cs, { recalculate: false });
  }

  /** Computes the cached formula results of the ExcelJS path once, before saving (the direct path has them). */
  async finish(): Promise<void> {
    if (this.via !== "exceljs") return;
    const { recalculate } = await import("../apply");
    recalculate(await this.workbook());
  }

  /** Whether the change sets went the direct way (after apply). */
  get direct(): boolean {
    return this.via === "direct";
  }

  /** The ExcelJS workbook is no longer needed once the direct path wrote (its memory can go before saving). */
  release(): void {
    if (this.via === "direct") this.wb = null;
    this.pkg = null;
    this.lastRead = null;
  }

  /**
   * The output's bytes: the package with the changed parts (direct), or ExcelJS's save with the parts it
   * drops carried over from the input (`lost`: what could not be).
   */
  async save(): Promise<Saved> {
    if (this.via === "direct" && this.book) {
      return { bytes: await savePackage(this.book), lost: [], via: "direct" };
    }
    if (this.via === "none") return { bytes: this.bytes, lost: [], via: "none" };
    const { preserveParts, columnEditsOf } = await import("../index");
    const saved = await (await import("../workbook")).saveWorkbook(await this.workbook());
    this.wb = null;
    const kept = await preserveParts(this.bytes, saved, columnEditsOf(this.changeSets));
    return {
      bytes: kept.bytes,
      lost: kept.lost,
      via: "exceljs",
      ...(this.reason ? { reason: this.reason } : {}),
    };
  }
}

/** The criteria sheet's snapshot: `--sheet`'s, else the app's choice among the sheets (chooseSheet). */
export async function readChosen(host: DirectHost, sheet?: string): Promise<WorkbookSnapshot> {
  const ws = await host.read(sheet === undefined ? {} : { sheet });
  if (sheet !== undefined) return ws;
  const best = chooseSheet(ws);
  return best === ws.active.name ? ws : host.read({ sheet: best });
}
