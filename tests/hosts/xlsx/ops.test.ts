/** Each op on its own, on files; and change sets the host must refuse before writing anything. */
import * as ExcelJS from "exceljs";
import {
  applyChangeSet as simulate,
  AddinError,
  invertChangeSet,
  prepare,
  PROBE_ROWS,
  SAMPLE_SHEET,
  type CellInput,
  type ChangeSet,
  type Op,
} from "../../../src/core";
import { CATALOGUE_SHEET_NAME, planCatalogueSheet } from "../../../src/catalogue/customSheet";
import { applyChangeSet, readSheet, readSnapshot, XlsxHost } from "../../../src/hosts/xlsx";
import {
  cellMap,
  definedNames,
  rawCells,
  roundTrip,
  seedWorkbook,
  sheetFurniture,
  stable,
  zipEntry,
} from "./helpers";
import { saveWorkbook } from "../../../src/hosts/xlsx";
import { fromStored, toStored } from "../../../src/hosts/xlsx/future";

const cs = (ops: Op[]): ChangeSet => ({ command: "recalc", ops, counts: {} });
const text = (t: string): CellInput => ({ kind: "text", text: t });
const num = (value: number): CellInput => ({ kind: "number", value });
const formula = (f: string): CellInput => ({ kind: "formula", formula: f });

function small(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = "Mã";
  ws.getCell("B1").value = "Tên";
  ws.getCell("C1").value = "Điểm";
  ws.getCell("A2").value = "1";
  ws.getCell("B2").value = "Một";
  ws.getCell("C2").value = 0;
  ws.getCell("A3").value = "2";
  ws.getCell("B3").value = "Hai";
  ws.getCell("C3").value = { formula: "C2*2", result: 0 };
  ws.getCell("B2").font = { bold: true, italic: true, size: 12 };
  ws.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  return wb;
}

/** Everything the host could change, to prove a refused change set changed nothing. */
const state = (wb: ExcelJS.Workbook) =>
  stable({
    sheets: wb.worksheets.map((ws) => [ws.name, [...rawCells(ws)], sheetFurniture(ws)]),
    names: definedNames(wb),
    calc: wb.calcProperties,
  });

describe("cells", () => {
  test("text is always text, even when it starts with = + - @", async () => {
    const wb = small();
    const inputs = ["=1+1", "+84 912", "-0,5", "@SUM(A1)", "- Cấp huyện có 268 hồ sơ trễ hẹn"];
    applyChangeSet(
      wb,
      cs([{ op: "setCells", sheet: "S", top: 5, left: 0, cells: inputs.map((t) => [text(t)]) }]),
    );
    const ws = (await roundTrip(wb)).getWorksheet("S")!;
    inputs.forEach((t, i) => {
      const cell = ws.getCell(6 + i, 1);
      expect([cell.type, cell.value, cell.formula]).toEqual([ExcelJS.ValueType.String, t, undefined]);
    });
  });

  test("numbers are numbers, blank keeps the cell's format, a formula gets its computed result", async () => {
    const wb = small();
    applyChangeSet(
      wb,
      cs([
        {
          op: "setCells",
          sheet: "S",
          top: 1,
          left: 1,
          cells: [
            [{ kind: "blank" }, num(7.25), formula("=C2+1"), formula("=C2/0")],
            [null, { kind: "bool", value: true }, formula("=LEN(B2)"), formula('=IF(C2=7.25,"","x")')],
          ],
        },
      ]),
    );
    const ws = (await roundTrip(wb)).getWorksheet("S")!;
    expect(ws.getCell("B2").value).toBeNull();
    expect(ws.getCell("B2").font).toMatchObject({ bold: true, italic: true });
    expect(ws.getCell("B3").value).toBe("Hai");
    expect([ws.getCell("C2").value, ws.getCell("C3").value]).toEqual([7.25, true]);
    expect([ws.getCell("D2").formula, ws.getCell("D2").result]).toEqual(["C2+1", 8.25]);
    expect(ws.getCell("E2").result).toEqual({ error: "#DIV/0!" });
    // LEN is beyond the core's evaluator: no cached result, Excel computes it on open.
    expect([ws.getCell("D3").formula, ws.getCell("D3").result]).toEqual(["LEN(B2)", undefined]);
    expect(ws.getCell("E3").formula).toBe('IF(C2=7.25,"","x")');
    expect(readSheet(ws).values[2][4]).toBeNull();
  });

  test("a hidden cell of a merge: blank is a no-op, a value unmerges (keeping every cell's format)", async () => {
    const wb = small();
    const ws = wb.getWorksheet("S")!;
    ws.getCell("E1").value = "gộp";
    ws.getCell("F1").border = { top: { style: "thin" } };
    ws.mergeCellsWithoutStyle("E1:G1");
    applyChangeSet(wb, cs([{ op: "setCells", sheet: "S", top: 0, left: 5, cells: [[{ kind: "blank" }]] }]));
    expect(sheetFurniture(ws).merges).toEqual(["E1:G1"]);
    applyChangeSet(wb, cs([{ op: "setCells", sheet: "S", top: 0, left: 5, cells: [[text("tách")]] }]));
    const back = (await roundTrip(wb)).getWorksheet("S")!;
    expect(sheetFurniture(back).merges).toEqual([]);
    expect([back.getCell("E1").value, back.getCell("F1").value]).toEqual(["gộp", "tách"]);
    expect(back.getCell("F1").border).toEqual({ top: { style: "thin" } });
  });
});

