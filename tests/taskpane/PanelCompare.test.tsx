/**
 * @jest-environment jsdom
 */
import { screen, waitFor } from "@testing-library/react";
import type { PlanDocumentRequest } from "../../src/taskpane/panelApi";
import userEvent from "@testing-library/user-event";
import { sampleTwoYears } from "../support/twoYears";
import { setup } from "./helpers";

jest.setTimeout(30_000);

test("So sánh: last year's sheet chosen for the user; the lists of what changed", async () => {
  const user = userEvent.setup();
  setup({ ws: sampleTwoYears() });
  await screen.findByText("84,87 / 99,50");
  await user.click(screen.getByRole("tab", { name: "So sánh" }));
  const select = (await screen.findByRole("combobox", { name: "Trang năm trước" })) as HTMLSelectElement;
  expect(select.value).toBe("PAR INDEX 2022");
  await user.click(screen.getByRole("button", { name: "So sánh" }));
  expect(
    await screen.findByText(/^Tổng điểm: 84,87 \(«PAR INDEX 2022»\) → 84,87 \(năm nay\), chênh lệch 0,00\.$/),
  ).toBeTruthy();
  expect(screen.getByRole("heading", { name: /^Vẫn chưa đạt \(\d+\)$/ })).toBeTruthy();
  // the table the panel works on is still this year's
  await user.click(screen.getByRole("tab", { name: "Tổng quan" }));
  expect(screen.getByText("Tổng quan: trang «PAR INDEX 2023»")).toBeTruthy();
});

test("the plan document (.docx) compares with the sheet chosen in So sánh (issue 12)", async () => {
  const user = userEvent.setup();
  Object.assign(URL, { createObjectURL: () => "blob:x", revokeObjectURL: () => {} });
  const clicked = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
  const planDocument = jest.fn(async (_req?: PlanDocumentRequest) => ({
    ok: true as const,
    bytes: new Uint8Array([80, 75, 3, 4]),
    fileName: "Ke-hoach.docx",
    notes: [],
  }));
  const ws = sampleTwoYears();
  ws.sheetNames.push("Khác");
  ws.others!["Khác"] = { ...ws.active, name: "Khác" };
  setup({ ws, planDocument });
  await screen.findByText("84,87 / 99,50");
  // without a sheet chosen in So sánh: no comparison asked for
  await user.click(screen.getByRole("tab", { name: "Thao tác" }));
  await user.click(screen.getByRole("button", { name: "Soạn kế hoạch (.docx)" }));
  await screen.findByText(/^Đã soạn «Ke-hoach\.docx»/);
  expect(planDocument).toHaveBeenLastCalledWith({ previous: null });
  // the user picks another sheet in So sánh; the choice outlives the tab
  await user.click(screen.getByRole("tab", { name: "So sánh" }));
  const select = await screen.findByRole("combobox", { name: "Trang năm trước" });
  await user.selectOptions(select, "Khác");
  await user.click(screen.getByRole("tab", { name: "Thao tác" }));
  await user.click(screen.getByRole("button", { name: "Soạn kế hoạch (.docx)" }));
  await waitFor(() => expect(planDocument).toHaveBeenCalledTimes(2));
  expect(planDocument).toHaveBeenLastCalledWith({ previous: "Khác" });
  await user.click(screen.getByRole("tab", { name: "So sánh" }));
  expect(
    ((await screen.findByRole("combobox", { name: "Trang năm trước" })) as HTMLSelectElement).value,
  ).toBe("Khác");
  clicked.mockRestore();
});
