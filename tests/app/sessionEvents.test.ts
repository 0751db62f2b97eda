// Issue 13 item 4 («Progress») and item 2 (the ribbon's command shown in the panel): a session tells its
// steps (read → plan → write → done), waits for a listener that asks to be waited for, and tells each change
// of its undo history with the outcome that made it.
import { MemoryHost } from "../../src/app/memoryHost";
import { Session, STEP_WORDS, type SessionStep } from "../../src/app/session";
import type { SessionChange } from "../../src/app/sessionEvents";
import type { SessionResult } from "../../src/app/session";
import { sampleWorkbook } from "../../src/core";

/** A host that records, in order, its reads and writes next to the session's steps. */
function tracedHost(log: string[]) {
  const host = new MemoryHost(sampleWorkbook());
  const read = host.read.bind(host);
  const apply = host.apply.bind(host);
  host.read = async (opts) => {
    log.push("host.read");
    return read(opts);
  };
  host.apply = async (p) => {
    log.push("host.apply");
    return apply(p);
  };
  return host;
}

describe("the session's steps", () => {
  test("a command tells read → plan → write → done, each before the host does it", async () => {
    const log: string[] = [];
    const s = new Session(tracedHost(log), "vi");
    s.onStep((step) => void log.push(step));
    const r = await s.run("recalc");
    expect(r.ok).toBe(true);
    expect(log).toEqual(["read", "host.read", "plan", "write", "host.apply", "done"]);
  });

  test("a read without a write tells read → plan → done; a failed command still ends with done", async () => {
    const log: string[] = [];
    const host = tracedHost(log);
    const s = new Session(host, "vi");
    s.onStep((step) => void log.push(step));
    await s.analyze();
    expect(log).toEqual(["read", "host.read", "plan", "done"]);
    log.length = 0;
    host.apply = async () => {
      throw new Error("the write failed");
    };
    const quiet = jest.spyOn(console, "error").mockImplementation(() => {}); // the unexpected error's log
    const r = await s.run("assign");
    quiet.mockRestore();
    expect(r.ok).toBe(false);
    expect(log.at(-1)).toBe("done");
    expect(log).toContain("write");
  });

  test("undo and do everything tell their steps too", async () => {
    const steps: SessionStep[] = [];
    const s = new Session(new MemoryHost(sampleWorkbook()), "vi");
    s.onStep((step) => void steps.push(step));
    await s.doEverything();
    expect(steps).toEqual(["read", "plan", "write", "done"]);
    steps.length = 0;
    await s.undo();
    expect(steps).toEqual(["read", "plan", "write", "done"]);
  });

  test("the session waits for a listener's promise before the step (the pane lets it paint)", async () => {
    const log: string[] = [];
    const s = new Session(tracedHost(log), "vi");
    let release!: () => void;
    s.onStep((step) => {
      log.push(step);
      if (step === "write") return new Promise<void>((r) => (release = r));
    });
    const running = s.run("recalc");
    await new Promise((r) => setTimeout(r, 0));
    expect(log.at(-1)).toBe("write"); // held before the host's write
    expect(log).not.toContain("host.apply");
    release();
    expect((await running).ok).toBe(true);
    expect(log.slice(-2)).toEqual(["host.apply", "done"]);
  });

  test("a listener that throws does not stop the command; an unsubscribed one hears nothing", async () => {
    const s = new Session(new MemoryHost(sampleWorkbook()), "vi");
    const heard: SessionStep[] = [];
    s.onStep(() => {
      throw new Error("cannot paint");
    });
    const off = s.onStep((step) => void heard.push(step));
    off();
    expect((await s.run("recalc")).ok).toBe(true);
    expect(heard).toEqual([]);
  });

  test("the step words are bilingual, Vietnamese first, as the playground says them", () => {
    expect(STEP_WORDS.read).toEqual({ vi: "Đang đọc bảng…", en: "Reading the table…" });
    expect(STEP_WORDS.plan).toEqual({ vi: "Đang tính…", en: "Calculating…" });
    expect(STEP_WORDS.write).toEqual({ vi: "Đang ghi…", en: "Writing…" });
  });
});

describe("the session's changes", () => {
  test("each change of the undo history carries its task and the outcome with the summary", async () => {
    const s = new Session(new MemoryHost(sampleWorkbook()), "vi");
    const changes: SessionChange<SessionResult>[] = [];
    s.subscribe((c) => changes.push(c));
    const ran = await s.run("recalc");
    expect(changes).toHaveLength(1);
    expect(changes[0].task).toBe("recalc");
    expect(changes[0].outcome).toEqual(ran);
    expect(changes[0].outcome.ok && changes[0].outcome.summary?.total.achieved).toBeGreaterThan(0);
    expect(s.latestChange).toBe(changes[0]);

    await s.doEverything();
    expect(changes[1].task).toBe("apply-all");
    expect(changes[1].outcome.ok && changes[1].outcome.result?.vi).toMatch(/Đã/);

    const undone = await s.undo();
    expect(changes[2]).toEqual({ task: "undo", outcome: undone });
    // analyze and preview change nothing: nobody is told
    await s.analyze();
    await s.preview("assign");
    expect(changes).toHaveLength(3);
  });

  test("a session without undo entries (the ribbon alone, the CLI) tells no change", async () => {
    const s = new Session(new MemoryHost(sampleWorkbook()), null, { undo: false });
    const changes: unknown[] = [];
    s.subscribe((c) => changes.push(c));
    expect((await s.run("recalc")).ok).toBe(true);
    expect(changes).toEqual([]);
  });
});

describe("do everything's summary carries the unit (the unit chooser is never stale)", () => {
  test("the unit detected from the titles", async () => {
    const s = new Session(new MemoryHost(sampleWorkbook()), "vi");
    const r = await s.doEverything();
    expect(r.ok && r.summary?.unit).toMatchObject({ level: "district", source: "detected" });
  });

  test("the unit the user chose and the workbook remembers", async () => {
    const s = new Session(new MemoryHost(sampleWorkbook()), "vi");
    const chosen = await s.setUnit("commune");
    expect(chosen.ok && chosen.summary?.unit?.level).toBe("commune");
    const r = await s.doEverything();
    expect(r.ok && r.summary?.unit?.level).toBe("commune");
    expect(r.ok && r.summary?.unit?.source).not.toBe("detected");
    // undoing it keeps the chosen unit too
    const u = await s.undo();
    expect(u.ok && u.summary?.unit?.level).toBe("commune");
  });
});
