// Task pane entry: one React root, one FluentProvider (in App). Everything Office-specific is in boot.ts
// (readiness, host type, display language) and officeGlue.ts (the lazily loaded Office host).
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { startTaskpane } from "./boot";

export { App } from "./App";
export { Panel } from "./components/Panel";

const container = document.getElementById("root");
if (container) createRoot(container).render(<App start={startTaskpane} />);
