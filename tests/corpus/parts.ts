/**
 * Zip parts ExcelJS cannot make but real files carry: a chart, a text box ("Người lập biểu"), custom
 * document properties, the add-in settings Excel stores (web extension parts). Added to the bytes ExcelJS
 * wrote, with their relationships and content types, as Excel would have written them.
 */
import JSZip from "jszip";

export type ExtraPart =
  | { kind: "chart"; sheet: number }
  | { kind: "textbox"; sheet: number; text: string }
  | { kind: "custom-properties"; props: Record<string, string> }
  | { kind: "webextension" };

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_DRAWING = `${NS_R}/drawing`;
const REL_CHART = `${NS_R}/chart`;
const REL_CUSTOM = `${NS_R}/custom-properties`;
const REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const REL_WEBEXT = "http://schemas.microsoft.com/office/2011/relationships/webextension";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function addRel(zip: JSZip, relsPath: string, type: string, target: string): Promise<string> {
  const existing = await zip.file(relsPath)?.async("string");
  const xml =
    existing ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  let n = 1;
  while (xml.includes(`Id="rIdX${n}"`)) n++;
  const id = `rIdX${n}`;
  zip.file(
    relsPath,
    xml.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
    ),
  );
  return id;
}

async function addOverride(zip: JSZip, part: string, contentType: string): Promise<void> {
  const ct = (await zip.file("[Content_Types].xml")!.async("string")).replace(
    "</Types>",
    `<Override PartName="${part}" ContentType="${contentType}"/></Types>`,
  );
  zip.file("[Content_Types].xml", ct);
}

function anchor(inner: string, from: [number, number], to: [number, number]): string {
  return (
    `<xdr:twoCellAnchor><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`
  );
}

const CHART_XML = (sheetName: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${NS_R}">` +
  `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Điểm theo lĩnh vực</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
  `<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
  `<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'${sheetName}'!$D$5:$D$12</c:f></c:numRef></c:val></c:ser>` +
  `<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
  `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

async function sheetPath(zip: JSZip, sheet: number): Promise<string> {
  const p = `xl/worksheets/sheet${sheet}.xml`;
  if (!zip.file(p)) throw new Error(`no ${p}`);
  return p;
}

/**
 * The sheet's drawing part, made (empty, with its relationship, content type and `<drawing r:id>`) when the
 * sheet has none. A worksheet holds at most one `<drawing>` (CT_Worksheet): Excel keeps every chart, text
 * box and picture of a sheet as anchors of that one part, so a second object goes into the same drawing.
 */
async function drawingOf(zip: JSZip, sheet: number): Promise<string> {
  const sp = await sheetPath(zip, sheet);
  const relsPath = sp.replace("worksheets/", "worksheets/_rels/") + ".rels";
  const rels = (await zip.file(relsPath)?.async("string")) ?? "";
  const had = [...rels.matchAll(/<Relationship [^>]*>/g)]
    .map((m) => m[0])
    .find((r) => r.includes(`Type="${REL_DRAWING}"`));
  if (had) return "xl/drawings/" + /Target="\.\.\/drawings\/([^"]+)"/.exec(had)![1];
  let n = 1;
  while (zip.file(`xl/drawings/drawing${n}.xml`)) n++;
  const dp = `xl/drawings/drawing${n}.xml`;
  zip.file(
    dp,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}"></xdr:wsDr>`,
  );
  await addOverride(zip, `/${dp}`, "application/vnd.openxmlformats-officedocument.drawing+xml");
  const id = await addRel(zip, relsPath, REL_DRAWING, `../drawings/drawing${n}.xml`);
  const xml = await zip.file(sp)!.async("string");
  const at = ["<legacyDrawing", "<tableParts", "<extLst", "</worksheet>"]
    .map((t) => xml.indexOf(t))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b)[0];
  zip.file(sp, xml.slice(0, at) + `<drawing r:id="${id}"/>` + xml.slice(at));
  return dp;
}

/** Appends one anchor to a drawing; `inner` gets the next free shape id (`cNvPr id`, unique in the drawing). */
async function addAnchor(
  zip: JSZip,
  dp: string,
  inner: (shapeId: number) => string,
  from: [number, number],
  to: [number, number],
): Promise<void> {
  const xml = await zip.file(dp)!.async("string");
  const ids = [...xml.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]));
  const shapeId = Math.max(1, ...ids) + 1;
  zip.file(dp, xml.replace("</xdr:wsDr>", `${anchor(inner(shapeId), from, to)}</xdr:wsDr>`));
}

async function sheetName(zip: JSZip, sheet: number): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const names = [...wb.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
  return names[sheet - 1] ?? "Sheet1";
}

export async function addParts(bytes: Uint8Array, parts: ExtraPart[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const p of parts) {
    switch (p.kind) {
      case "chart": {
        let n = 1;
        while (zip.file(`xl/charts/chart${n}.xml`)) n++;
        zip.file(`xl/charts/chart${n}.xml`, CHART_XML(await sheetName(zip, p.sheet)));
        await addOverride(
          zip,
          `/xl/charts/chart${n}.xml`,
          "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
        );
        const dp = await drawingOf(zip, p.sheet);
        const rid = await addRel(
          zip,
          dp.replace("drawings/", "drawings/_rels/") + ".rels",
          REL_CHART,
          `../charts/chart${n}.xml`,
        );
        const frame = (id: number) =>
          `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Biểu đồ ${id - 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
          `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${NS_R}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
        await addAnchor(zip, dp, frame, [7, 2], [13, 18]);
        break;
      }
      case "textbox": {
        const sp = (id: number) =>
          `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="TextBox ${id - 1}"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>` +
          `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
          `<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${esc(p.text)}</a:t></a:r></a:p></xdr:txBody></xdr:sp>`;
        await addAnchor(zip, await drawingOf(zip, p.sheet), sp, [1, 40], [4, 44]);
        break;
      }
      case "custom-properties": {
        const props = Object.entries(p.props)
          .map(
            ([k, v], i) =>
              `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${esc(k)}"><vt:lpwstr>${esc(v)}</vt:lpwstr></property>`,
          )
          .join("");
        zip.file(
          "docProps/custom.xml",
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`,
        );
        await addOverride(
          zip,
          "/docProps/custom.xml",
          "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        );
        await addRel(zip, "_rels/.rels", REL_CUSTOM, "docProps/custom.xml");
        break;
      }
      case "webextension": {
        zip.file(
          "xl/webextensions/webextension1.xml",
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6A0B2C4E-1111-4C3B-9A4F-000000000001}">` +
            `<we:reference id="wa000000000" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>` +
            `<we:properties><we:property name="par-index.unit" value="&quot;commune&quot;"/></we:properties><we:bindings/><we:snapshot xmlns:r="${NS_R}"/></we:webextension>`,
        );
        zip.file(
          "xl/webextensions/taskpanes.xml",
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">` +
            `<wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="${NS_R}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
        );
        zip.file(
          "xl/webextensions/_rels/taskpanes.xml.rels",
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_WEBEXT}" Target="webextension1.xml"/></Relationships>`,
        );
        await addOverride(
          zip,
          "/xl/webextensions/webextension1.xml",
          "application/vnd.ms-office.webextension+xml",
        );
        await addOverride(
          zip,
          "/xl/webextensions/taskpanes.xml",
          "application/vnd.ms-office.webextensiontaskpanes+xml",
        );
        await addRel(zip, "_rels/.rels", REL_TASKPANES, "xl/webextensions/taskpanes.xml");
        break;
      }
    }
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
