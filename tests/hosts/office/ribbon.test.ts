import type { WorkbookSnapshot } from "../../../src/core/types";
import type * as Commands from "../../../src/commands/commands";
import { FakeExcel, type FakeOptions } from "./fake";
import { criteriaRows, manifestSharedRuntime, sheetFrom, workbookOf } from "./helpers";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
  jest.restoreAllMocks();
});

/** Installs the double, then loads the function file (it registers its actions at load, as in Office). */
function load(ws: WorkbookSnapshot, opts: FakeOptions = {}): { fake: FakeExcel; commands: typeof Commands } {
  // Shared runtime or not: as manifest.xml says, unless the test says otherwise.
  const fake = new FakeExcel(ws, { ...opts, sharedRuntime: opts.sharedRuntime ?? manifestSharedRuntime() });
  uninstall = fake.install();
  let commands!: typeof Commands;
  jest.isolateModules(() => {
    commands = jest.requireActual("../../../src/commands/commands");
  });
  return { fake, commands };
}

const event = () =>
  ({ completed: jest.fn() }) as unknown as Office.AddinCommands.Event & { completed: jest.Mock };

test("the function file registers «recalculate» with Office.actions and as a global", () => {
  const { fake, commands } = load(workbookOf(sheetFrom(criteriaRows(10))));
  expect(fake.actions.get("recalculate")).toBe(commands.recalculate);
  expect((globalThis as Record<string, unknown>).recalculate).toBe(commands.recalculate);
});

test("Recalculate: read (learn + read on a first run) → plan (recalc + highlight) → apply in 3 syncs, then event.completed()", async () => {
  const { fake } = load(workbookOf(sheetFrom(criteriaRows(40), { top: 2 })));
  const e = event();
  await fake.actions.get("recalculate")!(e);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(fake.syncs).toBe(3);
  const after = fake.snapshot().active;
  expect(after.values[0][4]).toBe("Chưa đạt so với điểm tối đa"); // gap column inserted
  expect(after.formulas![2][4]).toMatch(/^=/); // live formulas
  expect(after.fills!.flat()).toContain("#FFC7CE"); // unmet rows highlighted
  expect(fake.taskpaneShown).toBe(0);
});

test("no criteria table: nothing written, the message kept and the task pane opened, event completed", async () => {
  const { fake, commands } = load(workbookOf(sheetFrom([["Ghi chú"], ["không phải bảng điểm"]])));
  const e = event();
  await commands.recalculate(e);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(fake.writes).toEqual([]);
  expect(fake.taskpaneShown).toBe(1);
  expect(commands.lastRibbonError?.error.code).toBe("no-table");
  expect(commands.lastRibbonError?.error.message.vi).toMatch(/Không tìm thấy bảng tiêu chí/);
});

test("a protected sheet: the host's error is reported, event still completed", async () => {
  const { fake, commands } = load(workbookOf(sheetFrom(criteriaRows(10))), { protectedSheets: ["PAR 2024"] });
  const e = event();
  await commands.recalculate(e);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(commands.lastRibbonError?.error.code).toBe("protected");
  expect(fake.writes).toEqual([]);
});

test("without a shared runtime the message is logged (and kept) instead", async () => {
  const log = jest.spyOn(console, "error").mockImplementation(() => {});
  const { fake, commands } = load(workbookOf(sheetFrom([["Ghi chú"], ["không phải bảng điểm"]])), {
    sharedRuntime: false,
  });
  const e = event();
  await commands.recalculate(e);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(fake.taskpaneShown).toBe(0);
  expect(log).toHaveBeenCalledWith(expect.stringContaining("Không tìm thấy bảng tiêu chí"));
  expect(commands.lastRibbonError?.error.code).toBe("no-table");
});

test("the manifest configures a shared runtime, so the double has Office.addin (not a default)", () => {
  expect(manifestSharedRuntime()).toBe(true);
  const { fake } = load(workbookOf(sheetFrom(criteriaRows(10))));
  expect(fake.sharedRuntime).toBe(true);
  expect(new FakeExcel(workbookOf(sheetFrom(criteriaRows(10)))).sharedRuntime).toBe(false);
});

test("event.completed() is called even when something unexpected throws", async () => {
  jest.spyOn(console, "error").mockImplementation(() => {});
  const { commands } = load(workbookOf(sheetFrom(criteriaRows(10))));
  const host = { read: () => Promise.reject(new TypeError("boom")), apply: () => Promise.resolve() };
  expect((await commands.runRecalculate(host))?.code).toBe("unexpected");
  const e = event();
  (globalThis as Record<string, unknown>).Excel = undefined; // Excel.run itself blows up
  await commands.recalculate(e);
  expect(e.completed).toHaveBeenCalledTimes(1);
});
