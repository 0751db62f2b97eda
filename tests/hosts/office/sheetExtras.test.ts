// The Office host's conditional formats and names through the double: highlight writes rules (no fills),
// a re-read finds them by id, clear removes only the add-in's, and the workbook memory round-trips.
import {
  isAddinRule,
  memoryOps,
  planClearHighlight,
  planHighlight,
  readMemory,
  shownFills,
} from "../../../src/core";
import { PALETTE } from "../../../src/core/highlight";
import type { ConditionalRule, WorkbookSnapshot } from "../../../src/core/types";
import { analyzed, criteriaRows, sheetFrom, workbookOf } from "./helpers";
import { applyChangeSet, readSnapshot, setup } from "./harness";

const USER_RULE: ConditionalRule = {
  ranges: [{ top: 0, left: 0, rows: 1, cols: 1 }],
  formula: '=$A$1<>""',
  fill: "#00B0F0",
};

function book(): WorkbookSnapshot {
  const ws = workbookOf(sheetFrom(criteriaRows(12), { top: 2 }));
  ws.active.conditionalFormats = [USER_RULE];
  return ws;
}

test("highlight writes custom rules, clear takes back only the add-in's, fills never change", async () => {
  const fake = setup(book());
  const basis = await readSnapshot();
  expect(basis.active.conditionalFormats).toHaveLength(1);
  expect(basis.active.conditionalFormats![0].id).toBeDefined();
  await applyChangeSet(planHighlight(basis.active, analyzed(basis.active)), basis);
  const after = fake.snapshot().active;
  const mine = after.conditionalFormats!.filter(isAddinRule);
  expect(mine.length).toBeGreaterThan(0);
  expect(fake.writes.some((w) => w.startsWith("cf.add"))).toBe(true);
  const a = analyzed(after);
  const zero = a.rows.find((r) => r.status === "zero");
  if (zero) expect(shownFills(after)[zero.row - after.top][0]).toBe(PALETTE.zero);
  // The table's own fills are what they were: the colour is the rules'.
  for (let r = a.table.firstRow; r <= a.table.lastRow; r++)
    expect(after.fills?.[r - after.top] ?? []).toEqual(basis.active.fills?.[r - basis.active.top] ?? []);

  const again = await readSnapshot();
  expect(again.active.conditionalFormats!.filter(isAddinRule)).toHaveLength(mine.length);
  await applyChangeSet(planClearHighlight(again.active, analyzed(again.active)), again);
  const cleared = fake.snapshot().active;
  expect(cleared.conditionalFormats).toEqual([USER_RULE]);
});

test("the workbook memory is written as hidden names and read back", async () => {
  const fake = setup(book());
  const basis = await readSnapshot();
  expect(readMemory(basis).unit).toBeNull();
  const cs = { command: "assign" as const, ops: memoryOps(basis, { unit: "commune" }), counts: {} };
  await applyChangeSet(cs, basis);
  expect(fake.model.names).toContainEqual({ name: "_ParIndex_Unit", ref: '="commune"', hidden: true });
  expect(readMemory(await readSnapshot())).toEqual({ unit: "commune", noAsk: [] });
});

test("a name is deleted by getItem only when the read saw it: never a statement on a null object", async () => {
  const fake = setup(book());
  const basis = await readSnapshot();
  await applyChangeSet({ command: "assign", ops: memoryOps(basis, { unit: "commune" }), counts: {} }, basis);
  expect(fake.writes.filter((w) => w.startsWith("name.delete"))).toEqual([]);
  const read = await readSnapshot();
  await applyChangeSet({ command: "assign", ops: memoryOps(read, { unit: "district" }), counts: {} }, read);
  expect(fake.writes.filter((w) => w.startsWith("name.delete"))).toEqual(["name.delete _ParIndex_Unit"]);
  expect(fake.model.names).toContainEqual({ name: "_ParIndex_Unit", ref: '="district"', hidden: true });
});
