/**
 * The task pane's bundle budget, on the production build: the JS taskpane.html loads before the panel can
 * show (every script it references: its initial chunks) stays under BUDGET gzip and holds no ExcelJS.
 * Writes test-results/bundle.json; with UPDATE_BENCHMARKS=1 also the bundle section of docs/BENCHMARKS.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DIST } from "./support/server";

const ROOT = join(__dirname, "../..");
const BENCHMARKS = join(ROOT, "docs", "BENCHMARKS.md");
/** gzip budget of the task pane's initial JS, in bytes. */
export const BUDGET = 100 * 1024;
/** Strings only ExcelJS (and the JSZip inside it) brings into a bundle. */
const EXCELJS = /xl\/workbook\.xml|xl\/sharedStrings\.xml|\bexceljs\b|\bJSZip\b/i;

interface Asset {
  /** File name without its content hash ("taskpane.js"). */
  name: string;
  file: string;
  bytes: number;
  gzip: number;
}

function asset(file: string): Asset {
  const text = readFileSync(join(DIST, file));
  return {
    name: file.replace(/\.[0-9a-f]{8}\.js$/, ".js"),
    file,
    bytes: text.length,
    gzip: gzipSync(text).length, // zlib's default level, as a web server compresses
  };
}

/** The local scripts a page references (its initial chunks), in order. */
function scriptsOf(page: string): string[] {
  const html = readFileSync(join(DIST, page), "utf8");
  const srcs = [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
  return srcs.filter((s) => !/^(https?:)?\/\//.test(s));
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function section(initial: Asset[], lazy: Asset[], others: Asset[]): string {
  const total = initial.reduce((a, x) => ({ bytes: a.bytes + x.bytes, gzip: a.gzip + x.gzip }), {
    bytes: 0,
    gzip: 0,
  });
  const row = (a: Asset, note: string) => `| \`${a.name}\` | ${note} | ${kib(a.bytes)} | ${kib(a.gzip)} |`;
  return [
    "## Bundle size: the task pane",
    "",
    "What `taskpane.html` loads before the panel can show: every script it references (its initial",
    "chunks) in the production build (`webpack --mode production`), minified and gzip-compressed (zlib's",
    "default level). `office.js` comes from Microsoft's CDN and is not counted. The e2e run fails when the",
    `initial JS exceeds **${kib(BUDGET)} gzip** or contains ExcelJS (\`tests/e2e/bundle.test.ts\`).`,
    "",
    "| file | loaded | minified | gzip |",
    "| --- | --- | ---: | ---: |",
    ...initial.map((a) => row(a, "initial")),
    `| **initial JS** | **budget ${kib(BUDGET)}** | **${kib(total.bytes)}** | **${kib(total.gzip)}** |`,
    ...lazy.map((a) => row(a, "later, in Excel only")),
    ...others.map((a) =>
      row(a, a.name.startsWith("playground") ? "not by the task pane (ExcelJS)" : "not by the task pane"),
    ),
    "",
    "Regenerate with `npm run test:e2e -- --update` (after a change to the task pane or its imports).",
  ].join("\n");
}

function writeSection(text: string): void {
  const begin = "<!-- bench:bundle:begin -->";
  const end = "<!-- bench:bundle:end -->";
  const block = `${begin}\n${text}\n${end}`;
  const doc = existsSync(BENCHMARKS)
    ? readFileSync(BENCHMARKS, "utf8")
    : "# Benchmarks\n\nEach section sits between `<!-- bench:NAME:begin -->` and `<!-- bench:NAME:end -->` markers and\nis rewritten by the tool that measures it.\n";
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  const next =
    i >= 0 && j > i
      ? doc.slice(0, i) + block + doc.slice(j + end.length)
      : `${doc.replace(/\s*$/, "")}\n\n${block}\n`;
  writeFileSync(BENCHMARKS, next);
}

describe("task pane bundle", () => {
  const initial = scriptsOf("taskpane.html").map(asset);
  const entryFiles = new Set(
    ["taskpane.html", "playground.html", "index.html", "commands.html"].flatMap(scriptsOf),
  );
  const all = readdirSync(DIST).filter((f) => f.endsWith(".js"));
  // chunks no page references: loaded on demand (the Office host, once Office says it is Excel)
  const lazy = all.filter((f) => !entryFiles.has(f)).map(asset);
  const others = [...new Set([...scriptsOf("playground.html"), ...scriptsOf("commands.html")])].map(asset);

  test("taskpane.html loads local scripts (and office.js from the CDN)", () => {
    expect(initial.length).toBeGreaterThan(0);
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });

  test(`the initial JS is at most ${kib(BUDGET)} gzip`, () => {
    const gzip = initial.reduce((n, a) => n + a.gzip, 0);
    mkdirSync(join(ROOT, "test-results"), { recursive: true });
    writeFileSync(
      join(ROOT, "test-results", "bundle.json"),
      JSON.stringify({ budget: BUDGET, initialGzip: gzip, initial, lazy, others }, null, 2),
    );
    if (process.env.UPDATE_BENCHMARKS === "1") writeSection(section(initial, lazy, others));
    expect(gzip).toBeLessThanOrEqual(BUDGET);
  });

  test("no ExcelJS in anything the task pane loads (initial or lazy chunks)", () => {
    for (const a of [...initial, ...lazy]) {
      expect([a.file, EXCELJS.test(readFileSync(join(DIST, a.file), "utf8"))]).toEqual([a.file, false]);
    }
  });

  test("the check would see ExcelJS: the playground bundle has it", () => {
    const playground = scriptsOf("playground.html").map((f) => readFileSync(join(DIST, f), "utf8"));
    expect(playground.some((text) => EXCELJS.test(text))).toBe(true);
  });
});
