/**
 * `apply` against plain ExcelJS on generated tables, each run in a process of its own (bench/child.ts,
 * bundled to plain JavaScript so no loader sits in either measurement):
 *  - speed on 10,000 rows: par-index apply (every command, one output, the parts ExcelJS drops carried
 *    over) ≤ 1.5× ExcelJS load + save of the same input; median of the runs, cases alternating;
 *  - peak memory on 50,000 rows: ≤ 2× the peak of ExcelJS's own load + save (getrusage maxrss).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import type { Case } from "./child";
import { generatedXlsx } from "./files";

export const BENCH_DIR = join(tmpdir(), "par-index-bench");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A bench entry (bench/NAME.ts) as one CommonJS file, ExcelJS left to node_modules, as the compiled CLI has it:
 * what is measured is the code as it ships (one bundle), not TypeScript through a loader module by module.
 */
export function bundleBench(name: string): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const out = join(BENCH_DIR, `${name}.cjs`);
  buildSync({
    entryPoints: [join(__dirname, `${name}.ts`)],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    outfile: out,
    logLevel: "warning",
  });
  return out;
}

/**
 * The CLI carries the dropped parts itself once its apply calls preserveParts (in src/cli, or in the host
 * it writes through, hosts/xlsx/direct/host.ts, on its ExcelJS fallback).
 */
export function cliPreserves(): boolean {
  return ["../src/cli", "../src/hosts/xlsx/direct"].some((d) => {
    const dir = join(__dirname, d);
    return readdirSync(dir).some(
      (f) => f.endsWith(".ts") && /preserveParts\(/.test(readFileSync(join(dir, f), "utf8")),
    );
  });
}

interface Sample {
  ms: number;
  maxRssMiB: number;
  size: number;
}

function runCase(child: string, which: Case, file: string): Sample {
  const out = execFileSync(process.execPath, ["--max-old-space-size=8192", child, which, file], {
    cwd: join(__dirname, ".."),
    env: {
      ...process.env,
      NODE_PATH: join(__dirname, "../node_modules"),
      PAR_BENCH_PRESERVE: cliPreserves() ? "0" : "1",
    },
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Sample;
}

export async function generatedFile(rows: number): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `table-${rows}.xlsx`);
  writeFileSync(file, await generatedXlsx(rows));
  return file;
}

const mib = (x: number) => `${x.toFixed(0)} MiB`;
const kib = (x: number) => `${(x / 1024).toFixed(0)} KiB`;

export async function benchApply(opts: { runs?: number; memoryRows?: number } = {}) {
  const runs = opts.runs ?? 5;
  const memRows = opts.memoryRows ?? 50_000;
  const child = bundleBench("child");
  const f10 = await generatedFile(10_000);
  const plain: Sample[] = [];
  const ours: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    plain.push(runCase(child, "exceljs", f10));
    ours.push(runCase(child, "apply", f10));
  }
  const tPlain = median(plain.map((s) => s.ms));
  const tOurs = median(ours.map((s) => s.ms));
  const speed = tOurs / tPlain;

  const fBig = await generatedFile(memRows);
  const mPlain = runCase(child, "exceljs", fBig);
  const mOurs = runCase(child, "apply", fBig);
  const memory = mOurs.maxRssMiB / mPlain.maxRssMiB;

  const okSpeed = speed <= 1.5;
  const okMemory = memory <= 2;
  const mark = (ok: boolean) => (ok ? "✔" : "✘");
  const inBytes = readFileSync(f10).byteLength;
  const lines = [
    "| case | par-index apply | plain ExcelJS load + save | ratio | target |",
    "| --- | ---: | ---: | ---: | --- |",
    `| time, 10,000 rows (median of ${runs}) | ${tOurs.toFixed(0)} ms | ${tPlain.toFixed(0)} ms | ${speed.toFixed(2)}× | ≤ 1.5× ${mark(okSpeed)} |`,
    `| peak RSS, ${memRows.toLocaleString("en")} rows (one run) | ${mib(mOurs.maxRssMiB)} | ${mib(mPlain.maxRssMiB)} | ${memory.toFixed(2)}× | ≤ 2× ${mark(okMemory)} |`,
    `| time, ${memRows.toLocaleString("en")} rows (same run) | ${mOurs.ms.toFixed(0)} ms | ${mPlain.ms.toFixed(0)} ms | ${(mOurs.ms / mPlain.ms).toFixed(2)}× |  |`,
    "",
    `10,000-row input ${kib(inBytes)}; its apply output ${kib(median(ours.map((s) => s.size)))}, ExcelJS's resave ${kib(median(plain.map((s) => s.size)))}. ` +
      (cliPreserves()
        ? "The CLI's apply writes the package directly: the parts it does not touch are copied byte for byte (ExcelJS, with preserveParts carrying what it drops, only on its whole-change-set fallback)."
        : "The CLI's apply does not call preserveParts yet: the bench runs it after the CLI, inside the measured time."),
  ];
  return { lines, ok: okSpeed && okMemory, speed, memory };
}
