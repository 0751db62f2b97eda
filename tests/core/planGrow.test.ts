/**
 * A plan table that grows on a re-run (issue 9 §7): rows the user has below it (the signature block) move
 * down with inserted whole rows instead of being written over, and the insert is undone exactly.
 */
import {
  PLAN_SHEET,
  PLAN_TABLE,
  applyChangeSet,
  planRemediationSheet,
  sampleWorkbook,
  type ChangeSet,
  type RemedySource,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../src/core";
import { prepare } from "../../src/core/prepare";
import { sayBefore } from "../../src/app/registry";
import { analyzed } from "./helpers";

const tasks = (n: number): RemedySource => ({
  remedy: (r) => ({
    lead: "Sở Nội vụ",
    implementers: "Các sở",
    tasks: Array.from({ length: n }, (_, k) => `Việc ${k + 1} cho ${r.code}`),
  }),
  produced: () => true,
});

/** Where a text is on a sheet (0-based row and column), or null. */
function find(s: SheetSnapshot, text: string): { row: number; col: number } | null {
  for (let i = 0; i < s.values.length; i++) {
    const j = s.values[i].indexOf(text);
    if (j >= 0) return { row: s.top + i, col: s.left + j };
  }
  return null;
}

const plan = (ws: WorkbookSnapshot) => ws.others![PLAN_SHEET];
const SIGN = "Người lập biểu";

describe("a plan that grows over the user's rows below it", () => {
  const ws = sampleWorkbook();
  const a = analyzed(ws.active);
  const first = applyChangeSet(ws, planRemediationSheet(ws, a, tasks(1)));
  const table = plan(first).tables!.find((t) => t.name === PLAN_TABLE)!;
  const bottom = table.rect.top + table.rect.rows - 1;
  // The user signs two rows under the plan, bold, and keeps a total that reads the plan's rows.
  const signed = applyChangeSet(first, {
    command: "plan",
    counts: {},
    ops: [
      {
        op: "setCells",
        sheet: PLAN_SHEET,
        top: bottom + 2,
        left: 1,
        cells: [
          [
            { kind: "text", text: SIGN },
            { kind: "formula", formula: `=COUNTA(A${table.rect.top + 2}:A${bottom + 1})` },
          ],
        ],
      },
      {
        op: "setStyle",
        sheet: PLAN_SHEET,
        ranges: [{ top: bottom + 2, left: 1, rows: 1, cols: 1 }],
        style: { bold: true },
      },
    ],
  });
  const rerun: ChangeSet = planRemediationSheet(signed, a, tasks(2));
  const grown = table.rect.rows - 1;

  test("inserts as many whole rows under the plan as it grows by, before writing the body", () => {
    const inserts = rerun.ops.filter((o) => o.op === "insertRows");
    expect(inserts).toEqual([{ op: "insertRows", sheet: PLAN_SHEET, at: bottom + 1, count: grown }]);
    expect(rerun.ops.findIndex((o) => o.op === "insertRows")).toBeLessThan(
      rerun.ops.findIndex((o) => o.op === "setCells"),
    );
  });

  test("the signature moves down intact (text, bold, and its formula reading the moved rows)", () => {
    const after = plan(applyChangeSet(signed, rerun));
    expect(find(after, SIGN)).toEqual({ row: bottom + 2 + grown, col: 1 });
    const r = bottom + 2 + grown - after.top;
    expect(after.bold![r][1 - after.left]).toBe(true);
    expect(after.formulas![r][2 - after.left]).toBe(`=COUNTA(A${table.rect.top + 2}:A${bottom + 1})`);
    // The plan holds both tasks of every criterion, its table grown over them.
    const t = after.tables!.find((x) => x.name === PLAN_TABLE)!;
    expect(t.rect.rows - 1).toBe(2 * (table.rect.rows - 1));
    expect(
      find(after, "Việc 2 cho " + String(plan(first).values[table.rect.top + 1 - plan(first).top][1])),
    ).not.toBeNull();
  });

  test("the panel says before it that rows are inserted and the rows below move down (vi and en)", () => {
    const say = sayBefore(rerun, signed)!;
    const rows = `${bottom + 2}–${bottom + 1 + grown}`;
    expect(say.vi).toContain(
      `Chèn ${grown} dòng ${rows} ở trang «${PLAN_SHEET}» (các dòng bên dưới được dời xuống)`,
    );
    expect(say.en).toContain(`Insert ${grown} rows ${rows} on «${PLAN_SHEET}» (the rows below move down)`);
  });

  test("nothing below the plan: no rows are inserted", () => {
    expect(planRemediationSheet(first, a, tasks(2)).ops.some((o) => o.op === "insertRows")).toBe(false);
  });

  test("undo deletes the inserted rows: the sheet is as it was", () => {
    const p = prepare(signed, rerun);
    if (!p.ok) throw new Error(p.error.code);
    expect(p.inverse.ops).toContainEqual({
      op: "deleteRows",
      sheet: PLAN_SHEET,
      at: bottom + 1,
      count: grown,
    });
    const back = plan(applyChangeSet(p.after, p.inverse));
    const before = plan(signed);
    expect(find(back, SIGN)).toEqual(find(before, SIGN));
    expect(back.values).toEqual(before.values);
    expect(back.tables).toEqual(before.tables);
  });
});

describe("the insertRows op in the model", () => {
  const sheet: SheetSnapshot = {
    name: "S",
    top: 0,
    left: 0,
    values: [["a"], ["b"], ["c"], [null]],
    formulas: [[null], [null], [null], ["=COUNTA(A1:A3)&A3"]],
    tables: [{ name: "T", rect: { top: 0, left: 0, rows: 3, cols: 1 }, showHeaders: true }],
    validations: [{ rect: { top: 3, left: 1, rows: 1, cols: 1 }, list: ["x"] }],
    conditionalFormats: [{ ranges: [{ top: 2, left: 0, rows: 2, cols: 1 }], formula: '=$A3<>""' }],
    frozen: { rows: 2, cols: 0 },
  };
  const ws: WorkbookSnapshot = { active: sheet, sheetNames: ["S"] };
  const cs = (ops: ChangeSet["ops"]): ChangeSet => ({ command: "plan", ops, counts: {} });

  test("rows inside a table grow it; what is below moves; formulas, rules and validations follow", () => {
    const after = applyChangeSet(ws, cs([{ op: "insertRows", sheet: "S", at: 1, count: 2 }])).active;
    expect(after.values.map((r) => r[0]).slice(0, 5)).toEqual(["a", null, null, "b", "c"]);
    expect(after.formulas![5][0]).toBe("=COUNTA(A1:A5)&A5");
    expect(after.tables![0].rect).toEqual({ top: 0, left: 0, rows: 5, cols: 1 });
    expect(after.validations).toEqual([{ rect: { top: 5, left: 1, rows: 1, cols: 1 }, list: ["x"] }]);
    expect(after.conditionalFormats![0]).toMatchObject({
      ranges: [{ top: 4, left: 0, rows: 2, cols: 1 }],
      formula: '=$A5<>""',
    });
    expect(after.frozen).toEqual({ rows: 4, cols: 0 });
  });

  test("prepare refuses a count below 1 and rows past the sheet's end; deleteRows undoes", () => {
    expect(prepare(ws, cs([{ op: "insertRows", sheet: "S", at: 1, count: 0 }])).ok).toBe(false);
    expect(prepare(ws, cs([{ op: "insertRows", sheet: "S", at: 1048575, count: 2 }])).ok).toBe(false);
    const p = prepare(ws, cs([{ op: "deleteRows", sheet: "S", at: 1, count: 2 }]));
    if (!p.ok) throw new Error(p.error.code);
    // The range loses its deleted rows; a reference into them is #REF!, as in Excel.
    expect(p.after.active.formulas!.flat().filter(Boolean)).toEqual(["=COUNTA(A1:A1)&#REF!"]);
    const back = applyChangeSet(p.after, p.inverse).active;
    expect(back.values.map((r) => r[0]).slice(0, 3)).toEqual(["a", "b", "c"]);
    expect(back.tables![0].rect).toEqual(sheet.tables![0].rect);
  });
});
