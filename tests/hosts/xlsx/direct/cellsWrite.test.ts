/**
 * cellsWrite.ts setCells and setStyle walk each row's cells left to right with the op's columns (issue 14:
 * no search, no closure per cell). They must leave exactly what the per-cell forms leave — writeInput for
 * every cell, and setStyle's former body (sheet.cellFor and a derive per cell) kept here as the reference —
 * on rows with cells before, among and after the op's columns, styled and unstyled cells a blank takes or
 * keeps, spans hints, a row with a custom format, a column style, and a row whose cells are out of order.
 * sheetPart.ts's serialisation of cells written from their fields is checked against text written by hand.
 */
import type { CellInput, CellStyle, Rect } from "../../../../src/core/types";
import {
  DirectBook,
  RowWalk,
  firstAtOrAfter,
  firstInOrder,
  type Sheet,
} from "../../../../src/hosts/xlsx/direct/book";
import type { CellPart } from "../../../../src/hosts/xlsx/direct/sheetPart";
import {
  baseStyle,
  fitWrappedRows,
  setCells,
  setStyle,
  writeInput,
} from "../../../../src/hosts/xlsx/direct/cellsWrite";
import { parseSheet, serializeRow, serializeSheet } from "../../../../src/hosts/xlsx/direct/sheetPart";
import { STYLES, handBook } from "./handmade";
import { rowFormula } from "../../../../src/core/rowFormula";

const BODY =
  '<cols><col min="5" max="6" width="12" style="2" customWidth="1"/></cols><sheetData>' +
  '<row r="1" spans="1:9"><c r="B1" s="1"><v>1</v></c><c r="D1"><v>2</v></c><c r="H1" s="2" t="inlineStr"><is><t>x</t></is></c></row>' +
  '<row r="2" s="4" customFormat="1"><c r="A2"><f>B2+1</f><v>3</v></c></row>' +
  '<row r="4" spans="2:5"><c r="C4" s="2"/><c r="E4"><v>5</v></c></row>' +
  // Out of order, as no writer writes it: the per-cell forms are used for this row.
  '<row r="5"><c r="F5"><v>6</v></c><c r="B5" s="1"><v>7</v></c></row>' +
  '<row r="7" ht="30" customHeight="1"><c r="A7"><v>8</v></c><c r="I7" s="3"><v>9</v></c></row>' +
  "</sheetData>";

/** BODY without its row out of order: the sheet the writer knows in order (Sheet.cellsInOrder) at once. */
const IN_ORDER = BODY.replace(/<row r="5">.*?<\/row>/, "");

async function twoBooks(body = BODY): Promise<[DirectBook, Sheet, DirectBook, Sheet]> {
  const bytes = await handBook({ sheets: [{ name: "S", body }], styles: STYLES });
  const a = await DirectBook.open(bytes);
  const b = await DirectBook.open(bytes);
  await Promise.all([a.sharedStrings(), b.sharedStrings()]); // what prepareDirect loads before setCells
  return [a, await a.load("S"), b, await b.load("S")];
}

/** setStyle as it was written before issue 14: sheet.cellFor and the derived style looked up per cell. */
function setStyleReference(book: DirectBook, sheet: Sheet, ranges: Rect[], style: CellStyle): void {
  const derived = new Map<number, number>();
  for (const rect of ranges)
    for (let r = rect.top; r < rect.top + rect.rows; r++) {
      const row = sheet.rowFor(r);
      for (let k = rect.left; k < rect.left + rect.cols; k++) {
        const c = sheet.cellFor(r, k, () => baseStyle(sheet, row, k));
        let s = derived.get(c.s);
        if (s === undefined) derived.set(c.s, (s = book.styles.derive(c.s, style)));
        if (s !== c.s) {
          c.s = s;
          c.raw = undefined;
        }
      }
    }
}

/** A small deterministic generator (the same runs every time). */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

const INPUTS: (CellInput | null)[] = [
  null,
  { kind: "blank" },
  { kind: "text", text: "" },
  { kind: "text", text: 'Kế hoạch & <giải pháp> "mới"' },
  { kind: "text", text: " lề trái\nhai dòng " },
  { kind: "text", text: "tab\u000bdán từ Word" },
  { kind: "number", value: 12.5 },
  { kind: "bool", value: true },
  { kind: "formula", formula: '=IF(C4="","",NUMBERVALUE(C4,",","."))' },
  { kind: "formula", formula: "=SUM(A1:A10)+LOG10(B2)" },
  // Row formulas: one object for every row it is written on (its text there: formulaTextAt).
  rowFormula(["=IF(C", '="","",NUMBERVALUE(C', ',",","."))']),
  rowFormula(["=ROUND(B", "-$C$2,2)"]),
];

