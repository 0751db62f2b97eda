/**
 * The task pane page alone in Chromium (outside Office): it must land on "open this in Excel" within 5 s,
 * with office.js served from the local copy of its CDN folder or failing to load, without an uncaught error
 * and without a request leaving localhost.
 */
import { axeViolations } from "./support/axe";
import { outsideRequests, type Browser } from "./support/browser";
import type { StaticServer } from "./support/server";
import { browserSuite, served } from "./support/suite";

const OUTSIDE_VI = "Hãy mở bảng này trong Excel";
const OUTSIDE_EN = "Open this panel in Excel";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let server: StaticServer;
let browser: Browser;

// the pages are opened by hand: the first test times the opening from the first byte
browserSuite({}, (o) => {
  server = served(o.server);
  browser = o.browser;
});

beforeEach(() => {
  browser.requests.length = 0;
  browser.pageErrors.length = 0;
});

/** Opens taskpane.html and returns how long the outside-Office page took to show, in ms. */
async function openTaskpane(): Promise<number> {
  const page = await browser.newPage({ width: 350, height: 700 });
  const t0 = Date.now();
  await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "commit" });
  await page.getByRole("heading", { name: OUTSIDE_VI }).waitFor({ timeout: 5_000 });
  const elapsed = Date.now() - t0;
  await page.getByRole("heading", { name: OUTSIDE_EN }).waitFor({ timeout: 1_000 });
  expect(await page.getByRole("link", { name: "Open the playground" }).getAttribute("href")).toBe(
    "playground.html",
  );
  await page.close();
  return elapsed;
}

test("office.js served from the local copy: the outside-Office page within 5 s, no uncaught error", async () => {
  const elapsed = await openTaskpane();
  expect(elapsed).toBeLessThan(5_000);
  expect(browser.pageErrors).toEqual([]);
  const office = browser.requests.filter((r) => r.via === "office.js").map((r) => r.url);
  expect(office).toContain(OFFICE_JS);
});

test("the task pane makes no request outside localhost apart from office.js (and its own files)", async () => {
  await openTaskpane();
  expect(outsideRequests(browser.requests)).toEqual([]);
  const local = browser.requests.filter((r) => r.via === "network").map((r) => new URL(r.url).pathname);
  expect(local).toContain("/taskpane.html");
  expect(local.some((p) => /^\/taskpane\.[0-9a-f]+\.js$/.test(p))).toBe(true);
  // outside Excel the Office host (its lazy chunk) is never fetched
  expect(local.some((p) => p.startsWith("/office-host."))).toBe(false);
});

test("office.js cannot load (blocked CDN): the outside-Office page still appears within 5 s", async () => {
  browser.blockOffice(true);
  try {
    const elapsed = await openTaskpane();
    expect(elapsed).toBeLessThan(5_000);
  } finally {
    browser.blockOffice(false);
  }
  expect(browser.requests.filter((r) => r.via === "blocked").map((r) => r.url)).toEqual([OFFICE_JS]);
  expect(browser.pageErrors).toEqual([]);
  expect(outsideRequests(browser.requests)).toEqual([]);
});

test("the outside-Office page, painted before React loads, passes axe and loads no React chunk", async () => {
  const page = await browser.newPage({ width: 350, height: 700 });
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByRole("heading", { name: OUTSIDE_VI }).waitFor({ timeout: 5_000 });
  expect(await axeViolations(page, { fluent: false })).toEqual([]);
  // Fluent's look, without Fluent: Segoe UI stack, Subtitle1 heading
  const h1 = await page.getByRole("heading", { level: 1 }).evaluate((e) => {
    const cs = getComputedStyle(e);
    return { size: cs.fontSize, weight: cs.fontWeight, family: cs.fontFamily };
  });
  expect(h1).toEqual({ size: "20px", weight: "600", family: expect.stringMatching(/^"?Segoe UI/) });
  // the panel's chunk may be prefetched, never run: no Fluent style sheet is injected outside Excel
  expect(await page.evaluate(() => document.querySelectorAll("style[data-make-styles-bucket]").length)).toBe(
    0,
  );
  await page.close();
});
