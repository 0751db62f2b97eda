/**
 * The pure core against ExcelJS's load of the same file, in the same process. Target on 10,000 rows: parse +
 * score + plan ≤ 10% of the load, where "plan" is what it was in the bench the target was set against (the
 * issue's "today about 17%" is that bench's 40 ms for analyzeSheet + planRecalcAndHighlight beside ExcelJS's
 * ~235 ms load, git show 135ae1f^:docs/BENCHMARKS.md): recalc & highlight. Assign and the plan sheet, the rest
 * of what `apply` plans, are measured beside it and reported, not hidden. Wall time, as the target says; the CPU
 * times of the same runs beside it, since other jobs on the machine move them less.
 *
 * Each case pays for its own young garbage: its window ends with two minor (young-generation) collections,
 * timed with it. Without them, whichever case allocates first after ExcelJS's load paid for the load's debt:
 * the load's last young objects, reachable from its older (dead, not yet marked) objects, are copied and
 * promoted by the next scavenge — ~4 MB at a promotion rate of 100%, 8–13 ms, measured with --trace-gc-nvp —
 * and the core's figure swung 8–11% by whether that scavenge fell in its window. Two, because an object that
 * survives the first is promoted only by the second.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
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
import { execFileSync } from "node:child_process";
import { bundleBench, generatedFile } from "./apply";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU time of the process so far (user + system, ms): what a busy shared machine moves less than wall time. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs the cases in turn, `runs` times after `warm` rounds, and gives each case's median wall time and median
 * CPU time (ms).
 */
async function interleaved(
  cases: (() => unknown)[],
  runs: number,
  warm = 2,
): Promise<{ wall: number[]; cpu: number[] }> {
  const settle = youngCollector();
  const ts: number[][] = cases.map(() => []);
  const cs: number[][] = cases.map(() => []);
  for (let i = 0; i < warm + runs; i++)
    for (const [k, fn] of cases.entries()) {
      const c = cpuMs();
      const t = performance.now();
      await fn();
      settle();
      settle();
      if (i >= warm) {
        ts[k].push(performance.now() - t);
        cs[k].push(cpuMs() - c);
      }
    }
  return { wall: ts.map(median), cpu: cs.map(median) };
}

/** A minor (young-generation) collection, from node's --expose-gc (benchCore starts the child with it). */
function youngCollector(): () => void {
  const gc = (globalThis as { gc?: (o: { type: "minor" }) => void }).gc;
  if (typeof gc !== "function") throw new Error("bench/coreChild needs node --expose-gc");
  return () => gc({ type: "minor" });
}

function parseAndScore(ws: WorkbookSnapshot) {
  const a = analyzeSheet(ws.active);
  if (!a.ok) throw new Error("no table");
  return a;
}

/** Parse + score + plan as the target counts it: the table read and scored, recalc & highlight planned. */
function parseAndPlan(ws: WorkbookSnapshot): number {
  const a = parseAndScore(ws);
  return planRecalcAndHighlight(ws.active, a).ops.length;
}

/** Everything `apply` plans on the table: recalc & highlight, assign and the plan sheet. */
function planAll(ws: WorkbookSnapshot): number {
  const a = parseAndScore(ws);
  const source = remedySource(builtinCatalogue());
  return (
    planRecalcAndHighlight(ws.active, a).ops.length +
    planAssign(ws.active, a, source).ops.length +
    planRemediationSheet(ws, a, source).ops.length
  );
}

/** One size's medians (ms): wall and CPU time of load, parse + score, parse + plan, everything. */
export interface CoreSample {
  rows: number;
  wall: number[];
  cpu: number[];
}

/** The measurement itself, in the bundled child (bench/coreChild.ts). */
export async function measureCore(): Promise<CoreSample[]> {
  const out: CoreSample[] = [];
  for (const n of [1000, 10_000]) {
    const bytes = readFileSync(await generatedFile(n));
    const load = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      return wb;
    };
    const ws = readSnapshot(await load());
    // load, parse, parse + plan and everything, in turn: a change in the machine's load hits all alike. Each
    // case gives back a count, not what it made, so nothing of one case stays reachable while the next runs.
    const { wall, cpu } = await interleaved(
      [
        async () => (await load()).worksheets.length,
        () => parseAndScore(ws).rows.length,
        () => parseAndPlan(ws),
        () => planAll(ws),
      ],
      15,
      // Four warm rounds: the third and fourth still often ran before the optimising compiler had the core.
      4,
    );
    out.push({ rows: n, wall, cpu });
  }
  return out;
}

/**
 * The core against ExcelJS's load, both in one process of plain node running bench/coreChild.ts bundled
 * (as the CLI and the task pane ship the core: one bundle): under tsx, every call across a module boundary
 * goes through the loader's export getters, and the same core measured there read 9–15% where the bundle
 * reads 8–10%.
 */
export async function benchCore(): Promise<{ lines: string[]; ok: boolean }> {
  const child = bundleBench("coreChild");
  await generatedFile(10_000); // made here, so the child only reads it
  const samples = JSON.parse(
    execFileSync(process.execPath, ["--expose-gc", child], {
      cwd: join(__dirname, ".."),
      env: { ...process.env, NODE_PATH: join(__dirname, "../node_modules") },
      encoding: "utf8",
      maxBuffer: 1 << 20,
    }),
  ) as CoreSample[];
  const lines = [
    "| rows | ExcelJS load (ms) | parse + score (ms) | + plan: recalc & highlight (ms) | core / load | target | + assign, plan sheet: all apply plans (ms) | all / load | by CPU time: load, core, all (ms) | core / load (CPU) |",
    "| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
  ];
  let ok = true;
  for (const { rows: n, wall, cpu } of samples) {
    const [tLoad, parse, core, all] = wall;
    const ratio = core / tLoad;
    const target = n === 10_000 ? `≤ 10% ${ratio <= 0.1 ? "✔" : "✘"}` : "";
    if (n === 10_000 && ratio > 0.1) ok = false;
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    lines.push(
      `| ${n.toLocaleString("en")} | ${tLoad.toFixed(0)} | ${parse.toFixed(1)} | ${core.toFixed(1)} | ${pct(ratio)} | ${target} | ${all.toFixed(1)} | ${pct(all / tLoad)} | ${cpu[0].toFixed(0)}, ${cpu[2].toFixed(1)}, ${cpu[3].toFixed(1)} | ${pct(cpu[2] / cpu[0])} |`,
    );
  }
  return { lines, ok };
}
