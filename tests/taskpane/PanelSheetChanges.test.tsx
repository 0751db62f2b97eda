/**
 * @jest-environment jsdom
 */
// The panel follows the sheet the user looks at: a sheet change (Excel's worksheet activated, here a fake
// subscription) makes it read again, once per burst, never in the middle of a command.
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { userError } from "../../src/app/errors";
import { sampleWorkbook } from "../../src/core/sample";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core";
import { SHEET_CHANGE_DELAY_MS } from "../../src/taskpane/components/Panel";
import { fakeSheetChanges, setup } from "./helpers";

// a full command through the panel takes a few seconds on a loaded machine
jest.setTimeout(30_000);

const FIRST = "PAR INDEX 2023";
const SECOND = "PAR INDEX 2024";
const NOTES = "Ghi chú";

/** The sample, a second, smaller results table (8,00 / 10,00, one unmet) and a sheet with no table. */
function twoTables(): WorkbookSnapshot {
  const ws = sampleWorkbook();
  const second: SheetSnapshot = {
    name: SECOND,
    top: 0,
    left: 0,
    values: [
      [
        "TT",
        "Lĩnh vực/tiêu chí/tiêu chí thành phần",
        "Điểm tối đa",
        "Điểm đạt được",
        "Chưa đạt so với điểm tối đa",
      ],
      ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "10,00", "8,00", "2,00"],
      ["1.1", "Kế hoạch CCHC", "4,00", "2,00", "2,00"],
      ["1.2", "Báo cáo CCHC", "6,00", "6,00", "0,00"],
      [null, "TỔNG ĐIỂM", "10,00", "8,00", "2,00"],
    ],
  };
  const notes: SheetSnapshot = { name: NOTES, top: 0, left: 0, values: [["Ghi chú của tổ CCHC", null]] };
  return { ...ws, sheetNames: [FIRST, SECOND, NOTES], others: { [SECOND]: second, [NOTES]: notes } };
}

/** The value shown under a summary label (<dt>label</dt><dd>value</dd>). */
function figure(label: string): string {
  const dt = screen.getByText(label, { selector: "dt" });
  return dt.nextElementSibling?.textContent ?? "";
}
const heading = (sheet: string) => screen.queryByRole("heading", { name: `Tổng quan: trang «${sheet}»` });
const wait = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms));

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function start() {
  const changes = fakeSheetChanges();
  const panel = setup({ ws: twoTables(), subscribeSheetChanges: changes.subscribe });
  const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
  return { ...panel, changes, user };
}

