/**
 * The CLI against plain ExcelJS on the same 11 unit files, in the same run:
 *  - summary (load + snapshot + analyse + catalogue) against ExcelJS load alone;
 *  - apply (load, four commands, save) against ExcelJS load + save of the same files;
 *  - and, for the record, apply against the I/O it cannot avoid: loading the input and saving its (larger)
 *    output with plain ExcelJS.
 * Target: each ratio ≤ 1.3×.
 */
import { performance } from "node:perf_hooks";
import * as ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { memoryIo, seedXlsx } from "../tests/cli/fixtures";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

export async function benchCli(runs = 7): Promise<{ lines: string[]; ok: boolean }> {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < 11; i++)
    files[`don-vi-${i + 1}.xlsx`] = await seedXlsx({ title: `UBND xã Số ${i + 1}`, domain9: 10 + i });
  const names = Object.keys(files);

  const load = async (bytes: Uint8Array) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return wb;
  };
  const plainRead = await time(async () => {
    for (const n of names) await load(files[n]);
  }, runs);
  const plainReadWrite = await time(async () => {
    for (const n of names) await (await load(files[n])).xlsx.writeBuffer();
  }, runs);
  const summary = await time(async () => {
    const { io } = memoryIo({ ...files });
    if ((await main(["summary", ...names, "--json"], io)) !== 0) throw new Error("summary failed");
  }, runs);
  const apply = await time(async () => {
    const { io } = memoryIo({ ...files });
    for (const n of names)
      if ((await main(["apply", n, "-o", `out-${n}`], io)) !== 0) throw new Error("apply failed");
  }, runs);
  // The output files are larger (formulas, three text columns, a plan sheet): their own save cost.
  const { io: once, out } = memoryIo({ ...files });
  for (const n of names) await main(["apply", n, "-o", `out-${n}`], once);
  void out;
  const outputs = await Promise.all(names.map((n) => load(once.readFileSync(`out-${n}`))));
  const ioFloor = await time(async () => {
    for (const [i, n] of names.entries()) {
      await load(files[n]);
      await outputs[i].xlsx.writeBuffer();
    }
  }, runs);
  const r1 = summary / plainRead;
  const r2 = apply / plainReadWrite;
  const r3 = apply / ioFloor;
  const mark = (r: number) => (r <= 1.3 ? "✔" : "✘");
  return {
    ok: r1 <= 1.3 && r2 <= 1.3,
    lines: [
      "| 11 unit files | par-index (ms) | plain ExcelJS (ms) | ratio (target ≤ 1.3×) |",
      "| --- | ---: | ---: | ---: |",
      `| summary vs load | ${summary.toFixed(1)} | ${plainRead.toFixed(1)} | ${r1.toFixed(2)}× ${mark(r1)} |`,
      `| apply (4 commands) vs load + save | ${apply.toFixed(1)} | ${plainReadWrite.toFixed(1)} | ${r2.toFixed(2)}× ${mark(r2)} |`,
      `| apply vs load input + save its output | ${apply.toFixed(1)} | ${ioFloor.toFixed(1)} | ${r3.toFixed(2)}× ${mark(r3)} |`,
    ],
  };
}
