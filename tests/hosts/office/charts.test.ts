/**
 * Charts over the columns assign takes, in Excel (the strict double): the read places each chart of the
 * criteria sheet on cells in its one request, assign moves a chart over the taken columns right of them
 * (Chart.left), one undo puts it back; a chart elsewhere stays; a chart the read cannot place is named in a
 * warning instead of moved.
 */
import { Session } from "../../../src/app/session";
import { remedySource } from "../../../src/app/commands";
import { commandSpec, sayBefore, withNotes } from "../../../src/app/registry";
import { builtinCatalogue } from "../../../src/catalogue";
import { planAssign } from "../../../src/core/assign";
import { charsToPoints } from "../../../src/core/units";
import { sampleWorkbook } from "../../../src/core/sample";
import type { ChartInfo } from "../../../src/core/types";
import { ExcelHost } from "../../../src/hosts/office/host";
import { CHART_ROWS, cellsUnder } from "../../../src/hosts/office/charts";
import type { FakeExcel } from "./fake";
import { analyzed, installFake } from "./helpers";

let done: (() => void) | null = null;
afterEach(() => {
  done?.();
  done = null;
});

// The seed's assign writes G3:I34 (columns 6..8, rows 2..33) and widens them to 28, 32, 70 characters.
// In the double every column is 48 pt (8.43 characters) and every row 15 pt: G starts at 288 pt.
const over: ChartInfo = { name: "Biểu đồ điểm", left: 300, top: 45, width: 120, height: 200 };
const below: ChartInfo = { name: "Dưới bảng", left: 300, top: 600, width: 120, height: 100 };
const aside: ChartInfo = { name: "Bên trái", left: 0, top: 600, width: 100, height: 100 };

function start(charts: ChartInfo[]): { fake: FakeExcel; session: Session; host: ExcelHost } {
  const ws = sampleWorkbook();
  ws.active.charts = charts;
  const installed = installFake(ws);
  done = installed.done;
  const host = new ExcelHost();
  return { fake: installed.fake, session: new Session(host, "vi"), host };
}

const chartsIn = (fake: FakeExcel) =>
  fake.snapshot().active.charts?.map((c) => ({ name: c.name, left: c.left, top: c.top }));

test("cellsUnder: edges on column and row boundaries, hidden columns, nothing past what was loaded", () => {
  const w = [48, 48, 0, 48];
  const h = [15, 15, 15];
  expect(cellsUnder({ left: 48, top: 15, width: 48, height: 15 }, w, h)).toEqual({
    top: 1,
    left: 1,
    rows: 1,
    cols: 1,
  });
  // Across the hidden column C: B..D.
  expect(cellsUnder({ left: 50, top: 0, width: 60, height: 20 }, w, h)).toEqual({
    top: 0,
    left: 1,
    rows: 2,
    cols: 3,
  });
  expect(cellsUnder({ left: 50, top: 0, width: 200, height: 20 }, w, h)).toBeUndefined();
  expect(cellsUnder({ left: 0, top: 40, width: 10, height: 20 }, w, h)).toBeUndefined();
});

test("the read places the criteria sheet's charts on cells in its one request (a later read stays 1 sync)", async () => {
  const { fake, host } = start([over, below, aside]);
  let before = fake.syncs;
  await host.read();
  expect(fake.syncs - before).toBe(2); // learn + read, as without charts
  before = fake.syncs;
  const ws = await host.read();
  expect(fake.syncs - before).toBe(1);
  expect(ws.active.charts).toEqual([
    { ...over, cells: { top: 3, left: 6, rows: 14, cols: 3 } },
    { ...below, cells: { top: 40, left: 6, rows: 7, cols: 3 } },
    { ...aside, cells: { top: 40, left: 0, rows: 7, cols: 3 } },
  ]);
});

test("assign moves a chart over the taken columns right of them; one undo puts it back; others stay", async () => {
  const { fake, session, host } = start([over, below, aside]);
  await host.read(); // the pane's boot
  const seed = chartsIn(fake);
  let before = fake.syncs;
  const r = await session.run("assign");
  expect(r.ok).toBe(true);
  expect(fake.syncs - before).toBe(2); // read + write, as without charts
  const dx = charsToPoints(28) + charsToPoints(32) + charsToPoints(70);
  expect(chartsIn(fake)).toEqual([
    { name: over.name, left: over.left + dx, top: over.top },
    { name: below.name, left: below.left, top: below.top },
    { name: aside.name, left: aside.left, top: aside.top },
  ]);
  expect(fake.writes.filter((w) => w.startsWith("chart."))).toEqual([
    `chart.left 'PAR INDEX 2023'!${over.name} = ${over.left + dx}`,
  ]);
  // The moved chart now sits right of the written columns: the next read places it from J (column 9).
  before = fake.syncs;
  const next = await host.read();
  expect(fake.syncs - before).toBe(1);
  expect(next.active.charts?.[0].cells?.left).toBeGreaterThanOrEqual(9);
  before = fake.syncs;
  const u = await session.undo();
  expect(u.ok).toBe(true);
  expect(fake.syncs - before).toBe(2);
  expect(chartsIn(fake)).toEqual(seed);
});

test("a chart the read cannot place (below the rows it loads) is not moved: assign names it, vi first", async () => {
  const far: ChartInfo = { name: "Xa", left: 300, top: CHART_ROWS * 15 + 30, width: 120, height: 100 };
  const { fake, host } = start([far]);
  const ws = await host.read();
  expect(ws.active.charts).toEqual([far]);
  const cs = planAssign(ws.active, analyzed(ws.active), remedySource(builtinCatalogue()));
  expect(cs.ops.some((o) => o.op === "moveChart")).toBe(false);
  expect(cs.notes?.[0].vi).toContain("«Xa»");
  expect(cs.notes?.[0].en).toContain("«Xa»");
  expect(Object.keys(cs.notes![0])).toEqual(["vi", "en"]);
  expect(fake.writes).toEqual([]);
  // The say-before line and the result line name it, Vietnamese first.
  const say = sayBefore(cs, ws)!;
  expect(say.vi).toContain("biểu đồ «Xa»");
  expect(say.en).toContain("chart «Xa»");
  const result = withNotes(commandSpec("assign").result(cs, { achieved: 0, max: 0, unmet: 0 }), cs);
  expect(result.vi).toMatch(/^Đã điền .*biểu đồ «Xa»/);
  expect(result.en).toContain("chart «Xa»");
});
