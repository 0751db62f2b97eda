/**
 * One open document of the playground, where the heavy work happens: the ExcelJS workbook, its host and
 * its Session. It runs in a Web Worker (./docWorker.ts) so opening a large file or a command on 10,000 rows
 * never freezes the page; where no worker can start (the offline single file from file://) the same class
 * runs on the page's thread (./docClient.ts), reporting the same steps and yielding between them.
 * Everything it takes and gives is plain data (structured-clonable): the page never sees the workbook.
 */
import type * as ExcelJS from "exceljs";
import { OWNED_SHEETS, sheetFit } from "../app/chooseSheet";
import { planDocumentDocx } from "../app/planDocument";
import { Session, type UndoEntry } from "../app/session";
import type { Rect, SheetSnapshot } from "../app/types";
import {
  AddinError,
  describeError,
  userError,
  type ErrorCode,
  type ErrorDetails,
  type UserError,
} from "../app/errors";
import {
  columnEditsOf,
  loadWorkbook,
  preserveParts,
  readSheet,
  saveWorkbook,
  sniffWorkbook,
} from "../hosts/xlsx";
import { planDocxName, type PlanDocumentRequest, type PlanDocumentResult } from "../taskpane/panelApi";
import { sheetView, type GridView, type Lang } from "./gridModel";
import { paintPause } from "../taskpane/paintPause";
import {
  COMMAND_STEPS,
  Cancelled,
  OPEN_STEPS,
  StepGate,
  WORK_STEP_OF,
  type OnProgress,
  type WorkStep,
} from "./progress";
import { SAMPLE_FILE_NAME, sampleXlsx } from "./sampleXlsx";
import { PlaygroundHost } from "./xlsxHost";

/** What the page knows of the document after each call. */
export interface DocInfo {
  fileName: string;
  /** The sheet with the criteria table (the panel's). */
  sheet: string;
  sheetNames: string[];
  /** Bumped by every write (unsaved changes, the grid's cue to ask for its view again). */
  version: number;
  canUndo: boolean;
  undoHistory: UndoEntry[];
  /** The last "show this row" since the previous call (a command's select op, "go to the criterion"). */
  select: { sheet: string; rect: Rect } | null;
}

/** An error thrown here, as data (a worker passes only plain data): the page throws it again. */
export interface Thrown {
  code: ErrorCode;
  details: ErrorDetails;
}

const asThrown = (e: unknown): Thrown =>
  e instanceof AddinError ? { code: e.code, details: e.details } : { code: "unexpected", details: {} };

export type Opened = { ok: true; info: DocInfo } | { ok: false; error: UserError };

/** The Session's methods the panel calls, run here. */
export type SessionMethod =
  | "analyze"
  | "run"
  | "preview"
  | "undo"
  | "undoTo"
  | "show"
  | "selectRow"
  | "doEverything"
  | "previewEverything"
  | "compareCandidates"
  | "compareWith"
  | "stopAsking"
  | "setUnit";

export class DocCore {
  private host: PlaygroundHost | null = null;
  private session: Session | null = null;
  private fileName = "";
  private original: Uint8Array | undefined;
  private select: DocInfo["select"] = null;
  /** The browser tests' hold (see StepGate). */
  private readonly gate = new StepGate();
  private cancelled = false;

  /** Answers once the worker has loaded (the page's check that a worker could start at all). */
  ping(): true {
    return true;
  }

  /**
   * Stops the work in progress at its next step and closes the document (on the page's thread; a worker is
   * terminated instead): opening a file gives up; a command stops at its next step and never finishes, as
   * in a terminated worker, and its document takes no more reads or writes (the host is closed), so nothing
   * lands on a document the page has dropped.
   */
  cancel(): void {
    this.cancelled = true;
    this.host?.close();
    this.gate.release();
  }

  hold(step: WorkStep | null): void {
    this.gate.hold(step);
  }

  release(): void {
    this.gate.release();
  }

  /** Reports a step, lets the page paint (and a test's hold apply), then the step runs. */
  private async step(onProgress: OnProgress | undefined, steps: readonly WorkStep[], step: WorkStep) {
    onProgress?.({ step, done: Math.max(0, steps.indexOf(step)), total: steps.length });
    await paintPause();
    await this.gate.at(step);
    if (this.cancelled) throw new Cancelled();
  }

  private attach(wb: ExcelJS.Workbook, fileName: string, lang: Lang, original?: Uint8Array): DocInfo {
    const host = new PlaygroundHost(wb);
    const session = new Session(host, lang);
    // the sheet the commands work on: the app's choice among the sheets with a criteria table
    session.useSheet(host.sheet);
    host.subscribe((e) => {
      if (e.kind === "select") this.select = { sheet: e.sheet, rect: e.rect };
    });
    this.host = host;
    this.session = session;
    this.fileName = fileName;
    this.original = original;
    return this.info();
  }

  private need(): { host: PlaygroundHost; session: Session } {
    if (!this.host || !this.session) throw new Error("no document open");
    return { host: this.host, session: this.session };
  }

