/**
 * @jest-environment jsdom
 */
// Issue 10 item 9: the pane used to give up after 4 s waiting for Office.onReady and stay on the
// outside-Office page for good. Now the real App over the real boot switches to the panel whenever
// Office gets ready.
import { render, screen } from "@testing-library/react";
import { MemoryHost } from "../../src/app/memoryHost";
import { sampleWorkbook } from "../../src/core/sample";
import { App } from "../../src/taskpane/App";
import { startTaskpane, waitForOffice, type OfficeLike } from "../../src/taskpane/boot";

test("office.js ready after the timeout: the outside page, then the panel on the late onReady", async () => {
  let fire!: (info: { host: unknown }) => unknown;
  const office: OfficeLike = {
    onReady: (cb) => void (fire = cb!),
    context: { displayLanguage: "en-US" },
  };
  const start = () =>
    startTaskpane({
      wait: () => waitForOffice(20, office), // the 4 s, shortened
      excelHostType: "Excel",
      createHost: () => new MemoryHost(sampleWorkbook()),
      associateActions: () => {},
      takeNotice: () => null,
      subscribeSheetChanges: () => () => {},
    });
  render(<App start={start} />);
  expect(await screen.findByRole("link", { name: "Open the playground" })).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Recalculate" })).toBeNull();
  fire({ host: "Excel" });
  expect(await screen.findByText("84.87 / 99.50", undefined, { timeout: 10_000 })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Recalculate" })).toBeTruthy();
  expect(screen.queryByRole("link", { name: "Open the playground" })).toBeNull();
});

test("office.js missing for good: the outside page stays", async () => {
  render(<App start={() => startTaskpane({ wait: () => waitForOffice(10, undefined) })} />);
  expect(await screen.findByRole("link", { name: "Open the playground" })).toBeTruthy();
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.getByRole("link", { name: "Open the playground" })).toBeTruthy();
});
