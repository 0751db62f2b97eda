/** The Excel add-in host: the Host interface over Office.js (one ExcelHost for the runtime). */
import type { Host } from "../host";
import { ExcelHost } from "./host";

export const OfficeHost: Host = new ExcelHost();

export { ExcelHost, type ExcelHostOptions } from "./host";
export { API, isApiSupported, requireApi } from "./requirements";
export { excelText } from "./convert";
export { charsToPoints, pointsToChars } from "../../core/units";
export { OWNED_SHEETS, type OwnedSheets, type ReadOptions } from "./read";
export { selectRow, type ApplyOptions } from "./write";
export { OFFICE_CODES, officeCode, toAddinError } from "./errors";
