/** "Do everything" (issue 14): one read, one change set, one write; the same workbook as the steps one by one; twice = once. */
import { planApplyAll } from "../../src/app/applyAll";
import { MemoryHost } from "../../src/app/memoryHost";
import { sampleWorkbook } from "../../src/app/sample";
import { Session } from "../../src/app/session";

const snapshotOf = (h: MemoryHost) => JSON.parse(JSON.stringify(h.model.toSnapshot(h.active)));

test("one read and one write, the same workbook as the steps run one by one (highlight after assign)", async () => {
  const all = new MemoryHost(sampleWorkbook());
  const r = await new Session(all, "vi").applyAll();
  expect(r.ok).toBe(true);
  expect([all.reads, all.writes]).toEqual([1, 1]);
  if (!r.ok) return;
  expect(r.results.map((x) => x.en)).toEqual([
    expect.stringContaining("Recalculated 27 rows"),
    expect.stringContaining("19 rows filled"),
    expect.stringContaining("Highlighted"),
    expect.stringContaining("Remediation plan: 43 tasks"),
  ]);
  expect(r.summary.unmet).toHaveLength(19);

  const steps = new MemoryHost(sampleWorkbook());
  const results = await new Session(steps, "vi").runAll(["recalc-only", "assign", "highlight", "plan"]);
  expect(results.every((x) => x.ok)).toBe(true);
  expect(steps.writes).toBe(4);
  expect(snapshotOf(all)).toEqual(snapshotOf(steps));
});

test("twice = once", async () => {
  const host = new MemoryHost(sampleWorkbook());
  const session = new Session(host, "vi");
  await session.applyAll();
  const once = snapshotOf(host);
  const again = await session.applyAll();
  expect(again.ok).toBe(true);
  expect(snapshotOf(host)).toEqual(once);
});

test("--only steps: recalc alone writes no agency columns and no plan sheet", () => {
  const r = planApplyAll(sampleWorkbook(), { steps: ["recalc"] });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.steps.map((s) => s.command)).toEqual(["recalc"]);
  expect(r.changeSet.ops.some((o) => o.op === "addSheet")).toBe(false);
});

test("a workbook without a table: the error, nothing planned", () => {
  const ws = sampleWorkbook();
  ws.active = { ...ws.active, values: [["không có bảng"]], bold: undefined };
  const r = planApplyAll(ws);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe("no-table");
});
