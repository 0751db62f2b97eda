/**
 * The playground in Chromium, on the production build: the task pane's panel over the xlsx host (ExcelJS in
 * the browser) on the seed's 2023 table, one user's session from Recalculate to the downloaded file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { shownFills } from "../../src/core/conditional";
import { sampleSheet } from "../../src/core/sample";
import { loadWorkbook, readSheet } from "../../src/hosts/xlsx";
import { sheetView } from "../../src/playground/gridModel";
import { outsideRequests, type Browser } from "./support/browser";
import { browserSuite, playgroundAt } from "./support/suite";
import {
  GRID,
  background,
  cell,
  columnOf,
  command,
  figure,
  gridCells,
  ready,
  rowOf,
  sheetTab,
  showSheet,
  trimGrid,
} from "./support/pages";

const SHEET = "PAR INDEX 2023";
const PLAN = "Kế hoạch khắc phục";
const HEADER_ROW = 3;
const PINK = "rgb(255, 199, 206)"; // #FFC7CE: no points
const YELLOW = "rgb(255, 235, 156)"; // #FFEB9C: partly met
const NONE = "rgba(0, 0, 0, 0)";

let browser: Browser;
let page: Page;
let downloads: string;

browserSuite(
  { open: playgroundAt("/"), downloads: "par-e2e-downloads-" },
  (o) => ({ browser, page, downloads } = o),
);

describe("playground on the seed's 2023 table", () => {
  test("/ opens the playground: the grid, one tab, the panel's first read, nothing highlighted", async () => {
    expect(await page.title()).toContain("playground");
    await expect(sheetTab(page, SHEET).getAttribute("aria-selected")).resolves.toBe("true");
    expect(await cell(page, 1, "A").innerText()).toBe(
      "Chỉ số cải cách hành chính (PAR INDEX) năm 2023 - huyện Bắc Sơn",
    );
    expect(await cell(page, HEADER_ROW, "A").innerText()).toBe("TT");
    expect(await figure(page, "Điểm đạt / tối đa")).toBe("84,87 / 99,50");
    expect(await background(cell(page, await rowOf(page, "1.6.2"), "B"))).toBe(NONE);
    // the column letters and row numbers are there
    expect(await page.locator(`${GRID} thead th`).nth(1).innerText()).toBe("A");
    expect(await page.locator(`${GRID} tbody tr[data-row="10"] th`).innerText()).toBe("10");
  });

  test("Tính lại: the panel's figures, the unmet rows filled in the grid, live formulas", async () => {
    await command(page, "Tính lại", /^Đã tính lại 27 dòng: 84,87 \/ 99,50 điểm, 19 tiêu chí chưa đạt\.$/);
    expect(await figure(page, "Điểm đạt / tối đa")).toBe("84,87 / 99,50");
    expect(await figure(page, "Tỷ lệ đạt")).toBe("85,30 %");
    expect(await figure(page, "Tiêu chí chưa đạt")).toBe("19");

    const zero = await rowOf(page, "1.6.2");
    const partial = await rowOf(page, "4.2");
    const met = await rowOf(page, "2");
    expect(await background(cell(page, zero, "B"))).toBe(PINK);
    expect(await background(cell(page, partial, "A"))).toBe(YELLOW);
    expect(await background(cell(page, met, "B"))).toBe(NONE);

    // a percent column is inserted; the gap is a formula whose cached result shows, in vi number format
    const percent = await columnOf(page, HEADER_ROW, "Tỷ lệ đạt (%)");
    expect(percent).toBe("F");
    expect(await cell(page, partial, "E").innerText()).toBe("1,67");
    expect(await cell(page, partial, "F").innerText()).toBe("16,50%");
    await cell(page, partial, "E").click();
    expect(await page.getByTestId("name-box").innerText()).toBe(`E${partial}`);
    expect(await page.getByTestId("formula-bar").inputValue()).toMatch(/^=IF\(OR\(C10="",D10=""\)/);
  });

  let beforeAssign: string[][];
  let afterAssign: string[][];

  test("assign: the three columns with the seed's agencies", async () => {
    beforeAssign = await gridCells(page);
    await command(page, "Điền cơ quan và giải pháp", /^Đã điền 19 dòng\.$/);
    const lead = await columnOf(page, HEADER_ROW, "Cơ quan chủ trì tham mưu");
    const implementers = await columnOf(page, HEADER_ROW, "Cơ quan thực hiện");
    const tasks = await columnOf(page, HEADER_ROW, "Nhiệm vụ, giải pháp");
    expect([lead, implementers, tasks]).toEqual(["H", "I", "J"]);
    expect(await cell(page, await rowOf(page, "4.2"), lead).innerText()).toBe("phòng Nội vụ");
    expect(await cell(page, await rowOf(page, "3.5.3"), lead).innerText()).toBe(
      "Văn phòng HĐND và UBND huyện",
    );
    expect(await cell(page, await rowOf(page, "4.2"), implementers).innerText()).toContain(
      "Phòng Giáo dục và Đào tạo",
    );
    expect((await cell(page, await rowOf(page, "4.2"), tasks).innerText()).length).toBeGreaterThan(50);
    // met rows get nothing
    expect(await cell(page, await rowOf(page, "2"), lead).innerText()).toBe("");
    afterAssign = await gridCells(page);
  });

  test("undo: the grid is as it was before assign; assign again gives the same grid", async () => {
    await command(page, "Hoàn tác", /^Đã hoàn tác: Điền cơ quan và giải pháp\.$/);
    expect(await gridCells(page)).toEqual(beforeAssign);
    await command(page, "Điền cơ quan và giải pháp", /^Đã điền 19 dòng/);
    expect(await gridCells(page)).toEqual(afterAssign);
  });

  test("a criterion chosen in the panel is shown in the grid (selectRow)", async () => {
    await page.getByRole("tab", { name: "Chưa đạt", exact: true }).click();
    const option = page.getByRole("region", { name: "Tiêu chí chưa đạt (19)" }).getByRole("option").nth(2);
    const row = Number(await option.getAttribute("data-row")) + 1;
    await option.click();
    // The selection comes back from the document's worker: wait for the grid to show it.
    await page
      .locator(`${GRID} tbody tr[data-row="${row}"][data-highlighted="true"]`)
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("name-box").innerText()).toBe(`A${row}`);
    const inView = await page
      .locator(`${GRID} tbody tr[data-row="${row}"] td[data-col="B"]`)
      .evaluate((el) => {
        const r = el.getBoundingClientRect();
        const s = document.querySelector("[data-testid=grid-scroller]")!.getBoundingClientRect();
        return r.top >= s.top && r.bottom <= s.bottom;
      });
    expect(inView).toBe(true);
  });

  let beforePlan: string[][];

  test("plan: the plan sheet's tab appears and lists the tasks", async () => {
    beforePlan = await gridCells(page);
    await command(page, "Lập kế hoạch khắc phục", /^Kế hoạch khắc phục: 43 nhiệm vụ \(43 mới/);
    await showSheet(page, PLAN);
    const plan = await gridCells(page);
    expect(plan[0][0]).toBe("KẾ HOẠCH KHẮC PHỤC CÁC TIÊU CHÍ CHƯA ĐẠT ĐIỂM TỐI ĐA (PAR INDEX)");
    const header = plan.findIndex((r) => r[0] === "STT");
    expect(plan[header].slice(0, 3)).toEqual(["STT", "Mã tiêu chí", "Tiêu chí"]);
    const tasks = plan.slice(header + 1).filter((r) => /^\d+$/.test(r[0] ?? ""));
    expect(tasks).toHaveLength(43);
    expect(tasks.some((r) => r[1] === "4.2" && r.includes("phòng Nội vụ"))).toBe(true);
    await showSheet(page, SHEET);
    expect(await gridCells(page)).toEqual(beforePlan);
  });

  test("download: the saved file holds what the grid shows, and the plan sheet", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải xuống .xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("PAR-INDEX-2023-Bac-Son-PAR.xlsx");
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);

    const wb = await loadWorkbook(readFileSync(file));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([SHEET, PLAN]);
    const results = wb.getWorksheet(SHEET)!;
    const shown = await gridCells(page);
    const saved = trimGrid(sheetView(results, "vi").cells.map((r) => r.map((c) => c?.text ?? "")));
    expect(saved).toEqual(shown);

    // and in raw terms: live formulas with their cached results, the agencies, the fills
    const s = readSheet(results);
    const r42 = s.values.findIndex((r) => r[0] === "4.2");
    expect(s.formulas?.[r42][4]).toMatch(/^=IF\(/);
    expect(s.values[r42][4]).toBe(1.67);
    expect(s.values[r42][7]).toBe("phòng Nội vụ");
    // the highlight is live (a conditional format): 4.2 shows coloured by its rule, its own fill untouched
    expect(s.fills?.[r42][0] ?? null).toBeNull();
    expect(shownFills(s)[r42][0]).toBe("#FFEB9C");
    const plan = readSheet(wb.getWorksheet(PLAN)!);
    expect(plan.values.filter((r) => typeof r[0] === "number" || /^\d+$/.test(String(r[0]))).length).toBe(43);
  });

  test("undo after the plan: its tab is gone and the grid is as before", async () => {
    await command(page, "Hoàn tác", /^Đã hoàn tác: Lập kế hoạch khắc phục\.$/);
    await sheetTab(page, PLAN).waitFor({ state: "detached" });
    expect(await gridCells(page)).toEqual(beforePlan);
    // the result line of an undo offers no undo; the list names what is left, newest first
    expect(await page.getByRole("button", { name: "Hoàn tác", exact: true }).count()).toBe(0);
    await page.getByRole("tab", { name: "Thao tác", exact: true }).click();
    await page.getByRole("button", { name: "Hoàn tác: Điền cơ quan và giải pháp" }).waitFor();
  });

  test("keyboard: Tab reaches the grid, arrow keys move the active cell and the formula bar follows", async () => {
    await cell(page, 10, "B").click();
    await page.keyboard.press("ArrowDown");
    expect(await page.getByTestId("name-box").innerText()).toBe("B11");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await page.getByTestId("name-box").innerText()).toBe("E11");
    expect(await page.getByTestId("formula-bar").inputValue()).toMatch(/^=IF\(/);
    await page.keyboard.press("Control+Home");
    expect(await page.getByTestId("name-box").innerText()).toBe("A1");
    // from the formula bar, Tab goes on to the grid
    await page.getByTestId("formula-bar").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("grid");
  });

  test("English: the panel, the playground and the grid's numbers switch language", async () => {
    await page.getByRole("button", { name: "Show in English" }).click();
    await page.getByRole("button", { name: "Recalculate", exact: true }).waitFor();
    await page.getByRole("button", { name: "Open .xlsx" }).waitFor();
    expect(await cell(page, await rowOf(page, "4.2"), "E").innerText()).toBe("1.67");
    expect(await cell(page, await rowOf(page, "4.2"), "F").innerText()).toBe("16.50%");
    await page.getByRole("button", { name: "Hiển thị bằng Tiếng Việt" }).click();
    await page.getByRole("button", { name: "Tính lại", exact: true }).waitFor();
    expect(await cell(page, await rowOf(page, "4.2"), "E").innerText()).toBe("1,67");
  });
});

/** A user's workbook: a notes sheet first, then the seed's table on "Kết quả 2023". */
async function userWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Hướng dẫn").getCell("A1").value = "Nhập điểm tự đánh giá vào trang «Kết quả 2023».";
  const ws = wb.addWorksheet("Kết quả 2023");
  const s = sampleSheet();
  s.values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("playground with the user's files", () => {
  const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  test("Mở tệp .xlsx over unsaved changes asks first; Ở lại keeps the workbook", async () => {
    await page.getByRole("button", { name: "Mở tệp .xlsx" }).click();
    const dialog = page.getByRole("dialog", { name: "Thay đổi chưa được tải xuống" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Ở lại" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await page.getByTestId("file-name").innerText()).toBe("Tệp: PAR-INDEX-2023-Bac-Son.xlsx");
  });

  test("Mở tệp .xlsx: the first sheet with a table is shown, the other tabs are there too", async () => {
    await page.getByRole("button", { name: "Mở tệp .xlsx" }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Bỏ thay đổi, mở tệp khác" }).click(),
    ]);
    await chooser.setFiles({ name: "bac-son-2023.xlsx", mimeType: XLSX, buffer: await userWorkbook() });
    await page.getByTestId("file-name").getByText("Tệp: bac-son-2023.xlsx").waitFor();
    await ready(page);
    await expect(sheetTab(page, "Kết quả 2023").getAttribute("aria-selected")).resolves.toBe("true");
    await sheetTab(page, "Hướng dẫn").waitFor();
    expect(await page.getByText("Tổng quan: trang «Kết quả 2023»").count()).toBe(1);
    await command(page, "Tính lại", /^Đã tính lại 27 dòng/);
    expect(await background(cell(page, await rowOf(page, "1.6.2"), "B"))).toBe(PINK);
    // the notes sheet can be looked at; the panel keeps working on the table
    await showSheet(page, "Hướng dẫn");
    expect(await cell(page, 1, "A").innerText()).toContain("Nhập điểm tự đánh giá");
    await command(page, "Điền cơ quan và giải pháp", /^Đã điền 19 dòng/);
  });

  test("a file that is not .xlsx: an error in a MessageBar, the open workbook stays", async () => {
    await page.getByTestId("file-input").setInputFiles({
      name: "ghi-chu.xlsx",
      mimeType: XLSX,
      buffer: Buffer.from("this is not a zip file"),
    });
    const bar = page.getByTestId("playground-error");
    // sniffed before loading: plain text under a workbook's name gets its own words and the way out
    await bar.getByText("Tệp «ghi-chu.xlsx» là tệp văn bản (CSV) mang tên sổ làm việc Excel.").waitFor();
    await expect(bar.innerText()).resolves.toContain("Sổ làm việc Excel (.xlsx)");
    expect(await page.getByTestId("file-name").innerText()).toBe("Tệp: bac-son-2023.xlsx");
    await bar.getByRole("button", { name: "Đóng thông báo" }).click();
    await bar.waitFor({ state: "detached" });
  });

  test("Bảng mẫu: asks first (unsaved changes), then back to the seed", async () => {
    await page.getByRole("button", { name: "Bảng mẫu" }).click();
    await page.getByRole("button", { name: "Bỏ thay đổi, mở bảng mẫu" }).click();
    await page.getByTestId("file-name").getByText("Tệp: PAR-INDEX-2023-Bac-Son.xlsx").waitFor();
    await ready(page);
    expect(await background(cell(page, await rowOf(page, "1.6.2"), "B"))).toBe(NONE);
  });
});

describe("the playground page as a whole", () => {
  test("no uncaught error, no request outside localhost", () => {
    expect(browser.pageErrors).toEqual([]);
    expect(outsideRequests(browser.requests)).toEqual([]);
    // the page has no office.js at all
    expect(browser.requests.filter((r) => r.url.includes("office.js"))).toEqual([]);
  });
});
