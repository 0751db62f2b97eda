/** Ranges, multi-area ranges, formats and data validation. */
import { FakeConditionalFormatCollection } from "./extras";
import type { SheetModel, WorkbookModel } from "../../../../src/core/model";
import { rectAddress } from "../../../../src/core/address";
import type { CellStyle, Rect } from "../../../../src/core/types";
import { FakeClientResult, FakeObject, failOnNull, type Target } from "./base";
export { valuesRect } from "./base";
import type { FakeContext } from "./context";
import {
  FakeOfficeError,
  MAX_COLS,
  MAX_ROWS,
  charsToPoints,
  fakeParseAddress,
  jsonBytes,
  loadNames,
  pointsToChars,
  quoteSheet,
  typedInput,
} from "./util";

/** Every row's height in the double (Excel's standard for Calibri 11), in points. */
export const FAKE_ROW_HEIGHT = 15;

/** Excel loads values, formulas and formats as null for a range over this many cells. */
export const MAX_LOAD_CELLS = 5_000_000;

/** A formula with its relative row references moved down `delta` rows (as Excel fills a column). */
export function shiftRows(formula: string, delta: number): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (m, d1, col, d2, row) =>
    d2 ? m : `${d1}${col}${Number(row) + delta}`,
  );
}

/**
 * Excel's "Fill formulas in tables to create calculated columns" (on by default): a formula entered in a
 * column of a table whose other data cells are all blank fills that column's blank data cells.
 */
function fillTableColumns(model: WorkbookModel, sheet: SheetModel, rect: Rect, data: unknown[][]): void {
  for (const t of sheet.tables) {
    const top = t.rect.top + (t.showHeaders === false ? 0 : 1);
    const bottom = t.rect.top + t.rect.rows - (t.showTotals ? 1 : 0);
    for (
      let c = Math.max(rect.left, t.rect.left);
      c < Math.min(rect.left + rect.cols, t.rect.left + t.rect.cols);
      c++
    ) {
      let source: { row: number; formula: string } | null = null;
      for (let r = Math.max(rect.top, top); r < Math.min(rect.top + rect.rows, bottom); r++) {
        const v = data[r - rect.top][c - rect.left];
        if (typeof v === "string" && v.startsWith("=")) {
          source = { row: r, formula: v };
          break;
        }
      }
      if (!source) continue;
      const written = (r: number) => r >= rect.top && r < rect.top + rect.rows;
      let othersBlank = true;
      for (let r = top; r < bottom && othersBlank; r++) {
        if (written(r)) continue;
        const cell = sheet.get(r, c);
        if (cell.formula || (cell.value !== null && cell.value !== "")) othersBlank = false;
      }
      if (!othersBlank) continue;
      for (let r = top; r < bottom; r++) {
        if (written(r) && data[r - rect.top][c - rect.left] !== "") continue;
        const formula = shiftRows(source.formula, r - source.row);
        model.apply({
          op: "setCells",
          sheet: sheet.name,
          top: r,
          left: c,
          cells: [[{ kind: "formula", formula }]],
        });
      }
    }
  }
}

// ---- ranges ----

export class FakeRange extends FakeObject {
  readonly format: FakeFormat;
  readonly dataValidation: FakeDataValidation;

  constructor(
    ctx: FakeContext,
    readonly resolve: () => Target | null,
    private readonly nullable = false,
  ) {
    super(ctx);
    if (nullable)
      ctx.read(() => {
        const isNull = resolve() === null;
        return {
          bytes: 0,
          commit: () => {
            this.setNull(isNull);
          },
        };
      });
    this.format = new FakeFormat(ctx, resolve);
    this.dataValidation = new FakeDataValidation(ctx, resolve);
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.use("conditionalFormats");
    return new FakeConditionalFormatCollection(this.ctx, this.resolve);
  }

