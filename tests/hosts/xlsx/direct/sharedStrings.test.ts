/**
 * The texts a change set writes go into the workbook's shared strings at save (sharedStrings.ts): each
 * distinct text once, after the part's own items (kept byte for byte), never reusing an item of the user's
 * (it may be rich text with the same plain text); every reader gives each cell its text.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadWorkbook, readSnapshot } from "../../../../src/hosts/xlsx";
import { WorkbookSource } from "../../../../src/hosts/xlsx/direct/source";
import { SharedItems } from "../../../../src/hosts/xlsx/direct/book";
import { runsText } from "../../../../src/hosts/xlsx/direct/sheetPart";
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

test("the part's items as cachedText reads them: counted at once, each decoded when asked, as a list made whole", () => {
  const xml =
    '<?xml version="1.0"?><sst xmlns="m" count="7" uniqueCount="7"><si><t>Tổng</t></si><si/>' +
    '<si><r><rPr><b/></rPr><t>Phòng </t></r><r><t xml:space="preserve">Nội &amp; vụ</t></r></si>' +
    '<si><t>漢</t><rPh sb="0" eb="1"><t>かん</t></rPh></si><x:si xmlns:x="m"><x:t>pre</x:t></x:si>' +
    "<si><t></t></si><si><t>a &lt; b</t></si></sst>";
  // The list a whole read made (before items were decoded when asked for).
  const whole = [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) =>
    runsText(m[1] ?? ""),
  );
  expect(whole).toEqual(["Tổng", "", "Phòng Nội & vụ", "漢", "", "", "a < b"]);
  const items = new SharedItems(xml);
  expect(items.length).toBe(whole.length);
  // Asked in any order, some twice; then what an index past the end or not an index reads.
  for (const i of [6, 2, 0, 2, 5, 1, 3, 4]) expect(items.item(i)).toBe(whole[i]);
  for (const v of ["7", "-1", "1.5", "x", ""]) expect(items.item(Number(v))).toBe(whole[Number(v)]);
  expect(new SharedItems("").length).toBe(0);
});

test("a table made over shared-string headers takes their texts as column names (the items decoded when asked)", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KQ");
  ws.getCell("A1").value = { richText: [{ text: "Phòng ", font: { bold: true } }, { text: "Nội vụ" }] };
  ws.getCell("B1").value = "Điểm & hạng";
  ws.getCell("C1").value = "x";
  ws.getCell("A2").value = "cũ";
  ws.getCell("B2").value = 3;
  const out = await writtenDirectly(new Uint8Array(await wb.xlsx.writeBuffer()), {
    command: "assign",
    counts: {},
    ops: [{ op: "addTable", sheet: "KQ", name: "Bang1", rect: { top: 0, left: 0, rows: 2, cols: 2 } }],
  });
  const zip = await JSZip.loadAsync(out);
  const table = Object.keys(zip.files).find((n) => /^xl\/tables\/table\d+\.xml$/.test(n))!;
  const xml = await zip.file(table)!.async("string");
  expect([...xml.matchAll(/<tableColumn\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1])).toEqual([
    "Phòng Nội vụ",
    "Điểm &amp; hạng",
  ]);
});
