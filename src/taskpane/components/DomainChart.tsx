import { formatScore } from "../../app/light";
import type { CriterionView } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";
import { BarChart, type BarChartRow } from "./BarChart";

export interface DomainChartProps {
  domains: readonly CriterionView[];
  lang: Lang;
}

/**
 * One horizontal bar per domain: the track is the domain's max score (bars share one scale, so a 20-point
 * domain is twice as long as a 10-point one), the fill what was achieved, the red hatched end what is
 * missing (drawn by ./BarChart.tsx).
 */
export function DomainChart({ domains, lang }: DomainChartProps) {
  const t = STRINGS[lang];
  const f = (x: number) => formatScore(x, lang);
  const rows = domains.map((d): BarChartRow => {
    const max = Math.max(0, d.max ?? 0);
    const achieved = Math.min(max, Math.max(0, d.achieved ?? 0));
    const gap = Math.max(0, d.gap ?? max - achieved);
    const code = d.code ?? "";
    const missing = Math.min(gap, max - achieved);
    return {
      key: `${code}-${d.row}`,
      code,
      name: d.name,
      label: t.chartBar(code, d.name, f(achieved), f(max), f(gap)),
      note: gap > 0 ? { text: `−${f(gap)}`, tone: "bad" } : { text: "✓", tone: "quiet" },
      bars: [
        {
          track: max,
          segments: [
            { part: "achieved", look: "solid", length: achieved },
            ...(missing > 0
              ? [{ part: "gap", look: "hatched" as const, from: achieved, length: missing }]
              : []),
          ],
        },
      ],
    };
  });
  return (
    <BarChart
      idPrefix="chart"
      title={t.chartTitle}
      rows={rows}
      largest={Math.max(0, ...domains.map((d) => d.max ?? 0))}
      barHeight={14}
      rowSpace={5}
      hatch="gap"
      legend={[
        { look: "solid", text: t.legendAchieved },
        { look: "hatched", text: t.legendGap },
      ]}
    />
  );
}
