// "Prepare once": a command simulates its change set on a model exactly once (core's prepare), whatever
// the command; the host then writes the prepared ops. Counted on WorkbookModel.apply, the simulation step.
import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { COMMANDS, type CommandId } from "../../src/app/commands";
import { WorkbookModel, sampleWorkbook } from "../../src/core";

/** Ops applied to models other than the host's own workbook (i.e. simulated), per command run. */
function countSimulatedOps(host: MemoryHost) {
  const spy = jest.spyOn(WorkbookModel.prototype, "apply");
  const builds = jest.spyOn(WorkbookModel, "fromSnapshot");
  return {
    simulated: () => spy.mock.contexts.filter((m) => m !== host.model).length,
    models: () => builds.mock.calls.length,
    reset: () => {
      spy.mockClear();
      builds.mockClear();
    },
    restore: () => {
      spy.mockRestore();
      builds.mockRestore();
    },
  };
}

const commands = COMMANDS.filter((c): c is CommandId => c !== "recalc-only");

/** What the session keeps of the last command: its inverse (counts.ops: the ops of the change set). */
/** The newest entry of the session's undo history (private: read for the count only). */
const lastChange = (session: Session) =>
  (
    session as unknown as {
      history: { last?: { inverse: { ops: unknown[]; counts: { ops: number } }; returnTo?: unknown } };
    }
  ).history.last ?? null;

describe("one simulation per command", () => {
  test.each(commands)("%s, then undo", async (command) => {
    const host = new MemoryHost(sampleWorkbook());
    const session = new Session(host);
    if (command === "clear-highlight") await session.run("highlight");
    const count = countSimulatedOps(host);
    try {
      count.reset();
      const r = await session.run(command);
      expect(r.ok).toBe(true);
      const last = lastChange(session);
      if (!last) throw new Error("the command left nothing to undo");
      // Every op of the change set simulated once, on the one model prepare built.
      expect(count.models()).toBe(1);
      expect(count.simulated()).toBe(last.inverse.counts.ops);

      count.reset();
      const u = await session.undo();
      expect(u.ok).toBe(true);
      // Undo: the inverse prepared once (plus the two read-only models of "untouched since?").
      expect(count.models()).toBe(3);
      // (and the select that takes the user back to the table, when the command showed another sheet)
      expect(count.simulated()).toBe(last.inverse.ops.length + (last.returnTo ? 1 : 0));
    } finally {
      count.restore();
    }
  });
});
