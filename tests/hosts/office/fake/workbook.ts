/** Workbook, worksheets (collection, walking visible sheets), protection. */
import type { SheetModel } from "../../../../src/core/model";
import { FakeObject, failOnNull } from "./base";
import type { FakeContext } from "./context";
import { FakeRange, FakeRangeAreas, valuesRect } from "./range";
import { FakeTable, FakeTableCollection } from "./tables";
import { FakeFreezePanes, FakeNamedItemCollection, FakePageLayout } from "./extras";
import { FakeChartCollection } from "./charts";
import { FakeOfficeError, fakeParseAddress, jsonBytes, loadNames, notLoaded } from "./util";

// ---- workbook & worksheets ----

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeWorkbookTables;
  readonly names: FakeNamedItemCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeWorkbookTables(ctx);
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
      if (n !== "name" && n !== "visibility")
        throw new FakeOfficeError("InvalidArgument", `the double cannot load items/${n}`);
    this.ctx.read(() => {
      const fake = this.ctx.fake;
      const order = [...fake.model.order];
      const hidden = order.map((n) => fake.hiddenSheets.has(n));
      return {
        bytes: jsonBytes(order),
        commit: () => {
          this.itemList = order.map((name, i) => {
            const ws = new FakeWorksheet(this.ctx, () => name, false);
            ws.markLoaded("name", name);
            if (names.includes("visibility")) ws.markLoaded("visibility", hidden[i] ? "Hidden" : "Visible");
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
    this.charts = new FakeChartCollection(ctx, this);
  }
  /** Charts on the sheet (ExcelApi 1.1). */
  readonly charts: FakeChartCollection;
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

  get visibility(): string {
    return this.prop("visibility");
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
    this.use("position");
    this.ctx.write(`position ${this.resolveName()} = ${index}`, this.resolveName, [index], () => {
      const name = this.model()!.name;
      const order = this.ctx.fake.model.order.filter((n) => n !== name);
      order.splice(index, 0, name);
      this.ctx.fake.model.order = order;
    });
  }

  delete(): void {
    this.use("delete");
    this.ctx.write(
      `deleteSheet ${this.resolveName()}`,
      () => null,
      [],
      () => {
        const name = this.model()!.name;
        const fake = this.ctx.fake;
        // Excel shows another sheet when the active one goes (which one is not documented: here the next
        // visible sheet, else the one before it), so the add-in must never count on it.
        if (fake.activeSheet === name) {
          const visible = fake.visibleSheets();
          const i = visible.indexOf(name);
          fake.activeSheet = visible[i + 1] ?? visible[i - 1] ?? name;
          const sel = fake.selection;
          if (sel && typeof sel === "object" && sel.sheet === name) fake.selection = null;
        }
        fake.model.apply({ op: "deleteSheet", sheet: name });
      },
    );
  }

  activate(): void {
    this.use("activate");
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
    this.use("getRange");
    return new FakeRange(this.ctx, () => {
      const sheet = this.model();
      return sheet ? { sheet, rects: [rect] } : null;
    });
  }

  /** Fails the batch at sync when this sheet is a null object (a call on a null object). */
  use(what: string): void {
    if (this.nullable) failOnNull(this.ctx, what, () => this.resolveName() === null);
  }

  getRanges(address: string): FakeRangeAreas {
    this.use("getRanges");
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

  /** The used range; the top left cell when the sheet is blank (documented: it never fails). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    this.use("getUsedRange");
    return new FakeRange(this.ctx, () => {
      const sheet = this.model();
      if (!sheet) return null;
      const used = valuesOnly ? valuesRect(sheet) : sheet.usedRect();
      return { sheet, rects: [used ?? { top: 0, left: 0, rows: 1, cols: 1 }] };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.use("getUsedRangeOrNullObject");
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
    this.use("getNextOrNullObject");
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
  protect(): void {
    this.ws.use("protection.protect");
    this.ctx.write(
      `protect ${this.ws.resolveName()}`,
      () => null,
      [],
      () => {
        this.ctx.fake.protectedSheets.add(this.ws.model()!.name);
      },
    );
  }
  unprotect(): void {
    this.ws.use("protection.unprotect");
    this.ctx.write(
      `unprotect ${this.ws.resolveName()}`,
      () => null,
      [],
      () => {
        this.ctx.fake.protectedSheets.delete(this.ws.model()!.name);
      },
    );
  }
  load(spec: unknown): this {
    this.ws.use("protection.load");
    this.queueLoad(
      loadNames(spec),
      ["protected"],
      () => this.ctx.fake.protectedSheets.has(this.ws.model()!.name),
      () => this.ws.model() === null,
    );
    return this;
  }
}

/** workbook.tables: every table of the workbook, by name (load items/name; getItem). */
export class FakeWorkbookTables extends FakeObject {
  private itemList: { name: string }[] | null = null;
  get items(): { name: string }[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }
  load(spec: unknown): this {
    const names = loadNames(spec).map((n) => n.replace(/^items\//, ""));
    for (const n of names)
      if (n !== "name") throw new FakeOfficeError("InvalidArgument", `the double cannot load items/${n}`);
    this.ctx.read(() => {
      const all: string[] = [];
      const model = this.ctx.fake.model;
      for (const name of model.order) for (const t of model.sheets.get(name)!.tables) all.push(t.name);
      return {
        bytes: jsonBytes(all),
        commit: () => {
          this.itemList = all.map((name) => ({ name }));
        },
      };
    });
    return this;
  }
  /** The table named `name` (ItemNotFound at sync when there is none). */
  getItem(name: string): FakeTable {
    const model = this.ctx.fake.model;
    const ws = new FakeWorksheet(
      this.ctx,
      () => {
        for (const s of model.order) if (model.sheets.get(s)!.tables.some((t) => t.name === name)) return s;
        throw new FakeOfficeError("ItemNotFound", `no table «${name}»`);
      },
      false,
    );
    return new FakeTable(this.ctx, ws, name);
  }
}
