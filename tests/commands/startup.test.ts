// Issue 10 item 2: the function file must call Office.onReady() before it associates its actions (some
// platforms deliver no command until it has). Loads src/commands/commands.ts against a minimal office.js
// stand-in that records the order of the calls.
import type * as Commands from "../../src/commands/commands";

type Handler = (event: unknown) => unknown;

let saved: unknown;
beforeEach(() => {
  saved = (globalThis as Record<string, unknown>).Office;
});
afterEach(() => {
  (globalThis as Record<string, unknown>).Office = saved;
});

function loadWith(office: unknown): typeof Commands {
  (globalThis as Record<string, unknown>).Office = office;
  let commands!: typeof Commands;
  jest.isolateModules(() => {
    commands = jest.requireActual("../../src/commands/commands");
  });
  return commands;
}

test("Office.onReady first, then Office.actions.associate('recalculate', recalculate)", async () => {
  const calls: string[] = [];
  const actions = new Map<string, Handler>();
  let fire!: () => void;
  const office = {
    onReady: (cb: () => void) => {
      calls.push("onReady");
      return new Promise<void>((resolve) => {
        fire = () => {
          cb();
          resolve();
        };
      });
    },
    actions: {
      associate: (id: string, f: Handler) => {
        calls.push(`associate:${id}`);
        actions.set(id, f);
      },
    },
  };
  const commands = loadWith(office);
  expect(calls).toEqual(["onReady"]); // nothing associated before Office is ready
  fire();
  await Promise.resolve();
  expect(calls).toEqual(["onReady", "associate:recalculate"]);
  expect(actions.get("recalculate")).toBe(commands.recalculate);
  expect((globalThis as Record<string, unknown>).recalculate).toBe(commands.recalculate);
});

test("without office.js the module still loads (the playground and tests import it)", () => {
  const commands = loadWith(undefined);
  expect(typeof commands.recalculate).toBe("function");
});
