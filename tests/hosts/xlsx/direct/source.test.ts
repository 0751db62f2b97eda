/**
 * WorkbookSource, the CLI's way into a file: the direct reader when it reads the file, ExcelJS when the direct
 * path leaves the file to it (at open or in the middle of a read) or fails in a way it should not; the user's
 * errors (a missing sheet) are the same either way and never a reason to fall back.
 */
import JSZip from "jszip";
import { handBook } from "./handmade";
import { WorkbookSource } from "../../../../src/hosts/xlsx/direct/source";
import * as directRead from "../../../../src/hosts/xlsx/direct/read";
import { loadWorkbook } from "../../../../src/hosts/xlsx/workbook";
import { readSnapshot } from "../../../../src/hosts/xlsx/read";

const ROWS = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>';

test("reads directly, and loads ExcelJS only when asked for the workbook", async () => {
  const bytes = await handBook({ sheets: [{ name: "A", body: `<sheetData>${ROWS}</sheetData>` }] });
  const s = await WorkbookSource.open(bytes);
  expect(s.via).toBe("direct");
  expect(await s.read()).toStrictEqual(readSnapshot(await loadWorkbook(bytes)));
  await expect(s.read({ sheet: "Không có" })).rejects.toMatchObject({
    code: "no-table",
    details: { missingSheet: "Không có" },
  });
  expect(s.via).toBe("direct");
  expect(s.fellBack).toBeNull();
  expect((await s.workbook()).worksheets.map((w) => w.name)).toEqual(["A"]);
});

test("a file the direct path leaves to ExcelJS when it opens", async () => {
  // Entry names with a leading "/": ExcelJS strips it, the direct path does not read such a zip.
  const src = await JSZip.loadAsync(
    await handBook({ sheets: [{ name: "A", body: `<sheetData>${ROWS}</sheetData>` }] }),
  );
  const zip = new JSZip();
  for (const f of Object.values(src.files)) if (!f.dir) zip.file(`/${f.name}`, await f.async("uint8array"));
  const bytes = await zip.generateAsync({ type: "uint8array" });
  const s = await WorkbookSource.open(bytes);
  expect(s.via).toBe("exceljs");
  expect(s.fellBack).toMatch(/^zip: entry \//);
  expect((await s.read()).active.values).toEqual([[1], [2]]);
});

test("a sheet the direct path leaves to ExcelJS in the middle of a read", async () => {
  // Rows out of order: ExcelJS keeps the last of each; the direct reader gives such a sheet to ExcelJS.
  const body =
    '<sheetData><row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';
  const bytes = await handBook({ sheets: [{ name: "A", body }] });
  const s = await WorkbookSource.open(bytes);
  expect(s.via).toBe("direct");
  const snap = await s.read();
  expect(s.via).toBe("exceljs");
  expect(s.fellBack).toMatch(/out of order/);
  expect(snap).toStrictEqual(readSnapshot(await loadWorkbook(bytes)));
  expect(snap.active.values).toEqual([[1], [2]]);
});

test("an unexpected failure of the direct reader falls back to ExcelJS instead of failing the user", async () => {
  const bytes = await handBook({ sheets: [{ name: "A", body: `<sheetData>${ROWS}</sheetData>` }] });
  const spy = jest.spyOn(directRead, "readPackage").mockImplementation(() => {
    throw new TypeError("a bug");
  });
  try {
    const s = await WorkbookSource.open(bytes);
    const snap = await s.read();
    expect(s.fellBack).toBe("unexpected: TypeError: a bug");
    expect(snap.active.values).toEqual([[1], [2]]);
  } finally {
    spy.mockRestore();
  }
});
