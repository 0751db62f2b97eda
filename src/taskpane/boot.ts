/**
 * Starting the task pane: wait for office.js (show the "open it in Excel" page after a few seconds, and
 * switch to the panel if Office gets ready later after all), hand the ribbon's actions to Office (shared
 * runtime: the ribbon runs in this page), then a session over the Office host (in Excel). Office is read
 * here only for its readiness, host type, display language and `actions`; the workbook is the host's business.
 */
import type { SessionHost } from "../app/session";
import { createOfficeSessionHost, createSheetChangeSubscription } from "./officeGlue";
import { langFromDisplayLanguage, type Lang } from "./i18n";
import type { PanelApi, PanelError } from "./panelApi";
import { takeRibbonError } from "./ribbonError";

export const OFFICE_READY_TIMEOUT_MS = 4000;

/** What Office.onReady reports. */
export interface OfficeReadyInfo {
  kind: "ready";
  host: string | null;
  displayLanguage: string | null;
}

export type OfficeReady =
  | OfficeReadyInfo
  | {
      kind: "timeout";
      /**
       * Office.onReady came too late for the first screen but may still come (slow webview, slow network):
       * this resolves when it does. Absent when office.js is missing altogether.
       */
      late?: Promise<OfficeReadyInfo>;
    };

/** The ribbon's ExecuteFunction handlers take Office's event and must call event.completed(). */
export interface RibbonEvent {
  completed(options?: unknown): void;
}

/** The bits of the office.js global this file uses (so tests can pass a fake). */
export interface OfficeLike {
  onReady(callback?: (info: { host: unknown }) => unknown): unknown;
  context?: { displayLanguage?: string };
  HostType?: { Excel?: unknown };
  /** SharedRuntime / AddinCommands 1.1: `Office.actions.associate(id, handler)`. */
  actions?: { associate(actionId: string, handler: (event: RibbonEvent) => unknown): void };
}

