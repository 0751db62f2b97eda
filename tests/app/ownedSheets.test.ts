// The add-in's own sheets are named once (src/core/owned.ts): both hosts read exactly those into `others`
// (never as probes), and the app never takes one of them for the criteria sheet. A host or the app that
// spelled its own list again would drift from the others; this test catches it.
import * as ExcelJS from "exceljs";
import { chooseSheet, OWNED_SHEETS as APP_OWNED } from "../../src/app/chooseSheet";
import { OWNED_SHEETS } from "../../src/core/owned";
import { OWNED_SHEETS as OFFICE_OWNED } from "../../src/hosts/office";
import { OWNED_SHEETS as XLSX_OWNED, readSnapshot as readXlsx } from "../../src/hosts/xlsx";
import type { CellValue } from "../../src/core/types";
import { criteriaRows, sheetFrom, workbookOf } from "../hosts/office/helpers";
import { readSnapshot as readOffice, setup } from "../hosts/office/harness";

/** A criteria table with more scored rows than the real one: it would win if it were not the add-in's. */
const bigger = (name: string) => sheetFrom(criteriaRows(60), { name });
const NOTE = "Ghi chú";

test("one list: the hosts and the app export core's list itself, the catalogue sheet and the plan sheet", () => {
  expect(OFFICE_OWNED).toBe(OWNED_SHEETS);
  expect(XLSX_OWNED).toBe(OWNED_SHEETS);
  expect(APP_OWNED).toBe(OWNED_SHEETS); // what the front ends (the playground) use
  expect([...OWNED_SHEETS].sort()).toEqual(["Danh mục giải pháp", "Kế hoạch khắc phục"]);
});

test("the Office host reads each own sheet in full into `others`, other sheets only as probes", async () => {
  setup(workbookOf(sheetFrom(criteriaRows(30)), OWNED_SHEETS.map(bigger), [NOTE]));
  const ws = await readOffice();
  expect(Object.keys(ws.others ?? {}).sort()).toEqual([...OWNED_SHEETS].sort());
  for (const name of OWNED_SHEETS) {
    expect(ws.others![name].values).toHaveLength(60);
    expect(Object.keys(ws.probes ?? {})).not.toContain(name);
  }
});

test("the xlsx host and the app agree: own sheets in `others`, never chosen even with the biggest table", () => {
  const wb = new ExcelJS.Workbook();
  const put = (name: string, rows: CellValue[][]) => {
    const sheet = wb.addWorksheet(name);
    rows.forEach(
      (r, i) => (sheet.getRow(i + 1).values = r.map((v) => v ?? undefined) as ExcelJS.CellValue[]),
    );
  };
  for (const name of OWNED_SHEETS) put(name, criteriaRows(60)); // first in tab order, and bigger
  put("PAR 2024", criteriaRows(30));
  put(NOTE, [["ghi chú"]]);
  const ws = readXlsx(wb);
  expect(ws.active.name).toBe("PAR 2024");
  expect(Object.keys(ws.others ?? {}).sort()).toEqual([...OWNED_SHEETS].sort());
  expect(Object.keys(ws.probes ?? {})).toEqual([NOTE]);
  // the app chooses among the active sheet and the probes; given the own sheets as probes, it still skips them
  const probes = { ...ws.probes, ...ws.others };
  expect(chooseSheet({ ...ws, probes })).toBe("PAR 2024");
});
