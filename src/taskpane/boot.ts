/**
 * Starting the task pane: wait for office.js (or give up after a few seconds), then either a session over
 * the Office host (in Excel) or the "open it in Excel" page. Office is read here only for its readiness,
 * its host type and its display language; the workbook is the Office host's business.
 */
import { Session, type SessionHost } from "../app/session";
import { createOfficeSessionHost, createSheetChangeSubscription } from "./officeGlue";
import { langFromDisplayLanguage, type Lang } from "./i18n";
import type { PanelApi, PanelError } from "./panelApi";
import { takeRibbonError } from "./ribbonError";

export const OFFICE_READY_TIMEOUT_MS = 4000;

export type OfficeReady =
  { kind: "ready"; host: string | null; displayLanguage: string | null } | { kind: "timeout" };

/** The bits of the office.js global this file uses (so tests can pass a fake). */
export interface OfficeLike {
  onReady(callback?: (info: { host: unknown }) => unknown): unknown;
  context?: { displayLanguage?: string };
  HostType?: { Excel?: unknown };
}

function officeGlobal(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

/** Resolves when Office.onReady fires, or with "timeout" if office.js is missing or never initialises. */
export function waitForOffice(
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
  office: OfficeLike | undefined = officeGlobal(),
): Promise<OfficeReady> {
  return new Promise((resolve) => {
    if (!office || typeof office.onReady !== "function") {
      resolve({ kind: "timeout" }); // the office.js <script> failed to load (offline, blocked CDN)
      return;
    }
    const timer = setTimeout(() => resolve({ kind: "timeout" }), timeoutMs);
    try {
      office.onReady((info) => {
        clearTimeout(timer);
        let displayLanguage: string | null = null;
        try {
          displayLanguage = office.context?.displayLanguage ?? null;
        } catch {
          // outside Office, context may be unusable
        }
        resolve({ kind: "ready", host: info?.host ? String(info.host) : null, displayLanguage });
      });
    } catch {
      clearTimeout(timer);
      resolve({ kind: "timeout" });
    }
  });
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
  | { kind: "outside"; reason: "no-office" | "not-excel" };

export interface StartDeps {
  wait?: () => Promise<OfficeReady>;
  excelHostType?: string;
  createHost?: () => SessionHost;
  /** Reads (and removes) the ribbon's stored failure; default: localStorage. */
  takeNotice?: () => PanelError | null;
  /** Sheet-change notifications for the panel; default: Excel's, through the glue (see officeGlue.ts). */
  subscribeSheetChanges?: (onChange: () => void) => () => void;
}

/** Decides what the task pane shows: the panel over a Session in Excel, otherwise the outside-Office page. */
export async function startTaskpane(deps: StartDeps = {}): Promise<Start> {
  const ready = await (deps.wait ?? (() => waitForOffice()))();
  if (ready.kind === "timeout") return { kind: "outside", reason: "no-office" };
  const excel = deps.excelHostType ?? String(officeGlobal()?.HostType?.Excel ?? "Excel");
  if (ready.host !== excel) return { kind: "outside", reason: "not-excel" };
  const lang = langFromDisplayLanguage(ready.displayLanguage);
  const session = new Session((deps.createHost ?? createOfficeSessionHost)(), lang);
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
