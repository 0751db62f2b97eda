/**
 * What rows.ts and columns.ts share (shift.ts, rects.ts): the same movers, told the axis by a Shift. Pins
 * the page setup, views, images and merges on both axes, and the pure range helpers.
 */
import * as ExcelJS from "exceljs";
import { shiftRect } from "../../../src/core/address";
import { shiftRectRows } from "../../../src/core/rowShift";
import { absoluteRange, rectOfMerge, shiftRefList } from "../../../src/hosts/xlsx/rects";
import { shiftRows } from "../../../src/hosts/xlsx/rows";
import { shiftColumns } from "../../../src/hosts/xlsx/columns";

describe("range helpers", () => {
  test("shiftRefList moves each range by the given shift, keeps what it cannot parse, drops deleted ones", () => {
    const down = (r: Parameters<typeof shiftRectRows>[0]) => shiftRectRows(r, 2, 3);
    expect(shiftRefList("A1:A5 C4 Name", down)).toBe("A1:A8 C7 Name");
    const delCols = (r: Parameters<typeof shiftRect>[0]) => shiftRect(r, 1, -2);
    expect(shiftRefList("B1:C3 E2", delCols)).toBe("C2");
    expect(shiftRefList("B1:C3", delCols)).toBeNull();
  });

  test("absoluteRange and rectOfMerge", () => {
    expect(absoluteRange({ top: 4, left: 2, rows: 36, cols: 6 })).toBe("$C$5:$H$40");
    expect(absoluteRange({ top: 0, left: 0, rows: 1, cols: 1 })).toBe("$A$1");
    expect(rectOfMerge({ top: 6, left: 1, bottom: 6, right: 2 })).toEqual({
      top: 5,
      left: 0,
      rows: 1,
      cols: 2,
    });
  });
});

function sheet(): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.views = [{ state: "frozen", xSplit: 3, ySplit: 4, topLeftCell: "D5" }];
  ws.pageSetup.printArea = "A1:F20";
  ws.pageSetup.printTitlesRow = "4:5";
  ws.pageSetup.printTitlesColumn = "C:D";
  ws.autoFilter = "A4:F20";
  ws.getCell("E10").value = "x";
  ws.mergeCells("E10:F11");
  const img = wb.addImage({ buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) as never, extension: "png" });
  ws.addImage(img, "E10:F12");
  return { wb, ws };
}
const anchors = (ws: ExcelJS.Worksheet) => {
  const r = ws.getImages()[0].range as unknown as Record<
    "tl" | "br",
    { nativeRow: number; nativeCol: number }
  >;
  return [r.tl.nativeCol, r.tl.nativeRow, r.br.nativeCol, r.br.nativeRow];
};
const merged = (ws: ExcelJS.Worksheet) =>
  Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();

test("insertRows: print area, titles, filter, frozen rows, top-left cell, images and merges move down", () => {
  const { wb, ws } = sheet();
  shiftRows(wb, ws, 2, 3);
  expect(ws.pageSetup.printArea).toBe("A1:F23");
  expect(ws.pageSetup.printTitlesRow).toBe("$7:$8");
  expect(ws.pageSetup.printTitlesColumn).toBe("C:D");
  expect(ws.autoFilter).toBe("A7:F23");
  expect(ws.views[0]).toMatchObject({ xSplit: 3, ySplit: 7, topLeftCell: "D8" });
  expect(anchors(ws)).toEqual([4, 12, 6, 15]);
  expect(merged(ws)).toEqual(["E13"]);
  expect(ws.getCell("E13").value).toBe("x");
  expect(ws.getCell("F14").isMerged).toBe(true);
});

test("deleteRows over the frozen rows and a merge's first row: they land at the deleted rows, the merge shrinks", () => {
  const { wb, ws } = sheet();
  shiftRows(wb, ws, 3, -7);
  expect(ws.pageSetup.printArea).toBe("A1:F13");
  expect(ws.pageSetup.printTitlesRow).toBeUndefined();
  expect(ws.views[0]).toMatchObject({ ySplit: 3, topLeftCell: "D4" });
  expect(anchors(ws)).toEqual([4, 3, 6, 5]);
  expect(merged(ws)).toEqual(["E4"]);
  expect(ws.getCell("F4").isMerged).toBe(true);
});

test("insertColumns: print area, titles, filter, frozen columns, top-left cell, images and merges move right", () => {
  const { wb, ws } = sheet();
  shiftColumns(wb, ws, 1, 2);
  expect(ws.pageSetup.printArea).toBe("A1:H20");
  expect(ws.pageSetup.printTitlesColumn).toBe("E:F");
  expect(ws.pageSetup.printTitlesRow).toBe("4:5");
  expect(ws.autoFilter).toBe("A4:H20");
  expect(ws.views[0]).toMatchObject({ xSplit: 5, ySplit: 4, topLeftCell: "F5" });
  expect(anchors(ws)).toEqual([6, 9, 8, 12]);
  expect(merged(ws)).toEqual(["G10"]);
  expect(ws.getCell("G10").value).toBe("x");
});

test("a table's columns only (a band): ranges in its rows move; frozen panes, titles and images stay", () => {
  const { wb, ws } = sheet();
  shiftColumns(wb, ws, 1, 2, { name: "T", rect: { top: 0, left: 0, rows: 8, cols: 3 } });
  expect(ws.pageSetup.printArea).toBe("A1:H20");
  expect(ws.pageSetup.printTitlesColumn).toBe("C:D");
  expect(ws.views[0]).toMatchObject({ xSplit: 3, topLeftCell: "D5" });
  expect(anchors(ws)).toEqual([4, 9, 6, 12]);
  // The merge E10:F11 is below the band: it stays.
  expect(merged(ws)).toEqual(["E10"]);
});