describe("cached results", () => {
  test("a formula reading a formula further down or on another sheet gets its new value", () => {
    const wb = small();
    wb.addWorksheet("T").getCell("A1").value = { formula: "S!C9+1", result: 0 };
    applyChangeSet(
      wb,
      cs([
        { op: "setCells", sheet: "S", top: 3, left: 2, cells: [[formula("=C9*2")]] },
        { op: "setCells", sheet: "S", top: 8, left: 2, cells: [[formula("=SUM(C2:C3)+5")]] },
      ]),
    );
    expect(wb.getWorksheet("S")!.getCell("C9").result).toBe(5);
    expect(wb.getWorksheet("S")!.getCell("C4").result).toBe(10);
    expect(wb.getWorksheet("T")!.getCell("A1").result).toBe(6);
  });

  test("a chain of 1,000 formulas settles; a circular reference does not hang or throw", () => {
    const wb = small();
    const cells = Array.from({ length: 1000 }, (_, i) => [formula(i === 999 ? "=1" : `=A${i + 12}+1`)]);
    applyChangeSet(wb, cs([{ op: "setCells", sheet: "S", top: 10, left: 0, cells }]));
    expect(wb.getWorksheet("S")!.getCell("A11").result).toBe(1000);
    applyChangeSet(
      wb,
      cs([{ op: "setCells", sheet: "S", top: 0, left: 5, cells: [[formula("=G1+1"), formula("=F1+1")]] }]),
    );
    expect(wb.getWorksheet("S")!.getCell("F1").formula).toBe("G1+1");
  });
});

