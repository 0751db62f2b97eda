import {
  columnEditsOf,
  shiftAnchors,
  shiftChartRefs,
  shiftFormula,
  shiftIndex,
  type ColumnEdit,
} from "../../../src/hosts/xlsx/anchors";

const S = "Kết quả";
const edits: ColumnEdit[] = [{ sheet: S, at: 3, count: 2 }];

describe("shifting carried parts with inserted columns", () => {
  test("indices at or right of the insert move; edits apply in order", () => {
    expect([2, 3, 10].map((i) => shiftIndex(i, S, "columns", edits))).toEqual([2, 5, 12]);
    const two: ColumnEdit[] = [
      { sheet: S, at: 3, count: 1 },
      { sheet: S, at: 4, count: 1 }, // sees the first insert: old column 3 is now 4
    ];
    expect(shiftIndex(3, S, "columns", two)).toBe(5);
    expect(shiftIndex(3, "Khác", "columns", two)).toBe(3);
    expect(shiftIndex(3, S, "rows", two)).toBe(3);
    expect(shiftIndex(7, S, "rows", [{ sheet: S, at: 5, count: 3, axis: "rows" }])).toBe(10);
  });

  test("formulas: quoted and plain sheet names, ranges across the insert, other sheets untouched", () => {
    expect(shiftFormula("'Kết quả'!$D$5:$D$20", edits)).toBe("'Kết quả'!$F$5:$F$20");
    expect(shiftFormula("'Kết quả'!$B$5:$E$5", edits)).toBe("'Kết quả'!$B$5:$G$5"); // grows, as in Excel
    expect(shiftFormula("('Kết quả'!$C$1,'Kết quả'!$D$1)", edits)).toBe("('Kết quả'!$C$1,'Kết quả'!$F$1)");
    expect(shiftFormula("Sheet1!$D$5", [{ sheet: "Sheet1", at: 0, count: 1 }])).toBe("Sheet1!$E$5");
    expect(shiftFormula("'Bà''s'!D5", [{ sheet: "Bà's", at: 0, count: 1 }])).toBe("'Bà''s'!E5");
    expect(shiftFormula("Khác!$D$5", edits)).toBe("Khác!$D$5");
    expect(shiftFormula("'Kết quả'!$Z$1", [{ sheet: S, at: 25, count: 2 }])).toBe("'Kết quả'!$AB$1");
  });

  test("chart <c:f> elements (XML-escaped) move; caches and format codes do not", () => {
    const xml = `<c:f>'Kết quả'!$D$2:$D$6</c:f><c:formatCode>0.00</c:formatCode><c:v>D2</c:v><c:f>'A&amp;B'!$D$1</c:f>`;
    expect(shiftChartRefs(xml, [...edits, { sheet: "A&B", at: 0, count: 1 }])).toBe(
      `<c:f>'Kết quả'!$F$2:$F$6</c:f><c:formatCode>0.00</c:formatCode><c:v>D2</c:v><c:f>'A&amp;B'!$E$1</c:f>`,
    );
  });

  test("drawing anchors: from/to columns and rows of the edited sheet only", () => {
    const a = `<xdr:from><xdr:col>2</xdr:col><xdr:colOff>5</xdr:colOff><xdr:row>3</xdr:row></xdr:from><xdr:to><xdr:col>4</xdr:col><xdr:row>9</xdr:row></xdr:to><a:off x="3"/>`;
    expect(shiftAnchors(a, S, edits)).toBe(
      `<xdr:from><xdr:col>2</xdr:col><xdr:colOff>5</xdr:colOff><xdr:row>3</xdr:row></xdr:from><xdr:to><xdr:col>6</xdr:col><xdr:row>9</xdr:row></xdr:to><a:off x="3"/>`,
    );
    expect(shiftAnchors(a, "Khác", edits)).toBe(a);
  });

  test("columnEditsOf takes the whole-column inserts of change sets, in order, not table-only ones", () => {
    const rect = { top: 0, left: 0, rows: 3, cols: 3 };
    const edits2 = columnEditsOf([
      {
        command: "recalc",
        counts: {},
        ops: [
          { op: "insertColumns", sheet: S, at: 4, count: 2 },
          { op: "insertColumns", sheet: S, at: 1, count: 1, table: { name: "T", rect } },
        ],
      },
      { command: "assign", counts: {}, ops: [{ op: "insertColumns", sheet: "Khác", at: 0, count: 1 }] },
    ]);
    expect(edits2).toEqual([
      { sheet: S, at: 4, count: 2 },
      { sheet: "Khác", at: 0, count: 1 },
    ]);
  });
});

