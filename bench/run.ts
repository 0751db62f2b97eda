/**
 * npm run bench: the speed and memory targets of issue 14, each a ratio measured in one run against plain
 * ExcelJS (or Microsoft's task-pane template) on the same input, so machine noise cancels:
 *   core      parse + score + plan of 10,000 rows ≤ 10% of ExcelJS's load of the same file (same process)
 *   apply     apply on 10,000 rows ≤ 1.5× ExcelJS load + save; peak RSS on 50,000 rows ≤ 2× ExcelJS's
 *   process   the compiled CLI's whole `summary` process on a 10,000-row file ≤ 1.3× a plain ExcelJS load script
 *   taskpane  taskpane.html's initial JS ≤ 100 KiB gzip; first text ≤ 0.7× the template's
 * Prints markdown; with --write, replaces each measured section of docs/BENCHMARKS.md. `--only core,apply`
 * runs some of them. Exit code 1 when a target is missed.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { benchApply } from "./apply";
import { benchCore } from "./core";
import { benchProcess } from "./process";
import { benchTaskpane } from "./taskpane";

const SECTIONS = {
  core: { title: "Core: parse + score + plan against ExcelJS's load", run: benchCore },
  apply: { title: "apply against plain ExcelJS load + save", run: () => benchApply() },
  process: { title: "The CLI process against a plain ExcelJS script", run: () => benchProcess() },
  taskpane: { title: "The task pane against Microsoft's React template", run: () => benchTaskpane() },
} as const;
type Name = keyof typeof SECTIONS;

function writeSection(doc: string, name: string, title: string, body: string): string {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${begin}\n${body}\n${end}`;
  return doc.includes(begin)
    ? doc.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), () => section)
    : `${doc}\n## ${title}\n\n${section}\n`;
}

async function run(): Promise<void> {
  const args = process.argv.slice(2);
  const onlyAt = args.indexOf("--only");
  const names = (onlyAt >= 0 ? args[onlyAt + 1].split(",") : Object.keys(SECTIONS)) as Name[];
  for (const n of names) if (!(n in SECTIONS)) throw new Error(`unknown section ${n}`);
  const stamp = `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${process.platform}/${process.arch}, Node ${process.version}.`;
  let failed = false;
  const file = "docs/BENCHMARKS.md";
  for (const name of names) {
    const s = SECTIONS[name];
    console.log(`\n## ${s.title}\n`);
    const r = await s.run();
    console.log(r.lines.join("\n"));
    if (!r.ok) failed = true;
    if (args.includes("--write")) {
      // written section by section: a later section that fails keeps the earlier figures
      const doc = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
      writeFileSync(file, writeSection(doc, name, s.title, `${r.lines.join("\n")}\n\n${stamp}`));
    }
  }
  if (failed) process.exitCode = 1;
}

void run();