  /** Fails the batch at sync when this range is a null object or derived from one. */
  private use(what: string): void {
    failOnNull(this.ctx, `range.${what}`, () => this.resolve() === null);
  }

  private target(): Target {
    const t = this.resolve();
    if (!t) throw new FakeOfficeError("InvalidObjectPath", "the range is a null object");
    return t;
  }

  private rect(): Rect {
    return this.target().rects[0];
  }

  private label(what: string): () => string {
    return () => {
      const t = this.resolve();
      return t ? `${what} ${t.sheet.name}!${t.rects.map(rectAddress).join(",")}` : `${what} <null>`;
    };
  }

  get address(): string {
    return this.prop("address");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }
  get columnHidden(): boolean | null {
    return this.prop("columnHidden");
  }

  /** Range.columnHidden (ExcelApi 1.2): hides or shows every column the range spans. */
  set columnHidden(hidden: boolean) {
    this.use("columnHidden");
    this.ctx.write(
      this.label(`columnHidden = ${String(hidden)}`),
      () => this.resolve()?.sheet.name ?? null,
      [hidden],
      () => {
        const { sheet } = this.target();
        const rect = this.rect();
        const set = this.ctx.fake.hiddenColumns.get(sheet.name) ?? new Set<number>();
        for (let c = rect.left; c < rect.left + rect.cols; c++) {
          if (hidden) set.add(c);
          else set.delete(c);
        }
        this.ctx.fake.hiddenColumns.set(sheet.name, set);
      },
    );
  }

  /** Hidden columns after `count` columns are inserted at `at` (negative: deleted). */
  private shiftHidden(sheet: string, at: number, count: number): void {
    const set = this.ctx.fake.hiddenColumns.get(sheet);
    if (!set) return;
    const next = new Set<number>();
    for (const c of set) {
      if (c < at) next.add(c);
      else if (count > 0 || c >= at - count) next.add(c + count);
    }
    // Excel gives inserted columns the format of the column left of them; the docs do not say whether a
    // hidden flag comes along: the double takes the worst case (it does), so a host must show them itself.
    if (count > 0 && set.has(at - 1)) for (let c = at; c < at + count; c++) next.add(c);
    this.ctx.fake.hiddenColumns.set(sheet, next);
  }

  load(spec: unknown): this {
    // Loading a null object's own properties is the documented pattern; a range derived from one is not.
    if (!this.nullable) this.use("load");
    const grid = <T>(f: (sheet: SheetModel, r: number, c: number) => T): T[][] | null => {
      const { sheet } = this.target();
      const rect = this.rect();
      // Excel returns null for values, formulas and formats of a range over 5 million cells.
      if (rect.rows * rect.cols > MAX_LOAD_CELLS) return null;
      return Array.from({ length: rect.rows }, (_, r) =>
        Array.from({ length: rect.cols }, (_, c) => f(sheet, rect.top + r, rect.left + c)),
      );
    };
    this.queueLoad(
      loadNames(spec),
      ["address", "values", "formulas", "numberFormat", "columnHidden"],
      (n) => {
        switch (n) {
          case "address":
            return `${quoteSheet(this.target().sheet.name)}!${rectAddress(this.rect())}`;
          case "values":
            return grid((s, r, c) => s.get(r, c).value ?? "");
          case "formulas":
            return grid((s, r, c) => s.get(r, c).formula ?? s.get(r, c).value ?? "");
          case "columnHidden": {
            const { sheet } = this.target();
            const rect = this.rect();
            const set = this.ctx.fake.hiddenColumns.get(sheet.name);
            let n = 0;
            for (let c = rect.left; c < rect.left + rect.cols; c++) if (set?.has(c)) n++;
            return n === 0 ? false : n === rect.cols ? true : null;
          }
          default:
            return grid((s, r, c) => s.get(r, c).numberFormat ?? "General");
        }
      },
      () => this.resolve() === null,
    );
    return this;
  }

