/** Conditional formats, workbook names, freeze panes and page layout in the double, backed by the model. */
import type { SheetModel } from "../../../../src/core/model";
import type { ConditionalRule, Rect } from "../../../../src/core/types";
import { rectAddress } from "../../../../src/core/address";
import { FakeObject, failOnNull, type Target } from "./base";
import { FakeRange, FakeRangeAreas } from "./range";
import type { FakeContext } from "./context";
import { FakeOfficeError, jsonBytes, loadNames, notLoaded } from "./util";

let nextId = 1;
const idOf = (r: ConditionalRule) => (r.id ??= `{cf-${nextId++}}`);
const meets = (a: Rect, b: Rect) =>
  a.left < b.left + b.cols && b.left < a.left + a.cols && a.top < b.top + b.rows && b.top < a.top + a.rows;

/** One conditional format: its id and (custom) rule, format and range, as loaded. */
export class FakeConditionalFormat extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly find: () => { sheet: SheetModel; rule: ConditionalRule } | null,
  ) {
    super(ctx);
  }
  get id(): string {
    return this.prop("id");
  }
  get type(): string {
    return this.prop("type");
  }
  markLoaded(name: string, v: unknown): void {
    this.loaded.set(name, v);
  }
  /** Loads `id` and `type` (the double's rules are all Custom). */
  load(spec: unknown): this {
    this.queueLoad(
      loadNames(spec),
      ["id", "type"],
      (n) => (n === "id" ? this.rule().id : "Custom"),
      () => false,
    );
    return this;
  }
  private rule(): ConditionalRule {
    const f = this.find();
    if (!f) throw new FakeOfficeError("ItemNotFound", "no such conditional format");
    return f.rule;
  }
  private setter(label: string, set: (r: ConditionalRule) => void): void {
    this.ctx.write(
      label,
      () => this.find()?.sheet.name ?? null,
      [label],
      () => set(this.rule()),
    );
  }
  private loader<T>(read: (r: ConditionalRule) => T) {
    const holder = { value: undefined as T | undefined, loaded: false };
    const load = (spec: unknown) => {
      void spec;
      this.ctx.read(() => {
        const v = read(this.rule());
        return {
          bytes: jsonBytes(v),
          commit: () => {
            holder.value = v;
            holder.loaded = true;
          },
        };
      });
    };
    return { holder, load };
  }
  get customOrNullObject() {
    const r = this.prop<ConditionalRule>("customOrNullObject");
    return {
      isNullObject: false,
      rule: { formula: r.formula },
      format: { fill: { color: r.fill ?? null }, font: { color: r.fontColor ?? null } },
    };
  }
  get custom() {
    const formula = this.loader((r) => r.formula);
    const fill = this.loader((r) => r.fill ?? null);
    const font = this.loader((r) => r.fontColor ?? null);
    const setter = this.setter.bind(this);
    const got = <T>(h: { value: T | undefined; loaded: boolean }, n: string): T => {
      if (!h.loaded) throw notLoaded(n);
      return h.value as T;
    };
    return {
      rule: {
        get formula(): string {
          return got(formula.holder, "formula");
        },
        set formula(f: string) {
          setter(`cf.formula = ${f}`, (r) => (r.formula = f.startsWith("=") ? f : `=${f}`));
        },
        load: (spec: unknown) => formula.load(spec),
      },
      format: {
        fill: {
          get color(): string | null {
            return got(fill.holder, "color");
          },
          set color(c: string | null) {
            setter(`cf.fill = ${c}`, (r) => (r.fill = c ?? undefined));
          },
          load: (spec: unknown) => fill.load(spec),
        },
        font: {
          get color(): string | null {
            return got(font.holder, "color");
          },
          set color(c: string | null) {
            setter(`cf.font = ${c}`, (r) => (r.fontColor = c ?? undefined));
          },
          load: (spec: unknown) => font.load(spec),
        },
      },
    };
  }
  /** Where the rule applies, when it exists: its sheet and ranges. */
  private where(): Target | null {
    const f = this.find();
    return f ? { sheet: f.sheet, rects: f.rule.ranges.map((r) => ({ ...r })) } : null;
  }
  /**
   * ExcelApi 1.6, documented: "Throws an error if the conditional format is applied to multiple ranges"
   * (the double: InvalidOperation at sync, as any statement on a rule that is gone: ItemNotFound).
   */
  getRange(): FakeRange {
    failOnNull(this.ctx, "getRange", () => {
      if (!this.find()) throw new FakeOfficeError("ItemNotFound", "no such conditional format");
      if (this.rule().ranges.length !== 1)
        throw new FakeOfficeError("InvalidOperation", "the conditional format applies to several ranges");
      return false;
    });
    return new FakeRange(this.ctx, () => this.where());
  }
  /** ExcelApi 1.6, documented: a null object when the conditional format applies to several ranges. */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const w = this.where();
        return w && w.rects.length === 1 ? w : null;
      },
      true,
    );
  }
  /** ExcelApi 1.9: the RangeAreas, one or more rectangles, the conditional format applies to. */
  getRanges(): FakeRangeAreas {
    failOnNull(this.ctx, "getRanges", () => {
      if (!this.find()) throw new FakeOfficeError("ItemNotFound", "no such conditional format");
      return false;
    });
    return new FakeRangeAreas(this.ctx, () => this.where(), false);
  }
  delete(): void {
    this.ctx.write(
      () => `cf.delete ${this.find()?.rule.id ?? "?"}`,
      () => this.find()?.sheet.name ?? null,
      [],
      () => {
        const f = this.find();
        if (!f) throw new FakeOfficeError("ItemNotFound", "no such conditional format");
        f.sheet.conditionalFormats = f.sheet.conditionalFormats.filter((r) => r !== f.rule);
      },
    );
  }
}

