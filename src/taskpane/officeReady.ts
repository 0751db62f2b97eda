/**
 * Office's readiness, without React or the session: what the task pane's tiny first chunk (./index.ts) needs
 * to decide between the outside-Office page and the panel. Office is read here only for its readiness, host
 * type, display language and `actions` (the ribbon's, with the shared runtime).
 */
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

/** After Office.onReady: hands the ribbon's actions to Office, then says whether the host is Excel. */
export function readyInExcel(
  ready: OfficeReadyInfo,
  deps: { excelHostType?: string; associateActions?: () => unknown } = {},
): boolean {
  try {
    (deps.associateActions ?? associateRibbonActions)();
  } catch (e) {
    console.error("PAR INDEX: the ribbon's actions could not be registered", e);
  }
  const excel = deps.excelHostType ?? String(officeGlobal()?.HostType?.Excel ?? "Excel");
  return ready.host === excel;
}