describe("styles", () => {
  test("each key sets only itself; removing a key keeps the rest of the font or alignment", async () => {
    const wb = small();
    const r = (top: number, left: number) => [{ top, left, rows: 1, cols: 1 }];
    applyChangeSet(
      wb,
      cs([
        { op: "setStyle", sheet: "S", ranges: r(1, 1), style: { bold: false, fontColor: "#C00000" } },
        {
          op: "setStyle",
          sheet: "S",
          ranges: r(2, 1),
          style: { fill: null, wrap: true, horizontalAlignment: "Right" },
        },
        { op: "setStyle", sheet: "S", ranges: r(1, 2), style: { numberFormat: "0.00%", fill: "#ffc7ce" } },
        {
          op: "setStyle",
          sheet: "S",
          ranges: r(2, 2),
          style: { numberFormat: "General", horizontalAlignment: "General" },
        },
      ]),
    );
    const ws = (await roundTrip(wb)).getWorksheet("S")!;
    expect(ws.getCell("B2").font).toMatchObject({ italic: true, size: 12, color: { argb: "FFC00000" } });
    expect(ws.getCell("B2").font.bold).toBeUndefined();
    expect(ws.getCell("B3").alignment).toEqual({ wrapText: true, horizontal: "right" });
    expect(readSheet(ws).fills![2][1]).toBeNull();
    expect(ws.getCell("C2").numFmt).toBe("0.00%");
    expect(readSheet(ws).fills![1][2]).toBe("#FFC7CE");
    expect(ws.getCell("C3").numFmt).toBeUndefined();
  });

  test("cells read with the same style do not share a change (ExcelJS shares style objects)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws0 = wb.addWorksheet("S");
    for (const a of ["A1", "B1", "C1"]) {
      ws0.getCell(a).value = a;
      ws0.getCell(a).font = { bold: true };
    }
    const back = await roundTrip(wb);
    const ws = back.getWorksheet("S")!;
    expect(ws.getCell("A1").style).toBe(ws.getCell("B1").style);
    applyChangeSet(
      back,
      cs([
        {
          op: "setStyle",
          sheet: "S",
          ranges: [{ top: 0, left: 0, rows: 1, cols: 1 }],
          style: { fill: "#FFEB9C" },
        },
      ]),
    );
    const s = readSheet(ws);
    expect(s.fills![0]).toEqual(["#FFEB9C", null, null]);
    expect(s.bold![0]).toEqual([true, true, true]);
  });
});

