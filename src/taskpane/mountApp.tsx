// The task pane's React app, its own chunk: the tiny entry (./index.ts) loads it once Office says it is Excel.
// One React root, one FluentProvider (in App). Everything Office-specific is in ./officeReady.ts (readiness,
// host type, display language, the ribbon), ./boot.ts (the session) and ./officeGlue.ts (the lazily loaded
// Office host). Other pages import the panel from ./exports, never from this file.
import { lazy, useLayoutEffect, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { PanelParts } from "./components/PanelView";
import { panelStart } from "./boot";
import type { OfficeReadyInfo } from "./officeReady";
import { runSelfCheck } from "./officeGlue";
import { planDocxName, type PanelApi, type PlanDocumentRequest, type PlanDocumentResult } from "./panelApi";

/**
 * The plan document for the task pane: the document code (and the `docx` package) load only when the user
 * asks for it, in their own chunk, so the pane's first JS stays small.
 */
export function lazyPlanDocument(
  api: PanelApi,
): ((req?: PlanDocumentRequest) => Promise<PlanDocumentResult>) | undefined {
  const read = api.workbook?.bind(api);
  if (!read) return undefined;
  return async (req = {}) => {
    const load = import(/* webpackChunkName: "plan-doc" */ "../app/planDocument");
    const ws = await read();
    // last year's sheet chosen in the compare tab: §II gets the same comparison as the CLI's --previous
    const previous = req.previous && api.sheetSnapshot ? await api.sheetSnapshot(req.previous) : null;
    const { planDocumentDocx } = await load;
    const r = await planDocumentDocx(ws, { previous });
    return r.ok ? { ok: true, bytes: r.bytes, fileName: planDocxName(ws.active.name), notes: r.notes } : r;
  };
}

/**
 * What is not on the panel's first screen loads in its own chunks when first shown: the unmet list, the
 * comparison, the actions tab (with the undo list) and the `?selfcheck` page. The playground imports them
 * eagerly (components/Panel): its single-file page may have no lazy chunks.
 */
const parts: PanelParts = {
  UnmetList: lazy(() =>
    import(/* webpackChunkName: "tab-unmet" */ "./components/UnmetList").then((m) => ({
      default: m.UnmetList,
    })),
  ),
  CompareTab: lazy(() =>
    import(/* webpackChunkName: "tab-compare" */ "./components/CompareTab").then((m) => ({
      default: m.CompareTab,
    })),
  ),
  ActionsTab: lazy(() =>
    import(/* webpackChunkName: "tab-actions" */ "./components/ActionsTab").then((m) => ({
      default: m.ActionsTab,
    })),
  ),
  ConfirmCard: lazy(() =>
    import(/* webpackChunkName: "confirm" */ "./components/ConfirmCard").then((m) => ({
      default: m.ConfirmCard,
    })),
  ),
};
// (ConfirmCard below: the question before a structural change, shown only once a command asks)
const SelfCheckView = lazy(() =>
  import(/* webpackChunkName: "selfcheck" */ "./components/SelfCheck").then((m) => ({
    default: m.SelfCheck,
  })),
);

/** Takes the first paint's marks off the container once React's first screen is in it. */
function Replacing({ container, children }: { container: HTMLElement; children: ReactNode }) {
  useLayoutEffect(() => {
    container.classList.remove("par-fp");
    delete container.dataset.screen;
  }, [container]);
  return children;
}

/**
 * Renders the panel into `container` (the entry's #root, which shows the first paint's loading line until
 * React's first commit replaces it) over a session on the Office host; Office is already ready in Excel. If
 * the panel cannot start, React leaves the container and `failed` is called (the entry paints its outside
 * page there).
 */
export function mountApp(
  container: HTMLElement,
  ready: OfficeReadyInfo,
  failed: (error: unknown) => void,
): void {
  const root = createRoot(container);
  const start = () => panelStart(ready);
  const onStartFailed = (e: unknown) =>
    setTimeout(() => {
      root.unmount(); // not while React renders: the failure arrives from a promise, unmounted a task later
      failed(e);
    }, 0);
  root.render(
    <Replacing container={container}>
      <App
        start={start}
        onStartFailed={onStartFailed}
        planDocument={lazyPlanDocument}
        selfCheck={{ run: runSelfCheck, View: SelfCheckView }}
        parts={parts}
      />
    </Replacing>,
  );
}
