/**
 * The one error type of the add-in: a code and plain details, no text. Core, catalogue and hosts throw it;
 * `src/app/errors.ts` is the only place that turns a code into words (Vietnamese first, English second) and
 * a hint. Callers tell errors apart with `instanceof AddinError` and `error.code`, never by a message.
 */

export type ErrorCode =
  // The table on the sheet
  | "no-table" // no criteria table found (details.headers: what was looked for)
  | "ambiguous" // two or more candidate tables
  | "not-read" // a sheet the command must update exists but was not read (details.sheet)
  // Preparing a change set
  | "invalid-change-set" // an op does not fit the workbook (details.op, details.problem)
  | "text-too-long" // a text over Excel's 32,767 characters (details.sheet, details.cell, details.length)
  | "changed-since" // undo refused: a cell the command wrote was edited since
  | "stale" // the workbook changed between read and write
  // Hosts
  | "protected" // the sheet or workbook is protected (details.sheet)
  | "cell-edit" // Excel is in cell-edit mode
  | "requirement-set" // the Excel API version needed is missing (details.requirement)
  | "too-large" // the sheet or a request is too large (details.limit)
  | "invalid-selection" // Excel refused because of the selection (e.g. a chart is selected)
  | "partial-write" // a write that needed several requests failed part-way (details.rolledBack: boolean)
  // Files (the xlsx host, the CLI, the playground)
  | "file-unreadable" // not a workbook we can read (details.path)
  | "file-xls" // a legacy .xls (BIFF) file
  | "file-encrypted" // a password-protected workbook
  | "file-csv" // a CSV/text file with a workbook's name
  | "file-html" // an HTML page saved with an .xls/.xlsx name
  | "file-empty" // a zero-byte file
  | "file-too-large" // over the size the tool reads (details.limit)
  | "write-failed" // the output could not be written (details.path, details.reason)
  | "would-lose-parts" // saving would drop parts of the file (details.parts: string[])
  | "unexpected"; // a bug: details.detail says what, for the log

export type ErrorDetail = string | number | boolean | string[] | undefined;
export type ErrorDetails = Record<string, ErrorDetail>;

export class AddinError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    const detail = details.detail ?? details.problem;
    super(detail !== undefined ? `${code}: ${String(detail)}` : code);
    this.name = "AddinError";
  }
}

export function isAddinError(e: unknown): e is AddinError {
  return e instanceof AddinError;
}
