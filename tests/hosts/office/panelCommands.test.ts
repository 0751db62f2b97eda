/**
 * The panel's commands as the task pane runs them (the app's Session over ExcelHost) on the seed workbook in
 * the strict double: each command, then Undo; what each costs in requests (context.sync), the budget
 * docs/HOSTS-OFFICE.md states; and that an undo leaves the workbook as it was.
 */
import { Session } from "../../../src/app/session";
import type { CommandId } from "../../../src/app/registry";
import { ExcelHost } from "../../../src/hosts/office/host";
import { sampleWorkbook } from "../../../src/core/sample";
import type { WorkbookSnapshot } from "../../../src/core/types";
import type { FakeExcel } from "./fake";
import { installFake } from "./helpers";

let done: (() => void) | null = null;
afterEach(() => {
  done?.();
  done = null;
});

function start(): { fake: FakeExcel; session: Session; host: ExcelHost } {
  const installed = installFake(sampleWorkbook());
  done = installed.done;
  const host = new ExcelHost();
  return { fake: installed.fake, session: new Session(host, "vi"), host };
}

/** Requests `f` took. */
async function syncsOf(fake: FakeExcel, f: () => Promise<{ ok: boolean }>): Promise<number> {
  const before = fake.syncs;
  const r = await f();
  if (!r.ok) throw new Error(JSON.stringify(r));
  return fake.syncs - before;
}

/** A workbook's content without the selection (where the host last took the user). */
const content = (ws: WorkbookSnapshot) =>
  JSON.stringify(ws, (k, v: unknown) => (k === "selection" ? undefined : v));

test("the first read of a session learns the structure (2 syncs); later reads are 1", async () => {
  const { fake, host } = start();
  expect(await syncsOf(fake, async () => (await host.read(), { ok: true }))).toBe(2);
  expect(await syncsOf(fake, async () => (await host.read(), { ok: true }))).toBe(1);
});

test("each panel command: 1 read + 1 write, the read after it 1 sync, its undo 1 read + 1 write", async () => {
  const { fake, session, host } = start();
  await host.read(); // the pane's first read (boot)
  const seed = content(fake.snapshot());
  const budget: Record<string, [number, number, number]> = {};
  for (const command of ["assign", "plan", "recalc-only"] as CommandId[]) {
    const run = await syncsOf(fake, () => session.run(command)).catch((e: Error) => {
      throw new Error(`${command}: ${e.message}`);
    });
    const next = await syncsOf(fake, async () => (await host.read(), { ok: true }));
    const undo = await syncsOf(fake, () => session.undo());
    budget[command] = [run, next, undo];
    expect(content(fake.snapshot())).toBe(seed);
  }
  expect(budget).toEqual({
    assign: [2, 1, 2],
    plan: [2, 1, 2],
    "recalc-only": [2, 1, 2],
  });
});

test("Do everything: 1 read + 1 write (plan sheet, table and highlight included); the next read 1; undo 1 + 1 + the rules' ids", async () => {
  const { fake, session, host } = start();
  await host.read();
  const seed = content(fake.snapshot());
  expect(await syncsOf(fake, () => session.doEverything())).toBe(2);
  expect(await syncsOf(fake, async () => (await host.read(), { ok: true }))).toBe(1);
  // Removing the highlight's rules needs their ids: one small request before the write (withRuleIds).
  expect(await syncsOf(fake, () => session.undo())).toBe(3);
  expect(content(fake.snapshot())).toBe(seed);
});

test("Recalculate then Clear highlight: 2 syncs each; the read after each 1", async () => {
  const { fake, session, host } = start();
  await host.read();
  expect(await syncsOf(fake, () => session.run("recalc"))).toBe(2);
  expect(await syncsOf(fake, async () => (await host.read(), { ok: true }))).toBe(1);
  expect(await syncsOf(fake, () => session.run("clear-highlight"))).toBe(2);
  expect(await syncsOf(fake, async () => (await host.read(), { ok: true }))).toBe(1);
});

// The read loads the criteria sheet's rules with their ranges (by index, in its one request: the memo knows
// how many rules the sheet holds), so the inverse of a clear puts the highlight back where it was.
test("Undo of Clear highlight restores the highlight: 1 read + 1 write", async () => {
  const { fake, session, host } = start();
  expect((await session.run("recalc")).ok).toBe(true);
  const highlighted = content(fake.snapshot());
  const rules = (await host.read()).active.conditionalFormats ?? [];
  expect(rules.length).toBeGreaterThan(0);
  expect(rules.every((r) => r.ranges.length > 0)).toBe(true);
  expect((await session.run("clear-highlight")).ok).toBe(true);
  expect(await syncsOf(fake, () => session.undo())).toBe(2);
  expect(content(fake.snapshot())).toBe(highlighted);
});

// "Ghi danh mục giải pháp" ends by showing the catalogue sheet it added: the session keeps working on the
// criteria sheet (a sheet of the add-in's own being active never becomes the table), and its undo reads the
// sheet the command worked on, deletes the catalogue and takes the user back to the table.
test("Undo of Write the solutions catalogue removes the catalogue sheet and shows the table again", async () => {
  const seedWs = sampleWorkbook();
  const installed = installFake({ ...seedWs, sheetNames: [...seedWs.sheetNames, "Ghi chú"] });
  done = installed.done;
  const fake = installed.fake;
  const session = new Session(new ExcelHost(), "vi");
  const table = seedWs.active.name;
  const seed = content(fake.snapshot());
  expect((await session.run("export-catalogue")).ok).toBe(true);
  expect(fake.activeSheet).toBe("Danh mục giải pháp");
  // The next command still works on the table, not on the catalogue the user is looking at.
  const analyzed = await session.analyze();
  expect(analyzed.ok).toBe(true);
  expect(analyzed.ok ? analyzed.summary?.rows.length : 0).toBeGreaterThan(0);
  const undone = await session.undo();
  expect(undone).toMatchObject({ ok: true, result: { vi: "Đã hoàn tác: Ghi danh mục giải pháp." } });
  expect(fake.activeSheet).toBe(table);
  expect(content(fake.snapshot())).toBe(seed);
});