export class FakeConditionalFormatCollection extends FakeObject {
  private list: FakeConditionalFormat[] | null = null;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Target | null,
  ) {
    super(ctx);
  }
  private target(): Target {
    const t = this.resolve();
    if (!t) throw new FakeOfficeError("InvalidObjectPath", "the range is a null object");
    return t;
  }
  get items(): FakeConditionalFormat[] {
    if (!this.list) throw notLoaded("items");
    return this.list;
  }
  load(spec: unknown): this {
    const names = loadNames(spec).map((n) => n.replace(/^items\//, ""));
    const known = [
      "id",
      "type",
      "customOrNullObject/rule/formula",
      "customOrNullObject/format/fill/color",
      "customOrNullObject/format/font/color",
    ];
    for (const n of names)
      if (!known.includes(n)) throw new FakeOfficeError("InvalidArgument", `the double cannot load ${n}`);
    const custom = names.some((n) => n.startsWith("customOrNullObject"));
    this.ctx.read(() => {
      const t = this.target();
      const rules = t.sheet.conditionalFormats.filter((r) =>
        r.ranges.some((x) => t.rects.some((y) => meets(x, y))),
      );
      const ids = rules.map(idOf);
      const copies = rules.map((r) => ({ ...r }));
      return {
        bytes: jsonBytes(custom ? copies : ids),
        commit: () => {
          this.list = rules.map((rule, i) => {
            const cf = new FakeConditionalFormat(this.ctx, () => {
              const found = t.sheet.conditionalFormats.find((r) => r.id === ids[i]);
              return found ? { sheet: t.sheet, rule: found } : null;
            });
            cf.markLoaded("id", ids[i]);
            cf.markLoaded("type", "Custom");
            if (custom) cf.markLoaded("customOrNullObject", copies[i]);
            return cf;
          });
        },
      };
    });
    return this;
  }
  add(type: string): FakeConditionalFormat {
    if (type !== "Custom")
      throw new FakeOfficeError("InvalidArgument", `the double adds Custom only, not ${type}`);
    let made: { sheet: SheetModel; rule: ConditionalRule } | null = null;
    this.ctx.write(
      () => `cf.add ${this.resolve()?.sheet.name}!${this.resolve()?.rects.map(rectAddress).join(",")}`,
      () => this.resolve()?.sheet.name ?? null,
      [],
      () => {
        const t = this.target();
        const rule: ConditionalRule = { ranges: t.rects.map((r) => ({ ...r })), formula: "" };
        idOf(rule);
        t.sheet.conditionalFormats.push(rule);
        made = { sheet: t.sheet, rule };
      },
    );
    return new FakeConditionalFormat(this.ctx, () => made);
  }
  /**
   * The conditional format at `index` of the range's collection (ExcelApi 1.6). The docs do not say what an
   * index past the end gives: the double fails the batch (ItemNotFound), the strictest reading.
   */
  getItemAt(index: number): FakeConditionalFormat {
    let id: string | null = null;
    this.ctx.read(() => {
      const t = this.target();
      const rules = t.sheet.conditionalFormats.filter((r) =>
        r.ranges.some((x) => t.rects.some((y) => meets(x, y))),
      );
      const rule = rules[index];
      if (!rule) throw new FakeOfficeError("ItemNotFound", `no conditional format at index ${index}`);
      id = idOf(rule);
      return { bytes: 0, commit: () => undefined };
    });
    return new FakeConditionalFormat(this.ctx, () => {
      const t = this.resolve();
      const rule = id === null ? undefined : t?.sheet.conditionalFormats.find((r) => r.id === id);
      return t && rule ? { sheet: t.sheet, rule } : null;
    });
  }
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.ctx, () => {
      const t = this.resolve();
      const rule = t?.sheet.conditionalFormats.find((r) => r.id === id);
      return t && rule ? { sheet: t.sheet, rule } : null;
    });
  }
}

