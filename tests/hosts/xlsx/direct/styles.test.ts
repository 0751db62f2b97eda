/**
 * The direct styles part against the ExcelJS reader: every styled cell of ExcelJS-saved workbooks (the
 * corpus, the sample, the ExcelJS path's apply output) reads the same formats through StylesPart.format;
 * derive's new styles read back through ExcelJS as asked; nothing is rewritten that was not added.
 */
import JSZip from "jszip";
import * as ExcelJS from "exceljs";
import { StylesPart } from "../../../../src/hosts/xlsx/direct/styles";
import { cellFormats } from "../../../../src/hosts/xlsx/cells";
import { themePalette } from "../../../../src/hosts/xlsx/colors";
import { loadWorkbook, saveWorkbook } from "../../../../src/hosts/xlsx";
import { parseCellAddress } from "../../../../src/core/address";
import { CORPUS, fixtureBytes } from "../../../corpus";
import { runApply } from "../../../corpus/run";
import { sampleBytes } from "../../../../src/cli/sample";

interface Parts {
  zip: JSZip;
  styles: string | undefined;
  theme: string | undefined;
  /** Sheet name → part path. */
  sheets: Map<string, string>;
}

async function partsOf(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (p: string) => zip.file(p)?.async("string");
  const wbXml = (await text("xl/workbook.xml")) ?? "";
  const rels = (await text("xl/_rels/workbook.xml.rels")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]*)"/.exec(m[0])?.[1];
    const t = /Target="([^"]*)"/.exec(m[0])?.[1];
    if (id && t) targets.set(id, t.startsWith("/") ? t.slice(1) : `xl/${t}`);
  }
  const sheets = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])![1].replace(/&amp;/g, "&");
    const rid = /r:id="([^"]*)"/.exec(m[0])![1];
    sheets.set(name, targets.get(rid)!);
  }
  return { zip, styles: await text("xl/styles.xml"), theme: await text("xl/theme/theme1.xml"), sheets };
}

/** Every cell of a sheet part with its style index. */
function styledCells(xml: string): { row: number; col: number; s: number }[] {
  const out: { row: number; col: number; s: number }[] = [];
  for (const m of xml.matchAll(/<c\b([^>]*?)\/?>/g)) {
    const r = /\br="([A-Z]+\d+)"/.exec(m[1])?.[1];
    const s = /\bs="(\d+)"/.exec(m[1])?.[1];
    if (!r) continue;
    const a = parseCellAddress(r)!;
    out.push({ row: a.row, col: a.col, s: s ? Number(s) : 0 });
  }
  return out;
}

async function compareFormats(bytes: Uint8Array): Promise<number> {
  const parts = await partsOf(bytes);
  const styles = StylesPart.parse(parts.styles, parts.theme);
  const wb = await loadWorkbook(bytes);
  const palette = themePalette(wb);
  let n = 0;
  for (const [name, path] of parts.sheets) {
    const ws = wb.getWorksheet(name)!;
    const xml = (await parts.zip.file(path)!.async("string")) ?? "";
    for (const { row, col, s } of styledCells(xml)) {
      const cell = ws.findCell(row + 1, col + 1);
      if (!cell) continue;
      expect({ at: `${name}!${row},${col}`, ...styles.format(s) }).toEqual({
        at: `${name}!${row},${col}`,
        ...cellFormats(cell, palette),
      });
      n++;
    }
  }
  expect(styles.changed).toBe(false);
  expect(styles.serialize()).toBe(parts.styles);
  return n;
}

/** A workbook with the colour kinds Excel writes: theme slots with tints, indexed, ARGB, fonts, numFmts. */
async function colourful(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Màu");
  const styles: Partial<ExcelJS.Style>[] = [
    {
      font: {
        bold: true,
        name: "Times New Roman",
        color: { theme: 4, tint: -0.25 } as unknown as ExcelJS.Color,
      },
    },
    {
      fill: {
        type: "pattern",
        pattern: "solid",
        fgColor: { theme: 5, tint: 0.6 } as unknown as ExcelJS.Color,
      },
    },
    {
      fill: {
        type: "pattern",
        pattern: "solid",
        fgColor: { indexed: 13 } as unknown as unknown as ExcelJS.Color,
      },
    },
    { fill: { type: "pattern", pattern: "darkGray", bgColor: { argb: "FF00B050" } } },
    { font: { color: { theme: 1 } as ExcelJS.Color, name: ".VnTime" }, numFmt: "0.00" },
    { numFmt: '#,##0.0" điểm"', alignment: { wrapText: true, horizontal: "center" } },
    { font: { color: { indexed: 64 } as unknown as unknown as ExcelJS.Color }, numFmt: "0%" },
    { fill: { type: "gradient", gradient: "angle", degree: 0, stops: [] } as unknown as ExcelJS.Fill },
  ];
  styles.forEach((st, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = i % 2 ? i : `ô ${i}`;
    c.style = st;
  });
  return saveWorkbook(wb);
}

