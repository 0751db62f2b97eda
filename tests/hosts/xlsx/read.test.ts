import * as ExcelJS from "exceljs";
import { AddinError, SAMPLE_SHEET, analyzeSheet } from "../../../src/core";
import { OWNED_SHEETS, readSheet, readSnapshot } from "../../../src/hosts/xlsx";
import { repairTableHeaders } from "../../../src/hosts/xlsx/read";
import { applyTint } from "../../../src/hosts/xlsx/colors";
import { analyzed, rawCells, roundTrip, seedWorkbook, sheetFurniture, stable } from "./helpers";

/** A sheet with one of every kind of cell the reader has to flatten, saved and read back as a file. */
async function kitchenSink(): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Mẫu");
  ws.getCell("B2").value = 9.5;
  ws.getCell("C2").value = "9,50";
  ws.getCell("D2").value = true;
  ws.getCell("E2").value = new Date(Date.UTC(2024, 0, 31));
  ws.getCell("E2").numFmt = "dd/mm/yyyy";
  ws.getCell("F2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  ws.getCell("G2").value = { richText: [{ text: "Có sai " }, { text: "phạm", font: { bold: true } }] };
  ws.getCell("H2").value = { text: "Cổng DVC", hyperlink: "https://dichvucong.gov.vn" };
  ws.getCell("I2").value = { formula: "B2*2", result: 19 };
  ws.getCell("J2").value = { formula: "B2-B2", result: 0 };
  ws.getCell("K2").value = { formula: 'IF(B2>0,"","x")', result: "" };
  ws.getCell("L2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.fillFormula("B4:D4", "B2+1", [10.5, 1, 1]);
  ws.getCell("B5").value = "gộp";
  ws.mergeCells("B5:D5");
  ws.getCell("B6").value = "=SUM(A1:A3)";
  ws.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "ffffc7ce" } };
  ws.getCell("C3").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { theme: 4, tint: -0.249977111117893 } as Partial<ExcelJS.Color>,
  };
  ws.getCell("D3").fill = {
    type: "pattern",
    pattern: "darkGrid",
    fgColor: { indexed: 10 } as Partial<ExcelJS.Color>,
  };
  ws.getCell("E3").fill = {
    type: "gradient",
    gradient: "angle",
    degree: 0,
    stops: [
      { position: 0, color: { argb: "FFFF0000" } },
      { position: 1, color: { argb: "FF0000FF" } },
    ],
  };
  ws.getCell("F3").font = { bold: true, color: { argb: "FFC00000" } };
  ws.getCell("G3").font = { color: { theme: 1 } as Partial<ExcelJS.Color> };
  ws.getCell("H3").alignment = { wrapText: true };
  ws.getCell("I3").numFmt = "0.00%";
  ws.getCell("J3").numFmt = "General";
  ws.getColumn(2).width = 30;
  const back = await roundTrip(wb);
  return back.getWorksheet("Mẫu")!;
}

describe("values, formulas and formats of one sheet", () => {
  let s: ReturnType<typeof readSheet>;
  beforeAll(async () => {
    s = readSheet(await kitchenSink());
  });
  const at = (a: string) => {
    const col = a.charCodeAt(0) - 65;
    const row = Number(a.slice(1)) - 1;
    return { r: row - s.top, c: col - s.left };
  };
  const value = (a: string) => s.values[at(a).r][at(a).c];
  const formula = (a: string) => s.formulas![at(a).r][at(a).c];
  const fill = (a: string) => s.fills![at(a).r][at(a).c];

  test("the block starts at the first used cell, not at A1", () => {
    expect([s.top, s.left]).toEqual([1, 1]);
  });

  test("numbers stay numbers, text stays text, booleans stay booleans", () => {
    expect([value("B2"), value("C2"), value("D2")]).toEqual([9.5, "9,50", true]);
  });

  test("a date is its serial number (its format says it is a date)", () => {
    expect(value("E2")).toBe(45322);
    expect(s.numberFormats![at("E2").r][at("E2").c]).toBe("dd/mm/yyyy");
  });

  test("errors read as Excel shows them, rich text and hyperlinks as their text", () => {
    expect([value("F2"), value("G2"), value("H2")]).toEqual(["#DIV/0!", "Có sai phạm", "Cổng DVC"]);
  });

  test("a formula cell shows its cached result (0 and errors included, empty text as empty)", () => {
    expect([value("I2"), value("J2"), value("K2"), value("L2")]).toEqual([19, 0, null, "#DIV/0!"]);
    expect([formula("I2"), formula("J2"), formula("K2")]).toEqual(["=B2*2", "=B2-B2", '=IF(B2>0,"","x")']);
    expect(formula("B2")).toBeNull();
  });

  test("each cell of a shared formula gets its own formula text", () => {
    expect([formula("B4"), formula("C4"), formula("D4")]).toEqual(["=B2+1", "=C2+1", "=D2+1"]);
    expect(value("B4")).toBe(10.5);
  });

  test("text starting with = is text, not a formula", () => {
    expect([value("B6"), formula("B6")]).toEqual(["=SUM(A1:A3)", null]);
  });

  test("the hidden cells of a merge are empty", () => {
    expect([value("B5"), value("C5"), value("D5")]).toEqual(["gộp", null, null]);
  });

  test("fills: ARGB in upper case, theme colours with their tint, patterns by their colour, gradients as none", () => {
    expect(fill("B3")).toBe("#FFC7CE");
    expect(fill("C3")).toBe(`#${applyTint("4F81BD", -0.249977111117893)}`);
    expect(fill("C3")).toBe("#366092");
    expect(fill("D3")).toBe("#FF0000");
    expect(fill("E3")).toBeNull();
    expect(fill("F3")).toBeNull();
  });

  test("bold, font colours (the automatic text colour reads as none), wrap and number formats", () => {
    const f = at("F3");
    expect(s.bold![f.r][f.c]).toBe(true);
    expect(s.fontColors![f.r][f.c]).toBe("#C00000");
    expect(s.fontColors![at("G3").r][at("G3").c]).toBeNull();
    expect(s.wrap![at("H3").r][at("H3").c]).toBe(true);
    expect(s.numberFormats![at("I3").r][at("I3").c]).toBe("0.00%");
    expect(s.numberFormats![at("J3").r][at("J3").c]).toBeNull();
  });

  test("column widths by sheet column", () => {
    expect(s.columnWidths![1]).toBe(30);
  });
});

