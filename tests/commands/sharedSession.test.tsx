/**
 * @jest-environment jsdom
 */
// Issue 13 item 2 ("ribbon included"): with the shared runtime the ribbon's Recalculate and the panel use ONE
// session, so the ribbon's command shows in the panel's undo list and undo from the panel undoes it.
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Session, shareSession, sharedSession } from "../../src/app/session";
import { MemoryHost } from "../../src/app/memoryHost";
import { runRecalculate } from "../../src/commands/commands";
import { sampleWithStatedErrors, setup } from "../taskpane/helpers";
import { panelStart } from "../../src/taskpane/boot";

jest.setTimeout(30_000);

afterEach(() => shareSession(null));

test("the pane's boot shares its session: the ribbon's run lands in its undo history", async () => {
  const host = new MemoryHost(sampleWithStatedErrors());
  const start = await panelStart(
    { kind: "ready", host: "Excel", displayLanguage: "vi-VN" },
    { createHost: () => host, takeNotice: () => null, subscribeSheetChanges: () => () => {} },
  );
  expect(sharedSession()).toBe(start.api);
  const before = host.snapshot().active.values;

  expect(await runRecalculate()).toBeNull();
  expect(host.snapshot().active.values).not.toEqual(before); // the stated gap and total corrected
  expect(start.api.undoHistory?.map((e) => e.command)).toEqual(["recalc"]);

  const undone = await start.api.undo();
  expect(undone.ok).toBe(true);
  expect(host.snapshot().active.values).toEqual(before);
  expect(start.api.undoHistory).toEqual([]);
});

test("without a shared session (commands.html alone) the ribbon keeps no undo entry anywhere", async () => {
  const host = new MemoryHost(sampleWithStatedErrors());
  const panelSession = new Session(new MemoryHost(sampleWithStatedErrors()), "vi"); // not shared
  expect(sharedSession()).toBeNull();
  expect(await runRecalculate(host)).toBeNull();
  expect(host.writes).toBe(1);
  expect(panelSession.undoHistory).toEqual([]);
});

test("the panel shows the ribbon's command in its undo list and undoes it", async () => {
  const user = userEvent.setup();
  const { host, session } = setup({ ws: sampleWithStatedErrors() });
  shareSession(session);
  await screen.findByText("84,87 / 99,50"); // the panel has read the table
  await user.click(screen.getByRole("tab", { name: "Thao tác" }));
  expect(screen.getByText("Chưa có thao tác nào để hoàn tác.")).toBeTruthy();
  const before = host.snapshot().active.values;

  // the ribbon's button, as Office calls it in the shared runtime
  await act(async () => {
    await runRecalculate();
  });
  expect(host.snapshot().active.values).not.toEqual(before);
  const entry = await screen.findByRole("button", { name: "Hoàn tác: Tính lại" });

  await user.click(entry);
  expect(await screen.findByText("Đã hoàn tác: Tính lại.")).toBeTruthy();
  expect(host.snapshot().active.values).toEqual(before);
  expect(screen.getByText("Chưa có thao tác nào để hoàn tác.")).toBeTruthy();
});
