/**
 * The direct reader on XML as Excel writes it (the corpus is ExcelJS's writing): shared formulas, rich text
 * with phonetic runs, `_x000B_` escapes, inline strings, dates, booleans, errors, text results, merges over a
 * styled row, columns without widths, overlapping validations, dxf colours with tints, frozen panes,
 * protection, tables with and without header counts, hidden sheets, local and constant names, the 1904
 * date system — equal to the ExcelJS reader's snapshot, option for option.
 */
import { handBook, type HandBook } from "./handmade";
import { loadWorkbook } from "../../../../src/hosts/xlsx/workbook";
import { readSnapshot, type ReadOptions } from "../../../../src/hosts/xlsx/read";
import JSZip from "jszip";
import { DirectUnsupported, openPackage } from "../../../../src/hosts/xlsx/direct/package";
import { readPackage } from "../../../../src/hosts/xlsx/direct/read";

const si = (t: string) => `<si><t xml:space="preserve">${t}</t></si>`;

const BOOK: HandBook = {
  sharedStrings: [
    si("BẢNG TỔNG HỢP KẾT QUẢ PAR INDEX 2024"),
    si("Đơn vị: UBND huyện Bắc Sơn"),
    si("TT"),
    '<si><r><t xml:space="preserve">Tiêu </t></r><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t>chí</t></r><rPh sb="0" eb="1"><t>X</t></rPh><phoneticPr fontId="1"/></si>',
    si("Điểm đạt"),
    si("Dòng một_x000B_Dòng hai"),
    si("Ngày"),
    si("Tổng cộng"),
    si("Lĩnh vực 1 &amp; 2"),
    "<si><t/></si>",
    si("Mã"),
    si("Tên"),
    si("Điểm"),
  ],
  definedNames:
    '<definedName name="_xlnm.Print_Titles" localSheetId="0">\'Kết quả\'!$3:$3</definedName>' +
    "<definedName name=\"Vung_In\">'Kết quả'!$A$1:$F$8</definedName>" +
    '<definedName name="LocalOne" localSheetId="1">Bảng!$A$1</definedName>' +
    '<definedName name="HeSo">0.5</definedName>' +
    "<definedName name=\"Hai\">'Kết quả'!$A$1:$A$2,'Kết quả'!$B$1:$B$2,'Kết quả'!$D$9</definedName>" +
    '<definedName name="_ParIndex_Memory" hidden="1">"commune"</definedName>',
  sheets: [
    {
      name: "Kết quả",
      body:
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:H8"/>' +
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane xSplit="2" ySplit="3" topLeftCell="C4" activePane="bottomRight" state="frozen"/><selection pane="topRight" activeCell="C1" sqref="C1"/><selection pane="bottomRight" activeCell="C4" sqref="C4"/></sheetView></sheetViews>' +
        '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"/>' +
        '<cols><col min="1" max="1" width="6.5" customWidth="1"/><col min="2" max="2" width="45.7109375" style="2" customWidth="1"/><col min="4" max="5" hidden="1"/><col min="7" max="7" width="0" hidden="1" customWidth="1"/></cols>' +
        "<sheetData>" +
        '<row r="1" spans="1:6"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/><c r="C1" s="1"/></row>' +
        '<row r="2" spans="1:6" s="2" customFormat="1"><c r="A2" t="s"><v>1</v></c></row>' +
        '<row r="3" spans="1:8"><c r="A3" s="1" t="s"><v>2</v></c><c r="B3" s="1" t="s"><v>3</v></c><c r="C3" s="1" t="inlineStr"><is><t>Điểm tối đa</t></is></c><c r="D3" s="1" t="s"><v>4</v></c><c r="E3" s="1" t="s"><v>6</v></c></row>' +
        '<row r="4" spans="1:8"><c r="A4"><v>1</v></c><c r="B4" s="4" t="s"><v>5</v></c><c r="C4"><v>2.5</v></c><c r="D4"><f>C4*0.8</f><v>2</v></c><c r="E4" s="3"><v>45000.5</v></c><c r="F4" t="b"><v>1</v></c><c r="H4" t="inlineStr"><is><r><t>Giàu </t></r><r><rPr><i/></rPr><t>_x0041_ &amp; nghèo</t></r></is></c></row>' +
        '<row r="5" spans="1:8"><c r="A5"><v>2</v></c><c r="B5" t="s"><v>8</v></c><c r="C5"><v>3</v></c><c r="D5"><f t="shared" ref="D5:D7" si="0">C5*0.8+$C$4</f><v>4.9</v></c><c r="E5" t="e"><v>#N/A</v></c><c r="F5" t="str"><f>IF(C5&gt;2,"Đạt &amp; tốt","")</f><v>Đạt &amp; tốt</v></c></row>' +
        '<row r="6" spans="1:8" ht="30" customHeight="1"><c r="B6" t="s"><v>9</v></c><c r="C6"><v>2</v></c><c r="D6"><f t="shared" si="0"/><v>4.1</v></c><c r="E6" s="3"><f>E4+1</f><v>45001.5</v></c><c r="G6" s="4"><v>1.234</v></c></row>' +
        '<row r="7" spans="1:8"><c r="C7" s="5"/><c r="D7"><f t="shared" si="0"/><v>2.5</v></c><c r="E7"><v></v></c><c r="F7" t="str"><f>""</f><v></v></c></row>' +
        '<row r="8" spans="1:8"><c r="A8" s="1" t="s"><v>7</v></c><c r="B8" s="1"/><c r="C8" s="1"><f>SUM(C4:C7)</f><v>7.5</v></c><c r="D8"><f>_xlfn.IFS(D4&gt;0,1)</f><v>1</v></c></row>' +
        "</sheetData>" +
        '<sheetProtection algorithmName="SHA-512" hashValue="x" saltValue="y" spinCount="100000" sheet="1" objects="1" scenarios="1"/>' +
        '<mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="A2:C2"/><mergeCell ref="A8:B8"/></mergeCells>' +
        '<conditionalFormatting sqref="C4:C7 E4"><cfRule type="expression" dxfId="0" priority="1"><formula>$C4&lt;$D4</formula></cfRule><cfRule type="cellIs" dxfId="1" priority="2" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="A4:A7"><cfRule type="expression" dxfId="1" priority="3"><formula>MOD(ROW(),2)=0</formula></cfRule><cfRule type="expression" priority="4"><formula>$A4=""</formula></cfRule></conditionalFormatting>' +
        '<dataValidations count="3"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="F4:F7"><formula1>"Đạt,Chưa đạt"</formula1></dataValidation><dataValidation type="whole" allowBlank="1" sqref="F6"><formula1>0</formula1><formula2>9</formula2></dataValidation><dataValidation type="list" allowBlank="1" sqref="G4 H4:H5"><formula1>"A,""B"",C"</formula1></dataValidation></dataValidations>' +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" r:id="rId9"/>',
    },
    {
      name: "Bảng",
      body:
        '<dimension ref="A1:C4"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="split"/></sheetView></sheetViews>' +
        "<sheetData>" +
        '<row r="1"><c r="A1" t="s"><v>10</v></c><c r="B1" t="s"><v>11</v></c><c r="C1" t="s"><v>12</v></c><c r="E1" t="s"><v>10</v></c><c r="F1" t="s"><v>11</v></c></row>' +
        '<row r="2"><c r="A2" t="str"><v>1.1</v></c><c r="B2" t="s"><v>8</v></c><c r="C2"><v>1</v></c><c r="E2"><v>5</v></c><c r="F2"><v>6</v></c></row>' +
        '<row r="3"><c r="A3" t="str"><v>1.2</v></c><c r="B3" t="s"><v>5</v></c><c r="C3"><v>0.5</v></c></row>' +
        '<row r="4"><c r="A4" t="s"><v>7</v></c><c r="C4"><f>SUBTOTAL(109,Bảng1[Điểm])</f><v>1.5</v></c></row>' +
        "</sheetData>",
      tables: [
        '<table name="Bảng1" displayName="Bảng1" ref="A1:C4" totalsRowCount="1"><tableColumns count="3"><tableColumn id="1" name="Mã"/><tableColumn id="2" name="Tên"/><tableColumn id="3" name="Điểm" totalsRowFunction="sum"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
        '<table name="Table2" displayName="Table2" ref="E1:F2" headerRowCount="0"><tableColumns count="2"><tableColumn id="1" name="Cột1"/><tableColumn id="2" name="Cột2"/></tableColumns></table>',
      ],
    },
    { name: "Ẩn", state: "hidden", body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
    { name: "Rất ẩn", state: "veryHidden", body: "<sheetData/>" },
  ],
};

async function expectSame(bytes: Uint8Array, opts?: ReadOptions) {
  const viaExcelJs = readSnapshot(await loadWorkbook(bytes), opts);
  const direct = readPackage(await openPackage(bytes), opts);
  expect(direct).toStrictEqual(viaExcelJs);
  return direct;
}

describe("the direct reader on Excel's XML", () => {
  test("equals the ExcelJS reader with every sheet option", async () => {
    const bytes = await handBook(BOOK);
    const s = await expectSame(bytes);
    for (const sheet of ["Kết quả", "Bảng", "Ẩn", "Rất ẩn"]) await expectSame(bytes, { sheet });
    await expectSame(bytes, { others: ["Bảng"], selection: { top: 3, left: 2, rows: 1, cols: 1 } });
    // What it read (so an equal misreading on both sides would still be caught).
    const a = s.active;
    expect(a.name).toBe("Kết quả");
    expect(a.values[2].slice(0, 5)).toEqual(["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Ngày"]);
    expect(a.values[3][1]).toBe("Dòng một\u000bDòng hai");
    expect(a.formulas?.[5][3]).toBe("=C6*0.8+$C$4");
    expect(a.formulas?.[7][3]).toBe("=IFS(D4>0,1)");
    expect(a.values[4][5]).toBe("Đạt & tốt");
    expect(a.values[3][7]).toBe("Giàu A & nghèo");
    expect(a.fills?.[1][1]).toBe("#FFFF00"); // a hidden cell of a merge over a styled row
    expect(a.frozen).toEqual({ rows: 3, cols: 2 });
    expect(a.protected).toBe(true);
    expect(a.hiddenColumns).toEqual([3, 4, 6]);
    expect(a.columnWidths).toEqual({ 0: 6.5, 1: 45.7109375, 3: 9, 4: 9, 6: 0 });
    expect(a.validations?.map((v) => [v.rect, v.list])).toEqual([
      [{ top: 3, left: 5, rows: 2, cols: 1 }, ["Đạt", "Chưa đạt"]],
      [{ top: 3, left: 6, rows: 1, cols: 2 }, ["A", '"B"', "C"]],
      [{ top: 4, left: 7, rows: 1, cols: 1 }, ["A", '"B"', "C"]],
      [{ top: 6, left: 5, rows: 1, cols: 1 }, ["Đạt", "Chưa đạt"]],
    ]);
    expect(a.conditionalFormats?.map((r) => r.formula)).toEqual(["=$C4<$D4", "=MOD(ROW(),2)=0", '=$A4=""']);
    expect(a.conditionalFormats?.[0]).toMatchObject({ fill: "#FFC7CE", fontColor: "#9C0006" });
    expect(s.names?.map((n) => n.name)).toEqual(["Vung_In", "LocalOne", "Hai", "_ParIndex_Memory"]);
    expect(s.names?.find((n) => n.name === "Hai")?.ref).toBe("='Kết quả'!$A$1:$B$2,'Kết quả'!$D$9");
    expect(s.probes && Object.keys(s.probes)).toEqual(["Bảng"]);
    expect(s.probes?.["Bảng"].tables).toEqual([
      {
        name: "Bảng1",
        rect: { top: 0, left: 0, rows: 4, cols: 3 },
        showHeaders: true,
        showTotals: true,
        style: "TableStyleMedium2",
      },
      { name: "Table2", rect: { top: 0, left: 4, rows: 2, cols: 2 }, showHeaders: false },
    ]);
  });

  test("the 1904 date system", async () => {
    const bytes = await handBook({ ...BOOK, workbookPr: '<workbookPr date1904="1"/>' });
    const s = await expectSame(bytes);
    expect(s.active.values[3][4]).toBeCloseTo(45000.5, 8);
  });
});

/**
 * Where ExcelJS 4.4 reads a file differently from what it says, the direct reader reads what it says (the
 * two paths then differ on such files; none of the corpus has them).
 */
describe("where ExcelJS misreads, the direct reader does not copy it", () => {
  const sheet = (body: string, rels?: string[]): HandBook => ({ sheets: [{ name: "Trang 1", body, rels }] });
  const read = async (book: HandBook) => {
    const bytes = await handBook(book);
    return {
      viaExcelJs: readSnapshot(await loadWorkbook(bytes)).active,
      direct: readPackage(await openPackage(bytes)).active,
    };
  };

  test("a formula's text result is decoded once (ExcelJS decodes its entities twice)", async () => {
    const { viaExcelJs, direct } = await read(
      sheet(
        '<sheetData><row r="1"><c r="A1" t="str"><f>"a &amp;amp; b"</f><v>a &amp;amp; b</v></c></row></sheetData>',
      ),
    );
    expect(direct.values[0][0]).toBe("a &amp; b");
    expect(viaExcelJs.values[0][0]).toBe("a & b");
  });

  test("a cell with a hyperlink keeps its number and formula (ExcelJS reads text and drops the formula)", async () => {
    const { viaExcelJs, direct } = await read(
      sheet(
        '<sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>A1*2</f><v>10</v></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rIdH1"/><hyperlink ref="B1" r:id="rIdH2"/></hyperlinks>',
        [
          '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://dichvucong.gov.vn/" TargetMode="External"/>',
          '<Relationship Id="rIdH2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://chinhphu.vn/" TargetMode="External"/>',
        ],
      ),
    );
    expect(direct.values[0]).toEqual([5, 10]);
    expect(direct.formulas?.[0]).toEqual([null, "=A1*2"]);
    expect(viaExcelJs.values[0]).toEqual(["5", "10"]);
    expect(viaExcelJs.formulas?.[0]).toEqual([null, null]);
  });

  test("a shared formula's string literals are not moved (ExcelJS moves A1-like text inside them)", async () => {
    const { viaExcelJs, direct } = await read(
      sheet(
        '<sheetData><row r="1"><c r="A1" t="str"><f t="shared" ref="A1:A2" si="0">"B1"&amp;B1</f><v>B1x</v></c></row><row r="2"><c r="A2" t="str"><f t="shared" si="0"/><v>B1y</v></c></row></sheetData>',
      ),
    );
    expect(direct.formulas?.[1][0]).toBe('="B1"&B2');
    expect(viaExcelJs.formulas?.[1][0]).toBe('="B2"&B2');
  });
});

describe("what the direct path leaves to ExcelJS (DirectUnsupported)", () => {
  const sheetXml = "<sheetData/>";
  const fails = async (bytes: Promise<Uint8Array>, reason: RegExp) => {
    const b = await bytes;
    let err: unknown;
    try {
      readPackage(await openPackage(b));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DirectUnsupported);
    expect((err as DirectUnsupported).reason).toMatch(reason);
  };
  const rezip = async (edit: (zip: JSZip) => Promise<void>) => {
    const zip = await JSZip.loadAsync(await handBook({ sheets: [{ name: "A", body: sheetXml }] }));
    await edit(zip);
    return zip.generateAsync({ type: "uint8array" });
  };

  test("strict OOXML", () =>
    fails(
      rezip(async (zip) => {
        const wb = await zip.file("xl/workbook.xml")!.async("string");
        zip.file(
          "xl/workbook.xml",
          wb.replace(/xmlns="[^"]*"/, 'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"'),
        );
      }),
      /strict/,
    ));

  test("a chart sheet", () =>
    fails(
      rezip(async (zip) => {
        const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
        zip.file("xl/_rels/workbook.xml.rels", rels.replace("/worksheet", "/chartsheet"));
      }),
      /chartsheet/,
    ));

  test("a worksheet under another name", () =>
    fails(
      rezip(async (zip) => {
        const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
        zip.file("xl/_rels/workbook.xml.rels", rels.replace("worksheets/sheet1.xml", "worksheets/Data.xml"));
        zip.file("xl/worksheets/Data.xml", await zip.file("xl/worksheets/sheet1.xml")!.async("string"));
      }),
      /worksheet part/,
    ));

  test("Excel 2010 conditional formats (x14, in extLst)", () =>
    fails(
      handBook({
        sheets: [
          {
            name: "A",
            body: '<sheetData/><extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting/></x14:conditionalFormattings></ext></extLst>',
          },
        ],
      }),
      /x14/,
    ));
});

test('date1904="true" is the 1904 date system (ExcelJS reads only "1")', async () => {
  const bytes = await handBook({
    workbookPr: '<workbookPr date1904="true"/>',
    sheets: [{ name: "A", body: '<sheetData><row r="1"><c r="A1" s="3"><v>45000</v></c></row></sheetData>' }],
  });
  const pkg = await openPackage(bytes);
  expect(pkg.date1904).toBe(true);
  expect((await loadWorkbook(bytes)).properties.date1904).toBe(false);
});

test("a sheet whose part is missing is left to ExcelJS (which drops the sheet)", async () => {
  const zip = await JSZip.loadAsync(
    await handBook({
      sheets: [
        { name: "A", body: "<sheetData/>" },
        { name: "B", body: "<sheetData/>" },
      ],
    }),
  );
  zip.remove("xl/worksheets/sheet2.xml");
  const bytes = await zip.generateAsync({ type: "uint8array" });
  await expect(openPackage(bytes)).rejects.toThrow(DirectUnsupported);
  expect(readSnapshot(await loadWorkbook(bytes)).sheetNames).toEqual(["A"]);
});
