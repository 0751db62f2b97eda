import JSZip from "jszip";
import * as ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import { loadWorkbook, saveWorkbook, writeChangeSet } from "../../../src/hosts/xlsx";
import { preserveParts } from "../../../src/hosts/xlsx/preserve";
import { shiftLocalRefs, shiftSqref } from "../../../src/hosts/xlsx/anchors";

const S = "Kết quả";
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });
type Node = Record<string, unknown>;

const X14_VALIDATION = `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>'Danh mục'!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>D2:D5 F2</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`;
const SPARKLINES = `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>'Kết quả'!C2:D2</xm:f><xm:sqref>E2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`;
const UNKNOWN = `<ext uri="{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerList><x14:slicer r:id="rId9"/></x14:slicerList></ext>`;

async function input(exts: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(S);
  for (let r = 1; r <= 5; r++) ws.getRow(r).values = [r, `Tiêu chí ${r}`, 10, 8];
  wb.addWorksheet("Danh mục").getColumn(1).values = ["Sở Nội vụ", "Văn phòng UBND", "Sở Tư pháp"];
  const z = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  let sheet = await z.file("xl/worksheets/sheet1.xml")!.async("string");
  sheet = sheet.replace(
    /<pageMargins/,
    '<sheetProtection sheet="1" objects="1" scenarios="1" password="CC1A"/><pageMargins',
  );
  sheet = sheet.replace("</worksheet>", `<extLst>${exts.join("")}</extLst></worksheet>`);
  z.file("xl/worksheets/sheet1.xml", sheet);
  return z.generateAsync({ type: "uint8array" });
}

async function run(exts: string[]) {
  const bytes = await input(exts);
  const wb = await loadWorkbook(bytes);
  // Written without the checks: the sheet is protected, and what is tested is the carry-over, not the refusal.
  writeChangeSet(wb, {
    command: "recalc",
    ops: [{ op: "insertColumns", sheet: S, at: 2, count: 1 }],
    counts: {},
  });
  const saved = await saveWorkbook(wb);
  const kept = await preserveParts(bytes, saved, [{ sheet: S, at: 2, count: 1 }]);
  const xml = await (await JSZip.loadAsync(kept.bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
  const savedXml = await (await JSZip.loadAsync(saved)).file("xl/worksheets/sheet1.xml")!.async("string");
  return { kept, xml, savedXml, ws: (parser.parse(xml) as Node).worksheet as Node };
}

describe("inside the worksheet XML", () => {
  test("a cross-sheet list validation (x14) and sparklines come back, moved with the inserted column", async () => {
    const { kept, ws, savedXml } = await run([X14_VALIDATION, SPARKLINES]);
    expect(savedXml).not.toContain("x14:dataValidations"); // ExcelJS dropped them
    expect(kept.lost).toEqual([]);
    const exts = (ws.extLst as Node).ext as Node[];
    const dv = ((exts[0].dataValidations as Node).dataValidation as Node) ?? {};
    expect(dv.sqref).toBe("E2:E5 G2");
    expect((dv.formula1 as Node).f).toBe("'Danh mục'!$A$1:$A$3"); // another sheet: unchanged
    const spark = (((exts[1].sparklineGroups as Node).sparklineGroup as Node).sparklines as Node)
      .sparkline as Node;
    expect(spark.f).toBe("'Kết quả'!D2:E2");
    expect(spark.sqref).toBe("F2");
    // ExcelJS reads the result.
    await expect(loadWorkbook(kept.bytes)).resolves.toBeDefined();
  });

  test("the sheet protection keeps its password hash", async () => {
    const { ws, savedXml } = await run([]);
    expect(savedXml).not.toMatch(/password=/);
    expect((ws.sheetProtection as Node)["@password"]).toBe("CC1A");
  });

  test("an extension it does not carry (slicers) is named in lost", async () => {
    const { kept } = await run([UNKNOWN]);
    expect(kept.lost).toEqual([`${S}: extension {3A4CF648-6AED-40f4-86FF-DC5316D8AED3}`]);
  });

  test("local references and sqref lists", () => {
    const e = [{ sheet: S, at: 1, count: 2 }];
    expect(shiftLocalRefs('IF($B$1="A1",SUM(B2:C3),Khác!B1)', S, e)).toBe('IF($D$1="A1",SUM(D2:E3),Khác!B1)');
    expect(shiftSqref("A1:B2 C3", S, e)).toBe("A1:D2 E3");
  });
});
