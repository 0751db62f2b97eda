// Hidden columns through the strict double: the read reports them (ColumnProperties.columnHidden, also
// right of the used range, where assign's empty columns are), and the undo of a command that showed one
// hides it again (Range.columnHidden = true).
import { planAssign } from "../../../src/core/assign";
import { prepare } from "../../../src/core/prepare";
import type { RemedySource } from "../../../src/core/remedy";
import { analyzed, criteriaRows, sheetFrom, workbookOf } from "./helpers";
import { applyChangeSet, freshHost, readSnapshot, setup } from "./harness";

const source: RemedySource = {
  remedy: () => ({ lead: "Sở Nội vụ", implementers: "Các sở", tasks: ["Việc"] }),
  produced: () => true,
};

beforeEach(() => freshHost());

test("the read reports hidden columns inside and right of the used range", async () => {
  setup(workbookOf(sheetFrom(criteriaRows(20), { top: 2 })), { hiddenColumns: { "PAR 2024": [1, 5, 9] } });
  const basis = await readSnapshot();
  expect(basis.active.hiddenColumns).toEqual([1, 5, 9]);
});

test("assign shows the hidden empty column it writes into; the undo hides it again (and only it)", async () => {
  const fake = setup(workbookOf(sheetFrom(criteriaRows(20), { top: 2 })), {
    hiddenColumns: { "PAR 2024": [5, 9] },
  });
  const basis = await readSnapshot();
  const cs = planAssign(basis.active, analyzed(basis.active), source);
  expect(cs.ops.some((o) => o.op === "insertColumns")).toBe(false);
  const p = prepare(basis, cs);
  if (!p.ok) throw p.error;
  await applyChangeSet(cs, basis);
  expect([...fake.hiddenColumns.get("PAR 2024")!].sort()).toEqual([9]);
  expect(p.inverse.ops).toContainEqual(
    expect.objectContaining({ op: "setColumnWidth", col: 5, hidden: true }),
  );
  const now = await readSnapshot();
  await applyChangeSet(p.inverse, now);
  expect([...fake.hiddenColumns.get("PAR 2024")!].sort((a, b) => a - b)).toEqual([5, 9]);
  expect(fake.writes).toContain("columnHidden = true PAR 2024!F1:F1048576");
});
