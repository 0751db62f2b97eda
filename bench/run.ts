/**
 * npm run bench: speed of the pure core (parse + score + plan) on generated tables.
 * Prints a markdown table; with --write, replaces the core section of docs/BENCHMARKS.md.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { analyzeSheet, planRecalcAndHighlight } from "../src/core";
import { generatedSheet } from "./generate";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(fn: () => void, runs: number): number {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
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

if (process.argv.includes("--write")) {
  const file = "docs/BENCHMARKS.md";
  const begin = "<!-- bench:core:begin -->";
  const end = "<!-- bench:core:end -->";
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform}/${process.arch}, Node ${process.version}, median of 15–31 runs after 3 warm-ups.`;
  const section = `${begin}\n${table}\n\n${stamp}\n${end}`;
  const doc = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n\n";
  const next = doc.includes(begin)
    ? doc.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), section)
    : `${doc}\n## Core: parse + score + plan\n\n${section}\n`;
  writeFileSync(file, next);
  console.log(`updated ${file}`);
}
if (failed) process.exitCode = 1;
