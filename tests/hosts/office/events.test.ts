// src/hosts/office/events.ts over a tiny strict double of the event API it uses (Worksheets.onActivated):
// statements wait for context.sync(); add/remove only inside an Excel.run of their request context.
import { EVENTS_API, onSheetActivated } from "../../../src/hosts/office/events";

class FakeEventError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface FakeContext {
  id: number;
  queue: (() => void)[];
  sync(): Promise<void>;
  workbook: { worksheets: { onActivated: { add(h: Handler): FakeResult } } };
}
type Handler = (args: { type: "WorksheetActivated"; worksheetId: string }) => Promise<unknown>;
interface FakeResult {
  context: FakeContext;
  remove(): void;
}

/** Excel with workbook events: registrations, runs and syncs counted; failures on demand. */
class FakeExcelEvents {
  apiVersion = "1.20";
  handlers = new Set<Handler>();
  runs: number[] = []; // the context id of each Excel.run
  syncs = 0;
  /** The next sync fails with this code (Excel busy, a lost session...). */
  failSync: string | null = null;
  private contexts = 0;
  /** Contexts whose Excel.run batch is running: statements may only be queued on those. */
  private open = new Set<FakeContext>();

  private newContext(): FakeContext {
    const ctx: FakeContext = {
      id: ++this.contexts,
      queue: [],
      sync: async () => {
        if (!this.open.has(ctx)) throw new FakeEventError("InvalidRequestContext", "sync outside Excel.run");
        this.syncs++;
        if (this.failSync) {
          const code = this.failSync;
          this.failSync = null;
          ctx.queue = [];
          throw new FakeEventError(code, `sync failed: ${code}`);
        }
        for (const statement of ctx.queue.splice(0)) statement();
      },
      workbook: {
        worksheets: {
          onActivated: {
            add: (handler) => {
              this.check(ctx);
              const result: FakeResult = {
                context: ctx,
                remove: () => {
                  this.check(result.context);
                  result.context.queue.push(() => {
                    if (!this.handlers.delete(handler))
                      throw new FakeEventError("InvalidArgument", "handler not registered");
                  });
                },
              };
              ctx.queue.push(() => this.handlers.add(handler));
              return result;
            },
          },
        },
      },
    };
    return ctx;
  }

  private check(ctx: FakeContext) {
    if (!this.open.has(ctx)) throw new FakeEventError("InvalidRequestContext", "outside its Excel.run");
  }

  /** Excel.run(batch) or Excel.run(context, batch): the batch's unsynced statements are dropped, as in Excel. */
  async run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (ctx: FakeContext) => Promise<T>;
    const ctx = args.length > 1 ? (args[0] as FakeContext) : this.newContext();
    this.runs.push(ctx.id);
    this.open.add(ctx);
    try {
      return await batch(ctx);
    } finally {
      ctx.queue = [];
      this.open.delete(ctx);
    }
  }

  /** The user clicks a sheet tab. */
  async activate(worksheetId: string) {
    await Promise.all([...this.handlers].map((h) => h({ type: "WorksheetActivated", worksheetId })));
  }

  install(): () => void {
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = { Excel: g.Excel, Office: g.Office };
    g.Excel = { run: (...a: unknown[]) => this.run(...a) };
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) =>
            name === "ExcelApi" && Number(version.split(".")[1]) <= Number(this.apiVersion.split(".")[1]),
        },
      },
    };
    return () => Object.assign(g, saved);
  }
}

let excel: FakeExcelEvents;
let uninstall: () => void;
let warn: jest.SpyInstance;
beforeEach(() => {
  excel = new FakeExcelEvents();
  uninstall = excel.install();
  warn = jest.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  uninstall();
  warn.mockRestore();
});

describe("onSheetActivated", () => {
  test("registers the handler in one Excel.run and one sync; the remover removes it with that context", async () => {
    const handler = jest.fn();
    const remove = await onSheetActivated(handler);
    expect(excel.runs).toEqual([1]);
    expect(excel.syncs).toBe(1);
    expect(excel.handlers.size).toBe(1);

    await excel.activate("{sheet-2}");
    await excel.activate("{sheet-1}");
    expect(handler).toHaveBeenCalledTimes(2);

    await remove();
    expect(excel.runs).toEqual([1, 1]); // the registration's own request context, as Office.js requires
    expect(excel.syncs).toBe(2);
    expect(excel.handlers.size).toBe(0);
    await excel.activate("{sheet-2}");
    expect(handler).toHaveBeenCalledTimes(2);

    await remove(); // a second call does nothing
    expect(excel.runs).toEqual([1, 1]);
    expect(warn).not.toHaveBeenCalled();
  });

  test("each subscription is its own registration", async () => {
    const a = jest.fn();
    const b = jest.fn();
    const removeA = await onSheetActivated(a);
    const removeB = await onSheetActivated(b);
    expect(excel.handlers.size).toBe(2);
    await removeA();
    await excel.activate("{sheet-2}");
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    await removeB();
    expect(excel.handlers.size).toBe(0);
  });

  test("a handler that throws does not break Excel's event dispatch", async () => {
    await onSheetActivated(() => {
      throw new Error("boom");
    });
    await expect(excel.activate("{sheet-2}")).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test(`without ExcelApi ${EVENTS_API}: no Excel.run, a remover that does nothing`, async () => {
    excel.apiVersion = "1.6";
    const remove = await onSheetActivated(jest.fn());
    expect(excel.runs).toEqual([]);
    await expect(remove()).resolves.toBeUndefined();
    expect(excel.runs).toEqual([]);
  });

  test("outside Office (no Office, no Excel globals): a no-op remover", async () => {
    uninstall();
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = { Excel: g.Excel, Office: g.Office };
    delete g.Excel;
    delete g.Office;
    try {
      const remove = await onSheetActivated(jest.fn());
      await expect(remove()).resolves.toBeUndefined();
    } finally {
      Object.assign(g, saved);
      uninstall = excel.install();
    }
  });

  test("a registration Excel refuses: resolves (never rejects) to a no-op remover, nothing registered", async () => {
    excel.failSync = "GeneralException";
    const remove = await onSheetActivated(jest.fn());
    expect(excel.handlers.size).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
    await expect(remove()).resolves.toBeUndefined();
    expect(excel.runs).toEqual([1]);
  });

  test("Excel.run itself failing: a no-op remover", async () => {
    (globalThis as unknown as { Excel: unknown }).Excel = {
      run: () => Promise.reject(new FakeEventError("RichApi.Error", "no workbook")),
    };
    const remove = await onSheetActivated(jest.fn());
    await expect(remove()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test("a removal Excel refuses: the remover still resolves", async () => {
    const remove = await onSheetActivated(jest.fn());
    excel.failSync = "GeneralException";
    await expect(remove()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
