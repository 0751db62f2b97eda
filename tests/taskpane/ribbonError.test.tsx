/**
 * @jest-environment jsdom
 */
// The ribbon's Recalculate leaves its failure in localStorage; the pane shows it once when it opens.
// (The task pane's entry gives App its lazily loaded tabs and confirm card; here, the eager ones.)
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryHost } from "../../src/app/memoryHost";
import { RIBBON_ERROR_KEY as COMMANDS_KEY, runRecalculate } from "../../src/commands/commands";
import { sampleWorkbook } from "../../src/core/sample";
import type { Host } from "../../src/hosts/host";
import { App } from "../../src/taskpane/App";
import { EAGER_PARTS } from "../../src/taskpane/components/Panel";
import { panelStart } from "../../src/taskpane/boot";
import { RIBBON_ERROR_KEY, takeRibbonError } from "../../src/taskpane/ribbonError";

const fail = (e: unknown) => {
  throw e; // the panel's start does not fail here
};

const noTable: Host = {
  read: async () => ({
    active: { name: "Sheet1", top: 0, left: 0, values: [["ghi chú"]] },
    sheetNames: ["Sheet1"],
  }),
  apply: async () => {},
};

/** What the ribbon stores when Recalculate finds no table (the real writer, commands.ts). */
async function ribbonFails(): Promise<void> {
  const log = jest.spyOn(console, "error").mockImplementation(() => {});
  expect(await runRecalculate(noTable)).not.toBeNull();
  log.mockRestore();
}

beforeEach(() => localStorage.clear());

test("the pane reads the key the ribbon writes", () => {
  expect(RIBBON_ERROR_KEY).toBe(COMMANDS_KEY);
});

test("takeRibbonError: the ribbon's message, once; then nothing", async () => {
  await ribbonFails();
  expect(localStorage.getItem(RIBBON_ERROR_KEY)).not.toBeNull();
  const notice = takeRibbonError();
  expect(notice?.message.vi).toMatch(/\S/);
  expect(notice?.message.en).toMatch(/\S/);
  expect(notice?.hint.vi).toMatch(/\S/);
  expect(localStorage.getItem(RIBBON_ERROR_KEY)).toBeNull();
  expect(takeRibbonError()).toBeNull();
});

test("takeRibbonError: something else under the key is dropped, blocked storage is no message", () => {
  localStorage.setItem(RIBBON_ERROR_KEY, "not json");
  expect(takeRibbonError()).toBeNull();
  expect(localStorage.getItem(RIBBON_ERROR_KEY)).toBeNull();
  localStorage.setItem(RIBBON_ERROR_KEY, JSON.stringify({ error: { message: "x" } }));
  expect(takeRibbonError()).toBeNull();
  const blocked = {
    getItem: () => {
      throw new Error("SecurityError");
    },
    removeItem: () => {},
  };
  expect(takeRibbonError(blocked)).toBeNull();
  expect(takeRibbonError(undefined)).toBeNull();
});

test("in Excel, the panel opens with the ribbon's failure in a MessageBar, once, until the next command", async () => {
  await ribbonFails();
  const stored = JSON.parse(localStorage.getItem(RIBBON_ERROR_KEY)!).error.message.vi as string;
  const start = () =>
    panelStart(
      { kind: "ready", host: "Excel", displayLanguage: "vi-VN" },
      { createHost: () => new MemoryHost(sampleWorkbook()) },
    );
  const first = render(<App start={start} onStartFailed={fail} parts={EAGER_PARTS} />);
  expect(await screen.findByText("Nút «Tính lại» trên dải lệnh chưa thực hiện được")).toBeTruthy();
  expect(screen.getByText(stored)).toBeTruthy();
  expect(localStorage.getItem(RIBBON_ERROR_KEY)).toBeNull();
  await screen.findByText("84,87 / 99,50"); // the first read does not hide it
  expect(screen.getByText(stored)).toBeTruthy();

  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "Tính lại" }));
  // the panel says what Tính lại will insert before it runs (say before)
  expect(await screen.findByText(/^Chèn 1 cột F, điền 27 dòng/)).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Đồng ý" }));
  await screen.findByText(/^Đã tính lại 27 dòng/);
  expect(screen.queryByText(stored)).toBeNull();
  first.unmount();

  // opened again: the message is not shown a second time
  render(<App start={start} onStartFailed={fail} parts={EAGER_PARTS} />);
  await screen.findByText("84,87 / 99,50");
  expect(screen.queryByText("Nút «Tính lại» trên dải lệnh chưa thực hiện được")).toBeNull();
});

test("the message can be dismissed, and follows the panel's language", async () => {
  await ribbonFails();
  const start = () =>
    panelStart(
      { kind: "ready", host: "Excel", displayLanguage: "en-US" },
      { createHost: () => new MemoryHost(sampleWorkbook()) },
    );
  render(<App start={start} onStartFailed={fail} parts={EAGER_PARTS} />);
  expect(await screen.findByText("The ribbon's Recalculate button could not finish")).toBeTruthy();
  await screen.findByText("84.87 / 99.50");
  await act(async () => {
    await userEvent.setup().click(screen.getByRole("button", { name: "Dismiss" }));
  });
  expect(screen.queryByText("The ribbon's Recalculate button could not finish")).toBeNull();
});
