/**
 * Issue 11 items 3 and 4 through the real task pane (dist/taskpane.html, Chromium) on the Office stand-in
 * holding a corpus table (tests/corpus, built with ExcelJS and read into a snapshot by the xlsx host in this
 * process): «Tự đánh giá và thẩm định» (the two totals and their difference with a decimal comma, the cut
 * criteria largest first, a click on one selects its row in Excel) and the bonus/penalty block after the
 * total (the final score in a box of its own, the table's total still the score). The pane is opened at
 * 350×480, as Excel shows a task pane: the score strip stays above the fold with the new sections under it;
 * axe finds nothing once they are drawn.
 */
import type { Page } from "playwright-core";
import { axeViolations as axe } from "./support/axe";
import type { Browser } from "./support/browser";
import { excelWorkbook } from "./support/officePage";
import { browserSuite, paneInExcel, type Opener } from "./support/suite";
import { CORPUS, fixtureBytes } from "../corpus";
import { loadWorkbook, readSnapshot } from "../../src/hosts/xlsx";
import type { Rect, WorkbookSnapshot } from "../../src/core/types";

const WIDTH = 350;
const HEIGHT = 480;

let browser: Browser;

/** One browser for the file; each corpus table's block opens its own pane. */
const suite = browserSuite({}, (o) => ({ browser } = o));

/** A corpus table as Excel would hold it: the fixture's .xlsx bytes read by the xlsx host. */
async function corpusWorkbook(id: string): Promise<WorkbookSnapshot> {
  const fixture = CORPUS.find((f) => f.id === id);
  if (!fixture) throw new Error(`no corpus fixture ${id}`);
  return readSnapshot(await loadWorkbook(await fixtureBytes(fixture)));
}

/**
 * The task pane at Excel's narrow size on the stand-in holding the corpus table `id` (handed to `held`),
 * once it has read the table and shows `score`.
 */
const paneOn =
  (id: string, score: string, held: (workbook: WorkbookSnapshot) => void = () => {}): Opener =>
  async (b, server) => {
    const workbook = await corpusWorkbook(id);
    held(workbook);
    return paneInExcel({ workbook }, { score, size: { width: WIDTH, height: HEIGHT } })(b, server);
  };

/** A section's figures as the user reads them: label → value, from its <dt>/<dd> pairs. */
function figures(page: Page, testId: string): Promise<Record<string, string>> {
  return page
    .getByTestId(testId)
    .evaluate((s) =>
      Object.fromEntries(
        [...s.querySelectorAll("dt")].map((dt) => [
          dt.textContent ?? "",
          dt.nextElementSibling?.textContent ?? "",
        ]),
      ),
    );
}

/** What is selected in the stand-in's Excel now (null: nothing the pane selected). */
function excelSelection(page: Page): Promise<{ sheet: string; rect: Rect } | string | null> {
  return page.evaluate(
    () =>
      (window as unknown as { __parFake: { selection: { sheet: string; rect: Rect } | string | null } })
        .__parFake.selection,
  );
}

/** The element lies wholly inside the 350×480 viewport, the page not scrolled. */
async function aboveTheFold(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) return false;
  return box.y >= 0 && box.y + box.height <= HEIGHT && box.x >= 0 && box.x + box.width <= WIDTH;
}

