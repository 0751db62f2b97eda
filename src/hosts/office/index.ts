/** The Excel add-in host: the Host interface over Office.js, plus its error messages. */
import type { Host } from "../host";
import { applyChangeSet, readSnapshot, selectRow } from "./excelHost";

export const OfficeHost: Host = {
  read: () => readSnapshot(),
  apply: (cs, basis) => applyChangeSet(cs, basis),
  selectRow,
};

export {
  API,
  OWNED_SHEETS,
  applyChangeSet,
  charsToPoints,
  excelText,
  pointsToChars,
  readSnapshot,
  requireApi,
  selectRow,
  type ApplyOptions,
  type OwnedSheets,
  type ReadOptions,
} from "./excelHost";
export {
  HostError,
  toAppError,
  toHostError,
  type AppError,
  type Bilingual,
  type HostErrorCode,
} from "./errors";
