/**
 * Every script in dist/ — the .js files and the inline scripts of the .html pages (par-index-offline.html is
 * all inline) — parses as ECMAScript 2022, the newest syntax the lowest browser of the support matrix
 * understands (README "Support matrix": WebView2 / Edge and Chrome 94+, Firefox 93+, Safari 16.4+; Excel's
 * Trident (IE11) and EdgeHTML webviews are not supported). Fluent UI's tabster already needs ES2022 (class
 * static blocks, `??=`). A newer construct (regex /v, hashbang…) from our code or a dependency fails here,
 * naming the file and position. Needs only the build, no browser.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "acorn";
import { DIST } from "./support/server";

/** The newest ECMAScript edition the lowest supported browser parses. */
export const LOWEST_ES = 2022;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Inline classic scripts of a page (not JSON, not modules, not src=). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\bsrc=/i.test(attrs) && !/type="(application\/json|module)"/i.test(attrs))
    .map(([, , body]) => body)
    .filter((body) => body.trim() !== "");
}

function problem(code: string): string | null {
  try {
    parse(code, { ecmaVersion: LOWEST_ES, sourceType: "script" });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

const all = files(DIST);
const scripts: Array<[string, string]> = [
  ...all
    .filter((f) => f.endsWith(".js"))
    .map((f): [string, string] => [relative(DIST, f), readFileSync(f, "utf8")]),
  ...all
    .filter((f) => f.endsWith(".html"))
    .flatMap((f) =>
      inlineScripts(readFileSync(f, "utf8")).map((s, i): [string, string] => [
        `${relative(DIST, f)} <script> #${i + 1}`,
        s,
      ]),
    ),
];

test("dist/ has the pages' scripts, the single-file playground's inline one among them", () => {
  expect(scripts.some(([name]) => name.startsWith("taskpane."))).toBe(true);
  expect(scripts.some(([name]) => name.startsWith("par-index-offline.html <script>"))).toBe(true);
});

test.each(scripts.map(([name, code]) => [name, code]))(`%s parses as ES${LOWEST_ES}`, (_name, code) => {
  expect(problem(code)).toBeNull();
});

test(`the check refuses syntax newer than ES${LOWEST_ES}`, () => {
  expect(problem("const r = /[a-z]/v;")).not.toBeNull(); // ES2024
  expect(problem("#!/usr/bin/env node\n1;")).not.toBeNull(); // ES2023
  expect(problem("class A { static { this.x ??= 1; } }")).toBeNull(); // ES2022: what Fluent UI ships
});
