/**
 * `par-index apply FILE -o OUT.xlsx`: every step planned on one read into one change set (app/applyAll),
 * the warnings said, then the change set written and the output written whole through a temporary file.
 * The change set is written directly into the package's XML when the direct writer takes all of it
 * (hosts/xlsx/direct: only the parts it touches change, nothing of the user's can be lost), else through
 * ExcelJS with the parts it drops carried over from the input (hosts/xlsx preserveParts). Nothing is written
 * when the table cannot be read, a step fails, --strict meets a warning, or parts would be lost without
 * --allow-loss.
 *
 * Memory: the save of the output is the run's peak, so by then only the package (or the ExcelJS workbook),
 * the input's bytes and the few facts still to be said are held — not the snapshot, the plan nor its
 * simulation (planned() returns those facts and lets the rest go; the CLI never undoes) — and that garbage
 * is collected first.
 */
import { APPLY_STEPS } from "../app/applyAll";
import { userError, type UserError } from "../app/errors";
import { Session } from "../app/session";
import { resolveUnit } from "../app/units";
import { DirectHost } from "../hosts/xlsx/direct/host";
import type { Args } from "./args";
import { collectGarbage } from "./gc";
import { baseName, isUserError, readInput, sayError, writeWhole, wrote, type Io } from "./output";
import { fileUnit, jsonOf, strictFailure, warningLines } from "./summary";

/** What is left to say and do once the change set is written into the workbook. */
interface Written {
  /** The report on stdout (--json), made now so the summary need not be kept. */
  json: string | null;
  /** Warnings were found (--strict stops). */
  warned: boolean;
}

/** Plans every step on one read, says the results and warnings, writes the change set through `host`. */
async function planned(io: Io, a: Args, file: string, host: DirectHost): Promise<Written | UserError> {
  const session = new Session(host, a.lang, {
    chooseSheet: a.sheet === undefined,
    undo: false,
    rollback: false, // the xlsx host writes a prepared change set whole, in memory
    unit: a.unit,
    replaceTotal: a.replaceTotal,
  });
  const r = await session.applyAll(a.only ?? APPLY_STEPS);
  if (host.lastSheet) io.stderr(`${a.lang === "vi" ? "Trang tính" : "Sheet"}: «${host.lastSheet}»\n`);
  if (!r.ok) return r.error;
  const unit = resolveUnit(host.lastRead!.active, r.summary.table.headerRow, a.unit, fileUnit(file));
  for (const line of r.results) io.stderr(`${line[a.lang]}\n`);
  io.stderr(warningLines(file, r.summary, a.lang));
  const json = a.json
    ? JSON.stringify(
        { ...jsonOf({ file, unit, sheet: r.summary.sheet, summary: r.summary }, a.lang), output: a.out! },
        null,
        2,
      ) + "\n"
    : null;
  const warned = r.summary.issues.length > 0;
  if (!(a.strict && warned)) await host.finish();
  return { json, warned };
}

export async function apply(io: Io, a: Args): Promise<number> {
  const file = a.files[0];
  const out = a.out!;
  const input = await readInput(io, file);
  if (isUserError(input)) {
    sayError(io, file, input, a.lang);
    return 1;
  }
  let host: DirectHost;
  try {
    host = await DirectHost.open(input, { sheet: a.sheet });
  } catch {
    sayError(io, file, userError("file-unreadable", { path: baseName(file) }), a.lang);
    return 1;
  }
  const w = await planned(io, a, file, host);
  if (isUserError(w)) {
    sayError(io, file, w, a.lang);
    return 1;
  }
  const report = () => {
    if (w.json !== null) io.stdout(w.json);
  };
  if (a.strict && w.warned) {
    report();
    return strictFailure(io, a);
  }
  host.release();
  collectGarbage(); // what planning left, before the save makes the run's peak (./gc.ts)
  const kept = await host.save();
  if (kept.lost.length > 0 && !a.allowLoss) {
    sayError(io, file, userError("would-lose-parts", { parts: kept.lost, allowLoss: true }), a.lang);
    return 1;
  }
  if (kept.lost.length > 0)
    io.stderr(
      `${a.lang === "vi" ? "Chấp nhận mất (--allow-loss)" : "Accepted loss (--allow-loss)"}: ${kept.lost.join(", ")}\n`,
    );
  const err = await writeWhole(io, out, kept.bytes);
  if (err) {
    sayError(io, null, err, a.lang);
    return 1;
  }
  report();
  wrote(io, out, a.lang);
  return 0;
}
