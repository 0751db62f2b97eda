/**
 * `par-index plan-doc FILE -o PLAN.docx [--year N] [--previous OLD.xlsx] [--unit LEVEL]`: the year's plan
 * document drafted from the workbook as it stands (app/planDocument, which the panel calls too).
 */
import { planDocumentDocx } from "../app/planDocument";
import type { Args } from "./args";
import { FileHost, readChosen } from "./fileHost";
import { isUserError, openBook, sayError, writeWhole, wrote, type Io } from "./output";
import { fileUnit } from "./summary";

export async function planDoc(io: Io, a: Args): Promise<number> {
  const file = a.files[0];
  const opened = await openBook(io, file);
  if (isUserError(opened)) {
    sayError(io, file, opened, a.lang);
    return 1;
  }
  const ws = await readChosen(new FileHost(opened.source, a.sheet), a.sheet);
  io.stderr(`${a.lang === "vi" ? "Trang tính" : "Sheet"}: «${ws.active.name}»\n`);
  let previous = null;
  if (a.previous) {
    const old = await openBook(io, a.previous);
    if (isUserError(old)) {
      sayError(io, a.previous, old, a.lang);
      return 1;
    }
    previous = (await readChosen(new FileHost(old.source))).active;
  }
  const r = await planDocumentDocx(ws, {
    year: a.year,
    previous,
    unit: a.unit,
    fallbackName: fileUnit(file),
  });
  if (!r.ok) {
    sayError(io, file, r.error, a.lang);
    return 1;
  }
  for (const n of r.notes) io.stderr(`${n[a.lang]}\n`);
  const err = await writeWhole(io, a.out!, r.bytes);
  if (err) {
    sayError(io, null, err, a.lang);
    return 1;
  }
  wrote(io, a.out!, a.lang);
  return 0;
}
