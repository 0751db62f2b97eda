/**
 * The pure core against ExcelJS's load of the same file, in the same process: parse + score (analyzeSheet)
 * and plan (recalc & highlight, assign, the plan sheet) of a generated table, beside ExcelJS loading the
 * .xlsx that holds it. Target on 10,000 rows: core ≤ 10% of the load.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import * as ExcelJS from "exceljs";
import { remedySource } from "../src/app/commands";
import { builtinCatalogue } from "../src/catalogue";
import {
  analyzeSheet,
  planAssign,
  planRecalcAndHighlight,
  planRemediationSheet,
  type WorkbookSnapshot,
} from "../src/core";
import { readSnapshot } from "../src/hosts/xlsx";
import { generatedFile } from "./apply";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn: () => unknown, runs: number, warm = 3): Promise<number> {
  for (let i = 0; i < warm; i++) await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

function parseAndScore(ws: WorkbookSnapshot) {
  const a = analyzeSheet(ws.active);
  if (!a.ok) throw new Error("no table");
  return a;
}

function planAll(ws: WorkbookSnapshot): number {
  const a = parseAndScore(ws);
  const source = remedySource(builtinCatalogue());
  return (
    planRecalcAndHighlight(ws.active, a).ops.length +
    planAssign(ws.active, a, source).ops.length +
    planRemediationSheet(ws, a, source).ops.length
  );
}

export async function benchCore(): Promise<{ lines: string[]; ok: boolean }> {
  const lines = [
    "| rows | ExcelJS load (ms) | parse + score (ms) | + plan: recalc & highlight, assign, plan sheet (ms) | core / load | target |",
    "| ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  let ok = true;
  for (const n of [1000, 10_000]) {
    const bytes = readFileSync(await generatedFile(n));
    let wb: ExcelJS.Workbook | undefined;
    const load = await time(
      async () => {
        wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      },
      n >= 10_000 ? 5 : 9,
      1,
    );
    const ws = readSnapshot(wb!);
    const parse = await time(() => parseAndScore(ws), n >= 10_000 ? 9 : 21);
    const all = await time(() => planAll(ws), n >= 10_000 ? 9 : 21);
    const ratio = all / load;
    const target = n === 10_000 ? `≤ 10% ${ratio <= 0.1 ? "✔" : "✘"}` : "";
    if (n === 10_000 && ratio > 0.1) ok = false;
    lines.push(
      `| ${n.toLocaleString("en")} | ${load.toFixed(0)} | ${parse.toFixed(1)} | ${all.toFixed(1)} | ${(ratio * 100).toFixed(1)}% | ${target} |`,
    );
  }
  return { lines, ok };
}