describe("self-assessed and appraised (self-and-appraised), in Excel", () => {
  let workbook: WorkbookSnapshot;
  let page: Page;

  // the appraised column counts: 86,25 (self-assessed 87,25)
  suite.pages(
    { open: paneOn("self-and-appraised", "86,25 / 100,00", (w) => (workbook = w)) },
    (o) => ({ page } = o),
  );

  beforeAll(async () => {
    await page.getByTestId("appraisal").waitFor({ timeout: 30_000 });
  });

  test("at 350×480 the score strip stays above the fold, the appraisal below it", async () => {
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const s of ["[data-testid=score-strip]", "[data-figure=score]", "[data-figure=unmet]"])
      expect([s, await aboveTheFold(page, s)]).toEqual([s, true]);
    const strip = (await page.getByTestId("score-strip").boundingBox())!;
    const appraisal = (await page.getByTestId("appraisal").boundingBox())!;
    expect(appraisal.y).toBeGreaterThanOrEqual(strip.y + strip.height);
  });

  test("the two totals and their difference, with a decimal comma", async () => {
    const section = page.getByTestId("appraisal");
    expect(await section.getByRole("heading", { level: 3 }).innerText()).toBe("Tự đánh giá và thẩm định");
    expect(await figures(page, "appraisal")).toEqual({
      "Tự đánh giá": "87,25",
      "Thẩm định": "86,25",
      "Chênh lệch": "1,00",
    });
    // the table has no bonus/penalty block: the sums carry no such note, and no block is shown
    expect(await section.innerText()).not.toContain("chưa tính điểm thưởng");
    expect(await page.getByTestId("adjustments").count()).toBe(0);
    expect(await page.getByTestId("not-appraised").count()).toBe(0);
  });

  test("«Bị trừ khi thẩm định»: open, the cut criteria largest first, each with its figures", async () => {
    const fold = page.getByTestId("appraisal-cuts");
    expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await fold.locator("summary").innerText()).toBe("Bị trừ khi thẩm định (2)");
    const items = fold.getByRole("button");
    // 3.2 and 7.1 only (both cut 0,50: sheet order); domains 3 and 7 were cut through them, not listed again
    expect(await items.evaluateAll((bs) => bs.map((b) => b.textContent))).toEqual([
      "3.2Kết quả giải quyết thủ tục hành chínhTự đánh giá 8,50 → thẩm định 8,00: bị trừ 0,50",
      "7.1Cung cấp dịch vụ công trực tuyếnTự đánh giá 7,50 → thẩm định 7,00: bị trừ 0,50",
    ]);
    // the rows they name are the sheet's rows of those codes
    const rows = await items.evaluateAll((bs) => bs.map((b) => Number(b.getAttribute("data-row"))));
    expect(rows.map((r) => workbook.active.values[r][0])).toEqual(["3.2", "7.1"]);
    // the cut figure is drawn whole on one line at 350 px
    const cuts = await fold.getByText(/^bị trừ \d+,\d\d$/).all();
    expect(cuts.length).toBe(2);
    for (const cut of cuts) {
      const lines = await cut.evaluate((e) => e.getClientRects().length);
      expect(lines).toBe(1);
      expect(await cut.isVisible()).toBe(true);
    }
  });

  test("a click on a cut criterion selects its row in Excel", async () => {
    const items = page.getByTestId("appraisal-cuts").getByRole("button");
    const sheet = workbook.active.name;
    for (const [i, code] of [
      [1, "7.1"],
      [0, "3.2"],
    ] as const) {
      const row = Number(await items.nth(i).getAttribute("data-row"));
      await items.nth(i).click();
      await page.waitForFunction(
        (r) => {
          const sel = (window as unknown as { __parFake: { selection: { rect?: Rect } | null } }).__parFake
            .selection;
          return !!sel && typeof sel === "object" && sel.rect?.top === r;
        },
        row,
        { timeout: 30_000 },
      );
      const sel = await excelSelection(page);
      expect(sel).toMatchObject({ sheet, rect: { top: row, left: 0, rows: 1 } });
      // the selected row is the criterion's row in what Excel holds: nothing was written to find it
      const held = (await excelWorkbook(page)).active;
      expect(held.name).toBe(sheet);
      expect(held.values[row][0]).toBe(code);
    }
    expect(browser.pageErrors).toEqual([]);
  });

  test("axe: no violations with the appraisal drawn", async () => {
    expect(await axe(page)).toEqual([]);
  });
});

describe("bonus and penalty below the total (bonus-penalty-below-total), in Excel", () => {
  let page: Page;

  // the table's total stays the score: 87,25; the block after it gives the final score apart
  suite.pages({ open: paneOn("bonus-penalty-below-total", "87,25 / 100,00") }, (o) => ({ page } = o));

  beforeAll(async () => {
    await page.getByTestId("adjustments").waitFor({ timeout: 30_000 });
  });

  test("at 350×480 the score strip stays above the fold, the block below it", async () => {
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const s of ["[data-testid=score-strip]", "[data-figure=score]", "[data-figure=unmet]"])
      expect([s, await aboveTheFold(page, s)]).toEqual([s, true]);
    const strip = (await page.getByTestId("score-strip").boundingBox())!;
    const block = (await page.getByTestId("adjustments").boundingBox())!;
    expect(block.y).toBeGreaterThanOrEqual(strip.y + strip.height);
  });

  test("the final score is a figure of its own, after the total; never told as a difference", async () => {
    const block = page.getByTestId("adjustments");
    expect(await block.getAttribute("data-placement")).toBe("after");
    expect(await block.getByRole("heading", { level: 3 }).innerText()).toBe("Điểm thưởng, điểm trừ");
    // the penalty typed −1,50 is shown by its size
    expect(await figures(page, "adjustments")).toEqual({
      "Điểm thưởng": "1,00",
      "Điểm trừ": "1,50",
      "Điểm cuối cùng": "86,75",
    });
    // the score strip keeps the table's total; the final score sits in its own box in the block
    expect(await page.locator("[data-figure=score] dd").innerText()).toBe("87,25 / 100,00");
    const final = block.locator("[data-figure=final]");
    expect(await final.count()).toBe(1);
    expect(await final.locator("dd").innerText()).toBe("86,75");
    expect(await final.isVisible()).toBe(true);
    expect(await block.innerText()).toContain(
      "Cộng, trừ sau tổng điểm: điểm cuối cùng 86,75 = 87,25 (tổng điểm) + 1,00 − 1,50.",
    );
    // no appraisal columns: no appraisal section, and no stated-total warning for the final score
    expect(await page.getByTestId("appraisal").count()).toBe(0);
    expect(await page.getByText(/khác số tính lại/).count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });

  test("axe: no violations with the block drawn", async () => {
    expect(await axe(page)).toEqual([]);
  });
});
