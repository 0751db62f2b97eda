// The playground's grid model and host, in Node (the browser tests drive them through the page).
import * as ExcelJS from "exceljs";
import { describeError } from "../../src/app/errors";
import { Session } from "../../src/app/session";
import { SAMPLE_SHEET, sampleSheet } from "../../src/app/sample";
import { displayValue, sheetView, widthToPixels } from "../../src/playground/gridModel";
import { sampleXlsx } from "../../src/playground/sampleXlsx";
import { PlaygroundHost, type HostEvent } from "../../src/playground/xlsxHost";

describe("displayValue: what a cell shows, in the user's locale", () => {
  test.each([
    [0.5, "0.00", "vi", "0,50"],
    [0.5, "0.00", "en", "0.50"],
    [0.165, "0.00%", "vi", "16,50%"],
    [1234.5, "#,##0.00", "vi", "1.234,50"],
    [1234.5, "#,##0.00", "en", "1,234.50"],
    [84.87, null, "vi", "84,87"],
    [3, "General", "en", "3"],
    [0.1 + 0.2, null, "en", "0.3"],
    [45292, "dd/mm/yyyy", "vi", "01/01/2024"],
    ["9,50", "0.00", "vi", "9,50"],
    [true, null, "vi", "TRUE"],
    [null, "0.00", "vi", ""],
  ] as const)("%p with %p in %s → %p", (value, fmt, lang, shown) => {
    expect(displayValue(value, fmt, lang)).toBe(shown);
  });
});

test("widthToPixels: Excel's default width is 64 px", () => {
  expect(widthToPixels(undefined)).toBe(64);
  expect(widthToPixels(8.43)).toBe(64);
  expect(widthToPixels(46)).toBe(327);
});

test("sheetView: the seed's values, bold, wrap and widths, with a margin of empty cells", () => {
  const ws = sampleXlsx().getWorksheet(SAMPLE_SHEET)!;
  const v = sheetView(ws, "vi");
  expect(v.cells[0][0]).toMatchObject({ text: expect.stringMatching(/^Chỉ số cải cách/), bold: true });
  expect(v.cells[2].slice(0, 2).map((c) => c?.text)).toEqual(["TT", "Lĩnh vực/tiêu chí/tiêu chí thành phần"]);
  expect(v.cells[4][1]).toMatchObject({ wrap: true, align: "left", valign: "top" });
  expect(v.widths[1]).toBe(327);
  expect(v.rows).toBeGreaterThan(v.usedRows);
  expect(v.cols).toBeGreaterThanOrEqual(10);
  expect(v.truncated).toBe(false);
});

test("sheetView: a merged range spans, the cells under it are not drawn", () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("B2").value = "gộp";
  ws.mergeCells("B2:D3");
  const v = sheetView(ws, "vi");
  expect(v.cells[1][1]).toMatchObject({ text: "gộp", rowSpan: 2, colSpan: 3 });
  expect(v.covered.has("1,2")).toBe(true);
  expect(v.covered.has("2,3")).toBe(true);
  expect(v.cells[2][3]).toBeNull();
});

test("PlaygroundHost: reads the criteria sheet, tells the page about writes and rows to show", async () => {
  const host = new PlaygroundHost(sampleXlsx());
  expect(host.sheet).toBe(SAMPLE_SHEET);
  const events: HostEvent[] = [];
  host.subscribe((e) => events.push(e));
  const session = new Session(host, "vi");
  const r = await session.run("recalc");
  expect(r.ok).toBe(true);
  expect(host.version).toBe(1);
  expect(events).toEqual([{ kind: "changed", command: "recalc" }]);
  await session.selectRow(SAMPLE_SHEET, 9);
  expect(events[1]).toEqual({
    kind: "select",
    sheet: SAMPLE_SHEET,
    rect: { top: 9, left: 0, rows: 1, cols: 1 },
  });
  const missing = await host.selectRow("Không có", 1).catch((e: unknown) => describeError(e));
  expect(missing).toMatchObject({ code: "stale", message: { vi: "Không có trang «Không có»." } });
  // the plan sheet exists now or not, reads stay on the table's sheet
  await session.run("plan");
  expect((await host.read()).active.name).toBe(SAMPLE_SHEET);
});

/** A workbook with the seed's table on each named sheet, its title naming `year`, scores kept or blanked. */
function yearsBook(sheets: { name: string; year: number; scored?: boolean }[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ghi chú").getCell("A1").value = "Ghi chú của đơn vị năm 2025";
  for (const { name, year, scored = true } of sheets) {
    const ws = wb.addWorksheet(name);
    sampleSheet().values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null) return;
        const title = r === 0 && c === 0;
        const score = r > 2 && c === 3;
        ws.getCell(r + 1, c + 1).value = title ? `PAR INDEX năm ${year}` : score && !scored ? null : v;
      }),
    );
  }
  return wb;
}

describe("the playground opens the sheet the app chooses (issue 9)", () => {
  test("last year's sheet before this year's: this year's wins (same rows, later year)", () => {
    const wb = yearsBook([
      { name: "Năm 2023", year: 2023 },
      { name: "Năm 2024", year: 2024 },
    ]);
    expect(new PlaygroundHost(wb).sheet).toBe("Năm 2024");
  });

  test("a later year's empty template loses to the sheet whose scores are filled in", () => {
    const wb = yearsBook([
      { name: "Năm 2024", year: 2024 },
      { name: "Mẫu 2025", year: 2025, scored: false },
    ]);
    expect(new PlaygroundHost(wb).sheet).toBe("Năm 2024");
  });
});

describe("the grid shows the live highlight", () => {
  test("rows coloured by the add-in's rules, and re-coloured when a cell changes", async () => {
    const { readSnapshot, applyChangeSet: write } = await import("../../src/hosts/xlsx");
    const { analyzeSheet, planHighlight, PALETTE } = await import("../../src/core");
    const wb = sampleXlsx();
    const s = readSnapshot(wb).active;
    const a = analyzeSheet(s);
    if (!a.ok) throw new Error("no table");
    write(wb, planHighlight(s, a));
    const zero = a.rows.find((r) => r.status === "zero")!;
    const ws = wb.getWorksheet(s.name)!;
    expect(sheetView(ws, "vi").cells[zero.row][a.table.left]?.fill).toBe(PALETTE.zero);
    // The cell's own fill is untouched: the colour is the rule's.
    expect(ws.getCell(zero.row + 1, a.table.left + 1).fill?.type ?? "none").not.toBe("pattern");
    const max = ws.getCell(zero.row + 1, a.table.columns.max! + 1).value;
    ws.getCell(zero.row + 1, a.table.columns.achieved! + 1).value = max;
    expect(sheetView(ws, "vi").cells[zero.row][a.table.left]?.fill ?? null).toBeNull();
  });
});
