/**
 * insertRows / deleteRows on a file (the plan growing over the user's rows): what is below moves down with
 * everything anchored to it, as Excel does and as the core's model says; deleteRows puts it back.
 */
import * as ExcelJS from "exceljs";
import { applyChangeSet as simulate, prepare, type ChangeSet, type Op } from "../../../src/core";
import { applyChangeSet, readSnapshot } from "../../../src/hosts/xlsx";
import { roundTrip } from "./helpers";

const cs = (ops: Op[]): ChangeSet => ({ command: "plan", ops, counts: {} });

/** A sheet with a small table A1:B3, a merged signature block A6:B6 under it, and things anchored below. */
function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("P");
  ws.addTable({
    name: "Plan",
    ref: "A1",
    columns: [{ name: "Mã" }, { name: "Việc" }],
    rows: [
      ["1.1", "a"],
      ["1.2", "b"],
    ],
  });
  ws.getCell("A6").value = "Người lập biểu";
  ws.getCell("A6").font = { bold: true };
  ws.mergeCells("A6:B6");
  ws.getRow(6).height = 30;
  ws.getCell("A8").value = 5;
  ws.getCell("B8").value = { formula: "A8*2+COUNTA(A2:A3)", result: 12 } as ExcelJS.CellValue;
  ws.getCell("C9").dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
  ws.addConditionalFormatting({
    ref: "A8:B8",
    rules: [{ type: "expression", priority: 1, formulae: ["$A8>0"], style: {} }],
  });
  wb.definedNames.add("P!$A$8", "Ky");
  const other = wb.addWorksheet("Q");
  other.getCell("A1").value = { formula: "P!A8+P!A2", result: 6 } as ExcelJS.CellValue;
  return wb;
}

describe("insertRows on a file", () => {
  let wb: ExcelJS.Workbook;
  const op: Op = { op: "insertRows", sheet: "P", at: 3, count: 2 };

  beforeAll(async () => {
    wb = await roundTrip(book());
    applyChangeSet(wb, cs([op]));
    wb = await roundTrip(wb);
  });

  test("cells below move down with their styles, merges and row heights", () => {
    const ws = wb.getWorksheet("P")!;
    expect(ws.getCell("A6").value).toBeNull();
    expect(ws.getCell("A8").value).toBe("Người lập biểu");
    expect(ws.getCell("A8").font?.bold).toBe(true);
    expect(ws.getCell("B8").isMerged).toBe(true);
    expect(ws.getRow(8).height).toBe(30);
    expect(ws.getCell("A10").value).toBe(5);
    // Rows above stay.
    expect(ws.getCell("A2").value).toBe("1.1");
  });

  test("formulas on every sheet, the name, the validation and the rule follow their rows", () => {
    const ws = wb.getWorksheet("P")!;
    expect(ws.getCell("B10").formula).toBe("A10*2+COUNTA(A2:A3)");
    expect(wb.getWorksheet("Q")!.getCell("A1").formula).toBe("P!A10+P!A2");
    expect(wb.definedNames.getRanges("Ky").ranges).toEqual(["P!$A$10"]);
    expect(ws.getCell("C11").dataValidation?.formulae).toEqual(['"Có,Không"']);
    expect(ws.getCell("C9").dataValidation?.type).toBeUndefined();
    const cf = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].formulae[0]])).toEqual([["A10:B10", "$A10>0"]]);
  });

  test("the file reads as the core's model says", async () => {
    const before = readSnapshot(await roundTrip(book()));
    const model = simulate(before, cs([op]));
    const read = readSnapshot(wb);
    expect(read.active.values).toEqual(model.active.values);
    expect(read.active.formulas).toEqual(model.active.formulas);
    expect(read.active.validations).toEqual(model.active.validations);
    expect(read.active.tables).toEqual(model.active.tables);
  });

  test("the inverse (deleteRows) gives the file back", async () => {
    const original = await roundTrip(book());
    const before = readSnapshot(original);
    const p = prepare(before, cs([op]));
    if (!p.ok) throw new Error(p.error.code);
    const copy = await roundTrip(original);
    applyChangeSet(copy, cs([op]));
    applyChangeSet(copy, p.inverse);
    const back = readSnapshot(await roundTrip(copy));
    expect(back.active.values).toEqual(before.active.values);
    expect(back.active.formulas).toEqual(before.active.formulas);
    expect(back.active.validations).toEqual(before.active.validations);
    expect(copy.getWorksheet("P")!.getCell("B6").isMerged).toBe(true);
    expect(copy.definedNames.getRanges("Ky").ranges).toEqual(["P!$A$8"]);
  });
});

describe("columns the add-in shows", () => {
  test("setColumnWidth on a column the user hid shows it (assign's columns written into an empty hidden one)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "x";
    ws.getColumn(7).hidden = true;
    ws.getColumn(8).hidden = true;
    applyChangeSet(wb, cs([{ op: "setColumnWidth", sheet: "S", col: 6, width: 28 }]));
    const back = await roundTrip(wb);
    expect(back.getWorksheet("S")!.getColumn(7).hidden).toBe(false);
    expect(back.getWorksheet("S")!.getColumn(7).width).toBe(28);
    // Only that column: the user's other hidden column stays hidden.
    expect(back.getWorksheet("S")!.getColumn(8).hidden).toBe(true);
  });
});
