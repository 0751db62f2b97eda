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