describe("tables", () => {
  const rect = { top: 0, left: 0, rows: 3, cols: 3 };

  test("addTable makes a real table over the cells as they are (values, results, formats)", async () => {
    const wb = small();
    const before = rawCells(wb.getWorksheet("S")!);
    applyChangeSet(wb, cs([{ op: "addTable", sheet: "S", name: "Bang1", rect }]));
    const out = await saveWorkbook(wb);
    const xml = zipEntry(out, "xl/tables/table1.xml");
    expect(xml).toMatch(/ref="A1:C3"/);
    expect(xml).toMatch(/<tableStyleInfo name="TableStyleMedium2"[^>]*showRowStripes="1"/);
    expect(xml).toMatch(/<tableColumn id="1" name="Mã"/);
    expect(xml).not.toMatch(/hiddenButton="1"/);
    const back = await roundTrip(wb);
    const ws = back.getWorksheet("S")!;
    expect(stable([...rawCells(ws)].map(([k, c]) => [k, c.value]))).toEqual(
      stable([...before].map(([k, c]) => [k, c.value])),
    );
    expect(ws.getCell("C3").result).toBe(0);
    expect(ws.getCell("B2").font).toMatchObject({ bold: true, italic: true });
    expect(readSheet(ws).tables).toEqual([
      { name: "Bang1", rect, showHeaders: true, style: "TableStyleMedium2" },
    ]);
  });

  test("empty or repeated header cells get the names Excel would give them", () => {
    const wb = small();
    const ws = wb.getWorksheet("S")!;
    ws.getCell("B1").value = null;
    ws.getCell("C1").value = "mã";
    applyChangeSet(wb, cs([{ op: "addTable", sheet: "S", name: "Bang1", rect }]));
    expect([ws.getCell("A1").value, ws.getCell("B1").value, ws.getCell("C1").value]).toEqual([
      "Mã",
      "Column2",
      "mã2",
    ]);
    expect(sheetFurniture(ws).tables[0].columns).toEqual(["Mã", "Column2", "mã2"]);
  });

  test("resizeTable grows and shrinks the table and its columns; deleteTable keeps the cells", async () => {
    const wb = small();
    const ws = wb.getWorksheet("S")!;
    ws.getCell("D1").value = "Ghi chú";
    applyChangeSet(wb, cs([{ op: "addTable", sheet: "S", name: "Bang1", rect }]));
    applyChangeSet(
      wb,
      cs([{ op: "resizeTable", sheet: "S", name: "Bang1", rect: { ...rect, rows: 4, cols: 4 } }]),
    );
    expect(sheetFurniture(ws).tables).toEqual([
      { name: "Bang1", ref: "A1:D4", columns: ["Mã", "Tên", "Điểm", "Ghi chú"] },
    ]);
    applyChangeSet(
      wb,
      cs([{ op: "resizeTable", sheet: "S", name: "Bang1", rect: { ...rect, rows: 2, cols: 2 } }]),
    );
    expect(sheetFurniture(ws).tables).toEqual([{ name: "Bang1", ref: "A1:B2", columns: ["Mã", "Tên"] }]);
    const cells = stable([...rawCells(ws)]);
    applyChangeSet(wb, cs([{ op: "deleteTable", sheet: "S", name: "Bang1" }]));
    const back = (await roundTrip(wb)).getWorksheet("S")!;
    expect(sheetFurniture(back).tables).toEqual([]);
    expect(stable([...rawCells(back)].map(([k, c]) => [k, c.value]))).toEqual(
      stable(JSON.parse(cells).map(([k, c]: [string, { value: string }]) => [k, c.value])),
    );
  });

  test("inserting into an Excel table shifts the table's rows only; deleting puts everything back", async () => {
    const wb = (await roundTrip(seedWorkbook({ excelTable: true }).wb))!;
    const ws = wb.getWorksheet(SAMPLE_SHEET)!;
    const before = state(wb);
    const t = { name: "KetQua", rect: { top: 2, left: 0, rows: 32, cols: 6 } };
    applyChangeSet(wb, cs([{ op: "insertColumns", sheet: SAMPLE_SHEET, at: 2, count: 2, table: t }]));
    const f = sheetFurniture(ws);
    expect(f.tables[0]).toMatchObject({ ref: "A3:H34" });
    expect(f.tables[0].columns.slice(0, 5)).toEqual([
      "TT",
      "Lĩnh vực/tiêu chí/tiêu chí thành phần",
      "Column3",
      "Column4",
      "Điểm tối đa",
    ]);
    expect(ws.getCell("C3").value).toBe("Column3");
    expect(ws.getCell("A1").value).toBe(seedWorkbook().wb.getWorksheet(SAMPLE_SHEET)!.getCell("A1").value);
    expect(f.merges).toEqual(["A1:F1"]);
    const undo: Op[] = [
      {
        op: "setCells",
        sheet: SAMPLE_SHEET,
        top: 2,
        left: 2,
        cells: [[{ kind: "blank" }, { kind: "blank" }]],
      },
      {
        op: "deleteColumns",
        sheet: SAMPLE_SHEET,
        at: 2,
        count: 2,
        table: { ...t, rect: { ...t.rect, cols: 8 } },
      },
    ];
    applyChangeSet(wb, cs(undo));
    // (ExcelJS does not read calcPr back, so the saved fullCalcOnLoad does not show here.)
    expect(state(await roundTrip(wb))).toEqual(before);
  });
});