// ---- names ----

export class FakeNamedItem extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
    /** How a statement on this name fails when the name does not exist. */
    private readonly missing: "ItemNotFound" | "InvalidObjectPath" = "ItemNotFound",
  ) {
    super(ctx);
  }
  markLoaded(name: string, v: unknown): void {
    this.loaded.set(name, v);
  }
  get name(): string {
    return this.prop("name");
  }
  get formula(): string {
    return this.prop("formula");
  }
  get visible(): boolean {
    return this.prop("visible");
  }
  set visible(v: boolean) {
    this.ctx.write(
      `name.visible ${this.key} = ${v}`,
      () => null,
      [v],
      () => {
        const n = this.ctx.fake.model.names.find((x) => x.name.toLowerCase() === this.key.toLowerCase());
        if (!n) throw new FakeOfficeError(this.missing, `no name ${this.key}`);
        n.hidden = !v;
      },
    );
  }
  delete(): void {
    this.ctx.write(
      `name.delete ${this.key}`,
      () => null,
      [],
      () => {
        const names = this.ctx.fake.model.names;
        if (!names.some((x) => x.name.toLowerCase() === this.key.toLowerCase()))
          throw new FakeOfficeError(this.missing, `name.delete on a missing name ${this.key}`);
        this.ctx.fake.model.names = names.filter((x) => x.name.toLowerCase() !== this.key.toLowerCase());
      },
    );
  }
}

