/**
 * preserveParts after a real command: the seed file (merged title, notes, validations, a defined name,
 * a summary sheet reading the criteria sheet) with a chart over the reason column (right of where recalc
 * inserts its gap and percent columns), a text box, custom properties and add-in settings; recalc is
 * planned by the core and applied by the host, as the CLI will do it.
 */
import JSZip from "jszip";
import { planRecalc, SAMPLE_SHEET, columnIndex } from "../../../src/core";
import {
  applyChangeSet,
  columnEditsOf,
  loadWorkbook,
  preserveParts,
  readSnapshot,
  saveWorkbook,
} from "../../../src/hosts/xlsx";
import { parseRels, relsPathOf, resolveTarget } from "../../../src/hosts/xlsx/xml";
import { addParts, ANCHORS } from "../../support/xlsxParts";
import { analyzed, seedWorkbook } from "./helpers";

async function sheetPartOf(zip: JSZip, name: string): Promise<string> {
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rels = parseRels(await zip.file("xl/_rels/workbook.xml.rels")!.async("string"));
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  return resolveTarget("xl/workbook.xml", rels.find((r) => r.id === id)!.target);
}

async function recalcWithParts() {
  const seed = seedWorkbook();
  const plain = new Uint8Array(await seed.wb.xlsx.writeBuffer());
  const sheetPart = await sheetPartOf(await JSZip.loadAsync(plain), SAMPLE_SHEET);
  const input = await addParts(
    plain,
    { chart: true, textBox: true, custom: true, webextension: true },
    SAMPLE_SHEET,
    sheetPart,
  );
  const wb = await loadWorkbook(input);
  const snap = readSnapshot(wb);
  const cs = planRecalc(snap.active, analyzed(snap.active)).changeSet;
  applyChangeSet(wb, cs);
  const edits = columnEditsOf([cs]);
  const out = await saveWorkbook(wb);
  const kept = await preserveParts(input, out, edits);
  return { input, edits, kept, sheetPart, zip: await JSZip.loadAsync(kept.bytes) };
}

test("recalc on the seed: nothing lost; the chart and text box move with the inserted columns", async () => {
  const { edits, kept, zip, sheetPart } = await recalcWithParts();
  expect(edits.length).toBeGreaterThan(0);
  expect(edits.every((e) => e.sheet === SAMPLE_SHEET)).toBe(true);
  expect(kept.lost).toEqual([]);
  const inserted = (col: number) => edits.reduce((c, e) => (c >= e.at ? c + e.count : c), col);

  const rel = parseRels(await zip.file(relsPathOf(sheetPart))!.async("string")).find((r) =>
    r.type.endsWith("/drawing"),
  )!;
  const drawingPart = resolveTarget(sheetPart, rel.target);
  const drawing = await zip.file(drawingPart)!.async("string");
  const cols = [...drawing.matchAll(/<xdr:col>(\d+)<\/xdr:col>/g)].map((m) => Number(m[1]));
  const [c0, , c1] = ANCHORS.chart;
  const [t0, , t1] = ANCHORS.textBox;
  expect(cols).toEqual([inserted(c0), inserted(c1), inserted(t0), inserted(t1)]);

  const chartRel = parseRels(await zip.file(relsPathOf(drawingPart))!.async("string"))[0];
  const chart = await zip.file(resolveTarget(drawingPart, chartRel.target))!.async("string");
  const val = /<c:val><c:numRef><c:f>([^<]*)<\/c:f>/.exec(chart)![1];
  const col = /!\$([A-Z]+)\$2:/.exec(val)![1];
  expect(columnIndex(col)).toBe(inserted(3));

  // The seed's own things are still there: its defined name, the summary sheet, the note.
  const back = await loadWorkbook(kept.bytes);
  expect(back.worksheets.map((w) => w.name)).toEqual(
    (await loadWorkbook(await saveWorkbook(seedWorkbook().wb))).worksheets.map((w) => w.name),
  );
  const names: { name: string }[] = (back.definedNames as unknown as { model: { name: string }[] }).model;
  expect(names.length).toBeGreaterThan(0);
});

test("recalc twice = once, parts included", async () => {
  const first = await recalcWithParts();
  const wb = await loadWorkbook(first.kept.bytes);
  const snap = readSnapshot(wb);
  const cs = planRecalc(snap.active, analyzed(snap.active)).changeSet;
  applyChangeSet(wb, cs);
  const edits = columnEditsOf([cs]);
  expect(edits).toEqual([]); // the columns are there already
  const again = await preserveParts(first.kept.bytes, await saveWorkbook(wb), edits);
  expect(again.lost).toEqual([]);
  const z2 = await JSZip.loadAsync(again.bytes);
  const parts = (z: JSZip) =>
    Object.keys(z.files)
      .filter((f) => !z.files[f].dir)
      .sort();
  expect(parts(z2)).toEqual(parts(first.zip));
  const drawing = (z: JSZip) =>
    Object.keys(z.files)
      .filter((f) => /drawings\/drawing\d+\.xml$/.test(f))
      .map((f) => z.file(f)!.async("string"));
  expect(await Promise.all(drawing(z2))).toEqual(await Promise.all(drawing(first.zip)));
});
