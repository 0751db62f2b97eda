/**
 * One measured case in a process of its own (bundled by bench/bundle.ts and run with plain node): the
 * file's bytes are read first, then the case runs once; prints `{"ms": …, "maxRssMiB": …}` on stdout. Peak
 * memory is the process's own (getrusage's maxrss), so every case gets a fresh process.
 *
 *   node child.cjs exceljs FILE.xlsx   ExcelJS load + save of the file
 *   node child.cjs apply FILE.xlsx     par-index apply (every command, one output file, the parts ExcelJS drops
 *                                      carried over: by the CLI, or here after it when
 *                                      PAR_BENCH_PRESERVE=1)
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import * as ExcelJS from "exceljs";
import { main, type Io } from "../src/cli/main";
import { preserveParts } from "../src/hosts/xlsx";

export type Case = "exceljs" | "apply";

async function exceljsLoadSave(bytes: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const out = await wb.xlsx.writeBuffer();
  return out.byteLength;
}

async function apply(bytes: Uint8Array): Promise<number> {
  const files: Record<string, Uint8Array | string> = { "in.xlsx": bytes };
  let err = "";
  const io: Io = {
    readFile: async (p) => files[p] as Uint8Array,
    writeFile: async (p, d) => void (files[p] = d),
    stdout: () => undefined,
    stderr: (t) => void (err += t),
    resolve: (p) => p,
  };
  if ((await main(["apply", "in.xlsx", "-o", "out.xlsx"], io)) !== 0) throw new Error(`apply failed: ${err}`);
  let out = files["out.xlsx"] as Uint8Array;
  // A CLI that does not carry the dropped parts itself: the bench does it, so the cost is counted.
  if (process.env.PAR_BENCH_PRESERVE === "1") out = (await preserveParts(bytes, out)).bytes;
  return out.byteLength;
}

async function run(): Promise<void> {
  const [which, file] = process.argv.slice(2) as [Case, string];
  const bytes = new Uint8Array(readFileSync(file));
  const t = performance.now();
  const size = which === "apply" ? await apply(bytes) : await exceljsLoadSave(bytes);
  const ms = performance.now() - t;
  // getrusage's maxrss is in KiB on Linux
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, maxRssMiB, size }) + "\n");
}

void run();
