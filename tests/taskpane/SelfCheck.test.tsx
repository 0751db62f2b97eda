/**
 * @jest-environment jsdom
 */
// The `?selfcheck` page: asks first (the undo history), then runs the host's self-check (here against the
// strict Excel double) and shows the report.
import { fireEvent, render, screen } from "@testing-library/react";
import { SelfCheck } from "../../src/taskpane/components/SelfCheck";
import { isSelfCheckUrl } from "../../src/taskpane/App";
import { reportText, runSelfCheck } from "../../src/hosts/office/selfCheck";
import { installFake, criteriaRows, sheetFrom, workbookOf } from "../hosts/office/helpers";

// Fluent UI's MessageBar measures itself; jsdom has no ResizeObserver.
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

let done: (() => void) | null = null;
afterEach(() => {
  done?.();
  done = null;
});

test("the ?selfcheck URL routes to the check", () => {
  expect(isSelfCheckUrl("?selfcheck")).toBe(true);
  expect(isSelfCheckUrl("?lang=en")).toBe(false);
});

test("warns about the undo history, runs only when asked, shows each check's outcome", async () => {
  const installed = installFake(workbookOf(sheetFrom(criteriaRows(8))));
  done = installed.done;
  const run = async () => {
    const report = await runSelfCheck();
    return { report, text: reportText(report) };
  };
  render(<SelfCheck run={run} />);
  expect(screen.getByText(/xoá lịch sử hoàn tác/)).toBeTruthy();
  expect(installed.fake.runs).toHaveLength(0); // nothing before the user agrees
  fireEvent.click(screen.getByRole("button", { name: /chạy kiểm tra/ }));
  const item = await screen.findByText(/Mã lỗi khi trang tính được bảo vệ/);
  expect(item.closest("li")?.getAttribute("data-status")).toBe("as-expected");
  expect(screen.getByText(/\[as-expected\] atomicity/)).toBeTruthy();
  expect(installed.fake.model.order).toEqual(["PAR 2024"]);
});
