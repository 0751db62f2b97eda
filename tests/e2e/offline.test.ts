/**
 * dist/par-index-offline.html — the playground as ONE file for users whose Excel cannot run the add-in
 * (Office 2016/2019; README "Support matrix"): copied ALONE into an empty folder (as on a shared drive or a
 * USB stick) and opened from file:// with no server and no network. It must show the sample, recalculate it,
 * open a user's .xlsx and download the result.
 */
import { shownFills } from "../../src/core/conditional";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { sampleSheet } from "../../src/core/sample";
import { loadWorkbook, readSheet } from "../../src/hosts/xlsx";
import type { Browser } from "./support/browser";
import { background, cell, command, ready, rowOf } from "./support/pages";
import { DIST } from "./support/server";
import { browserSuite, pageAt } from "./support/suite";

const PAGE = "par-index-offline.html";
const PINK = "rgb(255, 199, 206)";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let folder: string;
let browser: Browser;
let page: Page;

browserSuite(
  {
    server: "none",
    prepare: async (b) => {
      folder = mkdtempSync(join(tmpdir(), "par-offline-"));
      copyFileSync(join(DIST, PAGE), join(folder, PAGE)); // nothing else: no assets/, no .js files
      // the shared launcher lets only localhost through; this page is a file: let file:// URLs load
      // (routes registered last are asked first), still recording them
      await b.context.route(/^file:/, (route) => {
        b.requests.push({ url: route.request().url(), via: "network" });
        return route.continue();
      });
    },
    open: pageAt(() => pathToFileURL(join(folder, PAGE)).href),
  },
  (o) => ({ browser, page } = o),
);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("par-index-offline.html from file://, alone in a folder", () => {
  test("one file: no <script src>, no stylesheet link, the icon inline", () => {
    const html = readFileSync(join(DIST, PAGE), "utf8");
    // booleans, not toMatch: a failure must not print 1.5 MB of page
    expect(/<script\b[^>]*\bsrc=/i.test(html)).toBe(false);
    expect(/<link\b[^>]*rel="?stylesheet/i.test(html)).toBe(false);
    expect(/<link\b[^>]*rel="?icon"?[^>]*href="?data:image\/png;base64,/i.test(html)).toBe(true);
    expect(/sourceMappingURL=/.test(html)).toBe(false);
    expect(/<script>[\s\S]{100000,}<\/script>/.test(html)).toBe(true); // the bundle, inline
  });

  test("the sample: Recalculate highlights the unmet criteria; nothing is fetched, nothing fails", async () => {
    await command(page, "Tính lại", /^Đã tính lại 27 dòng: 84,87 \/ 99,50 điểm, 19 tiêu chí chưa đạt\.$/);
    expect(await background(cell(page, await rowOf(page, "1.6.2"), "B"))).toBe(PINK);
    const fetched = browser.requests.filter(
      (r) => !r.url.startsWith("file:") && !/^(data|blob):/.test(r.url),
    );
    expect(fetched).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  test("a user's .xlsx: opened, recalculated, downloaded with the result", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Kết quả 2023");
    sampleSheet().values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByTestId("file-input").setInputFiles({ name: "bac-son.xlsx", mimeType: XLSX, buffer });
    await page.getByTestId("file-name").getByText("Tệp: bac-son.xlsx").waitFor();
    await ready(page);
    await command(page, "Tính lại", /^Đã tính lại 27 dòng/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải xuống .xlsx" }).click(),
    ]);
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    const saved = readSheet((await loadWorkbook(readFileSync(file))).getWorksheet("Kết quả 2023")!);
    const r42 = saved.values.findIndex((r) => r[0] === "4.2");
    expect(saved.formulas?.[r42][4]).toMatch(/^=IF\(/);
    // The highlight is live (a conditional format, issue 13 item 7): the saved file shows 4.2 coloured.
    expect(saved.fills?.[r42][0] ?? null).toBeNull();
    expect(shownFills(saved)[r42][0]).toBe("#FFEB9C");
    expect(browser.pageErrors).toEqual([]);
  });
});
