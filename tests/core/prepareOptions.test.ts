// core/prepare.ts with { inverse: false }: the same checks, resolved ops and after state, no inverse derived.
import { prepare, sampleWorkbook } from "../../src/core";
import { planCommand } from "../../src/app/commands";

test.each(["recalc", "assign", "plan"] as const)(
  "%s on the sample: without the inverse, the same ops and after state; the inverse is empty",
  (command) => {
    const ws = sampleWorkbook();
    const o = planCommand(ws, command);
    if (!o.ok) throw new Error(o.error.code);
    const full = prepare(ws, o.changeSet);
    const lean = prepare(ws, o.changeSet, { inverse: false });
    if (!full.ok || !lean.ok) throw new Error("prepare refused");
    expect(full.inverse.ops.length).toBeGreaterThan(0);
    expect(lean.inverse.ops).toEqual([]);
    expect(lean.ops).toEqual(full.ops);
    expect(lean.after).toEqual(full.after);
  },
);

test("without the inverse, a change set that cannot be written is still refused", () => {
  const ws = sampleWorkbook();
  const p = prepare(
    ws,
    { command: "plan", ops: [{ op: "deleteSheet", sheet: "Không có" }], counts: {} },
    { inverse: false },
  );
  expect(p.ok).toBe(false);
});

test("planCommand with inverse: false prepares without one", () => {
  const o = planCommand(sampleWorkbook(), "recalc", { inverse: false });
  if (!o.ok) throw new Error(o.error.code);
  expect(o.inverse).toBeNull();
  expect(o.prepared.inverse.ops).toEqual([]);
});
