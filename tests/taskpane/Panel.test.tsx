/**
 * @jest-environment jsdom
 */
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AddinError, userError } from "../../src/app/errors";
import { sampleWorkbook } from "../../src/core/sample";
import type { WorkbookSnapshot } from "../../src/core";
import {
  GatedHost,
  sampleWithBadCatalogue,
  sampleWithBadCell,
  sampleWithStatedErrors,
  setup,
} from "./helpers";

// a full command through the panel takes a few seconds on a loaded machine
jest.setTimeout(30_000);

const SHEET = "PAR INDEX 2023";

/** The value shown under a summary label (<dt>label</dt><dd>value</dd>). */
function figure(label: string): string {
  const dt = screen.getByText(label, { selector: "dt" });
  return dt.nextElementSibling?.textContent ?? "";
}

const recalcButton = (name = "Tính lại") => screen.getByRole("button", { name });
const unmetRegion = (n = 19, lang: "vi" | "en" = "vi") =>
  screen.getByRole("region", { name: lang === "vi" ? `Tiêu chí chưa đạt (${n})` : `Unmet criteria (${n})` });
const isDisabled = (el: HTMLElement) =>
  el.getAttribute("aria-disabled") === "true" || el.hasAttribute("disabled");
type User = ReturnType<typeof userEvent.setup>;
/** Opens a tab of the panel ("Chưa đạt", "Thao tác"…). */
const openTab = (user: User, name: string) => user.click(screen.getByRole("tab", { name }));
/** The unmet tab's options (only those in view are rendered: the list is virtualised). */
async function unmetOptions(user: User, lang: "vi" | "en" = "vi", n = 19) {
  await openTab(user, lang === "vi" ? "Chưa đạt" : "Unmet");
  return within(unmetRegion(n, lang)).getAllByRole("option");
}

