/**
 * @jest-environment jsdom
 */
import { render, screen, waitFor } from "@testing-library/react";
import { MemoryHost } from "../../src/app/memoryHost";
import { sampleWorkbook } from "../../src/core/sample";
import { App } from "../../src/taskpane/App";
import { panelStart, type PanelStart } from "../../src/taskpane/boot";

describe("App (the panel's React app; what the pane shows was decided before, src/taskpane/startPane.ts)", () => {
  test("a start that fails is handed to the entry (which paints its outside page), once", async () => {
    const failed = jest.fn();
    const boom = new Error("boom");
    render(<App start={() => Promise.reject(boom)} onStartFailed={failed} />);
    await waitFor(() => expect(failed).toHaveBeenCalledWith(boom));
    expect(failed).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("button", { name: "Recalculate" })).toBeNull();
  });

  test("loading, then in Excel the panel in Office's language, inside one FluentProvider", async () => {
    let go!: (s: PanelStart) => void;
    const start = () => new Promise<PanelStart>((resolve) => (go = resolve));
    const failed = jest.fn();
    const { container, unmount } = render(<App start={start} onStartFailed={failed} />);
    expect(screen.getByText("Đang tải… / Loading…")).toBeTruthy();
    const unsubscribe = jest.fn();
    const subscribeSheetChanges = jest.fn((_onChange: () => void) => unsubscribe);
    const booted = await panelStart(
      { kind: "ready", host: "Excel", displayLanguage: "en-US" },
      { createHost: () => new MemoryHost(sampleWorkbook()), subscribeSheetChanges },
    );
    go(booted);
    expect(await screen.findByText("84.87 / 99.50")).toBeTruthy();
    expect(subscribeSheetChanges).toHaveBeenCalledTimes(1); // the panel follows Excel's sheet changes
    expect(screen.getByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(container.querySelectorAll(".fui-FluentProvider")).toHaveLength(1);
    expect(failed).not.toHaveBeenCalled();
    unmount();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
