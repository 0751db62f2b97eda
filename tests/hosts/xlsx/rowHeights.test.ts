import { planCommand } from "../../../src/app/commands";
import { applyChangeSet, readSnapshot } from "../../../src/hosts/xlsx";
import { seedWorkbook } from "./helpers";

test("rows whose text the add-in wraps get a height that shows it (viewers other than Excel do not autofit)", () => {
  const { wb } = seedWorkbook({});
  const ws = readSnapshot(wb);
  const o = planCommand(ws, "assign");
  if (!o.ok) throw new Error(o.error.message.en);
  applyChangeSet(wb, o.changeSet);
  const sheet = wb.getWorksheet(ws.active.name)!;
  const rowOf = (code: string) =>
    ws.active.top + ws.active.values.findIndex((r) => r[ws.active.left] === code) + 1;
  // 6.1.2 has three long tasks in a 70-character column: several lines.
  const h612 = sheet.getRow(rowOf("6.1.2")).height;
  expect(h612).toBeGreaterThanOrEqual(4 * 15);
  expect(h612).toBeLessThanOrEqual(409);
  // A met domain keeps Excel's default height (no height written).
  expect(sheet.getRow(rowOf("2")).height ?? 15).toBe(15);
});