test("whole-column and whole-row references move with their axis only", () => {
  expect(shiftFormula("COUNTA('Kết quả'!$D:$D)", edits)).toBe("COUNTA('Kết quả'!$F:$F)");
  expect(shiftFormula("'Kết quả'!$C:$D", edits)).toBe("'Kết quả'!$C:$F");
  expect(shiftFormula("'Kết quả'!$1:$2", edits)).toBe("'Kết quả'!$1:$2");
  expect(shiftFormula("'Kết quả'!$5:$9", [{ sheet: S, at: 6, count: 1, axis: "rows" }])).toBe(
    "'Kết quả'!$5:$10",
  );
});

describe("columns the add-in takes without inserting them (assign writing into empty columns)", () => {
  const anchor = (from: [number, number], to: [number, number]) =>
    `<xdr:twoCellAnchor><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row></xdr:from>` +
    `<xdr:to><xdr:col>${to[0]}</xdr:col><xdr:row>${to[1]}</xdr:row></xdr:to><xdr:graphicFrame/></xdr:twoCellAnchor>`;
  const assign = {
    command: "assign" as const,
    counts: {},
    ops: [
      {
        op: "setCells" as const,
        sheet: S,
        top: 3,
        left: 7,
        cells: Array.from({ length: 20 }, () => [null, null, { kind: "text" as const, text: "x" }]),
      },
      { op: "setColumnWidth" as const, sheet: S, col: 7, width: 28 },
      { op: "setColumnWidth" as const, sheet: S, col: 8, width: 32 },
      { op: "setColumnWidth" as const, sheet: S, col: 9, width: 70 },
    ],
  };

  test("columnEditsOf: widths set on columns no insert made, with the rows written there; row inserts too", () => {
    expect(columnEditsOf([assign])).toEqual([{ sheet: S, at: 7, count: 3, taken: { top: 3, bottom: 22 } }]);
    const inserted = columnEditsOf([
      {
        command: "assign",
        counts: {},
        ops: [{ op: "insertColumns", sheet: S, at: 7, count: 3 }, ...assign.ops],
      },
      { command: "plan", counts: {}, ops: [{ op: "insertRows", sheet: "KH", at: 9, count: 4 }] },
    ]);
    expect(inserted).toEqual([
      { sheet: S, at: 7, count: 3 },
      { sheet: "KH", at: 9, count: 4, axis: "rows" },
    ]);
  });

  test("a chart over the taken cells moves right of them; one beside or below them stays; nothing else moves", () => {
    const edits2 = columnEditsOf([assign]);
    expect(shiftAnchors(anchor([8, 2], [14, 18]), S, edits2)).toBe(anchor([10, 2], [16, 18]));
    expect(shiftAnchors(anchor([11, 2], [14, 18]), S, edits2)).toBe(anchor([11, 2], [14, 18]));
    expect(shiftAnchors(anchor([8, 30], [14, 40]), S, edits2)).toBe(anchor([8, 30], [14, 40]));
    expect(shiftIndex(8, S, "columns", edits2)).toBe(8);
    expect(shiftFormula("'Kết quả'!$I$5", edits2)).toBe("'Kết quả'!$I$5");
  });
});
