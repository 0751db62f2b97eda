/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { MemoryHost } from "../../src/app/memoryHost";
import { sampleWorkbook } from "../../src/core/sample";
import { App } from "../../src/taskpane/App";
import { startTaskpane, type Start } from "../../src/taskpane/boot";

describe("App", () => {
  test("outside Office: how to open the panel in Excel, Vietnamese first, and the playground link", async () => {
    render(<App start={async () => ({ kind: "outside", reason: "no-office" })} />);
    const vi = await screen.findByRole("heading", { name: "Hãy mở bảng này trong Excel" });
    const en = screen.getByRole("heading", { name: "Open this panel in Excel" });
    expect(vi.compareDocumentPosition(en) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText("Trên thẻ Trang đầu, chọn Chỉ số CCHC › Mở bảng PAR.")).toBeTruthy();
    expect(screen.getByText("On the Home tab, choose PAR INDEX › Open PAR panel.")).toBeTruthy();
    const links = [
      screen.getByRole("link", { name: "Mở trang thử nghiệm (playground)" }),
      screen.getByRole("link", { name: "Open the playground" }),
    ];
    for (const l of links) expect(l.getAttribute("href")).toBe("playground.html");
    expect(vi.closest("section")!.getAttribute("lang")).toBe("vi");
    expect(en.closest("section")!.getAttribute("lang")).toBe("en");
  });

  test("a start that fails also lands on the outside-Office page", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => {});
    render(<App start={() => Promise.reject(new Error("boom"))} />);
    expect(await screen.findByRole("link", { name: "Open the playground" })).toBeTruthy();
    error.mockRestore();
  });

  test("loading, then in Excel the panel in Office's language, inside one FluentProvider", async () => {
    let go!: (s: Start) => void;
    const start = () => new Promise<Start>((resolve) => (go = resolve));
    const { container, unmount } = render(<App start={start} />);
    expect(screen.getByText("Đang tải… / Loading…")).toBeTruthy();
    const unsubscribe = jest.fn();
    const subscribeSheetChanges = jest.fn((_onChange: () => void) => unsubscribe);
    const booted = await startTaskpane({
      wait: async () => ({ kind: "ready", host: "Excel", displayLanguage: "en-US" }),
      excelHostType: "Excel",
      createHost: () => new MemoryHost(sampleWorkbook()),
      subscribeSheetChanges,
    });
    go(booted);
    expect(await screen.findByText("84.87 / 99.50")).toBeTruthy();
    expect(subscribeSheetChanges).toHaveBeenCalledTimes(1); // the panel follows Excel's sheet changes
    expect(screen.getByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(container.querySelectorAll(".fui-FluentProvider")).toHaveLength(1);
    unmount();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