  info(): DocInfo {
    const { host, session } = this.need();
    const select = this.select;
    this.select = null;
    return {
      fileName: this.fileName,
      sheet: host.sheet,
      sheetNames: host.workbook.worksheets.map((ws) => ws.name),
      version: host.version,
      canUndo: session.canUndo,
      undoHistory: [...session.undoHistory],
      select,
    };
  }

  async openSample(lang: Lang): Promise<DocInfo> {
    return this.attach(sampleXlsx(), SAMPLE_FILE_NAME, lang);
  }

  /** Opens .xlsx bytes: checks what they are (app/errors.ts words), parses, chooses the table's sheet. */
  async openFile(bytes: Uint8Array, fileName: string, lang: Lang, onProgress?: OnProgress): Promise<Opened> {
    try {
      await this.step(onProgress, OPEN_STEPS, "read-file");
      sniffWorkbook(bytes, fileName); // .xls, encrypted, CSV or HTML under a workbook's name
      await this.step(onProgress, OPEN_STEPS, "open");
      const wb = await loadWorkbook(bytes);
      await this.step(onProgress, OPEN_STEPS, "choose");
      return { ok: true, info: this.attach(wb, fileName, lang, bytes) };
    } catch (e) {
      if (e instanceof Cancelled) return { ok: false, error: userError("unexpected") };
      console.error("PAR playground: could not open", fileName, e);
      const typed = describeError(e);
      return {
        ok: false,
        error: typed.code === "unexpected" ? userError("file-unreadable", { path: fileName }) : typed,
      };
    }
  }

  setLang(lang: Lang): void {
    if (this.session) this.session.lang = lang;
  }

  /** The grid's active cell on the table's sheet is the user's selection, as in Excel. */
  setSelection(rect: Rect | undefined): void {
    if (this.host) this.host.selection = rect;
  }

  /** The grid's view of a sheet (null when it no longer exists). */
  view(sheet: string, lang: Lang): GridView | null {
    const ws = this.host?.workbook.getWorksheet(sheet);
    return ws ? sheetView(ws, lang) : null;
  }

  /** The user opened another sheet: one with a criteria table becomes the panel's (like Excel's active sheet). */
  useSheet(name: string): { switched: boolean; info: DocInfo } {
    const { host, session } = this.need();
    const ws = host.workbook.getWorksheet(name);
    const switched =
      !!ws && name !== host.sheet && !OWNED_SHEETS.includes(ws.name) && sheetFit(readSheet(ws)) !== null;
    if (switched) {
      host.sheet = name;
      session.useSheet(name);
    }
    return { switched, info: this.info() };
  }

  /** One of the panel's calls on the session, with the command's steps reported. */
  async call(
    method: SessionMethod,
    args: unknown[],
    onProgress?: OnProgress,
  ): Promise<{ result?: unknown; thrown?: Thrown; info: DocInfo }> {
    const { session } = this.need();
    // the session's own steps (read → plan → write), each reported, painted and held there by a test
    const off = session.onStep((step) => {
      const work = WORK_STEP_OF[step];
      // cancelled (the document closed): the command waits here for good, like one in a terminated worker
      return work
        ? this.step(onProgress, COMMAND_STEPS, work).catch((e: unknown) => {
            if (e instanceof Cancelled) return new Promise<never>(() => {});
            throw e;
          })
        : undefined;
    });
    try {
      const f = session[method] as (...a: unknown[]) => Promise<unknown>;
      const result = await f.apply(session, args);
      return { result, info: this.info() };
    } catch (e) {
      return { thrown: asThrown(e), info: this.info() };
    } finally {
      off();
    }
  }

  /** The .xlsx to download: ExcelJS's bytes with what it drops carried over from the opened file. */
  async download(onProgress?: OnProgress): Promise<{ bytes: Uint8Array; lost: string[] }> {
    const { host } = this.need();
    await this.step(onProgress, ["save"], "save");
    const bytes = await saveWorkbook(host.workbook);
    if (!this.original) return { bytes, lost: [] };
    // charts, text boxes, custom properties… (issue 9 item 6); the page asks before losing any
    const kept = await preserveParts(this.original, bytes, columnEditsOf(host.applied));
    return { bytes: kept.bytes, lost: kept.lost };
  }

  /**
   * The plan document (.docx) of the workbook as it stands; with last year's sheet chosen in the compare
   * tab (`req.previous`), §II gets the comparison, as in the task pane and the CLI's `plan-doc --previous`.
   */
  async planDocument(req: PlanDocumentRequest = {}): Promise<PlanDocumentResult> {
    const { session } = this.need();
    const ws = await session.workbook();
    let previous: SheetSnapshot | null = null;
    try {
      previous = req.previous ? await session.sheetSnapshot(req.previous) : null;
    } catch (e) {
      // the sheet went meanwhile: a typed answer (a worker's thrown error reaches the page untyped)
      return { ok: false, error: describeError(e) };
    }
    const r = await planDocumentDocx(ws, {
      previous,
      fallbackName: this.fileName.replace(/\.xlsx$/i, ""),
    });
    return r.ok ? { ok: true, bytes: r.bytes, fileName: planDocxName(ws.active.name), notes: r.notes } : r;
  }
}
