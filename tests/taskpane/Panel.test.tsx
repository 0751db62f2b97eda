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

    const items = within(unmetRegion()).getAllByRole("button");
    expect(items).toHaveLength(19);
    const first = items[0];
    expect(first.textContent).toContain("4.2");
    expect(first.textContent).toContain("Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021");
    expect(first.textContent).toContain("thiếu 1,67");
    expect(first.textContent).toContain("một phần");
    expect(first.textContent).toContain("Chủ trì: phòng Nội vụ");
    expect(first.textContent).toContain("Từ danh mục");
    expect(first.getAttribute("aria-label")).toMatch(
      /^4\.2 Tỷ lệ giảm .*thiếu 1,67 điểm, một phần.*Chọn dòng 10\.$/,
    );
    // largest gap first, all the way down
    const gaps = items.map((b) => Number(/thiếu (\d+,\d+)/.exec(b.textContent ?? "")![1].replace(",", ".")));
    expect([...gaps].sort((a, b) => b - a)).toEqual(gaps);
    // a zero-score criterion carries the danger badge text, an inherited match says so
    expect(items.some((b) => b.textContent!.includes("0 điểm"))).toBe(true);
    expect(items.some((b) => b.textContent!.includes("Kế thừa từ 7.2"))).toBe(true);

    const chart = screen.getByRole("img", { name: /Điểm đạt so với điểm tối đa của từng lĩnh vực/ });
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
    const first = within(unmetRegion(19, "en")).getAllByRole("button")[0];
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
    await user.click(screen.getByRole("button", { name: "Điền cơ quan và giải pháp" }));
    expect(screen.getByText("Đang xử lý…")).toBeTruthy();
    for (const name of ["Tính lại", "Điền cơ quan và giải pháp", "Lập kế hoạch khắc phục", "Hoàn tác"])
      expect(isDisabled(screen.getByRole("button", { name }))).toBe(true);
    // a second press while busy does nothing
    await user.click(recalcButton());
    await act(async () => host.release());
    expect(await screen.findByText("Đã điền 19 dòng.")).toBeTruthy();
    expect(screen.queryByText("Đang xử lý…")).toBeNull();
    expect(host.writes).toBe(1);
    expect(isDisabled(recalcButton())).toBe(false);
  });

  test("the other commands report their result lines", async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByText("84,87 / 99,50");
    await user.click(screen.getByRole("button", { name: "Lập kế hoạch khắc phục" }));
    expect(
      await screen.findByText("Kế hoạch khắc phục: 43 nhiệm vụ (43 mới)."),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Ghi danh mục giải pháp" }));
    expect(await screen.findByText("Danh mục giải pháp: thêm 25 dòng.")).toBeTruthy();
    await user.click(recalcButton());
    await screen.findByText(/^Đã tính lại/);
    await user.click(screen.getByRole("button", { name: "Bỏ tô màu" }));
    expect(await screen.findByText("Đã bỏ tô màu 182 ô.")).toBeTruthy();
  });

  test("undo: disabled at first, enabled after a command, puts the sheet back, disabled again", async () => {
    const user = userEvent.setup();
    const { host } = setup();
    await screen.findByText("84,87 / 99,50");
    const before = host.snapshot().active.values;
    const undo = () => screen.getByRole("button", { name: "Hoàn tác" });
    expect(isDisabled(undo())).toBe(true);
    await user.click(undo());
    expect(host.writes).toBe(0);

    await user.click(screen.getByRole("button", { name: "Điền cơ quan và giải pháp" }));
    await screen.findByText("Đã điền 19 dòng.");
    expect(host.snapshot().active.values).not.toEqual(before);
    expect(isDisabled(undo())).toBe(false);

    await user.click(undo());
    expect(await screen.findByText("Đã hoàn tác thay đổi vừa rồi.")).toBeTruthy();
    expect(host.snapshot().active.values).toEqual(before);
    expect(isDisabled(undo())).toBe(true);
    expect(figure("Điểm đạt / tối đa")).toBe("84,87 / 99,50");
  });

  test("selecting a criterion (click or Enter) selects its row", async () => {
    const user = userEvent.setup();
    const { session, host } = setup();
    const spy = jest.spyOn(session, "selectRow");
    await screen.findByText("84,87 / 99,50");
    const items = within(unmetRegion()).getAllByRole("button");
    await user.click(items[0]); // 4.2, sheet row 10
    expect(spy).toHaveBeenLastCalledWith(SHEET, 9);
    expect(host.selection).toMatchObject({ sheet: SHEET, rect: { top: 9, rows: 1 } });

    items[2].focus();
    await user.keyboard("{Enter}");
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy).toHaveBeenLastCalledWith(SHEET, Number(items[2].getAttribute("data-row")));
    expect(host.selection?.rect.top).toBe(Number(items[2].getAttribute("data-row")));
  });

  test("the controls are reachable with Tab, in order", async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByText("84,87 / 99,50");
    const seen: string[] = [];
    for (let i = 0; i < 9; i++) {
      await user.tab();
      seen.push((document.activeElement as HTMLElement).textContent ?? "");
    }
    expect(seen.slice(0, 8)).toEqual([
      "Tiếng Việt",
      "English",
      "Tính lại",
      "Điền cơ quan và giải pháp",
      "Lập kế hoạch khắc phục",
      "Ghi danh mục giải pháp",
      "Bỏ tô màu",
      "Hoàn tác", // disabled but focusable, so keyboard users keep their place
    ]);
    expect(seen[8]).toContain("4.2");
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
    expect(isDisabled(screen.getByRole("button", { name: "Undo" }))).toBe(true);
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
    // and the stated differences are not repeated among the other problems
    expect(screen.queryByRole("heading", { name: /^Vấn đề trong bảng/ })).toBeNull();
  });

  test("issues from the engine are listed with their row and select it", async () => {
    const user = userEvent.setup();
    const { session } = setup({ ws: sampleWithBadCell() });
    const spy = jest.spyOn(session, "selectRow");
    expect(await screen.findByRole("heading", { name: "Vấn đề trong bảng (1)" })).toBeTruthy();
    await user.click(
      screen.getByRole("button", { name: /^Dòng 18 \(6\.4\): không đọc được ô điểm đạt được «mười»/ }),
    );
    expect(spy).toHaveBeenLastCalledWith(SHEET, 17);
  });

  test("catalogue problems are listed as warnings and go to the catalogue sheet", async () => {
    const user = userEvent.setup();
    const { session } = setup({ ws: sampleWithBadCatalogue() });
    const spy = jest.spyOn(session, "selectRow");
    expect(await screen.findByText("Danh mục tùy chỉnh: 1 dòng bị bỏ qua")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Dòng 3: thiếu mã tiêu chí." }));
    expect(spy).toHaveBeenLastCalledWith("Danh mục giải pháp", 2);
    expect(screen.getAllByText("Từ danh mục (tùy chỉnh)").length).toBeGreaterThan(0);
  });

  test("a failing selection shows the error instead of throwing", async () => {
    const user = userEvent.setup();
    const { host } = setup();
    await screen.findByText("84,87 / 99,50");
    host.selectRow = async () => {
      throw new AddinError("cell-edit");
    };
    await user.click(within(unmetRegion()).getAllByRole("button")[0]);
    expect(await screen.findByText("Excel đang ở chế độ sửa ô.")).toBeTruthy();
  });

  test("outside Excel (playground) it says so", async () => {
    setup({ inExcel: false });
    await screen.findByText("84,87 / 99,50");
    expect(screen.getByText("Bản thử, ngoài Excel")).toBeTruthy();
    expect(screen.getByText(/đến dòng đó trong bảng\.$/)).toBeTruthy();
  });
});
