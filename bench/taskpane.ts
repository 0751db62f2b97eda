/**
 * The task pane in the browser, on the production build (dist/, `npm run build`):
 *  - the JS taskpane.html loads first (every local script it references), gzip at zlib's default level:
 *    target ≤ 100 KiB;
 *  - first render beside Microsoft's React task-pane template (OfficeDev/Office-Addin-TaskPane-React, built
 *    by hand in /tmp/template — never part of this repository) in the same Chromium run: the time from
 *    navigation start until each page shows its first text, median of the runs, the two alternating; target
 *    ≤ 0.7× the template. Both pages get office.js from the local copy (tests/e2e/support/browser.ts).
 *    Skipped when /tmp/template/dist is missing.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launch } from "../tests/e2e/support/browser";
import { DIST, serveDist } from "../tests/e2e/support/server";

export const TEMPLATE_DIST = "/tmp/template/dist";
/** What each page shows first: our pane outside Office, the template's header. */
const OUR_TEXT = "Hãy mở bảng này trong Excel";
const TEMPLATE_TEXT = "Welcome";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** The local scripts a page references (its initial chunks), with their gzip sizes. */
export function initialScripts(root: string, page: string): { file: string; gzip: number }[] {
  const html = readFileSync(join(root, page), "utf8");
  const srcs = [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
  return srcs
    .filter((s) => !/^(https?:)?\/\//.test(s))
    .map((file) => ({ file, gzip: gzipSync(readFileSync(join(root, file.replace(/^\//, "")))).length }));
}

async function firstText(runs: number): Promise<{ ours: number; template: number }> {
  const ours = await serveDist(DIST);
  const template = await serveDist(TEMPLATE_DIST);
  const browser = await launch();
  const open = async (url: string, text: string): Promise<number> => {
    const page = await browser.newPage({ width: 350, height: 700 });
    await page.goto(url, { waitUntil: "commit" });
    // performance.now() counts from the navigation's start: polled every frame until the text shows
    const shown = await page.waitForFunction(
      (t) => (document.body?.innerText.includes(t) ? performance.now() : false),
      text,
      { polling: "raf", timeout: 20_000 },
    );
    const ms = (await shown.jsonValue()) as number;
    await page.close();
    return ms;
  };
  try {
    const a: number[] = [];
    const b: number[] = [];
    await open(`${ours.origin}/taskpane.html`, OUR_TEXT); // warm Chromium's own start-up
    await open(`${template.origin}/taskpane.html`, TEMPLATE_TEXT);
    for (let i = 0; i < runs; i++) {
      a.push(await open(`${ours.origin}/taskpane.html`, OUR_TEXT));
      b.push(await open(`${template.origin}/taskpane.html`, TEMPLATE_TEXT));
    }
    return { ours: median(a), template: median(b) };
  } finally {
    await browser.close();
    await ours.close();
    await template.close();
  }
}

export async function benchTaskpane(runs = 9): Promise<{ lines: string[]; ok: boolean }> {
  if (!existsSync(join(DIST, "taskpane.html")))
    return { ok: false, lines: ["No production build in dist/: run `npm run build` first."] };
  const scripts = initialScripts(DIST, "taskpane.html");
  const gz = scripts.reduce((s, x) => s + x.gzip, 0);
  const okSize = gz <= 100 * 1024;
  const lines = [
    "| measure | this task pane | Microsoft's React template | ratio | target |",
    "| --- | ---: | ---: | ---: | --- |",
  ];
  const hasTemplate = existsSync(join(TEMPLATE_DIST, "taskpane.html"));
  const tGz = hasTemplate
    ? initialScripts(TEMPLATE_DIST, "taskpane.html").reduce((s, x) => s + x.gzip, 0)
    : 0;
  lines.push(
    `| initial JS of taskpane.html, gzip | ${kib(gz)} | ${hasTemplate ? kib(tGz) : "—"} |  | ≤ 100 KiB ${okSize ? "✔" : "✘"} |`,
  );
  let okRender = true;
  if (hasTemplate) {
    const t = await firstText(runs);
    const r = t.ours / t.template;
    okRender = r <= 0.7;
    lines.push(
      `| first text shown (ms, median of ${runs}) | ${t.ours.toFixed(0)} | ${t.template.toFixed(0)} | ${r.toFixed(2)}× | ≤ 0.7× ${okRender ? "✔" : "✘"} |`,
    );
  } else {
    lines.push("| first text shown | skipped: /tmp/template/dist is missing |  |  | ≤ 0.7× |");
  }
  lines.push(
    "",
    `Initial scripts: ${scripts.map((s) => `\`${s.file.replace(/\.[0-9a-f]{8}\.js$/, ".js")}\` ${kib(s.gzip)}`).join(", ")}.`,
  );
  return { lines, ok: okSize && okRender };
}
