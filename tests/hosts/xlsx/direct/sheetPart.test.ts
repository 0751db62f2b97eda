/**
 * The worksheet model of the direct path: every sheet of every corpus fixture (ExcelJS's writing) and of the
 * LibreOffice fixture parses and writes back byte for byte; cells, shared formulas, inline strings and the
 * sections around sheetData read as the file says.
 */
import { readFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { CORPUS, fixtureBytes } from "../../../corpus";
import {
  parseSheet,
  serializeSheet,
  slideFormula,
  type SheetPart,
} from "../../../../src/hosts/xlsx/direct/sheetPart";
import { sectionOf, sectionsOf, setSection } from "../../../../src/hosts/xlsx/direct/sections";
import { DirectUnsupported } from "../../../../src/hosts/xlsx/direct/unsupported";

async function sheetsOf(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  return Promise.all(names.map(async (n) => [n, await zip.file(n)!.async("string")] as [string, string]));
}

describe("serializeSheet(parseSheet(x)) === x", () => {
  test.each(CORPUS.map((f) => [f.id, f] as const))("corpus %s", async (_id, f) => {
    const sheets = await sheetsOf(await fixtureBytes(f));
    expect(sheets.length).toBeGreaterThan(0);
    for (const [, xml] of sheets) expect(serializeSheet(parseSheet(xml))).toBe(xml);
  });

  test("LibreOffice's writing", async () => {
    const bytes = readFileSync(path.join(__dirname, "../fixtures/libreoffice-parts.xlsx"));
    for (const [, xml] of await sheetsOf(bytes)) expect(serializeSheet(parseSheet(xml))).toBe(xml);
  });
});

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>';
const TAIL =
  '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><extLst><ext uri="x"><mergeCells/></ext></extLst></worksheet>';
const ROWS =
  '<row r="1" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>Tổng </t></r><r><rPr><b/></rPr><t>&amp; cộng</t></r><rPh sb="0" eb="1"><t>X</t></rPh></is></c></row>' +
  '<row r="2" ht="20" customHeight="1"/>' +
  '<row r="3"><c r="A3"><f t="shared" ref="A3:C3" si="0">A1+$B1+B$1+SUM(A1:A2)</f><v>1</v></c><c r="B3"><f t="shared" si="0"/><v>2</v></c><c r="C3" t="str"><f t="shared" si="0"/><v>x &lt; y</v></c></row>';
const XML = `${HEAD}<sheetData>${ROWS}</sheetData>${TAIL}`;

describe("parseSheet", () => {
  test("rows, cells, shared formulas and inline strings as the file says", () => {
    const p = parseSheet(XML);
    expect(serializeSheet(p)).toBe(XML);
    expect(p.rows.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(p.rows[1]).toEqual({ index: 1, attrs: ' ht="20" customHeight="1"', cells: [] });
    const [a1, c1] = p.rows[0].cells;
    expect(a1).toMatchObject({ col: 0, s: 2, t: "s", v: "0", f: null });
    expect(c1).toMatchObject({ col: 2, s: 0, t: "inlineStr", is: "Tổng & cộng", v: null });
    const [a3, b3, c3] = p.rows[2].cells;
    expect(a3.f).toBe("A1+$B1+B$1+SUM(A1:A2)");
    expect(a3.fXml).toBe('<f t="shared" ref="A3:C3" si="0">A1+$B1+B$1+SUM(A1:A2)</f>');
    expect(b3.f).toBe("B1+$B1+C$1+SUM(B1:B2)");
    expect(b3.fXml).toBe('<f t="shared" si="0"/>');
    expect(c3).toMatchObject({ t: "str", v: "x < y", f: "C1+$B1+D$1+SUM(C1:C2)" });
  });

  test("a changed cell is written from its fields, the others stay as they were", () => {
    const p = parseSheet(XML);
    const a1 = p.rows[0].cells[0];
    delete a1.raw;
    a1.t = null;
    a1.v = "42";
    a1.s = 0;
    const b3 = p.rows[2].cells[1];
    delete b3.raw;
    delete b3.fXml;
    b3.f = 'IF(A3>0,"a&b","")';
    b3.v = null;
    p.rows[1].cells.push({ col: 1, s: 3, t: "inlineStr", v: null, f: null, is: " lề " });
    const out = serializeSheet(p);
    expect(out).toContain('<row r="1" spans="1:3"><c r="A1"><v>42</v></c><c r="C1" t="inlineStr">');
    expect(out).toContain('<c r="B3"><f>IF(A3&gt;0,&quot;a&amp;b&quot;,&quot;&quot;)</f></c>');
    expect(out).toContain(
      '<row r="2" ht="20" customHeight="1"><c r="B2" s="3" t="inlineStr"><is><t xml:space="preserve"> lề </t></is></c></row>',
    );
    const again = parseSheet(out);
    expect(again.rows[2].cells[1].f).toBe('IF(A3>0,"a&b","")');
    expect(again.rows[1].cells[0].is).toBe(" lề ");
  });

  test("an empty sheetData, and rows without r", () => {
    const empty = `${HEAD}<sheetData/>${TAIL}`;
    const p = parseSheet(empty);
    expect(p.rows).toEqual([]);
    expect(serializeSheet(p)).toBe(empty);
    p.rows.push({ index: 4, attrs: "", cells: [{ col: 0, s: 0, t: null, v: "1", f: null }] });
    expect(serializeSheet(p)).toContain('<sheetData><row r="5"><c r="A5"><v>1</v></c></row></sheetData>');
    const noR = parseSheet(
      `${HEAD}<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"/></row></sheetData>${TAIL}`,
    );
    expect(noR.rows.map((r) => [r.index, r.cells.map((c) => c.col)])).toEqual([
      [0, [0, 1]],
      [1, [2]],
    ]);
  });

  test("a cell's r, s and t read in place from its tag, whatever their order and whichever it lacks", () => {
    const cells = (row: string) =>
      parseSheet(`${HEAD}<sheetData><row r="1">${row}</row></sheetData>${TAIL}`).rows[0].cells.map((c) => [
        c.col,
        c.s,
        c.t,
        c.v,
      ]);
    expect(
      cells(
        '<c r="B1" t="s" s="12"><v>3</v></c><c s="007" r="D1"><v>4</v></c><c t="str"><v>a&amp;b</v></c>' +
          '<c r="G1" s="x"/><c r="H1" xr:uid="{1 2}" t="n" cs="9"><v></v></c><c r="AA1" ss="4" s="1"><v/></c>',
      ),
    ).toEqual([
      [1, 12, "s", "3"],
      [3, 7, null, "4"],
      // no r: the column after the last; no s: style 0
      [4, 0, "str", "a&b"],
      [6, 0, null, null],
      // " s=" is not " cs="; an empty <v> is ""
      [7, 0, "n", ""],
      [26, 1, null, ""],
    ]);
    // Single quotes or white space other than spaces: the general attribute parse, the same answers.
    expect(cells("<c r='B1' s='5' t='b'><v>1</v></c><c\tr=\"C1\"\ns=\"6\"><v>2</v></c>")).toEqual([
      [1, 5, "b", "1"],
      [2, 6, null, "2"],
    ]);
    expect(() => cells('<c r="1A"/>')).toThrow(DirectUnsupported);
    expect(() => cells('<c r="ABCD1"/>')).toThrow(DirectUnsupported);
    // A sheet whose later cells have the attributes the first lack reads them on their own cells.
    const many = Array.from({ length: 50 }, (_, i) => `<c r="${String.fromCharCode(65 + (i % 26))}1"/>`);
    expect(cells(many.slice(0, 26).join("") + '<c r="AA1" s="2" t="s"><v>0</v></c>').slice(-2)).toEqual([
      [25, 0, null, null],
      [26, 2, "s", "0"],
    ]);
  });

  test("a row's number and other attributes, read in place or by the general reading", () => {
    const rows = parseSheet(
      `${HEAD}<sheetData><row r="0012" spans="1:2"><c r="A12"/></row><row r = "13" ht="20"/>` +
        `<row r='14'/><row spans="1:1"/><row r="1234567890" x="1"/><row r="16"/><row r="17x"/>` +
        `<row\tr="18"/><row r=""/></sheetData>${TAIL}`,
    ).rows;
    expect(rows.map((r) => [r.index, r.attrs])).toEqual([
      [11, ' spans="1:2"'],
      [12, ' ht="20"'],
      [13, ""],
      [14, ' spans="1:1"'],
      [1234567889, ' x="1"'],
      [15, ""],
      [NaN, ""],
      [17, ""],
      [-1, ""],
    ]);
  });

  test("prefixed (strict or transitional with a prefix) worksheets are not read directly", () => {
    expect(() => parseSheet('<x:worksheet xmlns:x="m"><x:sheetData/></x:worksheet>')).toThrow(
      DirectUnsupported,
    );
  });

  test("slideFormula moves relative references only, not names, functions or string literals", () => {
    expect(slideFormula("SUM(C5:C9)/$D$2*LOG10(A1)", 2, 1)).toBe("SUM(D7:D11)/$D$2*LOG10(B3)");
    expect(slideFormula("'Kết quả'!C29&\"A1\"", 1, 0)).toBe("'Kết quả'!C30&\"A1\"");
    expect(slideFormula("Sheet1!A1+XFE1", 1, 0)).toBe("Sheet1!A2+XFE1");
  });
});

describe("sections", () => {
  const part = (): SheetPart => parseSheet(XML);

  test("finds the worksheet's own children, not those nested in extLst", () => {
    const p = part();
    expect(sectionOf(p, "mergeCells")?.xml).toBe(
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
    );
    expect(sectionsOf(p, "mergeCells")).toHaveLength(1);
    expect(sectionOf(p, "sheetViews")?.xml).toBe('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
    expect(sectionOf(p, "cols")).toBeNull();
  });

  test("replaces, removes and inserts in the schema's order", () => {
    const p = part();
    setSection(p, "cols", '<cols><col min="1" max="1" width="9"/></cols>');
    expect(p.head.endsWith('</sheetViews><cols><col min="1" max="1" width="9"/></cols>')).toBe(true);
    setSection(
      p,
      "conditionalFormatting",
      '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting>',
    );
    expect(p.tail.indexOf("<conditionalFormatting")).toBeGreaterThan(p.tail.indexOf("</mergeCells>"));
    expect(p.tail.indexOf("<conditionalFormatting")).toBeLessThan(p.tail.indexOf("<pageMargins"));
    setSection(p, "mergeCells", "");
    expect(p.tail).not.toContain("<mergeCell ");
    expect(p.tail).toContain('<ext uri="x"><mergeCells/></ext>');
    setSection(p, "tableParts", '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>');
    expect(
      p.tail.endsWith('</tableParts><extLst><ext uri="x"><mergeCells/></ext></extLst></worksheet>'),
    ).toBe(true);
    setSection(p, "sheetProtection", '<sheetProtection sheet="1"/>');
    expect(p.tail.startsWith('<sheetProtection sheet="1"/>')).toBe(true);
    expect(serializeSheet(parseSheet(serializeSheet(p)))).toBe(serializeSheet(p));
  });
});