const STYLES_ASKED: CellStyle[] = [
  { fill: "#FFC7CE" },
  { bold: true, wrap: true },
  { numberFormat: "0.00", horizontalAlignment: "Center" },
  { fill: null, fontColor: "#9C0006" },
];

describe.each([
  ["a sheet with a row out of order", BODY],
  ["a sheet in order", IN_ORDER],
])("%s", (_name, body) => {
  test("setCells leaves what writeInput cell by cell leaves, on every kind of row", async () => {
    const next = random(14);
    for (let round = 0; round < 40; round++) {
      const [ba, a, bb, b] = await twoBooks(body);
      expect(a.cellsInOrder()).toBe(body === IN_ORDER);
      for (let op = 0; op < 3; op++) {
        const top = next(9);
        const left = next(10);
        const lines = Array.from({ length: 1 + next(4) }, () =>
          Array.from({ length: 1 + next(7) }, () => INPUTS[next(INPUTS.length)]),
        );
        setCells(ba, a, top, left, lines);
        lines.forEach((line, r) =>
          line.forEach((v, k) => {
            if (v !== null) writeInput(bb, b, top + r, left + k, v);
          }),
        );
        expect(serializeSheet(a.part)).toBe(serializeSheet(b.part));
      }
      expect(ba.addedStrings).toEqual(bb.addedStrings);
    }
  });

  test("setStyle leaves what styling cell by cell leaves: cells made, spans dropped, styles derived", async () => {
    const next = random(2026);
    for (let round = 0; round < 40; round++) {
      const [ba, a, bb, b] = await twoBooks(body);
      for (let op = 0; op < 3; op++) {
        const ranges = Array.from({ length: 1 + next(3) }, () => ({
          top: next(9),
          left: next(10),
          rows: next(4),
          cols: next(6),
        }));
        const style = STYLES_ASKED[next(STYLES_ASKED.length)];
        setStyle(ba, a, ranges, style);
        setStyleReference(bb, b, ranges, style);
        expect(serializeSheet(a.part)).toBe(serializeSheet(b.part));
        expect(ba.styles.serialize()).toBe(bb.styles.serialize());
      }
    }
  });
});

test("firstAtOrAfter (a row's cell looked for at its column's offset first) and firstInOrder (at a guess) are the first cell at or right of the column", () => {
  const next = random(7);
  for (let round = 0; round < 500; round++) {
    // Dense runs with gaps, starting anywhere: the offset guess hits, misses, or falls outside.
    const cols: number[] = [];
    let col = next(5);
    for (let n = next(12); n > 0; n--) {
      cols.push(col);
      col += next(4) === 0 ? 2 + next(3) : 1;
    }
    const cells = cols.map((c) => ({ col: c }) as CellPart);
    for (let k = 0; k <= col + 2; k++) {
      const linear = cells.findIndex((c) => c.col >= k);
      expect(firstAtOrAfter(cells, k)).toBe(linear < 0 ? cells.length : linear);
      // firstInOrder: the same, whatever index it tries first (the row above's, right or wrong).
      for (let guess = 0; guess <= cells.length + 1; guess++)
        expect(firstInOrder(cells, k, guess)).toBe(linear < 0 ? cells.length : linear);
    }
  }
});

test("a row by hand: a cell made between two, an unstyled one taken by a blank, one with its column's style", async () => {
  const [book, sheet] = await twoBooks();
  setCells(book, sheet, 0, 2, [
    [{ kind: "number", value: 4 }, { kind: "blank" }, { kind: "text", text: "y" }],
  ]);
  // The spans hint goes with the new cells (a hint the new cells may fall outside of).
  expect(serializeRow(sheet.row(0)!)).toBe(
    '<row r="1"><c r="B1" s="1"><v>1</v></c><c r="C1"><v>4</v></c><c r="E1" s="2" t="inlineStr"><is><t>y</t></is></c><c r="H1" s="2" t="inlineStr"><is><t>x</t></is></c></row>',
  );
  // A blank over a styled cell keeps the cell (empty, with its style).
  setCells(book, sheet, 0, 1, [[{ kind: "text", text: "" }]]);
  expect(serializeRow(sheet.row(0)!)).toMatch(/^<row r="1"><c r="B1" s="1"\/><c r="C1">/);
});

