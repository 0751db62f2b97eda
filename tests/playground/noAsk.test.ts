// Issue 13 item 1: "don't ask again" is remembered in the workbook (a hidden defined name, the same place
// as the unit profile), so it travels with the file: saved, opened again elsewhere, the session says nothing
// before a structural command. Through the playground's host (ExcelJS, the xlsx host) and a MemoryHost.
import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { readMemory } from "../../src/core/workbookMemory";
import { sampleWorkbook } from "../../src/core/sample";
import { loadWorkbook, readSnapshot, saveWorkbook } from "../../src/hosts/xlsx";
import { sampleXlsx } from "../../src/playground/sampleXlsx";
import { PlaygroundHost } from "../../src/playground/xlsxHost";

test("a session asks before recalc until told not to, then never in that workbook", async () => {
  const host = new MemoryHost(sampleWorkbook());
  const session = new Session(host, "vi");
  const first = await session.preview("recalc");
  expect(first.ok && first.say?.vi).toMatch(/^Chèn 1 cột F/);

  await session.stopAsking();
  expect(readMemory(host.snapshot()).noAsk).toEqual(["all"]);
  const again = await session.preview("recalc");
  expect(again.ok && again.say).toBeNull();
  const everything = await session.previewEverything();
  expect(everything.ok && everything.say).toBeNull();
  // a preference, not a change to the table: nothing to undo
  expect(session.undoHistory).toEqual([]);
  // written once: asking again writes nothing more
  const writes = host.writes;
  await session.stopAsking();
  expect(host.writes).toBe(writes);
});

test("one command only: the others are still said first", async () => {
  const session = new Session(new MemoryHost(sampleWorkbook()), "vi");
  await session.stopAsking("plan");
  const plan = await session.preview("plan");
  expect(plan.ok && plan.say).toBeNull();
  const recalc = await session.preview("recalc");
  expect(recalc.ok && recalc.say).not.toBeNull();
});

test("the command right after waits for the memory write (no race between the two writes)", async () => {
  const host = new MemoryHost(sampleWorkbook());
  const session = new Session(host, "vi");
  const remembered = session.stopAsking(); // not awaited, as the panel does
  const r = await session.run("recalc");
  await remembered;
  expect(r.ok).toBe(true);
  expect(readMemory(host.snapshot()).noAsk).toEqual(["all"]);
  expect(host.writes).toBe(2);
});

test("it travels with the .xlsx: saved, opened again, the new session does not ask", async () => {
  const host = new PlaygroundHost(sampleXlsx());
  const session = new Session(host, "vi");
  session.useSheet(host.sheet);
  await session.stopAsking();

  const reopened = await loadWorkbook(await saveWorkbook(host.workbook));
  const names = readSnapshot(reopened).names ?? [];
  expect(names).toContainEqual(expect.objectContaining({ name: "_ParIndex_NoAsk_all", hidden: true }));
  const again = new PlaygroundHost(reopened);
  const next = new Session(again, "vi");
  next.useSheet(again.sheet);
  const p = await next.preview("recalc");
  expect(p.ok && p.say).toBeNull();

  // a fresh copy of the sample (no memory) is still asked about
  const fresh = new PlaygroundHost(sampleXlsx());
  const q = await new Session(fresh, "vi").preview("recalc");
  expect(q.ok && q.say).not.toBeNull();
});
