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

test("columns (widths, hidden flags) are loaded for the sheets read in full — the criteria sheet and the own sheets — never for probes", async () => {
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
    { hiddenColumns: { "PAR 2024": [9], [PLAN]: [1], [CATALOGUE]: [0], "Ghi chú": [2] } },
  );
  const ws = await readSnapshot();
  // each sheet read in full: its used range's columns and its first 64 columns (an own sheet's hidden flags
  // are what an undo of widths set there — export-catalogue into an existing empty catalogue sheet — restores)
  expect(fake.columnLoads.filter((a) => a.includes("Ghi chú"))).toEqual([]);
  expect(fake.columnLoads.filter((a) => a.startsWith("'PAR 2024'!"))).toEqual([
    "'PAR 2024'!A3:E22",
    "'PAR 2024'!A1:BL1048576",
  ]);
  expect(fake.columnLoads).toHaveLength(6);
  expect(ws.active.hiddenColumns).toEqual([9]);
  expect(ws.others![PLAN].hiddenColumns).toEqual([1]);
  expect(ws.others![CATALOGUE].hiddenColumns).toEqual([0]);
  expect(ws.probes!["Ghi chú"].hiddenColumns).toBeUndefined();
  // a second, guessed read of the same host asks the same
  fake.columnLoads.length = 0;
  await readSnapshot();
  expect(fake.columnLoads).toHaveLength(6);
});
