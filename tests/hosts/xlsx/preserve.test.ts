import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChangeSet } from "../../../src/core";
import { applyChangeSet, loadWorkbook, saveWorkbook } from "../../../src/hosts/xlsx";
import { preserveParts, type ColumnEdit } from "../../../src/hosts/xlsx/preserve";
import { parseRels, relsPathOf, resolveTarget } from "../../../src/hosts/xlsx/xml";
import {
  ANCHORS,
  CHART_TITLE,
  CONTROL_TEXT,
  PARTS_SHEET,
  TEXT_BOX,
  workbookWithParts,
  type PartsOptions,
} from "../../support/xlsxParts";
import { describeWithLibreOffice, libreOffice } from "../../support/libreoffice";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });
type Node = Record<string, unknown>;
const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

async function part(zip: JSZip, path: string): Promise<Node> {
  const f = zip.file(path);
  if (!f) throw new Error(`missing ${path}`);
  return parser.parse(await f.async("string")) as Node;
}

async function relsOf(zip: JSZip, path: string) {
  return parseRels(await zip.file(relsPathOf(path))?.async("string"));
}

/** The sheet's part and, through its drawing relationship, the drawing's part. */
async function drawingOf(zip: JSZip, sheetPart = "xl/worksheets/sheet1.xml") {
  const rel = (await relsOf(zip, sheetPart)).find((r) => r.type.endsWith("/drawing"));
  if (!rel) return undefined;
  const path = resolveTarget(sheetPart, rel.target);
  const sheet = await part(zip, sheetPart);
  const drawingEl = (sheet.worksheet as Node).drawing as Node | undefined;
  return { path, rel, drawingEl, xml: await part(zip, path), rels: await relsOf(zip, path) };
}

const insertAt = (at: number, count = 1): ChangeSet => ({
  command: "recalc",
  ops: [{ op: "insertColumns", sheet: PARTS_SHEET, at, count }],
  counts: {},
});

/** load → insert columns → save (ExcelJS) → preserve. */
async function roundTrip(opts?: PartsOptions, at = 2, count = 1) {
  const input = await workbookWithParts(opts);
  const wb = await loadWorkbook(input);
  applyChangeSet(wb, insertAt(at, count));
  const saved = await saveWorkbook(wb);
  const edits: ColumnEdit[] = [{ sheet: PARTS_SHEET, at, count }];
  const kept = await preserveParts(input, saved, edits);
  return { input, saved, kept, zip: await JSZip.loadAsync(kept.bytes), plain: await JSZip.loadAsync(saved) };
}

/** Every relationship target exists and every content-type override names a part. */
async function expectConsistent(zip: JSZip) {
  const files = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  for (const rf of files.filter((f) => f.endsWith(".rels"))) {
    const owner = rf === "_rels/.rels" ? "" : rf.replace(/_rels\/([^/]+)\.rels$/, "$1");
    for (const r of parseRels(await zip.file(rf)!.async("string")))
      if (!r.external)
        expect({
          rf,
          target: resolveTarget(owner, r.target),
          ok: files.includes(resolveTarget(owner, r.target)),
        }).toEqual(expect.objectContaining({ ok: true }));
  }
  const ct = await part(zip, "[Content_Types].xml");
  for (const o of list((ct.Types as Node).Override as Node[]))
    expect(files).toContain(String(o["@PartName"]).slice(1));
}

function anchorsOf(drawing: Node) {
  const wsDr = drawing.wsDr as Node;
  return list(wsDr.twoCellAnchor as Node[]).map((a) => ({
    from: Number((a.from as Node).col),
    to: Number((a.to as Node).col),
    kind: a.graphicFrame ? "chart" : a.sp ? "textBox" : a.pic ? "picture" : "?",
    node: a,
  }));
}

describe("what ExcelJS 4.4 drops (the reason preserve.ts exists)", () => {
  test("charts, text boxes, custom properties, webextensions, threaded comments and control characters", async () => {
    const { plain } = await roundTrip();
    const files = Object.keys(plain.files);
    expect(files.some((f) => f.startsWith("xl/charts/"))).toBe(false);
    expect(files).not.toContain("docProps/custom.xml");
    expect(files.some((f) => f.startsWith("xl/webextensions/"))).toBe(false);
    expect(files.some((f) => f.startsWith("xl/threadedComments/"))).toBe(false);
    const drawing = await drawingOf(plain);
    expect(anchorsOf(drawing!.xml).map((a) => a.kind)).toEqual(["picture"]); // it keeps (and moves) pictures only
    const back = await loadWorkbook(await plain.generateAsync({ type: "uint8array" }));
    expect(back.getWorksheet(PARTS_SHEET)!.getCell("B8").value).toBe(CONTROL_TEXT.replace("\u000b", ""));
  });
});

