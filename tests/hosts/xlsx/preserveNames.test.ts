import JSZip from "jszip";
import * as ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import { applyChangeSet, loadWorkbook, saveWorkbook } from "../../../src/hosts/xlsx";
import { preserveParts } from "../../../src/hosts/xlsx/preserve";
import { definedNamesModel, setDefinedNamesModel } from "../../../src/hosts/xlsx/internals";

const SHEET = "Kết quả";
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });
type Node = Record<string, unknown>;
const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

const NAMES = `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'Kết quả'!$1:$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'Kết quả'!$A$1:$D$30</definedName><definedName name="DiemDat">'Kết quả'!$D$2:$D$30</definedName><definedName name="An" hidden="1">'Kết quả'!$A$1</definedName><definedName name="TyLe">0.5</definedName><definedName name="Dong" comment="động">OFFSET('Kết quả'!$D$1,0,0,COUNTA('Kết quả'!$D:$D),1)</definedName><definedName name="Hong">#REF!</definedName><definedName name="Cot">'Kết quả'!$C:$D</definedName></definedNames>`;

/** Read-only recommended, structure locked with a password (Excel's legacy hash). */
const protect = (book: string) =>
  book
    .replace(/<workbookPr\b/, '<fileSharing readOnlyRecommended="1" userName="Văn thư"/><workbookPr')
    .replace(
      /<bookViews>|<sheets>/,
      (m) => `<workbookProtection workbookPassword="CC1A" lockStructure="1"/>${m}`,
    );

/** A results sheet (second, after a cover) with print titles/area, names ExcelJS drops, and page breaks. */
async function input(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Bìa").getCell("A1").value = "Báo cáo";
  const ws = wb.addWorksheet(SHEET);
  for (let r = 1; r <= 30; r++) ws.getRow(r).values = [r, `Tiêu chí ${r}`, 10, 8];
  const z = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sheet = await z.file("xl/worksheets/sheet2.xml")!.async("string");
  z.file(
    "xl/worksheets/sheet2.xml",
    sheet.replace(
      "</worksheet>",
      `<rowBreaks count="1" manualBreakCount="1"><brk id="15" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="3" max="1048575" man="1"/></colBreaks></worksheet>`,
    ),
  );
  const book = await z.file("xl/workbook.xml")!.async("string");
  z.file(
    "xl/workbook.xml",
    protect(book).replace(/<definedNames\/>|<definedNames>.*<\/definedNames>|(?=<calcPr)/, NAMES),
  );
  return z.generateAsync({ type: "uint8array" });
}

async function run(edits = [{ sheet: SHEET, at: 2, count: 1 }]) {
  const bytes = await input();
  const wb = await loadWorkbook(bytes);
  for (const e of edits)
    applyChangeSet(wb, { command: "recalc", ops: [{ op: "insertColumns", ...e }], counts: {} });
  const saved = await saveWorkbook(wb);
  const kept = await preserveParts(bytes, saved, edits);
  return { saved, kept, zip: await JSZip.loadAsync(kept.bytes) };
}

async function namesOf(zip: JSZip) {
  const book = parser.parse(await zip.file("xl/workbook.xml")!.async("string")) as Node;
  const names = list(((book.workbook as Node).definedNames as Node).definedName as Node[]);
  return Object.fromEntries(names.map((n) => [n["@name"], n]));
}

describe("defined names ExcelJS drops or changes come back, moved with the inserted column", () => {
  test("without preserveParts, ExcelJS loses five of the eight names' content", async () => {
    const { saved } = await run();
    const names = await namesOf(await JSZip.loadAsync(saved));
    expect(Object.keys(names).sort()).toEqual(["An", "DiemDat", "_xlnm.Print_Area", "_xlnm.Print_Titles"]);
    expect(names.An["@hidden"]).toBeUndefined();
  });

  test("every name is back with its attributes, sheet and moved reference", async () => {
    const { kept, zip } = await run();
    expect(kept.lost).toEqual([]);
    const n = await namesOf(zip);
    const text = (k: string) => String(n[k]["#text"]);
    expect(text("DiemDat")).toBe("'Kết quả'!$E$2:$E$30");
    expect(text("_xlnm.Print_Area")).toBe("'Kết quả'!$A$1:$E$30");
    expect(n["_xlnm.Print_Area"]["@localSheetId"]).toBe("1");
    expect(text("_xlnm.Print_Titles")).toBe("'Kết quả'!$1:$2");
    expect(n.An["@hidden"]).toBe("1");
    expect(text("TyLe")).toBe("0.5");
    expect(text("Dong")).toBe("OFFSET('Kết quả'!$E$1,0,0,COUNTA('Kết quả'!$E:$E),1)");
    expect(n.Dong["@comment"]).toBe("động");
    expect(text("Hong")).toBe("#REF!");
    expect(text("Cot")).toBe("'Kết quả'!$D:$E"); // inserted at its first column: it moves, as in Excel
    // ExcelJS reads the result (and sees the names it understands).
    const back = await loadWorkbook(kept.bytes);
    expect(back.definedNames.getRanges("DiemDat").ranges).toEqual(["'Kết quả'!$E$2:$E$30"]);
  });

  test("the manual page breaks are back; the column break moves right of the insert", async () => {
    const { zip } = await run();
    const ws = parser.parse(await zip.file("xl/worksheets/sheet2.xml")!.async("string")) as Node;
    const w = ws.worksheet as Node;
    expect(((w.rowBreaks as Node).brk as Node)["@id"]).toBe("15");
    expect(((w.colBreaks as Node).brk as Node)["@id"]).toBe("4");
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(xml.indexOf("<rowBreaks")).toBeGreaterThan(xml.indexOf("<pageSetup"));
  });

  test("twice = once: preserving the preserved file after another save changes no name", async () => {
    const { kept, zip } = await run();
    const again = await preserveParts(kept.bytes, await saveWorkbook(await loadWorkbook(kept.bytes)), []);
    expect(await namesOf(await JSZip.loadAsync(again.bytes))).toEqual(await namesOf(zip));
  });
});

test("a plain-range name the command removed stays removed (only names ExcelJS drops come back)", async () => {
  const bytes = await input();
  const wb = await loadWorkbook(bytes);
  setDefinedNamesModel(
    wb,
    definedNamesModel(wb).filter((n) => n.name !== "DiemDat"),
  );
  const kept = await preserveParts(bytes, await saveWorkbook(wb), []);
  const names = await namesOf(await JSZip.loadAsync(kept.bytes));
  expect(names.DiemDat).toBeUndefined();
  expect(names.TyLe).toBeDefined();
});

test("read-only recommended and the structure lock with its password come back (ExcelJS drops both)", async () => {
  const { saved, zip } = await run();
  const plain = await (await JSZip.loadAsync(saved)).file("xl/workbook.xml")!.async("string");
  expect(plain).not.toContain("workbookProtection");
  expect(plain).not.toContain("fileSharing");
  const book = (parser.parse(await zip.file("xl/workbook.xml")!.async("string")) as Node).workbook as Node;
  expect((book.workbookProtection as Node)["@workbookPassword"]).toBe("CC1A");
  expect((book.workbookProtection as Node)["@lockStructure"]).toBe("1");
  expect((book.fileSharing as Node)["@readOnlyRecommended"]).toBe("1");
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  expect(xml.indexOf("<fileSharing")).toBeLessThan(xml.indexOf("<workbookPr"));
  expect(xml.indexOf("<workbookProtection")).toBeLessThan(xml.indexOf("<sheets>"));
});
