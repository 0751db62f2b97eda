/**
 * A workbook with the parts ExcelJS does not understand, for the preserve tests: ExcelJS writes the cells,
 * a note and an image; JSZip then adds what a user's Excel file carries besides — a bar chart and a text
 * box ("Người lập biểu") in the sheet's drawing, custom document properties, the add-in's settings
 * (webextension parts), a threaded comment with its persons part, and a cell holding a control character
 * (a line tab from an old Word paste, stored as _x000B_). Minimal but valid OOXML (Excel and LibreOffice
 * open it).
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";

export const PARTS_SHEET = "Kết quả";
export const CONTROL_TEXT = "Dòng một\u000bDòng hai";
export const TEXT_BOX = "Người lập biểu";
export const CHART_TITLE = "Biểu đồ điểm đạt";
/** 1×1 transparent PNG. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const chartXml = (sheet: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${CHART_TITLE}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>'${sheet}'!$D$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Điểm đạt</c:v></c:pt></c:strCache></c:strRef></c:tx><c:cat><c:strRef><c:f>'${sheet}'!$B$2:$B$6</c:f><c:strCache><c:ptCount val="5"/><c:pt idx="0"><c:v>Lĩnh vực 1</c:v></c:pt><c:pt idx="1"><c:v>Lĩnh vực 2</c:v></c:pt><c:pt idx="2"><c:v>Lĩnh vực 3</c:v></c:pt><c:pt idx="3"><c:v>Lĩnh vực 4</c:v></c:pt><c:pt idx="4"><c:v>Lĩnh vực 5</c:v></c:pt></c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>'${sheet}'!$D$2:$D$6</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="5"/><c:pt idx="0"><c:v>8</c:v></c:pt><c:pt idx="1"><c:v>7</c:v></c:pt><c:pt idx="2"><c:v>6</c:v></c:pt><c:pt idx="3"><c:v>9</c:v></c:pt><c:pt idx="4"><c:v>5</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser><c:axId val="1001"/><c:axId val="1002"/></c:barChart><c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1002"/></c:catAx><c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1001"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const anchor = (col: number, row: number, toCol: number, toRow: number, body: string) =>
  `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;

const chartFrame = (rid: string) =>
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;

const textBox = `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="TextBox 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="400000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/><a:p><a:r><a:rPr lang="vi-VN" sz="1100"/><a:t>${TEXT_BOX}</a:t></a:r></a:p></xdr:txBody></xdr:sp>`;

const picture = (rid: string) =>
  `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="4" name="Con dấu"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`;

/** The anchors (0-based columns) the fixture puts the chart, text box and picture at. */
export const ANCHORS = { chart: [5, 1, 11, 15], textBox: [1, 18, 4, 20], picture: [7, 18, 8, 20] } as const;

export interface PartsOptions {
  chart?: boolean;
  textBox?: boolean;
  picture?: boolean;
  note?: boolean;
  custom?: boolean;
  webextension?: boolean;
  threaded?: boolean;
  control?: boolean;
}

const ALL: Required<PartsOptions> = {
  chart: true,
  textBox: true,
  picture: true,
  note: true,
  custom: true,
  webextension: true,
  threaded: true,
  control: true,
};

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`fixture: no ${path}`);
  return f.async("string");
}

function addOverride(ct: string, part: string, type: string): string {
  return ct.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
}

function addRel(rels: string, id: string, type: string, target: string): string {
  return rels.replace(
    "</Relationships>",
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
  );
}

const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

/** The fixture's bytes: a scores table in A1:D6 of «Kết quả», a second sheet, and the parts asked for. */
export async function workbookWithParts(opts: PartsOptions = ALL): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(PARTS_SHEET);
  ws.addRow(["TT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt"]);
  [8, 7, 6, 9, 5].forEach((v, i) => ws.addRow([i + 1, `Lĩnh vực ${i + 1}`, 10, v]));
  ws.getCell("B8").value = opts.control ? "CONTROL_MARK" : "Ghi chú";
  if (opts.note) ws.getCell("D2").note = "Kiểm tra lại";
  wb.addWorksheet("Khác").getCell("A1").value = `='${PARTS_SHEET}'!D2`;
  return addParts(new Uint8Array(await wb.xlsx.writeBuffer()), opts);
}

/**
 * Adds the parts asked for to an ExcelJS-written workbook, on its sheet `sheetPath` named `sheet` (the
 * chart reads $B$2:$B$6 and $D$1:$D$6 of it; `control` replaces the text CONTROL_MARK).
 */
