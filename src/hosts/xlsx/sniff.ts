/**
 * What a file really is, before ExcelJS sees it: a legacy .xls, a password-protected workbook, a CSV or
 * HTML page with a workbook's name, an empty or oversized file, or a zip that is not a workbook each get
 * their own AddinError code (the app layer words them, vi then en, with how to get a readable .xlsx).
 * Synchronous and pure on the bytes: the CLI and the playground call it before `loadWorkbook`.
 */
import { AddinError } from "../../core/errors";

/** The largest file the tool reads: 50 MB (a results workbook is a few hundred KB). */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/**
 * Throws the AddinError that says what `bytes` is when it is not an .xlsx/.xlsm workbook ExcelJS can
 * read; returns quietly for a zip holding xl/workbook.xml. `name` (the file's name) goes into the
 * details as `path`.
 */
export function sniffWorkbook(bytes: Uint8Array, name?: string): void {
  const path = name;
  if (bytes.length === 0) throw new AddinError("file-empty", { path });
  if (bytes.length > MAX_XLSX_BYTES)
    throw new AddinError("file-too-large", { path, limit: MAX_XLSX_BYTES, size: bytes.length });
  if (startsWith(bytes, CFB_MAGIC)) {
    const streams = cfbStreamNames(bytes);
    if (streams.includes("encryptioninfo") || streams.includes("encryptedpackage"))
      throw new AddinError("file-encrypted", { path });
    if (streams.includes("workbook") || streams.includes("book")) throw new AddinError("file-xls", { path });
    throw new AddinError("file-unreadable", { path, kind: "cfb", streams });
  }
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, ZIP_EMPTY)) {
    const entries = zipEntryNames(bytes);
    if (entries === undefined) throw new AddinError("file-unreadable", { path, kind: "zip-damaged" });
    const lower = new Set(entries.map((e) => e.toLowerCase()));
    if (lower.has("xl/workbook.xml")) return;
    const kind = lower.has("xl/workbook.bin")
      ? "xlsb"
      : lower.has("content.xml") && lower.has("mimetype")
        ? "ods"
        : lower.has("word/document.xml")
          ? "docx"
          : "zip";
    throw new AddinError("file-unreadable", { path, kind });
  }
  const head = textHead(bytes);
  if (head !== undefined) {
    const start = head.replace(/^\uFEFF/, "").trimStart();
    const low = start.slice(0, 4096).toLowerCase();
    if (/^mime-version\s*:/.test(low)) throw new AddinError("file-html", { path, kind: "mhtml" });
    if (
      /^<(html|!doctype html|table|head|meta|body)\b/.test(low) ||
      (low.startsWith("<") && /<html[\s>]/.test(low))
    )
      throw new AddinError("file-html", { path, kind: "html" });
    if (low.startsWith("<?xml") && low.includes("urn:schemas-microsoft-com:office:spreadsheet"))
      throw new AddinError("file-unreadable", { path, kind: "xml-spreadsheet-2003" });
    throw new AddinError("file-csv", { path, delimiter: guessDelimiter(start) });
  }
  throw new AddinError("file-unreadable", { path, kind: "unknown" });
}

/** The first 8 KB as text when they look like text (no NUL, valid UTF-8 or a legacy 8-bit code page). */
function textHead(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return utf16Head(head);
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > head.length / 100 + 1) return undefined;
  return new TextDecoder("utf-8").decode(head);
}

/** UTF-16 text (Excel's "Unicode Text" export starts with a BOM), else undefined. */
function utf16Head(head: Uint8Array): string | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le").decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be").decode(head.subarray(2));
  return undefined;
}

function guessDelimiter(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [",", ";", "\t", "|"].map((d) => [d, line.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : "";
}

/** Entry names from a zip's central directory, or undefined when it cannot be found. */
function zipEntryNames(b: Uint8Array): string[] | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const min = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const utf8 = new TextDecoder("utf-8");
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLen = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    names.push(utf8.decode(b.subarray(at + 46, at + 46 + nameLen)));
    at += 46 + nameLen + extra + comment;
  }
  return names;
}

/**
 * The names (lower case) of the entries in a compound file's directory, read through its FAT; when
 * the structure is damaged, the UTF-16 names found by scanning the bytes for the ones that matter.
 */
function cfbStreamNames(b: Uint8Array): string[] {
  try {
    return cfbDirectory(b);
  } catch {
    const known = ["EncryptionInfo", "EncryptedPackage", "Workbook", "Book"];
    return known.filter((k) => indexOfUtf16(b, k) >= 0).map((k) => k.toLowerCase());
  }
}

function cfbDirectory(b: Uint8Array): string[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  if (sectorSize !== 512 && sectorSize !== 4096) throw new Error("sector size");
  const sectorAt = (s: number) => (s + 1) * sectorSize;
  // The FAT sectors named in the header's DIFAT (109 entries; enough for files up to ~7 MB of FAT-mapped data).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = view.getUint32(0x4c + i * 4, true);
    if (s >= 0xfffffffa) break;
    fatSectors.push(s);
  }
  const perSector = sectorSize / 4;
  const next = (s: number): number => {
    const fat = fatSectors[Math.floor(s / perSector)];
    if (fat === undefined) throw new Error("fat");
    const at = sectorAt(fat) + (s % perSector) * 4;
    if (at + 4 > b.length) throw new Error("fat range");
    return view.getUint32(at, true);
  };
  const names: string[] = [];
  let sector = view.getUint32(0x30, true);
  for (let guard = 0; sector < 0xfffffffa && guard < 10000; guard++) {
    const base = sectorAt(sector);
    if (base + sectorSize > b.length) throw new Error("dir range");
    for (let e = 0; e < sectorSize / 128; e++) {
      const at = base + e * 128;
      const len = view.getUint16(at + 0x40, true);
      const type = b[at + 0x42];
      if (len < 2 || len > 64 || type === 0) continue;
      let name = "";
      for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(view.getUint16(at + i * 2, true));
      names.push(name.toLowerCase());
    }
    sector = next(sector);
  }
  if (names.length === 0) throw new Error("empty directory");
  return names;
}

function indexOfUtf16(b: Uint8Array, s: string): number {
  outer: for (let i = 0; i + s.length * 2 <= b.length; i++) {
    for (let j = 0; j < s.length; j++) {
      if (b[i + j * 2] !== s.charCodeAt(j) || b[i + j * 2 + 1] !== 0) continue outer;
    }
    return i;
  }
  return -1;
}