describe("StylesPart.format reads what the ExcelJS reader reads", () => {
  test("colour kinds, fonts, number formats", async () => {
    expect(await compareFormats(await colourful())).toBeGreaterThanOrEqual(8);
  });
  test("the sample and the ExcelJS path's apply output of it", async () => {
    const sample = await sampleBytes();
    expect(await compareFormats(sample)).toBeGreaterThan(50);
    const applied = await runApply(sample);
    if (!applied.ok) throw new Error(applied.code);
    expect(await compareFormats(applied.bytes)).toBeGreaterThan(100);
  });
  test.each(CORPUS.map((f) => [f.id, f] as const))("corpus %s", async (_id, f) => {
    await compareFormats(await fixtureBytes(f));
  });
});

describe("StylesPart.derive", () => {
  test("writes styles ExcelJS reads back as asked, appending only what is new", async () => {
    const bytes = await colourful();
    const parts = await partsOf(bytes);
    const styles = StylesPart.parse(parts.styles, parts.theme);
    const path = parts.sheets.get("Màu")!;
    let sheet = (await parts.zip.file(path)!.async("string"))!;
    const cells = styledCells(sheet);
    const s1 = cells[0].s; // bold Times New Roman, theme colour
    expect(styles.derive(s1, {})).toBe(s1);
    expect(styles.changed).toBe(false);
    const a = styles.derive(s1, { fill: "#FFC7CE", fontColor: "#9C0006", wrap: true, numberFormat: "0.00" });
    expect(
      styles.derive(s1, { fill: "#FFC7CE", fontColor: "#9C0006", wrap: true, numberFormat: "0.00" }),
    ).toBe(a);
    const b = styles.derive(a, { bold: false, fill: null, fontName: null, numberFormat: "0.000" });
    const c = styles.derive(0, { bold: true, horizontalAlignment: "Center" });
    // Back to what s1 was: the existing format, not a new one.
    expect(
      styles.derive(a, { fill: null, fontColor: "#366092", wrap: false, numberFormat: "General" }),
    ).not.toBe(a);
    expect(styles.changed).toBe(true);
    const setS = (ref: string, s: number) => {
      sheet = sheet.replace(new RegExp(`(<c r="${ref}"[^>]*?)( s="\\d+")?(?=[ />])`), `$1 s="${s}"`);
    };
    setS("A1", a);
    setS("A2", b);
    setS("A3", c);
    parts.zip.file(path, sheet);
    parts.zip.file("xl/styles.xml", styles.serialize());
    const out = await parts.zip.generateAsync({ type: "uint8array" });
    const wb = await loadWorkbook(out);
    const ws = wb.getWorksheet("Màu")!;
    const palette = themePalette(wb);
    expect(cellFormats(ws.getCell("A1"), palette)).toEqual({
      fill: "#FFC7CE",
      bold: true,
      fontColor: "#9C0006",
      wrap: true,
      numberFormat: "0.00",
      fontName: "Times New Roman",
    });
    expect(cellFormats(ws.getCell("A2"), palette)).toEqual({
      fill: null,
      bold: false,
      fontColor: "#9C0006",
      wrap: true,
      numberFormat: "0.000",
      fontName: null,
    });
    expect(cellFormats(ws.getCell("A3"), palette)).toMatchObject({ bold: true, fill: null });
    expect(ws.getCell("A3").alignment?.horizontal).toBe("center");
    // What was there before is unchanged, and the formats agree with ExcelJS after the additions too.
    await compareFormats(out);
  });

  test("dxf: appended once, read back by dxfFormat", () => {
    const styles = StylesPart.parse(undefined);
    const d = styles.dxf("#FFC7CE", "#9C0006");
    expect(styles.dxf("#FFC7CE", "#9C0006")).toBe(d);
    expect(styles.dxf("#C6EFCE")).toBe(d + 1);
    expect(styles.dxfFormat(d)).toEqual({ fill: "#FFC7CE", fontColor: "#9C0006" });
    expect(styles.dxfFormat(d + 1)).toEqual({ fill: "#C6EFCE" });
    const again = StylesPart.parse(styles.serialize());
    expect(again.dxfFormat(d + 1)).toEqual({ fill: "#C6EFCE" });
    expect(again.dxf("#FFC7CE", "#9C0006")).toBe(d);
  });

  test("a part with a prefix and without numFmts/dxfs gets them in schema order", () => {
    const xml =
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Arial"/></x:font></x:fonts>' +
      '<x:fills count="1"><x:fill><x:patternFill patternType="none"/></x:fill></x:fills>' +
      '<x:borders count="1"><x:border/></x:borders>' +
      '<x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs>' +
      "</x:styleSheet>";
    const styles = StylesPart.parse(xml);
    const s = styles.derive(0, { numberFormat: "0.0#", bold: true });
    styles.dxf("#FF0000");
    const out = styles.serialize();
    expect(out.indexOf("<x:numFmts")).toBeLessThan(out.indexOf("<x:fonts"));
    expect(out.indexOf("<x:dxfs")).toBeGreaterThan(out.indexOf("</x:cellXfs>"));
    const again = StylesPart.parse(out);
    expect(again.format(s)).toEqual({
      numberFormat: "0.0#",
      fill: null,
      bold: true,
      fontColor: null,
      wrap: false,
      fontName: "Arial",
    });
  });
});
