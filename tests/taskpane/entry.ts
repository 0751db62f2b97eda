/**
 * The task pane's production entry (src/taskpane/index.ts) under test: a fake office.js and the entry loaded
 * afresh into an empty page. Used by firstPaint.test.ts (the first paint) and startLive.test.tsx (the real app).
 */
import type { OfficeLike } from "../../src/taskpane/officeReady";

const g = globalThis as { Office?: OfficeLike };

/** A fake office.js: `fire` makes Office ready with that host; `associate` sees the ribbon's actions. */
export function fakeOffice(displayLanguage: string) {
  let fire: ((info: { host: unknown }) => unknown) | undefined;
  const associate = jest.fn();
  g.Office = {
    onReady: (cb) => void (fire = cb),
    context: { displayLanguage },
    HostType: { Excel: "Excel" },
    actions: { associate },
  };
  return { fire: (host: string | null) => fire!({ host }), associate };
}

/** Loads the entry afresh into a page with an empty #root. */
export function loadEntry(): HTMLElement {
  document.head.innerHTML = "";
  document.body.innerHTML = '<div id="root"></div>';
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry runs on load, afresh each time
    require("../../src/taskpane/index");
  });
  return document.getElementById("root")!;
}

/** Office's global as the entry sees it (tests delete or replace it). */
export const officeGlobal = g;
