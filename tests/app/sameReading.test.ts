/**
 * readsAsBefore (src/app/sameReading.ts): when it vouches that highlight left the table's reading as it was,
 * the reading must indeed be the same; what it cannot vouch for it must refuse. And the legend's texts must
 * keep the properties its argument rests on.
 */
import { planChange, readSheet } from "../../src/app/commands";
import { LEGEND_TEXTS, readingAfterAssign, readsAsBefore } from "../../src/app/sameReading";
import { sampleWorkbook } from "../../src/app/sample";
import {
  LEGEND,
  analyzeSheet,
  parseNumber,
  planHighlight,
  prepare,
  Preparation,
  type ChangeSet,
  type Op,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../src/core";
import { textReading } from "../../src/core/legacyText";
import { isSignatureRow, isTotalRow, matchHeaders } from "../../src/core/table";
import { parseCode } from "../../src/core/text";

/** The workbook with the active sheet's grid grown to `rows` rows, cells set at (row, col). */
function withCells(ws: WorkbookSnapshot, cells: [number, number, string | number][]): WorkbookSnapshot {
  const s = ws.active;
  const values = s.values.map((r) => [...r]);
  for (const [row, col, v] of cells) {
    while (values.length <= row - s.top) values.push([]);
    const line = values[row - s.top];
    while (line.length <= col - s.left) line.push(null);
    line[col - s.left] = v;
  }
  return { ...ws, active: { ...s, values } };
}

const highlightOf = (ws: WorkbookSnapshot) => {
  const reading = readSheet(ws);
  if (!reading.analysis.ok) throw new Error("no table");
  return { reading, cs: planHighlight(ws.active, reading.analysis), a: reading.analysis };
};

/** The sheet after `cs` (the model's simulation). */
const after = (ws: WorkbookSnapshot, cs: ChangeSet): SheetSnapshot => {
  const p = prepare(ws, cs, { inverse: false });
  if (!p.ok) throw p.error;
  return p.after.active;
};

/** What a reading is, as data. */
const readingOf = (sheet: SheetSnapshot) => JSON.parse(JSON.stringify(analyzeSheet(sheet)));

describe("the legend's texts", () => {
  test("none is a number, a code, a total's name or legacy typing", () => {
    expect(LEGEND_TEXTS.size).toBe(8);
    for (const t of LEGEND_TEXTS) {
      expect(parseNumber(t).kind).not.toBe("number");
      expect(parseCode(t)).toBeNull();
      expect(["tcvn3", "vni"]).not.toContain(textReading(t));
    }
  });

  test.each(["vi", "en"] as const)(
    "in %s: a row of its own is no header nor total; its title ends a table",
    (lang) => {
      const L = LEGEND[lang];
      const sheet: SheetSnapshot = {
        name: "S",
        top: 0,
        left: 0,
        values: [
          [L.title, null],
          [null, L.zero],
          [null, L.partial],
          [null, L.unscored],
        ],
      };
      for (let row = 0; row < 4; row++) {
        expect(matchHeaders(sheet, row)).toEqual([]);
        for (const columns of [
          { code: 0, name: 1 },
          { name: 0, max: 1, achieved: 2 },
          { max: 0, achieved: 1 },
        ])
          expect(isTotalRow(sheet, row, columns)).toBe(false);
      }
      expect(isSignatureRow(sheet, 0, 0, 1)).toBe(true);
    },
  );
});

describe("readsAsBefore", () => {
  test("the sample's highlight (a new legend under the table): vouched for, and the reading is the same", () => {
    const ws = sampleWorkbook();
    const { reading, cs } = highlightOf(ws);
    expect(cs.ops.some((o) => o.op === "setCells")).toBe(true);
    expect(readsAsBefore(cs, ws, reading)).toBe(true);
    expect(readingOf(after(ws, cs))).toEqual(readingOf(ws.active));
  });

  test("a legend in the other language rewritten in place: vouched for, the reading the same", () => {
    const ws = sampleWorkbook();
    const { cs: first } = highlightOf(ws);
    const en = { ...ws, active: after(ws, first) };
    const { reading, cs } = (() => {
      const r = readSheet(en);
      if (!r.analysis.ok) throw new Error("no table");
      return { reading: r, cs: planHighlight(en.active, r.analysis, { lang: "en" }) };
    })();
    expect(readsAsBefore(cs, en, reading)).toBe(true);
    expect(readingOf(after(en, cs))).toEqual(readingOf(en.active));
  });

  test("a legend on a row beside other cells (a signature, a stray number) is left to a fresh reading", () => {
    const ws0 = sampleWorkbook();
    const { cs: c0 } = highlightOf(ws0);
    const set = c0.ops.find((o) => o.op === "setCells")!;
    for (const v of ["TM. ỦY BAN NHÂN DÂN", 7]) {
      const ws = withCells(ws0, [[set.top + 1, (set as { left: number }).left + 4, v]]);
      const { reading, cs } = highlightOf(ws);
      expect(readsAsBefore(cs, ws, reading)).toBe(false);
    }
  });

  test("anything else highlight does not write is refused", () => {
    const ws = sampleWorkbook();
    const { reading, cs, a } = highlightOf(ws);
    const name = ws.active.name;
    const refuse = (op: Op) =>
      expect(readsAsBefore({ ...cs, ops: [...cs.ops, op] }, ws, reading)).toBe(false);
    refuse({ op: "setCells", sheet: name, top: a.table.lastRow, left: 0, cells: [[{ kind: "blank" }]] });
    refuse({
      op: "setCells",
      sheet: name,
      top: a.table.lastRow + 3,
      left: 0,
      cells: [[{ kind: "text", text: "x" }]],
    });
    refuse({
      op: "setCells",
      sheet: name,
      top: a.table.lastRow + 3,
      left: 0,
      cells: [[{ kind: "number", value: 1 }]],
    });
    refuse({
      op: "setStyle",
      sheet: name,
      ranges: [{ top: 0, left: 0, rows: 1, cols: 1 }],
      style: { numberFormat: "0" },
    });
    refuse({
      op: "setStyle",
      sheet: "Other",
      ranges: [{ top: 0, left: 0, rows: 1, cols: 1 }],
      style: { fill: null },
    });
    refuse({ op: "insertColumns", sheet: name, at: 20, count: 1 });
  });

  test("a sheet typed in a legacy encoding is left to a fresh reading (its Unicode rows are counted)", () => {
    const ws = sampleWorkbook();
    const { reading, cs } = highlightOf(ws);
    const legacy = { ...reading, view: { ...reading.view, encoding: "tcvn3" as const } };
    expect(readsAsBefore(cs, ws, legacy)).toBe(false);
  });
});

describe("readingAfterAssign", () => {
  /** The sample after recalc (`state1`, its reading) and assign's change set, and the state it leaves. */
  function afterAssign(ws = sampleWorkbook()) {
    const p = new Preparation(ws, { inverse: false });
    const r = planChange(ws, "recalc-only", { summary: false });
    if (!r.ok || p.add(r.changeSet)) throw new Error("recalc");
    const state1 = { ...ws, ...p.state() };
    const before = readSheet(state1);
    const o = planChange(state1, "assign", { summary: false, reading: before });
    if (!o.ok || p.add(o.changeSet)) throw new Error("assign");
    return { state1, before, cs: o.changeSet, state2: { ...ws, ...p.state() } };
  }
  const json = (x: unknown) => JSON.parse(JSON.stringify(x));

  test("the sample (a header repeated mid-table): vouched for, and the reading read afresh", () => {
    const { before, cs, state2 } = afterAssign();
    expect(before.analysis.ok && before.analysis.skipped.some((s) => s.why === "header")).toBe(true);
    const vouched = readingAfterAssign(before, cs, state2);
    expect(vouched).not.toBeNull();
    expect(json(vouched)).toEqual(json(readSheet(state2)));
    // The table grew by the three columns; the rows are the same objects.
    if (!vouched!.analysis.ok || !before.analysis.ok) return;
    expect(vouched!.analysis.table.right).toBe(before.analysis.table.right + 3);
    expect(vouched!.analysis.rows).toBe(before.analysis.rows);
  });

  test("anything assign does not write, or writes elsewhere, is refused", () => {
    const { before, cs, state2 } = afterAssign();
    if (!before.analysis.ok) throw new Error("no table");
    const t = before.analysis.table;
    const name = state2.active.name;
    const refuse = (op: Op) =>
      expect(readingAfterAssign(before, { ...cs, ops: [...cs.ops, op] }, state2)).toBeNull();
    const text = { kind: "text", text: "x" } as const;
    // into a column of the table that is not assign's (the reason column), on a criterion row
    refuse({
      op: "setCells",
      sheet: name,
      top: before.analysis.rows[0].row,
      left: t.columns.reason!,
      cells: [[text]],
    });
    // on a row that is no criterion (under the table)
    refuse({ op: "setCells", sheet: name, top: t.lastRow + 2, left: t.right + 1, cells: [[text]] });
    refuse({
      op: "setCells",
      sheet: name,
      top: t.headerRow,
      left: t.right + 1,
      cells: [[{ kind: "number", value: 1 }]],
    });
    refuse({ op: "insertColumns", sheet: name, at: t.right, count: 1 });
    refuse({
      op: "setStyle",
      sheet: name,
      ranges: [{ top: 0, left: 0, rows: 1, cols: 1 }],
      style: { numberFormat: "0" },
    });
    refuse({ op: "setCells", sheet: "Other", top: 0, left: 0, cells: [[text]] });
  });

  test("a table found again wider than by assign's columns, or a legacy reading, is refused", () => {
    const { before, cs, state2 } = afterAssign();
    if (!before.analysis.ok) throw new Error("no table");
    const t = before.analysis.table;
    // A header the user has right after assign's columns: the table now spans it too.
    const wider = withCells(state2, [[t.headerRow, t.right + 4, "Ghi chú"]]);
    expect(
      readSheet(wider).analysis.ok && (readSheet(wider).analysis as { table: { right: number } }).table.right,
    ).toBe(t.right + 4);
    expect(readingAfterAssign(before, cs, wider)).toBeNull();
    const legacy = { ...before, view: { ...before.view, encoding: "vni" as const } };
    expect(readingAfterAssign(legacy, cs, state2)).toBeNull();
  });
});
