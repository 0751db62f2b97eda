// Task pane entry: one React root, one FluentProvider (in App). Everything Office-specific is in boot.ts
// (readiness, host type, display language) and officeGlue.ts (the lazily loaded Office host).
// Other pages import the panel from ./exports, never from this file (it renders into #root).
import { createRoot } from "react-dom/client";
import { App } from "./App";
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

const container = document.getElementById("root");
if (container)
  createRoot(container).render(
    <App start={startTaskpane} planDocument={lazyPlanDocument} selfCheck={runSelfCheck} />,
  );
