/**
 * The PRODUCTION task pane (dist/taskpane.html) and function file (dist/commands.html) in Chromium, with
 * office.js replaced by a stand-in backed by the unit tests' strict Excel double (tests/hosts/office/fake,
 * bundled for the browser here with esbuild) on the seed workbook: the real panel drives the real Office
 * host; the assertions read the double's cells and the panel's text.
 */
import type { Page } from "playwright-core";
import type { Browser } from "./support/browser";
import type { StandInOptions } from "./support/officePage";
import type { StaticServer } from "./support/server";
import { browserSuite, inExcel } from "./support/suite";
import { SAMPLE_SHEET } from "../../src/core/sample";

let server: StaticServer | null;
let browser: Browser;

browserSuite({}, (o) => ({ server, browser } = o));

/** Opens `file` of dist/ with the stand-in in place of office.js. */
const open = (file: string, opts: StandInOptions = {}): Promise<Page> => inExcel(file, opts)(browser, server);

const headerRow = (page: Page) =>
  page.evaluate(() => {
    const fake = (
      window as unknown as { __parFake: { snapshot(): { active: { name: string; values: unknown[][] } } } }
    ).__parFake;
    const a = fake.snapshot().active;
    return { name: a.name, values: a.values.map((r) => r.join("|")).join("\n") };
  });

/** The panel says what a structural command will do before it runs (issue 13): answer «Đồng ý». */
async function confirmIfAsked(page: Page): Promise<void> {
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor({ timeout: 20_000 }).catch(() => undefined);
  if (await dialog.isVisible()) await dialog.getByRole("button", { name: /^(Đồng ý|Confirm)$/ }).click();
}

test("boot, Recalculate, then Undo through the real panel", async () => {
  const page = await open("taskpane.html");
  const recalc = page.getByRole("button", { name: /Tính lại/ }).first();
  await recalc.waitFor({ timeout: 20_000 });
  const before = await headerRow(page);
  await recalc.click();
  await confirmIfAsked(page);
  await page.waitForFunction(
    () => (window as unknown as { __parFake: { writes: string[] } }).__parFake.writes.length > 0,
    undefined,
    { timeout: 20_000 },
  );
  const after = await headerRow(page);
  expect(after.values).not.toEqual(before.values);
  expect(after.values).toMatch(/Chưa đạt so với điểm tối đa/);
  const undo = page.getByRole("button", { name: /Hoàn tác/ }).first();
  await undo.waitFor({ timeout: 10_000 });
  await expect(undo.isEnabled()).resolves.toBe(true);
  await undo.click();
  await page.waitForFunction(
    (v) => {
      const fake = (window as unknown as { __parFake: { snapshot(): { active: { values: unknown[][] } } } })
        .__parFake;
      return (
        fake
          .snapshot()
          .active.values.map((r) => r.join("|"))
          .join("\n") === v
      );
    },
    before.values,
    { timeout: 20_000 },
  );
  expect(browser.pageErrors).toEqual([]);
});

test("the ribbon's Recalculate with the manifest's shared runtime runs in the pane's page", async () => {
  const page = await open("taskpane.html");
  await page
    .getByRole("button", { name: /Tính lại/ })
    .first()
    .waitFor({ timeout: 20_000 });
  const completed = await page.evaluate(async () => {
    const fake = (window as unknown as { __parFake: { actions: Map<string, (e: unknown) => unknown> } })
      .__parFake;
    let done = false;
    await fake.actions.get("recalculate")!({ completed: () => (done = true) });
    for (let i = 0; i < 100 && !done; i++) await new Promise((r) => setTimeout(r, 50));
    return done;
  });
  expect(completed).toBe(true);
  expect((await headerRow(page)).values).toMatch(/Chưa đạt so với điểm tối đa/);
});

test("the function file without a shared runtime: the ribbon still writes; no pane to open", async () => {
  const page = await open("commands.html", { sharedRuntime: false });
  await page.waitForFunction(
    () =>
      (window as unknown as { __parFake: { actions: Map<string, unknown> } }).__parFake.actions.has(
        "recalculate",
      ),
    undefined,
    { timeout: 20_000 },
  );
  await page.evaluate(async () => {
    const fake = (window as unknown as { __parFake: { actions: Map<string, (e: unknown) => unknown> } })
      .__parFake;
    await new Promise<void>((resolve) => fake.actions.get("recalculate")!({ completed: () => resolve() }));
  });
  expect((await headerRow(page)).values).toMatch(/Chưa đạt so với điểm tối đa/);
  expect(
    await page.evaluate(
      () => (window as unknown as { __parFake: { taskpaneShown: number } }).__parFake.taskpaneShown,
    ),
  ).toBe(0);
});