describe("preserveParts after inserting a column before the chart", () => {
  let r: Awaited<ReturnType<typeof roundTrip>>;
  beforeAll(async () => {
    r = await roundTrip();
  });

  test("nothing is lost and the package is consistent", async () => {
    expect(r.kept.lost).toEqual([]);
    await expectConsistent(r.zip);
  });

  test("the chart is in the sheet's drawing, moved one column right, its series reading the moved column", async () => {
    const d = (await drawingOf(r.zip))!;
    expect(d.drawingEl?.["@id"]).toBe(d.rel.id);
    const anchors = anchorsOf(d.xml);
    const chart = anchors.find((a) => a.kind === "chart")!;
    expect([chart.from, chart.to]).toEqual([ANCHORS.chart[0] + 1, ANCHORS.chart[2] + 1]);
    const rid = (((chart.node.graphicFrame as Node).graphic as Node).graphicData as Node).chart as Node;
    const chartRel = d.rels.find((x) => x.id === rid["@id"])!;
    const chart1 = await part(r.zip, resolveTarget(d.path, chartRel.target));
    const ser = (((chart1.chartSpace as Node).chart as Node).plotArea as Node).barChart as Node;
    const s = ser.ser as Node;
    expect(((s.val as Node).numRef as Node).f).toBe(`'${PARTS_SHEET}'!$E$2:$E$6`);
    expect(((s.cat as Node).strRef as Node).f).toBe(`'${PARTS_SHEET}'!$B$2:$B$6`); // left of the insert: stays
    expect(((s.tx as Node).strRef as Node).f).toBe(`'${PARTS_SHEET}'!$E$1`);
  });

  test("the text box keeps its text; its right edge moves with the insert, its left edge (column B) stays", async () => {
    const box = anchorsOf((await drawingOf(r.zip))!.xml).find((a) => a.kind === "textBox")!;
    expect([box.from, box.to]).toEqual([ANCHORS.textBox[0], ANCHORS.textBox[2] + 1]);
    const p = (((box.node.sp as Node).txBody as Node).p as Node).r as Node;
    expect(p.t).toBe(TEXT_BOX);
  });

  test("the picture keeps its bytes and moves; ExcelJS's duplicate drawing and image are gone", async () => {
    const d = (await drawingOf(r.zip))!;
    const pic = anchorsOf(d.xml).find((a) => a.kind === "picture")!;
    expect(pic.from).toBe(ANCHORS.picture[0] + 1);
    const img = d.rels.find((x) => x.type.endsWith("/image"))!;
    const src = await JSZip.loadAsync(r.input);
    expect(await r.zip.file(resolveTarget(d.path, img.target))!.async("base64")).toBe(
      await src.file("xl/media/image1.png")!.async("base64"),
    );
    const drawings = Object.keys(r.zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f));
    expect(drawings).toEqual([d.path]);
    expect(
      Object.keys(r.zip.files).filter((f) => f.startsWith("xl/media/") && !r.zip.files[f].dir),
    ).toHaveLength(1);
  });

  test("custom document properties and the add-in's settings (webextension) are carried with their relationships", async () => {
    const root = parseRels(await r.zip.file("_rels/.rels")!.async("string"));
    const custom = root.find((x) => x.type.endsWith("/custom-properties"))!;
    const props = await part(r.zip, custom.target);
    const byName = Object.fromEntries(
      list((props.Properties as Node).property as Node[]).map((p) => [p["@name"], p.lpwstr ?? p.i4]),
    );
    expect(byName).toEqual({ "Đơn vị": "UBND xã An Bình", Năm: 2025 });
    const panes = root.find((x) => x.type.endsWith("/webextensiontaskpanes"))!;
    const paneRels = await relsOf(r.zip, panes.target);
    const we = await part(r.zip, resolveTarget(panes.target, paneRels[0].target));
    const propsWe = list(((we.webextension as Node).properties as Node).property as Node[]);
    expect(propsWe.map((p) => p["@name"])).toContain("parIndex.settings");
  });

  test("the threaded comment follows its cell (C3 → D3) and keeps its author", async () => {
    const rel = (await relsOf(r.zip, "xl/worksheets/sheet1.xml")).find((x) =>
      x.type.endsWith("/threadedComment"),
    )!;
    const tc = await part(r.zip, resolveTarget("xl/worksheets/sheet1.xml", rel.target));
    const c = (tc.ThreadedComments as Node).threadedComment as Node;
    expect(c["@ref"]).toBe("D3");
    const wbRels = await relsOf(r.zip, "xl/workbook.xml");
    expect(wbRels.some((x) => x.type.endsWith("/person"))).toBe(true);
  });

  test("the line tab in a cell survives, and ExcelJS reads the result back with the note moved", async () => {
    const back = await loadWorkbook(r.kept.bytes);
    const ws = back.getWorksheet(PARTS_SHEET)!;
    expect(ws.getCell("B8").value).toBe(CONTROL_TEXT);
    expect(ws.getCell("E2").note).toBe("Kiểm tra lại");
    expect(ws.getCell("E2").value).toBe(8);
  });

  test("saving the result through ExcelJS again and preserving again gives the same parts (twice = once)", async () => {
    const wb = await loadWorkbook(r.kept.bytes);
    const again = await preserveParts(r.kept.bytes, await saveWorkbook(wb), []);
    expect(again.lost).toEqual([]);
    const z2 = await JSZip.loadAsync(again.bytes);
    const a1 = anchorsOf((await drawingOf(r.zip))!.xml).map(({ from, to, kind }) => ({ from, to, kind }));
    const a2 = anchorsOf((await drawingOf(z2))!.xml).map(({ from, to, kind }) => ({ from, to, kind }));
    expect(a2).toEqual(a1);
    await expectConsistent(z2);
  });
});

