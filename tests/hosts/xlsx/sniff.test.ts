import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AddinError } from "../../../src/core/errors";
import { MAX_XLSX_BYTES, sniffWorkbook } from "../../../src/hosts/xlsx/sniff";
import { describeWithLibreOffice, libreOffice } from "../../support/libreoffice";

/**
 * A minimal but well-formed compound file (CFB v3, 512-byte sectors): header, one FAT sector (sector 0),
 * the directory in sectors 1.. (four 128-byte entries each, chained through the FAT).
 */
function cfb(streams: string[]): Uint8Array {
  const entries = ["Root Entry", ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const bytes = new Uint8Array(512 * (2 + dirSectors));
  const v = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  v.setUint16(0x18, 0x3e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, 1, true); // FAT sectors
  v.setUint32(0x30, 1, true); // first directory sector
  v.setUint32(0x38, 4096, true);
  v.setUint32(0x3c, 0xfffffffe, true);
  v.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = 512;
  for (let i = 0; i < 128; i++) v.setUint32(fat + i * 4, 0xffffffff, true);
  v.setUint32(fat, 0xfffffffd, true); // the FAT sector itself
  for (let s = 1; s <= dirSectors; s++) v.setUint32(fat + s * 4, s === dirSectors ? 0xfffffffe : s + 1, true);
  entries.forEach((name, i) => {
    const at = 512 * 2 + i * 128;
    for (let c = 0; c < name.length; c++) v.setUint16(at + c * 2, name.charCodeAt(c), true);
    v.setUint16(at + 0x40, (name.length + 1) * 2, true);
    bytes[at + 0x42] = i === 0 ? 5 : 2; // root storage, else stream
    v.setUint32(at + 0x44, 0xffffffff, true);
    v.setUint32(at + 0x48, 0xffffffff, true);
    v.setUint32(at + 0x4c, i === 0 && entries.length > 1 ? 1 : 0xffffffff, true);
  });
  return bytes;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function codeOf(bytes: Uint8Array, name?: string): string | undefined {
  try {
    sniffWorkbook(bytes, name);
    return undefined;
  } catch (e) {
    if (!(e instanceof AddinError)) throw e;
    return e.code;
  }
}

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [k, v] of Object.entries(files)) zip.file(k, v);
  return zip.generateAsync({ type: "uint8array" });
}

