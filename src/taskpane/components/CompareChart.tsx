import { formatScore } from "../../app/format";
import type { ComparedRow, Comparison } from "../../app/types";
import type { Lang } from "../i18n";
import { BarChart, type BarChartRow, type ChartBar } from "./BarChart";

/** The chart's words (kept here while only this chart uses them). */
const WORDS = {
  vi: {
    title: "Điểm đạt của từng lĩnh vực: năm trước (thanh gạch chéo) và năm nay (thanh đặc).",
    before: "Năm trước",
    after: "Năm nay",
    bar: (code: string, name: string, before: string, after: string, change: string) =>
      `Lĩnh vực ${code}, ${name}: năm trước ${before}, năm nay ${after}, thay đổi ${change}.`,
    none: "không có",
    newDomain: "mới",
    dropped: "bỏ",
  },
  en: {
    title: "Score achieved per domain: last year (hatched bar) and this year (solid bar).",
    before: "Last year",
    after: "This year",
    bar: (code: string, name: string, before: string, after: string, change: string) =>
      `Domain ${code}, ${name}: last year ${before}, this year ${after}, change ${change}.`,
    none: "none",
    newDomain: "new",
    dropped: "dropped",
  },
} as const;

/** +0,50 / −1,00 / 0,00 (a real minus sign, as the lists and the document write it). */
export function signedChange(delta: number, lang: Lang): string {
  const abs = formatScore(Math.abs(delta), lang);
  if (delta > 0) return `+${abs}`;
  if (delta < 0) return `−${abs}`;
  return abs;
}

export interface CompareChartProps {
  comparison: Comparison;
  lang: Lang;
}

/**
 * Per domain (the comparison's level-1 rows), last year's and this year's achieved score as two horizontal
 * bars on one scale (the larger of the domain's max scores), with the change written beside the name.
 * Screen readers get one sentence per domain with both figures and the change (the SVG's description).
 */
export function CompareChart({ comparison, lang }: CompareChartProps) {
  const w = WORDS[lang];
  const domains = comparison.rows.filter((r) => r.level === 1);
  const top = (r: ComparedRow) =>
    Math.max(r.before?.max ?? 0, r.after?.max ?? 0, r.before?.achieved ?? 0, r.after?.achieved ?? 0);
  const f = (x: number) => formatScore(x, lang);
  const side = (p: ComparedRow["before"]) =>
    p && p.achieved !== null ? (p.max !== null ? `${f(p.achieved)} / ${f(p.max)}` : f(p.achieved)) : w.none;
  const year = (part: "before" | "after", pair: ComparedRow["before"]): ChartBar => ({
    part,
    data: { achieved: pair?.achieved ?? "", max: pair?.max ?? "" },
    track: pair?.max ?? 0,
    segments: [
      part === "before"
        ? { look: "hatched", length: pair?.achieved ?? 0, outlined: true }
        : { look: "solid", length: pair?.achieved ?? 0 },
    ],
  });
  const rows = domains.map((d, i): BarChartRow => {
    const code = d.code ?? "";
    const change =
      d.delta !== null
        ? signedChange(d.delta, lang)
        : d.trend === "new"
          ? w.newDomain
          : d.trend === "dropped"
            ? w.dropped
            : "—";
    const tone = d.delta !== null && d.delta > 0 ? "good" : d.delta !== null && d.delta < 0 ? "bad" : "quiet";
    return {
      key: `${code}-${i}`,
      code,
      name: d.name,
      label: w.bar(code, d.name, side(d.before), side(d.after), change),
      note: { text: change, tone },
      data: { change },
      bars: [year("before", d.before), year("after", d.after)],
    };
  });
  return (
    <BarChart
      idPrefix="compare-chart"
      title={w.title}
      rows={rows}
      largest={Math.max(0, ...domains.map(top))}
      barHeight={9}
      barGap={2}
      rowSpace={8}
      hatch="neutral"
      legend={[
        { look: "hatched", text: w.before },
        { look: "solid", text: w.after },
      ]}
    />
  );
}