function officeGlobal(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

/**
 * Resolves when Office.onReady fires, or with "timeout" after `timeoutMs` if office.js is missing or not
 * ready yet. A timeout is not final: if onReady fires later, `late` resolves then (the pane switches).
 */
export function waitForOffice(
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
  office: OfficeLike | undefined = officeGlobal(),
): Promise<OfficeReady> {
  if (!office || typeof office.onReady !== "function") {
    return Promise.resolve({ kind: "timeout" }); // the office.js <script> failed to load (offline, blocked CDN)
  }
  let onTime = true;
  const ready = new Promise<OfficeReadyInfo>((resolve, reject) => {
    try {
      office.onReady((info) => {
        let displayLanguage: string | null = null;
        try {
          displayLanguage = office.context?.displayLanguage ?? null;
        } catch {
          // outside Office, context may be unusable
        }
        resolve({ kind: "ready", host: info?.host ? String(info.host) : null, displayLanguage });
      });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
  return new Promise<OfficeReady>((resolve) => {
    const timer = setTimeout(() => {
      onTime = false;
      resolve({ kind: "timeout", late: ready });
    }, timeoutMs);
    ready.then(
      (info) => {
        if (!onTime) return;
        clearTimeout(timer);
        resolve(info);
      },
      () => {
        clearTimeout(timer);
        onTime = false;
        resolve({ kind: "timeout" }); // onReady itself threw: nothing will come later
      },
    );
  });
}

/** The ribbon module's entry the pane hands the ribbon's action to (src/commands/commands.ts). */
export interface RibbonCommandsModule {
  recalculate(event: RibbonEvent): Promise<void>;
}

/** Lazily, into the Office chunk: the pane's first chunk stays free of the Office host. */
export const loadRibbonCommands = (): Promise<RibbonCommandsModule> =>
  import(/* webpackChunkName: "office-host" */ "../commands/commands") as Promise<RibbonCommandsModule>;

/** The ExecuteFunction ids of manifest.xml (<FunctionName>); tests/manifest keeps the two equal. */
export const RIBBON_ACTIONS = ["recalculate"] as const;

/**
 * With the shared runtime (manifest.xml <Runtimes>), the ribbon's function file IS the task pane page: the
 * ribbon's "recalculate" runs here, in the pane's JavaScript context. Called once Office.onReady has fired
 * (some platforms do not deliver commands before). Returns false where Office.actions does not exist.
 */
export function associateRibbonActions(
  office: OfficeLike | undefined = officeGlobal(),
  load: () => Promise<RibbonCommandsModule> = loadRibbonCommands,
): boolean {
  if (!office?.actions || typeof office.actions.associate !== "function") return false;
  office.actions.associate("recalculate", async (event) => {
    let module: RibbonCommandsModule;
    try {
      module = await load();
    } catch (e) {
      console.error("PAR INDEX: the ribbon command could not be loaded / không tải được lệnh", e);
      event.completed(); // otherwise Office keeps the button busy
      return;
    }
    await module.recalculate(event); // completes the event itself, even on failure
  });
  return true;
}

export type Start =
  | {
      kind: "panel";
      api: PanelApi;
      lang: Lang;
      inExcel: boolean;
      onLangChange?: (lang: Lang) => void;
      /** A failure of the ribbon's Recalculate, left for the pane to show once (see ribbonError.ts). */
      notice?: PanelError | null;
      /** Tells the panel when another worksheet becomes active (Excel's events, through the glue). */
      subscribeSheetChanges?: (onChange: () => void) => () => void;
    }
  | {
      kind: "outside";
      reason: "no-office" | "not-excel";
      /**
       * office.js was not ready in time but may still be: resolves to what the pane shows once it is (the
       * panel in Excel). The app switches to it whenever it comes.
       */
      later?: Promise<Start>;
    };

export interface StartDeps {
  wait?: () => Promise<OfficeReady>;
  excelHostType?: string;
  createHost?: () => SessionHost;
  /** Reads (and removes) the ribbon's stored failure; default: localStorage. */
  takeNotice?: () => PanelError | null;
  /** Sheet-change notifications for the panel; default: Excel's, through the glue (see officeGlue.ts). */
  subscribeSheetChanges?: (onChange: () => void) => () => void;
  /** Hands the ribbon's actions to Office once it is ready; default: associateRibbonActions(). */
  associateActions?: () => unknown;
}

/**
 * The session (and the core it runs) loads lazily, in its own chunk, once Office says it is Excel: the
 * pane's first JS stays small and the outside-Office page never fetches it.
 */
const loadSession = () => import(/* webpackChunkName: "session" */ "../app/session");

/** Decides what the task pane shows: the panel over a Session in Excel, otherwise the outside-Office page. */
export async function startTaskpane(deps: StartDeps = {}): Promise<Start> {
  const ready = await (deps.wait ?? (() => waitForOffice()))();
  if (ready.kind === "timeout") {
    const start: Start = { kind: "outside", reason: "no-office" };
    if (ready.late) start.later = ready.late.then((info) => fromReady(info, deps));
    return start;
  }
  return fromReady(ready, deps);
}

/** After Office.onReady (in time or late): the ribbon's actions, then the panel or the outside page. */
async function fromReady(ready: OfficeReadyInfo, deps: StartDeps): Promise<Start> {
  try {
    (deps.associateActions ?? associateRibbonActions)();
  } catch (e) {
    console.error("PAR INDEX: the ribbon's actions could not be registered", e);
  }
  const excel = deps.excelHostType ?? String(officeGlobal()?.HostType?.Excel ?? "Excel");
  if (ready.host !== excel) return { kind: "outside", reason: "not-excel" };
  const lang = langFromDisplayLanguage(ready.displayLanguage);
  const { Session, shareSession } = await loadSession();
  const session = new Session((deps.createHost ?? createOfficeSessionHost)(), lang);
  shareSession(session); // the ribbon's commands run through it: one undo list (app/session.ts)
  return {
    kind: "panel",
    api: session,
    lang,
    inExcel: true,
    onLangChange: (next) => {
      session.lang = next;
    },
    notice: (deps.takeNotice ?? takeRibbonError)(),
    subscribeSheetChanges: deps.subscribeSheetChanges ?? createSheetChangeSubscription(),
  };
}
