/**
 * The panel's start in Excel: a session over the Office host, in Office's language, with the ribbon's stored
 * failure and Excel's sheet-change events. What the pane shows (in Excel, outside Office, Office late) is
 * decided before, once, by ./startPane.ts in the pane's tiny first chunk; the React app (./mountApp.tsx)
 * calls this. The workbook is the host's business.
 */
import type { SessionHost } from "../app/session";
import { createOfficeSessionHost, createSheetChangeSubscription } from "./officeGlue";
import { langFromDisplayLanguage, type Lang } from "./i18n";
import type { PanelApi, PanelError } from "./panelApi";
import { takeRibbonError } from "./ribbonError";
import type { OfficeReadyInfo } from "./officeReady";

/** The panel over a Session on the Office host: what the React app (./App.tsx) renders. */
export interface PanelStart {
  api: PanelApi;
  lang: Lang;
  onLangChange?: (lang: Lang) => void;
  /** A failure of the ribbon's Recalculate, left for the pane to show once (see ribbonError.ts). */
  notice?: PanelError | null;
  /** Tells the panel when another worksheet becomes active (Excel's events, through the glue). */
  subscribeSheetChanges?: (onChange: () => void) => () => void;
}

export interface StartDeps {
  createHost?: () => SessionHost;
  /** Reads (and removes) the ribbon's stored failure; default: localStorage. */
  takeNotice?: () => PanelError | null;
  /** Sheet-change notifications for the panel; default: Excel's, through the glue (see officeGlue.ts). */
  subscribeSheetChanges?: (onChange: () => void) => () => void;
}

/**
 * The session (and the core it runs) loads lazily, in its own chunk, once Office says it is Excel: the
 * pane's first JS stays small and the outside-Office page never fetches it.
 */
const loadSession = () => import(/* webpackChunkName: "session" */ "../app/session");

/**
 * The panel over a Session on the Office host, once Office said it is Excel (the ribbon's actions already
 * handed over, ./officeReady.ts `readyInExcel`). The task pane's first chunk calls this through the lazily
 * loaded React app (./mountApp.tsx).
 */
export async function panelStart(ready: OfficeReadyInfo, deps: StartDeps = {}): Promise<PanelStart> {
  const lang = langFromDisplayLanguage(ready.displayLanguage);
  const { Session, shareSession } = await loadSession();
  const session = new Session((deps.createHost ?? createOfficeSessionHost)(), lang);
  shareSession(session); // the ribbon's commands run through it: one undo list (app/session.ts)
  return {
    api: session,
    lang,
    onLangChange: (next) => {
      session.lang = next;
    },
    notice: (deps.takeNotice ?? takeRibbonError)(),
    subscribeSheetChanges: deps.subscribeSheetChanges ?? createSheetChangeSubscription(),
  };
}