test("a protected sheet: nothing written, the panel says so (Vietnamese first)", async () => {
  const page = await open("taskpane.html", { protectedSheets: [SAMPLE_SHEET] });
  const recalc = page.getByRole("button", { name: /Tính lại/ }).first();
  await recalc.waitFor({ timeout: 20_000 });
  await recalc.click();
  await confirmIfAsked(page);
  await page
    .getByText(/đang được bảo vệ/)
    .first()
    .waitFor({ timeout: 20_000 });
  expect(
    await page.evaluate(() => (window as unknown as { __parFake: { writes: string[] } }).__parFake.writes),
  ).toEqual([]);
});

test("cell-edit mode: Recalculate waits for the edit to end, then writes", async () => {
  const page = await open("taskpane.html");
  const recalc = page.getByRole("button", { name: /Tính lại/ }).first();
  await recalc.waitFor({ timeout: 20_000 });
  // The pane's first read over: Recalculate itself enabled (not merely some button on the page).
  await page.waitForFunction(
    () => {
      const b = document.querySelector<HTMLButtonElement>('[data-testid="primary-action"]');
      return !!b && !b.disabled && b.getAttribute("aria-disabled") !== "true";
    },
    undefined,
    { timeout: 20_000 },
  );
  // The user starts typing in a cell, then clicks Recalculate.
  await page.evaluate(() => {
    (window as unknown as { __parFake: { cellEditMode: boolean } }).__parFake.cellEditMode = true;
  });
  await recalc.click();
  // Even the read behind the say-before question waits for the edit to end (delayForCellEdit).
  await page.waitForTimeout(500);
  expect(
    await page.evaluate(() => (window as unknown as { __parFake: { writes: string[] } }).__parFake.writes),
  ).toEqual([]);
  await page.evaluate(() =>
    (window as unknown as { __parFake: { endCellEdit(): void } }).__parFake.endCellEdit(),
  );
  await confirmIfAsked(page);
  await page.waitForFunction(
    () => (window as unknown as { __parFake: { writes: string[] } }).__parFake.writes.length > 0,
    undefined,
    { timeout: 20_000 },
  );
  expect((await headerRow(page)).values).toMatch(/Chưa đạt so với điểm tối đa/);
});

test("a criteria table inside an Excel table: Recalculate keeps per-row formulas in the table's columns", async () => {
  const page = await open("taskpane.html", { table: { top: 2, left: 0, rows: 32, cols: 6 } });
  const recalc = page.getByRole("button", { name: /Tính lại/ }).first();
  await recalc.waitFor({ timeout: 20_000 });
  await recalc.click();
  await confirmIfAsked(page);
  await page.waitForFunction(
    () => (window as unknown as { __parFake: { writes: string[] } }).__parFake.writes.length > 0,
    undefined,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(500);
  const result = await page.evaluate(() => {
    const fake = (
      window as unknown as {
        __parFake: {
          fillFormulasInTables: boolean;
          snapshot(): { active: { formulas?: (string | null)[][]; tables?: { name: string }[] } };
        };
      }
    ).__parFake;
    const a = fake.snapshot().active;
    const gap = (a.formulas ?? []).map((r) => r[4]).filter((f): f is string => !!f);
    return { autofill: fake.fillFormulasInTables, tables: (a.tables ?? []).map((t) => t.name), gap };
  });
  expect(result.autofill).toBe(true);
  expect(result.tables).toEqual(["BangPAR"]);
  // One formula per row (its own row's cells), not one formula filled down the column.
  expect(result.gap.length).toBeGreaterThan(5);
  expect(new Set(result.gap).size).toBe(result.gap.length);
});

test("the unit chooser writes the chosen level as the workbook's hidden name, through the Office host (issue 11)", async () => {
  const page = await open("taskpane.html");
  const chooser = page.getByTestId("unit-chooser");
  await chooser.waitFor({ timeout: 20_000 });
  await chooser.selectOption("commune");
  await page.getByText(/Đã chọn cho sổ làm việc này; lưu trong tệp\.$/).waitFor({ timeout: 20_000 });
  const names = await page.evaluate(
    () =>
      (
        window as unknown as {
          __parFake: { snapshot(): { names?: { name: string; ref: string; hidden?: boolean }[] } };
        }
      ).__parFake.snapshot().names ?? [],
  );
  expect(names).toContainEqual(expect.objectContaining({ name: "_ParIndex_Unit", ref: '="commune"' }));
  await page.close();
});
