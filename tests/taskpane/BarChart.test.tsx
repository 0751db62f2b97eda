/**
 * @jest-environment jsdom
 */
// The panel's one bar chart (src/taskpane/components/BarChart.tsx): the overview's DomainChart and the
// comparison's CompareChart only say what to draw. Its drawing, its scale and its accessible names are
// tested here once; a chart that drew its own bars again is caught by the last test.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { BarChart, shortName, type BarChartProps } from "../../src/taskpane/components/BarChart";

const props = (over: Partial<BarChartProps> = {}): BarChartProps => ({
  idPrefix: "t",
  title: "Điểm của từng lĩnh vực / Score per domain",
  largest: 20,
  barHeight: 10,
  barGap: 2,
  rowSpace: 6,
  hatch: "gap",
  legend: [
    { look: "solid", text: "Đạt" },
    { look: "hatched", text: "Thiếu" },
  ],
  rows: [
    {
      key: "a",
      code: "1",
      name: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
      label: "Lĩnh vực 1: đạt 8 trên 10.",
      note: { text: "−2,00", tone: "bad" },
      data: { extra: "x" },
      bars: [
        {
          track: 10,
          segments: [
            { part: "achieved", look: "solid", length: 8 },
            { part: "gap", look: "hatched", from: 8, length: 2 },
          ],
        },
      ],
    },
    {
      key: "b",
      code: "2",
      name: "Cải cách thể chế",
      label: "Lĩnh vực 2: năm trước 20, năm nay 15.",
      note: { text: "✓", tone: "quiet" },
      bars: [
        {
          part: "before",
          data: { achieved: 20 },
          track: 20,
          segments: [{ look: "hatched", length: 20, outlined: true }],
        },
        { part: "after", track: 20, segments: [{ look: "solid", length: 15 }] },
      ],
    },
  ],
  ...over,
});

const draw = (p: BarChartProps) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <BarChart {...p} />
    </FluentProvider>,
  );

test("rows on one scale: tracks, solid and hatched parts, one sentence per row for screen readers", () => {
  const { container } = draw(props());
  const chart = screen.getByRole("img", { name: "Điểm của từng lĩnh vực / Score per domain" });
  expect(chart.querySelector("desc")!.textContent).toBe(
    "Lĩnh vực 1: đạt 8 trên 10. Lĩnh vực 2: năm trước 20, năm nay 15.",
  );
  const rows = [...container.querySelectorAll("svg > g[data-code]")];
  expect(rows.map((g) => g.getAttribute("aria-hidden"))).toEqual(["true", "true"]);
  expect(rows[0].getAttribute("data-extra")).toBe("x");
  const width = (el: Element | null) => Number(el!.getAttribute("width"));
  // 20 points fill the 300 units: a 10-point track is 150
  expect(width(rows[0].querySelector('[data-part="track"]'))).toBe(150);
  expect(width(rows[0].querySelector('[data-part="achieved"]'))).toBe(120);
  const gap = rows[0].querySelector('[data-part="gap"]')!;
  expect([Number(gap.getAttribute("x")), width(gap)]).toEqual([120, 30]);
  expect(gap.getAttribute("fill")).toMatch(/^url\(#/); // a pattern, not only a colour
  const patternId = gap.getAttribute("fill")!.slice(5, -1);
  expect([...container.querySelectorAll("pattern")].map((p) => p.id)).toEqual([patternId]);
  // a bar with a part is a group with its data; an outlined hatched segment draws its outline over it
  const before = rows[1].querySelector('g[data-part="before"]')!;
  expect(before.getAttribute("data-achieved")).toBe("20");
  expect([...before.querySelectorAll("rect")].map(width)).toEqual([300, 300, 300]);
  const after = rows[1].querySelector('g[data-part="after"]')!;
  expect(Number(after.querySelector("rect")!.getAttribute("y"))).toBe(
    Number(before.querySelector("rect")!.getAttribute("y")) + 12, // bar height + gap
  );
  // the row's line: code, short name, note
  expect(rows[0].textContent).toBe("Lĩnh vực 1: đạt 8 trên 10.1Công tác chỉ đạo, điều hành−2,00"); // tooltip first
  expect(screen.getByText("Đạt")).toBeTruthy();
  expect(screen.getByText("Thiếu")).toBeTruthy();
});

test("nothing to draw: no chart", () => {
  const { container } = draw(props({ rows: [] }));
  expect(container.querySelector("svg")).toBeNull();
  const flat = draw(props({ largest: 0 }));
  expect(flat.container.querySelector("svg")).toBeNull();
});

test("shortName: sentence case, cut to fit", () => {
  expect(shortName("CẢI CÁCH THỦ TỤC HÀNH CHÍNH")).toBe("Cải cách thủ tục hành chính");
  expect(shortName("x".repeat(60))).toHaveLength(36);
});

test("the panel's charts draw through BarChart: no other component draws an SVG", () => {
  const dir = join(__dirname, "../../src/taskpane/components");
  const drawing = readdirSync(dir).filter((f) => /<svg\b|<rect\b/.test(readFileSync(join(dir, f), "utf8")));
  expect(drawing).toEqual(["BarChart.tsx"]);
});
