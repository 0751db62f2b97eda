// Hidden columns on the .xlsx path: read from the file's <col hidden>, shown by a width the add-in sets,
// hidden again by the undo of that width.
import * as ExcelJS from "exceljs";
import { prepare, type ChangeSet } from "../../../src/core";
import { applyChangeSet, readSnapshot } from "../../../src/hosts/xlsx";
import { roundTrip } from "./helpers";

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = "TT";
  ws.getCell("B1").value = "Tiêu chí";
  ws.getColumn(2).hidden = true;
  ws.getColumn(7).hidden = true; // G: outside the used range
  ws.getColumn(7).width = 5;
  return wb;
}

test("the read reports hidden columns, also outside the used range", async () => {
  const wb = await roundTrip(book());
  expect(readSnapshot(wb).active.hiddenColumns).toEqual([1, 6]);
});

test("a width set on a hidden column shows it; the undo hides it again with its width", async () => {
  const wb = await roundTrip(book());
  const before = readSnapshot(wb);
  const cs: ChangeSet = {
    command: "assign",
    ops: [{ op: "setColumnWidth", sheet: "S", col: 6, width: 28 }],
    counts: {},
  };
  const p = prepare(before, cs);
  if (!p.ok) throw p.error;
  applyChangeSet(wb, cs);
  const shown = await roundTrip(wb);
  expect(shown.getWorksheet("S")!.getColumn(7).hidden).toBe(false);
  expect(readSnapshot(shown).active.hiddenColumns).toEqual([1]);
  applyChangeSet(shown, p.inverse);
  const undone = await roundTrip(shown);
  expect(undone.getWorksheet("S")!.getColumn(7).hidden).toBe(true);
  expect(undone.getWorksheet("S")!.getColumn(7).width).toBe(5);
  expect(readSnapshot(undone).active.hiddenColumns).toEqual([1, 6]);
});
