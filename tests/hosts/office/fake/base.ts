/** Base of the double's proxies: loaded properties, null objects, client results. */
import type { SheetModel } from "../../../../src/core/model";
import type { Rect } from "../../../../src/core/types";
import type { FakeContext } from "./context";
import { FakeOfficeError, jsonBytes, notLoaded } from "./util";

/** A resolved range: its sheet and rectangle(s). */
export interface Target {
  sheet: SheetModel;
  rects: Rect[];
}

/** Base of every proxy: loaded scalar properties, null-object state. */
export abstract class FakeObject {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(protected readonly ctx: FakeContext) {}

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  protected setNull(isNull: boolean): void {
    this.nullState = isNull;
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Reads `names` off the resolved object at sync; returns the bytes they add to the response. */
  protected queueLoad(
    names: string[],
    known: readonly string[],
    read: (name: string) => unknown,
    isNull: () => boolean,
  ): void {
    for (const n of names)
      if (!known.includes(n)) throw new FakeOfficeError("InvalidArgument", `the double cannot load «${n}»`);
    this.ctx.read(() => {
      const nul = isNull();
      const values = names.map((n) => (nul ? null : read(n)));
      return {
        bytes: jsonBytes(values),
        commit: () => {
          names.forEach((n, i) => this.loaded.set(n, values[i]));
        },
      };
    });
  }
}

/** The bounding box of the cells with a value or formula (a used range with valuesOnly), or null. */
export function valuesRect(sheet: SheetModel): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [row, cols] of sheet.rows)
    cols.forEach((cell, c) => {
      if ((cell.value === null || cell.value === "") && !cell.formula) return;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  return bottom < 0 ? null : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

/**
 * Queues a statement that fails the batch (InvalidObjectPath) when the object it is called on is a null
 * object or derived from one: the docs promise nothing for such calls, so the double rejects them all.
 */
export function failOnNull(ctx: FakeContext, what: string, isNull: () => boolean): void {
  ctx.read(() => {
    if (isNull()) throw new FakeOfficeError("InvalidObjectPath", `${what} on a null object`);
    return { bytes: 0, commit: () => undefined };
  });
}

export class FakeClientResult<T> {
  private v: { value: T } | null = null;
  get value(): T {
    if (!this.v) throw notLoaded("value");
    return this.v.value;
  }
  set(value: T): void {
    this.v = { value };
  }
}