describe("sniffWorkbook", () => {
  test("a real .xlsx passes", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "TT";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(codeOf(bytes, "a.xlsx")).toBeUndefined();
  });

  test("a legacy .xls (BIFF8 Workbook stream in a compound file)", () => {
    expect(codeOf(cfb(["Workbook", "\u0005SummaryInformation"]), "a.xls")).toBe("file-xls");
    // Excel 5/95 names the stream "Book".
    expect(codeOf(cfb(["Book"]))).toBe("file-xls");
  });

  test("a password-protected workbook (EncryptionInfo + EncryptedPackage, directory over two sectors)", () => {
    const bytes = cfb(["\u0006DataSpaces", "Version", "EncryptionInfo", "EncryptedPackage", "\u0005Summary"]);
    let error: unknown;
    try {
      sniffWorkbook(bytes, "mat-khau.xlsx");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AddinError);
    expect((error as AddinError).code).toBe("file-encrypted");
    expect((error as AddinError).details.path).toBe("mat-khau.xlsx");
  });

  test("a damaged compound file still tells encryption from .xls by scanning its names", () => {
    const bytes = cfb(["EncryptionInfo", "EncryptedPackage"]);
    new DataView(bytes.buffer).setUint32(0x30, 999, true); // directory sector out of range
    expect(codeOf(bytes)).toBe("file-encrypted");
    const xls = cfb(["Workbook"]);
    new DataView(xls.buffer).setUint32(0x30, 999, true);
    expect(codeOf(xls)).toBe("file-xls");
  });

  test("another compound file (a .doc) is unreadable, not .xls", () => {
    expect(codeOf(cfb(["WordDocument", "1Table"]))).toBe("file-unreadable");
  });

  test("CSV and text with a workbook's name", () => {
    const csv = utf8("\uFEFFTT;Tiêu chí;Điểm tối đa;Điểm đạt\r\n1;Công tác chỉ đạo;9,50;8,00\r\n");
    expect(codeOf(csv, "ket-qua.xlsx")).toBe("file-csv");
    try {
      sniffWorkbook(csv);
    } catch (e) {
      expect((e as AddinError).details.delimiter).toBe(";");
    }
    // Excel's "Unicode Text" (UTF-16 LE with a BOM, tab separated).
    const text = "TT\tTiêu chí\r\n1\tA\r\n";
    const u16 = new Uint8Array(2 + text.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++)
      new DataView(u16.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    expect(codeOf(u16, "a.xls")).toBe("file-csv");
  });

  test("HTML and MHTML saved as .xls/.xlsx (government system exports)", () => {
    const pages = [
      '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table><tr><td>TT</td></tr></table></body></html>',
      "\uFEFF  <!DOCTYPE html>\n<html><body><table></table></body></html>",
      "<table border=1><tr><th>TT</th><th>Tiêu chí</th></tr></table>",
      "<!-- export --><html><body></body></html>",
    ];
    for (const p of pages) expect(codeOf(utf8(p), "bao-cao.xls")).toBe("file-html");
    const mhtml = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n';
    expect(codeOf(utf8(mhtml), "bao-cao.xls")).toBe("file-html");
  });

  test("an empty file", () => {
    expect(codeOf(new Uint8Array(0), "a.xlsx")).toBe("file-empty");
  });

  test("a file over the limit states the limit", () => {
    const big = new Uint8Array(MAX_XLSX_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    try {
      sniffWorkbook(big);
      throw new Error("not refused");
    } catch (e) {
      expect((e as AddinError).code).toBe("file-too-large");
      expect((e as AddinError).details.limit).toBe(50 * 1024 * 1024);
    }
  });

  test("a zip that is not a workbook (a .docx, an .ods, a bare zip) or a damaged zip", async () => {
    const docx = await zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" });
    expect(codeOf(docx, "a.xlsx")).toBe("file-unreadable");
    const ods = await zipOf({
      mimetype: "application/vnd.oasis.opendocument.spreadsheet",
      "content.xml": "<x/>",
    });
    expect(codeOf(ods, "a.xlsx")).toBe("file-unreadable");
    const bare = await zipOf({ "readme.txt": "hi" });
    expect(codeOf(bare)).toBe("file-unreadable");
    const truncated = (await zipOf({ "xl/workbook.xml": "<workbook/>" })).subarray(0, 40);
    expect(codeOf(truncated)).toBe("file-unreadable");
    expect(codeOf(await zipOf({ "xl/workbook.xml": "<workbook/>" }))).toBeUndefined();
  });

  test("binary noise is unreadable, not CSV", () => {
    const noise = new Uint8Array(1000).map((_, i) => (i * 7919) % 256 || 1);
    expect(codeOf(noise)).toBe("file-unreadable");
  });
});

describeWithLibreOffice("sniffWorkbook on files LibreOffice writes", () => {
  test("a real BIFF8 .xls is file-xls; the .xlsx it came from passes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sniff-"));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Kết quả").getCell("A1").value = "Tiêu chí";
    const xlsx = join(dir, "ket-qua.xlsx");
    writeFileSync(xlsx, new Uint8Array(await wb.xlsx.writeBuffer()));
    libreOffice(dir).convert([xlsx], "xls");
    expect(codeOf(readFileSync(join(dir, "ket-qua.xls")))).toBe("file-xls");
    expect(codeOf(readFileSync(xlsx))).toBeUndefined();
  }, 120_000);
});
