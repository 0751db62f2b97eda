import {
  analyzeSheet,
  applyChangeSet,
  evaluateFormula,
  invertChangeSet,
  isAddinRule,
  LEGEND,
  PALETTE,
  planClearHighlight,
  planHighlight,
  planRecalc,
  planRecalcAndHighlight,
  sampleSheet,
  sampleWorkbook,
  shiftFormulaColumns,
  shownFills,
  validateChangeSet,
  type ChangeSet,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../src/core";
import { analyzed, book, byCode, cellMap, seedRows, sheetOf } from "./helpers";

const apply = (ws: WorkbookSnapshot, cs: ChangeSet) => applyChangeSet(ws, cs);
const recalcOf = (s: SheetSnapshot) => planRecalc(s, analyzed(s)).changeSet;

/** Every cell of `before` outside the given columns (after-coordinates) is unchanged in `after`. */
function expectUntouchedOutside(
  before: SheetSnapshot,
  after: SheetSnapshot,
  owned: (col: number) => boolean,
  shift = (c: number) => c,
) {
  const b = cellMap(before);
  const a = cellMap(after);
  for (const [k, v] of b) {
    const [r, c] = k.split(",").map(Number);
    const key = `${r},${shift(c)}`;
    if (owned(shift(c))) continue;
    expect([key, a.get(key)]).toEqual([key, v]);
  }
  for (const k of a.keys()) {
    const c = Number(k.split(",")[1]);
    if (!owned(c))
      expect([...b.keys()].some((bk) => `${bk.split(",")[0]},${shift(Number(bk.split(",")[1]))}` === k)).toBe(
        true,
      );
  }
}

describe("recalc on the seed", () => {
  const ws = sampleWorkbook();
  const a = analyzed(ws.active);
  const plan = planRecalc(ws.active, a);
  const after = apply(ws, plan.changeSet);

  test("inserts one whole column for the percent, after the gap", () => {
    expect(plan.changeSet.ops[0]).toEqual({ op: "insertColumns", sheet: ws.active.name, at: 5, count: 1 });
    expect(after.active.values[2][5]).toBe("Tỷ lệ đạt (%)");
    expect(after.active.values[2 + 17][5]).toBe("Tỷ lệ đạt (%)");
    expect(after.active.values[2][6]).toBe("Nguyên nhân chưa đạt điểm");
  });

  test("gap and percent are live formulas on the row's own cells, reading decimal-comma text", () => {
    const row = byCode(a, "7.2").row;
    const f = after.active.formulas![row][4]!;
    expect(f).toContain(`C${row + 1}`);
    expect(f).toContain(`D${row + 1}`);
    expect(f).toMatch(
      /^=IF\(OR\(C\d+="",D\d+=""\),"",ROUND\(NUMBERVALUE\(C\d+,",","\."\)-NUMBERVALUE\(D\d+,",","\."\),2\)\)$/,
    );
    expect(after.active.values[row][4]).toBe(0.12);
    expect(after.active.values[row][5]).toBe(0.88);
    expect(after.active.numberFormats![row][5]).toBe("0.00%");
  });

  test("the total row becomes formulas over the domain rows", () => {
    const tr = a.total.row!;
    const f = after.active.formulas![tr][2]!;
    for (const code of ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
      expect(f).toContain(`C${byCode(a, code).row + 1}`);
    expect(f).not.toContain(`C${byCode(a, "7.2").row + 1},`);
    expect(after.active.values[tr].slice(2, 6)).toEqual([99.5, 84.87, 14.63, 0.853]);
  });

  test("re-analysing the result gives the same scores, and no issue", () => {
    const b = analyzed(after.active);
    expect(b.total).toMatchObject({ max: 99.5, achieved: 84.87, gap: 14.63, percent: 85.3 });
    expect(b.rows.map((r) => [r.code, r.gap, r.percent])).toEqual(
      a.rows.map((r) => [r.code, r.gap, r.percent]),
    );
    expect(b.issues).toEqual([]);
  });

  test("nothing changes outside the gap and percent columns and the total row", () => {
    const tr = a.total.row!;
    const owned = (c: number) => c === 4 || c === 5;
    const before = {
      ...ws.active,
      values: ws.active.values.map((r, i) =>
        i === tr ? r.map((v, j) => (j === 2 || j === 3 ? null : v)) : r,
      ),
    };
    const afterNoTotal = {
      ...after.active,
      values: after.active.values.map((r, i) =>
        i === tr ? r.map((v, j) => (j === 2 || j === 3 ? null : v)) : r,
      ),
      formulas: after.active.formulas!.map((r, i) =>
        i === tr ? r.map((v, j) => (j === 2 || j === 3 ? null : v)) : r,
      ),
      numberFormats: after.active.numberFormats!.map((r, i) =>
        i === tr ? r.map((v, j) => (j === 2 || j === 3 ? null : v)) : r,
      ),
    };
    expectUntouchedOutside(before, afterNoTotal, owned, (c) => (c >= 5 ? c + 1 : c));
  });

  test("twice = once", () => {
    const again = planRecalc(after.active, analyzed(after.active)).changeSet;
    expect(again.ops.some((o) => o.op === "insertColumns")).toBe(false);
    const twice = apply(after, again);
    expect(cellMap(twice.active)).toEqual(cellMap(after.active));
  });

  test("undo restores the snapshot exactly", () => {
    const undo = invertChangeSet(ws, plan.changeSet);
    const back = apply(after, undo);
    expect(cellMap(back.active)).toEqual(cellMap(ws.active));
  });
});

describe("recalc variants", () => {
  test("no gap and no percent column: two whole columns after the achieved one", () => {
    const s = sheetOf(seedRows().map((r) => [r[0], r[1], r[2], r[3], r[5]]));
    const cs = recalcOf(s);
    expect(cs.ops[0]).toEqual({ op: "insertColumns", sheet: "Sheet1", at: 4, count: 2 });
    const after = apply(book(s), cs).active;
    expect(after.values[0].slice(4)).toEqual([
      "Chưa đạt so với điểm tối đa",
      "Tỷ lệ đạt (%)",
      "Nguyên nhân chưa đạt điểm",
    ]);
    expect(analyzed(after).total.gap).toBe(14.63);
  });

  test("numbers as numbers give plain references; a 0-100 percent column stays 0-100", () => {
    const s = sheetOf([
      ["Code", "Criterion", "Max score", "Score", "Gap", "Percent"],
      [1, "A", 2, 1.5, 0.5, 75],
      [2, "B", 3, 0, 3, 0],
    ]);
    const cs = recalcOf(s);
    const after = apply(book(s), cs).active;
    expect(after.formulas![1][4]).toBe('=IF(OR(C2="",D2=""),"",ROUND(C2-D2,2))');
    expect(after.formulas![1][5]).toBe('=IF(OR(C2="",D2="",C2=0),"",ROUND(D2/C2*100,2))');
    expect(after.values.map((r) => r[5])).toEqual(["Percent", 75, 0]);
  });

  test("an Excel table gets a table column, not a sheet column", () => {
    const s = sheetOf(
      seedRows()
        .slice(0, 5)
        .map((r) => [r[0], r[1], r[2], r[3], r[5]]),
      { top: 3, left: 1 },
    );
    s.tables = [{ name: "KetQua", rect: { top: 3, left: 1, rows: 5, cols: 5 }, showHeaders: true }];
    const cs = recalcOf(s);
    expect(cs.ops[0]).toEqual({
      op: "insertColumns",
      sheet: "Sheet1",
      at: 5,
      count: 2,
      table: { name: "KetQua", rect: { top: 3, left: 1, rows: 5, cols: 5 } },
    });
    const after = apply(book(s), cs).active;
    expect(after.tables![0].rect).toEqual({ top: 3, left: 1, rows: 5, cols: 7 });
  });

  test("an unscored row gets a guarded formula that stays empty; a bad cell is left alone", () => {
    const s = sheetOf([
      ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Điểm chưa đạt"],
      ["1", "A", "1", "", "ghi chú"],
      ["2", "B", "abc", "1", "giữ nguyên"],
    ]);
    const after = apply(book(s), recalcOf(s)).active;
    expect(after.values[1][4]).toBeNull();
    expect(after.formulas![1][4]).toContain('D2=""');
    expect(after.values[2][4]).toBe("giữ nguyên");
  });

  test("formulas of the user's move with an inserted column, as in Excel", () => {
    const s = sheetOf([
      ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Ghi chú"],
      ["1", "A", 2, 1, null],
    ]);
    s.formulas = [
      [null, null, null, null, null],
      [null, null, null, null, '=C2&"/"&E3'],
    ];
    const after = apply(book(s), recalcOf(s)).active;
    expect(after.formulas![1][6]).toBe('=C2&"/"&G3');
  });
});

describe("highlight and clear-highlight", () => {
  const ws = sampleWorkbook();
  const a = analyzed(ws.active);
  const shown = (s: SheetSnapshot) => shownFills(s);
  const USER_RULE = {
    ranges: [{ top: 0, left: 0, rows: 1, cols: 2 }],
    formula: '=$A$1<>""',
    fill: "#00B0F0",
  };

  test("colours unmet rows by status through live rules, the cells' own fills untouched, with a legend", () => {
    const cs = planHighlight(ws.active, a);
    const after = apply(ws, cs).active;
    const fill = (code: string, col = 1) => shown(after)[byCode(a, code).row][col];
    expect(fill("1.6.2")).toBe(PALETTE.zero);
    expect(fill("3.5.3", 0)).toBe(PALETTE.partial);
    expect(fill("3.5.3", 5)).toBe(PALETTE.partial);
    expect(fill("2")).toBeNull();
    expect(shown(after)[byCode(a, "6.4").continuationRows[0]][1]).toBe(PALETTE.zero);
    expect(cs.counts.highlighted).toBe(25);
    // No fixed fill on the table: the colour is the rules'.
    for (let r = a.table.headerRow; r <= a.table.lastRow; r++)
      expect(after.fills![r].every((f) => f === null)).toBe(true);
    expect(after.conditionalFormats!.every(isAddinRule)).toBe(true);
    const legendRow = a.table.lastRow + 2;
    expect(after.values[legendRow][0]).toBe(LEGEND.vi.title);
    expect(after.fills![legendRow + 1][0]).toBe(PALETTE.zero);
    expect(after.values[legendRow + 1][1]).toBe(LEGEND.vi.zero);
  });

  test("an edit re-colours at once, without running highlight again", () => {
    const once = apply(ws, planHighlight(ws.active, a));
    const row = byCode(a, "1.6.2").row;
    expect(shown(once.active)[row][1]).toBe(PALETTE.zero);
    const max = Number(String(once.active.values[row][2]).replace(",", "."));
    const edit = (v: number): ChangeSet => ({
      command: "assign",
      ops: [
        {
          op: "setCells",
          sheet: once.active.name,
          top: row,
          left: 3,
          cells: [[{ kind: "number", value: v }]],
        },
      ],
      counts: {},
    });
    expect(shown(apply(once, edit(max)).active)[row][1]).toBeNull();
    expect(shown(apply(once, edit(max / 2)).active)[row][1]).toBe(PALETTE.partial);
  });

  test("twice = once: the second run writes no rule", () => {
    const once = apply(ws, planHighlight(ws.active, a));
    const cs2 = planHighlight(once.active, analyzed(once.active));
    expect(cs2.ops.some((o) => o.op === "addConditionalFormats" || o.op === "removeConditionalFormats")).toBe(
      false,
    );
    const twice = apply(once, cs2);
    expect(cellMap(twice.active)).toEqual(cellMap(once.active));
    expect(twice.active.conditionalFormats).toEqual(once.active.conditionalFormats);
  });

  test("clear removes the add-in's rules and old fills only: the user's fills and rules stay", () => {
    const s: SheetSnapshot = {
      ...ws.active,
      fills: ws.active.values.map((r, i) => r.map(() => (i === 2 ? "#DDEBF7" : null))),
      conditionalFormats: [USER_RULE],
    };
    const row = byCode(a, "4.2").row;
    s.fills![row][1] = "#00B050";
    // An earlier release's fixed fill on a row.
    s.fills![row][2] = PALETTE.partial;
    const hl = apply(book(s), planHighlight(s, analyzed(s)));
    expect(hl.active.fills![row][1]).toBe("#00B050");
    expect(hl.active.fills![row][2]).toBeNull();
    expect(hl.active.conditionalFormats![0]).toEqual(USER_RULE);
    const cleared = apply(hl, planClearHighlight(hl.active, analyzed(hl.active), s));
    expect(cleared.active.conditionalFormats).toEqual([USER_RULE]);
    expect(cleared.active.fills![row][1]).toBe("#00B050");
    expect(cleared.active.fills![2][0]).toBe("#DDEBF7");
    expect(cleared.active.values.flat()).not.toContain(LEGEND.vi.title);
  });

  test("the legend moves down when cells under the table are taken", () => {
    const s = sheetOf([...seedRows(), [], ["Người lập biểu"]]);
    const cs = planHighlight(s, analyzed(s));
    const legend = cs.ops.find((o) => o.op === "setCells");
    expect(legend && legend.op === "setCells" && legend.top).toBeGreaterThan(analyzed(s).table.lastRow + 3);
  });

  test("the legend avoids empty cells the user formatted or gave a list", () => {
    const s = sheetOf([...seedRows(), [], [], [], [], [], []]);
    const t = analyzed(s).table;
    s.fills = s.values.map((r, i) => r.map((_, j) => (i === t.lastRow + 2 && j === 0 ? "#FFFF00" : null)));
    s.validations = [{ rect: { top: t.lastRow + 4, left: 1, rows: 1, cols: 1 }, list: ["a", "b"] }];
    const cs = planHighlight(s, analyzed(s));
    const legend = cs.ops.find((o) => o.op === "setCells");
    expect(legend && legend.op === "setCells" && legend.top).toBeGreaterThan(t.lastRow + 4);
  });

  test("Recalculate = recalc + highlight in one change set: rules read the new gap and percent cells", () => {
    const cs = planRecalcAndHighlight(ws.active, a);
    const after = apply(ws, cs);
    expect(shown(after.active)[byCode(a, "4.2").row][6]).toBe(PALETTE.partial);
    expect(shown(after.active)[byCode(a, "4.2").row][7] ?? null).toBeNull();
    expect(after.active.conditionalFormats!.some((r) => r.formula.includes("$F"))).toBe(true);
    expect(validateChangeSet(ws, cs)).toEqual({ ok: true });
    const back = apply(after, invertChangeSet(ws, cs));
    expect(cellMap(back.active)).toEqual(cellMap(ws.active));
    expect(back.active.conditionalFormats ?? []).toEqual([]);
  });
});

describe("formula evaluator", () => {
  const get = (_s: string | null, r: number, c: number) => [[1, "9,50", null, "x"]][r]?.[c] ?? null;
  test.each([
    ["=ROUND(1-0.88,2)", 0.12],
    ['=NUMBERVALUE(B1,",",".")', 9.5],
    ['=NUMBERVALUE("9.50",".",",")', 9.5],
    ['=_xlfn.NUMBERVALUE("9,50",",",".")', 9.5],
    ['=IF(C1="","",1)', ""],
    ['=IF(OR(A1="",C1=""),"",2)', ""],
    ["=SUM(A1:C1)", 1],
    ["=A1/0", "#DIV/0!"],
    ["=D1+1", "#VALUE!"],
    ['=IF(A1=0,"",ROUND(A1/3,4))', 0.3333],
    ["=-A1+2*3", 5],
  ])("%s → %p", (f, v) => expect(evaluateFormula(f, get)).toBe(v));

  test("column references move past an insertion, strings and other sheets stay", () => {
    expect(shiftFormulaColumns('=C5-D5&"E5"', "S", "S", 3, 2)).toBe('=C5-F5&"E5"');
    expect(shiftFormulaColumns("='Kế hoạch'!D2+D2", "S", "S", 3, 1)).toBe("='Kế hoạch'!D2+E2");
    expect(shiftFormulaColumns("=S!D2+SUM(A1:E1)", "S", "T", 3, 1)).toBe("=S!E2+SUM(A1:E1)");
    expect(shiftFormulaColumns("=SUM($A$1:$E$1)", "S", "S", 2, 1)).toBe("=SUM($A$1:$F$1)");
  });
});

test("a change set naming a missing sheet is refused before anything is written", () => {
  const cs: ChangeSet = {
    command: "recalc",
    ops: [{ op: "setCells", sheet: "Nope", top: 0, left: 0, cells: [[null]] }],
    counts: {},
  };
  const v = validateChangeSet(sampleWorkbook(), cs);
  expect(v.ok).toBe(false);
  expect(analyzeSheet(sampleSheet()).ok).toBe(true);
});

describe("column inserts and deletes move what Excel moves", () => {
  test("references into deleted columns become #REF!, ranges shrink, whole columns move", () => {
    expect(shiftFormulaColumns("=C2-D2", "S", "S", 3, -2)).toBe("=C2-#REF!");
    expect(shiftFormulaColumns("=SUM(D2:E2)", "S", "S", 3, -2)).toBe("=SUM(#REF!)");
    expect(shiftFormulaColumns("=SUM(C2:F2)", "S", "S", 3, -2)).toBe("=SUM(C2:D2)");
    expect(shiftFormulaColumns("=COUNTA(F:F)", "S", "S", 5, 1)).toBe("=COUNTA(G:G)");
    expect(shiftFormulaColumns("=SUM($F:$G)+TRUE", "S", "S", 5, 1)).toBe("=SUM($G:$H)+TRUE");
    expect(shiftFormulaColumns("=S!C4+C4", "S", "T", 2, 1)).toBe("=S!D4+C4");
  });

  test("cells inserted in a table's rows move only references in those rows", () => {
    expect(shiftFormulaColumns("=C4+C2", "S", "S", 2, 1, { top: 0, bottom: 1 })).toBe("=C4+D2");
    const s = sheetOf([["a", "b", "c", "d"], [1, 2, 3, 4], [], ["", "", "ngoài bảng"], ["x"]], { name: "S" });
    s.formulas = s.values.map((r, i) => r.map((_, j) => (i === 4 && j === 0 ? "=C4" : null)));
    s.tables = [{ name: "T", rect: { top: 0, left: 0, rows: 2, cols: 4 }, showHeaders: true }];
    const after = applyChangeSet(book(s), {
      command: "recalc",
      ops: [
        {
          op: "insertColumns",
          sheet: "S",
          at: 2,
          count: 1,
          table: { name: "T", rect: { top: 0, left: 0, rows: 2, cols: 4 } },
        },
      ],
      counts: {},
    }).active;
    expect(after.formulas![4][0]).toBe("=C4");
    expect(after.values[4][0]).toBe("ngoài bảng");
  });

  test("undoing a column deletion brings back its width, validation and table", () => {
    const s = sheetOf([["a", "b", "c"]], { name: "S" });
    s.columnWidths = { 1: 30 };
    s.validations = [{ rect: { top: 1, left: 1, rows: 2, cols: 1 }, list: ["X", "Y"] }];
    s.tables = [{ name: "T", rect: { top: 0, left: 1, rows: 1, cols: 1 }, showHeaders: true }];
    const ws = book(s);
    const cs: ChangeSet = {
      command: "undo",
      ops: [{ op: "deleteColumns", sheet: "S", at: 1, count: 1 }],
      counts: {},
    };
    const back = applyChangeSet(applyChangeSet(ws, cs), invertChangeSet(ws, cs)).active;
    expect(back.columnWidths).toEqual({ 1: 30 });
    expect(back.validations).toEqual(s.validations);
    expect(back.tables).toEqual([
      expect.objectContaining({ name: "T", rect: { top: 0, left: 1, rows: 1, cols: 1 } }),
    ]);
    expect(back.values).toEqual(s.values);
  });
});