describe("preserveParts, other shapes of input", () => {
  test("a chart alone (ExcelJS writes no drawing): <drawing> is added before <legacyDrawing>", async () => {
    const { kept, zip } = await roundTrip({ chart: true, note: true });
    expect(kept.lost).toEqual([]);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml.indexOf("<drawing ")).toBeGreaterThan(0);
    expect(xml.indexOf("<drawing ")).toBeLessThan(xml.indexOf("<legacyDrawing "));
    await expectConsistent(zip);
  });

  test("a plain workbook comes out as ExcelJS wrote it", async () => {
    const { kept, plain, zip } = await roundTrip({});
    expect(kept.lost).toEqual([]);
    expect(Object.keys(zip.files).sort()).toEqual(Object.keys(plain.files).sort());
  });

  test("parts it cannot carry are named in lost", async () => {
    const input = await JSZip.loadAsync(await workbookWithParts({}));
    input.file("xl/externalLinks/externalLink1.xml", "<externalLink/>");
    const rels = await input.file("xl/_rels/workbook.xml.rels")!.async("string");
    input.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
      ),
    );
    const bytes = await input.generateAsync({ type: "uint8array" });
    const out = await saveWorkbook(await loadWorkbook(bytes));
    expect((await preserveParts(bytes, out)).lost).toEqual([
      "externalLink (xl/externalLinks/externalLink1.xml)",
    ]);
  });

  test("a second drawing on one sheet (not valid OOXML) is named in lost; the chart carried first stays", async () => {
    const input = await JSZip.loadAsync(await workbookWithParts({ chart: true }));
    const sheetPart = "xl/worksheets/sheet1.xml";
    input.file(
      "xl/drawings/drawing9.xml",
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
        "<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>30</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
        "<xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>32</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
        '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="TextBox 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/>' +
        "<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Thứ hai</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>",
    );
    const rels = await input.file(relsPathOf(sheetPart))!.async("string");
    input.file(
      relsPathOf(sheetPart),
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdTwo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>',
      ),
    );
    const sheet = await input.file(sheetPart)!.async("string");
    input.file(sheetPart, sheet.replace(/(<drawing r:id="[^"]+"\/>)/, '$1<drawing r:id="rIdTwo"/>'));
    const ct = await input.file("[Content_Types].xml")!.async("string");
    input.file(
      "[Content_Types].xml",
      ct.replace(
        "</Types>",
        '<Override PartName="/xl/drawings/drawing9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
      ),
    );
    const bytes = await input.generateAsync({ type: "uint8array" });
    const kept = await preserveParts(bytes, await saveWorkbook(await loadWorkbook(bytes)));
    expect(kept.lost).toEqual([`${PARTS_SHEET}: drawing (xl/drawings/drawing9.xml)`]);
    const zip = await JSZip.loadAsync(kept.bytes);
    const d = (await drawingOf(zip))!;
    expect(anchorsOf(d.xml).map((a) => a.kind)).toEqual(["chart"]);
    expect(d.rels.map((r) => resolveTarget(d.path, r.target))).toEqual(["xl/charts/chart1.xml"]);
    expect((await zip.file("xl/worksheets/sheet1.xml")!.async("string")).match(/<drawing /g)).toHaveLength(1);
    await expectConsistent(zip);
  });

  test("a control character it cannot place unambiguously is reported, not guessed", async () => {
    const input = await JSZip.loadAsync(await workbookWithParts({ control: true }));
    const ss = await input.file("xl/sharedStrings.xml")!.async("string");
    // The same text without the line tab in another cell: ExcelJS writes one shared string for both.
    input.file("xl/sharedStrings.xml", ss.replace("Lĩnh vực 1<", "Dòng mộtDòng hai<"));
    const bytes = await input.generateAsync({ type: "uint8array" });
    const out = await saveWorkbook(await loadWorkbook(bytes));
    const { lost } = await preserveParts(bytes, out);
    expect(lost).toEqual(["control characters in «Dòng mộtDòng hai»"]);
  });
});

