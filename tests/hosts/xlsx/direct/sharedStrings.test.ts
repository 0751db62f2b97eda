/**
 * The texts a change set writes go into the workbook's shared strings at save (sharedStrings.ts): each
 * distinct text once, after the part's own items (kept byte for byte), never reusing an item of the user's
 * (it may be rich text with the same plain text); every reader gives each cell its text.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadWorkbook, readSnapshot } from "../../../../src/hosts/xlsx";
import { WorkbookSource } from "../../../../src/hosts/xlsx/direct/source";
import { sharedStringsKept, writtenDirectly } from "./support";

const TEXT = "Phòng Nội vụ";

/** A sheet whose A1 is the same text as rich text (a bold run), as a user formats a heading. */
async function input(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KQ");
  ws.getCell("A1").value = { richText: [{ text: "Phòng ", font: { bold: true } }, { text: "Nội vụ" }] };
  ws.getCell("A2").value = "cũ";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const t = (text: string) => ({ kind: "text" as const, text });
const written = (bytes: Uint8Array): Promise<Uint8Array> =>
  writtenDirectly(bytes, {
    command: "assign",
    counts: {},
    ops: [
      { op: "setCells", sheet: "KQ", top: 2, left: 1, cells: [[t(TEXT)], [t(TEXT)], [t(" lề ")], [t(TEXT)]] },
    ],
  });

test("each distinct text once, appended; the user's rich item untouched and not reused; read back by all", async () => {
  const bytes = await input();
  const out = await written(bytes);
  expect(await sharedStringsKept(bytes, out)).toBe(true);
  const zip = await JSZip.loadAsync(out);
  const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
  const items = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  // The input's two items (the rich heading, "cũ"), then the two texts written.
  expect(items).toHaveLength(4);
  expect(items[0]).toContain("<b/>");
  expect(items.slice(2)).toEqual([`<t>${TEXT}</t>`, '<t xml:space="preserve"> lề </t>']);
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  for (const [ref, i] of [
    ["B3", 2],
    ["B4", 2],
    ["B5", 3],
    ["B6", 2],
  ] as const)
    expect(sheet).toMatch(new RegExp(`<c r="${ref}"[^>]* t="s"><v>${i}</v></c>`));
  const direct = (await (await WorkbookSource.open(out)).read({})).active;
  const viaExcelJs = readSnapshot(await loadWorkbook(out)).active;
  for (const s of [direct, viaExcelJs])
    expect([2, 3, 4, 5].map((r) => s.values[r - s.top][1 - s.left])).toEqual([TEXT, TEXT, " lề ", TEXT]);
});
