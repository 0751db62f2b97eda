/** What the browser tests read off the playground page: grid cells, panel figures, result lines. */
import type { Locator, Page } from "playwright-core";

export const GRID = "table[data-testid=grid]";

/** Waits until the panel has read the table (its score is shown). */
export async function ready(page: Page, score = "84,87 / 99,50"): Promise<void> {
  await page.locator("dd", { hasText: score }).first().waitFor({ timeout: 30_000 });
}

/** The value under a summary label of the panel (<dt>label</dt><dd>value</dd>). */
export async function figure(page: Page, label: string): Promise<string> {
  return page
    .locator("dt", { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`) })
    .locator("xpath=following-sibling::dd[1]")
    .innerText();
}

/**
 * Presses a panel button (opening the "Thao tác" tab when the button is there), confirms the say-before
 * question when the panel asks it, and waits for the result line.
 */
export async function command(page: Page, button: string, result: RegExp): Promise<void> {
  const target = page.getByRole("button", { name: button, exact: true });
  if ((await target.count()) === 0) await page.getByRole("tab", { name: /^(Thao tác|Actions)$/ }).click();
  await target.click();
  const status = page.getByRole("status").getByText(result);
  const dialog = page.getByRole("alertdialog");
  await Promise.race([
    status.waitFor({ timeout: 30_000 }),
    dialog.waitFor({ timeout: 30_000 }).catch(() => undefined),
  ]);
  if (await dialog.isVisible()) await dialog.getByRole("button", { name: /^(Đồng ý|Confirm)$/ }).click();
  await status.waitFor({ timeout: 30_000 });
}

/** A grid cell by Excel address parts: row number (1-based) and column letter. */
export function cell(page: Page, row: number, col: string): Locator {
  return page.locator(`${GRID} tbody tr[data-row="${row}"] td[data-col="${col}"]`);
}

/** Every drawn cell's text, row by row (trailing empty cells and rows dropped). */
export async function gridCells(page: Page): Promise<string[][]> {
  // The view of the document as it is now (not one still on its way from the worker).
  await page.locator(`${GRID}[aria-busy="false"]`).waitFor({ timeout: 30_000 });
  const rows = await page
    .locator(GRID)
    .evaluate((t) =>
      [...t.querySelectorAll("tbody tr")].map((tr) =>
        [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
      ),
    );
  return trimGrid(rows);
}

export function trimGrid(rows: string[][]): string[][] {
  const out = rows.map((r) => {
    const line = [...r];
    while (line.length && line[line.length - 1] === "") line.pop();
    return line;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** The 1-based sheet row whose column A reads `code` (a criterion code such as "4.2"). */
export async function rowOf(page: Page, code: string): Promise<number> {
  const rows = await page
    .locator(`${GRID} tbody tr`)
    .evaluateAll(
      (trs, c) =>
        trs
          .filter((tr) => tr.querySelector('td[data-col="A"]')?.textContent === c)
          .map((tr) => Number(tr.getAttribute("data-row"))),
      code,
    );
  if (rows.length !== 1) throw new Error(`expected one row with code ${code}, found ${rows.length}`);
  return rows[0];
}

/** The column letter whose header (in `headerRow`) reads `text`. */
export async function columnOf(page: Page, headerRow: number, text: string): Promise<string> {
  const cols = await page
    .locator(`${GRID} tbody tr[data-row="${headerRow}"] td`)
    .evaluateAll(
      (tds, t) => tds.filter((td) => td.textContent === t).map((td) => td.getAttribute("data-col")),
      text,
    );
  if (cols.length !== 1 || !cols[0])
    throw new Error(`expected one column headed ${text}, found ${cols.length}`);
  return cols[0];
}

export async function background(locator: Locator): Promise<string> {
  return locator.evaluate((el) => getComputedStyle(el).backgroundColor);
}

export function sheetTab(page: Page, name: string): Locator {
  return page.getByTestId("sheet-tabs").getByRole("tab", { name, exact: true });
}

/**
 * Clicks a sheet's tab and waits until the grid draws that sheet: the view comes back from the document's
 * worker a moment after the click, so reading the grid at once would still read the sheet before.
 */
export async function showSheet(page: Page, name: string): Promise<void> {
  await sheetTab(page, name).click();
  await page.locator(`${GRID}[data-sheet="${name.replace(/"/g, '\\"')}"]`).waitFor({ timeout: 30_000 });
}

/** The playground's test hook (src/playground/Playground.tsx: `window.__parPlayground`). */
interface PlaygroundHook {
  hold(step: string | null): void;
  release(): void;
  inWorker(): boolean | null;
}
type HookWindow = { __parPlayground: PlaygroundHook };

/** Whether the playground's documents live in a Web Worker (null before the first document). */
export const inWorker = (page: Page) =>
  page.evaluate(() => (window as unknown as HookWindow).__parPlayground.inWorker());

/** Holds the playground's work at `step` (in the worker or on the page) until `release`. */
export const hold = (page: Page, step: string) =>
  page.evaluate((s) => (window as unknown as HookWindow).__parPlayground.hold(s), step);

export const release = (page: Page) =>
  page.evaluate(() => (window as unknown as HookWindow).__parPlayground.release());