describe("whole columns", () => {
  test("deleting columns shrinks or drops merges, formats, validations and names across them", async () => {
    const wb = await roundTrip(seedWorkbook().wb);
    const ws = wb.getWorksheet(SAMPLE_SHEET)!;
    applyChangeSet(wb, cs([{ op: "deleteColumns", sheet: SAMPLE_SHEET, at: 4, count: 2 }]));
    const back = await roundTrip(wb);
    const f = sheetFurniture(back.getWorksheet(SAMPLE_SHEET)!);
    expect(f.merges).toEqual(["A1:D1"]);
    // The rule read the deleted reason column: Excel (and the core) make that reference #REF!.
    expect(f.cf).toEqual([{ ref: "G4:G34", formulae: [['AND(G4="Chưa khắc phục",#REF!<>"")']] }]);
    expect(f.dv.every((d) => d.startsWith("G"))).toBe(true);
    expect(f.widths.slice(0, 8)).toEqual([6, 50, 10, 10, 4, 4, 18, 20]);
    // The name's cells are all gone: Excel would show #REF!, ExcelJS keeps no name without cells.
    expect(definedNames(back)).toEqual([]);
    expect(ws.getCell("H5").formula).toBe('IF(#REF!="","","Có nguyên nhân")');
  });

  test("inserting columns left of frozen panes, a print area and an autofilter moves them", async () => {
    const wb = small();
    const ws = wb.getWorksheet("S")!;
    ws.views = [{ state: "frozen", xSplit: 2, ySplit: 1, topLeftCell: "C2" }];
    ws.pageSetup.printArea = "A1:C3";
    ws.autoFilter = "A1:C3";
    const back = await roundTrip(wb);
    applyChangeSet(back, cs([{ op: "insertColumns", sheet: "S", at: 1, count: 1 }]));
    const again = (await roundTrip(back)).getWorksheet("S")!;
    expect(again.views[0]).toMatchObject({ state: "frozen", xSplit: 3, topLeftCell: "D2" });
    expect(again.pageSetup.printArea).toBe("A1:D3");
    expect(again.autoFilter).toBe("A1:D3");
  });
});

