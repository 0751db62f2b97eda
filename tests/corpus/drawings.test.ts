/**
 * Where the user's chart ends up (chart-textbox-properties): on its sheet, moved right of the column the
 * add-in inserted, its series still reading the same cells, and not over the table the add-in widened.
 * `lost:*` compares drawings by content and sheet; this says the placement in plain figures.
 */
import JSZip from "jszip";
import * as ExcelJS from "exceljs";
import { CORPUS, fixtureBytes } from "./index";
import { runApply, runCommand, type Ran } from "./run";

const SHEET = "Kết quả 2025";
const fixture = CORPUS.find((f) => f.id === "chart-textbox-properties")!;

interface Placement {
  sheet: string;
  /** 0-based [column, row] of the anchor's top-left and bottom-right cells. */
  from: [number, number];
  to: [number, number];
  series: string[];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? "";
const relsOf = async (zip: JSZip, part: string) =>
  [
    ...((await zip.file(part.replace(/([^/]+)$/, "_rels/$1.rels"))?.async("string")) ?? "").matchAll(
      /<Relationship [^>]*>/g,
    ),
  ].map((m) => ({ id: attr(m[0], "Id"), type: attr(m[0], "Type"), target: attr(m[0], "Target") }));
const resolve = (from: string, target: string) => {
  const out = from.split("/").slice(0, -1);
  for (const s of target.split("/"))
    if (s === "..") out.pop();
    else out.push(s);
  return out.join("/");
};
const cell = (xml: string, tag: "from" | "to"): [number, number] => {
  const body = new RegExp(`<xdr:${tag}>([\\s\\S]*?)</xdr:${tag}>`).exec(xml)![1];
  return [Number(/<xdr:col>(\d+)</.exec(body)![1]), Number(/<xdr:row>(\d+)</.exec(body)![1])];
};

/** Every chart of the workbook: the sheet whose drawing shows it, its anchor, its series references. */
async function charts(bytes: Uint8Array): Promise<Placement[]> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const wbRels = await relsOf(zip, "xl/workbook.xml");
  const out: Placement[] = [];
  for (const m of wb.matchAll(/<sheet [^>]*>/g)) {
    const sheetPart = resolve("xl/workbook.xml", wbRels.find((r) => r.id === attr(m[0], "r:id"))!.target);
    for (const d of (await relsOf(zip, sheetPart)).filter((r) => r.type.endsWith("/drawing"))) {
      const drawing = resolve(sheetPart, d.target);
      const dRels = await relsOf(zip, drawing);
      const xml = await zip.file(drawing)!.async("string");
      for (const a of xml.match(/<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/g) ?? []) {
        const rid = /<c:chart [^>]*r:id="([^"]+)"/.exec(a)?.[1];
        if (!rid) continue;
        const chart = resolve(drawing, dRels.find((r) => r.id === rid)!.target);
        const cx = await zip.file(chart)!.async("string");
        out.push({
          sheet: attr(m[0], "name"),
          from: cell(a, "from"),
          to: cell(a, "to"),
          series: [...cx.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((f) => f[1].replace(/&apos;/g, "'")),
        });
      }
    }
  }
  return out;
}

async function ok(r: Awaited<ReturnType<typeof runCommand>>): Promise<Ran> {
  if (!r.ok) throw new Error(`${r.code}`);
  return r;
}

/** The table's rectangle in the saved file: header row to last row, column A to the last header filled. */
async function tableRect(out: Ran): Promise<{ cols: [number, number]; rows: [number, number] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out.bytes as unknown as ExcelJS.Buffer);
  let last = 0;
  wb.getWorksheet(out.table.sheet)!
    .getRow(out.table.top + 1)
    .eachCell((c, n) => {
      if (c.value !== null && String(c.value).trim()) last = n - 1;
    });
  return { cols: [0, last], rows: [out.table.top, out.table.bottom] };
}

const overlaps = (p: Placement, t: { cols: [number, number]; rows: [number, number] }) =>
  p.from[0] <= t.cols[1] && p.to[0] >= t.cols[0] && p.from[1] <= t.rows[1] && p.to[1] >= t.rows[0];

describe("chart-textbox-properties: the chart's place", () => {
  const series = [`'${SHEET}'!$D$5:$D$12`];

  test("in the fixture: on «Kết quả 2025», H3:N19, right of the table (A:F), reading D5:D12", async () => {
    const input = await fixtureBytes(fixture);
    expect(await charts(input)).toEqual([{ sheet: SHEET, from: [7, 2], to: [13, 18], series }]);
  });

  test("recalc inserts one column at F: the chart stays on its sheet, moved one column right (I3:O19)", async () => {
    const out = await ok(await runCommand(await fixtureBytes(fixture), "recalc"));
    const inserts = out.changeSets.flatMap((cs) => cs.ops.filter((o) => o.op === "insertColumns"));
    expect(inserts).toEqual([{ op: "insertColumns", sheet: SHEET, at: 5, count: 1 }]);
    // Column D is left of the insert: the series reads the same cells.
    expect(await charts(out.bytes)).toEqual([{ sheet: SHEET, from: [8, 2], to: [14, 18], series }]);
    expect(overlaps((await charts(out.bytes))[0], await tableRect(out))).toBe(false);
  });

  test("apply: the chart is not over the table the add-in widened (assign writes the blank columns H:J under it: it moves right of them, K3:Q19)", async () => {
    const r = await runApply(await fixtureBytes(fixture));
    const out = await ok(r);
    const [chart] = await charts(out.bytes);
    expect(chart.sheet).toBe(SHEET);
    expect(overlaps(chart, await tableRect(out))).toBe(false);
    expect(chart).toEqual({ sheet: SHEET, from: [10, 2], to: [16, 18], series });
  });
});
