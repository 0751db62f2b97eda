// recalc's criterion rows as row formulas (CellInput "rowFormula"): one frozen object per way of writing the
// row's numbers, shared by every row written that way, whose text on each row is the formula recalc wrote as
// text before; prepare's checks read each object once and reject one that breaks the contract with the same
// typed error as any invalid cell; undo restores the sheet exactly.
import type { CellInput, ChangeSet, Op, SheetSnapshot, WorkbookSnapshot } from "../../src/core";
import {
  formulaTextAt,
  invertChangeSet,
  prepare,
  rowFormula,
  sampleWorkbook,
  WorkbookModel,
  type RowFormula,
} from "../../src/core";
import { planRecalc } from "../../src/core/recalc";
import { readRowFormula, rowFormulaLength } from "../../src/core/rowFormulaRead";
import type { ParsedNumber } from "../../src/core/numbers";
import { analyzed, book, cellMap } from "./helpers";

/**
 * The sample with some scores typed as numbers and some as dot texts ("9.50"), beside its comma texts: rows
 * written four ways, so recalc has several formula shapes.
 */
function mixedSample(): SheetSnapshot {
  const s = sampleWorkbook().active;
  const values = s.values.map((row, r) =>
    row.map((v, c) => {
      if (c < 2 || c > 3 || typeof v !== "string" || !/^\d+,\d+$/.test(v)) return v;
      const k = (r * 3 + c) % 4;
      if (k === 0) return Number(v.replace(",", "."));
      if (k === 1) return v.replace(",", ".");
      return v;
    }),
  );
  return { ...s, values };
}

/** Today's text of a shape row's formulas (recalc's formulasOf on a row's own max and achieved cells). */
function todaysTexts(n: number, pm: ParsedNumber, pa: ParsedNumber): [string, string] {
  const ref = (col: string, p: ParsedNumber) => {
    if (p.kind !== "number" || p.style === "number") return `${col}${n}`;
    return p.style === "comma" ? `NUMBERVALUE(${col}${n},",",".")` : `NUMBERVALUE(${col}${n},".",",")`;
  };
  const m = ref("C", pm);
  const a = ref("D", pa);
  return [
    `=IF(OR(C${n}="",D${n}=""),"",ROUND(${m}-${a},2))`,
    `=IF(OR(C${n}="",D${n}="",${m}=0),"",ROUND(${a}/${m},4))`,
  ];
}

/** The cell a setCells op writes at (row, col), the last op winning; undefined where none writes. */
function written(ops: Op[], row: number, col: number): CellInput | null | undefined {
  let out: CellInput | null | undefined;
  for (const op of ops)
    if (op.op === "setCells" && row >= op.top && row < op.top + op.cells.length) {
      const v = op.cells[row - op.top][col - op.left];
      if (v !== undefined && v !== null) out = v;
    }
  return out;
}

