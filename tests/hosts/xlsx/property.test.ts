/**
 * Random change sets on a small sheet: what the host writes to a file, read back, is what WorkbookModel
 * (the reference) simulates on the snapshot read before — values, formulas, results, fills, bold,
 * colours, wrap, number formats, list validations and column widths.
 */
import * as ExcelJS from "exceljs";
import fc from "fast-check";
import {
  applyChangeSet as simulate,
  invertChangeSet,
  type CellInput,
  type ChangeSet,
  type Op,
  type Rect,
  type SheetSnapshot,
} from "../../../src/core";
import { applyChangeSet, loadWorkbook, readSnapshot, saveWorkbook } from "../../../src/hosts/xlsx";
import { cellMap } from "./helpers";

const SHEET = "S";

function base(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  const rows: ExcelJS.CellValue[][] = [
    ["Mã", "Tên", "Tối đa", "Đạt", "Ghi chú"],
    ["1", "Một", 10, 9.5, null],
    ["1.1", "Một một", 2, 0, "thiếu"],
    ["2", "Hai", "7,00", "7,00", null],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  ws.getCell("F3").value = { formula: "C2-D2", result: 0.5 };
  ws.getCell("F4").value = { formula: "C3-D3", result: 2 };
  ws.getCell("A1").font = { bold: true };
  ws.getColumn(2).width = 30;
  ws.getCell("H2").dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
  return wb;
}

const texts = [
  "Đạt",
  "=1+1",
  "-0,5",
  "+84",
  "@x",
  "  có khoảng trắng  ",
  "dòng 1\ndòng 2",
  "9,50",
  "TỔNG ĐIỂM",
];
/*
 * Every formula reads only rows above the rows it can be written to (column shifts never change that), so
 * there is no circular reference, whose result neither Excel nor the model defines; some read formulas.
 */
const upper = [
  "=C2-D2",
  "=SUM(C2:D3)",
  '=IF(E3="","trống",E3)',
  "=ROUND(D2/C2,4)",
  "=A1&B1",
  "=1/0",
  "=F3*2",
];
const chain = ["=SUM(A5:F5)", "=A5&B5", "=F4+F3"];

const value: fc.Arbitrary<CellInput | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...texts).map((text): CellInput => ({ kind: "text", text })),
  fc.constantFrom(0, 1, -2.5, 0.12, 99.5, 1e-7).map((value): CellInput => ({ kind: "number", value })),
  fc.boolean().map((value): CellInput => ({ kind: "bool", value })),
  fc.constant<CellInput>({ kind: "blank" }),
);
const withFormulas = (list: string[]) =>
  fc.oneof(
    value,
    fc.constantFrom(...list).map((formula): CellInput => ({ kind: "formula", formula })),
  );
