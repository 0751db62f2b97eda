// The Office host's read: one sync for the criteria sheet, its formats, the owned sheets; bands when too large.
import type { SheetSnapshot } from "../../../src/core/types";
import { criteriaRows, sheetFrom, workbookOf } from "./helpers";
import { readSnapshot, setup, text } from "./harness";

// The 10,000-row cases recalculate 20,000 formulas twice (in the double and in the core's simulation).
jest.setTimeout(120_000);

describe("readSnapshot", () => {
  test("reads the active sheet's cells and formats, the selection and sheet names in one sync", async () => {
    const active: SheetSnapshot = {
      ...sheetFrom(criteriaRows(8), { top: 2, left: 1 }),
      formulas: undefined,
    };
    const fake = setup(workbookOf(active, [], ["Notes"]), {
      selection: { top: 5, left: 2, rows: 1, cols: 1 },
    });
    // Formats and a formula put in through the model, as if the user had made them.
    fake.model.apply({
      op: "setStyle",
      sheet: active.name,
      ranges: [{ top: 2, left: 1, rows: 1, cols: 5 }],
      style: { bold: true, fill: "#DDEBF7" },
    });
    fake.model.apply({
      op: "setStyle",
      sheet: active.name,
      ranges: [{ top: 4, left: 2, rows: 1, cols: 1 }],
      style: { fontColor: "#C00000", wrap: true },
    });
    fake.model.apply({
      op: "setCells",
      sheet: active.name,
      top: 12,
      left: 3,
      cells: [[{ kind: "formula", formula: "=1+2" }]],
    });
    fake.model.apply({
      op: "setStyle",
      sheet: active.name,
      ranges: [{ top: 12, left: 3, rows: 1, cols: 1 }],
      style: { numberFormat: "0.00" },
    });
    fake.model.apply({ op: "setColumnWidth", sheet: active.name, col: 2, width: 45 });
    fake.model.recalculate();

    const ws = await readSnapshot();
    expect(fake.syncs).toBe(2);
    expect(fake.writes).toEqual([]);
    expect(ws.sheetNames).toEqual(["PAR 2024", "Notes"]);
    expect(ws.others).toBeUndefined();
    expect(ws.active.selection).toEqual({ top: 5, left: 2, rows: 1, cols: 1 });
    const { selection: _sel, ...read } = ws.active;
    // What the core would see of the same workbook: the host reads it exactly.
    expect(read).toEqual(fake.model.sheet(active.name).toSnapshot());
    expect(ws.active.fills![0][0]).toBe("#DDEBF7");
    expect(ws.active.fills![1][0]).toBeNull(); // no fill: Excel's white with pattern "None"
    expect(ws.active.fontColors![2][1]).toBe("#C00000");
    expect(ws.active.fontColors![0][0]).toBeNull(); // automatic (black)
    expect(ws.active.formulas![10][2]).toBe("=1+2");
    expect(ws.active.values![10][2]).toBe(3);
    expect(ws.active.numberFormats![10][2]).toBe("0.00");
    expect(ws.active.numberFormats![0][0]).toBeNull(); // General
    expect(ws.active.columnWidths).toEqual({ 2: 45 });
  });

  test("a quote-prefixed text that looks like a formula reads back as text, not as a formula", async () => {
    const fake = setup(workbookOf(sheetFrom([["a", "b"]])));
    fake.model.apply({
      op: "setCells",
      sheet: "PAR 2024",
      top: 1,
      left: 0,
      cells: [[text('=HYPERLINK("x")'), { kind: "formula", formula: '="=A"' }]],
    });
    fake.model.recalculate();
    const ws = await readSnapshot();
    expect(ws.active.values[1]).toEqual(['=HYPERLINK("x")', "=A"]);
    expect(ws.active.formulas![1]).toEqual([null, '="=A"']);
  });

  test("an empty active sheet reads as an empty block", async () => {
    const fake = setup({ active: { name: "Trống", top: 0, left: 0, values: [] }, sheetNames: ["Trống"] });
    const ws = await readSnapshot();
    expect(ws.active).toEqual({
      name: "Trống",
      top: 0,
      left: 0,
      values: [],
      tables: [],
      validations: [],
      selection: { top: 0, left: 0, rows: 1, cols: 1 },
    });
    expect(fake.syncs).toBe(2);
  });

  test("owned sheets are read in full; tables and validations need a second small sync", async () => {
    const plan: SheetSnapshot = {
      ...sheetFrom(
        [
          ["STT", "Nội dung", "Trạng thái"],
          ["1", "Việc 1", "Chưa thực hiện"],
          ["2", "Việc 2", "Hoàn thành"],
        ],
        { name: "Kế hoạch khắc phục" },
      ),
      tables: [
        {
          name: "KeHoach",
          rect: { top: 0, left: 0, rows: 3, cols: 3 },
          showHeaders: true,
          showTotals: false,
          style: "TableStyleMedium2",
        },
      ],
      validations: [
        {
          rect: { top: 1, left: 2, rows: 2, cols: 1 },
          list: ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành"],
        },
      ],
      columnWidths: { 1: 60 },
    };
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6)), [plan]));
    const ws = await readSnapshot();
    expect(fake.syncs).toBe(3);
    expect(ws.others!["Kế hoạch khắc phục"]).toEqual(fake.model.sheet("Kế hoạch khắc phục").toSnapshot());
    expect(ws.others!["Kế hoạch khắc phục"].tables![0].rect).toEqual(plan.tables![0].rect);
    expect(ws.others!["Kế hoạch khắc phục"].validations).toEqual(plan.validations);
    expect(ws.others!["Kế hoạch khắc phục"].columnWidths).toEqual({ 1: 60 });
    expect(Object.keys(ws.others!)).toEqual(["Kế hoạch khắc phục"]); // no catalogue sheet: not invented
  });

  test("list validations on the active sheet are read too (second sync)", async () => {
    const active: SheetSnapshot = {
      ...sheetFrom(criteriaRows(6)),
      validations: [{ rect: { top: 1, left: 4, rows: 4, cols: 1 }, list: ["Có", "Không"] }],
    };
    const fake = setup(workbookOf(active));
    const ws = await readSnapshot();
    expect(ws.active.validations).toEqual(active.validations);
    expect(fake.syncs).toBe(3);
  });

  test("when the active sheet is an owned sheet it is not read twice into `others`", async () => {
    setup(workbookOf(sheetFrom([["Mã", "Cơ quan chủ trì"]], { name: "Danh mục giải pháp" })));
    const ws = await readSnapshot();
    expect(ws.active.name).toBe("Danh mục giải pháp");
    expect(ws.others).toBeUndefined();
  });

  test("a chart or several areas selected: read again without the selection", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6))), { selection: "chart" });
    const ws = await readSnapshot();
    expect(ws.active.selection).toBeUndefined();
    expect(ws.active.values.length).toBe(6);
    expect(fake.syncs).toBe(3);
  });

  test("a sheet too large for one response (Excel on the web) is read in bands", async () => {
    const sheet = sheetFrom(criteriaRows(300), { top: 1 });
    const whole = setup(workbookOf(sheet));
    const full = await readSnapshot();
    const fake = setup(workbookOf(sheet), { maxResponseBytes: 60_000 });
    const banded = await readSnapshot(undefined, { bandCells: 200 });
    expect(banded).toEqual(full);
    expect(fake.syncs).toBeGreaterThan(3); // the failed try, the frame, then one per band
    expect(Math.max(...fake.responseBytes.slice(1))).toBeLessThanOrEqual(60_000);
    expect(whole.syncs).toBe(2);
  });
});
