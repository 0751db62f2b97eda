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
    return new FakeTable(this.ctx, this.ws, name);
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.ctx, this.ws, name, true);
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    const rect = fakeParseAddress(address);
    const table = new FakeTable(this.ctx, this.ws, "");
    this.ctx.write(
      `addTable ${this.ws.resolveName()}!${rectAddress(rect)}`,
      this.ws.resolveName,
      [address, hasHeaders],
      () => {
        const sheet = this.ws.model()!;
        const name = this.ctx.fake.nextTableName();
        if (!hasHeaders)
          throw new FakeOfficeError("InvalidArgument", "the double makes tables with headers only");
        this.ctx.fake.model.apply({ op: "addTable", sheet: sheet.name, name, rect });
        table.key = name;
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
      const t = this.ws.model()!.tables.find((x) => x.name === this.key);
      if (!t) throw new FakeOfficeError("ItemNotFound", `no table «${this.key}»`);
      return t;
    };
    this.info = info;
    this.columns = {
      add: (index?: number) =>
        this.ctx.write(
          () => `table.columns.add ${this.key}[${index ?? "end"}]`,
          this.ws.resolveName,
          [index],
          () => {
            const t = info();
            const at = t.rect.left + (index ?? t.rect.cols);
            if (index !== undefined && (index < 0 || index >= t.rect.cols))
              throw new FakeOfficeError("InvalidArgument", "column index out of range");
            const sheet = this.ws.model()!;
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
            this.ws.resolveName,
            [index],
            () => {
              const t = info();
              if (index < 0 || index >= t.rect.cols)
                throw new FakeOfficeError("ItemNotFound", "column index out of range");
              this.ctx.fake.model.apply({
                op: "deleteColumns",
                sheet: this.ws.model()!.name,
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

  markLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** For a table from getItemOrNullObject: its sheet or the table itself is not there (at sync). */
  private missing(): boolean {
    const sheet = this.ws.model();
    return !sheet || !sheet.tables.some((x) => x.name === this.key);
  }

  get name(): string {
    return this.prop("name");
  }
  set name(name: string) {
    this.ctx.write(
      () => `table.name ${this.key} = ${name}`,
      this.ws.resolveName,
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
      this.ws.resolveName,
      [style],
      () => {
        this.info().style = style;
      },
    );
  }

  getRange(): FakeRange {
    if (this.nullable) failOnNull(this.ctx, "table.getRange", () => this.missing());
    return new FakeRange(this.ctx, () => {
      const sheet = this.ws.model();
      if (!sheet || (this.nullable && this.missing())) return null;
      return { sheet, rects: [{ ...this.info().rect }] };
    });
  }

  resize(address: string): void {
    const rect = fakeParseAddress(address);
    this.ctx.write(
      () => `table.resize ${this.key} ${rectAddress(rect)}`,
      this.ws.resolveName,
      [address],
      () => {
        this.ctx.fake.model.apply({
          op: "resizeTable",
          sheet: this.ws.model()!.name,
          name: this.info().name,
          rect,
        });
      },
    );
  }

  convertToRange(): FakeRange {
    this.ctx.write(
      () => `table.convertToRange ${this.key}`,
      this.ws.resolveName,
      [],
      () => {
        this.ctx.fake.model.apply({
          op: "deleteTable",
          sheet: this.ws.model()!.name,
          name: this.info().name,
        });
      },
    );
    return new FakeRange(this.ctx, () => null);
  }
}
