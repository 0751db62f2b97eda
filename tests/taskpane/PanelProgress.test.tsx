/**
 * @jest-environment jsdom
 */
// Issue 13 item 4 («Progress» in Excel): while a command runs the panel's spinner says the session's step,
// and each step is on screen before the session takes the next one (the pane yields so it paints). Item 2:
// a command the ribbon runs through the shared session refreshes the panel's summary and result line.
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { shareSession } from "../../src/app/session";
import type { SessionStep } from "../../src/app/session";
import { runRecalculate } from "../../src/commands/commands";
import { sampleWithStatedErrors, setup } from "./helpers";

jest.setTimeout(30_000);

afterEach(() => shareSession(null));

/** The spinner's label now, or null when no task runs. */
const progress = () => screen.queryByTestId("progress")?.textContent ?? null;

test("each step is on screen before the session goes on: read, calculate, write", async () => {
  const user = userEvent.setup();
  const { session } = setup();
  await screen.findByText("84,87 / 99,50");
  await user.click(screen.getByRole("tab", { name: "Thao tác" }));
  // Told after the panel's own listener: what the page shows when the session reaches each step.
  const shownAt: [SessionStep, string | null][] = [];
  const off = session.onStep((step) => void shownAt.push([step, progress()]));
  await user.click(screen.getByRole("button", { name: /^Điền cơ quan và giải pháp/ }));
  expect(await screen.findByText("Đã điền 19 dòng.")).toBeTruthy();
  off();
  expect(shownAt.map(([step]) => step)).toEqual(["read", "plan", "write", "done"]);
  // at "plan" the read's words are on screen, at "write" the calculation's, at "done" the write's
  expect(shownAt.slice(1).map(([, shown]) => shown)).toEqual(["Đang đọc bảng…", "Đang tính…", "Đang ghi…"]);
  expect(progress()).toBeNull();
});

test("the step is a polite live status while the host holds the write, in the panel's language", async () => {
  const user = userEvent.setup();
  const { host } = setup({ lang: "en" });
  await screen.findByText("84.87 / 99.50");
  host.hold();
  await user.click(screen.getByRole("tab", { name: "Actions" }));
  await user.click(screen.getByRole("button", { name: /^Insert agencies and solutions/ }));
  expect(await screen.findByText("Writing…")).toBeTruthy();
  const status = screen.getByTestId("progress").closest("[role=status]");
  expect(status?.getAttribute("aria-live")).toBe("polite");
  expect(host.writes).toBe(0);
  await act(async () => host.release());
  expect(await screen.findByText("19 rows filled.")).toBeTruthy();
  expect(host.writes).toBe(1);
  expect(screen.queryByText("Writing…")).toBeNull();
});

test("the ribbon's Recalculate refreshes the panel's summary and result line, not only its undo list", async () => {
  const user = userEvent.setup();
  const { host, session } = setup({ ws: sampleWithStatedErrors() });
  shareSession(session);
  await screen.findByText("84,87 / 99,50");
  // before: the stated values differ from the recalculation (a warning)
  expect(screen.getByText("Số ghi trong bảng khác số tính lại")).toBeTruthy();
  expect(screen.queryByText("Đã sửa khi tính lại")).toBeNull();
  const reads = host.reads;

  await act(async () => {
    await runRecalculate(); // the ribbon's button, as Office calls it in the shared runtime
  });
  // the summary is the ribbon's run's (the stated values it corrected), with no read of the panel's own
  expect(await screen.findByText("Đã sửa khi tính lại")).toBeTruthy();
  expect(screen.queryByText("Số ghi trong bảng khác số tính lại")).toBeNull();
  expect(screen.getByText("Đã tính lại 27 dòng: 84,87 / 99,50 điểm, 19 tiêu chí chưa đạt.")).toBeTruthy();
  expect(host.reads).toBe(reads + 1); // the ribbon's one read
  // the result line's Undo undoes the ribbon's command
  await user.click(screen.getByRole("button", { name: "Hoàn tác" }));
  expect(await screen.findByText("Đã hoàn tác: Tính lại.")).toBeTruthy();
});
