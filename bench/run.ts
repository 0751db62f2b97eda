/**
 * npm run bench: speed of the pure core (parse + score + plan) on generated tables.
 * Prints a markdown table; with --write, replaces the core section of docs/BENCHMARKS.md.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { analyzeSheet, planRecalcAndHighlight } from "../src/core";
import { generatedSheet } from "./generate";
import { benchCli } from "./cli";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(fn: () => void, runs: number): number {
  for (let i = 0; i < 10; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

// Warm the JIT on a mid-size table first, so the small tables are not measured cold.
{
  const warm = generatedSheet(1000);
  for (let i = 0; i < 30; i++) {
    const a = analyzeSheet(warm);
    if (a.ok) planRecalcAndHighlight(warm, a);
  }
}

const lines = [
  "| rows | parse + score (ms) | + plan recalc & highlight (ms) | target |",
  "| ---: | ---: | ---: | --- |",
];
let failed = false;
for (const n of [100, 1000, 10000]) {
  const sheet = generatedSheet(n);
  const parse = measure(
    () => {
      const a = analyzeSheet(sheet);
      if (!a.ok) throw new Error("no table");
    },
    n >= 10000 ? 15 : 31,
  );
  const all = measure(
    () => {
      const a = analyzeSheet(sheet);
      if (!a.ok) throw new Error("no table");
      planRecalcAndHighlight(sheet, a);
    },
    n >= 10000 ? 15 : 31,
  );
  const target = n === 10000 ? (all < 50 ? "< 50 ms ✔" : "< 50 ms ✘") : "";
  if (n === 10000 && all >= 50) failed = true;
  lines.push(`| ${n.toLocaleString("en")} | ${parse.toFixed(2)} | ${all.toFixed(2)} | ${target} |`);
}
const table = lines.join("\n");
console.log(table);

function writeSection(doc: string, name: string, title: string, body: string): string {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${begin}\n${body}\n${end}`;
  return doc.includes(begin)
    ? doc.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), section)
    : `${doc}\n## ${title}\n\n${section}\n`;
}

async function run() {
  const cli = await benchCli();
  console.log(`\n${cli.lines.join("\n")}`);
  if (!cli.ok) failed = true;
  if (process.argv.includes("--write")) {
    const file = "docs/BENCHMARKS.md";
    const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform}/${process.arch}, Node ${process.version}.`;
    let doc = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
    doc = writeSection(
      doc,
      "core",
      "Core: parse + score + plan",
      `${table}\n\n${stamp} Median of 15–31 runs after 10 warm-ups.`,
    );
    doc = writeSection(
      doc,
      "cli",
      "CLI against plain ExcelJS",
      `${cli.lines.join("\n")}\n\n${stamp} Median of 7 runs.`,
    );
    writeFileSync(file, doc);
    console.log(`updated ${file}`);
  }
  if (failed) process.exitCode = 1;
}
void run();
