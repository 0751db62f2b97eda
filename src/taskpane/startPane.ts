/**
 * The one place the task pane decides what it shows (issue 14): the panel in Excel, otherwise the
 * outside-Office page, and, when office.js was late, the panel whenever Office gets ready in Excel after
 * all. Part of the pane's tiny first chunk (./index.ts paints; this decides); no React, no session.
 */
import { readyInExcel, waitForOffice, type OfficeReady, type OfficeReadyInfo } from "./officeReady";

/** What the pane can show: the entry paints the outside page in plain DOM and mounts the panel's chunk. */
export interface PaneScreens {
  outside(): void;
  /** Office is ready and the host is Excel (the ribbon's actions already handed over). */
  panel(ready: OfficeReadyInfo): void;
}

export interface StartPaneDeps {
  /** Office's readiness; default: `waitForOffice()` on the office.js global. */
  wait?: () => Promise<OfficeReady>;
  excelHostType?: string;
  /** Hands the ribbon's actions to Office once it is ready; default: associateRibbonActions(). */
  associateActions?: () => unknown;
}

/**
 * Waits for Office and shows one screen: the panel in Excel, the outside page elsewhere or when office.js
 * is not ready in time. A late Office.onReady in Excel then shows the panel (the outside page stays when
 * Office turns out not to be Excel, or never gets ready). Resolves once the first screen is chosen.
 */
export async function startPane(show: PaneScreens, deps: StartPaneDeps = {}): Promise<void> {
  const ready = await (deps.wait ?? (() => waitForOffice()))();
  if (ready.kind === "timeout") {
    show.outside();
    ready.late?.then(
      (info) => readyInExcel(info, deps) && show.panel(info),
      (e: unknown) => console.error("PAR: the task pane could not start", e),
    );
    return;
  }
  if (readyInExcel(ready, deps)) show.panel(ready);
  else show.outside();
}
