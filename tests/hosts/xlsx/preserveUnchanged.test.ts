/**
 * preserveParts when there is nothing to carry: the file ExcelJS wrote is the result as it is (not unzipped
 * and compressed a second time); when something is carried, a new file is written.
 */
import { loadWorkbook, saveWorkbook } from "../../../src/hosts/xlsx";
import { preserveParts } from "../../../src/hosts/xlsx/preserve";
import { workbookWithParts } from "../../support/xlsxParts";

test("nothing to carry: ExcelJS's output comes back untouched, nothing lost", async () => {
  const input = await workbookWithParts({});
  const out = await saveWorkbook(await loadWorkbook(input));
  const kept = await preserveParts(input, out);
  expect(kept.lost).toEqual([]);
  expect(kept.bytes).toBe(out);
});

test("a chart to carry: a new file, larger than ExcelJS's output", async () => {
  const input = await workbookWithParts({ chart: true });
  const out = await saveWorkbook(await loadWorkbook(input));
  const kept = await preserveParts(input, out);
  expect(kept.lost).toEqual([]);
  expect(kept.bytes).not.toBe(out);
  expect(kept.bytes.length).toBeGreaterThan(out.length);
});
