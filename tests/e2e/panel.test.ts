/**
 * The panel as a task pane (playground.html?pane: the panel alone over the sample, as Excel shows it) in
 * Chromium: above the fold at 350×480, the say-before question, the Tab order, accessibility with axe in
 * both languages before and after commands, and forced colours.
 */
import type { Page } from "playwright-core";
import { axeViolations as axe } from "./support/axe";
import type { Browser } from "./support/browser";
import { command } from "./support/pages";
import type { StaticServer } from "./support/server";
import { browserSuite, playgroundAt } from "./support/suite";

let server: StaticServer | null;
let browser: Browser;

browserSuite({}, (o) => ({ server, browser } = o));

/** The panel alone over the sample at `width`×`height`, its first read done. */
const pane = (width = 350, height = 480): Promise<Page> =>
  playgroundAt("/playground.html?pane", { size: { width, height } })(browser, server);

test("above the fold at 350×480: score, percent, unmet count and the primary action, without scrolling", async () => {
  const page = await pane();
  const inView = async (selector: string) => {
    const box = await page.locator(selector).first().boundingBox();
    expect(box).not.toBeNull();
    return box!.y >= 0 && box!.y + box!.height <= 480 && box!.x >= 0 && box!.x + box!.width <= 350;
  };
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const s of [
    "[data-figure=score]",
    "[data-figure=percent]",
    "[data-figure=unmet]",
    "[data-testid=primary-action]",
  ])
    expect([s, await inView(s)]).toEqual([s, true]);
  await page.close();
});

test("say before, show after: the question, then the result line with its actions", async () => {
  const page = await pane(350, 800);
  await page.getByRole("button", { name: "Tính lại", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByText("Chèn 1 cột F, điền 27 dòng và tô màu lại 25 dòng chưa đạt.").waitFor();
  // the description is a visible tooltip on hover
  expect(await axe(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Hủy" }).click();
  await dialog.waitFor({ state: "detached" });
  await command(page, "Tính lại", /^Đã tính lại 27 dòng/);
  await page.getByRole("button", { name: "Đến cột vừa chèn (F)" }).waitFor();
  await page.getByRole("button", { name: "Hoàn tác", exact: true }).waitFor();
  await page.getByRole("button", { name: "Tính lại", exact: true }).hover();
  await page
    .getByRole("tooltip")
    .getByText(/^Tính lại điểm chưa đạt/)
    .waitFor();
  await page.close();
});

test("Tab order: language, Tính lại, the tabs (one stop), the tab's content", async () => {
  const page = await pane(350, 800);
  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        // a <select> by its label (its text is every option)
        return el instanceof HTMLSelectElement ? `select: ${el.labels?.[0]?.innerText}` : el.innerText;
      }),
    );
  }
  expect(seen).toEqual([
    "Tiếng Việt",
    "English",
    "Tính lại",
    "Tổng quan",
    "select: Cấp đơn vị (cơ quan trong danh mục)", // the unit chooser (issue 11) heads the overview
    "Tiêu chí chưa đạt (19)",
  ]);
  // back to the tab list (over the chooser); arrows inside it, and the unmet list is one Tab stop with arrows
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("listbox");
  await page.keyboard.press("ArrowDown");
  const active = await page.evaluate(() => document.activeElement?.getAttribute("aria-activedescendant"));
  expect(active).toMatch(/unmet/);
  await page.close();
});

describe("axe: no violations, both languages, before and after commands", () => {
  for (const lang of ["vi", "en"] as const) {
    test(lang, async () => {
      const page = await pane(350, 900);
      if (lang === "en") await page.getByRole("button", { name: "Show in English" }).click();
      const t =
        lang === "vi"
          ? {
              recalc: "Tính lại",
              assign: "Điền cơ quan và giải pháp",
              unmet: "Chưa đạt",
              actions: "Thao tác",
            }
          : {
              recalc: "Recalculate",
              assign: "Insert agencies and solutions",
              unmet: "Unmet",
              actions: "Actions",
            };
      expect(await axe(page)).toEqual([]);
      await command(page, t.recalc, lang === "vi" ? /^Đã tính lại/ : /^Recalculated/);
      expect(await axe(page)).toEqual([]);
      await command(page, t.assign, lang === "vi" ? /^Đã điền/ : /rows filled/);
      expect(await axe(page)).toEqual([]);
      await page.getByRole("tab", { name: t.unmet, exact: true }).click();
      expect(await axe(page)).toEqual([]);
      await page.close();
    });
  }

  test("the playground page", async () => {
    const page = await playgroundAt("/playground.html", { size: { width: 1440, height: 900 } })(
      browser,
      server,
    );
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

test("forced colours: the status badges and the chart's parts differ by more than hue", async () => {
  const page = await pane(350, 900);
  await page.emulateMedia({ forcedColors: "active" });
  // chart: the missing part carries a pattern, not only a colour
  const gap = page.locator('rect[data-part="gap"]').first();
  expect(await gap.getAttribute("fill")).toMatch(/^url\(#/);
  // badges: a mark and a word, not only a colour
  await page.getByRole("tab", { name: "Chưa đạt", exact: true }).click();
  const badge = page.getByRole("option").first().locator(".fui-Badge");
  expect((await badge.innerText()).trim()).toMatch(/^[✕◐?✓]\s*\S+/);
  await page.close();
});