  private setGrid(what: "values" | "formulas", data: unknown[][]): void {
    this.use(what);
    this.ctx.write(
      this.label(what),
      () => this.resolve()?.sheet.name ?? null,
      data,
      () => {
        const { sheet } = this.target();
        const rect = this.rect();
        if (data.length !== rect.rows || data.some((row) => row.length !== rect.cols)) {
          throw new FakeOfficeError(
            "InvalidArgument",
            `${what}: the array does not match ${rectAddress(rect)}`,
          );
        }
        this.ctx.fake.model.apply({
          op: "setCells",
          sheet: sheet.name,
          top: rect.top,
          left: rect.left,
          cells: data.map((row) => row.map(typedInput)),
        });
        if (this.ctx.fake.fillFormulasInTables) fillTableColumns(this.ctx.fake.model, sheet, rect, data);
      },
      () => this.resolve()?.rects ?? [],
    );
  }

  set values(data: unknown[][]) {
    this.setGrid("values", data);
  }

  set formulas(data: unknown[][]) {
    this.setGrid("formulas", data);
  }

  set numberFormat(data: unknown[][]) {
    this.use("numberFormat");
    this.ctx.write(
      this.label("numberFormat"),
      () => this.resolve()?.sheet.name ?? null,
      data,
      () => {
        const { sheet } = this.target();
        const rect = this.rect();
        if (data.length !== rect.rows || data.some((row) => row.length !== rect.cols)) {
          throw new FakeOfficeError(
            "InvalidArgument",
            `numberFormat: the array does not match ${rectAddress(rect)}`,
          );
        }
        const groups = new Map<string, Rect[]>();
        data.forEach((row, r) =>
          row.forEach((f, c) => {
            const list = groups.get(String(f)) ?? [];
            list.push({ top: rect.top + r, left: rect.left + c, rows: 1, cols: 1 });
            groups.set(String(f), list);
          }),
        );
        for (const [numberFormat, ranges] of groups)
          this.ctx.fake.model.apply({ op: "setStyle", sheet: sheet.name, ranges, style: { numberFormat } });
      },
    );
  }

