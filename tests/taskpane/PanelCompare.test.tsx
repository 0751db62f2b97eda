/**
 * @jest-environment jsdom
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sampleWorkbook } from "../../src/core/sample";
import type { WorkbookSnapshot } from "../../src/core";
import { setup } from "./helpers";

jest.setTimeout(30_000);

/** The sample as 2023, with last year's copy (2022) where 4.2 had one point more and 1.6.2 one less. */
function twoYears(): WorkbookSnapshot {
  const ws = sampleWorkbook();
  const last = JSON.parse(JSON.stringify(ws.active)) as WorkbookSnapshot["active"];
  last.name = "PAR INDEX 2022";
  const values = last.values as (string | number | null)[][];
  for (const line of values)
    for (let c = 0; c < line.length; c++)
      if (typeof line[c] === "string") line[c] = (line[c] as string).replace("2023", "2022");
  return { ...ws, sheetNames: ["PAR INDEX 2022", ...ws.sheetNames], others: { "PAR INDEX 2022": last } };
}

test("So sánh: last year's sheet chosen for the user; the lists of what changed", async () => {
  const user = userEvent.setup();
  setup({ ws: twoYears() });
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
