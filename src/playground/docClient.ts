/**
 * The page's side of a playground document: starts its DocCore in a Web Worker (this same bundle, started
 * again as a worker) and talks to it through comlink; where no worker can start (the offline single file
 * opened from file://: its script is inline and browsers refuse file:// workers) the DocCore runs on the
 * page's thread, with the same calls and the same progress steps (it yields between them). `DocSession` is
 * the panel's api over it: the panel's Session lives with the document, its undo list is mirrored here.
 */
import * as Comlink from "comlink";
import { AddinError } from "../app/errors";
import type { Rect } from "../app/types";
import type { PanelApi, RunOptions, SessionResult } from "../taskpane/panelApi";
import type { CommandId } from "../app/commands";
import type { SessionComparison, SessionPreview, UndoEntry } from "../app/session";
import { UNIT_CHOICES, type UnitLevel } from "../app/units";
import { DocCore, type DocInfo, type SessionMethod, type Thrown } from "./docCore";
import type { OnProgress } from "./progress";

/** The script this bundle was loaded from, read while it runs (null when inline: the offline page). */
const SCRIPT_URL: string | null =
  typeof document !== "undefined" ? (document.currentScript as HTMLScriptElement | null)?.src || null : null;

/** Every DocCore method, asynchronous (what comlink gives; the inline core is wrapped to match). */
export type AsyncCore = {
  [K in keyof DocCore]: DocCore[K] extends (...a: infer A) => infer R
    ? (...a: A) => Promise<Awaited<R>>
    : never;
};

/** How long a new worker may take to answer before the page runs the document itself. */
const WORKER_START_MS = 10_000;

export interface DocPort {
  core: AsyncCore;
  /** Whether the document's work runs in a worker (else on the page's thread). */
  inWorker: boolean;
  /** A progress callback as the core can take it (comlink's proxy across the worker). */
  progress(f: OnProgress): OnProgress;
  /** Ends the worker (its document with it). */
  close(): void;
}

function inline(): DocPort {
  const core = new DocCore();
  const facade = new Proxy(core, {
    get: (target, key) => {
      const v = (target as unknown as Record<string | symbol, unknown>)[key];
      return typeof v === "function"
        ? async (...args: unknown[]) => (v as (...a: unknown[]) => unknown).apply(target, args)
        : v;
    },
  }) as unknown as AsyncCore;
  return { core: facade, inWorker: false, progress: (f) => f, close: () => core.cancel() };
}

/** `?inline`: the page runs documents itself (the browser tests compare both ways). */
const FORCE_INLINE = typeof location !== "undefined" && new URLSearchParams(location.search).has("inline");

/** A new document port: a worker when one starts and answers, else the page's own thread. */
export async function openPort(
  make: (() => Worker) | null = SCRIPT_URL && !FORCE_INLINE && typeof Worker !== "undefined"
    ? () => new Worker(SCRIPT_URL!)
    : null,
): Promise<DocPort> {
  if (!make) return inline();
  let worker: Worker;
  try {
    worker = make();
  } catch (e) {
    console.warn("PAR playground: no worker, the page does the work / không có worker", e);
    return inline();
  }
  const core = Comlink.wrap<DocCore>(worker) as unknown as AsyncCore;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<false>((resolve) => {
    worker.addEventListener("error", () => resolve(false));
    timer = setTimeout(() => resolve(false), WORKER_START_MS);
  });
  const answered = await Promise.race([core.ping(), failed]);
  clearTimeout(timer);
  if (answered !== true) {
    worker.terminate();
    console.warn("PAR playground: the worker did not start, the page does the work");
    return inline();
  }
  return { core, inWorker: true, progress: (f) => Comlink.proxy(f), close: () => worker.terminate() };
}

/**
 * The panel's api over a document: each call runs on the document's side; what the panel reads without
 * waiting (canUndo, the undo list) is the state after the last call, and every change is told to the
 * subscribers (the panel's undo list, the page's grid and sheet tabs).
 */
export class DocSession implements PanelApi {
  info: DocInfo;
  private readonly listeners = new Set<() => void>();
  /** Told of every step of a command (the page's progress bar); null: not shown. */
  onProgress: OnProgress | null = null;
  /** Told when the work of a command is over (the progress bar goes). */
  onIdle: (() => void) | null = null;

  constructor(
    readonly port: DocPort,
    info: DocInfo,
  ) {
    this.info = info;
  }

  get canUndo(): boolean {
    return this.info.canUndo;
  }

  get undoHistory(): readonly UndoEntry[] {
    return this.info.undoHistory;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Takes the document's state after a call and tells the subscribers. */
  update(info: DocInfo): void {
    this.info = info;
    for (const l of [...this.listeners]) l();
  }

  private async call<T>(method: SessionMethod, ...args: unknown[]): Promise<T> {
    const progress = this.onProgress;
    try {
      const r = await this.port.core.call(method, args, progress ? this.port.progress(progress) : undefined);
      this.update(r.info);
      if (r.thrown) rethrowOf(r.thrown);
      return r.result as T;
    } finally {
      this.onIdle?.();
    }
  }

  analyze = () => this.call<SessionResult>("analyze");
  run = (command: CommandId, opts?: RunOptions) => this.call<SessionResult>("run", command, opts);
  preview = (command: CommandId, opts?: RunOptions) => this.call<SessionPreview>("preview", command, opts);
  undo = () => this.call<SessionResult>("undo");
  undoTo = (id: number) => this.call<SessionResult>("undoTo", id);
  show = (sheet: string, rect: Rect) => this.call<void>("show", sheet, rect);
  selectRow = (sheet: string, row: number) => this.call<void>("selectRow", sheet, row);
  doEverything = () => this.call<SessionResult>("doEverything");
  previewEverything = () => this.call<SessionPreview>("previewEverything");
  compareCandidates = () => this.call<{ current: string; sheets: string[] }>("compareCandidates");
  compareWith = (previous: string) => this.call<SessionComparison>("compareWith", previous);
  stopAsking = () => this.call<void>("stopAsking");
  /** The unit chooser: the same levels as in Excel; the choice goes into the workbook's memory. */
  readonly unitChoices = UNIT_CHOICES;
  setUnit = (level: UnitLevel | null) => this.call<SessionResult>("setUnit", level);
}

function rethrowOf(t: Thrown): never {
  throw new AddinError(t.code, t.details);
}
