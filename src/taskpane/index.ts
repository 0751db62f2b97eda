// Task pane entry, kept tiny (issue 14): it paints the first screen in plain DOM (./firstPaint.ts) and waits
// for office.js. Outside Office that page is the whole pane: no React, no Fluent UI. In Excel the React app
// (./mountApp.tsx, its own chunk, prefetched while office.js gets ready) replaces the loading line with the
// panel. The ribbon's actions are handed to Office here, as soon as Office is ready (./officeReady.ts).
// Other pages import the panel from ./exports, never from this file (it paints into #root).
import { paint } from "./firstPaint";
import { readyInExcel, waitForOffice, type OfficeReadyInfo } from "./officeReady";

const loadApp = () => import(/* webpackChunkName: "panel", webpackPrefetch: true */ "./mountApp");

function mount(container: HTMLElement, ready: OfficeReadyInfo): void {
  loadApp().then(
    (m) => m.mountApp(container, ready),
    (e: unknown) => {
      console.error("PAR: the panel could not be loaded / không tải được ngăn tác vụ", e);
      paint(container, "outside");
    },
  );
}

async function start(container: HTMLElement): Promise<void> {
  paint(container, "loading");
  const ready = await waitForOffice();
  if (ready.kind === "timeout") {
    paint(container, "outside");
    // office.js was late: switch to the panel whenever it gets ready in Excel
    ready.late?.then(
      (info) => readyInExcel(info) && mount(container, info),
      (e: unknown) => console.error("PAR: the task pane could not start", e),
    );
    return;
  }
  if (readyInExcel(ready)) mount(container, ready);
  else paint(container, "outside");
}

const container = document.getElementById("root");
if (container) void start(container);
