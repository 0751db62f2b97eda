/**
 * Whole sheet columns and rows inserted and deleted by the direct writer read back as the ExcelJS writer leaves them:
 * cells, formulas on every sheet, widths, rules, validations, merges, names and frozen panes move alike, on
 * the sample after `apply` (rules, validations, the plan sheet's formulas-free table) and on a corpus file
 * with a summary sheet reading the table's sheet.
 */
import JSZip from "jszip";
import { prepare } from "../../../../src/core/prepare";
import type { ChangeSet, Op } from "../../../../src/core/types";
import { DirectHost } from "../../../../src/hosts/xlsx/direct/host";
import { sampleBytes } from "../../../../src/cli/sample";
import { CORPUS, fixtureBytes } from "../../../corpus";
import { applyVia, illFormed, readBack, writtenParts } from "./support";

jest.setTimeout(60_000);

async function applyOps(bytes: Uint8Array, ops: Op[], writer: "direct" | "exceljs") {
  const host = await DirectHost.open(bytes, { writer, reader: writer === "exceljs" ? "exceljs" : "auto" });
  const snapshot = await host.read();
  const cs: ChangeSet = { command: "recalc", ops, counts: {} };
  const p = prepare(snapshot, cs, { inverse: false });
  if (!p.ok) throw new Error(p.error.code);
  await host.apply(p);
  await host.finish();
  return host.save();
}

async function sameBothWays(bytes: Uint8Array, ops: (sheet: string) => Op[]) {
  const host = await DirectHost.open(bytes);
  const sheet = (await host.read()).active.name;
  const direct = await applyOps(bytes, ops(sheet), "direct");
  const viaExcelJs = await applyOps(bytes, ops(sheet), "exceljs");
  expect(direct.via).toBe("direct");
  expect(await readBack(direct.bytes)).toEqual(await readBack(viaExcelJs.bytes));
  expect(illFormed(await writtenParts(bytes, direct.bytes))).toEqual([]);
}

describe("insertColumns and deleteColumns, written directly", () => {
  test("on the sample after apply: delete the percent column, insert two before the names", async () => {
    const applied = (await applyVia(await sampleBytes(), "direct")).bytes;
    await sameBothWays(applied, (sheet) => [{ op: "deleteColumns", sheet, at: 5, count: 1 }]);
    await sameBothWays(applied, (sheet) => [
      { op: "insertColumns", sheet, at: 1, count: 2 },
      { op: "setCells", sheet, top: 2, left: 1, cells: [[{ kind: "text", text: "Mới" }, null]] },
      { op: "setColumnWidth", sheet, col: 2, width: 20 },
    ]);
    await sameBothWays(applied, (sheet) => [
      { op: "deleteColumns", sheet, at: 0, count: 3 },
      { op: "freezePanes", sheet, rows: 3, cols: 1 },
    ]);
  });

  test("rows on the sample after apply: insert inside the table, delete across the legend", async () => {
    const applied = (await applyVia(await sampleBytes(), "direct")).bytes;
    await sameBothWays(applied, (sheet) => [
      { op: "insertRows", sheet, at: 5, count: 2 },
      { op: "setCells", sheet, top: 5, left: 1, cells: [[{ kind: "text", text: "Dòng mới" }]] },
    ]);
    await sameBothWays(applied, (sheet) => [{ op: "deleteRows", sheet, at: 30, count: 6 }]);
    await sameBothWays(applied, (sheet) => [
      { op: "deleteRows", sheet, at: 0, count: 1 },
      { op: "freezePanes", sheet, rows: 2, cols: 0 },
      { op: "insertRows", sheet, at: 1, count: 1 },
    ]);
  });

  test("rows with a summary sheet whose formulas read the moved rows", async () => {
    const f = CORPUS.find((x) => x.id === "summary-sheet-formulas")!;
    const bytes = await fixtureBytes(f);
    await sameBothWays(bytes, (sheet) => [{ op: "insertRows", sheet, at: 6, count: 3 }]);
    await sameBothWays(bytes, (sheet) => [{ op: "deleteRows", sheet, at: 8, count: 2 }]);
  });

  test("with a summary sheet whose formulas read the moved columns", async () => {
    const f = CORPUS.find((x) => x.id === "summary-sheet-formulas")!;
    const bytes = await fixtureBytes(f);
    await sameBothWays(bytes, (sheet) => [{ op: "insertColumns", sheet, at: 2, count: 1 }]);
    await sameBothWays(bytes, (sheet) => [{ op: "deleteColumns", sheet, at: 4, count: 1 }]);
  });

  test("a table resized (longer, one column more, then from another left) and deleted", async () => {
    const applied = (await applyVia(await sampleBytes(), "direct")).bytes;
    const plan = "Kế hoạch khắc phục";
    const rect = { top: 3, left: 0, rows: 44, cols: 13 };
    await sameBothWays(applied, () => [
      { op: "setCells", sheet: plan, top: 3, left: 13, cells: [[{ kind: "text", text: "Ghi chú thêm" }]] },
      { op: "resizeTable", sheet: plan, name: "KeHoachKhacPhuc", rect: { ...rect, rows: 50, cols: 14 } },
    ]);
    await sameBothWays(applied, () => [
      { op: "resizeTable", sheet: plan, name: "KeHoachKhacPhuc", rect: { ...rect, left: 1, cols: 12 } },
    ]);
    await sameBothWays(applied, () => [{ op: "deleteTable", sheet: plan, name: "KeHoachKhacPhuc" }]);
  });

  test("a sheet deleted, with the parts only it led to and its local names", async () => {
    const applied = (await applyVia(await sampleBytes(), "direct")).bytes;
    const plan = "Kế hoạch khắc phục";
    await sameBothWays(applied, () => [
      { op: "deleteSheet", sheet: plan },
      { op: "setName", sheet: plan, name: "_ParIndex_Owned_Plan", ref: null },
    ]);
    const out = await applyOps(applied, [{ op: "deleteSheet", sheet: plan }], "direct");
    const zip = await JSZip.loadAsync(out.bytes);
    const names = Object.keys(zip.files);
    expect(names.filter((n) => /sheet2|table1/.test(n))).toEqual([]);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).not.toMatch(/sheet2|table1/);
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    expect(wb).not.toContain("Print_Titles");
    expect(await zip.file("docProps/app.xml")!.async("string")).not.toContain(plan);
  });
});