describe("validations, widths, sheets", () => {
  test("a list validation is written, replaced on the same range and removed", async () => {
    const wb = small();
    const rect = { top: 1, left: 3, rows: 2, cols: 1 };
    applyChangeSet(
      wb,
      cs([{ op: "setValidation", sheet: "S", rect, list: ["Đạt", "Chưa đạt", 'Có "ngoặc"'] }]),
    );
    let ws = (await roundTrip(wb)).getWorksheet("S")!;
    expect(readSheet(ws).validations).toEqual([{ rect, list: ["Đạt", "Chưa đạt", 'Có "ngoặc"'] }]);
    expect(ws.getCell("D2").dataValidation).toMatchObject({ type: "list", showErrorMessage: true });
    applyChangeSet(wb, cs([{ op: "setValidation", sheet: "S", rect, list: ["A"] }]));
    ws = (await roundTrip(wb)).getWorksheet("S")!;
    expect(readSheet(ws).validations).toEqual([{ rect, list: ["A"] }]);
    applyChangeSet(wb, cs([{ op: "setValidation", sheet: "S", rect, list: null }]));
    expect(readSheet((await roundTrip(wb)).getWorksheet("S")!).validations).toEqual([]);
  });

  test("column widths: set, and the default width removes the column's own", async () => {
    const wb = small();
    applyChangeSet(wb, cs([{ op: "setColumnWidth", sheet: "S", col: 1, width: 42 }]));
    expect(readSheet((await roundTrip(wb)).getWorksheet("S")!).columnWidths).toEqual({ 1: 42 });
    applyChangeSet(wb, cs([{ op: "setColumnWidth", sheet: "S", col: 1, width: 8.43 }]));
    expect(readSheet((await roundTrip(wb)).getWorksheet("S")!).columnWidths).toEqual({});
  });

  test("addSheet after a sheet, deleteSheet; the tab order survives saving", async () => {
    const wb = small();
    wb.addWorksheet("T");
    applyChangeSet(
      wb,
      cs([
        { op: "addSheet", sheet: "Kế hoạch khắc phục", after: "S" },
        { op: "setCells", sheet: "Kế hoạch khắc phục", top: 0, left: 0, cells: [[text("Kế hoạch")]] },
        { op: "addSheet", sheet: "Cuối" },
      ]),
    );
    const back = await roundTrip(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual(["S", "Kế hoạch khắc phục", "T", "Cuối"]);
    applyChangeSet(back, cs([{ op: "deleteSheet", sheet: "T" }]));
    expect((await roundTrip(back)).worksheets.map((w) => w.name)).toEqual([
      "S",
      "Kế hoạch khắc phục",
      "Cuối",
    ]);
  });

  test("export-catalogue (the catalogue's own planner) on the seed file, and its undo", async () => {
    const wb = await roundTrip(seedWorkbook().wb);
    const s0 = readSnapshot(wb);
    const plan = planCatalogueSheet(s0);
    applyChangeSet(wb, plan);
    const back = await roundTrip(wb);
    const s1 = readSnapshot(back);
    expect(s1.sheetNames).toEqual([SAMPLE_SHEET, "Tổng hợp", CATALOGUE_SHEET_NAME]);
    const expected = simulate(s0, plan);
    expect(cellMap(s1.others![CATALOGUE_SHEET_NAME])).toEqual(
      cellMap(expected.others![CATALOGUE_SHEET_NAME]),
    );
    expect(s1.others![CATALOGUE_SHEET_NAME].columnWidths).toEqual(
      expected.others![CATALOGUE_SHEET_NAME].columnWidths,
    );
    const ws = back.getWorksheet(CATALOGUE_SHEET_NAME)!;
    let formulas = 0;
    ws.eachRow((row) => row.eachCell((c) => (formulas += c.type === ExcelJS.ValueType.Formula ? 1 : 0)));
    expect(formulas).toBe(0);
    applyChangeSet(back, invertChangeSet(s0, plan));
    expect(readSnapshot(back)).toEqual(s0);
  });
});

describe("a change set that cannot be written whole changes nothing", () => {
  const cases: [string, Op[], RegExp][] = [
    [
      "a missing sheet",
      [{ op: "setCells", sheet: "Không có", top: 0, left: 0, cells: [[text("x")]] }],
      /Không có/,
    ],
    ["a sheet that exists (Excel ignores case)", [{ op: "addSheet", sheet: "s" }], /exists/],
    ["a bad sheet name", [{ op: "addSheet", sheet: "Kế hoạch: 2024" }], /sheet name/],
    ["the last sheet", [{ op: "deleteSheet", sheet: "S" }], /at least one sheet/],
    [
      "a bad table name",
      [{ op: "addTable", sheet: "S", name: "Bảng 1", rect: { top: 0, left: 0, rows: 2, cols: 2 } }],
      /table name/,
    ],
    [
      "a table name like a cell",
      [{ op: "addTable", sheet: "S", name: "AB12", rect: { top: 0, left: 0, rows: 2, cols: 2 } }],
      /cell reference/,
    ],
    [
      "a table without data rows",
      [{ op: "addTable", sheet: "S", name: "T", rect: { top: 0, left: 0, rows: 1, cols: 2 } }],
      /data row/,
    ],
    [
      "a number that is not finite",
      [{ op: "setCells", sheet: "S", top: 0, left: 0, cells: [[num(NaN)]] }],
      /finite/,
    ],
    [
      "a colour that is not #RRGGBB",
      [
        {
          op: "setStyle",
          sheet: "S",
          ranges: [{ top: 0, left: 0, rows: 1, cols: 1 }],
          style: { fill: "red" },
        },
      ],
      /colour/,
    ],
    [
      "a list too long for Excel",
      [
        {
          op: "setValidation",
          sheet: "S",
          rect: { top: 0, left: 0, rows: 1, cols: 1 },
          list: Array.from({ length: 40 }, (_, i) => `Cơ quan số ${i}`),
        },
      ],
      /255/,
    ],
    [
      "a cell past the last column",
      [{ op: "setCells", sheet: "S", top: 0, left: 16384, cells: [[text("x")]] }],
      /last column/,
    ],
  ];

  test.each(cases)("%s", (_name, ops, message) => {
    const wb = small();
    const before = state(wb);
    // A valid step first: it must not be written either.
    const all: Op[] = [{ op: "setCells", sheet: "S", top: 0, left: 0, cells: [[text("đã ghi")]] }, ...ops];
    expect(() => applyChangeSet(wb, cs(all))).toThrow(AddinError);
    expect(() => applyChangeSet(wb, cs(all))).toThrow(message);
    expect(state(wb)).toEqual(before);
  });

  test("two tables may not overlap, and table names are unique in the workbook", () => {
    const wb = small();
    wb.addWorksheet("T");
    applyChangeSet(
      wb,
      cs([{ op: "addTable", sheet: "S", name: "Bang1", rect: { top: 0, left: 0, rows: 3, cols: 2 } }]),
    );
    const before = state(wb);
    const overlap: Op = {
      op: "addTable",
      sheet: "S",
      name: "Bang2",
      rect: { top: 1, left: 1, rows: 2, cols: 2 },
    };
    const same: Op = {
      op: "addTable",
      sheet: "T",
      name: "BANG1",
      rect: { top: 0, left: 0, rows: 2, cols: 2 },
    };
    expect(() => applyChangeSet(wb, cs([overlap]))).toThrow(/overlap/);
    expect(() => applyChangeSet(wb, cs([same]))).toThrow(/exists/);
    expect(state(wb)).toEqual(before);
  });
});

describe("XlsxHost (the app layer's Host over a workbook)", () => {
  test("read, apply against the basis, read again; a change set that does not fit the basis is refused", async () => {
    const wb = await roundTrip(seedWorkbook({ coverSheet: true }).wb);
    const host = new XlsxHost(wb);
    const basis = await host.read();
    expect(basis.active.name).toBe(SAMPLE_SHEET);
    const ok = cs([{ op: "addSheet", sheet: "Kế hoạch khắc phục", after: SAMPLE_SHEET }]);
    const prepared = prepare(basis, ok);
    if (!prepared.ok) throw prepared.error;
    await host.apply(prepared);
    const again = await host.read();
    expect(again.active.name).toBe(SAMPLE_SHEET);
    expect(again.sheetNames).toEqual(["Bìa", SAMPLE_SHEET, "Kế hoạch khắc phục", "Tổng hợp"]);
    expect(again.others?.["Kế hoạch khắc phục"]).toBeDefined();
    // On the new read the same change set no longer fits: prepare refuses it, nothing is written.
    const refused = prepare(again, ok);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe("invalid-change-set");
    expect(wb.worksheets).toHaveLength(4);
  });

  test("read: protection and probes in the snapshot; read({ sheet }) reads that sheet, switching nothing", async () => {
    const wb = await roundTrip(seedWorkbook({ coverSheet: true }).wb);
    await wb.getWorksheet(SAMPLE_SHEET)!.protect("", {});
    const host = new XlsxHost(wb);
    const ws = await host.read();
    expect(ws.active.protected).toBe(true);
    // Every other visible sheet the add-in does not own, its first rows only.
    expect(Object.keys(ws.probes ?? {}).sort()).toEqual(["Bìa", "Tổng hợp"]);
    for (const probe of Object.values(ws.probes ?? {}))
      expect(probe.top + probe.values.length).toBeLessThanOrEqual(PROBE_ROWS);
    const p = prepare(
      ws,
      cs([{ op: "setCells", sheet: SAMPLE_SHEET, top: 0, left: 0, cells: [[text("x")]] }]),
    );
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toMatchObject({ code: "protected", details: { sheet: SAMPLE_SHEET } });
    const cover = await host.read({ sheet: "Bìa" });
    expect(cover.active.name).toBe("Bìa");
    expect(cover.probes?.[SAMPLE_SHEET]).toBeDefined();
    // a named read shows nothing (src/app/session.ts ReadRequest): the host's own sheet is read next
    expect((await host.read()).active.name).toBe(SAMPLE_SHEET);
  });

  test("a named read keeps the host's sheet and its selection; selectRow is what moves it", async () => {
    const wb = await roundTrip(seedWorkbook({ coverSheet: true }).wb);
    const host = new XlsxHost(wb, { sheet: "Tổng hợp" });
    await host.selectRow("Tổng hợp", 4);
    expect((await host.read({ sheet: SAMPLE_SHEET })).active).toMatchObject({ name: SAMPLE_SHEET });
    expect((await host.read({ sheet: SAMPLE_SHEET })).active.selection).toBeUndefined();
    const own = await host.read();
    expect(own.active.name).toBe("Tổng hợp");
    expect(own.active.selection).toEqual({ top: 4, left: 0, rows: 1, cols: 1 });
    await host.selectRow(SAMPLE_SHEET, 9);
    expect((await host.read()).active.name).toBe(SAMPLE_SHEET);
  });

  test("selectRow: the next read's selection, and where the saved file opens", async () => {
    const wb = await roundTrip(seedWorkbook({ coverSheet: true }).wb);
    const host = new XlsxHost(wb);
    await host.selectRow(SAMPLE_SHEET, 9);
    expect((await host.read()).active.selection).toEqual({ top: 9, left: 0, rows: 1, cols: 1 });
    const out = await saveWorkbook(wb);
    expect(zipEntry(out, "xl/worksheets/sheet2.xml")).toMatch(
      /tabSelected="1"[^>]*>\s*<selection activeCell="A10"/,
    );
    expect(zipEntry(out, "xl/worksheets/sheet1.xml")).not.toMatch(/tabSelected="1"/);
    expect(zipEntry(out, "xl/workbook.xml")).toMatch(/activeTab="1"/);
    await expect(host.selectRow("Không có", 1)).rejects.toThrow(AddinError);
  });
});

describe("more that moves with whole columns", () => {
  const PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

  test("images, a list validation's source range, hidden columns", async () => {
    const wb = small();
    const ws = wb.getWorksheet("S")!;
    const id = wb.addImage({ base64: PNG, extension: "png" });
    ws.addImage(id, { tl: { col: 6, row: 1 }, ext: { width: 20, height: 20 } });
    ["Đạt", "Chưa đạt"].forEach((v, i) => (ws.getCell(i + 1, 11).value = v));
    ws.getCell("B5").dataValidation = { type: "list", formulae: ["$K$1:$K$2"], showErrorMessage: true };
    ws.getColumn(8).hidden = true;
    const back = await roundTrip(wb);
    applyChangeSet(back, cs([{ op: "insertColumns", sheet: "S", at: 5, count: 1 }]));
    const again = (await roundTrip(back)).getWorksheet("S")!;
    expect(again.getImages()[0].range.tl.nativeCol).toBe(7);
    expect(again.getCell("B5").dataValidation.formulae).toEqual(["$L$1:$L$2"]);
    expect(again.getCell("L1").value).toBe("Đạt");
    expect([again.getColumn(8).hidden, again.getColumn(9).hidden]).toEqual([false, true]);
  });
});

describe("functions newer than Excel 2007", () => {
  test("are stored with their _xlfn. prefix and read without it; text and older functions are left alone", async () => {
    expect(toStored('=ROUND(NUMBERVALUE(C5,",",".")-D5,2)&"NUMBERVALUE(x)"')).toBe(
      '=ROUND(_xlfn.NUMBERVALUE(C5,",",".")-D5,2)&"NUMBERVALUE(x)"',
    );
    expect(toStored("=SUM(FILTER(A1:A9,B1:B9>0))+IFERROR(1,2)")).toBe(
      "=SUM(_xlfn._xlws.FILTER(A1:A9,B1:B9>0))+IFERROR(1,2)",
    );
    expect(toStored("=_xlfn.NUMBERVALUE(C5)")).toBe("=_xlfn.NUMBERVALUE(C5)");
    expect(fromStored('=_xlfn.XLOOKUP(A1,B:B,C:C,"_xlfn.")')).toBe('=XLOOKUP(A1,B:B,C:C,"_xlfn.")');
    const wb = small();
    applyChangeSet(
      wb,
      cs([
        { op: "setCells", sheet: "S", top: 4, left: 0, cells: [[formula('=NUMBERVALUE("9,50",",",".")')]] },
      ]),
    );
    const out = await saveWorkbook(wb);
    expect(zipEntry(out, "xl/worksheets/sheet1.xml")).toContain("<f>_xlfn.NUMBERVALUE(");
    const back = await roundTrip(wb);
    const s = readSheet(back.getWorksheet("S")!);
    expect([s.formulas![4][0], s.values[4][0]]).toEqual(['=NUMBERVALUE("9,50",",",".")', 9.5]);
  });
});
