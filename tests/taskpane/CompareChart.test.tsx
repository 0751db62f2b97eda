/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { compareYears, type CriterionLike } from "../../src/core/compare";
import { CompareChart, signedChange } from "../../src/taskpane/components/CompareChart";
import type { Lang } from "../../src/taskpane/i18n";
import { sampleWorkbook } from "../../src/core/sample";
import type { WorkbookSnapshot } from "../../src/core";
import { setup } from "./helpers";

jest.setTimeout(30_000);

const row = (code: string, name: string, level: number, max: number, achieved: number): CriterionLike => ({
  code,
  name,
  level,
  max,
  achieved,
});

/** Domain I rose by 0,50 (its 1.1 from 1,50 to 2,00), domain II fell by 1,00 (its 2.1 from 3,00 to 2,00). */
function comparison() {
  const before = [
    row("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 1, 10, 8.5),
    row("1.1", "Kế hoạch cải cách hành chính", 2, 2, 1.5),
    row("II", "Cải cách thể chế", 1, 6, 6),
    row("2.1", "Rà soát văn bản", 2, 3, 3),
  ];
  const after = [
    row("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 1, 10, 9),
    row("1.1", "Kế hoạch cải cách hành chính", 2, 2, 2),
    row("II", "Cải cách thể chế", 1, 6, 5),
    row("2.1", "Rà soát văn bản", 2, 3, 2),
  ];
  return compareYears(before, after);
}

function show(lang: Lang = "vi") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <CompareChart comparison={comparison()} lang={lang} />
    </FluentProvider>,
  );
}

test("one domain improved, one regressed: paired bars with both figures and the signed change", () => {
  const { container } = show();
  const chart = screen.getByRole("img", { name: /^Điểm đạt của từng lĩnh vực: năm trước/ });
  const desc = chart.querySelector("desc")!.textContent;
  expect(desc).toBe(
    "Lĩnh vực I, CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH: năm trước 8,50 / 10,00, năm nay 9,00 / 10,00, " +
      "thay đổi +0,50. " +
      "Lĩnh vực II, Cải cách thể chế: năm trước 6,00 / 6,00, năm nay 5,00 / 6,00, thay đổi −1,00.",
  );
  expect(chart.getAttribute("aria-describedby")).toBe(chart.querySelector("desc")!.id);

  // only the domains (level 1) are drawn, each with its short name and the change as text
  const groups = [...container.querySelectorAll("svg g[data-code]")];
  expect(groups.map((g) => g.getAttribute("data-code"))).toEqual(["I", "II"]);
  expect(groups.map((g) => g.getAttribute("data-change"))).toEqual(["+0,50", "−1,00"]);
  expect(groups[0].textContent).toContain("Công tác chỉ đạo");
  expect(groups[0].textContent).toContain("+0,50");
  expect(groups[1].textContent).toContain("−1,00");
  expect(groups[1].querySelector("title")!.textContent).toContain(
    "năm trước 6,00 / 6,00, năm nay 5,00 / 6,00",
  );

  // before and after bars, on one scale (the largest max, 10 points = 300 units)
  const bar = (g: Element, part: string) => g.querySelector(`[data-part="${part}"]`)!;
  const filled = (g: Element, part: string) =>
    [...bar(g, part).querySelectorAll("rect")].slice(1).map((r) => Number(r.getAttribute("width")));
  expect(bar(groups[0], "before").getAttribute("data-achieved")).toBe("8.5");
  expect(bar(groups[0], "after").getAttribute("data-achieved")).toBe("9");
  expect(filled(groups[0], "before")[0]).toBeCloseTo(255);
  expect(filled(groups[0], "after")[0]).toBeCloseTo(270);
  expect(filled(groups[1], "before")[0]).toBeCloseTo(180);
  expect(filled(groups[1], "after")[0]).toBeCloseTo(150);
  // the two years differ by more than hue: last year's bar is hatched
  expect(bar(groups[0], "before").querySelector("rect[fill^='url(#']")).toBeTruthy();
  expect(container.querySelector("svg pattern")).toBeTruthy();
});

test("in English; a change of zero has no sign", () => {
  show("en");
  const chart = screen.getByRole("img", { name: /^Score achieved per domain/ });
  expect(chart.querySelector("desc")!.textContent).toContain(
    "Domain II, Cải cách thể chế: last year 6.00 / 6.00, this year 5.00 / 6.00, change −1.00.",
  );
  expect(signedChange(0, "vi")).toBe("0,00");
  expect(signedChange(0.5, "vi")).toBe("+0,50");
  expect(signedChange(-1, "vi")).toBe("−1,00");
});

/** The sample as 2023, with last year's copy (2022) where domain 1 had 0,50 less and domain 4 one point more. */
function twoYears(): WorkbookSnapshot {
  const ws = sampleWorkbook();
  const last = JSON.parse(JSON.stringify(ws.active)) as WorkbookSnapshot["active"];
  last.name = "PAR INDEX 2022";
  const values = last.values as (string | number | null)[][];
  for (const line of values)
    for (let c = 0; c < line.length; c++)
      if (typeof line[c] === "string") line[c] = (line[c] as string).replace("2023", "2022");
  const domain = (code: string) => values.find((l) => String(l[0]).trim() === code)!;
  domain("1")[3] = "9,00";
  domain("4")[3] = "8,83";
  return { ...ws, sheetNames: ["PAR INDEX 2022", ...ws.sheetNames], others: { "PAR INDEX 2022": last } };
}

test("So sánh: the chart is shown above the lists", async () => {
  const user = userEvent.setup();
  setup({ ws: twoYears() });
  await screen.findByText("84,87 / 99,50");
  await user.click(screen.getByRole("tab", { name: "So sánh" }));
  await screen.findByRole("combobox", { name: "Trang năm trước" });
  await user.click(screen.getByRole("button", { name: "So sánh" }));
  const chart = await screen.findByRole("img", { name: /^Điểm đạt của từng lĩnh vực/ });
  const desc = chart.querySelector("desc")!.textContent!;
  expect(desc).toContain(
    "Lĩnh vực 1, CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC: năm trước 9,00 / 10,00, năm nay 9,50 / 10,00, thay đổi +0,50.",
  );
  expect(desc).toContain(
    "Lĩnh vực 4, CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH: năm trước 8,83 / 9,50, năm nay 7,83 / 9,50, thay đổi −1,00.",
  );
  expect(desc).toContain(
    "Lĩnh vực 3, CẢI CÁCH THỦ TỤC HÀNH CHÍNH: năm trước 15,75 / 16,00, năm nay 15,75 / 16,00, thay đổi 0,00.",
  );
  const firstList = screen.getByRole("heading", { name: "Tăng điểm (1)" });
  expect(chart.compareDocumentPosition(firstList) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
});
