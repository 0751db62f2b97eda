/**
 * @jest-environment jsdom
 */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { readMemory } from "../../src/core/workbookMemory";
import { shouldAsk } from "../../src/taskpane/confirmMemory";
import { UnmetList, unmetLines } from "../../src/taskpane/components/UnmetList";
import type { CriterionView } from "../../src/taskpane/panelApi";
import { sampleWithStatedErrors, setup } from "./helpers";

// a full command through the panel takes a few seconds on a loaded machine
jest.setTimeout(30_000);

const SHEET = "PAR INDEX 2023";

describe("say before, show after", () => {
  test("Tính lại says what it will insert first; Cancel writes nothing, Confirm runs it", async () => {
    const user = userEvent.setup();
    const { host } = setup({ ask: true });
    await screen.findByText("84,87 / 99,50");
    await user.click(screen.getByRole("button", { name: "Tính lại" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Trước khi thực hiện: Tính lại" });
    expect(
      within(dialog).getByText("Chèn 1 cột F, điền 27 dòng và tô màu lại 25 dòng chưa đạt."),
    ).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Đồng ý" }));
    await user.click(within(dialog).getByRole("button", { name: "Hủy" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(host.writes).toBe(0);

    await user.click(screen.getByRole("button", { name: "Tính lại" }));
    await user.click(await screen.findByRole("button", { name: "Đồng ý" }));
    expect(await screen.findByText(/^Đã tính lại 27 dòng/)).toBeTruthy();
    expect(host.writes).toBe(1);
    expect(shouldAsk("test-workbook")).toBe(true);
  });

  test("Escape cancels; 'don't ask again' is remembered for the workbook", async () => {
    const user = userEvent.setup();
    const { host } = setup({ ask: true });
    await screen.findByText("84,87 / 99,50");
    await user.click(screen.getByRole("tab", { name: "Thao tác" }));
    await user.click(screen.getByRole("button", { name: "Lập kế hoạch khắc phục" }));
    await screen.findByText("Thêm trang «Kế hoạch khắc phục».");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Lập kế hoạch khắc phục" }));
    await user.click(await screen.findByRole("checkbox", { name: "Không hỏi lại với sổ làm việc này" }));
    await user.click(screen.getByRole("button", { name: "Đồng ý" }));
    await screen.findByText(/^Kế hoạch khắc phục: 43 nhiệm vụ/);
    // remembered in the workbook itself (it travels with the file), not in this browser
    expect(readMemory(host.snapshot()).noAsk).toEqual(["all"]);
    expect(shouldAsk("test-workbook")).toBe(true);
    // no question the next time
    await user.click(screen.getByRole("button", { name: "Ghi danh mục giải pháp" }));
    await screen.findByText(/^Danh mục giải pháp: thêm/);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(host.writes).toBe(3); // the memory, the plan, the catalogue
  });

  test("the result line carries its actions: open the plan sheet, go to the inserted column, undo", async () => {
    const user = userEvent.setup();
    const { session } = setup();
    const show = jest.spyOn(session, "show");
    await screen.findByText("84,87 / 99,50");
    await user.click(screen.getByRole("button", { name: "Tính lại" }));
    await screen.findByText(/^Đã tính lại 27 dòng/);
    await user.click(screen.getByRole("button", { name: "Đến cột vừa chèn (F)" }));
    expect(show).toHaveBeenLastCalledWith(SHEET, expect.objectContaining({ left: 5, cols: 1 }));

    await user.click(screen.getByRole("tab", { name: "Thao tác" }));
    await user.click(screen.getByRole("button", { name: "Lập kế hoạch khắc phục" }));
    await screen.findByText(/^Kế hoạch khắc phục: 43/);
    expect(screen.queryByRole("button", { name: /^Đến cột vừa chèn/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Mở trang Kế hoạch" }));
    expect(show).toHaveBeenLastCalledWith("Kế hoạch khắc phục", { top: 0, left: 0, rows: 1, cols: 1 });
    expect(screen.getByRole("button", { name: "Hoàn tác" })).toBeTruthy();
  });

  test("a stated total that differs: one click replaces it with formulas (recalc with replaceTotal)", async () => {
    const user = userEvent.setup();
    const { session } = setup({ ws: sampleWithStatedErrors() });
    const run = jest.spyOn(session, "run");
    await screen.findByText("Số ghi trong bảng khác số tính lại");
    await user.click(screen.getByRole("button", { name: "Thay tổng điểm bằng công thức" }));
    await screen.findByText(/^Đã tính lại/);
    expect(run).toHaveBeenLastCalledWith("recalc", { replaceTotal: true });
    expect(session.undoHistory.map((h) => h.command)).toEqual(["recalc"]);
  });
});

describe("Làm tất cả and the plan document", () => {
  test("Làm tất cả: one write, every step's line, one entry in the undo list that undoes it all", async () => {
    const user = userEvent.setup();
    const { host } = setup();
    await screen.findByText("84,87 / 99,50");
    const before = host.snapshot().active.values;
    await user.click(screen.getByRole("tab", { name: "Thao tác" }));
    await user.click(screen.getByRole("button", { name: "Làm tất cả" }));
    const line = await screen.findByText(/^Đã tính lại 27 dòng.*Kế hoạch khắc phục: 43 nhiệm vụ/);
    expect(line).toBeTruthy();
    expect(host.writes).toBe(1);
    expect(host.snapshot().sheetNames).toContain("Kế hoạch khắc phục");
    await user.click(screen.getByRole("button", { name: "Hoàn tác: Làm tất cả" }));
    await screen.findByText("Đã hoàn tác: Làm tất cả.");
    expect(host.snapshot().active.values).toEqual(before);
    expect(host.snapshot().sheetNames).not.toContain("Kế hoạch khắc phục");
  });

  test("Soạn kế hoạch (.docx): the front end's document is downloaded and the line names the file", async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (created.push(b), "blob:x"),
      revokeObjectURL: () => {},
    });
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const planDocument = jest.fn(async () => ({
      ok: true as const,
      bytes: new Uint8Array([80, 75, 3, 4]),
      fileName: "Ke-hoach-khac-phuc-PAR-INDEX-2023.docx",
      notes: [],
    }));
    setup({ planDocument });
    await screen.findByText("84,87 / 99,50");
    await user.click(screen.getByRole("tab", { name: "Thao tác" }));
    await user.click(screen.getByRole("button", { name: "Soạn kế hoạch (.docx)" }));
    expect(
      await screen.findByText(
        "Đã soạn «Ke-hoach-khac-phuc-PAR-INDEX-2023.docx»; tệp nằm trong thư mục Tải xuống.",
      ),
    ).toBeTruthy();
    expect(planDocument).toHaveBeenCalledTimes(1);
    expect(created[0].size).toBe(4);
    expect(clicked).toHaveBeenCalledTimes(1);
    // in Excel the panel says where downloads may be blocked
    expect(screen.getByText(/^Excel trên máy Mac có thể chặn tải tệp/)).toBeTruthy();
    clicked.mockRestore();
  });
});

describe("the unmet list", () => {
  const row = (r: number, code: string, level: number, gap: number): CriterionView => ({
    row: r,
    code,
    name: `Tiêu chí ${code}`,
    level,
    max: 1,
    achieved: 1 - gap,
    gap,
    percent: null,
    self: null,
    selfDiff: null,
    status: gap >= 1 ? "zero" : "partial",
    lead: "",
    implementers: "",
    tasks: [],
    match: null,
    matchText: null,
  });

  test("grouped by domain in table order; sorted by gap or by code inside each group", () => {
    const rows = [
      row(0, "1", 1, 0),
      row(1, "1.2", 2, 0.2),
      row(2, "1.10", 2, 0.9),
      row(3, "2", 1, 0),
      row(4, "2.1", 2, 1),
    ];
    const unmet = [rows[4], rows[2], rows[1]];
    const text = (l: ReturnType<typeof unmetLines>[number]) => (l.kind === "group" ? l.text : l.c.code);
    expect(unmetLines(unmet, rows, "gap", "vi").map(text)).toEqual([
      "Lĩnh vực 1. Tiêu chí 1",
      "1.10",
      "1.2",
      "Lĩnh vực 2. Tiêu chí 2",
      "2.1",
    ]);
    expect(unmetLines(unmet, rows, "code", "en").map(text)).toEqual([
      "Domain 1. Tiêu chí 1",
      "1.2",
      "1.10",
      "Domain 2. Tiêu chí 2",
      "2.1",
    ]);
  });

  test("10,000 criteria: only the lines in view are in the DOM; End reaches the last one", async () => {
    const user = userEvent.setup();
    const rows: CriterionView[] = [row(0, "1", 1, 0)];
    for (let i = 1; i <= 10_000; i++) rows.push(row(i, `1.${i}`, 2, (i % 97) / 100 + 0.01));
    const onSelect = jest.fn();
    render(
      <FluentProvider theme={webLightTheme}>
        <UnmetList unmet={rows.slice(1)} rows={rows} lang="vi" onSelect={onSelect} />
      </FluentProvider>,
    );
    const list = screen.getByRole("listbox");
    expect(within(list).getAllByRole("option").length).toBeLessThan(30);
    await user.click(screen.getByRole("button", { name: "Theo mã tiêu chí" }));
    list.focus();
    await user.keyboard("{End}");
    const active = document.getElementById(list.getAttribute("aria-activedescendant")!)!;
    expect(active.getAttribute("aria-posinset")).toBe("10000");
    expect(active.textContent).toContain("1.10000");
    await user.keyboard("{Enter}");
    expect(onSelect).toHaveBeenCalledWith(10_000);
    expect(within(list).getAllByRole("option").length).toBeLessThan(30);
  });
});
