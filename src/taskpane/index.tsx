// Task pane entry: one React root, one FluentProvider (in App). Everything Office-specific is in boot.ts
// (readiness, host type, display language) and officeGlue.ts (the lazily loaded Office host).
// Other pages import the panel from ./exports, never from this file (it renders into #root).
import { lazy } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { PanelParts } from "./components/PanelView";
import { startTaskpane } from "./boot";
import { runSelfCheck } from "./officeGlue";
import { planDocxName, type PanelApi, type PlanDocumentResult } from "./panelApi";

/**
 * The plan document for the task pane: the document code (and the `docx` package) load only when the user
 * asks for it, in their own chunk, so the pane's first JS stays small.
 */
function lazyPlanDocument(api: PanelApi): (() => Promise<PlanDocumentResult>) | undefined {
  const read = api.workbook?.bind(api);
  if (!read) return undefined;
  return async () => {
    const [{ planDocumentDocx }, ws] = await Promise.all([
      import(/* webpackChunkName: "plan-doc" */ "../app/planDocument"),
      read(),
    ]);
    const r = await planDocumentDocx(ws);
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

const container = document.getElementById("root");
if (container)
  createRoot(container).render(
    <App
      start={startTaskpane}
      planDocument={lazyPlanDocument}
      selfCheck={{ run: runSelfCheck, View: SelfCheckView }}
      parts={parts}
    />,
  );
