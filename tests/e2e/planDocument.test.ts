/**
 * The plan document from the panel in the playground (production build, Chromium): "Soạn kế hoạch (.docx)"
 * downloads a .docx, which is read back here and checked (issue 12's proof: the download works in the browser).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./support/browser";
import { serveDist, type StaticServer } from "./support/server";
import { ready } from "./support/pages";

let server: StaticServer;
let browser: Browser;
let page: Page;
let downloads: string;

beforeAll(async () => {
  server = await serveDist();
  browser = await launch();
  page = await browser.newPage();
  downloads = mkdtempSync(join(tmpdir(), "par-e2e-docx-"));
  await page.goto(`${server.origin}/`);
  await ready(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

test("Soạn kế hoạch (.docx): the download is a Word document with the title, §II's figures and A4", async () => {
  const button = page.getByRole("button", { name: "Soạn kế hoạch (.docx)", exact: true });
  if ((await button.count()) === 0) await page.getByRole("tab", { name: "Thao tác", exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^Ke-hoach-khac-phuc-.*\.docx$/);
  const file = join(downloads, download.suggestedFilename());
  await download.saveAs(file);

  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  // the text of the runs, joined, so that a phrase split across runs is still found
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  expect(text).toContain("KẾ HOẠCH");
  expect(text).toContain("84,87");
  expect(text).toContain("99,50");
  expect(xml).toMatch(/<w:pgSz\b[^>]*\bw:w="11906"/);
  expect(xml).toMatch(/<w:pgSz\b[^>]*\bw:h="16838"/);

  // the panel says where the file went
  await page
    .getByRole("status")
    .getByText(new RegExp(`^Đã soạn «${download.suggestedFilename().replace(/\./g, "\\.")}»`))
    .waitFor({ timeout: 30_000 });
});
