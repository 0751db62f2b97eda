// The panel's task logic without React: what it shows while a task runs and after it ends.
import { userError } from "../../src/app/errors";
import { analyzeWorkbook, type Summary } from "../../src/app/commands";
import { sampleWorkbook } from "../../src/app/sample";
import type { SessionResult } from "../../src/app/session";
import {
  canStart,
  initialPanelState,
  panelReducer,
  type PanelAction,
  type PanelState,
} from "../../src/taskpane/panelState";

const summary = (): Summary => {
  const r = analyzeWorkbook(sampleWorkbook());
  if (!r.ok) throw new Error("the seed has a table");
  return r.summary;
};
const line = { vi: "Đã tính lại.", en: "Recalculated." };
const ok = (s: Summary | null = summary(), result = line): SessionResult => ({
  ok: true,
  summary: s,
  result,
});
const fail = (code: Parameters<typeof userError>[0]): SessionResult => ({
  ok: false,
  error: userError(code),
});
const run = (actions: PanelAction[], from: PanelState = initialPanelState()) =>
  actions.reduce(panelReducer, from);

test("a command: busy while it runs, then its summary and result line", () => {
  const started = run([{ type: "start", task: "recalc" }]);
  expect(started.busy).toBe("recalc");
  expect(canStart(started)).toBe(false);
  const done = panelReducer(started, { type: "finish", task: "recalc", outcome: ok() });
  expect(done.busy).toBeNull();
  expect(done.summary?.from).toBe("recalc");
  expect(done.summary?.value.total.percent).toBe(85.3);
  expect(done.result).toEqual(line);
});

test("one task at a time: a second command while busy changes nothing", () => {
  const busy = run([{ type: "start", task: "recalc" }]);
  expect(panelReducer(busy, { type: "start", task: "assign" })).toBe(busy);
});

test("a sheet change while a command runs is put off, not dropped", () => {
  const s = run([
    { type: "start", task: "plan" },
    { type: "start", task: "analyze", follow: true },
  ]);
  expect(s.busy).toBe("plan");
  expect(s.followPending).toBe(true);
  expect(panelReducer(s, { type: "finish", task: "plan", outcome: ok() }).followPending).toBe(false);
});

test("the read after a sheet change names the sheet instead of keeping a stale result line", () => {
  const before = run([
    { type: "start", task: "recalc" },
    { type: "finish", task: "recalc", outcome: ok() },
    { type: "start", task: "analyze", follow: true },
  ]);
  expect(before.result).toEqual(line); // kept while reading
  const after = panelReducer(before, { type: "finish", task: "analyze", follow: true, outcome: ok() });
  expect(after.result?.vi).toContain("Kết quả 2023".length ? summary().sheet : "");
  expect(after.result?.en).toContain(summary().sheet);
});

test("a sheet without a table is information: the last summary stays, no error", () => {
  const s = run([
    { type: "start", task: "analyze" },
    { type: "finish", task: "analyze", outcome: ok(summary(), line) },
    { type: "start", task: "analyze", follow: true },
    { type: "finish", task: "analyze", follow: true, outcome: fail("no-table") },
  ]);
  expect(s.error).toBeNull();
  expect(s.sheetNote?.code).toBe("no-table");
  expect(s.summary?.value.sheet).toBe(summary().sheet);
});

test("a failed command is an error; a failed follow also drops the old result line", () => {
  const failed = run([
    { type: "start", task: "recalc" },
    { type: "finish", task: "recalc", outcome: fail("protected") },
  ]);
  expect(failed.error?.code).toBe("protected");
  expect(failed.sheetNote).toBeNull();
  const noTable = run([
    { type: "start", task: "assign" },
    { type: "finish", task: "assign", outcome: fail("no-table") },
  ]);
  expect(noTable.error?.code).toBe("no-table"); // only analyze treats it as information
  const follow = run(
    [
      { type: "start", task: "analyze", follow: true },
      { type: "finish", task: "analyze", follow: true, outcome: fail("stale") },
    ],
    { ...initialPanelState(), result: line },
  );
  expect(follow.result).toBeNull();
  expect(follow.error?.code).toBe("stale");
});

test("the ribbon's notice stays through the first read, goes at the next command or when dismissed", () => {
  const notice = userError("cell-edit");
  const read = run(
    [
      { type: "start", task: "analyze" },
      { type: "finish", task: "analyze", outcome: ok() },
    ],
    initialPanelState(notice),
  );
  expect(read.notice).toBe(notice);
  expect(panelReducer(read, { type: "start", task: "recalc" }).notice).toBeNull();
  expect(panelReducer(read, { type: "dismissNotice" }).notice).toBeNull();
});

test("starting a task clears the last error and sheet note", () => {
  const s = panelReducer(
    { ...initialPanelState(), error: userError("protected"), sheetNote: userError("ambiguous") },
    { type: "start", task: "recalc" },
  );
  expect([s.error, s.sheetNote]).toEqual([null, null]);
});

describe("the session's steps (issue 13 item 4)", () => {
  test("a task shows each step in turn; done and finish leave no step", () => {
    const seen: (PanelState["step"] | undefined)[] = [];
    let s = run([{ type: "start", task: "assign" }]);
    seen.push(s.step);
    for (const step of ["read", "plan", "write"] as const) {
      s = panelReducer(s, { type: "step", step });
      seen.push(s.step);
    }
    expect(seen).toEqual([null, "read", "plan", "write"]);
    expect(panelReducer(s, { type: "step", step: "done" }).step).toBeNull();
    expect(panelReducer(s, { type: "finish", task: "assign", outcome: ok() }).step).toBeNull();
  });

  test("steps while no task of the panel runs (the ribbon's) move nothing", () => {
    const idle = initialPanelState();
    expect(panelReducer(idle, { type: "step", step: "write" })).toBe(idle);
  });

  test("a new task starts without the last one's step", () => {
    const s = run([
      { type: "start", task: "analyze" },
      { type: "step", step: "plan" },
      { type: "finish", task: "analyze", outcome: ok() },
      { type: "start", task: "recalc" },
    ]);
    expect(s.step).toBeNull();
  });
});

describe("a command run elsewhere on the session (the ribbon, issue 13 item 2)", () => {
  test("while the panel is idle: its summary, result line and place, as the panel's own", () => {
    const before = run([
      { type: "start", task: "analyze" },
      { type: "finish", task: "analyze", outcome: fail("changed-since") },
    ]);
    const recalculated = { ...summary(), sheet: "Ribbon" };
    const s = panelReducer(before, {
      type: "sessionChanged",
      task: "recalc",
      outcome: { ok: true, summary: recalculated, result: line, changed: { sheet: "Ribbon" } },
    });
    expect(s.summary).toEqual({ value: recalculated, from: "recalc" });
    expect(s.result).toEqual(line);
    expect(s.resultOf).toBe("recalc");
    expect(s.changed).toEqual({ sheet: "Ribbon" });
    expect(s.error).toBeNull();
  });

  test("while the panel runs its own task the change is its own: the finish brings it", () => {
    const busy = run([{ type: "start", task: "assign" }]);
    expect(panelReducer(busy, { type: "sessionChanged", task: "assign", outcome: ok() })).toBe(busy);
  });

  test("an outcome without a summary keeps the summary shown", () => {
    const shown = run([
      { type: "start", task: "analyze" },
      { type: "finish", task: "analyze", outcome: ok() },
    ]);
    const s = panelReducer(shown, { type: "sessionChanged", task: "undo", outcome: ok(null) });
    expect(s.summary).toBe(shown.summary);
    expect(s.result).toEqual(line);
  });
});
