/**
 * `par-index apply FILE -o OUT.xlsx`: every step planned on one read into one change set (app/applyAll),
 * the warnings said, then the workbook saved with the parts ExcelJS drops carried over from the input
 * (hosts/xlsx preserveParts) and written whole through a temporary file. Nothing is written when the table
 * cannot be read, a step fails, --strict meets a warning, or parts would be lost without --allow-loss.
 */
import { APPLY_STEPS } from "../app/applyAll";
import { userError } from "../app/errors";
import { Session } from "../app/session";
import { resolveUnit } from "../app/units";
import { columnEditsOf, preserveParts, saveWorkbook } from "../hosts/xlsx";
import type { Args } from "./args";
import { FileHost } from "./fileHost";
import { isUserError, openWorkbook, sayError, writeWhole, wrote, type Io } from "./output";
import { fileUnit, jsonOf, strictFailure, warningLines } from "./summary";

export async function apply(io: Io, a: Args): Promise<number> {
  const file = a.files[0];
  const out = a.out!;
  const opened = await openWorkbook(io, file);
  if (isUserError(opened)) {
    sayError(io, file, opened, a.lang);
    return 1;
  }
  const host = new FileHost(opened.wb, a.sheet);
  const session = new Session(host, a.lang, {
    chooseSheet: a.sheet === undefined,
    undo: false,
    rollback: false, // the xlsx host writes a prepared change set whole, in memory
    unit: a.unit,
    replaceTotal: a.replaceTotal,
  });
  const r = await session.applyAll(a.only ?? APPLY_STEPS);
  if (host.lastSheet) io.stderr(`${a.lang === "vi" ? "Trang tính" : "Sheet"}: «${host.lastSheet}»\n`);
  if (!r.ok) {
    sayError(io, file, r.error, a.lang);
    return 1;
  }
  const unit = resolveUnit(host.lastRead!.active, r.summary.table.headerRow, a.unit, fileUnit(file));
  for (const line of r.results) io.stderr(`${line[a.lang]}\n`);
  io.stderr(warningLines(file, r.summary, a.lang));
  const report = () => {
    if (a.json)
      io.stdout(
        JSON.stringify(
          { ...jsonOf({ file, unit, sheet: r.summary.sheet, summary: r.summary }, a.lang), output: out },
          null,
          2,
        ) + "\n",
      );
  };
  if (a.strict && r.summary.issues.length > 0) {
    report();
    return strictFailure(io, a);
  }
  host.finish();
  const saved = await saveWorkbook(opened.wb);
  const kept = await preserveParts(opened.bytes, saved, columnEditsOf(r.steps));
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
