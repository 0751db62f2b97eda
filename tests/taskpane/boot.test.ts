import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { sampleWorkbook } from "../../src/core/sample";
import { panelStart } from "../../src/taskpane/boot";
import {
  OFFICE_READY_TIMEOUT_MS,
  RIBBON_ACTIONS,
  associateRibbonActions,
  waitForOffice,
  type OfficeLike,
  type OfficeReady,
  type OfficeReadyInfo,
  type RibbonEvent,
} from "../../src/taskpane/officeReady";
import { startPane, type PaneScreens } from "../../src/taskpane/startPane";
import { langFromDisplayLanguage } from "../../src/taskpane/i18n";

const ready =
  (host: string | null, displayLanguage: string | null = "vi-VN") =>
  async (): Promise<OfficeReady> => ({
    kind: "ready",
    host,
    displayLanguage,
  });
const memory = () => new MemoryHost(sampleWorkbook());

describe("waitForOffice", () => {
  afterEach(() => jest.useRealTimers());

  test("office.js missing: gives up at once", async () => {
    await expect(waitForOffice(50, undefined)).resolves.toEqual({ kind: "timeout" });
  });

  test("office.js that never gets ready: gives up after about 4 s", async () => {
    jest.useFakeTimers();
    expect(OFFICE_READY_TIMEOUT_MS).toBe(4000);
    const office: OfficeLike = { onReady: () => new Promise(() => {}) };
    let result: OfficeReady | null = null;
    void waitForOffice(undefined, office).then((r) => (result = r));
    await jest.advanceTimersByTimeAsync(3900);
    expect(result).toBeNull();
    await jest.advanceTimersByTimeAsync(200);
    expect(result).toMatchObject({ kind: "timeout" });
  });

  test("office.js ready after the 4 s: a timeout first, whose `late` resolves when onReady comes", async () => {
    jest.useFakeTimers();
    let fire!: (info: { host: unknown }) => unknown;
    const office: OfficeLike = {
      onReady: (cb) => {
        fire = cb!;
      },
      context: { displayLanguage: "vi-VN" },
    };
    const first = waitForOffice(undefined, office);
    await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS + 1);
    const result = await first;
    if (result.kind !== "timeout" || !result.late) throw new Error("expected a timeout with `late`");
    let late: unknown = null;
    void result.late.then((r) => (late = r));
    await jest.advanceTimersByTimeAsync(5000);
    expect(late).toBeNull(); // nothing yet: Office has still not called back
    fire({ host: "Excel" });
    await jest.advanceTimersByTimeAsync(0);
    expect(late).toEqual({ kind: "ready", host: "Excel", displayLanguage: "vi-VN" });
  });

  test("office.js missing: a timeout with nothing to wait for", async () => {
    const r = await waitForOffice(50, undefined);
    expect(r.kind === "timeout" && r.late).toBeUndefined();
  });

  test("onReady that throws: a timeout with nothing to wait for", async () => {
    const office: OfficeLike = {
      onReady: () => {
        throw new Error("not in Office");
      },
    };
    await expect(waitForOffice(1000, office)).resolves.toEqual({ kind: "timeout" });
  });

  test("ready: the host and Office's display language", async () => {
    const office: OfficeLike = {
      onReady: (cb) => cb?.({ host: "Excel" }),
      context: { displayLanguage: "vi-VN" },
    };
    await expect(waitForOffice(1000, office)).resolves.toEqual({
      kind: "ready",
      host: "Excel",
      displayLanguage: "vi-VN",
    });
  });

  test("ready outside Office: host null", async () => {
    const office: OfficeLike = { onReady: (cb) => cb?.({ host: null }) };
    await expect(waitForOffice(1000, office)).resolves.toMatchObject({ kind: "ready", host: null });
  });
});

/** The screens startPane chose, in order. */
function screens() {
  const shown: (string | OfficeReadyInfo)[] = [];
  const show: PaneScreens = { outside: () => shown.push("outside"), panel: (info) => shown.push(info) };
  return { shown, show };
}

