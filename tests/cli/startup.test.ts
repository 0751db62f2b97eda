/**
 * What the compiled CLI loads: a summary only reads, so it must not load the xlsx host's writer, its checks
 * or the parts carried over at save (preserve, OPC) — the CLI process benchmark (bench/process.ts) counts
 * start-up. `apply` loads the direct writer when it first writes (ExcelJS's only for what it leaves to it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, ensureCliBuilt } from "./build";
import { seedXlsx } from "./fixtures";

let dir: string;
let file: string;
let preload: string;
beforeAll(async () => {
  ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), "par-index-startup-"));
  file = join(dir, "seed.xlsx");
  writeFileSync(file, await seedXlsx());
  // At exit, the compiled modules the process loaded (paths under dist-cli/), one JSON line on stderr.
  preload = join(dir, "list.cjs");
  writeFileSync(
    preload,
    `process.on("exit", () => process.stderr.write("\\n__loaded=" + JSON.stringify(Object.keys(require.cache)
      .filter((k) => k.includes("dist-cli")).map((k) => k.split("dist-cli")[1].replace(/\\\\/g, "/"))) + "\\n"));`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { status: number | null; stdout: string; loaded: string[] } {
  const r = spawnSync(process.execPath, ["--require", preload, BIN, ...args], { encoding: "utf8" });
  const m = /__loaded=(.*)/.exec(r.stderr);
  return { status: r.status, stdout: r.stdout, loaded: m ? (JSON.parse(m[1]) as string[]) : [] };
}

test("summary --json loads the reader, not the writer, the checks or preserve/OPC", () => {
  const r = run(["summary", file, "--json"]);
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)[0].rows.length).toBeGreaterThan(10);
  expect(r.loaded).toContain("/hosts/xlsx/read.js");
  for (const m of ["apply", "check", "preserve", "opc", "anchors", "host", "index"])
    expect(r.loaded).not.toContain(`/hosts/xlsx/${m}.js`);
});

test("apply loads the writer when it writes: the direct one, not ExcelJS's nor the carry-over", () => {
  const r = run(["apply", file, "-o", join(dir, "out.xlsx")]);
  expect(r.status).toBe(0);
  expect(r.loaded).toContain("/hosts/xlsx/direct/write.js");
  for (const m of ["apply", "preserve", "workbook"]) expect(r.loaded).not.toContain(`/hosts/xlsx/${m}.js`);
});
