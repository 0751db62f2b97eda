/** Workbook, worksheets (collection, walking visible sheets), protection. */
import type { SheetModel } from "../../../../src/core/model";
import { FakeObject, failOnNull } from "./base";
import type { FakeContext } from "./context";
import { FakeRange, FakeRangeAreas, valuesRect } from "./range";
import { FakeTableCollection } from "./tables";
import { FakeFreezePanes, FakeNamedItemCollection, FakePageLayout } from "./extras";
import { FakeOfficeError, fakeParseAddress, jsonBytes, loadNames, notLoaded } from "./util";

// ---- workbook & worksheets ----

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
  }

  getSelectedRange(): FakeRange {
    const fake = this.ctx.fake;
    const sheetName = fake.activeSheet;
    return new FakeRange(this.ctx, () => {
      const sel = fake.selection;
      if (sel === "chart" || sel === "several-areas") {
        throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      }
      const rect = sel && sel.sheet === sheetName ? sel.rect : { top: 0, left: 0, rows: 1, cols: 1 };
      return { sheet: fake.sheetOrThrow(sheetName), rects: [rect] };
    });
  }
}

export class FakeWorksheetCollection extends FakeObject {
  private itemList: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }

  load(spec: unknown): this {
    const names = loadNames(spec).map((n) => n.replace(/^items\//, ""));
    for (const n of names)
      if (n !== "name") throw new FakeOfficeError("InvalidArgument", `the double cannot load items/${n}`);
    this.ctx.read(() => {
      const order = [...this.ctx.fake.model.order];
      return {
        bytes: jsonBytes(order),
        commit: () => {
          this.itemList = order.map((name) => {
            const ws = new FakeWorksheet(this.ctx, () => name, false);
            ws.markLoaded("name", name);
            return ws;
          });
        },
      };
    });
    return this;
  }

  getActiveWorksheet(): FakeWorksheet {
    const fake = this.ctx.fake;
    return new FakeWorksheet(this.ctx, () => fake.activeSheet, false);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => name, false);
  }

  /** The first (visible) sheet. The double supports only visibleOnly = true. */
  getFirst(visibleOnly?: boolean): FakeWorksheet {
    if (visibleOnly !== true)
      throw new FakeOfficeError("InvalidArgument", "the double walks visible sheets only");
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.visibleSheets()[0] ?? null, true);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => (this.ctx.fake.sheetOrNull(name) ? name : null), true);
  }

  add(name: string): FakeWorksheet {
    this.ctx.write(
      `addSheet ${name}`,
      () => null,
      [name],
      () => {
        this.ctx.fake.model.apply({ op: "addSheet", sheet: name });
      },
    );
    return new FakeWorksheet(this.ctx, () => name, false);
  }
}

export class FakeWorksheet extends FakeObject {
  readonly tables: FakeTableCollection;
  readonly protection: FakeProtection;

  /** `resolveName` gives the sheet's name at sync, or null for a null object. */
  constructor(
    ctx: FakeContext,
    readonly resolveName: () => string | null,
    readonly nullable: boolean,
  ) {
    super(ctx);
    if (nullable)
      ctx.read(() => {
        const isNull = resolveName() === null;
        return {
          bytes: 0,
          commit: () => {
            this.setNull(isNull);
          },
        };
      });
    this.tables = new FakeTableCollection(ctx, this);
    this.protection = new FakeProtection(ctx, this);
    this.freezePanes = new FakeFreezePanes(ctx, () => this.model());
    this.pageLayout = new FakePageLayout(ctx, () => this.model());
  }
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;

  markLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** The sheet at sync; null for a null object; ItemNotFound for a missing sheet asked by getItem. */
  model(): SheetModel | null {
    const name = this.resolveName();
    return name === null ? null : this.ctx.fake.sheetOrThrow(name);
  }

  get name(): string {
    return this.prop("name");
  }

  load(spec: unknown): this {
    this.queueLoad(
      loadNames(spec),
      ["name"],
      () => this.model()!.name,
      () => this.model() === null,
    );
    return this;
  }

  set position(index: number) {
    this.ctx.write(`position ${this.resolveName()} = ${index}`, this.resolveName, [index], () => {
      const name = this.model()!.name;
      const order = this.ctx.fake.model.order.filter((n) => n !== name);
      order.splice(index, 0, name);
      this.ctx.fake.model.order = order;
    });
  }

  delete(): void {
    this.ctx.write(
      `deleteSheet ${this.resolveName()}`,
      () => null,
      [],
      () => {
        this.ctx.fake.model.apply({ op: "deleteSheet", sheet: this.model()!.name });
      },
    );
  }

  activate(): void {
    this.ctx.write(
      `activate ${this.resolveName()}`,
      () => null,
      [],
      () => {
        this.ctx.fake.activeSheet = this.model()!.name;
      },
    );
  }

  getRange(address?: string): FakeRange {
    // No address: the whole sheet (the double supports it for conditional formats only).
    const rect =
      address === undefined ? { top: 0, left: 0, rows: 1048576, cols: 16384 } : fakeParseAddress(address);
    if (this.nullable) failOnNull(this.ctx, "getRange", () => this.resolveName() === null);
    return new FakeRange(this.ctx, () => {
      const sheet = this.model();
      return sheet ? { sheet, rects: [rect] } : null;
    });
  }

  getRanges(address: string): FakeRangeAreas {
    const rects = address.split(",").map(fakeParseAddress);
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const sheet = this.model();
        return sheet ? { sheet, rects } : null;
      },
      false,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.model();
        const used = valuesOnly ? sheet && valuesRect(sheet) : sheet?.usedRect();
        return sheet && used ? { sheet, rects: [used] } : null;
      },
      true,
    );
  }

  /** The next visible sheet in tab order, or a null object. The double supports only visibleOnly = true. */
  getNextOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    if (visibleOnly !== true)
      throw new FakeOfficeError("InvalidArgument", "the double walks visible sheets only");
    return new FakeWorksheet(
      this.ctx,
      () => {
        const me = this.resolveName();
        if (me === null) return null;
        const visible = this.ctx.fake.visibleSheets();
        return visible[visible.indexOf(me) + 1] ?? null;
      },
      true,
    );
  }
}

export class FakeProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  load(spec: unknown): this {
    this.queueLoad(
      loadNames(spec),
      ["protected"],
      () => this.ctx.fake.protectedSheets.has(this.ws.model()!.name),
      () => this.ws.model() === null,
    );
    return this;
  }
}
