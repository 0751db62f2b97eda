/** The "nothing lost" checker itself: it must catch what is lost and must not flag what the add-in owns. */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { mapColumn, nothingLost, ownedBy, sameWorkbook } from "./nothingLost";
import { addParts } from "../corpus/parts";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A small user's file: values, a formula, a merge, a width, a note, a validation, a cond. format, a name. */
function userBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng");
  ws.getCell("A1").value = "UBND XÃ TÂN HÒA";
  ws.mergeCells("A1:D1");
  ws.getCell("A3").value = "TT";
  ws.getCell("B3").value = "Tiêu chí";
  ws.getCell("C3").value = "Điểm tối đa";
  ws.getCell("D3").value = "Điểm đạt";
  ws.getCell("E3").value = "Ghi chú";
  ws.getCell("C4").value = "2,00";
  ws.getCell("D4").value = "1,50";
  // ExcelJS writes "_x000B_" as is; Excel (and ExcelJS) read it as a line tab (U+000B), as in Word pastes.
  ws.getCell("E4").value = "Có sai sót_x000B_(dán từ Word)";
  ws.getCell("E4").note = "Xem lại";
  ws.getCell("F4").value = { formula: "LEN(E4)", result: 20 } as ExcelJS.CellFormulaValue;
  ws.getCell("F4").font = { name: ".VnTime", bold: true };
  ws.getCell("G4").dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
  ws.addConditionalFormatting({
    ref: "G4:G9",
    rules: [{ type: "containsText", operator: "containsText", text: "Không", priority: 1, style: {} }],
  });
  ws.getColumn(2).width = 40;
  ws.getColumn(7).hidden = true;
  ws.getRow(4).height = 30;
  wb.definedNames.add("'Bảng'!$E$4", "GhiChu");
  ws.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return wb;
}

async function roundTrip(edit: (wb: ExcelJS.Workbook) => void): Promise<[Uint8Array, Uint8Array]> {
  const input = await bytesOf(userBook());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ExcelJS.Buffer);
  edit(wb);
  return [input, await bytesOf(wb)];
}

