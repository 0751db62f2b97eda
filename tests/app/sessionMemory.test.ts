// The session's writes to the workbook's memory (the unit chooser, "don't ask again"): one path for both,
// reading as every command reads and chained so that no read races a memory write.
import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { CATALOGUE_SHEET_NAME } from "../../src/catalogue";
import { readMemory } from "../../src/core/workbookMemory";
import { sampleWorkbook, type PreparedOk, type WorkbookSnapshot } from "../../src/core";

/** Records the order of reads and writes, and shows a `select` op's sheet like Excel. */
class LoggingHost extends MemoryHost {
  log: string[] = [];
  override async read(opts: { sheet?: string } = {}): Promise<WorkbookSnapshot> {
    const ws = await super.read(opts);
    this.log.push(`read ${ws.active.name}`);
    return ws;
  }
  override async apply(p: PreparedOk): Promise<void> {
    this.log.push(`write ${p.ops.map((o) => ("sheet" in o ? o.sheet : "")).join(",")}`);
    await super.apply(p);
    for (const op of p.ops) if (op.op === "select") this.active = op.sheet;
  }
}

test("«don't ask again» asked while the unit chooser writes: it reads after that write", async () => {
  const host = new LoggingHost(sampleWorkbook());
  const table = host.active;
  const session = new Session(host, "vi");
  const steps: string[] = [];
  let asked: Promise<void> | null = null;
  session.onStep((s) => {
    steps.push(s);
    // the unit chooser has read: the user ticks "don't ask again" before its write
    if (s === "write") asked = session.stopAsking();
    return new Promise((resolve) => setTimeout(resolve, 0));
  });
  const unit = await session.setUnit("commune");
  await asked;
  expect(unit.ok).toBe(true);
  expect(host.log).toEqual([`read ${table}`, `write ${table}`, `read ${table}`, `write ${table}`]);
  expect(readMemory(host.snapshot())).toEqual({ unit: "commune", noAsk: ["all"] });
  // the unit chooser tells its steps; "don't ask again" is silent
  expect(steps).toEqual(["read", "plan", "write", "done"]);
});

test("«don't ask again» while the catalogue is shown reads the table, as a command does", async () => {
  const host = new LoggingHost(sampleWorkbook());
  const table = host.active;
  const session = new Session(host, "vi");
  expect((await session.run("export-catalogue")).ok).toBe(true);
  expect(host.active).toBe(CATALOGUE_SHEET_NAME);
  host.log = [];
  await session.stopAsking("recalc");
  expect(host.log.at(-1)).toBe(`write ${table}`);
  expect(readMemory(host.snapshot()).noAsk).toEqual(["recalc"]);
  // the unit chooser: already so, one read and no write
  await session.setUnit("commune");
  host.log = [];
  const r = await session.setUnit("commune");
  expect(r.ok).toBe(true);
  expect(host.log.filter((l) => l.startsWith("write"))).toEqual([]);
});
