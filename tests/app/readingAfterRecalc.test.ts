/**
 * readingAfterRecalc (src/app/readingAfterRecalc.ts): where it vouches for the reading of the sheet after
 * recalc it must be the reading read afresh (deep-equal: table, rows with their stated gap and percent,
 * scores, total, issues in order, skipped rows); what it cannot vouch for it must refuse. The corpus-wide
 * comparison is tests/support/applyAllReference.ts (every state applyAllSame*.test.ts looks at).
 */
import { planChange, readSheet } from "../../src/app/commands";
import { readingAfterRecalc } from "../../src/app/readingAfterRecalc";
import { stillUnicode } from "../../src/app/stillUnicode";
import { sampleWorkbook } from "../../src/app/sample";
import {
  Preparation,
  unicodeView,
  type CellValue,
  type ChangeSet,
  type WorkbookSnapshot,
} from "../../src/core";
import { generatedSheet } from "../../bench/generate";

/** `ws` read, recalc planned on it, and the state it leaves. */
function afterRecalc(ws: WorkbookSnapshot, replaceTotal = false) {
  const p = new Preparation(ws, { inverse: false });
  const before = readSheet(ws);
  const r = planChange(ws, "recalc-only", { summary: false, reading: before, replaceTotal });
  if (!r.ok || p.add(r.changeSet)) throw new Error("recalc");
  return { before, cs: r.changeSet, state: { ...ws, ...p.state() } };
}
const json = (x: unknown) => JSON.parse(JSON.stringify(x));

/** A workbook of one sheet of these rows from A1. */
const book = (values: CellValue[][], formulas?: (string | null)[][]): WorkbookSnapshot => ({
  active: { name: "S", top: 0, left: 0, values, ...(formulas ? { formulas } : {}) },
  sheetNames: ["S"],
});

const HEAD = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Chưa đạt so với điểm tối đa"];

