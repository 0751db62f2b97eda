/**
 * Issue 9 §1, §2, §4 and issue 11 §3, §4, §5: the engine is right or loudly unsure. Each test fails
 * without the change it names.
 */
import {
  analyzeSheet,
  applyChangeSet,
  issueMessage,
  planRecalc,
  type Analysis,
  type CellValue,
  type ChangeSet,
  type SheetSnapshot,
} from "../../src/core";
import { findTables } from "../../src/core/table";
import { analyzed, book, byCode, sheetOf } from "./helpers";

type Row = CellValue[];
const HEADER: Row = ["TT", "Lĩnh vực/tiêu chí/tiêu chí thành phần", "Điểm tối đa", "Điểm đạt được"];
/** Four domains, each with one criterion: 40 / 34,50. */
const DOMAINS: Row[][] = [
  [
    ["1", "CÔNG TÁC CHỈ ĐẠO", "10,00", "9,00"],
    ["1.1", "Kế hoạch", "10,00", "9,00"],
  ],
  [
    ["2", "CẢI CÁCH THỂ CHẾ", "10,00", "8,50"],
    ["2.1", "Văn bản", "10,00", "8,50"],
  ],
  [
    ["3", "THỦ TỤC HÀNH CHÍNH", "10,00", "10,00"],
    ["3.1", "Công khai", "10,00", "10,00"],
  ],
  [
    ["4", "TỔ CHỨC BỘ MÁY", "10,00", "7,00"],
    ["4.1", "Sắp xếp", "10,00", "7,00"],
  ],
];
const TOTAL: Row = [null, "TỔNG ĐIỂM", "40,00", "34,50"];
const TITLE: Row[] = [["UBND XÃ TÂN HÒA"], ["BẢNG TỔNG HỢP KẾT QUẢ NĂM 2025"], []];

/** Title, header, the domains with `between` rows after domain 2, the total, then `below`. */
function table(o: { header?: Row[]; between?: Row[]; total?: Row | null; below?: Row[] } = {}): Row[] {
  return [
    ...TITLE,
    ...(o.header ?? [HEADER]),
    ...DOMAINS[0],
    ...DOMAINS[1],
    ...(o.between ?? []),
    ...DOMAINS[2],
    ...DOMAINS[3],
    ...(o.total === null ? [] : [o.total ?? TOTAL]),
    ...(o.below ?? []),
  ].map((r) => [...r]);
}
const SIGNATURE: Row[] = [
  [],
  [null, "Người lập biểu", null, "CHỦ TỊCH"],
  [],
  [null, "Nguyễn Văn An", null, "Trần Bình"],
];

const kinds = (a: Analysis) => a.issues.map((i) => i.kind);
const blank = (n: number): Row[] => Array.from({ length: n }, () => []);

/** The sheet after a change set, as the in-memory model computes it (formulas evaluated). */
function after(sheet: SheetSnapshot, cs: ChangeSet): SheetSnapshot {
  return applyChangeSet(book(sheet), cs).active;
}
const valueAt = (s: SheetSnapshot, row: number, col: number) => s.values[row - s.top]?.[col - s.left] ?? null;
const formulaAt = (s: SheetSnapshot, row: number, col: number) =>
  s.formulas?.[row - s.top]?.[col - s.left] ?? null;

