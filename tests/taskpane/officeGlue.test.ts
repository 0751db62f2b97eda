import { Session } from "../../src/app/session";
import { MemoryHost } from "../../src/app/memoryHost";
import { sampleWorkbook } from "../../src/core/sample";
import { toAppError } from "../../src/hosts/office/errors";
import { createOfficeSessionHost, type OfficeHostModule } from "../../src/taskpane/officeGlue";
import { STRINGS } from "../../src/taskpane/i18n";

describe("officeGlue", () => {
  test("loads the Office host only when first used, once", async () => {
    const memory = new MemoryHost(sampleWorkbook());
    const load = jest.fn(async (): Promise<OfficeHostModule> => ({ OfficeHost: memory, toAppError }));
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
      error: {
        message: { vi: STRINGS.vi.officeHostMissing.message, en: STRINGS.en.officeHostMissing.message },
        hint: { vi: STRINGS.vi.officeHostMissing.hint, en: STRINGS.en.officeHostMissing.hint },
      },
    });
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
      createOfficeSessionHost(async () => ({ OfficeHost: memory, toAppError })),
      "vi",
    );
    const r = await session.run("recalc");
    if (r.ok) throw new Error("expected an error");
    expect(r.error.message.vi).toMatch(/^Trang tính đang được bảo vệ/);
    expect(r.error.hint.en).toMatch(/^Unprotect the sheet/);
  });
});
