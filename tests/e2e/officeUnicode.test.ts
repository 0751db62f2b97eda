/**
 * Issue 11 item 6 through the real task pane (dist/taskpane.html, Chromium) on the Office stand-in holding a
 * second workbook: the seed's table typed in TCVN3 (.VnTime/.VnTimeH) or VNI (VNI-Times). The pane reads it
 * right and shows the legacy notice with «Chuyển sang Unicode»; the user is asked first; after «Đồng ý» the
 * cells in Excel are Unicode in a Unicode font (one request: one step of Excel's undo); «Hoàn tác» puts the
 * legacy text and fonts back.
 */
import type { Page } from "playwright-core";
import type { Browser } from "./support/browser";
import { excelCounters, excelWorkbook } from "./support/officePage";
import { legacyWorkbook, type LegacyEncoding } from "./support/legacyWorkbook";
import { command, ready } from "./support/pages";
import { browserSuite, paneInExcel } from "./support/suite";

const LEGACY_FONT = /^(\.Vn|VNI-)/;

let browser: Browser;

/** One browser for the file; each encoding's block opens its own pane. */
const suite = browserSuite({}, (o) => ({ browser } = o));

/** The text cells of Excel's active sheet (null elsewhere), and the fonts of its non-empty cells. */
async function textCells(page: Page) {
  const ws = (await excelWorkbook(page)).active;
  return {
    values: ws.values.map((row) => row.map((v) => (typeof v === "string" ? v : null))),
    fonts: (ws.fontNames ?? []).flat().filter((f): f is string => !!f),
  };
}

describe.each<[LegacyEncoding, RegExp]>([
  ["TCVN3", /^Trang tính gõ bằng bảng mã cũ \(TCVN3 \(ABC\)\)$/],
  ["VNI", /^Trang tính gõ bằng bảng mã cũ \(VNI\)$/],
])("a table typed in %s, in Excel", (encoding, heading) => {
  const { workbook, unicode } = legacyWorkbook(encoding);
  const legacyText = workbook.active.values.map((row) => row.map((v) => (typeof v === "string" ? v : null)));
  let page: Page;

  // the criteria table is found and read through the legacy encoding: the seed's score
  suite.pages({ open: paneInExcel({ workbook }) }, (o) => ({ page } = o));

  test("the pane shows the legacy notice with its button", async () => {
    const notice = page.getByTestId("legacy-encoding");
    await notice.getByText(heading).waitFor({ timeout: 30_000 });
    expect(await notice.getByRole("button", { name: "Chuyển sang Unicode", exact: true }).count()).toBe(1);
    // the stand-in really holds legacy text in legacy fonts
    const before = await textCells(page);
    expect(before.values).toEqual(legacyText);
    expect(before.values).not.toEqual(unicode);
    expect(before.fonts.length).toBeGreaterThan(0);
    expect(before.fonts.every((f) => LEGACY_FONT.test(f))).toBe(true);
  });

  test("asked first, then converted in one request: Unicode text in a Unicode font", async () => {
    const notice = page.getByTestId("legacy-encoding");
    await notice.getByRole("button", { name: "Chuyển sang Unicode", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog
      .getByText(/^Chuyển \d+ ô sang Unicode và đổi phông chữ của chúng\.$/)
      .waitFor({ timeout: 30_000 });
    // say before: nothing is written while the question is open
    const counted = await excelCounters(page);
    expect((await textCells(page)).values).toEqual(legacyText);
    await dialog.getByRole("button", { name: "Đồng ý", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/^Đã chuyển \d+ ô sang Unicode/)
      .waitFor({ timeout: 30_000 });

    const after = await textCells(page);
    expect(after.values).toEqual(unicode);
    expect(after.values.flat()).toContain("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC");
    expect(after.fonts.filter((f) => LEGACY_FONT.test(f))).toEqual([]);
    expect(new Set(after.fonts)).toEqual(new Set(["Times New Roman"]));
    const now = await excelCounters(page);
    expect(now.writeRequests.length - counted.writeRequests.length).toBe(1);
    // the sheet is Unicode now: the notice goes, the score stays
    await page.getByTestId("legacy-encoding").waitFor({ state: "detached", timeout: 30_000 });
    await ready(page);
  });

  test("Hoàn tác restores the legacy text and fonts, and the notice comes back", async () => {
    await command(page, "Hoàn tác", /^Đã hoàn tác/);
    const restored = await textCells(page);
    expect(restored.values).toEqual(legacyText);
    expect(restored.fonts).toEqual((workbook.active.fontNames ?? []).flat().filter((f): f is string => !!f));
    await page.getByTestId("legacy-encoding").getByText(heading).waitFor({ timeout: 30_000 });
    expect(browser.pageErrors).toEqual([]);
  });
});
