/**
 * @jest-environment jsdom
 */
// The task pane as users start it (src/taskpane/index.ts → startPane → the real React app, mountApp), over
// a fake office.js global; only the Office host is replaced (a MemoryHost behind the glue). Issue 10 item 9:
// when office.js is late the pane shows the outside page, then switches to the panel whenever Office gets
// ready in Excel; and a panel that cannot start falls back to the outside page.
import { getByRole, queryByRole, screen } from "@testing-library/dom";
import { MemoryHost } from "../../src/app/memoryHost";
import { sampleWorkbook } from "../../src/core/sample";
import { OFFICE_READY_TIMEOUT_MS } from "../../src/taskpane/officeReady";
import { fakeOffice as fakeOfficeIn, loadEntry, officeGlobal } from "./entry";

const createHost = jest.fn(() => new MemoryHost(sampleWorkbook()));
jest.mock("../../src/taskpane/officeGlue", () => ({
  createOfficeSessionHost: () => createHost(),
  createSheetChangeSubscription: () => () => () => {},
  runSelfCheck: jest.fn(),
}));

const g = officeGlobal;
const fakeOffice = () => fakeOfficeIn("en-US");

const OUTSIDE = { name: "Open the playground" };

beforeEach(() => {
  createHost.mockClear();
  delete g.Office;
});
afterEach(() => jest.useRealTimers());

test("office.js ready after the timeout: the outside page, then the panel on the late onReady", async () => {
  jest.useFakeTimers();
  const office = fakeOffice();
  const root = loadEntry();
  await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS + 10);
  expect(root.dataset.screen).toBe("outside");
  expect(getByRole(root, "link", OUTSIDE)).toBeTruthy();
  expect(queryByRole(root, "button", { name: "Recalculate" })).toBeNull();
  expect(office.associate).not.toHaveBeenCalled(); // not before Office.onReady
  expect(createHost).not.toHaveBeenCalled();
  jest.useRealTimers();

  office.fire("Excel");
  expect(await screen.findByText("84.87 / 99.50", undefined, { timeout: 10_000 })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Recalculate" })).toBeTruthy();
  expect(queryByRole(root, "link", OUTSIDE)).toBeNull();
  expect(root.dataset.screen).toBeUndefined(); // the first paint's marks are gone
  expect(office.associate).toHaveBeenCalledWith("recalculate", expect.any(Function));
  expect(createHost).toHaveBeenCalledTimes(1);
});

test("office.js missing for good: the outside page stays, no panel", async () => {
  const root = loadEntry();
  await new Promise((r) => setTimeout(r, 50));
  expect(root.dataset.screen).toBe("outside");
  expect(getByRole(root, "link", OUTSIDE)).toBeTruthy();
  expect(createHost).not.toHaveBeenCalled();
});

test("in Excel, a panel that cannot start (its session fails): the outside page, in plain DOM", async () => {
  const error = jest.spyOn(console, "error").mockImplementation(() => {});
  createHost.mockImplementationOnce(() => {
    throw new Error("the Office host is gone");
  });
  const office = fakeOffice();
  const root = loadEntry();
  office.fire("Excel");
  expect(await screen.findByRole("link", OUTSIDE, { timeout: 10_000 })).toBeTruthy();
  expect(root.dataset.screen).toBe("outside");
  expect(root.classList.contains("par-fp")).toBe(true);
  expect(queryByRole(root, "button", { name: "Recalculate" })).toBeNull();
  expect(error).toHaveBeenCalled();
  error.mockRestore();
});