describe("recalc writes its criterion rows as row formulas", () => {
  const sheet = mixedSample();
  const a = analyzed(sheet);
  const plan = planRecalc(sheet, a);
  const gapCol = plan.layout.columns.gap!;
  const pctCol = plan.layout.columns.percent!;

  test("one frozen object per way of writing the numbers, its text on each row today's formula", () => {
    const objects = new Map<string, Set<CellInput>>();
    let rows = 0;
    for (const r of a.rows) {
      const g = written(plan.changeSet.ops, r.row, gapCol);
      const p = written(plan.changeSet.ops, r.row, pctCol);
      if (!g || g.kind !== "rowFormula") continue;
      rows++;
      expect(p?.kind).toBe("rowFormula");
      expect(Object.isFrozen(g) && Object.isFrozen(g.parts)).toBe(true);
      const [gapText, pctText] = todaysTexts(r.row + 1, r.stated.max, r.stated.achieved);
      expect([r.code, formulaTextAt(g, r.row)]).toEqual([r.code, gapText]);
      expect([r.code, formulaTextAt(p!, r.row)]).toEqual([r.code, pctText]);
      const key = JSON.stringify(
        [r.stated.max, r.stated.achieved].map((x) => x.kind === "number" && x.style),
      );
      if (!objects.has(key)) objects.set(key, new Set());
      objects.get(key)!.add(g).add(p!);
    }
    // Most criterion rows, written several ways; each way is exactly one gap and one percent object.
    expect(rows).toBeGreaterThan(20);
    expect(objects.size).toBeGreaterThanOrEqual(3);
    for (const [key, set] of objects) expect([key, set.size]).toEqual([key, 2]);
    const all = [...objects.values()].flatMap((s) => [...s]);
    expect(new Set(all).size).toBe(all.length);
  });

  test("the total row's and the header's cells are no row formulas", () => {
    const tr = a.total.row!;
    expect(written(plan.changeSet.ops, tr, gapCol)?.kind).toBe("formula");
    expect(written(plan.changeSet.ops, tr, pctCol)?.kind).toBe("formula");
    expect(written(plan.changeSet.ops, a.table.headerRow, pctCol)?.kind).toBe("text");
  });

  test("a parent row summing its children stays a formula text", () => {
    // Blank the first domain row's max and achieved: its gap sums the criteria below it.
    const s = mixedSample();
    const parent = analyzed(s).rows.find((r) => r.children.length > 0)!;
    const values = s.values.map((row) => [...row]);
    values[parent.row - s.top][2] = null;
    values[parent.row - s.top][3] = null;
    const blanked = { ...s, values };
    const b = analyzed(blanked);
    const p = planRecalc(blanked, b);
    const g = written(p.changeSet.ops, parent.row, p.layout.columns.gap!);
    expect(g?.kind).toBe("formula");
    // Its max and achieved are the sum of its children (one child here: the sum in parentheses).
    expect(g?.kind === "formula" && g.formula).toMatch(/^=ROUND\(\(/);
  });

  test("prepare accepts it; the state after and undo are as the texts would make them", () => {
    const ws = book(sheet);
    const prepared = prepare(ws, plan.changeSet);
    if (!prepared.ok) throw prepared.error;
    const asText = textCopy(plan.changeSet);
    const viaText = prepare(ws, asText);
    if (!viaText.ok) throw viaText.error;
    expect(cellMap(prepared.after.active)).toEqual(cellMap(viaText.after.active));
    // The formulas are evaluated: gap cells hold numbers.
    const r = a.rows.find((x) => x.code === "1.6.2")!;
    const after = prepared.after.active;
    expect(typeof after.values[r.row - after.top][gapCol - after.left]).toBe("number");
    // Undo: the inverse written on the state after gives the sheet back exactly.
    const m = WorkbookModel.fromSnapshot(prepared.after);
    for (const op of prepared.inverse.ops) m.apply(op);
    m.recalculate();
    expect(cellMap(m.toSnapshot(sheet.name).active)).toEqual(cellMap(sheet));
    expect(prepared.inverse).toEqual(invertChangeSet(ws, plan.changeSet));
  });
});

/** `cs` with every row formula written as its text on its row (what recalc wrote before). */
function textCopy(cs: ChangeSet): ChangeSet {
  return {
    ...cs,
    ops: cs.ops.map((op) =>
      op.op !== "setCells"
        ? op
        : {
            ...op,
            cells: op.cells.map((line, r) =>
              line.map((v) =>
                v?.kind === "rowFormula" ? { kind: "formula", formula: formulaTextAt(v, op.top + r)! } : v,
              ),
            ),
          },
    ),
  };
}

describe("prepare's checks of a row formula", () => {
  const ws: WorkbookSnapshot = book({ name: "S", top: 0, left: 0, values: [["x"]] });
  const write = (cells: (CellInput | null)[][], top = 0): ChangeSet => ({
    command: "recalc",
    ops: [{ op: "setCells", sheet: "S", top, left: 5, cells }],
    counts: {},
  });
  const refused = (cs: ChangeSet) => {
    const p = prepare(ws, cs);
    return p.ok ? null : p.error;
  };
  /** An unchecked object, as a change set from elsewhere could carry one (rowFormula() would refuse some). */
  const raw = (parts: unknown): CellInput => ({ kind: "rowFormula", parts }) as unknown as CellInput;

  test("recalc's kind is accepted, on any row", () => {
    const f = rowFormula(["=ROUND(C", "-$D$2+SUM(A", ":B", "),2)"]);
    expect(refused(write([[f], [f], [null], [f]], 3))).toBeNull();
    expect(refused(write([[f]], 1048575))).toBeNull();
    expect(refused(write([[rowFormula(["='My sheet'!A", "&Other!$B$7"])]]))).toBeNull();
  });

  test.each([
    ["no parts", raw([])],
    ["one part: no row number", raw(["=A1"])],
    ["parts not a list", raw("=A|+1")],
    ["a part that is no text", raw(["=A", 5])],
    ["a join point inside a number", raw(["=A", "+1", ""])],
    ["a join point that is a fixed row", raw(["=$A$", ""])],
    ["a join point that is no reference", raw(['="', '"&A', ""])],
    ["another relative row", raw(["=A", "+B7"])],
    ["a row number that runs on into the next part", raw(["=A", "0"])],
    ["a join point only part of a reference's row", raw(["=A1", ""])],
    ["text the tokenizer cannot read", raw(["=A", "+{1,2}"])],
  ])("refused: %s", (_why, bad) => {
    const e = refused(write([[null, bad]], 4));
    expect(e?.code).toBe("invalid-change-set");
    expect(String(e?.details.op)).toMatch(/^1: setCells «S»/);
    // The same typed error as an invalid cell of another kind.
    expect(refused(write([[{ kind: "formula", formula: "=" }]]))?.code).toBe("invalid-change-set");
  });

  test("its length is checked at the last row it is written to", () => {
    // 6,602 characters besides 1,000 row numbers: 7,602 on rows 1 to 9, 8,602 on rows 10 to 99.
    const parts = ["=" + "1+".repeat(2300) + "A", ...Array.from({ length: 999 }, () => "+A"), "+0"];
    const f = rowFormula(parts);
    expect(formulaTextAt(f, 8)!.length).toBeLessThanOrEqual(8192);
    expect(formulaTextAt(f, 9)!.length).toBeGreaterThan(8192);
    for (const row of [0, 8, 9, 98, 99, 999, 99999, 1048575])
      expect([row, rowFormulaLength(readRowFormula(f), row)]).toEqual([row, formulaTextAt(f, row)!.length]);
    expect(refused(write([[f], [f]], 7))).toBeNull();
    const e = refused(write([[f], [f], [f]], 7));
    expect(e?.code).toBe("invalid-change-set");
    expect(String(e?.details.problem)).toMatch(/8192/);
  });

  test("a copy that is not frozen (structured clone) is read as it is now, after a change too", () => {
    const copy = structuredClone(rowFormula(["=A", "*2"])) as { kind: "rowFormula"; parts: string[] };
    expect(Object.isFrozen(copy)).toBe(false);
    expect(refused(write([[copy], [copy]]))).toBeNull();
    copy.parts[1] = "*B7";
    expect(refused(write([[copy], [copy]]))?.code).toBe("invalid-change-set");
    copy.parts[1] = "*B$7";
    expect(refused(write([[copy], [copy]]))).toBeNull();
  });

  test("a broken row formula is refused wherever it is in the block, once per object", () => {
    const bad = raw(["=A", "+B7"]) as RowFormula;
    const good = rowFormula(["=A", ""]);
    const cells = Array.from({ length: 50 }, (_, r) => [good, r === 37 ? bad : good]);
    expect(refused(write(cells))?.code).toBe("invalid-change-set");
    cells[37][1] = good;
    expect(refused(write(cells))).toBeNull();
  });
});