describe("nothingLost", () => {
  test("a file compared with itself loses nothing", async () => {
    const input = await bytesOf(userBook());
    expect(await sameWorkbook(input, input)).toEqual([]);
  });

  test("a plain ExcelJS round trip loses exactly the line tab of a Word paste (ExcelJS strips it on write)", async () => {
    const [input, output] = await roundTrip(() => {});
    expect((await nothingLost(input, output)).map((l) => [l.kind, l.cell])).toEqual([["value", "E4"]]);
  });

  test("catches a changed cell, a stripped control character and a changed font name", async () => {
    const [input, output] = await roundTrip((wb) => {
      const ws = wb.getWorksheet("Bảng")!;
      ws.getCell("D4").value = "2,00";
      ws.getCell("E4").value = "Có sai sót(dán từ Word)";
      ws.getCell("F4").font = { name: "Times New Roman", bold: true };
    });
    const losses = await nothingLost(input, output);
    expect(losses.map((l) => [l.kind, l.cell])).toEqual(
      expect.arrayContaining([
        ["value", "D4"],
        ["value", "E4"],
        ["style", "F4"],
      ]),
    );
  });

  test("catches a lost merge, note, width, hidden column, row height, validation, name and print setting", async () => {
    const [input, output] = await roundTrip((wb) => {
      const ws = wb.getWorksheet("Bảng")!;
      ws.unMergeCells("A1:D1");
      ws.getCell("E4").note = undefined as unknown as string;
      ws.getColumn(2).width = 10;
      ws.getColumn(7).hidden = false;
      ws.getRow(4).height = 15;
      ws.getCell("G4").dataValidation = undefined as unknown as ExcelJS.DataValidation;
      ws.removeConditionalFormatting(() => false);
      wb.definedNames.remove("'Bảng'!$E$4", "GhiChu");
      ws.pageSetup.orientation = "portrait";
    });
    const kinds = new Set((await nothingLost(input, output)).map((l) => l.kind));
    for (const k of [
      "merge",
      "note",
      "column",
      "row",
      "validation",
      "conditional-format",
      "defined-name",
      "print",
    ])
      expect(kinds).toContain(k);
  });

  test("catches a dropped sheet and a dropped zip part (custom properties, chart)", async () => {
    const wb = userBook();
    wb.addWorksheet("Năm trước").getCell("A1").value = "2024";
    const input = await addParts(await bytesOf(wb), [
      { kind: "custom-properties", props: { DonVi: "Xã Tân Hòa" } },
      { kind: "chart", sheet: 1 },
    ]);
    // ExcelJS drops both parts on a round trip: exactly what the checker must see.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(input as unknown as ExcelJS.Buffer);
    again.removeWorksheet(again.getWorksheet("Năm trước")!.id);
    const losses = await nothingLost(input, await bytesOf(again));
    expect(losses.filter((l) => l.kind === "sheet").map((l) => l.sheet)).toEqual(["Năm trước"]);
    const parts = losses.filter((l) => l.kind === "part").map((l) => l.part);
    expect(parts).toEqual(expect.arrayContaining(["docProps/custom.xml", "xl/charts/chart1.xml"]));
  });

  test("a chart shown on another sheet, or left in the zip with no drawing pointing at it, is lost", async () => {
    const wb = userBook();
    wb.addWorksheet("Năm trước").getCell("A1").value = "2024";
    const input = await addParts(await bytesOf(wb), [{ kind: "chart", sheet: 1 }]);
    expect(await nothingLost(input, input)).toEqual([]);
    const zip = await JSZip.loadAsync(input);
    const rels = "xl/worksheets/_rels/sheet1.xml.rels";
    const relsXml = await zip.file(rels)!.async("string");
    const drawingTag = /<drawing r:id="[^"]+"\/>/.exec(
      await zip.file("xl/worksheets/sheet1.xml")!.async("string"),
    )![0];
    const move = async (from: string, to: string) => {
      const a = await zip.file(from)!.async("string");
      const b = await zip.file(to)!.async("string");
      zip.file(from, a.replace(drawingTag, ""));
      zip.file(to, b.replace("</worksheet>", `${drawingTag}</worksheet>`));
    };
    // The same drawing and chart, now hanging on «Năm trước».
    await move("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml");
    zip.remove(rels);
    zip.file("xl/worksheets/_rels/sheet2.xml.rels", relsXml);
    const moved = await nothingLost(input, await zip.generateAsync({ type: "uint8array" }));
    expect(moved.map((l) => l.part).sort()).toEqual(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"]);
    // No sheet points at the drawing: the chart part is still in the zip, but nobody sees it.
    zip.remove("xl/worksheets/_rels/sheet2.xml.rels");
    const sheet2 = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    zip.file("xl/worksheets/sheet2.xml", sheet2.replace(drawingTag, ""));
    const orphan = await nothingLost(input, await zip.generateAsync({ type: "uint8array" }));
    expect(orphan.map((l) => l.part).sort()).toEqual(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"]);
  });

  test("a part kept by content under another name is not a loss; a part whose text changed is", async () => {
    const input = await addParts(await bytesOf(userBook()), [
      { kind: "custom-properties", props: { A: "1" } },
    ]);
    const zip = await JSZip.loadAsync(input);
    const text = await zip.file("docProps/custom.xml")!.async("string");
    zip.remove("docProps/custom.xml");
    // Same content, other serialisation (declaration spacing) and path: kept.
    zip.file("docProps/custom2.xml", text.replace("?>", " ?>\n"));
    expect(await nothingLost(input, await zip.generateAsync({ type: "uint8array" }))).toEqual([]);
    zip.file("docProps/custom2.xml", text.replace(">1<", ">2<"));
    const losses = await nothingLost(input, await zip.generateAsync({ type: "uint8array" }));
    expect(losses.map((l) => l.part)).toEqual(["docProps/custom.xml"]);
  });

  test("does not flag cells the add-in owns, and follows cells moved by inserted columns", async () => {
    const [input, output] = await roundTrip((wb) => {
      const ws = wb.getWorksheet("Bảng")!;
      ws.spliceColumns(5, 0, [], []); // two columns inserted at E: E..G move to G..I
      ws.getCell("E3").value = "Chưa đạt";
      ws.getCell("E4").value = { formula: "C4-D4", result: 0.5 } as ExcelJS.CellFormulaValue;
      ws.getCell("F3").value = "Tỷ lệ";
      ws.getCell("D4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    });
    const owned = ownedBy(
      [
        {
          command: "recalc",
          counts: {},
          ops: [
            { op: "insertColumns", sheet: "Bảng", at: 4, count: 2 },
            { op: "setCells", sheet: "Bảng", top: 2, left: 4, cells: [[{ kind: "text", text: "Chưa đạt" }]] },
            {
              op: "setStyle",
              sheet: "Bảng",
              ranges: [{ top: 3, left: 3, rows: 1, cols: 1 }],
              style: { fill: "#FFC7CE" },
            },
          ],
        },
      ],
      ["Bảng"],
      { sheet: "Bảng", top: 2, bottom: 8 },
    );
    expect(mapColumn(owned.inserts!["Bảng"], 3, 4)).toBe(6);
    const losses = await nothingLost(input, output, owned);
    // Only what ExcelJS's splice does not move with the cells (merge, widths, validations, names) may show;
    // no cell the add-in owns, and no moved cell, is flagged, except the line tab ExcelJS strips (E4 → G4).
    const cells = losses.filter((l) => ["value", "formula", "style", "note"].includes(l.kind));
    expect(cells.map((l) => [l.kind, l.cell])).toEqual([["value", "E4"]]);
    // Without the ownership, the written cells and the highlight are losses.
    const unowned = await nothingLost(input, output, { inserts: owned.inserts });
    expect(unowned.map((l) => [l.kind, l.cell])).toEqual(expect.arrayContaining([["style", "D4"]]));
    // Outside the table's rows (the title row), and on a sheet the user made, a write is never owned.
    const title = ownedBy(
      [
        {
          command: "recalc",
          counts: {},
          ops: [{ op: "setCells", sheet: "Bảng", top: 0, left: 0, cells: [[{ kind: "blank" }]] }],
        },
      ],
      ["Bảng"],
      { sheet: "Bảng", top: 2, bottom: 8 },
    );
    expect(title.cells).toEqual({});
    const userSheet = ownedBy(
      [
        {
          command: "plan",
          counts: {},
          ops: [
            { op: "setCells", sheet: "Kế hoạch khắc phục", top: 3, left: 0, cells: [[{ kind: "blank" }]] },
          ],
        },
      ],
      ["Bảng", "Kế hoạch khắc phục"],
      { sheet: "Bảng", top: 2, bottom: 8 },
    );
    expect(userSheet.cells).toEqual({});
  });
});
