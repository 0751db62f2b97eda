// The Office host's whole-row inserts (a plan growing over the user's rows) and the columns it shows,
// through the double: Range.insert("Down") on whole rows, Range.columnHidden on the add-in's columns.
import { applyChangeSet as simulate } from "../../../src/core/model";
import { planAssign } from "../../../src/core/assign";
import { planRemediationSheet } from "../../../src/core/planSheet";
import { PLAN_SHEET, PLAN_TABLE } from "../../../src/core/owned";
import { sampleWorkbook } from "../../../src/core/sample";
import type { RemedySource } from "../../../src/core/remedy";
import type { SheetSnapshot } from "../../../src/core/types";
import { analyzed, criteriaRows, expectSameWorkbook, sheetFrom, workbookOf } from "./helpers";
import { applyChangeSet, freshHost, readSnapshot, recalcCommand, setup } from "./harness";

const tasks = (n: number): RemedySource => ({
  remedy: (r) => ({
    lead: "Sở Nội vụ",
    implementers: "Các sở",
    tasks: Array.from({ length: n }, (_, k) => `Việc ${k + 1} cho ${r.code}`),
  }),
  produced: () => true,
});

function rowOf(s: SheetSnapshot, text: string): number | null {
  const i = s.values.findIndex((row) => row.includes(text));
  return i < 0 ? null : s.top + i;
}

beforeEach(() => freshHost());

test("a plan growing over the signature below it: whole rows inserted (insert Down), the signature moves down", async () => {
  const ws = sampleWorkbook();
  const first = simulate(ws, planRemediationSheet(ws, analyzed(ws.active), tasks(1)));
  const t = first.others![PLAN_SHEET].tables!.find((x) => x.name === PLAN_TABLE)!;
  const bottom = t.rect.top + t.rect.rows - 1;
  const signed = simulate(first, {
    command: "plan",
    counts: {},
    ops: [
      {
        op: "setCells",
        sheet: PLAN_SHEET,
        top: bottom + 2,
        left: 1,
        cells: [[{ kind: "text", text: "Người lập biểu" }]],
      },
    ],
  });
  const fake = setup(signed);
  const basis = await readSnapshot();
  const cs = planRemediationSheet(basis, analyzed(basis.active), tasks(2));
  const grown = t.rect.rows - 1;
  await applyChangeSet(cs, basis);
  expect(fake.writes).toContain(`insert Down ${PLAN_SHEET}!A${bottom + 2}:XFD${bottom + 1 + grown}`);
  const after = fake.snapshot();
  expect(rowOf(after.others![PLAN_SHEET], "Người lập biểu")).toBe(bottom + 2 + grown);
  // The double started from `signed`: Excel ends as the core says from it.
  expectSameWorkbook(after, simulate(signed, cs));
});

test("recalc's columns inserted right of a hidden column are shown (Excel may copy the hidden flag)", async () => {
  // D (the achieved score) is hidden; recalc inserts E:F right of it.
  const fake = setup(workbookOf(sheetFrom(criteriaRows(20), { top: 2 })), {
    hiddenColumns: { "PAR 2024": [3] },
  });
  const { cs } = await recalcCommand();
  expect(cs.ops).toContainEqual(expect.objectContaining({ op: "insertColumns", at: 4, count: 2 }));
  expect([...fake.hiddenColumns.get("PAR 2024")!]).toEqual([3]);
  expect(fake.writes).toContain("columnHidden = false PAR 2024!E1:F1048576");
});

test("assign's columns written into an empty hidden column are shown", async () => {
  const fake = setup(workbookOf(sheetFrom(criteriaRows(20), { top: 2 })), {
    hiddenColumns: { "PAR 2024": [5, 9] },
  });
  const basis = await readSnapshot();
  const cs = planAssign(basis.active, analyzed(basis.active), tasks(1));
  // F:H are empty: written into, not inserted.
  expect(cs.ops.some((o) => o.op === "insertColumns")).toBe(false);
  await applyChangeSet(cs, basis);
  // F (the lead agency) shows; J, the user's other hidden column, stays hidden.
  expect([...fake.hiddenColumns.get("PAR 2024")!]).toEqual([9]);
});
