/**
 * Issue 12 in the playground (production build, Chromium): with last year's sheet chosen in So sánh, the
 * downloaded .docx has §II's «So với năm …» comparison, the same as the task pane's. Both ways the
 * playground runs documents: in a Web Worker (served) and on the page's thread (`?inline`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { LAST_YEAR_SHEET, THIS_YEAR_SHEET, docxText, twoYearsXlsx } from "../playground/twoYears";
import type { Browser } from "./support/browser";
import { inWorker, ready } from "./support/pages";
import { browserSuite, playgroundAt } from "./support/suite";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The downloads folder of the file's one browser (both blocks open their page on it). */
let downloads: string;
const suite = browserSuite({ downloads: "par-e2e-docx-prev-" }, (o) => ({ downloads } = o));

/** Presses "Soạn kế hoạch (.docx)" and returns the downloaded document's text. */
async function draftPlan(page: Page, name: string): Promise<string> {
  const button = page.getByRole("button", { name: "Soạn kế hoạch (.docx)", exact: true });
  if ((await button.count()) === 0) await page.getByRole("tab", { name: "Thao tác", exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const file = join(downloads, `${name}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  await page
    .getByRole("status")
    .getByText(/^Đã soạn «/)
    .waitFor({ timeout: 30_000 });
  return docxText(readFileSync(file));
}

describe.each([
  ["in a worker", "/playground.html", true],
  ["on the page (?inline)", "/playground.html?inline", false],
])("the playground's .docx with last year's sheet, %s", (_label, path, worker) => {
  let browser: Browser;
  let page: Page;

  suite.pages({ open: playgroundAt(path) }, (o) => ({ browser, page } = o));

  beforeAll(async () => {
    expect(await inWorker(page)).toBe(worker);
    await page.getByTestId("file-input").setInputFiles({
      name: "bac-son-2022-2023.xlsx",
      mimeType: XLSX,
      buffer: Buffer.from(await twoYearsXlsx()),
    });
    await page.getByTestId("file-name").getByText("Tệp: bac-son-2022-2023.xlsx").waitFor();
    await ready(page);
  });

  test("without a previous sheet chosen: no comparison in the document", async () => {
    const text = await draftPlan(page, `${worker}-none`);
    expect(text).toContain("84,87");
    expect(text).not.toContain("So với năm");
  });

  test("last year's sheet chosen in So sánh: the .docx has «So với năm 2022» with the lists", async () => {
    await page.getByRole("tab", { name: "So sánh", exact: true }).click();
    const select = page.getByLabel("Trang năm trước");
    await select.waitFor({ timeout: 30_000 });
    await select.selectOption(LAST_YEAR_SHEET);
    // the panel compares the same two sheets the document will
    await page.getByRole("button", { name: "So sánh", exact: true }).click();
    await page.getByText(new RegExp(LAST_YEAR_SHEET)).first().waitFor({ timeout: 30_000 });

    const text = await draftPlan(page, `${worker}-prev`);
    expect(text).toContain("So với năm 2022, tổng điểm giảm 0,25 điểm (từ 85,12 xuống 84,87 điểm).");
    expect(text).toMatch(/Các tiêu chí tăng điểm:[^.]*3\.5\.3/);
    expect(text).toMatch(/Các tiêu chí giảm điểm:[^.]*1\.6\.2/);
    // the table the panel works on is still this year's
    expect(await page.getByTestId("sheet-tabs").getByRole("tab", { selected: true }).innerText()).toBe(
      THIS_YEAR_SHEET,
    );
    expect(browser.pageErrors).toEqual([]);
  });
});
