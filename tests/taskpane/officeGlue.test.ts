import { Session } from "../../src/app/session";
import { MemoryHost } from "../../src/app/memoryHost";
import { sampleWorkbook } from "../../src/core/sample";
import { userError } from "../../src/app/errors";
import { toAddinError } from "../../src/hosts/office/errors";
import {
  createOfficeSessionHost,
  createSheetChangeSubscription,
  type OfficeEventsModule,
  type OfficeHostModule,
} from "../../src/taskpane/officeGlue";

describe("officeGlue", () => {
  test("loads the Office host only when first used, once", async () => {
    const memory = new MemoryHost(sampleWorkbook());
    const load = jest.fn(async (): Promise<OfficeHostModule> => ({ OfficeHost: memory, toAddinError }));
    const host = createOfficeSessionHost(load);
    expect(load).not.toHaveBeenCalled();
    const session = new Session(host, "vi");
    const r = await session.run("recalc");
    expect(r.ok).toBe(true);
    await session.selectRow("PAR INDEX 2023", 9);
    expect(memory.selection?.rect.top).toBe(9);
    expect(load).toHaveBeenCalledTimes(1);
    expect(memory.writes).toBe(1);
  });

  test("a chunk that fails to load: a bilingual message, and the next command tries again", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => {});
    const memory = new MemoryHost(sampleWorkbook());
    const load = jest
      .fn<Promise<OfficeHostModule>, []>()
      .mockRejectedValueOnce(new Error("ChunkLoadError"))
      .mockResolvedValue({ OfficeHost: memory });
    const session = new Session(createOfficeSessionHost(load), "vi");
    const first = await session.analyze();
    expect(first).toMatchObject({
      ok: false,
      error: userError("unexpected", { loading: "office-host" }),
    });
    expect(!first.ok && first.error.message.vi).toBe("Không khởi động được phần kết nối với Excel.");
    const second = await session.analyze();
    expect(second.ok).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  test("Office.js errors become the host's bilingual messages", async () => {
    const memory = new MemoryHost(sampleWorkbook());
    memory.apply = async () => {
      throw Object.assign(new Error("The sheet is protected"), { code: "AccessDenied" });
    };
    const session = new Session(
      createOfficeSessionHost(async () => ({ OfficeHost: memory, toAddinError })),
      "vi",
    );
    const r = await session.run("recalc");
    if (r.ok) throw new Error("expected an error");
    expect(r.error.message.vi).toMatch(/^Trang tính đang được bảo vệ/);
    expect(r.error.hint.en).toMatch(/^Unprotect the sheet/);
  });
});

describe("sheet changes through the glue", () => {
  /** The events module as the glue sees it: registrations that resolve when the test says so. */
  function fakeEvents() {
    const handlers = new Set<() => void>();
    const removed: (() => void)[] = [];
    const pending: (() => void)[] = [];
    let manual = false;
    const onSheetActivated = jest.fn(async (handler: () => void) => {
      if (manual) await new Promise<void>((resolve) => pending.push(resolve));
      handlers.add(handler);
      return async () => {
        handlers.delete(handler);
        removed.push(handler);
      };
    });
    const module: OfficeEventsModule = { onSheetActivated };
    return {
      module,
      onSheetActivated,
      handlers,
      removed,
      fire: () => handlers.forEach((h) => h()),
      holdRegistrations: () => (manual = true),
      finishRegistrations: () => pending.splice(0).forEach((r) => r()),
    };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  test("loads the events module only when the panel subscribes; changes reach the panel until it unsubscribes", async () => {
    const events = fakeEvents();
    const load = jest.fn(async () => events.module);
    const subscribe = createSheetChangeSubscription(load);
    expect(load).not.toHaveBeenCalled();
    const onChange = jest.fn();
    const unsubscribe = subscribe(onChange);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    events.fire();
    expect(onChange).toHaveBeenCalledTimes(1);
    unsubscribe();
    await settle();
    expect(events.handlers.size).toBe(0);
    expect(events.removed).toHaveLength(1);
    events.fire();
    expect(onChange).toHaveBeenCalledTimes(1);
    unsubscribe(); // twice: nothing more
    await settle();
    expect(events.removed).toHaveLength(1);
  });

  test("unsubscribed before Excel confirmed the registration: removed as soon as it is made, never called", async () => {
    const events = fakeEvents();
    events.holdRegistrations();
    const onChange = jest.fn();
    const unsubscribe = createSheetChangeSubscription(async () => events.module)(onChange);
    await settle();
    expect(events.onSheetActivated).toHaveBeenCalledTimes(1);
    unsubscribe();
    events.finishRegistrations();
    await settle();
    expect(events.removed).toHaveLength(1);
    expect(events.handlers.size).toBe(0);
    events.fire();
    expect(onChange).not.toHaveBeenCalled();
  });

  test("a chunk that fails to load: no subscription, a warning, nothing thrown", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    const onChange = jest.fn();
    const unsubscribe = createSheetChangeSubscription(() => Promise.reject(new Error("ChunkLoadError")))(
      onChange,
    );
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(() => unsubscribe()).not.toThrow();
    warn.mockRestore();
  });
});
