import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { sampleWorkbook } from "../../src/core/sample";
import {
  OFFICE_READY_TIMEOUT_MS,
  startTaskpane,
  waitForOffice,
  type OfficeLike,
  type OfficeReady,
} from "../../src/taskpane/boot";
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
    expect(result).toEqual({ kind: "timeout" });
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

describe("startTaskpane", () => {
  test("in Excel: a Session over the Office host, in Office's language", async () => {
    const createHost = jest.fn(memory);
    const s = await startTaskpane({ wait: ready("Excel", "vi-VN"), excelHostType: "Excel", createHost });
    expect(createHost).toHaveBeenCalledTimes(1);
    if (s.kind !== "panel") throw new Error("expected the panel");
    expect(s.lang).toBe("vi");
    expect(s.inExcel).toBe(true);
    expect(s.api).toBeInstanceOf(Session);
    const r = await s.api.analyze();
    expect(r.ok && r.summary?.total.achieved).toBe(84.87);
    s.onLangChange?.("en");
    expect((s.api as Session).lang).toBe("en");
  });

  test("in Excel the panel is given sheet-change notifications (the glue's unless told)", async () => {
    const subscribeSheetChanges = jest.fn(() => () => {});
    const s = await startTaskpane({
      wait: ready("Excel"),
      excelHostType: "Excel",
      createHost: memory,
      subscribeSheetChanges,
    });
    expect(s.kind === "panel" && s.subscribeSheetChanges).toBe(subscribeSheetChanges);
    const byDefault = await startTaskpane({
      wait: ready("Excel"),
      excelHostType: "Excel",
      createHost: memory,
    });
    expect(byDefault.kind === "panel" && typeof byDefault.subscribeSheetChanges).toBe("function");
    expect(subscribeSheetChanges).not.toHaveBeenCalled(); // the panel subscribes, not the boot
  });

  test("English Office: English panel", async () => {
    const s = await startTaskpane({
      wait: ready("Excel", "en-US"),
      excelHostType: "Excel",
      createHost: memory,
    });
    expect(s.kind === "panel" && s.lang).toBe("en");
  });

  test("not in Excel (host null or another Office app), or office.js never ready: the outside page", async () => {
    const createHost = jest.fn(memory);
    const cases: [() => Promise<OfficeReady>, string][] = [
      [ready(null), "not-excel"],
      [ready("Word"), "not-excel"],
      [async () => ({ kind: "timeout" }), "no-office"],
    ];
    for (const [wait, reason] of cases) {
      await expect(startTaskpane({ wait, excelHostType: "Excel", createHost })).resolves.toEqual({
        kind: "outside",
        reason,
      });
    }
    expect(createHost).not.toHaveBeenCalled();
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
