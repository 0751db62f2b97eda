// Task pane entry: one React root, one FluentProvider (in App). Everything Office-specific is in boot.ts
// (readiness, host type, display language) and officeGlue.ts (the lazily loaded Office host).
// Other pages import the panel from ./exports, never from this file (it renders into #root).
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { startTaskpane } from "./boot";
import { runSelfCheck } from "./officeGlue";

const container = document.getElementById("root");
if (container) createRoot(container).render(<App start={startTaskpane} selfCheck={runSelfCheck} />);
