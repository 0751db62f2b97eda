/**
 * What the CLI writes and how: the Io it writes through (files are written whole or not at all: node.ts
 * writes a temporary file beside the target and renames it), opening input files (sniffed before ExcelJS
 * sees them), CSV for Excel with formula-like cells escaped, and the one-line reports of what was written.
 */
import type * as ExcelJS from "exceljs";
import { AddinError, describeError, userError, type UserError } from "../app/errors";
import type { Lang } from "../app/types";
// The readers and the sniffer alone: a summary never loads the writer nor the parts carried over (index.ts),
// and ExcelJS only for a file the direct reader leaves to it.
import { WorkbookSource } from "../hosts/xlsx/direct/source";
import { sniffWorkbook } from "../hosts/xlsx/sniff";

export interface Io {
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Writes a whole file: all of it or nothing (a temporary file in the target folder, then a rename). On
   * failure it throws AddinError("write-failed", { path, errno }) and leaves no partial file.
   */
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves a path to compare input and output files. */
  resolve(path: string): string;
}

/** "Đã ghi X" / "Wrote X". */
export function wrote(io: Io, path: string, lang: Lang): void {
  io.stderr(`${lang === "vi" ? "Đã ghi tệp" : "Wrote"} ${path}\n`);
}

/** One line for a failure: the file, what went wrong and what to do, in `lang`. */
export function sayError(io: Io, file: string | null, e: UserError, lang: Lang): void {
  io.stderr(`${file ? `${file}: ` : ""}${e.message[lang]} ${e.hint[lang]}\n`);
}

/** Writes `data` to `path` through io; a failure becomes the UserError to report (nothing half-written). */
export async function writeWhole(io: Io, path: string, data: Uint8Array | string): Promise<UserError | null> {
  try {
    await io.writeFile(path, data);
    return null;
  } catch (e) {
    if (e instanceof AddinError) return describeError(e);
    const errno = (e as NodeJS.ErrnoException)?.code;
    return userError("write-failed", { path, errno });
  }
}

/** A file's bytes, sniffed (each kind of bad file its own error), or the error to report. */
export async function readInput(io: Io, file: string): Promise<Uint8Array | UserError> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === "ENOENT") return userError("file-unreadable", { missing: true });
    if (code === "EISDIR") return userError("file-unreadable", { path: baseName(file) });
    return describeError(e);
  }
  try {
    sniffWorkbook(bytes, baseName(file));
  } catch (e) {
    return describeError(e);
  }
  return bytes;
}

/**
 * The workbook in a file for reading: the direct reader's package, or ExcelJS's workbook when the direct
 * reader leaves the file to it (hosts/xlsx/direct/source.ts) — or the error, the same either way.
 */
export async function openBook(io: Io, file: string): Promise<{ source: WorkbookSource } | UserError> {
  const bytes = await readInput(io, file);
  if (isUserError(bytes)) return bytes;
  try {
    return { source: await WorkbookSource.open(bytes) };
  } catch {
    return userError("file-unreadable", { path: baseName(file) });
  }
}

/** The workbook in a file through ExcelJS, with its bytes (for carrying over the parts ExcelJS drops), or the error. */
export async function openWorkbook(
  io: Io,
  file: string,
): Promise<{ wb: ExcelJS.Workbook; bytes: Uint8Array } | UserError> {
  const bytes = await readInput(io, file);
  if (isUserError(bytes)) return bytes;
  try {
    const { loadWorkbook } = await import("../hosts/xlsx/workbook");
    return { wb: await loadWorkbook(bytes), bytes };
  } catch {
    return userError("file-unreadable", { path: baseName(file) });
  }
}

export const isUserError = (x: unknown): x is UserError =>
  typeof x === "object" && x !== null && "hint" in x && "code" in x && "message" in x;

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/**
 * CSV for Excel: UTF-8 with a BOM; ";" in Vietnamese (Excel there uses a decimal comma), "," in English.
 * A cell beginning with = + - @ (or a tab/CR) is prefixed with ' so a spreadsheet never runs it as a formula.
 */
export function csvOf(rows: string[][], lang: Lang): string {
  const sep = lang === "vi" ? ";" : ",";
  const q = (raw: string) => {
    const s = /^[=+\-@\t\r]/.test(raw) && !/^-?\d+([.,]\d+)?$/.test(raw) ? `'${raw}` : raw;
    return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return "\ufeff" + rows.map((r) => r.map(q).join(sep)).join("\r\n") + "\r\n";
}

/**
 * `--csv PATH`: the CSV to stdout for "-", else to PATH — refused when it names one of the inputs. Returns
 * the exit status to use when it failed (2 bad usage, 1 not written), or 0.
 */
export async function writeCsv(
  io: Io,
  path: string,
  inputs: readonly string[],
  rows: string[][],
  lang: Lang,
): Promise<number> {
  const text = csvOf(rows, lang);
  if (path === "-") {
    io.stdout(text);
    return 0;
  }
  const target = io.resolve(path);
  if (inputs.some((f) => io.resolve(f) === target)) {
    io.stderr(
      lang === "vi"
        ? `par-index: --csv ${path} là một tệp đầu vào; chọn tên khác để không ghi đè lên nó.\n`
        : `par-index: --csv ${path} is one of the input files; choose another name so it is not overwritten.\n`,
    );
    return 2;
  }
  const err = await writeWhole(io, path, text);
  if (err) {
    sayError(io, null, err, lang);
    return 1;
  }
  wrote(io, path, lang);
  return 0;
}
