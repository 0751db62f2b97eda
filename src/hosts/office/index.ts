/** The Excel add-in host: the Host interface over Office.js (one ExcelHost for the runtime). */
import type { Host } from "../host";
import { ExcelHost } from "./host";
import { officeCode, toAddinError } from "./errors";
import { AddinError } from "../../core/errors";
import { toAppError as wordsFor, type AppError } from "../../app/hostErrors";

export const OfficeHost: Host = new ExcelHost();

export { ExcelHost, type ExcelHostOptions } from "./host";
export { API, isApiSupported, requireApi } from "./requirements";
export { charsToPoints, excelText, pointsToChars } from "./convert";
export { OWNED_SHEETS, type OwnedSheets, type ReadOptions } from "./read";
export { selectRow, type ApplyOptions } from "./write";
export { OFFICE_CODES, officeCode, toAddinError } from "./errors";

/**
 * TEMPORARY (until src/app/errors.ts owns every text): an Office.js error or AddinError in words, for the
 * ribbon and the task pane's glue, which import it from here today.
 */
export function toAppError(e: unknown): AppError {
  const fromOffice = officeCode(e) !== null && !(e instanceof AddinError) && !("hint" in (e as object));
  return wordsFor(fromOffice ? toAddinError(e) : e);
}
export type { AppError, Bilingual } from "../../app/hostErrors";
