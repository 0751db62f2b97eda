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

test("columns (widths, hidden flags) are loaded for the criteria sheet only, not the own sheets or probes", async () => {
  const PLAN = "Kế hoạch khắc phục";
  const CATALOGUE = "Danh mục giải pháp";
  const fake = setup(
    workbookOf(
      sheetFrom(criteriaRows(20), { top: 2 }),
      [
        sheetFrom([["STT", "Nội dung"]], { name: PLAN }),
        sheetFrom([["Mã", "Giải pháp"]], { name: CATALOGUE }),
      ],
      ["Ghi chú"],
    ),
    { hiddenColumns: { "PAR 2024": [9], [PLAN]: [1], [CATALOGUE]: [0] } },
  );
  const ws = await readSnapshot();
  // the used range's columns and the first 64 columns, of the criteria sheet: two loads, nothing else
  expect(fake.columnLoads).toEqual(["'PAR 2024'!A3:E22", "'PAR 2024'!A1:BL1048576"]);
  expect(ws.active.hiddenColumns).toEqual([9]);
  expect(ws.active.columnWidths).toEqual({});
  for (const name of [PLAN, CATALOGUE]) {
    expect(ws.others![name].values.length).toBe(1); // read in full
    expect(ws.others![name].hiddenColumns).toBeUndefined();
    expect(ws.others![name].columnWidths).toBeUndefined();
  }
  // a second, guessed read of the same host asks the same
  fake.columnLoads.length = 0;
  await readSnapshot();
  expect(fake.columnLoads).toHaveLength(2);
});