describe("Panel over a Session on the sample (MemoryHost)", () => {
  test("opens with the table read, nothing written", async () => {
    const { host } = setup();
    expect(await screen.findByText("84,87 / 99,50")).toBeTruthy();
    expect(host.reads).toBe(1);
    expect(host.writes).toBe(0);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Chỉ số CCHC (PAR INDEX)");
  });

  test("Tính lại: result line, score, percent, 19 unmet with 4.2 first, 9 domain bars", async () => {
    const user = userEvent.setup();
    const { host } = setup();
    await screen.findByText("84,87 / 99,50");
    await user.click(recalcButton());
    expect(
      await screen.findByText("Đã tính lại 27 dòng: 84,87 / 99,50 điểm, 19 tiêu chí chưa đạt."),
    ).toBeTruthy();
    expect(host.writes).toBe(1);

    expect(figure("Điểm đạt / tối đa")).toBe("84,87 / 99,50");
    expect(figure("Tỷ lệ đạt")).toBe("85,30 %");
    expect(figure("Tiêu chí chưa đạt")).toBe("19");
    expect(figure("Điểm còn thiếu")).toBe("14,63");

    const chart = screen.getByRole("img", { name: /Điểm đạt so với điểm tối đa của từng lĩnh vực/ });
    const items = await unmetOptions(user);
    expect(items[0].getAttribute("aria-setsize")).toBe("19");
    // grouped by domain: domain 4's largest gap first
    const first = items.find((o) => o.textContent!.startsWith("4.2"))!;
    expect(first.textContent).toContain("4.2");
    expect(first.textContent).toContain("Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021");
    expect(first.textContent).toContain("thiếu 1,67");
    expect(first.textContent).toContain("một phần");
    expect(first.textContent).toContain("Chủ trì: phòng Nội vụ");
    expect(first.textContent).toContain("Gợi ý cho đúng tiêu chí này");
    // the option's name is its visible text, code first
    expect(first.getAttribute("aria-label")).toBeNull();
    expect(first.textContent).toMatch(/^4\.2Tỷ lệ giảm/);
    // a zero-score criterion carries the danger badge text
    expect(items.some((b) => b.textContent!.includes("0 điểm"))).toBe(true);

    const bars = chart.querySelectorAll("g[data-code]");
    expect(bars).toHaveLength(9);
    expect([...bars].map((g) => g.getAttribute("data-code"))).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
    ]);
    // gaps visible: domain 6 (4,00 of 8,50) has a gap segment, domain 2 (7,00 of 7,00) none
    const part = (code: string, p: string) =>
      chart.querySelector(`g[data-code="${code}"] rect[data-part="${p}"]`);
    expect(Number(part("6", "gap")!.getAttribute("width"))).toBeGreaterThan(0);
    expect(part("2", "gap")).toBeNull();
    // one scale: the 20-point domain's track is twice the 10-point one's
    const w = (code: string) => Number(part(code, "track")!.getAttribute("width"));
    expect(w("9")).toBeCloseTo(2 * w("1"), 5);
    expect(chart.querySelector("desc")!.textContent).toContain(
      "Lĩnh vực 6, CẢI CÁCH TÀI CHÍNH CÔNG: đạt 4,00 trên 8,50",
    );
  });

  test("English: numbers with a decimal point, labels and the session's language switch too", async () => {
    const user = userEvent.setup();
    const { session, onLangChange } = setup();
    await screen.findByText("84,87 / 99,50");
    await user.click(screen.getByRole("button", { name: "Show in English" }));
    expect(onLangChange).toHaveBeenCalledWith("en");
    expect(session.lang).toBe("en");
    expect(figure("Score / max")).toBe("84.87 / 99.50");
    expect(figure("Achieved")).toBe("85.30 %");
    expect(screen.getByRole("button", { name: "Show in English" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("main").getAttribute("lang")).toBe("en");
    const first = (await unmetOptions(user, "en")).find((o) => o.textContent!.startsWith("4.2"))!;
    expect(first.textContent).toContain("1.67 missing");
    expect(first.textContent).toContain("partly met");
    await user.click(recalcButton("Recalculate"));
    expect(
      await screen.findByText("Recalculated 27 rows: 84.87 / 99.50 points, 19 unmet criteria."),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Hiển thị bằng Tiếng Việt" }));
    expect(screen.getByText("Đã tính lại 27 dòng: 84,87 / 99,50 điểm, 19 tiêu chí chưa đạt.")).toBeTruthy();
    expect(session.lang).toBe("vi");
  });

  test("assign: progress while the host works, buttons disabled, then the result line", async () => {
    const user = userEvent.setup();
    const { host } = setup();
    await screen.findByText("84,87 / 99,50");
    host.hold();
    await openTab(user, "Thao tác");
    await user.click(screen.getByRole("button", { name: /^Điền cơ quan và giải pháp/ }));
    // the session's step while the host holds its write
    expect(await screen.findByText("Đang ghi…")).toBeTruthy();
    for (const name of [/^Tính lại/, /^Điền cơ quan và giải pháp/, /^Lập kế hoạch khắc phục/])
      expect(isDisabled(screen.getByRole("button", { name }))).toBe(true);
    // a second press while busy does nothing
    await user.click(recalcButton());
    await act(async () => host.release());
    expect(await screen.findByText("Đã điền 19 dòng.")).toBeTruthy();
    expect(screen.queryByText("Đang ghi…")).toBeNull();
    expect(host.writes).toBe(1);
    expect(isDisabled(recalcButton())).toBe(false);
  });

  test("the other commands report their result lines", async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByText("84,87 / 99,50");
    await openTab(user, "Thao tác");
    await user.click(screen.getByRole("button", { name: /^Lập kế hoạch khắc phục/ }));
    expect(await screen.findByText("Kế hoạch khắc phục: 43 nhiệm vụ (43 mới).")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /^Ghi danh mục giải pháp/ }));
    expect(await screen.findByText("Danh mục giải pháp: thêm 25 dòng.")).toBeTruthy();
    await user.click(recalcButton());
    await screen.findByText(/^Đã tính lại/);
    await user.click(screen.getByRole("button", { name: /^Bỏ tô màu/ }));
    expect(await screen.findByText("Đã bỏ tô màu 182 ô.")).toBeTruthy();
  });

  test("undo: from the result line and, by name, from the list; puts the sheet back", async () => {
    const user = userEvent.setup();
    const { host } = setup();
    await screen.findByText("84,87 / 99,50");
    const before = host.snapshot().active.values;
    expect(screen.queryByRole("button", { name: "Hoàn tác" })).toBeNull();
    await openTab(user, "Thao tác");
    expect(screen.getByText("Chưa có thao tác nào để hoàn tác.")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: /^Điền cơ quan và giải pháp/ }));
    await screen.findByText("Đã điền 19 dòng.");
    expect(host.snapshot().active.values).not.toEqual(before);
    expect(screen.getByRole("button", { name: "Hoàn tác: Điền cơ quan và giải pháp" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Hoàn tác" }));
    expect(await screen.findByText("Đã hoàn tác: Điền cơ quan và giải pháp.")).toBeTruthy();
    expect(host.snapshot().active.values).toEqual(before);
    expect(screen.queryByRole("button", { name: "Hoàn tác" })).toBeNull();
    expect(screen.getByText("Chưa có thao tác nào để hoàn tác.")).toBeTruthy();
    expect(figure("Điểm đạt / tối đa")).toBe("84,87 / 99,50");
  });

  test("the undo list names every command, newest first, and undoes down to the one chosen", async () => {
    const user = userEvent.setup();
    const { host } = setup();
    await screen.findByText("84,87 / 99,50");
    const before = host.snapshot().active.values;
    await user.click(recalcButton());
    await screen.findByText(/^Đã tính lại/);
    await openTab(user, "Thao tác");
    await user.click(screen.getByRole("button", { name: /^Điền cơ quan và giải pháp/ }));
    await screen.findByText("Đã điền 19 dòng.");
    await user.click(screen.getByRole("button", { name: /^Lập kế hoạch khắc phục/ }));
    await screen.findByText(/^Kế hoạch khắc phục: 43/);
    const list = screen.getByText("Hoàn tác: Tính lại").closest("ol")!;
    expect(
      within(list)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual([
      "Hoàn tác: Lập kế hoạch khắc phục",
      "Hoàn tác: Điền cơ quan và giải pháp",
      "Hoàn tác: Tính lại",
    ]);
    await user.click(screen.getByRole("button", { name: "Hoàn tác: Điền cơ quan và giải pháp" }));
    expect(
      await screen.findByText(/^Đã hoàn tác 2 thao tác: Lập kế hoạch khắc phục; Điền cơ quan/),
    ).toBeTruthy();
    expect(host.snapshot().sheetNames).not.toContain("Kế hoạch khắc phục");
    expect(
      within(list)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Hoàn tác: Tính lại"]);
    await user.click(screen.getByRole("button", { name: "Hoàn tác: Tính lại" }));
    await screen.findByText("Đã hoàn tác: Tính lại.");
    expect(host.snapshot().active.values).toEqual(before);
  });

  test("selecting a criterion (click or Enter) selects its row; one Tab stop, arrows inside", async () => {
    const user = userEvent.setup();
    const { session, host } = setup();
    const spy = jest.spyOn(session, "selectRow");
    await screen.findByText("84,87 / 99,50");
    const items = await unmetOptions(user);
    const first = items[0];
    await user.click(first);
    const row = Number(first.getAttribute("data-row"));
    expect(spy).toHaveBeenLastCalledWith(SHEET, row);
    expect(host.selection).toMatchObject({ sheet: SHEET, rect: { top: row, rows: 1 } });

    const list = screen.getByRole("listbox");
    expect(document.activeElement).toBe(list);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    const active = document.getElementById(list.getAttribute("aria-activedescendant")!)!;
    expect(active.getAttribute("aria-selected")).toBe("true");
    expect(active.getAttribute("aria-posinset")).toBe("3");
    await user.keyboard("{Enter}");
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy).toHaveBeenLastCalledWith(SHEET, Number(active.getAttribute("data-row")));
    // one Tab stop: Tab leaves the list
    await user.tab();
    expect(document.activeElement).not.toBe(list);
    expect(list.contains(document.activeElement)).toBe(false);
  });

  // The Tab order itself is checked in the browser (tests/e2e/panel.test.ts): Fluent's Tabster moves focus
  // with layout that jsdom does not have.
  test("buttons carry their description as a tooltip", async () => {
    setup();
    await screen.findByText("84,87 / 99,50");
    // the description is a tooltip (rendered, hidden until hover or focus) and the button's description
    const recalc = recalcButton();
    const desc = document.getElementById(recalc.getAttribute("aria-describedby")!.split(" ")[0])!;
    expect(desc.textContent).toBe(
      "Tính lại điểm chưa đạt, tỷ lệ đạt và tô màu các tiêu chí chưa đạt trong trang tính.",
    );
    expect(desc.getAttribute("role")).toBe("tooltip");
  });

  test("an error from the host shows a MessageBar with the hint, in the chosen language", async () => {
    class ProtectedHost extends GatedHost {
      override async apply(): Promise<void> {
        throw new AddinError("protected");
      }
    }
    const user = userEvent.setup();
    const { session } = setup();
    // swap the host under the session for one that refuses writes, as a protected sheet does
    (session as unknown as { host: GatedHost }).host = new ProtectedHost(sampleWorkbook());
    await screen.findByText("84,87 / 99,50");
    await user.click(recalcButton());
    const title = await screen.findByText(/^Trang tính đang được bảo vệ/);
    const bar = title.closest('[role="group"]') as HTMLElement;
    expect(bar).toBeTruthy();
    expect(within(bar).getByText(/^Bỏ bảo vệ trang tính/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Show in English" }));
    expect(screen.getByText(/^The sheet is protected/)).toBeTruthy();
    expect(screen.getByText(/^Unprotect the sheet/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
  });

  test("no table on the sheet: the core's message and hint", async () => {
    const ws: WorkbookSnapshot = {
      active: { name: "Trống", top: 0, left: 0, values: [["xin chào", null]] },
      sheetNames: ["Trống"],
    };
    setup({ ws });
    const e = userError("no-table");
    expect(await screen.findByText(e.message.vi)).toBeTruthy();
    expect(screen.getByText(e.hint.vi)).toBeTruthy();
    expect(screen.queryByRole("img")).toBeNull();
  });

  test("stated values that differ are warnings, and 'corrected' after Tính lại", async () => {
    const user = userEvent.setup();
    const { session } = setup({ ws: sampleWithStatedErrors() });
    const spy = jest.spyOn(session, "selectRow");
    expect(await screen.findByText("Số ghi trong bảng khác số tính lại")).toBeTruthy();
    const link = screen.getByRole("button", {
      name: "Dòng 6 (2): điểm chưa đạt ghi 0,40, tính lại được 0,00.",
    });
    expect(screen.getByText(/^Dòng 34: dòng tổng ghi điểm đạt được 80,00/)).toBeTruthy();
    await user.click(link);
    expect(spy).toHaveBeenLastCalledWith(SHEET, 5);
    await user.click(recalcButton());
    expect(await screen.findByText("Đã sửa khi tính lại")).toBeTruthy();
    expect(screen.queryByText("Số ghi trong bảng khác số tính lại")).toBeNull();
    // and the stated differences are not repeated among the warnings
    expect(screen.queryByText(/^Cần kiểm tra trong bảng/)).toBeNull();
  });

  test("issues from the engine are listed with their row and select it", async () => {
    const user = userEvent.setup();
    const { session } = setup({ ws: sampleWithBadCell() });
    const spy = jest.spyOn(session, "selectRow");
    expect(await screen.findByText("Cần kiểm tra trong bảng (1)")).toBeTruthy();
    await user.click(
      screen.getByRole("button", { name: /^Dòng 18 \(6\.4\): không đọc được ô điểm đạt được «mười»/ }),
    );
    expect(spy).toHaveBeenLastCalledWith(SHEET, 17);
  });

  test("catalogue problems are listed as warnings and go to the catalogue sheet", async () => {
    const user = userEvent.setup();
    const { session } = setup({ ws: sampleWithBadCatalogue() });
    const spy = jest.spyOn(session, "selectRow");
    expect(await screen.findByText("Danh mục riêng của đơn vị: 1 dòng bị bỏ qua")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Dòng 3: thiếu mã tiêu chí." }));
    expect(spy).toHaveBeenLastCalledWith("Danh mục giải pháp", 2);
    await openTab(user, "Chưa đạt");
    expect(
      screen.getAllByText("Gợi ý cho đúng tiêu chí này (danh mục riêng của đơn vị)").length,
    ).toBeGreaterThan(0);
  });

  test("a failing selection shows the error instead of throwing", async () => {
    const user = userEvent.setup();
    const { host } = setup();
    await screen.findByText("84,87 / 99,50");
    host.selectRow = async () => {
      throw new AddinError("cell-edit");
    };
    await user.click((await unmetOptions(user))[0]);
    expect(await screen.findByText("Excel đang ở chế độ sửa ô.")).toBeTruthy();
  });

  test("outside Excel (playground) it says so", async () => {
    const user = userEvent.setup();
    setup({ inExcel: false });
    await screen.findByText("84,87 / 99,50");
    await openTab(user, "Chưa đạt");
    expect(screen.getByText("Bản thử, ngoài Excel")).toBeTruthy();
    expect(screen.getByText(/đến dòng đó trong bảng\.$/)).toBeTruthy();
  });
});