test("cells written from their fields: escaped only where needed, column letters past Z", () => {
  const p = parseSheet('<worksheet><sheetData><row r="3"/></sheetData></worksheet>');
  p.rows[0].cells.push(
    { col: 0, s: 0, t: "inlineStr", v: null, f: null, is: 'a & b < c > "d"' },
    { col: 26, s: 3, t: "inlineStr", v: null, f: null, is: " lề " },
    { col: 701, s: 0, t: null, v: "1.5", f: 'IF(A3="x",1,2)' },
    { col: 16383, s: 0, t: "str", v: "Tiêu chí", f: "T(A3)" },
    { col: 16384 + 2, s: 0, t: null, v: null, f: null },
  );
  expect(serializeRow(p.rows[0])).toBe(
    '<row r="3">' +
      '<c r="A3" t="inlineStr"><is><t>a &amp; b &lt; c &gt; &quot;d&quot;</t></is></c>' +
      '<c r="AA3" s="3" t="inlineStr"><is><t xml:space="preserve"> lề </t></is></c>' +
      '<c r="ZZ3"><f>IF(A3=&quot;x&quot;,1,2)</f><v>1.5</v></c>' +
      '<c r="XFD3" t="str"><f>T(A3)</f><v>Tiêu chí</v></c>' +
      '<c r="XFG3"/>' +
      "</row>",
  );
});

test("fitWrappedRows: a row too low for its wrapped text gets the height of its lines, its old height replaced", async () => {
  const long = "chữ ".repeat(10); // 40 characters: 5 lines at 8 a line (column width 8.43)
  const cell = (ref: string) => `<c r="${ref}" s="5" t="inlineStr"><is><t>${long}</t></is></c>`;
  const body =
    "<sheetData>" +
    `<row r="1">${cell("A1")}</row>` +
    `<row r="2" spans="1:1" ht="20" customHeight="1" x14ac:dyDescent="0.25">${cell("A2")}</row>` +
    `<row r="3" customHeight="1" ht="90">${cell("A3")}</row>` +
    `<row r="4" s="2" customFormat="1">${cell("A4")}</row>` +
    `<row r="5" customHeight="0">${cell("A5")}</row>` +
    `<row r="6"><c r="A6" s="5" t="inlineStr"><is><t>ngắn</t></is></c></row>` +
    "</sheetData>";
  const book = await DirectBook.open(await handBook({ sheets: [{ name: "S", body }], styles: STYLES }));
  const sheet = await book.load("S");
  fitWrappedRows(book, sheet, [0, 1, 2, 3, 4, 5, 6]);
  expect(sheet.part.rows.map((r) => r.attrs)).toEqual([
    ' ht="75" customHeight="1"',
    ' spans="1:1" x14ac:dyDescent="0.25" ht="75" customHeight="1"',
    ' customHeight="1" ht="90"',
    ' s="2" customFormat="1" ht="75" customHeight="1"',
    ' ht="75" customHeight="1"',
    "",
  ]);
});

test("RowWalk finds and makes the rows Sheet.row and Sheet.rowFor find and make, in order or not", async () => {
  for (const body of [BODY, IN_ORDER]) {
    const [, a, , b] = await twoBooks(body);
    // Rows asked for from 1 down, some made (every third), on each sheet: by a walk, and one by one.
    const walk = new RowWalk(a, 1);
    for (let r = 1; r < 12; r++) {
      const make = r % 3 === 0;
      const x = make ? walk.rowFor(r) : walk.row(r);
      const y = make ? b.rowFor(r) : b.row(r);
      expect(x?.index).toBe(y?.index);
      expect(x === undefined ? undefined : serializeRow(x)).toBe(
        y === undefined ? undefined : serializeRow(y),
      );
      if (x) expect(a.row(r)).toBe(x);
    }
    expect(serializeSheet(a.part)).toBe(serializeSheet(b.part));
    expect(a.part.rows.map((r) => r.index)).toEqual(b.part.rows.map((r) => r.index));
  }
});