describe("tables and validations", () => {
  test("an Excel table: name, range with header, style; a list validation with its items", async () => {
    const seed = seedWorkbook({ excelTable: true });
    const ws = (await roundTrip(seed.wb)).getWorksheet(SAMPLE_SHEET)!;
    const s = readSheet(ws);
    expect(s.tables).toEqual([
      {
        name: "KetQua",
        rect: { top: seed.header, left: 0, rows: seed.last - seed.header + 1, cols: 6 },
        showHeaders: true,
        style: "TableStyleLight9",
      },
    ]);
    expect(s.validations).toEqual([
      {
        rect: { top: seed.header + 1, left: seed.markCol, rows: seed.last - seed.header, cols: 1 },
        list: ["Đã khắc phục", "Chưa khắc phục"],
      },
    ]);
    expect(analyzed(s).table.excelTable?.name).toBe("KetQua");
  });

  test("a table Excel saved without headerRowCount (ExcelJS reads it as headerless) has its header", async () => {
    const seed = seedWorkbook({ excelTable: true });
    const wb = await roundTrip(seed.wb);
    const ws = wb.getWorksheet(SAMPLE_SHEET)!;
    const t = (
      ws as unknown as { tables: Record<string, { table: { headerRow: boolean; autoFilterRef?: string } }> }
    ).tables.KetQua.table;
    t.headerRow = false;
    expect(readSheet(ws).tables![0].showHeaders).toBe(true);
    delete t.autoFilterRef;
    expect(readSheet(ws).tables![0].showHeaders).toBe(true);
    repairTableHeaders(wb);
    expect(t.headerRow).toBe(true);
  });

  test("a list taken from cells is not a list the core can read or write: left out", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").dataValidation = { type: "list", formulae: ["$C$1:$C$3"] };
    ws.getCell("A2").dataValidation = { type: "list", formulae: ['"Có,Không"'] };
    ws.getCell("A3").dataValidation = { type: "whole", operator: "between", formulae: [1, 5] };
    const s = readSheet((await roundTrip(wb)).getWorksheet("S")!);
    expect(s.validations).toEqual([{ rect: { top: 1, left: 0, rows: 1, cols: 1 }, list: ["Có", "Không"] }]);
  });
});

describe("which sheet is read", () => {
  test("the first visible sheet where the core finds a table, the owned sheets in others, names in tab order", async () => {
    const seed = seedWorkbook({ coverSheet: true, headerRow: 4, left: 2 });
    seed.wb.addWorksheet("Ẩn", { state: "hidden" });
    seed.wb.addWorksheet(OWNED_SHEETS[1]).getCell("A1").value = "Kế hoạch";
    const wb = await roundTrip(seed.wb);
    const snap = readSnapshot(wb);
    expect(snap.active.name).toBe(SAMPLE_SHEET);
    expect(snap.sheetNames).toEqual(["Bìa", SAMPLE_SHEET, "Tổng hợp", "Ẩn", OWNED_SHEETS[1]]);
    expect(Object.keys(snap.others ?? {})).toEqual([OWNED_SHEETS[1]]);
    expect(snap.others![OWNED_SHEETS[1]].values).toEqual([["Kế hoạch"]]);
    expect([snap.active.top, snap.active.left]).toEqual([2, 2]);
    const a = analyzeSheet(snap.active);
    expect(a.ok && a.total).toMatchObject({ max: 99.5, achieved: 84.87, gap: 14.63, percent: 85.3 });
  });

  test("a named sheet, with the selection; a name that is not there is a typed error", async () => {
    const wb = await roundTrip(seedWorkbook({ coverSheet: true }).wb);
    const sel = { top: 5, left: 1, rows: 1, cols: 1 };
    const snap = readSnapshot(wb, { sheet: "Bìa", selection: sel });
    expect(snap.active.name).toBe("Bìa");
    expect(snap.active.selection).toEqual(sel);
    expect(() => readSnapshot(wb, { sheet: "Không có" })).toThrow(AddinError);
  });

  test("no sheet with a table: the first visible sheet", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ẩn", { state: "hidden" }).getCell("A1").value = 1;
    wb.addWorksheet("Trống");
    const snap = readSnapshot(wb);
    expect(snap.active).toMatchObject({ name: "Trống", top: 0, left: 0, values: [] });
  });

  test("reading does not change the workbook", async () => {
    const wb = await roundTrip(seedWorkbook({ excelTable: true }).wb);
    const state = () =>
      wb.worksheets.map((ws) => [stable([...rawCells(ws)]), stable(sheetFurniture(ws))]).flat();
    const before = state();
    readSnapshot(wb);
    expect(state()).toEqual(before);
    expect(readSnapshot(wb)).toEqual(readSnapshot(wb));
  });
});
