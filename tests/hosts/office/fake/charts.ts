/**
 * Charts of a worksheet (ExcelApi 1.1), as the docs describe them: `worksheet.charts` loads
 * `items/name, left, top, width, height` (points from the sheet's origin / the top of row 1); `getItem(name)`
 * gives the first chart of that name, and a name that is not there fails the batch with ItemNotFound at sync
 * (getItem's documented behaviour for a missing object; ChartCollection.getItemOrNullObject is the other way);
 * left/top/width/height are readable once loaded and settable. Backed by the sheet model's `charts` (their
 * points are the truth here: a chart the double moves loses the model's `cells`).
 */
import type { ChartInfo } from "../../../../src/core/types";
import { FakeObject } from "./base";
import type { FakeContext } from "./context";
import type { FakeWorksheet } from "./workbook";
import { FakeOfficeError, jsonBytes, loadNames, notLoaded, quoteSheet } from "./util";

const PROPS = ["name", "left", "top", "width", "height"] as const;
type Prop = (typeof PROPS)[number];

export class FakeChartCollection extends FakeObject {
  private itemList: FakeChart[] | null = null;
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }

  get items(): FakeChart[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }

  load(spec: unknown): this {
    const names = loadNames(spec).map((n) => n.replace(/^items\//, ""));
    for (const n of names)
      if (!(PROPS as readonly string[]).includes(n))
        throw new FakeOfficeError("InvalidArgument", `the double cannot load charts' items/${n}`);
    this.ws.use("charts.load");
    this.ctx.read(() => {
      const sheet = this.ws.model()!;
      const values = sheet.charts.map((c) => names.map((n) => c[n as Prop]));
      return {
        bytes: jsonBytes(values),
        commit: () => {
          this.itemList = sheet.charts.map((c, i) => {
            const chart = new FakeChart(this.ctx, this.ws, c.name);
            names.forEach((n, k) => chart.markLoaded(n, values[i][k]));
            return chart;
          });
        },
      };
    });
    return this;
  }

  getItem(name: string): FakeChart {
    this.ws.use("charts.getItem");
    return new FakeChart(this.ctx, this.ws, name);
  }
}

export class FakeChart extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly chartName: string,
  ) {
    super(ctx);
  }

  markLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** The chart at sync: the first of its name (documented), or ItemNotFound. */
  private chart(): ChartInfo {
    const sheet = this.ws.model()!;
    const c = sheet.charts.find((x) => x.name === this.chartName);
    if (!c)
      throw new FakeOfficeError("ItemNotFound", `no chart named «${this.chartName}» on «${sheet.name}»`);
    return c;
  }

  load(spec: unknown): this {
    this.queueLoad(
      loadNames(spec),
      PROPS,
      (n) => this.chart()[n as Prop],
      () => false,
    );
    return this;
  }

  get name(): string {
    return this.prop("name");
  }
  get left(): number {
    return this.prop("left");
  }
  set left(v: number) {
    this.set("left", v);
  }
  get top(): number {
    return this.prop("top");
  }
  set top(v: number) {
    this.set("top", v);
  }
  get width(): number {
    return this.prop("width");
  }
  set width(v: number) {
    this.set("width", v);
  }
  get height(): number {
    return this.prop("height");
  }
  set height(v: number) {
    this.set("height", v);
  }

  private set(prop: "left" | "top" | "width" | "height", v: number): void {
    this.ws.use(`chart.${prop}`);
    this.ctx.write(
      () => `chart.${prop} ${quoteSheet(this.ws.resolveName() ?? "?")}!${this.chartName} = ${v}`,
      () => this.ws.resolveName(),
      [v],
      () => {
        const c = this.chart();
        c[prop] = v;
        delete c.cells;
      },
    );
  }
}
