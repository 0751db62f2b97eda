/**
 * The direct reader against ExcelJS's load, in one process, on the generated 10,000-row table: CPU time of
 * `readPackage(await openPackage(bytes))` (open, inflate, parse, snapshot) against `loadWorkbook(bytes)`
 * alone (ExcelJS's load, no snapshot) and against `readSnapshot(await loadWorkbook(bytes))`, alternating,
 * median of the runs. Not a timed test: `npx tsx bench/directRead.ts [rows] [runs]` prints the figures.
 */
import { generatedXlsx } from "./files";
import { loadWorkbook } from "../src/hosts/xlsx/workbook";
import { readSnapshot } from "../src/hosts/xlsx/read";
import { openPackage } from "../src/hosts/xlsx/direct/package";
import { readPackage } from "../src/hosts/xlsx/direct/read";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function cpu(f: () => Promise<unknown>): Promise<number> {
  const t = process.cpuUsage();
  await f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 7);
  const bytes = await generatedXlsx(rows);
  const direct: number[] = [];
  const load: number[] = [];
  const full: number[] = [];
  // One of each first: JIT warm-up, modules loaded.
  await readPackage(await openPackage(bytes));
  readSnapshot(await loadWorkbook(bytes));
  for (let i = 0; i < runs; i++) {
    direct.push(await cpu(async () => readPackage(await openPackage(bytes))));
    load.push(await cpu(() => loadWorkbook(bytes)));
    full.push(await cpu(async () => readSnapshot(await loadWorkbook(bytes))));
  }
  const d = median(direct);
  const l = median(load);
  const f = median(full);
  console.log(`${rows} rows, ${(bytes.length / 1024).toFixed(0)} KiB, median of ${runs} (CPU ms):`);
  console.log(`  direct open + read:          ${d.toFixed(0)} ms`);
  console.log(`  ExcelJS load:                ${l.toFixed(0)} ms  (direct = ${(d / l).toFixed(2)}×)`);
  console.log(`  ExcelJS load + readSnapshot: ${f.toFixed(0)} ms  (direct = ${(d / f).toFixed(2)}×)`);
}

void main();