describe("readingAfterRecalc", () => {
  test("the bench's kind of table (gap as text, no percent column): vouched for, equal to a fresh reading", () => {
    const ws: WorkbookSnapshot = { active: generatedSheet(400, 3), sheetNames: ["Sheet1"] };
    const { before, cs, state } = afterRecalc(ws);
    const derived = readingAfterRecalc(before, cs, state);
    expect(derived).not.toBeNull();
    const fresh = readSheet(state);
    expect(json(derived)).toEqual(json(fresh));
    expect(derived!.view.sheet).toBe(state.active);
    // What changed is really there: the percent column inserted, stated gaps now the formulas' numbers, the
    // total stated (it was blank) — a reading kept as it was would fail the comparison above.
    if (!before.analysis.ok || !derived!.analysis.ok) throw new Error("no table");
    const [b, d] = [before.analysis, derived!.analysis];
    expect(d.table.columns.percent).toBe(b.table.columns.gap! + 1);
    expect(d.table.right).toBe(b.table.right + 1);
    expect(b.rows[1].stated.gap).toMatchObject({ kind: "number", style: "comma" });
    expect(d.rows[1].stated.gap).toMatchObject({ kind: "number", style: "number" });
    expect(b.rows[1].stated.percent.kind).toBe("blank");
    expect(d.rows[1].stated.percent.kind).toBe("number");
    expect(b.total.official).toEqual({ max: null, achieved: null });
    expect(d.total.official).toEqual({ max: b.total.max, achieved: b.total.achieved });
  });

  test.each([false, true])(
    "the sample (a header repeated mid-table), --replace-total %s: equal to a fresh reading",
    (replaceTotal) => {
      const { before, cs, state } = afterRecalc(sampleWorkbook(), replaceTotal);
      const derived = readingAfterRecalc(before, cs, state);
      expect(derived).not.toBeNull();
      expect(json(derived)).toEqual(json(readSheet(state)));
    },
  );

  test("stated gaps and a stated total that differ: their issues go with recalc's formulas, as afresh", () => {
    const ws = book([
      HEAD,
      ["1", "LĨNH VỰC 1", 10, 8, 3],
      ["1.1", "Tiêu chí 1.1", 4, 4, 1],
      ["1.2", "Tiêu chí 1.2", 6, 4, "x"],
      [null, "TỔNG ĐIỂM", 10, 8, 2],
    ]);
    for (const replaceTotal of [false, true]) {
      const { before, cs, state } = afterRecalc(ws, replaceTotal);
      const derived = readingAfterRecalc(before, cs, state);
      expect(derived).not.toBeNull();
      expect(json(derived)).toEqual(json(readSheet(state)));
      const kinds = (r: typeof before) => (r.analysis.ok ? r.analysis.issues.map((i) => i.kind) : []);
      expect(kinds(before)).toEqual(["stated-gap-differs", "stated-gap-differs", "unparseable"]);
      expect(kinds(derived!)).toEqual([]);
    }
  });

  test("a row with no code and nothing but a gap becomes a continuation row once its gap is a formula: refused", () => {
    const ws = book([
      HEAD,
      ["1", "LĨNH VỰC 1", 10, 8, 2],
      ["1.1", "Tiêu chí 1.1", 4, 4, 0],
      // In capitals: a domain of its own (not an unplaced row), so recalc writes its gap formula, blank.
      [null, "GHI CHÚ", null, null, 1],
      ["1.2", "Tiêu chí 1.2", 6, 4, 2],
    ]);
    const { before, cs, state } = afterRecalc(ws);
    const fresh = readSheet(state);
    // The fresh reading differs in kind (one criterion fewer): what the derivation must not paper over.
    if (!before.analysis.ok || !fresh.analysis.ok) throw new Error("no table");
    expect(fresh.analysis.rows.length).toBe(before.analysis.rows.length - 1);
    expect(readingAfterRecalc(before, cs, state)).toBeNull();
  });

  test("a cell the rows are read from holding a formula without a value: refused (the reader would evaluate it)", () => {
    const values: CellValue[][] = [HEAD, ["1", "LĨNH VỰC 1", null, 8, 2], ["1.1", "Tiêu chí 1.1", 10, 8, 2]];
    const formulas = values.map((r) => r.map(() => null as string | null));
    formulas[1][2] = "=C3";
    const { before, cs, state } = afterRecalc(book(values, formulas));
    expect(readingAfterRecalc(before, cs, state)).toBeNull();
  });

  test("a max cell whose value changed after (a formula recalculated differently): refused", () => {
    const ws = book([HEAD, ["1", "LĨNH VỰC 1", 10, 8, 2], ["1.1", "Tiêu chí 1.1", 10, 8, 2]]);
    const { before, cs, state } = afterRecalc(ws);
    const values = state.active.values.map((r) => [...r]);
    values[2][2] = 9;
    const changed = { ...state, active: { ...state.active, values } };
    expect(readingAfterRecalc(before, cs, changed)).toBeNull();
  });

  test("a legacy sheet, an op recalc does not make, another sheet: refused", () => {
    const ws = book([HEAD, ["1", "LĨNH VỰC 1", 10, 8, 2], ["1.1", "Tiêu chí 1.1", 10, 8, 2]]);
    const { before, cs, state } = afterRecalc(ws);
    expect(readingAfterRecalc(before, cs, state)).not.toBeNull();
    const legacy = { ...before, view: { ...before.view, encoding: "tcvn3" as const } };
    expect(readingAfterRecalc(legacy, cs, state)).toBeNull();
    const rows: ChangeSet = { ...cs, ops: [...cs.ops, { op: "insertRows", sheet: "S", at: 1, count: 1 }] };
    expect(readingAfterRecalc(before, rows, state)).toBeNull();
    const other: ChangeSet = {
      ...cs,
      ops: [...cs.ops, { op: "setColumnWidth", sheet: "T", col: 1, width: 9 }],
    };
    expect(readingAfterRecalc(before, other, state)).toBeNull();
  });

  test("a gap cell recalc wrote that reads as no number after: refused (its issue is not made here)", () => {
    const ws = book([HEAD, ["1", "LĨNH VỰC 1", 10, 8, 2], ["1.1", "Tiêu chí 1.1", 10, 8, 2]]);
    const { before, cs, state } = afterRecalc(ws);
    const values = state.active.values.map((r) => [...r]);
    values[2][4] = "#VALUE!";
    const broken = { ...state, active: { ...state.active, values } };
    expect(readingAfterRecalc(before, cs, broken)).toBeNull();
  });

  test("a text recalc writes in a legacy font on a sheet of plain ASCII tips it to legacy: not vouched, as afresh", () => {
    const head = ["No.", "Criterion", "Max score", "Achieved", "Gap", "Percent"];
    const values: CellValue[][] = [
      head,
      ["1", "Domain one", 10, 8, 2, 0.8],
      ["1.1", "Criterion one", 10, 8, 2, 0.8],
      [null, "TOTAL", 12, 9, 3, 0.75, null],
    ];
    // The cell right of the total row, blank, is formatted in .VnTime: the recomputed-total label goes there.
    const fontNames = values.map((r) => r.map(() => null as string | null));
    fontNames[3][6] = ".VnTime";
    const ws: WorkbookSnapshot = {
      active: { name: "S", top: 0, left: 0, values, fontNames },
      sheetNames: ["S"],
    };
    const { before, cs, state } = afterRecalc(ws);
    expect(before.view.encoding).toBeNull();
    expect(unicodeView(state.active).encoding).toBe("tcvn3");
    expect(readingAfterRecalc(before, cs, state)).toBeNull();
  });
});

