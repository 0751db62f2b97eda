/**
 * Starting the task pane: wait for office.js (show the "open it in Excel" page after a few seconds, and
 * switch to the panel if Office gets ready later after all), hand the ribbon's actions to Office (shared
 * runtime: the ribbon runs in this page), then a session over the Office host (in Excel). The waiting and
 * the ribbon live in ./officeReady.ts, which the pane's tiny first chunk (./index.ts) uses without this file;
 * the workbook is the host's business.
 */
import type { SessionHost } from "../app/session";
import { createOfficeSessionHost, createSheetChangeSubscription } from "./officeGlue";
import { langFromDisplayLanguage, type Lang } from "./i18n";
import type { PanelApi, PanelError } from "./panelApi";
import { takeRibbonError } from "./ribbonError";
import { readyInExcel, waitForOffice, type OfficeReady, type OfficeReadyInfo } from "./officeReady";

export {
  OFFICE_READY_TIMEOUT_MS,
  RIBBON_ACTIONS,
  associateRibbonActions,
  loadRibbonCommands,
  readyInExcel,
  waitForOffice,
  type OfficeLike,
  type OfficeReady,
  type OfficeReadyInfo,
  type RibbonCommandsModule,
  type RibbonEvent,
} from "./officeReady";

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
  if (!readyInExcel(ready, deps)) return { kind: "outside", reason: "not-excel" };
  return panelStart(ready, deps);
}

/**
 * The panel over a Session on the Office host, once Office said it is Excel (the ribbon's actions already
 * handed over, ./officeReady.ts `readyInExcel`). The task pane's first chunk calls this through the lazily
 * loaded React app (./mountApp.tsx).
 */
export async function panelStart(ready: OfficeReadyInfo, deps: StartDeps = {}): Promise<Start> {
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