  /** The part of this range inside `address` (on the same sheet), or a null object. */
  getIntersectionOrNullObject(address: string): FakeRange {
    this.use("getIntersectionOrNullObject");
    const other = fakeParseAddress(address);
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const r = t.rects[0];
        const top = Math.max(r.top, other.top);
        const left = Math.max(r.left, other.left);
        const bottom = Math.min(r.top + r.rows, other.top + other.rows);
        const right = Math.min(r.left + r.cols, other.left + other.cols);
        if (bottom <= top || right <= left) return null;
        return { sheet: t.sheet, rects: [{ top, left, rows: bottom - top, cols: right - left }] };
      },
      true,
    );
  }

  getCellProperties(opts: Excel.CellPropertiesLoadOptions): FakeClientResult<Excel.CellProperties[][]> {
    this.use("getCellProperties");
    const want = opts.format ?? {};
    const result = new FakeClientResult<Excel.CellProperties[][]>();
    this.ctx.read(() => {
      const t = this.resolve();
      let value: Excel.CellProperties[][] | null = null;
      if (t) {
        const rect = t.rects[0];
        value = Array.from({ length: rect.rows }, (_, r) =>
          Array.from({ length: rect.cols }, (_, c) => {
            const cell = t.sheet.get(rect.top + r, rect.left + c);
            const format: Excel.CellPropertiesFormat = {};
            if (want.fill)
              format.fill = cell.fill
                ? { color: cell.fill, pattern: "Solid" }
                : { color: "#FFFFFF", pattern: "None" };
            if (want.font)
              format.font = {
                bold: cell.bold,
                color: cell.fontColor ?? "#000000",
                name: cell.fontName ?? undefined,
              };
            if (want.wrapText) format.wrapText = cell.wrap;
            return { format };
          }),
        );
      }
      return {
        bytes: jsonBytes(value),
        commit: () => {
          result.set(value as Excel.CellProperties[][]);
        },
      };
    });
    return result;
  }

  getColumnProperties(opts: Excel.ColumnPropertiesLoadOptions): FakeClientResult<Excel.ColumnProperties[]> {
    this.use("getColumnProperties");
    const result = new FakeClientResult<Excel.ColumnProperties[]>();
    this.ctx.read(() => {
      const t = this.resolve();
      let value: Excel.ColumnProperties[] | null = null;
      if (t) {
        const rect = t.rects[0];
        this.ctx.fake.columnLoads.push(`${quoteSheet(t.sheet.name)}!${rectAddress(rect)}`);
        value = Array.from({ length: rect.cols }, (_, i) => {
          const col = rect.left + i;
          const w = t.sheet.widths[col];
          const p: Excel.ColumnProperties = {};
          if (opts.address)
            p.address = `${quoteSheet(t.sheet.name)}!${rectAddress({ ...rect, left: col, cols: 1 })}`;
          if (opts.columnIndex) p.columnIndex = col;
          // ColumnProperties.columnHidden (ExcelApi 1.9).
          if (opts.columnHidden)
            p.columnHidden = this.ctx.fake.hiddenColumns.get(t.sheet.name)?.has(col) ?? false;
          if (opts.format)
            p.format = { columnWidth: charsToPoints(w ?? 8.43), useStandardWidth: w === undefined };
          return p;
        });
      }
      return {
        bytes: jsonBytes(value),
        commit: () => {
          result.set(value as Excel.ColumnProperties[]);
        },
      };
    });
    return result;
  }

  /**
   * Range.getRowProperties (ExcelApi 1.9): one entry per row of the range. The double has no row heights:
   * every row is Excel's standard 15 points (Calibri 11) and shown.
   */
  getRowProperties(opts: Excel.RowPropertiesLoadOptions): FakeClientResult<Excel.RowProperties[]> {
    this.use("getRowProperties");
    const result = new FakeClientResult<Excel.RowProperties[]>();
    this.ctx.read(() => {
      const t = this.resolve();
      let value: Excel.RowProperties[] | null = null;
      if (t) {
        const rect = t.rects[0];
        value = Array.from({ length: rect.rows }, (_, i) => {
          const row = rect.top + i;
          const p: Excel.RowProperties = {};
          if (opts.address)
            p.address = `${quoteSheet(t.sheet.name)}!${rectAddress({ ...rect, top: row, rows: 1 })}`;
          if (opts.rowIndex) p.rowIndex = row;
          if (opts.rowHidden) p.rowHidden = false;
          if (opts.format) p.format = { rowHeight: FAKE_ROW_HEIGHT };
          return p;
        });
      }
      return {
        bytes: jsonBytes(value),
        commit: () => {
          result.set(value as Excel.RowProperties[]);
        },
      };
    });
    return result;
  }

  getSpecialCellsOrNullObject(type: string): FakeRangeAreas {
    this.use("getSpecialCellsOrNullObject");
    if (type !== "DataValidations")
      throw new FakeOfficeError("InvalidArgument", `the double has no special cells «${type}»`);
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const r = t.rects[0];
        const rects = t.sheet.validations
          .map((v) => v.rect)
          .filter(
            (v) =>
              v.top < r.top + r.rows &&
              v.top + v.rows > r.top &&
              v.left < r.left + r.cols &&
              v.left + v.cols > r.left,
          );
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      true,
    );
  }

  insert(shift: string): FakeRange {
    this.use("insert");
    this.ctx.write(
      this.label(`insert ${shift}`),
      () => this.resolve()?.sheet.name ?? null,
      [shift],
      () => {
        const { sheet } = this.target();
        const rect = this.rect();
        // Whole rows shift down, whole columns right (Excel.InsertShiftDirection); the double inserts
        // nothing else.
        if (shift === "Down" && rect.cols === MAX_COLS && rect.rows !== MAX_ROWS) {
          this.ctx.fake.model.apply({ op: "insertRows", sheet: sheet.name, at: rect.top, count: rect.rows });
          return;
        }
        if (shift !== "Right" || rect.rows !== MAX_ROWS)
          throw new FakeOfficeError("InvalidArgument", "the double inserts whole columns or whole rows only");
        this.ctx.fake.model.apply({
          op: "insertColumns",
          sheet: sheet.name,
          at: rect.left,
          count: rect.cols,
        });
        this.shiftHidden(sheet.name, rect.left, rect.cols);
      },
    );
    return this;
  }

  delete(shift: string): void {
    this.use("delete");
    this.ctx.write(
      this.label(`delete ${shift}`),
      () => this.resolve()?.sheet.name ?? null,
      [shift],
      () => {
        const { sheet } = this.target();
        const rect = this.rect();
        if (shift === "Up" && rect.cols === MAX_COLS && rect.rows !== MAX_ROWS) {
          this.ctx.fake.model.apply({ op: "deleteRows", sheet: sheet.name, at: rect.top, count: rect.rows });
          return;
        }
        if (shift !== "Left" || rect.rows !== MAX_ROWS)
          throw new FakeOfficeError("InvalidArgument", "the double deletes whole columns or whole rows only");
        this.ctx.fake.model.apply({
          op: "deleteColumns",
          sheet: sheet.name,
          at: rect.left,
          count: rect.cols,
        });
        this.shiftHidden(sheet.name, rect.left, -rect.cols);
      },
    );
  }

  select(): void {
    this.use("select");
    this.ctx.write(
      this.label("select"),
      () => null,
      [],
      () => {
        const { sheet, rects } = this.target();
        if (sheet.name !== this.ctx.fake.activeSheet)
          throw new FakeOfficeError("InvalidOperation", "cannot select on an inactive sheet");
        this.ctx.fake.selection = { sheet: sheet.name, rect: rects[0] };
      },
    );
  }
}

