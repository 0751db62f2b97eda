/**
 * axe on a whole page, its violations as "rule: targets" lines (an empty list passes).
 *
 * The Fluent UI panel has one documented false positive, none of it seen by a user: Tabster's dummy inputs
 * (`<i tabindex="0" aria-hidden="true" data-tabster-dummy>`), which Fluent's TabList, Toolbar and focus
 * management put around groups to catch Tab and hand focus on. axe's "aria-hidden-focus" flags them, but they
 * never keep focus (they move it on at once) and hold no content: they alone are left out, the rule stays on for
 * everything else. A page without Fluent (the outside-Office page) is checked with nothing left out.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

const FLUENT_FALSE_POSITIVES = ["[data-tabster-dummy]"];

export async function axeViolations(
  page: Page,
  opts: { fluent?: boolean } = { fluent: true },
): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (opts.fluent) {
    // a tooltip shown under the pointer lives in a portal outside the landmarks while it shows: move away
    await page.mouse.move(0, 0);
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[role=tooltip]")].every((t) => (t as HTMLElement).offsetParent === null),
    );
    for (const selector of FLUENT_FALSE_POSITIVES) builder = builder.exclude(selector);
  }
  const r = await builder.analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
