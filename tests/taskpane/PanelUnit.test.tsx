/**
 * @jest-environment jsdom
 */
// Issue 11 in the panel: the unit level the table's titles name is shown with a chooser; the user's choice
// is remembered in the workbook (a hidden defined name), so a new session over the reopened workbook keeps it.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { setup } from "./helpers";

jest.setTimeout(30_000);

const unitName = (host: MemoryHost) =>
  (host.snapshot().names ?? []).find((n) => n.name.toLowerCase() === "_parindex_unit");

test("the detected level, then the user's choice, remembered in the workbook and kept on reopening", async () => {
  const user = userEvent.setup();
  const { host, session } = setup();
  await screen.findByText("84,87 / 99,50");
  const chooser = (await screen.findByTestId("unit-chooser")) as HTMLSelectElement;
  // the sample's title names a district ("huyện Bắc Sơn")
  expect(chooser.value).toBe("");
  expect(chooser.selectedOptions[0].textContent).toBe("Theo tiêu đề bảng: Huyện (trước 01/7/2025)");
  expect(screen.getByText(/Nhận ra từ tiêu đề phía trên bảng\.$/)).toBeTruthy();
  expect(unitName(host)).toBeUndefined();

  await user.selectOptions(chooser, "commune");
  await waitFor(() => expect(screen.getByText(/Đã chọn cho sổ làm việc này; lưu trong tệp\.$/)).toBeTruthy());
  expect((screen.getByTestId("unit-chooser") as HTMLSelectElement).value).toBe("commune");
  expect(unitName(host)).toMatchObject({ ref: '="commune"', hidden: true });
  // not an edit: the undo list stays empty
  expect(session.canUndo).toBe(false);

  // the workbook reopened: a new session reads the remembered level
  const reopened = new Session(new MemoryHost(host.snapshot()), "vi");
  const r = await reopened.analyze();
  expect(r.ok && r.summary?.unit).toMatchObject({ level: "commune", source: "explicit" });

  // back to the titles: the name is removed
  await user.selectOptions(screen.getByTestId("unit-chooser"), "");
  await waitFor(() => expect(unitName(host)).toBeUndefined());
  await waitFor(() => expect(screen.getByText(/Nhận ra từ tiêu đề phía trên bảng\.$/)).toBeTruthy());
});

test("the chosen level decides the catalogue: a commune's offices, no district office", async () => {
  const user = userEvent.setup();
  const { session } = setup();
  await screen.findByText("84,87 / 99,50");
  await user.selectOptions(await screen.findByTestId("unit-chooser"), "commune");
  await waitFor(() => expect(screen.getByText(/Đã chọn cho sổ làm việc này; lưu trong tệp\.$/)).toBeTruthy());
  const r = await session.run("assign");
  expect(r.ok).toBe(true);
  const ws = await session.workbook();
  const text = ws.active.values
    .flat()
    .filter((v) => typeof v === "string")
    .join("\n");
  expect(text).toMatch(/Văn phòng HĐND và UBND|Phòng Văn hóa - Xã hội|Trung tâm Phục vụ hành chính công/);
  expect(text).not.toMatch(/Phòng Nội vụ|Phòng Tư pháp|Phòng Tài chính - Kế hoạch/);
});
