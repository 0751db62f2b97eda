/**
 * One opened package for the direct reader and writer (package.ts, book.ts): the writer edits the very
 * SheetPart the reader parsed (a sheet is parsed once), both see the workbook's sheets through one
 * SheetEntry (sheetsOf), and a package the reader leaves to ExcelJS still opens for the writer.
 */
import JSZip from "jszip";
import { sampleBytes } from "../../../../src/cli/sample";
import { DirectBook } from "../../../../src/hosts/xlsx/direct/book";
import { DirectUnsupported, openPackage, openZip, sheetsOf } from "../../../../src/hosts/xlsx/direct/package";
import { readPackage } from "../../../../src/hosts/xlsx/direct/read";
import { parseRels } from "../../../../src/hosts/xlsx/xml";

test("the writer edits the SheetPart the reader read: one parse per sheet", async () => {
  const pkg = await openPackage(await sampleBytes());
  const ws = readPackage(pkg);
  const name = ws.active.name;
  const read = pkg.sheet(name);
  const book = await DirectBook.open(pkg);
  const sheet = await book.load(name);
  expect(sheet.part).toBe(read);
  expect(book.entry(name)).toEqual(pkg.entry(name));
  // Its zip too: the writer edits the zip the package opened, and reads its parts through it.
  expect(book.zip).toBe(pkg.zip);
  expect(await book.text(pkg.entry(name)!.part)).toBe(pkg.text(pkg.entry(name)!.part));
});

const WB = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheets>
<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="3" state="hidden" r:id="rId2"/>
<sheet name="B" sheetId="2" state="veryHidden" r:id="rId3"/><sheet name="Lost" sheetId="4" r:id="rId9"/>
</sheets></workbook>`;
const RELS = `<Relationships>
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
</Relationships>`;

test("sheetsOf: every sheet with a relationship, as written, with its kind", () => {
  const got = sheetsOf(WB, parseRels(RELS));
  expect(got.map((s) => [s.entry.name, s.kind, s.entry.part, s.entry.sheetId, s.entry.state])).toEqual([
    ["A", "worksheet", "xl/worksheets/sheet1.xml", 1, null],
    ["Chart", "chartsheet", "xl/chartsheets/sheet1.xml", 3, "hidden"],
    ["B", "worksheet", "xl/worksheets/sheet2.xml", 2, "veryHidden"],
  ]);
});

test("a package the reader leaves to ExcelJS opens for the writer (openZip)", async () => {
  // The worksheet part under a name the reader does not take: openPackage refuses, the writer does not.
  const zip = await JSZip.loadAsync(await sampleBytes());
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const first = /Target="(?:\/xl\/)?(worksheets\/sheet1\.xml)"/.exec(rels)!;
  zip.file("xl/_rels/workbook.xml.rels", rels.replace(first[0], 'Target="worksheets/data.xml"'));
  zip.file("xl/worksheets/data.xml", await zip.file("xl/worksheets/sheet1.xml")!.async("string"));
  zip.remove("xl/worksheets/sheet1.xml");
  const bytes = await zip.generateAsync({ type: "uint8array" });
  await expect(openPackage(bytes)).rejects.toThrow(DirectUnsupported);
  const book = await DirectBook.open(bytes);
  const e = book.sheets.find((s) => s.part === "xl/worksheets/data.xml")!;
  expect(e).toBeDefined();
  expect((await book.load(e.name)).part.rows.length).toBeGreaterThan(0);
  // openZip alone reads no workbook: the reader's list stays empty.
  expect((await openZip(bytes)).sheetEntries).toEqual([]);
});