describe("issue 9 §1: the table's extent is right or questioned", () => {
  const expectWhole = (a: Analysis) => {
    expect(a.total).toMatchObject({ max: 40, achieved: 34.5, complete: true, agrees: true });
    expect(a.rows.map((r) => r.code)).toEqual(["1", "1.1", "2", "2.1", "3", "3.1", "4", "4.1"]);
    expect(a.issues).toEqual([]);
  };

  test("three blank rows at a page break do not end the table", () => {
    expectWhole(analyzed(sheetOf(table({ between: blank(3) }))));
  });

  test("a repeated header worded differently is skipped, not a new table", () => {
    const a = analyzed(sheetOf(table({ between: [[], ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt"]] })));
    expectWhole(a);
    expect(a.skipped.filter((s) => s.why === "header").map((s) => s.row)).toEqual([3 + 1 + 4 + 1]);
  });

  test("a lone continuation line joins the row above", () => {
    const a = analyzed(sheetOf(table({ between: [[null, "(gồm cả văn bản cấp xã)"]] })));
    expectWhole(a);
    expect(byCode(a, "2.1").name).toBe("Văn bản (gồm cả văn bản cấp xã)");
  });

  test("a percent column typed as text «95,00%» is read", () => {
    const rows = table().map((r, i) =>
      i === 3 ? [...r, "Tỷ lệ đạt (%)"] : r.length === 4 && i > 3 ? [...r, "95,00%"] : r,
    );
    const a = analyzed(sheetOf(rows));
    expect(a.table.columns.percent).toBe(4);
    expect(a.total).toMatchObject({ max: 40, achieved: 34.5 });
    expect(a.rows).toHaveLength(8);
  });

  test("a two-row header («Điểm» over «Tối đa | Đạt được») is found, and its repeat is skipped", () => {
    const two: Row[] = [
      ["TT", "Lĩnh vực/tiêu chí", "Điểm", null, "Ghi chú"],
      [null, null, "Tối đa", "Đạt được", null],
    ];
    const a = analyzed(sheetOf(table({ header: two, between: [[], ...two] })));
    expect(a.table).toMatchObject({ headerTop: 3, headerRow: 4, firstRow: 5 });
    expect(a.table.columns).toMatchObject({ code: 0, name: 1, max: 2, achieved: 3 });
    expectWhole(a);
    expect(a.skipped.filter((s) => s.why === "header")).toHaveLength(2);
  });

  test("the form's column-number row «(1) (2) (3) (4)» is not a criterion, and stays one after recalc", () => {
    const s = sheetOf(table({ header: [HEADER, ["(1)", "(2)", "(3)", "(4)"]] }));
    const a = analyzed(s);
    expectWhole(a);
    const out = after(s, planRecalc(s, a).changeSet);
    expect(out.values[4].slice(0, 6)).toEqual(["(1)", "(2)", "(3)", "(4)", null, null]);
    expectWhole(analyzed(out));
  });

  test("without a total row the signature block ends the table", () => {
    const a = analyzed(sheetOf(table({ total: null, between: blank(3), below: SIGNATURE })));
    expect(a.table.lastRow).toBe(3 + 1 + 8 + 3 - 1);
    expect(a.total).toMatchObject({ max: 40, achieved: 34.5, row: null });
    expect(a.issues).toEqual([]);
  });

  test("rows below a long empty stretch are not cut silently: rows-below-table names them", () => {
    const a = analyzed(sheetOf(table({ between: blank(20) })));
    expect(a.rows.map((r) => r.code)).toEqual(["1", "1.1", "2", "2.1"]);
    const issue = a.issues.find((i) => i.kind === "rows-below-table");
    expect(issue?.data).toMatchObject({ count: 5 });
    expect(issue?.row).toBe(3 + 1 + 4 + 20);
    expect(a.total.complete).toBe(false);
    expect(issueMessage(issue!, "vi")).toContain("Dòng 29");
    expect(issueMessage(issue!, "en")).toMatch(/5 rows below/);
  });

  test("the same header under a title of its own starts another table (last year's, stacked below)", () => {
    const lastYear: Row[] = [[], ["BẢNG KẾT QUẢ CHỈ SỐ CCHC NĂM 2024"], [], HEADER, ...DOMAINS[0]];
    const tables = findTables(sheetOf(table({ total: null, below: lastYear })));
    expect(tables.map((t) => [t.headerRow, t.lastRow])).toEqual([
      [3, 11],
      [15, 17],
    ]);
  });

  test("a wrapped name «(so với năm 2021)» just above a repeated header is not a title", () => {
    const between: Row[] = [
      [null, "(so với năm 2021, cả cấp xã)"],
      [],
      ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt"],
    ];
    expectWhole(analyzed(sheetOf(table({ between }))));
  });

  test("another table's header below ends the table", () => {
    const other: Row[] = [
      [],
      ["STT", "Nội dung", "Ghi chú", "Điểm tối đa", "Điểm đạt"],
      ["1", "X", null, "1", "1"],
    ];
    const tables = findTables(sheetOf(table({ total: null, below: other })));
    expect(tables.map((t) => [t.headerRow, t.lastRow])).toEqual([
      [3, 11],
      [13, 14],
    ]);
    expect(tables[0].rowsBelow).toBeUndefined();
  });
});

describe("issue 9 §2: the official total is never replaced silently", () => {
  const totalCells = (cs: ChangeSet, row: number) =>
    cs.ops.filter((o) => o.op === "setCells" && o.top === row && (o.left === 2 || o.left === 3));

  test("stated = recomputed and every row read: the total row becomes formulas (nothing visible changes)", () => {
    const s = sheetOf(table());
    const a = analyzed(s);
    const cs = planRecalc(s, a).changeSet;
    expect(totalCells(cs, a.total.row!)).toHaveLength(2);
    expect(cs.counts.totalReplaced).toBe(1);
    const out = after(s, cs);
    expect(valueAt(out, a.total.row!, 3)).toBe(34.5);
    expect(formulaAt(out, a.total.row!, 3)).toMatch(/^=ROUND\(/);
  });

  test("a stated total that differs stays; the recomputed figure is written beside it; the issue carries both", () => {
    const s = sheetOf(table({ total: [null, "TỔNG ĐIỂM", "40,00", "35,00"] }));
    const a = analyzed(s);
    expect(a.total).toMatchObject({ achieved: 34.5, official: { max: 40, achieved: 35 }, agrees: false });
    const issue = a.issues.find((i) => i.kind === "stated-total-differs" && i.column === "achieved")!;
    expect(issue.data).toMatchObject({ stated: 35, computed: 34.5, statedMax: 40, computedMax: 40 });
    const cs = planRecalc(s, a).changeSet;
    expect(totalCells(cs, a.total.row!)).toEqual([]);
    const out = after(s, cs);
    expect(valueAt(out, a.total.row!, 3)).toBe("35,00");
    // Gap and percent columns were inserted at E and F: the label goes right of the table, in G.
    expect(valueAt(out, a.total.row!, 6)).toBe("Tính lại: 34,50 / 40,00");
    expect(planRecalc(s, a, { lang: "en" }).changeSet.ops).toContainEqual(
      expect.objectContaining({
        top: a.total.row,
        left: 6,
        cells: [[{ kind: "text", text: "Recalculated: 34.50 / 40.00" }]],
      }),
    );
  });

  test("replaceTotal writes the formulas anyway, and the old label goes", () => {
    const s = sheetOf(table({ total: [null, "TỔNG ĐIỂM", "40,00", "35,00"] }));
    const first = after(s, planRecalc(s, analyzed(s)).changeSet);
    const a2 = analyzed(first);
    const out = after(first, planRecalc(first, a2, { replaceTotal: true }).changeSet);
    expect(valueAt(out, a2.total.row!, 3)).toBe(34.5);
    expect(valueAt(out, a2.total.row!, 6)).toBeNull();
  });

  test("a row that was not read keeps the stated total even when it agrees with the rest", () => {
    const rows = table({ total: [null, "TỔNG ĐIỂM", "40,00", "34,50"] });
    rows[3 + 2][3] = "chín"; // 1.1's achieved: unreadable
    const s = sheetOf(rows);
    const a = analyzed(s);
    expect(a.total.complete).toBe(false);
    expect(totalCells(planRecalc(s, a).changeSet, a.total.row!)).toEqual([]);
  });

  test("a row the engine cannot place (numbers, no code) never adds into the total", () => {
    const a = analyzed(sheetOf(table({ between: [[null, "Cộng lĩnh vực 1-2", "20,00", "17,50"]] })));
    expect(a.total).toMatchObject({ max: 40, achieved: 34.5, complete: false });
    expect(kinds(a)).toEqual(["unclassified-row"]);
    expect(a.rows.find((r) => r.unclassified)?.name).toBe("Cộng lĩnh vực 1-2");
  });
});

describe("issue 11 §4: bonus and penalty", () => {
  const block: Row[] = [
    [null, "Điểm thưởng", "2,00", "1,50"],
    [null, "Điểm trừ", null, "-0,50"],
  ];

  test("above the total: max without the bonus, achieved + bonus − penalty, compared with the stated total", () => {
    const rows = [...table({ total: null }), ...block, [null, "TỔNG ĐIỂM", "40,00", "35,50"]];
    const s = sheetOf(rows);
    const a = analyzed(s);
    expect(a.total).toMatchObject({
      max: 40,
      achieved: 35.5,
      bonus: 1.5,
      penalty: 0.5,
      adjustments: "above",
      agrees: true,
    });
    expect(a.issues).toEqual([]);
    expect(a.rows.filter((r) => r.adjust).map((r) => [r.adjust, r.gap])).toEqual([
      ["bonus", null],
      ["penalty", null],
    ]);
    // The total formula says what it adds: the bonus and penalty cells are in it.
    const out = after(s, planRecalc(s, a).changeSet);
    const tr = a.total.row!;
    expect(formulaAt(out, tr, 3)).toMatch(/\+ABS\(.*D13.*\)-ABS\(.*D14.*\)/);
    expect(valueAt(out, tr, 3)).toBe(35.5);
    expect(valueAt(out, tr, 2)).toBe(40);
  });

  test("a penalty counts by its size, written 0,5 or −0,5", () => {
    const rows = [
      ...table({ total: null }),
      [null, "Điểm trừ", null, "0,50"],
      [null, "TỔNG ĐIỂM", "40,00", "34,00"],
    ];
    expect(analyzed(sheetOf(rows)).total).toMatchObject({ achieved: 34, penalty: 0.5, agrees: true });
  });

  test("below a total that equals Σ domains: an adjustment after it, the final score apart, no difference", () => {
    const a = analyzed(sheetOf(table({ below: [[], ...block] })));
    expect(a.total).toMatchObject({
      achieved: 34.5,
      final: 35.5,
      adjustments: "below",
      bonus: 1.5,
      penalty: 0.5,
    });
    expect(a.issues).toEqual([]);
    expect(a.rows.filter((r) => r.adjust !== null)).toHaveLength(2);
  });

  test("the stated final score under the block is checked against total + bonus − penalty", () => {
    const final = (x: string): Row[] => [[], ...block, [null, "Tổng điểm sau khi cộng, trừ", null, x]];
    const ok = analyzed(sheetOf(table({ below: final("35,50") })));
    expect(ok.total.final).toBe(35.5);
    expect(ok.issues).toEqual([]);
    expect(ok.table.lastRow).toBe(3 + 1 + 8 + 1 + 3 + 1 - 1);
    const wrong = analyzed(sheetOf(table({ below: final("36,00") })));
    expect(wrong.issues.map((i) => [i.kind, i.row, i.data.stated, i.data.computed])).toEqual([
      ["stated-total-differs", 16, 36, 35.5],
    ]);
  });

  test("a coded ninth block «ĐIỂM THƯỞNG, ĐIỂM TRỪ» with its rows", () => {
    const rows = [
      ...table({ total: null }),
      ["5", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", null, null],
      ["5.1", "Điểm thưởng: sáng kiến cải cách hành chính", "2,00", "1,00"],
      ["5.2", "Điểm trừ: vi phạm kỷ luật", null, "1,00"],
      [null, "TỔNG ĐIỂM", "40,00", "34,50"],
    ];
    const a = analyzed(sheetOf(rows));
    expect(a.total).toMatchObject({ max: 40, achieved: 34.5, bonus: 1, penalty: 1, agrees: true });
    expect(a.total.parts.map((i) => a.rows[i].code)).toEqual(["1", "2", "3", "4"]);
  });
});

describe("issue 9 §4: numbers", () => {
  test("non-breaking and thin spaces: read, and the written formulas evaluate (no #VALUE!)", () => {
    const rows = table().map((r, i) =>
      i > 3 ? r.map((c, j) => (j >= 2 && typeof c === "string" ? `${c}\u00a0` : c)) : r,
    );
    rows[5][2] = "10,00\u2009";
    const s = sheetOf(rows);
    const a = analyzed(s);
    expect(a.total).toMatchObject({ max: 40, achieved: 34.5, agrees: true, complete: true });
    const out = after(s, planRecalc(s, a).changeSet);
    expect(valueAt(out, 5, 4)).toBe(1); // 1.1's gap
    expect(valueAt(out, 5, 5)).toBe(0.9);
    expect(formulaAt(out, 5, 4)).toContain("SUBSTITUTE(");
    expect(valueAt(out, a.total.row!, 4)).toBe(5.5);
  });

  test("thousands separators «1.000,00» and «1,000.00» are read", () => {
    const ten = (c: CellValue) =>
      typeof c === "string" && /^\d+,\d\d$/.test(c) ? Number(c.replace(",", ".")) * 100 : c;
    const vi = table().map((r) =>
      r.map((c) => {
        const n = ten(c);
        return typeof n === "number" ? n.toLocaleString("de-DE", { minimumFractionDigits: 2 }) : n;
      }),
    );
    const en = table().map((r) =>
      r.map((c) => {
        const n = ten(c);
        return typeof n === "number" ? n.toLocaleString("en-US", { minimumFractionDigits: 2 }) : n;
      }),
    );
    for (const rows of [vi, en]) {
      const a = analyzed(sheetOf(rows));
      expect(a.total).toMatchObject({ max: 4000, achieved: 3450, agrees: true });
      expect(a.issues).toEqual([]);
    }
  });

  test("units «11,50 điểm», «9,5đ» are read; their rows get numbers, never a formula over the text", () => {
    const rows = table().map((r, i) =>
      i > 3 ? r.map((c, j) => (j >= 2 && typeof c === "string" ? `${c} điểm` : c)) : r,
    );
    rows[5][3] = "9đ";
    const s = sheetOf(rows);
    const a = analyzed(s);
    expect(a.total).toMatchObject({ max: 40, achieved: 34.5 });
    expect(a.issues).toEqual([]);
    const out = after(s, planRecalc(s, a).changeSet);
    expect(valueAt(out, 5, 4)).toBe(1);
    for (let r = 4; r <= a.total.row!; r++) expect(String(valueAt(out, r, 4) ?? "")).not.toMatch(/#/);
  });

  test("a criterion formula with no cached value is evaluated, not read as 0", () => {
    const s = sheetOf(table());
    s.values[4][3] = null; // domain 1's achieved: =D6, no cached value
    s.formulas = s.values.map((r) => r.map(() => null));
    s.formulas[4][3] = "=SUM(D6:D6)+0";
    s.values[5][3] = 9;
    const a = analyzed(s);
    expect(byCode(a, "1").achieved).toBe(9);
    expect(a.total.achieved).toBe(34.5);
  });

  test('an uncached formula whose result is empty («IF(…,"",…)») is a blank cell, not a warning', () => {
    const s = sheetOf(table());
    s.formulas = s.values.map((r) => r.map(() => null));
    s.values[4][2] = null;
    s.formulas[4][2] = '=IF(1=1,"",10)';
    const a = analyzed(s);
    expect(kinds(a)).toEqual([]);
    expect(byCode(a, "1").derived).toBe(true);
  });

  test("a formula the evaluator cannot calculate is flagged formula-not-calculated and left out", () => {
    const s = sheetOf(table());
    s.values[5][3] = null;
    s.formulas = s.values.map((r) => r.map(() => null));
    s.formulas[5][3] = "=VLOOKUP(A6,'Khác'!A:B,2,0)";
    const a = analyzed(s);
    expect(kinds(a)).toContain("formula-not-calculated");
    expect(byCode(a, "1.1").achieved).toBeNull();
    expect(a.total.complete).toBe(false);
    expect(issueMessage(a.issues[0], "vi")).toContain("chưa được tính");
  });
});

describe("issue 11 §3: self-assessed and appraised columns", () => {
  const header: Row = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"];
  const rows = (cells: [string, string, string, string | null, string | null][]): Row[] => [header, ...cells];

  test("the appraised score is achieved, self kept with the difference per row and in total", () => {
    const a = analyzed(
      sheetOf(
        rows([
          ["1", "A", "10", "10", "9"],
          ["2", "B", "10", "8", "8"],
          ["", "Tổng điểm", "20", "18", "17"],
        ]),
      ),
    );
    expect(a.table.columns).toMatchObject({ max: 2, self: 3, achieved: 4 });
    expect(a.rows.map((r) => [r.achieved, r.self, r.selfDiff])).toEqual([
      [9, 10, 1],
      [8, 8, 0],
    ]);
    expect(a.total).toMatchObject({ achieved: 17, self: 18 });
    expect(a.issues).toEqual([]);
  });

  test("rounds: the last filled round counts; a row not appraised uses self and is flagged", () => {
    const s = sheetOf([
      ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định lần 1", "Điểm thẩm định lần 2"],
      ["1", "A", "10", "10", "9", "9,5"],
      ["2", "B", "10", "8", "7", null],
      ["3", "C", "10", "6", null, null],
    ]);
    const a = analyzed(s);
    expect(a.table.rounds).toEqual([4, 5]);
    expect(a.table.columns.achieved).toBe(5);
    expect(a.rows.map((r) => r.achieved)).toEqual([9.5, 7, 6]);
    expect(a.issues.map((i) => [i.kind, i.row])).toEqual([["not-appraised", 3]]);
    expect(issueMessage(a.issues[0], "vi")).toContain("chưa thẩm định");
    // The gap formula reads the column the score came from.
    const out = after(s, planRecalc(s, a).changeSet);
    expect(out.values.slice(1).map((r) => r[6])).toEqual([0.5, 3, 4]);
  });

  test("«Điểm đạt được | Điểm thẩm định»: one table, the first is the unit's own score", () => {
    const a = analyzed(
      sheetOf([
        ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Điểm thẩm định"],
        ["1", "A", "10", "10", "9"],
      ]),
    );
    expect(a.table.columns).toMatchObject({ self: 3, achieved: 4 });
    expect(a.rows[0]).toMatchObject({ achieved: 9, self: 10, selfDiff: 1 });
  });

  test("only a self-scored column («Điểm tự chấm»): it is the achieved score", () => {
    const a = analyzed(
      sheetOf([
        ["STT", "Nội dung", "Điểm chuẩn", "Điểm tự chấm"],
        ["1", "A", "10", "9"],
      ]),
    );
    expect(a.table.columns).toMatchObject({ max: 2, achieved: 3 });
    expect(a.table.columns.self).toBeUndefined();
    expect(a.total.achieved).toBe(9);
  });
});

describe("issue 11 §5: not applicable", () => {
  test("«Không áp dụng», «KAD», «N/A», a note, or «—» as max: left out of the max, no warning", () => {
    const rows: Row[] = [
      ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Ghi chú"],
      ["1", "A", "10", "9", null],
      ["2", "B", "Không áp dụng", "Không áp dụng", null],
      ["3", "C", "KAD", null, null],
      ["4", "D", "—", "—", null],
      ["5", "E", "5", "N/A", null],
      ["6", "F", "5", "5", "Không áp dụng"],
      ["", "Tổng điểm", "10", "9"],
    ];
    const a = analyzed(sheetOf(rows));
    expect(a.rows.map((r) => r.na)).toEqual([false, true, true, true, true, true]);
    expect(a.total).toMatchObject({ max: 10, achieved: 9, agrees: true });
    expect(a.issues).toEqual([]);
    expect(a.rows.filter((r) => r.na).every((r) => r.gap === null && r.status === "met")).toBe(true);
  });

  test("«—» or blank in the achieved cell alone: not yet scored", () => {
    const a = analyzed(sheetOf([HEADER, ["1", "A", "10", "—"], ["2", "B", "10", null]]));
    expect(a.rows.map((r) => [r.na, r.status])).toEqual([
      [false, "unscored"],
      [false, "unscored"],
    ]);
  });
});

test("analyzeSheet never throws on the new shapes", () => {
  expect(
    analyzeSheet(
      sheetOf([
        ["Điểm", null],
        [null, "Tối đa"],
      ]),
    ).ok,
  ).toBe(false);
});