export class FakeRangeAreas extends FakeObject {
  readonly format: FakeFormat;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Target | null,
    nullable: boolean,
  ) {
    super(ctx);
    if (nullable)
      ctx.read(() => {
        const isNull = resolve() === null;
        return {
          bytes: 0,
          commit: () => {
            this.setNull(isNull);
          },
        };
      });
    this.format = new FakeFormat(ctx, resolve);
  }
  get address(): string {
    return this.prop("address");
  }
  load(spec: unknown): this {
    this.queueLoad(
      loadNames(spec),
      ["address"],
      () => {
        const t = this.resolve()!;
        return t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${rectAddress(r)}`).join(",");
      },
      () => this.resolve() === null,
    );
    return this;
  }
}

/** Range.format / RangeAreas.format with fill, font, wrapText, horizontalAlignment, columnWidth. */
export class FakeFormat {
  readonly fill: { color: string; clear(): void };
  readonly font: { bold: boolean; color: string; name: string };
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => Target | null,
  ) {
    const style = (key: string, value: unknown, s: CellStyle) =>
      this.ctx.write(
        this.label(`${key} = ${String(value)}`),
        () => this.resolve()?.sheet.name ?? null,
        [key, value],
        () => {
          const t = this.resolve();
          if (!t) throw new FakeOfficeError("InvalidObjectPath", "null object");
          this.ctx.fake.model.apply({ op: "setStyle", sheet: t.sheet.name, ranges: t.rects, style: s });
        },
      );
    const writeOnly = (what: string) => () => {
      throw new FakeOfficeError("PropertyNotLoaded", `the double does not read format ${what}`);
    };
    this.fill = Object.defineProperties({} as { color: string; clear(): void }, {
      color: {
        set: (c: string) => style("fill.color", c, { fill: c.toUpperCase() }),
        get: writeOnly("fill.color"),
      },
      clear: { value: () => style("fill.clear", "", { fill: null }) },
    });
    this.font = Object.defineProperties({} as { bold: boolean; color: string; name: string }, {
      name: { set: (n: string) => style("font.name", n, { fontName: n }), get: writeOnly("font.name") },
      bold: { set: (b: boolean) => style("font.bold", b, { bold: b }), get: writeOnly("font.bold") },
      // Black is what "automatic" shows: the double keeps it as no colour.
      color: {
        set: (c: string) =>
          style("font.color", c, { fontColor: c.toUpperCase() === "#000000" ? null : c.toUpperCase() }),
        get: writeOnly("font.color"),
      },
    });
    Object.defineProperties(this, {
      wrapText: { set: (w: boolean) => style("wrapText", w, { wrap: w }), get: writeOnly("wrapText") },
      horizontalAlignment: {
        set: (h: CellStyle["horizontalAlignment"]) =>
          style("horizontalAlignment", h, { horizontalAlignment: h }),
        get: writeOnly("horizontalAlignment"),
      },
      columnWidth: {
        set: (pt: number) =>
          this.ctx.write(
            this.label(`columnWidth = ${pt}`),
            () => this.resolve()?.sheet.name ?? null,
            [pt],
            () => {
              const t = this.resolve()!;
              for (const r of t.rects) {
                if (r.rows !== MAX_ROWS)
                  throw new FakeOfficeError(
                    "InvalidArgument",
                    "the double sets widths of whole columns only",
                  );
                for (let c = r.left; c < r.left + r.cols; c++) {
                  this.ctx.fake.model.apply({
                    op: "setColumnWidth",
                    sheet: t.sheet.name,
                    col: c,
                    width: pointsToChars(pt),
                  });
                }
              }
            },
          ),
        get: writeOnly("columnWidth"),
      },
    });
  }

  private label(what: string): () => string {
    const [key, value] = what.split(" = ");
    return () => {
      const t = this.resolve();
      const where = t ? ` ${t.sheet.name}!${t.rects.map(rectAddress).join(",")}` : "";
      return `${key}${where}${value !== undefined ? ` = ${value}` : ""}`;
    };
  }
}

export class FakeDataValidation extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Target | null,
  ) {
    super(ctx);
  }
  get rule(): Excel.DataValidationRule {
    return this.prop("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    this.ctx.write(
      () => `validation ${this.where()}`,
      () => this.resolve()?.sheet.name ?? null,
      rule,
      () => {
        const t = this.resolve()!;
        const source = rule.list?.source;
        if (typeof source !== "string")
          throw new FakeOfficeError("InvalidArgument", "the double takes list rules only");
        this.ctx.fake.model.apply({
          op: "setValidation",
          sheet: t.sheet.name,
          rect: t.rects[0],
          list: source.split(","),
        });
      },
    );
  }
  clear(): void {
    this.ctx.write(
      () => `validation.clear ${this.where()}`,
      () => this.resolve()?.sheet.name ?? null,
      [],
      () => {
        const t = this.resolve()!;
        this.ctx.fake.model.apply({ op: "setValidation", sheet: t.sheet.name, rect: t.rects[0], list: null });
      },
    );
  }
  load(spec: unknown): this {
    this.queueLoad(
      loadNames(spec),
      ["rule"],
      () => {
        const t = this.resolve()!;
        const r = t.rects[0];
        const v = t.sheet.validations.find(
          (x) =>
            x.rect.top <= r.top &&
            x.rect.left <= r.left &&
            x.rect.top + x.rect.rows >= r.top + r.rows &&
            x.rect.left + x.rect.cols >= r.left + r.cols,
        );
        return v ? { list: { inCellDropDown: true, source: v.list.join(",") } } : {};
      },
      () => this.resolve() === null,
    );
    return this;
  }
  private where(): string {
    const t = this.resolve();
    return t ? `${t.sheet.name}!${rectAddress(t.rects[0])}` : "<null>";
  }
}
