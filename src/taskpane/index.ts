// Task pane entry, kept tiny (issue 14): it paints the first screen in plain DOM (./firstPaint.ts) and lets
// ./startPane.ts decide, once, what the pane shows. Outside Office the plain page is the whole pane: no
// React, no Fluent UI. In Excel the React app (./mountApp.tsx, its own chunk, prefetched while office.js
// gets ready) replaces the loading line with the panel; if the panel cannot start (its chunk or its session
// fails to load), the outside page is painted instead. The ribbon's actions are handed to Office as soon as
// Office is ready (./officeReady.ts). Other pages import the panel from ./exports, never from this file.
import { paint } from "./firstPaint";
import type { OfficeReadyInfo } from "./officeReady";
import { startPane } from "./startPane";

const loadApp = () => import(/* webpackChunkName: "panel", webpackPrefetch: true */ "./mountApp");

function mount(container: HTMLElement, ready: OfficeReadyInfo): void {
  const failed = (e: unknown) => {
    console.error("PAR: the panel could not be loaded / không tải được ngăn tác vụ", e);
    paint(container, "outside");
  };
  loadApp().then((m) => m.mountApp(container, ready, failed), failed);
}

const container = document.getElementById("root");
if (container) {
  paint(container, "loading");
  void startPane({ outside: () => paint(container, "outside"), panel: (ready) => mount(container, ready) });
}
