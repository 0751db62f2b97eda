/** Tables (ListObjects) and their collections. */
import { rectAddress } from "../../../../src/core/address";
import type { Rect } from "../../../../src/core/types";
import { FakeObject, failOnNull } from "./base";
import type { FakeContext } from "./context";
import { FakeRange } from "./range";
import { FakeOfficeError, fakeParseAddress, jsonBytes, loadNames, notLoaded } from "./util";
import type { FakeWorksheet } from "./workbook";

// ---- tables ----

export class FakeTableCollection extends FakeObject {
  private itemList: FakeTable[] | null = null;
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  get items(): FakeTable[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }
  load(spec: unknown): this {
    this.ws.use("tables.load");
    const names = loadNames(spec).map((n) => n.replace(/^items\//, ""));
    for (const n of names) {
      if (!["name", "showHeaders", "showTotals", "style"].includes(n))
        throw new FakeOfficeError("InvalidArgument", `cannot load items/${n}`);
    }
    this.ctx.read(() => {
      const sheet = this.ws.model();
      const infos = sheet ? sheet.tables.map((t) => ({ ...t })) : [];
      return {
        bytes: jsonBytes(infos),
        commit: () => {
          this.itemList = infos.map((t) => {
            const table = new FakeTable(this.ctx, this.ws, t.name);
            for (const n of names) {
              const v =
                n === "showTotals"
                  ? (t.showTotals ?? false)
                  : n === "style"
                    ? (t.style ?? "TableStyleMedium2")
                    : t[n as "name" | "showHeaders"];
              table.markLoaded(n, v);
            }
            return table;
          });
        },
      };
    });
    return this;
  }
  getItem(name: string): FakeTable {
    this.ws.use("tables.getItem");
    return new FakeTable(this.ctx, this.ws, name);
  }
  getItemOrNullObject(name: string): FakeTable {
    this.ws.use("tables.getItemOrNullObject");
    return new FakeTable(this.ctx, this.ws, name, true);
  }
  /**
   * Adds a table. As in Excel, an address without a sheet name is taken on the ACTIVE sheet, whatever
   * collection it is called on; a Range is taken where it is.
   */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    this.ws.use("tables.add");
    const table = new FakeTable(this.ctx, this.ws, "");
    const where = (): { sheetName: string; rect: Rect } => {
      if (typeof address !== "string") {
        const t = address.resolve();
        if (!t) throw new FakeOfficeError("InvalidObjectPath", "tables.add on a null range");
        return { sheetName: t.sheet.name, rect: t.rects[0] };
      }
      if (address.includes("!"))
        throw new FakeOfficeError("InvalidArgument", "the double takes addresses without a sheet name");
      return { sheetName: this.ctx.fake.activeSheet, rect: fakeParseAddress(address) };
    };
    this.ctx.write(
      () => {
        const w = where();
        return `addTable ${w.sheetName}!${rectAddress(w.rect)}`;
      },
      () => where().sheetName,
      [typeof address === "string" ? address : "range", hasHeaders],
      () => {
        const { sheetName, rect } = where();
        const sheet = this.ctx.fake.sheetOrThrow(sheetName);
        const name = this.ctx.fake.nextTableName();
        if (!hasHeaders)
          throw new FakeOfficeError("InvalidArgument", "the double makes tables with headers only");
        this.ctx.fake.model.apply({ op: "addTable", sheet: sheet.name, name, rect });
        table.key = name;
        table.home = sheet.name;
      },
    );
    return table;
  }
}

export class FakeTable extends FakeObject {
  readonly columns: { add(index?: number): void; getItemAt(index: number): { delete(): void } };

  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    public key: string,
    private readonly nullable = false,
  ) {
    super(ctx);
    if (nullable)
      ctx.read(() => {
        const isNull = this.missing();
        return {
          bytes: 0,
          commit: () => {
            this.setNull(isNull);
          },
        };
      });
    const info = () => {
      const t = this.sheetModel()!.tables.find((x) => x.name === this.key);
      if (!t) throw new FakeOfficeError("ItemNotFound", `no table «${this.key}»`);
      return t;
    };
    this.info = info;
    this.columns = {
      add: (index?: number) =>
        this.ctx.write(
          () => `table.columns.add ${this.key}[${index ?? "end"}]`,
          this.sheetName,
          [index],
          () => {
            const t = info();
            const at = t.rect.left + (index ?? t.rect.cols);
            if (index !== undefined && (index < 0 || index >= t.rect.cols))
              throw new FakeOfficeError("InvalidArgument", "column index out of range");
            const sheet = this.sheetModel()!;
            this.ctx.fake.model.apply({
              op: "insertColumns",
              sheet: sheet.name,
              at,
              count: 1,
              table: { name: t.name, rect: { ...t.rect } },
            });
            // Excel names the new column's header "ColumnN".
            if (t.showHeaders !== false) {
              this.ctx.fake.model.apply({
                op: "setCells",
                sheet: sheet.name,
                top: t.rect.top,
                left: at,
                cells: [[{ kind: "text", text: `Column${index ?? t.rect.cols}` }]],
              });
            }
          },
        ),
      getItemAt: (index: number) => ({
        delete: () =>
          this.ctx.write(
            () => `table.columns.delete ${this.key}[${index}]`,
            this.sheetName,
            [index],
            () => {
              const t = info();
              if (index < 0 || index >= t.rect.cols)
                throw new FakeOfficeError("ItemNotFound", "column index out of range");
              this.ctx.fake.model.apply({
                op: "deleteColumns",
                sheet: this.sheetModel()!.name,
                at: t.rect.left + index,
                count: 1,
                table: { name: t.name, rect: { ...t.rect } },
              });
            },
          ),
      }),
    };
  }

