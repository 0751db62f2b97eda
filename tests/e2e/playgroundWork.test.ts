/**
 * Issue 13 items 4 and 9: the playground's long work (opening a file, a command) runs off the page's thread
 * in a Web Worker, with a progress line that paints and a page that keeps answering; the offline single
 * file (no worker from file://) runs the same work on the page with the same progress. Deterministic: the
 * page's test hook holds the work at a step (in the worker or on the page) until released, no timing.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { sampleSheet } from "../../src/core/sample";
import type { Browser } from "./support/browser";
import { DIST } from "./support/server";
import { cell, command, hold, inWorker, ready, release } from "./support/pages";
import { browserSuite, pageAt, playgroundAt } from "./support/suite";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The seed's table as a user's .xlsx. */
async function userFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kết quả 2023");
  sampleSheet().values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const progress = (page: Page) => page.getByTestId("work-progress");

/**
 * Opens a file with the work held at "choose" (after the parse): the progress line shows the step and a
 * bar; a click on the grid is handled meanwhile; released, the file opens and the progress goes.
 */
async function openHeld(page: Page, name: string): Promise<void> {
  await hold(page, "choose");
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: XLSX, buffer: await userFile() });
  await progress(page).getByText("Đang tìm bảng tiêu chí…").waitFor();
  expect(await progress(page).getByRole("progressbar", { name: "Tiến độ" }).count()).toBe(1);
  // the page answers while the work is under way: a click on a cell moves the grid's selection
  await cell(page, 7, "C").click();
  await page.getByTestId("name-box").getByText("C7").waitFor({ timeout: 5_000 });
  expect(await progress(page).getAttribute("data-step")).toBe("choose");
  await release(page);
  await page.getByTestId("file-name").getByText(`Tệp: ${name}`).waitFor();
  await progress(page).waitFor({ state: "detached" });
  await ready(page);
}

describe("served: the work runs in a worker", () => {
  let browser: Browser;
  let page: Page;

  browserSuite({ open: playgroundAt("/playground.html") }, (o) => ({ browser, page } = o));

  test("the sample's document lives in a worker", async () => {
    expect(await inWorker(page)).toBe(true);
  });

  test("opening a file shows its steps; the page answers meanwhile", async () => {
    await openHeld(page, "bac-son.xlsx");
    expect(browser.pageErrors).toEqual([]);
  });

  test("Cancel while opening: the file is dropped, the open one stays", async () => {
    await hold(page, "open");
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "other.xlsx", mimeType: XLSX, buffer: await userFile() });
    await progress(page).getByText("Đang mở sổ làm việc…").waitFor();
    await progress(page).getByRole("button", { name: "Hủy mở tệp" }).click();
    await progress(page).waitFor({ state: "detached" });
    await release(page);
    expect(await page.getByTestId("file-name").innerText()).toBe("Tệp: bac-son.xlsx");
    await ready(page);
  });

  test("a command shows Đang ghi… while the worker writes, then its result", async () => {
    await hold(page, "write");
    const done = command(page, "Tính lại", /^Đã tính lại 27 dòng/);
    await progress(page).getByText("Đang ghi…").waitFor({ timeout: 30_000 });
    await cell(page, 9, "B").click();
    await page.getByTestId("name-box").getByText("B9").waitFor({ timeout: 5_000 });
    await release(page);
    await done;
    await progress(page).waitFor({ state: "detached" });
    expect(browser.pageErrors).toEqual([]);
  });
});

describe("offline single file from file://: the same work on the page, the same progress", () => {
  let folder: string;
  let browser: Browser;
  let page: Page;

  browserSuite(
    {
      server: "none",
      open: pageAt(() => pathToFileURL(join(folder, "par-index-offline.html")).href),
      prepare: async (b) => {
        folder = mkdtempSync(join(tmpdir(), "par-offline-work-"));
        copyFileSync(join(DIST, "par-index-offline.html"), join(folder, "par-index-offline.html"));
        await b.context.route(/^file:/, (route) => route.continue());
      },
    },
    (o) => ({ browser, page } = o),
  );

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test("no worker: the page runs the document", async () => {
    expect(await inWorker(page)).toBe(false);
  });

  test("opening a file shows its steps; the page answers between them", async () => {
    await openHeld(page, "bac-son.xlsx");
    expect(browser.pageErrors).toEqual([]);
  });
});