export class FakeNamedItemCollection extends FakeObject {
  private list: FakeNamedItem[] | null = null;
  get items(): FakeNamedItem[] {
    if (!this.list) throw notLoaded("items");
    return this.list;
  }
  load(spec: unknown): this {
    const names = loadNames(spec).map((n) => n.replace(/^items\//, ""));
    for (const n of names)
      if (!["name", "formula", "visible"].includes(n))
        throw new FakeOfficeError("InvalidArgument", `the double cannot load items/${n}`);
    this.ctx.read(() => {
      const all = this.ctx.fake.model.names.map((n) => ({ ...n }));
      return {
        bytes: jsonBytes(all),
        commit: () => {
          this.list = all.map((n) => {
            const item = new FakeNamedItem(this.ctx, n.name);
            item.markLoaded("name", n.name);
            item.markLoaded("formula", n.ref);
            item.markLoaded("visible", !n.hidden);
            return item;
          });
        },
      };
    });
    return this;
  }
  add(name: string, reference: string): FakeNamedItem {
    this.ctx.write(
      `name.add ${name} = ${reference}`,
      () => null,
      [name, reference],
      () => {
        if (this.ctx.fake.model.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw new FakeOfficeError("InvalidArgument", `the name ${name} exists`);
        this.ctx.fake.model.names.push({
          name,
          ref: reference.startsWith("=") ? reference : `=${reference}`,
          hidden: false,
        });
      },
    );
    return new FakeNamedItem(this.ctx, name);
  }
  getItem(name: string): FakeNamedItem {
    // A missing name fails the batch when a statement on it runs (ItemNotFound).
    return new FakeNamedItem(this.ctx, name, "ItemNotFound");
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    // Like every null object of the strict double: a statement on a missing name fails the batch.
    return new FakeNamedItem(this.ctx, name, "InvalidObjectPath");
  }
}

// ---- freeze panes and page layout ----

export class FakeFreezePanes extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetModel | null,
  ) {
    super(ctx);
  }
  private set(label: string, rows: number, cols: number): void {
    this.ctx.write(
      () => `freeze ${this.sheet()?.name} ${label}`,
      () => this.sheet()?.name ?? null,
      [],
      () => {
        this.sheet()!.frozen = { rows, cols };
      },
    );
  }
  unfreeze(): void {
    this.set("none", 0, 0);
  }
  freezeRows(n: number): void {
    this.set(`rows ${n}`, n, 0);
  }
  freezeColumns(n: number): void {
    this.set(`cols ${n}`, 0, n);
  }
  freezeAt(address: string): void {
    const m = /([A-Z]+)(\d+)$/.exec(address.split(":").pop()!)!;
    const col = [...m[1]].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0);
    this.set(`at ${address}`, Number(m[2]), col);
  }
  getLocationOrNullObject() {
    const state = { address: "", loaded: false };
    const self = { ctx: this.ctx, sheet: () => this.sheet() };
    return {
      get isNullObject(): boolean {
        if (!state.loaded) throw notLoaded("isNullObject");
        return state.address === "";
      },
      get address(): string {
        return state.address;
      },
      load(spec: unknown) {
        void spec;
        self.ctx.read(() => {
          const s = self.sheet();
          const f = s?.frozen ?? { rows: 0, cols: 0 };
          const a =
            s && (f.rows || f.cols)
              ? `${s.name}!${rectAddress({ top: 0, left: 0, rows: f.rows || 1048576, cols: f.cols || 16384 })}`
              : "";
          return {
            bytes: jsonBytes(a),
            commit: () => {
              state.address = a;
              state.loaded = true;
            },
          };
        });
        return this;
      },
    };
  }
}

export class FakePageLayout extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetModel | null,
  ) {
    super(ctx);
  }
  private set(label: string, run: (s: SheetModel) => void): void {
    this.ctx.write(
      () => `pageLayout ${this.sheet()?.name} ${label}`,
      () => this.sheet()?.name ?? null,
      [],
      () => run(this.sheet()!),
    );
  }
  set orientation(o: string) {
    this.set(
      `orientation ${o}`,
      (s) => (s.pageSetup = { ...s.pageSetup, orientation: o === "Landscape" ? "landscape" : "portrait" }),
    );
  }
  set paperSize(p: string) {
    this.set(`paper ${p}`, (s) => (s.pageSetup = { ...s.pageSetup, paper: p === "A4" ? "A4" : undefined }));
  }
  set zoom(z: { horizontalFitToPages?: number; scale?: number }) {
    this.set(
      `zoom ${JSON.stringify(z)}`,
      (s) => (s.pageSetup = { ...s.pageSetup, fitToWidth: z.horizontalFitToPages === 1 }),
    );
  }
  setPrintTitleRows(rows: string): void {
    this.set(`titles ${rows}`, (s) => {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(rows);
      s.pageSetup = {
        ...s.pageSetup,
        repeatRows: m ? { first: Number(m[1]) - 1, last: Number(m[2]) - 1 } : undefined,
      };
    });
  }
}
