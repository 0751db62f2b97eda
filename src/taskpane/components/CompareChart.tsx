import { Caption1, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { formatScore } from "../../app/format";
import type { ComparedRow, Comparison } from "../../app/types";
import type { Lang } from "../i18n";
import { shortName } from "./DomainChart";

// viewBox units, as in DomainChart: the SVG scales to the pane's width.
const WIDTH = 300;
/** Each domain: its short name (and the change) on one line, last year's bar, then this year's. */
const NAME_HEIGHT = 13;
const BAR_HEIGHT = 9;
const BAR_GAP = 2;
const ROW = NAME_HEIGHT + 2 + 2 * BAR_HEIGHT + BAR_GAP + 8;

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

const useStyles = makeStyles({
  figure: { margin: 0 },
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  code: { fill: tokens.colorNeutralForeground2, fontSize: "11px", fontWeight: tokens.fontWeightSemibold },
  name: { fill: tokens.colorNeutralForeground2, fontSize: "11px" },
  track: {
    fill: tokens.colorNeutralBackground3,
    stroke: tokens.colorNeutralStroke1,
    strokeWidth: "0.5px",
  },
  after: {
    fill: tokens.colorBrandBackground,
    "@media (forced-colors: active)": { fill: "Highlight" },
  },
  // last year's bar is hatched and outlined, so it differs from this year's by more than hue
  beforeBase: {
    fill: tokens.colorNeutralBackground5,
    "@media (forced-colors: active)": { fill: "Canvas" },
  },
  hatch: {
    stroke: tokens.colorNeutralForeground3,
    strokeWidth: "1.2px",
    "@media (forced-colors: active)": { stroke: "CanvasText" },
  },
  beforeOutline: {
    fill: "none",
    stroke: tokens.colorNeutralForeground3,
    strokeWidth: "0.75px",
    "@media (forced-colors: active)": { stroke: "CanvasText" },
  },
  up: { fill: tokens.colorPaletteGreenForeground1, fontSize: "11px", fontWeight: tokens.fontWeightSemibold },
  down: { fill: tokens.colorPaletteRedForeground1, fontSize: "11px", fontWeight: tokens.fontWeightSemibold },
  same: { fill: tokens.colorNeutralForeground3, fontSize: "11px" },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalXS },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "10px", height: "10px", borderRadius: "2px", display: "inline-block" },
  swatchAfter: {
    backgroundColor: tokens.colorBrandBackground,
    "@media (forced-colors: active)": { backgroundColor: "Highlight", forcedColorAdjust: "none" },
  },
  swatchBefore: {
    backgroundColor: tokens.colorNeutralBackground5,
    backgroundImage: `repeating-linear-gradient(135deg, transparent 0 2px, ${tokens.colorNeutralForeground3} 2px 3px)`,
    border: `1px solid ${tokens.colorNeutralForeground3}`,
    "@media (forced-colors: active)": {
      backgroundColor: "Canvas",
      borderTopColor: "CanvasText",
      borderRightColor: "CanvasText",
      borderBottomColor: "CanvasText",
      borderLeftColor: "CanvasText",
    },
  },
});

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
  const styles = useStyles();
  const titleId = useId("compare-chart-title");
  const descId = useId("compare-chart-desc");
  const hatchId = useId("compare-chart-hatch");
  const w = WORDS[lang];
  const domains = comparison.rows.filter((r) => r.level === 1);
  const top = (r: ComparedRow) =>
    Math.max(r.before?.max ?? 0, r.after?.max ?? 0, r.before?.achieved ?? 0, r.after?.achieved ?? 0);
  const largest = Math.max(0, ...domains.map(top));
  if (domains.length === 0 || largest <= 0) return null;
  const scale = WIDTH / largest;
  const f = (x: number) => formatScore(x, lang);
  const side = (p: ComparedRow["before"]) =>
    p && p.achieved !== null ? (p.max !== null ? `${f(p.achieved)} / ${f(p.max)}` : f(p.achieved)) : w.none;
  const bars = domains.map((d, i) => {
    const code = d.code ?? "";
    const change =
      d.delta !== null
        ? signedChange(d.delta, lang)
        : d.trend === "new"
          ? w.newDomain
          : d.trend === "dropped"
            ? w.dropped
            : "—";
    return {
      d,
      key: `${code}-${i}`,
      code,
      change,
      label: w.bar(code, d.name, side(d.before), side(d.after), change),
    };
  });
  const height = bars.length * ROW;
  const width = (x: number | null | undefined) => Math.max(0, x ?? 0) * scale;
  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{w.title}</title>
        <desc id={descId}>{bars.map((b) => b.label).join(" ")}</desc>
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width={4} height={4}>
            <rect className={styles.beforeBase} width={4} height={4} />
            <path className={styles.hatch} d="M-1,1 l2,-2 M0,4 l4,-4 M3,5 l2,-2" />
          </pattern>
        </defs>
        {bars.map((b, i) => {
          const rowTop = i * ROW;
          const yBefore = rowTop + NAME_HEIGHT + 2;
          const yAfter = yBefore + BAR_HEIGHT + BAR_GAP;
          const before = b.d.before;
          const after = b.d.after;
          const tone =
            b.d.delta !== null && b.d.delta > 0
              ? styles.up
              : b.d.delta !== null && b.d.delta < 0
                ? styles.down
                : styles.same;
          return (
            <g key={b.key} data-code={b.code} data-change={b.change} aria-hidden="true">
              <title>{b.label}</title>
              <text x={0} y={rowTop + NAME_HEIGHT - 2}>
                <tspan className={styles.code}>{b.code}</tspan>
                <tspan className={styles.name} dx={4}>
                  {shortName(b.d.name)}
                </tspan>
              </text>
              <text className={tone} x={WIDTH} y={rowTop + NAME_HEIGHT - 2} textAnchor="end">
                {b.change}
              </text>
              {[
                { part: "before", y: yBefore, pair: before },
                { part: "after", y: yAfter, pair: after },
              ].map(({ part, y, pair }) => (
                <g
                  key={part}
                  data-part={part}
                  data-achieved={pair?.achieved ?? ""}
                  data-max={pair?.max ?? ""}
                >
                  <rect
                    className={styles.track}
                    x={0}
                    y={y}
                    width={width(pair?.max)}
                    height={BAR_HEIGHT}
                    rx={2}
                  />
                  {part === "before" ? (
                    <>
                      <rect
                        fill={`url(#${hatchId})`}
                        x={0}
                        y={y}
                        width={width(pair?.achieved)}
                        height={BAR_HEIGHT}
                      />
                      <rect
                        className={styles.beforeOutline}
                        x={0}
                        y={y}
                        width={width(pair?.achieved)}
                        height={BAR_HEIGHT}
                      />
                    </>
                  ) : (
                    <rect
                      className={styles.after}
                      x={0}
                      y={y}
                      width={width(pair?.achieved)}
                      height={BAR_HEIGHT}
                      rx={2}
                    />
                  )}
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend} aria-hidden="true">
        <span className={styles.key}>
          <span className={mergeClasses(styles.swatch, styles.swatchBefore)} />
          <Caption1>{w.before}</Caption1>
        </span>
        <span className={styles.key}>
          <span className={mergeClasses(styles.swatch, styles.swatchAfter)} />
          <Caption1>{w.after}</Caption1>
        </span>
      </figcaption>
    </figure>
  );
}