describe("stillUnicode: a Unicode sheet after a change set, vouched without counting its cells", () => {
  const sheet = (values: CellValue[][], fontNames?: (string | null)[][]) => ({
    name: "S",
    top: 0,
    left: 0,
    values,
    ...(fontNames ? { fontNames } : {}),
  });
  const write = (cells: ChangeSet["ops"]) => ({ command: "assign" as const, ops: cells, counts: {} });
  const text = (t: string) => ({ kind: "text" as const, text: t });

  // Each case is checked against the count itself (unicodeView) on the sheet after.
  test.each([
    [
      "Unicode texts written over ASCII ones: vouched",
      sheet([["No.", "Name", "x"]]),
      sheet([["No.", "Tên tiêu chí", "Đạt"]]),
      write([{ op: "setCells", sheet: "S", top: 0, left: 1, cells: [[text("Tên tiêu chí"), text("Đạt")]] }]),
      true,
    ],
    [
      "an ASCII text written in a .VnTime cell of a plain-ASCII sheet: legacy after, not vouched",
      sheet([["No.", "Name", null]]),
      sheet([["No.", "Name", "Total"]], [[null, null, ".VnTime"]]),
      write([{ op: "setCells", sheet: "S", top: 0, left: 2, cells: [[text("Total")]] }]),
      false,
    ],
    [
      "the only Unicode text of a row written over while another row is legacy: not vouched",
      sheet([["§iÓm"], ["Đạt"]]),
      sheet([["§iÓm"], [1]]),
      write([{ op: "setCells", sheet: "S", top: 1, left: 0, cells: [[{ kind: "number", value: 1 }]] }]),
      false,
    ],
    [
      "columns inserted, then a formula written into one: vouched",
      sheet([["Tên", "Điểm"]]),
      sheet([["Tên", null, "Điểm"]]),
      write([
        { op: "insertColumns", sheet: "S", at: 1, count: 1 },
        { op: "setCells", sheet: "S", top: 0, left: 1, cells: [[{ kind: "formula", formula: "=1" }]] },
      ]),
      true,
    ],
  ])("%s", (_what, old, after, cs, vouched) => {
    expect(unicodeView(old).encoding).toBeNull();
    expect(stillUnicode(old, after, cs)).toBe(vouched);
    // Each refusal here is a sheet the count does find legacy after.
    expect(unicodeView(after).encoding === null).toBe(vouched);
  });

  test("what moves rows, or an Excel table's rows alone, is not looked into", () => {
    const old = sheet([["Tên", "Điểm"]]);
    const rect = { top: 0, left: 0, rows: 1, cols: 2 };
    const cases: ChangeSet["ops"][] = [
      [{ op: "insertColumns", sheet: "S", at: 1, count: 1, table: { name: "T", rect } }],
      [{ op: "insertRows", sheet: "S", at: 0, count: 1 }],
      [{ op: "deleteSheet", sheet: "S" }],
    ];
    for (const ops of cases) expect(stillUnicode(old, old, write(ops))).toBe(false);
  });
});
