/**
 * Issue 13 item 4 («Progress» in Excel): the PRODUCTION task pane (dist/taskpane.html) over the strict Excel
 * double shows the session's steps in its spinner while a command runs, each painted in turn, and
 * «Đang ghi…» for as long as Excel takes to write. Deterministic, not timed: a hook in the page holds the
 * first request that carries writes until the test releases it.
 */
import type { Page } from "playwright-core";
import { excelCounters } from "./support/officePage";
import { browserSuite, paneInExcel } from "./support/suite";

let page: Page;

browserSuite({ open: paneInExcel(), per: "test" }, (o) => ({ page } = o));

/** The page's test hook: wraps Excel.run so the first sync that carries writes waits for a release. */
interface HoldHook {
  __parHoldWrites: boolean;
  __parWriteHeld: boolean;
  __parReleaseWrite?: () => void;
  __parSteps: string[];
}

/**
 * Holds the next write request in the page (Excel.run's context.sync with write statements queued), and
 * records every label the panel's progress spinner shows, in order.
 */
async function holdNextWrite(p: Page): Promise<void> {
  await p.evaluate(() => {
    type Ctx = { sync(): Promise<void>; queue: { kind: string }[] };
    type Batch = (ctx: Ctx) => Promise<unknown>;
    const w = window as unknown as HoldHook & { Excel: { run(a: unknown, b?: unknown): Promise<unknown> } };
    w.__parHoldWrites = true;
    w.__parWriteHeld = false;
    w.__parSteps = [];
    const run = w.Excel.run.bind(w.Excel);
    w.Excel.run = (a: unknown, b?: unknown) => {
      const batch = (typeof a === "function" ? a : b) as Batch;
      const held: Batch = (ctx) => {
        const sync = ctx.sync.bind(ctx);
        ctx.sync = async () => {
          if (w.__parHoldWrites && ctx.queue.some((e) => e.kind === "write")) {
            w.__parHoldWrites = false;
            w.__parWriteHeld = true;
            await new Promise<void>((resolve) => (w.__parReleaseWrite = resolve));
            w.__parWriteHeld = false;
          }
          return sync();
        };
        return batch(ctx);
      };
      return typeof a === "function" ? run(held) : run(a, held);
    };
    // every label the spinner shows, as the DOM changes
    const record = () => {
      const label = document.querySelector("[data-testid=progress]")?.textContent ?? null;
      if (label !== null && w.__parSteps.at(-1) !== label) w.__parSteps.push(label);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

test("«Đang ghi…» shows while Excel holds the write; the result line replaces it once released", async () => {
  await holdNextWrite(page);
  const before = await excelCounters(page);
  await page.getByTestId("primary-action").click(); // Tính lại
  // the say-before question, when the panel asks it for this command
  const dialog = page.getByRole("alertdialog");
  await Promise.race([
    page.waitForFunction(() => (window as unknown as HoldHook).__parWriteHeld, null, { timeout: 30_000 }),
    dialog.waitFor({ timeout: 30_000 }).catch(() => undefined),
  ]);
  if (await dialog.isVisible()) await dialog.getByRole("button", { name: /^(Đồng ý|Confirm)$/ }).click();
  await page.waitForFunction(() => (window as unknown as HoldHook).__parWriteHeld, null, { timeout: 30_000 });

  // held in Excel's write: the step is on screen, in the live status, and nothing is written yet
  const status = page.getByRole("status");
  await status.getByText("Đang ghi…").waitFor({ timeout: 10_000 });
  expect(await page.getByTestId("progress").innerText()).toBe("Đang ghi…");
  expect(await status.getAttribute("aria-live")).toBe("polite");
  expect(await page.locator("main").getAttribute("aria-busy")).toBe("true");
  expect((await excelCounters(page)).writes).toBe(before.writes);
  const steps = await page.evaluate(() => (window as unknown as HoldHook).__parSteps);
  // the command's read, calculation and write, each shown in turn
  expect(steps.slice(-3)).toEqual(["Đang đọc bảng…", "Đang tính…", "Đang ghi…"]);

  await page.evaluate(() => (window as unknown as HoldHook).__parReleaseWrite?.());
  await status.getByText(/^Đã tính lại 27 dòng/).waitFor({ timeout: 30_000 });
  expect(await page.getByTestId("progress").count()).toBe(0);
  expect(await page.locator("main").getAttribute("aria-busy")).toBe("false");
  expect((await excelCounters(page)).writes).toBeGreaterThan(before.writes);
});
