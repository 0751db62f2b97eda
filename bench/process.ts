/**
 * The whole CLI process against a plain ExcelJS script, as a user runs them: `node bin/par-index.cjs summary
 * FILE --json` (start-up, loading the code, reading, analysing, printing) against `node bench/plain-load.cjs
 * FILE` (start-up, loading ExcelJS, loading the file). Wall time, median of the runs, the two alternating.
 * Target on one 10,000-row file: ≤ 1.3×.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generatedFile } from "./apply";

const ROOT = join(__dirname, "..");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const CPU_REPORT = join(ROOT, "bench/cpu-report.cjs");

/** Wall time of one process, and its own CPU time (reported by bench/cpu-report.cjs at exit). */
function wall(args: string[]): { ms: number; cpu: number } {
  const t = performance.now();
  const run = spawnSync(process.execPath, ["--require", CPU_REPORT, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t;
  const err = run.stderr?.toString() ?? "";
  if (run.status !== 0) throw new Error(`${args.join(" ")} failed (${run.status}): ${err}`);
  const m = /__cpu_ms=([\d.]+)/.exec(err);
  return { ms, cpu: m ? Number(m[1]) : NaN };
}

/** What bin/par-index.cjs runs: TypeScript through a loader (tsx), or built JavaScript. */
function cliKind(): string {
  const bin = readFileSync(join(ROOT, "bin/par-index.cjs"), "utf8");
  return /require\(["']tsx/.test(bin) ? "TypeScript through tsx" : "built JavaScript";
}

/** Builds the CLI first when the project has a build for it, so the figures are this code's. */
function buildCli(): void {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  if (pkg.scripts?.["build:cli"])
    execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "inherit" });
}

export async function benchProcess(runs = 7): Promise<{ lines: string[]; ok: boolean }> {
  buildCli();
  const file = await generatedFile(10_000);
  const cli = [join(ROOT, "bin/par-index.cjs"), "summary", file, "--json"];
  const plain = [join(ROOT, "bench/plain-load.cjs"), file];
  wall(cli); // the first run of each fills the file cache
  wall(plain);
  const ours: number[] = [];
  const base: number[] = [];
  const oursCpu: number[] = [];
  const baseCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const o = wall(cli);
    const b = wall(plain);
    ours.push(o.ms);
    base.push(b.ms);
    oursCpu.push(o.cpu);
    baseCpu.push(b.cpu);
  }
  const r = median(ours) / median(base);
  const rCpu = median(oursCpu) / median(baseCpu);
  const ok = r <= 1.3;
  return {
    ok,
    lines: [
      "| one 10,000-row file | par-index (ms) | plain ExcelJS load script (ms) | ratio | target |",
      "| --- | ---: | ---: | ---: | --- |",
      `| \`summary --json\`, whole process | ${median(ours).toFixed(0)} | ${median(base).toFixed(0)} | ${r.toFixed(2)}× | ≤ 1.3× ${ok ? "✔" : "✘"} |`,
      `| the same runs' CPU time (user + system) | ${median(oursCpu).toFixed(0)} | ${median(baseCpu).toFixed(0)} | ${rCpu.toFixed(2)}× |  |`,
      "",
      `\`bin/par-index.cjs\` runs ${cliKind()}. Median of ${runs} runs each, alternating, after one run each to fill the file cache. The target is on wall time; each process's own CPU time (bench/cpu-report.cjs, preloaded into both) moves less with the machine's other jobs.`,
    ],
  };
}
