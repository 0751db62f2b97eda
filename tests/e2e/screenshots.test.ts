/**
 * The README's screenshots, taken from the production build: the panel at task-pane width after
 * Recalculate, and the playground after Recalculate + assign. Written to test-results/screenshots always,
 * and to docs/screenshots when UPDATE_SCREENSHOTS=1 (`npm run test:e2e -- --update`).
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { Browser } from "./support/browser";
import { cell, command, rowOf } from "./support/pages";
import type { StaticServer } from "./support/server";
import { browserSuite, playgroundAt } from "./support/suite";

const ROOT = join(__dirname, "../..");
const OUT = join(ROOT, "test-results", "screenshots");
const DOCS = join(ROOT, "docs", "screenshots");
const UPDATE = process.env.UPDATE_SCREENSHOTS === "1";

/** The task pane's usual width in Excel. */
const PANE_WIDTH = 350;

let server: StaticServer | null;
let browser: Browser;

browserSuite({}, (o) => ({ server, browser } = o));

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  if (UPDATE) mkdirSync(DOCS, { recursive: true });
});

async function save(page: Page, name: string, opts: Parameters<Page["screenshot"]>[0] = {}) {
  const file = join(OUT, name);
  await page.screenshot({ ...opts, path: file, animations: "disabled", caret: "hide" });
  if (UPDATE) copyFileSync(file, join(DOCS, name));
}

test("panel-vi.png: the panel at task-pane width after Tính lại", async () => {
  // the sample opens in its worker: the page's height (and scrollbar) once it is there
  const page = await playgroundAt("/playground.html", { size: { width: PANE_WIDTH, height: 1400 } })(
    browser,
    server,
  );
  // narrow windows stack the playground: the panel spans the page width (minus the page's scrollbar)
  const panel = page.getByTestId("panel");
  const width = (await panel.boundingBox())!.width;
  await page.setViewportSize({ width: PANE_WIDTH + (PANE_WIDTH - Math.round(width)), height: 1400 });
  await command(page, "Tính lại", /^Đã tính lại 27 dòng/);
  const box = (await panel.boundingBox())!;
  expect(Math.round(box.width)).toBe(PANE_WIDTH);
  await page.mouse.move(0, 0);
  await save(page, "panel-vi.png", { clip: { x: box.x, y: box.y, width: box.width, height: 1160 } });
  await page.close();
});

test("playground.png: the playground after Tính lại and assign", async () => {
  const page = await playgroundAt("/", { size: { width: 1600, height: 960 } })(browser, server);
  await command(page, "Tính lại", /^Đã tính lại 27 dòng/);
  await command(page, "Điền cơ quan và giải pháp", /^Đã điền 19 dòng/);
  // the gap formula of criterion 1.6.2 in the formula bar; the grid scrolled to the inserted columns
  const row = await rowOf(page, "1.6.2");
  await cell(page, row, "E").click();
  await page.getByTestId("grid-scroller").evaluate((el) => {
    const e = el.querySelector('tbody tr td[data-col="E"]') as HTMLElement;
    el.scrollLeft = e.offsetLeft - 44;
  });
  await page.mouse.move(0, 0);
  await save(page, "playground.png");
  await page.close();
});
