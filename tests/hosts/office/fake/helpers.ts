/** Small helpers tests use on a FakeExcel. */
import { columnLetter } from "../../../../src/core/address";
import type { CellValue } from "../../../../src/core/types";
import type { FakeExcel } from "./excel";
import { fakeParseAddress } from "./util";

/** Column letter helper for tests. */
export const col = columnLetter;

/** Cell value helper for tests: the value Excel shows at A1-address `a` on `sheet`. */
export function valueAt(fake: FakeExcel, sheet: string, a: string): CellValue {
  const r = fakeParseAddress(a);
  fake.recalculate();
  return fake.model.sheet(sheet).get(r.top, r.left).value;
}