  private readonly info: () => {
    name: string;
    rect: Rect;
    showHeaders: boolean;
    showTotals?: boolean;
    style?: string;
  };

  /** The sheet a table added by tables.add landed on (Excel's active sheet for a bare address). */
  home: string | null = null;
  private readonly sheetName = (): string | null => this.home ?? this.ws.resolveName();
  private sheetModel() {
    return this.home !== null ? this.ctx.fake.sheetOrThrow(this.home) : this.ws.model();
  }

  markLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** For a table from getItemOrNullObject: its sheet or the table itself is not there (at sync). */
  private missing(): boolean {
    const sheet = this.sheetModel();
    return !sheet || !sheet.tables.some((x) => x.name === this.key);
  }

  load(spec: unknown): this {
    this.queueLoad(
      loadNames(spec),
      ["name", "showHeaders", "showTotals", "style"],
      (n) => {
        const t = this.info();
        return n === "showTotals"
          ? (t.showTotals ?? false)
          : n === "style"
            ? (t.style ?? "TableStyleMedium2")
            : t[n as "name" | "showHeaders"];
      },
      () => this.nullable && this.missing(),
    );
    return this;
  }

  get name(): string {
    return this.prop("name");
  }
  set name(name: string) {
    this.ctx.write(
      () => `table.name ${this.key} = ${name}`,
      this.sheetName,
      [name],
      () => {
        this.info().name = name;
        this.key = name;
      },
    );
  }
  get showHeaders(): boolean {
    return this.prop("showHeaders");
  }
  get showTotals(): boolean {
    return this.prop("showTotals");
  }
  get style(): string {
    return this.prop("style");
  }
  set style(style: string) {
    this.ctx.write(
      () => `table.style ${this.key} = ${style}`,
      this.sheetName,
      [style],
      () => {
        this.info().style = style;
      },
    );
  }

  getRange(): FakeRange {
    if (this.nullable) failOnNull(this.ctx, "table.getRange", () => this.missing());
    return new FakeRange(this.ctx, () => {
      const sheet = this.sheetModel();
      if (!sheet || (this.nullable && this.missing())) return null;
      return { sheet, rects: [{ ...this.info().rect }] };
    });
  }

  resize(address: string): void {
    const rect = fakeParseAddress(address);
    this.ctx.write(
      () => `table.resize ${this.key} ${rectAddress(rect)}`,
      this.sheetName,
      [address],
      () => {
        this.ctx.fake.model.apply({
          op: "resizeTable",
          sheet: this.sheetModel()!.name,
          name: this.info().name,
          rect,
        });
      },
    );
  }

  convertToRange(): FakeRange {
    this.ctx.write(
      () => `table.convertToRange ${this.key}`,
      this.sheetName,
      [],
      () => {
        this.ctx.fake.model.apply({
          op: "deleteTable",
          sheet: this.sheetModel()!.name,
          name: this.info().name,
        });
      },
    );
    return new FakeRange(this.ctx, () => null);
  }
}
