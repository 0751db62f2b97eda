/**
 * The plan document from the panel in the playground (production build, Chromium): "Soạn kế hoạch (.docx)"
 * downloads a .docx, which is read back here and checked (issue 12's proof: the download works in the browser).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { browserSuite, playgroundAt } from "./support/suite";

let page: Page;
let downloads: string;

browserSuite({ open: playgroundAt("/"), downloads: "par-e2e-docx-" }, (o) => ({ page, downloads } = o));

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
