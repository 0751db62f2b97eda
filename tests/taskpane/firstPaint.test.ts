/**
 * @jest-environment jsdom
 */
// Issue 14: the task pane's entry (src/taskpane/index.ts) paints its first screen in plain DOM and loads
// the React app only in Excel. Run here against a fake office.js global; the React app's module is mocked
// to see whether (and with what) it is mounted.
import { getByRole, getByText, queryByRole } from "@testing-library/dom";
import { outsideOfficeHtml } from "../../src/taskpane/firstPaint";
import { OFFICE_READY_TIMEOUT_MS } from "../../src/taskpane/officeReady";
import { fakeOffice as fakeOfficeIn, loadEntry, officeGlobal } from "./entry";

const mountApp = jest.fn();
jest.mock("../../src/taskpane/mountApp", () => ({ mountApp: (...a: unknown[]) => mountApp(...a) }));

const g = officeGlobal;
const fakeOffice = () => fakeOfficeIn("vi-VN");

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
};

beforeEach(() => {
  mountApp.mockReset();
  delete g.Office;
});
afterEach(() => jest.useRealTimers());

test("before Office answers: a loading line, in both languages, as a status", () => {
  fakeOffice();
  const root = loadEntry();
  expect(getByRole(root, "status").textContent).toBe("Đang tải… / Loading…");
  expect(root.dataset.screen).toBe("loading");
  expect(document.getElementById("par-first-paint")).not.toBeNull(); // its CSS
});

test("outside Excel: the outside-Office page in plain DOM, and React is never loaded", async () => {
  const office = fakeOffice();
  const root = loadEntry();
  office.fire(null);
  await flush();
  expect(root.dataset.screen).toBe("outside");
  const vi = getByRole(root, "heading", { level: 2, name: "Hãy mở bảng này trong Excel" });
  const en = getByRole(root, "heading", { level: 2, name: "Open this panel in Excel" });
  expect(vi.compareDocumentPosition(en) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(getByRole(root, "heading", { level: 1 }).textContent).toBe("Chỉ số CCHC (PAR INDEX)");
  expect(getByRole(root, "main")).toBeTruthy();
  expect(vi.closest("section")!.getAttribute("lang")).toBe("vi");
  expect(en.closest("section")!.getAttribute("lang")).toBe("en");
  expect(getByRole(root, "link", { name: "Open the playground" }).getAttribute("href")).toBe(
    "playground.html",
  );
  expect(getByText(root, "Trên thẻ Trang đầu, chọn Chỉ số CCHC › Mở bảng PAR.")).toBeTruthy();
  expect(queryByRole(root, "status")).toBeNull();
  expect(mountApp).not.toHaveBeenCalled();
  // the ribbon's actions are handed over as soon as Office is ready, wherever it runs
  expect(office.associate).toHaveBeenCalledWith("recalculate", expect.any(Function));
});

test("office.js missing: the outside-Office page at once", async () => {
  const root = loadEntry();
  await flush();
  expect(root.dataset.screen).toBe("outside");
  expect(mountApp).not.toHaveBeenCalled();
});

test("in Excel: the React app is mounted into #root with what Office said", async () => {
  const office = fakeOffice();
  const root = loadEntry();
  office.fire("Excel");
  await flush();
  expect(mountApp).toHaveBeenCalledTimes(1);
  expect(mountApp).toHaveBeenCalledWith(
    root,
    { kind: "ready", host: "Excel", displayLanguage: "vi-VN" },
    expect.any(Function), // what to do if the panel cannot start (tests/taskpane/startLive.test.tsx)
  );
  expect(root.dataset.screen).toBe("loading"); // until React's first commit replaces it
});

test("office.js ready after the timeout: the outside page, then the panel", async () => {
  jest.useFakeTimers();
  const office = fakeOffice();
  const root = loadEntry();
  await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS + 10);
  expect(root.dataset.screen).toBe("outside");
  expect(mountApp).not.toHaveBeenCalled();
  office.fire("Excel");
  await jest.advanceTimersByTimeAsync(10);
  expect(mountApp).toHaveBeenCalledTimes(1);
});

test("the outside page escapes nothing it should not: its markup is the texts, once each", () => {
  const html = outsideOfficeHtml();
  expect(html.match(/<h2 /g)).toHaveLength(2);
  expect(html).not.toMatch(/undefined|null/);
});