describe("startPane: what the pane shows, decided once (the entry, src/taskpane/index.ts, paints it)", () => {
  test("office.js late: the outside page first, then the panel whenever Office gets ready in Excel", async () => {
    let fire!: (info: { host: unknown }) => unknown;
    const office: OfficeLike = { onReady: (cb) => void (fire = cb!), context: { displayLanguage: "en-US" } };
    const associateActions = jest.fn();
    const { shown, show } = screens();
    await startPane(show, {
      wait: () => waitForOffice(10, office),
      excelHostType: "Excel",
      associateActions,
    });
    expect(shown).toEqual(["outside"]);
    expect(associateActions).not.toHaveBeenCalled(); // not before Office.onReady
    await new Promise((r) => setTimeout(r, 30));
    fire({ host: "Excel" });
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual(["outside", { kind: "ready", host: "Excel", displayLanguage: "en-US" }]);
    expect(associateActions).toHaveBeenCalledTimes(1);
  });

  test("office.js late and not Excel after all: the outside page stays, the ribbon's actions still handed over", async () => {
    let fire!: (info: { host: unknown }) => unknown;
    const office: OfficeLike = { onReady: (cb) => void (fire = cb!) };
    const associateActions = jest.fn();
    const { shown, show } = screens();
    await startPane(show, {
      wait: () => waitForOffice(10, office),
      excelHostType: "Excel",
      associateActions,
    });
    fire({ host: "Word" });
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual(["outside"]);
    expect(associateActions).toHaveBeenCalledTimes(1);
  });

  test("Office ready in time: the ribbon's actions are handed over once, before the panel", async () => {
    const order: string[] = [];
    await startPane(
      { outside: () => order.push("outside"), panel: () => order.push("panel") },
      { wait: ready("Excel"), excelHostType: "Excel", associateActions: () => order.push("actions") },
    );
    expect(order).toEqual(["actions", "panel"]);
  });

  test("not in Excel (host null or another Office app), or office.js never ready: the outside page", async () => {
    const cases: (() => Promise<OfficeReady>)[] = [
      ready(null),
      ready("Word"),
      async () => ({ kind: "timeout" }),
    ];
    for (const wait of cases) {
      const { shown, show } = screens();
      await startPane(show, { wait, excelHostType: "Excel", associateActions: () => {} });
      expect(shown).toEqual(["outside"]);
    }
  });
});

describe("panelStart (in Excel: the panel's session)", () => {
  const excel = (displayLanguage: string | null = "vi-VN"): OfficeReadyInfo => ({
    kind: "ready",
    host: "Excel",
    displayLanguage,
  });

  test("a Session over the Office host, in Office's language", async () => {
    const createHost = jest.fn(memory);
    const s = await panelStart(excel("vi-VN"), { createHost });
    expect(createHost).toHaveBeenCalledTimes(1);
    expect(s.lang).toBe("vi");
    expect(s.api).toBeInstanceOf(Session);
    const r = await s.api.analyze();
    expect(r.ok && r.summary?.total.achieved).toBe(84.87);
    s.onLangChange?.("en");
    expect((s.api as Session).lang).toBe("en");
  });

  test("the panel is given sheet-change notifications (the glue's unless told)", async () => {
    const subscribeSheetChanges = jest.fn(() => () => {});
    const s = await panelStart(excel(), { createHost: memory, subscribeSheetChanges });
    expect(s.subscribeSheetChanges).toBe(subscribeSheetChanges);
    const byDefault = await panelStart(excel(), { createHost: memory });
    expect(typeof byDefault.subscribeSheetChanges).toBe("function");
    expect(subscribeSheetChanges).not.toHaveBeenCalled(); // the panel subscribes, not the start
  });

  test("English Office: English panel", async () => {
    const s = await panelStart(excel("en-US"), { createHost: memory });
    expect(s.lang).toBe("en");
  });
});

test("langFromDisplayLanguage: vi only for Vietnamese", () => {
  expect(langFromDisplayLanguage("vi-VN")).toBe("vi");
  expect(langFromDisplayLanguage("VI")).toBe("vi");
  expect(langFromDisplayLanguage("en-US")).toBe("en");
  expect(langFromDisplayLanguage("fr-FR")).toBe("en");
  expect(langFromDisplayLanguage(null)).toBe("en");
  expect(langFromDisplayLanguage(undefined)).toBe("en");
});

describe("associateRibbonActions (shared runtime: the ribbon runs in the pane's page)", () => {
  const event = () => ({ completed: jest.fn() }) satisfies RibbonEvent;

  test("associates every ExecuteFunction of the manifest with the lazily loaded ribbon module", async () => {
    const handlers = new Map<string, (e: RibbonEvent) => unknown>();
    const office: OfficeLike = {
      onReady: () => {},
      actions: { associate: (id, f) => void handlers.set(id, f) },
    };
    const recalculate = jest.fn(async (e: RibbonEvent) => e.completed());
    const load = jest.fn(async () => ({ recalculate }));
    expect(associateRibbonActions(office, load)).toBe(true);
    expect([...handlers.keys()]).toEqual([...RIBBON_ACTIONS]);
    expect(load).not.toHaveBeenCalled(); // nothing loaded until the button is pressed
    const e = event();
    await handlers.get("recalculate")!(e);
    expect(recalculate).toHaveBeenCalledWith(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  test("a module that cannot be loaded still completes the event (the button does not stay busy)", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => {});
    let handler!: (e: RibbonEvent) => unknown;
    const office: OfficeLike = { onReady: () => {}, actions: { associate: (_id, f) => void (handler = f) } };
    associateRibbonActions(office, () => Promise.reject(new Error("offline")));
    const e = event();
    await handler(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  test("no Office.actions (old Office, a browser): nothing to associate", () => {
    expect(associateRibbonActions({ onReady: () => {} })).toBe(false);
    expect(associateRibbonActions(undefined)).toBe(false);
  });
});