describe("a workbook LibreOffice made (chart, text box, comment, custom property)", () => {
  const fixture = join(__dirname, "fixtures", "libreoffice-parts.xlsx");

  test("ExcelJS drops the chart and the text box; preserveParts carries both, moved, and the property", async () => {
    const input = new Uint8Array(readFileSync(fixture));
    const wb = await loadWorkbook(input);
    applyChangeSet(wb, insertAt(2));
    const saved = await saveWorkbook(wb);
    expect(await drawingOf(await JSZip.loadAsync(saved))).toBeUndefined();
    const kept = await preserveParts(input, saved, [{ sheet: PARTS_SHEET, at: 2, count: 1 }]);
    expect(kept.lost).toEqual([]);
    const zip = await JSZip.loadAsync(kept.bytes);
    await expectConsistent(zip);
    const d = (await drawingOf(zip))!;
    const anchors = anchorsOf(d.xml);
    expect(anchors.map(({ from, to, kind }) => ({ from, to, kind }))).toEqual([
      { from: 6, to: 10, kind: "chart" },
      { from: 1, to: 4, kind: "textBox" },
    ]);
    const chartRel = d.rels.find((x) => x.type.endsWith("/chart"))!;
    const chart = await zip.file(resolveTarget(d.path, chartRel.target))!.async("string");
    const refs = [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
    expect(refs).toEqual(["'Kết quả'!$E$1", "'Kết quả'!$E$2:$E$6"]);
    expect(await zip.file("docProps/custom.xml")!.async("string")).toContain("UBND xã An Bình");
    const back = (await loadWorkbook(kept.bytes)).getWorksheet(PARTS_SHEET)!;
    expect(JSON.stringify(back.getCell("E3").note)).toContain("Kiểm tra lại"); // the comment moved with D3
  });
});

describeWithLibreOffice("the preserved workbook in LibreOffice", () => {
  test("opens and prints: the chart's title, the text box and the table are in the PDF LibreOffice makes", async () => {
    const { kept } = await roundTrip();
    const input = new Uint8Array(readFileSync(join(__dirname, "fixtures", "libreoffice-parts.xlsx")));
    const wb = await loadWorkbook(input);
    applyChangeSet(wb, insertAt(2));
    const fromLo = await preserveParts(input, await saveWorkbook(wb), [
      { sheet: PARTS_SHEET, at: 2, count: 1 },
    ]);
    const dir = mkdtempSync(join(tmpdir(), "preserve-"));
    writeFileSync(join(dir, "kept.xlsx"), kept.bytes);
    writeFileSync(join(dir, "from-lo.xlsx"), fromLo.bytes);
    libreOffice(dir).convert([join(dir, "kept.xlsx"), join(dir, "from-lo.xlsx")], "pdf");
    expect(existsSync(join(dir, "kept.pdf"))).toBe(true);
    expect(existsSync(join(dir, "from-lo.pdf"))).toBe(true);
    if (!existsSync("/usr/bin/pdftotext")) return;
    const text = (f: string) => execFileSync("pdftotext", [join(dir, f), "-"]).toString();
    const kt = text("kept.pdf");
    expect(kt).toContain(CHART_TITLE);
    expect(kt).toContain(TEXT_BOX);
    expect(kt).toContain("Lĩnh vực 3");
    expect(text("from-lo.pdf")).toContain(TEXT_BOX);
  }, 120_000);
});
