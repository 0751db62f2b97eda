// core/prepare.ts's Preparation: change sets added one after another in ONE simulation give what prepare
// gives for them joined, and the state between them is the workbook as the earlier ones leave it.
import { Preparation, prepare, sampleWorkbook, type ChangeSet, type WorkbookSnapshot } from "../../src/core";
import { planCommand } from "../../src/app/commands";
import { planApplyAll } from "../../src/app/applyAll";

const steps = ["recalc-only", "assign", "highlight", "plan"] as const;

/** Each step planned on the state prepare's `after` gives (the simulation per step it replaces). */
function stepByStep(ws: WorkbookSnapshot): ChangeSet[] {
  const out: ChangeSet[] = [];
  let current = ws;
  for (const c of steps) {
    const o = planCommand(current, c);
    if (!o.ok) throw new Error(o.error.code);
    out.push(o.changeSet);
    current = { ...current, ...o.prepared.after, probes: ws.probes };
  }
  return out;
}

test("the steps added one by one: the joined change set's ops, inverse, undo ops and after state", () => {
  const ws = sampleWorkbook();
  const sets = stepByStep(ws);
  const joined: ChangeSet = { command: "recalc", ops: sets.flatMap((s) => s.ops), counts: {} };
  const whole = prepare(ws, joined);
  const p = new Preparation(ws);
  for (const s of sets) expect(p.add(s)).toBeNull();
  const chained = p.finish(joined);
  if (!whole.ok) throw new Error("prepare refused");
  expect(chained.ops).toEqual(whole.ops);
  expect(chained.undoOps).toEqual(whole.undoOps);
  expect(chained.inverse).toEqual(whole.inverse);
  expect(chained.after).toEqual(whole.after);
  // apply-all plans the same steps through it
  const all = planApplyAll(ws);
  if (!all.ok) throw new Error(all.error.code);
  expect(all.steps).toEqual(sets);
  expect(all.prepared.inverse).toEqual(whole.inverse);
});

test("state() between change sets is the workbook they leave, recalculated", () => {
  const ws = sampleWorkbook();
  const [recalc] = stepByStep(ws);
  const p = new Preparation(ws);
  p.add(recalc);
  const one = prepare(ws, recalc);
  if (!one.ok) throw new Error("prepare refused");
  expect(p.state()).toEqual(one.after);
  // A change set of formats only changes no value: the state is still right without recalculating.
  const fill: ChangeSet = {
    command: "highlight",
    ops: [
      {
        op: "setStyle",
        sheet: ws.active.name,
        ranges: [{ top: 3, left: 0, rows: 2, cols: 3 }],
        style: { fill: "#FFC7CE" },
      },
    ],
    counts: {},
  };
  p.add(fill);
  const both = prepare(ws, { command: "recalc", ops: [...recalc.ops, ...fill.ops], counts: {} });
  if (!both.ok) throw new Error("prepare refused");
  expect(p.state()).toEqual(both.after);
  expect(p.state().active.fills?.[3 - ws.active.top]?.[0]).toBe("#FFC7CE");
});

test("an op that cannot be written: its error, numbered within its own change set", () => {
  const p = new Preparation(sampleWorkbook());
  const bad: ChangeSet = {
    command: "plan",
    ops: [
      { op: "select", sheet: "x", rect: { top: 0, left: 0, rows: 1, cols: 1 } },
      { op: "deleteSheet", sheet: "Không có" },
    ],
    counts: {},
  };
  const error = p.add(bad);
  expect(error?.code).toBe("invalid-change-set");
  expect(JSON.stringify(error)).toContain("2: deleteSheet");
});

test("the state after never throws when the change set deleted the sheet it was read from: Excel's next sheet", () => {
  // The undo of a sheet the add-in added and showed (the catalogue): read with that sheet active, deleting it.
  const base = sampleWorkbook();
  const added = prepare(base, {
    command: "export-catalogue",
    ops: [{ op: "addSheet", sheet: "Danh mục" }],
    counts: {},
  });
  if (!added.ok) throw added.error;
  const onCatalogue: WorkbookSnapshot = {
    ...added.after,
    active: added.after.others!["Danh mục"],
    others: { [base.active.name]: base.active },
  };
  const back = {
    op: "select" as const,
    sheet: base.active.name,
    rect: { top: 0, left: 0, rows: 1, cols: 1 },
  };
  const undo = prepare(onCatalogue, {
    command: "undo",
    ops: [{ op: "deleteSheet", sheet: "Danh mục" }, back],
    counts: {},
  });
  if (!undo.ok) throw undo.error;
  expect(undo.after.sheetNames).toEqual([base.active.name]);
  expect(undo.after.active.name).toBe(base.active.name);
  // With no select, the first sheet left.
  const bare = prepare(onCatalogue, {
    command: "undo",
    ops: [{ op: "deleteSheet", sheet: "Danh mục" }],
    counts: {},
  });
  if (!bare.ok) throw bare.error;
  expect(bare.after.active.name).toBe(base.active.name);
});