describe("Panel following the active sheet", () => {
  test("a sheet change: read again (nothing written), the other sheet's summary, the old result line gone", async () => {
    const { host, changes, user } = start();
    expect(await screen.findByText("84,87 / 99,50")).toBeTruthy();
    expect(changes.subscribe).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("tab", { name: "Thao tác" }));
    await user.click(screen.getByRole("button", { name: "Lập kế hoạch khắc phục" }));
    const planLine = "Kế hoạch khắc phục: 43 nhiệm vụ (43 mới).";
    expect(await screen.findByText(planLine)).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "Tổng quan" }));
    const reads = host.reads;
    const writes = host.writes;

    host.active = SECOND; // the user clicks the other sheet's tab
    act(() => changes.fire());
    await wait(SHEET_CHANGE_DELAY_MS - 50);
    expect(host.reads).toBe(reads); // not yet: waiting for the changes to settle
    await wait(50);

    expect(await screen.findByText("8,00 / 10,00")).toBeTruthy();
    expect(heading(SECOND)).toBeTruthy();
    expect(heading(FIRST)).toBeNull();
    expect(figure("Tiêu chí chưa đạt")).toBe("1");
    expect(screen.queryByText(planLine)).toBeNull();
    // the status line (a polite live region) says what the panel now shows
    const status = screen.getByRole("status");
    expect(status.textContent).toBe(`Đã cập nhật theo trang «${SECOND}» đang mở.`);
    expect(host.reads).toBe(reads + 1);
    expect(host.writes).toBe(writes);
  });

  test("a burst of changes (Ctrl+PgDn held down): one read, of the sheet the user stopped on", async () => {
    const { host, changes } = start();
    await screen.findByText("84,87 / 99,50");
    const reads = host.reads;
    for (const sheet of [SECOND, NOTES, SECOND, FIRST, SECOND]) {
      host.active = sheet;
      act(() => changes.fire());
      await wait(100);
    }
    await wait(SHEET_CHANGE_DELAY_MS);
    expect(await screen.findByText("8,00 / 10,00")).toBeTruthy();
    expect(host.reads).toBe(reads + 1);
  });

  test("no read while a command runs; the sheet the user moved to is read once it is done", async () => {
    const { host, changes, user } = start();
    await screen.findByText("84,87 / 99,50");
    host.hold();
    await user.click(screen.getByRole("tab", { name: "Thao tác" }));
    await user.click(screen.getByRole("button", { name: "Điền cơ quan và giải pháp" }));
    await wait(100); // the steps paint one frame each
    expect(screen.getByText("Đang ghi…")).toBeTruthy();
    const reads = host.reads;

    host.active = SECOND;
    act(() => changes.fire());
    await wait(5 * SHEET_CHANGE_DELAY_MS);
    expect(host.reads).toBe(reads); // the command keeps the host to itself
    expect(screen.getByText("Đang ghi…")).toBeTruthy();

    await act(async () => host.release());
    expect(await screen.findByText("Đã điền 19 dòng.")).toBeTruthy();
    expect(host.writes).toBe(1);
    await wait(SHEET_CHANGE_DELAY_MS);
    expect(await screen.findByText("8,00 / 10,00")).toBeTruthy();
    expect(host.reads).toBe(reads + 1);
    expect(host.writes).toBe(1);
  });

  test("a sheet with no table: the friendly note, the last overview kept; gone again on a table sheet", async () => {
    const { host, changes, user } = start();
    await screen.findByText("84,87 / 99,50");
    await user.click(screen.getByRole("tab", { name: "Thao tác" }));
    await user.click(screen.getByRole("button", { name: "Ghi danh mục giải pháp" }));
    const line = "Danh mục giải pháp: thêm 25 dòng.";
    expect(await screen.findByText(line)).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "Tổng quan" }));

    host.active = NOTES;
    act(() => changes.fire());
    await wait(SHEET_CHANGE_DELAY_MS);
    const e = userError("no-table");
    expect(await screen.findByText(e.message.vi)).toBeTruthy();
    expect(screen.getByText(e.hint.vi)).toBeTruthy();
    expect(screen.getByText(`Phần tổng quan bên dưới vẫn là của trang «${FIRST}».`)).toBeTruthy();
    // the overview of the last table stays (its heading names its sheet), so does the command's result
    expect(heading(FIRST)).toBeTruthy();
    expect(screen.getByText(line)).toBeTruthy();
    // buttons stay usable: a note about the sheet is not a failure
    expect(screen.getByRole("button", { name: "Tính lại" }).getAttribute("aria-disabled")).not.toBe("true");

    host.active = SECOND;
    act(() => changes.fire());
    await wait(SHEET_CHANGE_DELAY_MS);
    expect(await screen.findByText("8,00 / 10,00")).toBeTruthy();
    expect(screen.queryByText(e.message.vi)).toBeNull();
    expect(screen.queryByText(/^Phần tổng quan bên dưới/)).toBeNull();
  });

  test("the note follows the language switch", async () => {
    const { host, changes, user } = start();
    await screen.findByText("84,87 / 99,50");
    host.active = NOTES;
    act(() => changes.fire());
    await wait(SHEET_CHANGE_DELAY_MS);
    await screen.findByText(userError("no-table").message.vi);
    await user.click(screen.getByRole("button", { name: "Show in English" }));
    expect(screen.getByText(userError("no-table").message.en)).toBeTruthy();
    expect(screen.getByText(`The overview below is still that of sheet «${FIRST}».`)).toBeTruthy();
  });

  test("unsubscribed on unmount; a change still settling is dropped", async () => {
    const { host, changes, view } = start();
    await screen.findByText("84,87 / 99,50");
    expect(changes.listeners).toBe(1);
    const reads = host.reads;
    host.active = SECOND;
    act(() => changes.fire());
    view.unmount();
    expect(changes.listeners).toBe(0);
    await wait(5 * SHEET_CHANGE_DELAY_MS);
    expect(host.reads).toBe(reads);
  });
});
