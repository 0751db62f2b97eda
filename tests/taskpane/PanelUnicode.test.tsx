/**
 * @jest-environment jsdom
 */
// Issue 11 item 6 in the panel: a sheet typed in a legacy encoding shows a notice with «Chuyển sang Unicode»,
// which asks first (say before), converts the sheet as one command and can be undone.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SAMPLE_TITLE, sampleWorkbook } from "../../src/core/sample";
import type { WorkbookSnapshot } from "../../src/core";
import { encodeVni } from "../support/legacyEncode";
import { setup } from "./helpers";

jest.setTimeout(30_000);

/** The sample typed in VNI: every text cell encoded, in the VNI-Times font. */
function vniSample(): WorkbookSnapshot {
  const ws = sampleWorkbook();
  const values = ws.active.values as (string | number | null)[][];
  ws.active.fontNames = values.map((row) => row.map((v) => (typeof v === "string" ? "VNI-Times" : null)));
  for (const row of values)
    for (let c = 0; c < row.length; c++) if (typeof row[c] === "string") row[c] = encodeVni(row[c] as string);
  return ws;
}

test("a VNI sheet: the notice, the question first, the conversion, then undo", async () => {
  const user = userEvent.setup();
  const { host } = setup({ ws: vniSample(), ask: true });
  await screen.findByText("84,87 / 99,50");
  const notice = screen.getByTestId("legacy-encoding");
  expect(within(notice).getByText("Trang tính gõ bằng bảng mã cũ (VNI)")).toBeTruthy();
  const before = host.snapshot().active;
  await user.click(within(notice).getByRole("button", { name: "Chuyển sang Unicode" }));
  // say before: nothing is written until the user agrees
  const dialog = await screen.findByRole("alertdialog");
  expect(within(dialog).getByText(/^Chuyển \d+ ô sang Unicode và đổi phông chữ của chúng\.$/)).toBeTruthy();
  expect(host.snapshot().active.values).toEqual(before.values);
  await user.click(within(dialog).getByRole("button", { name: "Đồng ý" }));
  await screen.findByText(/^Đã chuyển \d+ ô sang Unicode/);
  const after = host.snapshot().active;
  expect(after.values.flat()).toContain(SAMPLE_TITLE);
  expect(after.fontNames?.flat().filter((f) => f === "VNI-Times")).toEqual([]);
  // the sheet is Unicode now: the notice goes
  await waitFor(() => expect(screen.queryByTestId("legacy-encoding")).toBeNull());
  await user.click(screen.getByRole("button", { name: "Hoàn tác" }));
  await waitFor(() => expect(host.snapshot().active.values).toEqual(before.values));
  expect(await screen.findByTestId("legacy-encoding")).toBeTruthy();
});

test("a Unicode sheet: no notice", async () => {
  setup();
  await screen.findByText("84,87 / 99,50");
  expect(screen.queryByTestId("legacy-encoding")).toBeNull();
  expect(screen.queryByRole("button", { name: "Chuyển sang Unicode" })).toBeNull();
});
