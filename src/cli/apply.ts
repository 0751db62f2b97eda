/**
 * `par-index apply FILE -o OUT.xlsx`: every step planned on one read into one change set (app/applyAll),
 * the warnings said, then the workbook saved with the parts ExcelJS drops carried over from the input
 * (hosts/xlsx preserveParts) and written whole through a temporary file. Nothing is written when the table
 * cannot be read, a step fails, --strict meets a warning, or parts would be lost without --allow-loss.
 *
 * Memory: ExcelJS's save of the output is the run's peak, so by then only the workbook, the input's bytes
 * and the few facts still to be said are held — not the snapshot, the plan nor its simulation (planned()
 * returns those facts and lets the rest go; the CLI never undoes) — and that garbage is collected first.
 */
import type * as ExcelJS from "exceljs";
import { APPLY_STEPS } from "../app/applyAll";
import { userError, type UserError } from "../app/errors";
import { Session } from "../app/session";
import { resolveUnit } from "../app/units";
import { columnEditsOf, preserveParts, saveWorkbook, type ColumnEdit } from "../hosts/xlsx";
import type { Args } from "./args";
import { FileHost } from "./fileHost";
import { collectGarbage } from "./gc";
import { isUserError, openWorkbook, sayError, writeWhole, wrote, type Io } from "./output";
import { fileUnit, jsonOf, strictFailure, warningLines } from "./summary";

/** What is left to say and do once the change set is written into the workbook. */
interface Written {
  /** The report on stdout (--json), made now so the summary need not be kept. */
  json: string | null;
  /** Warnings were found (--strict stops). */
  warned: boolean;
  /** The inserted columns, for the parts carried over. */
  edits: ColumnEdit[];
}

/** Plans every step on one read, says the results and warnings, writes the change set into `wb`. */
async function planned(io: Io, a: Args, file: string, wb: ExcelJS.Workbook): Promise<Written | UserError> {
  const host = new FileHost(wb, a.sheet);
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
  return { json, warned, edits: columnEditsOf(r.steps) };
}

export async function apply(io: Io, a: Args): Promise<number> {
  const file = a.files[0];
  const out = a.out!;
  const opened = await openWorkbook(io, file);
  if (isUserError(opened)) {
    sayError(io, file, opened, a.lang);
    return 1;
  }
  const input = opened.bytes;
  const w = await planned(io, a, file, opened.wb);
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
  collectGarbage(); // what planning left, before ExcelJS's save makes the run's peak (./gc.ts)
  const saved = await saveWorkbook(opened.wb);
  const kept = await preserveParts(input, saved, w.edits);
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