const block = (top: fc.Arbitrary<number>, input: fc.Arbitrary<CellInput | null>) =>
  fc
    .record({
      top,
      left: fc.integer({ min: 0, max: 8 }),
      cells: fc.array(fc.array(input, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    })
    .map((r): Op => ({ op: "setCells", sheet: SHEET, ...r }));

const rect = (maxRows = 3, maxCols = 3): fc.Arbitrary<Rect> =>
  fc.record({
    top: fc.integer({ min: 0, max: 7 }),
    left: fc.integer({ min: 0, max: 7 }),
    rows: fc.integer({ min: 1, max: maxRows }),
    cols: fc.integer({ min: 1, max: maxCols }),
  });

const op: fc.Arbitrary<Op> = fc.oneof(
  // Values in rows 1–4; formulas reading rows 1–4 in row 5, and rows 1–5 from row 6 on.
  block(fc.integer({ min: 0, max: 3 }), value),
  block(fc.constant(4), withFormulas(upper)),
  block(fc.integer({ min: 5, max: 8 }), withFormulas([...upper, ...chain])),
  fc
    .record({
      ranges: fc.array(rect(), { minLength: 1, maxLength: 2 }),
      style: fc.record(
        {
          fill: fc.constantFrom("#FFC7CE", "#FFEB9C", "#D9D9D9", null),
          bold: fc.boolean(),
          fontColor: fc.constantFrom("#C00000", "#000000", null),
          wrap: fc.boolean(),
          numberFormat: fc.constantFrom("0.00", "0.00%", "General", "@"),
        },
        { requiredKeys: [] },
      ),
    })
    .map((r): Op => ({ op: "setStyle", sheet: SHEET, ...r })),
  fc
    .record({ at: fc.integer({ min: 0, max: 8 }), count: fc.integer({ min: 1, max: 2 }), del: fc.boolean() })
    .map(({ at, count, del }): Op => ({
      op: del ? "deleteColumns" : "insertColumns",
      sheet: SHEET,
      at,
      count,
    })),
  fc
    .record({ col: fc.integer({ min: 0, max: 8 }), width: fc.constantFrom(8.43, 12, 30.5) })
    .map((r): Op => ({ op: "setColumnWidth", sheet: SHEET, ...r })),
  // Validations on rows that never overlap the sheet's own rule, whatever columns move.
  fc
    .record({
      which: fc.integer({ min: 0, max: 1 }),
      list: fc.constantFrom<string[] | null>(["Đạt", "Chưa đạt"], ["A"], null),
    })
    .map(({ which, list }): Op => ({
      op: "setValidation",
      sheet: SHEET,
      rect: which ? { top: 6, left: 9, rows: 3, cols: 1 } : { top: 5, left: 0, rows: 1, cols: 2 },
      list,
    })),
);

/**
 * List validations only before the first column insert or delete (which then moves them): after one, a rule
 * set on its old range would overlap the moved rule, and Excel (one rule per cell) and the model (a list of
 * rules) part ways by design.
 */
function validationsFirst(ops: Op[]): Op[] {
  const firstShift = ops.findIndex((o) => o.op === "insertColumns" || o.op === "deleteColumns");
  return firstShift < 0 ? ops : ops.filter((o, i) => i < firstShift || o.op !== "setValidation");
}

/** The model keeps a text "" with formats as ""; a file has no empty text: both mean an empty cell. */
const norm = (s: SheetSnapshot): SheetSnapshot => ({
  ...s,
  values: s.values.map((r) => r.map((v) => (v === "" ? null : v))),
});

const compare = (host: SheetSnapshot, model: SheetSnapshot) => {
  expect(cellMap(norm(host))).toEqual(cellMap(norm(model)));
  expect(host.validations).toEqual(
    [...(model.validations ?? [])].sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left),
  );
  expect(host.columnWidths).toEqual(model.columnWidths);
};

/** Applies `ops` to the file and to the model, then their undo, and compares the two each time. */
async function hostMatchesModel(bytes: Uint8Array, ops: Op[]): Promise<void> {
  const cs: ChangeSet = { command: "recalc", ops, counts: {} };
  const wb = await loadWorkbook(bytes);
  const s0 = readSnapshot(wb, { sheet: SHEET });
  const expected = simulate(s0, cs);
  applyChangeSet(wb, cs);
  const after = await loadWorkbook(await saveWorkbook(wb));
  compare(readSnapshot(after, { sheet: SHEET }).active, expected.active);
  // Undo as the model undoes it (the model's undo of deleteColumns does not bring widths back).
  const undo = invertChangeSet(s0, cs);
  applyChangeSet(after, undo);
  const back = await loadWorkbook(await saveWorkbook(after));
  compare(readSnapshot(back, { sheet: SHEET }).active, simulate(expected, undo).active);
}

// CI runs a fixed seed so a green main stays green; PROPERTY_SEED=random (or a number) explores further.
const SEED =
  process.env.PROPERTY_SEED === "random" ? undefined : Number(process.env.PROPERTY_SEED ?? 20261130);

test("host = WorkbookModel on random change sets and on their undo", async () => {
  const bytes = await saveWorkbook(base());
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }).map(validationsFirst), (ops) =>
      hostMatchesModel(bytes, ops),
    ),
    { numRuns: 60, seed: SEED },
  );
}, 120000);

// Found by the property above with a random seed: the same list validation set twice on one range, then
// columns inserted and deleted over it, and undone. A validation op sets every cell of its range, in the
// model as in the file (what another validation had there is cut out of it).
test("a list validation set twice, then columns inserted and deleted over it: host = model", async () => {
  const bytes = await saveWorkbook(base());
  const rect = { top: 5, left: 0, rows: 1, cols: 2 };
  await hostMatchesModel(bytes, [
    { op: "setValidation", sheet: SHEET, rect, list: ["Đạt", "Chưa đạt"] },
    { op: "setValidation", sheet: SHEET, rect, list: ["Đạt", "Chưa đạt"] },
    { op: "insertColumns", sheet: SHEET, at: 0, count: 1 },
    { op: "deleteColumns", sheet: SHEET, at: 0, count: 2 },
  ]);
});