export async function addParts(
  bytes: Uint8Array,
  opts: PartsOptions = ALL,
  sheetName = PARTS_SHEET,
  sheetPath = "xl/worksheets/sheet1.xml",
): Promise<Uint8Array> {
  const o = { ...opts };
  const zip = await JSZip.loadAsync(bytes);
  let ct = await text(zip, "[Content_Types].xml");
  let rootRels = await text(zip, "_rels/.rels");
  const sheetRelsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
  let sheet = await text(zip, sheetPath);
  let sheetRels = zip.file(sheetRelsPath) ? await text(zip, sheetRelsPath) : EMPTY_RELS;

  if (o.chart || o.textBox || o.picture) {
    const anchors: string[] = [];
    let drels = EMPTY_RELS;
    if (o.chart) {
      zip.file("xl/charts/chart1.xml", chartXml(sheetName));
      ct = addOverride(
        ct,
        "xl/charts/chart1.xml",
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      );
      drels = addRel(drels, "rId1", `${R}/chart`, "../charts/chart1.xml");
      const [c, r, tc, tr] = ANCHORS.chart;
      anchors.push(anchor(c, r, tc, tr, chartFrame("rId1")));
    }
    if (o.textBox) {
      const [c, r, tc, tr] = ANCHORS.textBox;
      anchors.push(anchor(c, r, tc, tr, textBox));
    }
    if (o.picture) {
      zip.file("xl/media/image1.png", PNG);
      if (!/Extension="png"/.test(ct))
        ct = ct.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default ');
      drels = addRel(drels, "rId2", `${R}/image`, "../media/image1.png");
      const [c, r, tc, tr] = ANCHORS.picture;
      anchors.push(anchor(c, r, tc, tr, picture("rId2")));
    }
    zip.file(
      "xl/drawings/drawing1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">${anchors.join("")}</xdr:wsDr>`,
    );
    zip.file("xl/drawings/_rels/drawing1.xml.rels", drels);
    ct = addOverride(
      ct,
      "xl/drawings/drawing1.xml",
      "application/vnd.openxmlformats-officedocument.drawing+xml",
    );
    sheetRels = addRel(sheetRels, "rIdDr1", `${R}/drawing`, "../drawings/drawing1.xml");
    // <drawing> comes before <legacyDrawing> and <tableParts> in CT_Worksheet.
    const before = sheet.search(
      /<legacyDrawing\b|<legacyDrawingHF\b|<picture\b|<oleObjects\b|<tableParts\b|<extLst\b|<\/worksheet>/,
    );
    sheet = `${sheet.slice(0, before)}<drawing r:id="rIdDr1"/>${sheet.slice(before)}`;
  }
  if (o.threaded) {
    zip.file(
      "xl/threadedComments/threadedComment1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="C3" dT="2026-01-05T08:00:00.00" personId="{6B1B8C0E-0000-4000-8000-000000000001}" id="{6B1B8C0E-0000-4000-8000-000000000002}"><text>Đề nghị xem lại điểm</text></threadedComment></ThreadedComments>`,
    );
    ct = addOverride(
      ct,
      "xl/threadedComments/threadedComment1.xml",
      "application/vnd.ms-excel.threadedcomments+xml",
    );
    sheetRels = addRel(
      sheetRels,
      "rIdTc1",
      "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
      "../threadedComments/threadedComment1.xml",
    );
    zip.file(
      "xl/persons/person.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Chuyên viên" id="{6B1B8C0E-0000-4000-8000-000000000001}" userId="cv" providerId="None"/></personList>`,
    );
    ct = addOverride(ct, "xl/persons/person.xml", "application/vnd.ms-excel.person+xml");
    const wbRelsPath = "xl/_rels/workbook.xml.rels";
    zip.file(
      wbRelsPath,
      addRel(
        await text(zip, wbRelsPath),
        "rIdP1",
        "http://schemas.microsoft.com/office/2017/10/relationships/person",
        "persons/person.xml",
      ),
    );
  }
  zip.file(sheetPath, sheet);
  zip.file(sheetRelsPath, sheetRels);

  if (o.custom) {
    zip.file(
      "docProps/custom.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Đơn vị"><vt:lpwstr>UBND xã An Bình</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Năm"><vt:i4>2025</vt:i4></property></Properties>`,
    );
    ct = addOverride(
      ct,
      "docProps/custom.xml",
      "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    );
    rootRels = addRel(rootRels, "rIdCustom", `${R}/custom-properties`, "docProps/custom.xml");
  }
  if (o.webextension) {
    zip.file(
      "xl/webextensions/taskpanes.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11" xmlns:r="${R}"><wetp:taskpane dockstate="right" visibility="1" width="350" row="4"><wetp:webextensionref r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
    );
    zip.file(
      "xl/webextensions/_rels/taskpanes.xml.rels",
      addRel(
        EMPTY_RELS,
        "rId1",
        "http://schemas.microsoft.com/office/2011/relationships/webextension",
        "webextension1.xml",
      ),
    );
    zip.file(
      "xl/webextensions/webextension1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{52811C31-4593-43B8-A697-EB873422D156}"><we:reference id="wa200000000" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/><we:property name="parIndex.settings" value="&quot;{\\&quot;lang\\&quot;:\\&quot;vi\\&quot;}&quot;"/></we:properties><we:bindings/><we:snapshot xmlns:r="${R}"/></we:webextension>`,
    );
    ct = addOverride(
      ct,
      "xl/webextensions/taskpanes.xml",
      "application/vnd.ms-office.webextensiontaskpanes+xml",
    );
    ct = addOverride(ct, "xl/webextensions/webextension1.xml", "application/vnd.ms-office.webextension+xml");
    rootRels = addRel(
      rootRels,
      "rIdWe",
      "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
      "xl/webextensions/taskpanes.xml",
    );
  }
  if (o.control) {
    const ssPath = "xl/sharedStrings.xml";
    const inSst = zip.file(ssPath) !== null && (await text(zip, ssPath)).includes("CONTROL_MARK");
    const path = inSst ? ssPath : sheetPath;
    const xml = await text(zip, path);
    zip.file(path, xml.replace("CONTROL_MARK", CONTROL_TEXT.replace("\u000b", "_x000B_")));
  }
  zip.file("[Content_Types].xml", ct);
  zip.file("_rels/.rels", rootRels);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
