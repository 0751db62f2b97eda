/**
 * par-index: the add-in's engine, catalogue and xlsx host behind a command line, for people who collect many
 * units' tables (a province reading every unit's results) and for anyone without Excel. docs/CLI.md is the
 * manual; `par-index help` prints the usage (./args.ts).
 *
 * Exit 0 on success; 1 when a file has no recognisable table, cannot be read or cannot be written (the
 * others are still processed); 2 on bad usage; 3 on warnings with --strict. All I/O goes through `Io`, so
 * tests run it in-process.
 */
import { langOf, parseArgs, USAGE, UsageError, type Args } from "./args";
import { sayError, writeWhole, wrote, type Io } from "./output";
import { summary } from "./summary";

export type { Io } from "./output";
export { parseArgs } from "./args";
export { rankByPercent } from "./summary";

// Each command's modules load when it runs: a summary starts without the Word writer (docx), the comparison
// or the sample's ExcelJS code (the CLI process benchmark counts the start-up).
async function catalogue(io: Io, a: Args): Promise<number> {
  const { catalogueListing } = await import("../app/catalogue");
  const { UNIT_LABELS } = await import("../app/units");
  const level = a.unit ?? "district";
  const rows = catalogueListing(level);
  if (a.json) {
    io.stdout(JSON.stringify(rows, null, 2) + "\n");
    return 0;
  }
  if (a.lang === "en")
    io.stderr(
      `Catalogue for: ${UNIT_LABELS[level].en}. The catalogue's content (agencies and tasks) is in Vietnamese.\n`,
    );
  else io.stderr(`Danh mục cho: ${UNIT_LABELS[level].vi}.\n`);
  const head =
    a.lang === "vi"
      ? ["Mã", "Cơ quan chủ trì tham mưu", "Cơ quan thực hiện"]
      : ["Code", "Lead agency", "Implementers"];
  io.stdout(head.join("\t") + "\n");
  for (const r of rows) {
    io.stdout(`${r.code}\t${r.lead}\t${r.implementers}\n`);
    for (const t of r.tasks) io.stdout(`\t- ${t}\n`);
  }
  return 0;
}

async function sample(io: Io, a: Args): Promise<number> {
  const { sampleBytes } = await import("./sample");
  const err = await writeWhole(io, a.out!, await sampleBytes());
  if (err) {
    sayError(io, null, err, a.lang);
    return 1;
  }
  wrote(io, a.out!, a.lang);
  return 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let a: Args;
  try {
    a = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      const lang = langOf(argv);
      if (e.text) io.stderr(`par-index: ${e.text[lang]}\n`);
      io.stderr(USAGE[lang]);
      return 2;
    }
    throw e;
  }
  switch (a.command) {
    case "help":
      io.stdout(USAGE[a.lang]);
      return 0;
    case "summary":
      return summary(io, a);
    case "apply":
      return (await import("./apply")).apply(io, a);
    case "plan-doc":
      return (await import("./planDoc")).planDoc(io, a);
    case "compare":
      return (await import("./compare")).compare(io, a);
    case "sample":
      return sample(io, a);
    case "catalogue":
      return catalogue(io, a);
  }
}
