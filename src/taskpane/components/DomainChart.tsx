import { Caption1, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { formatScore } from "../../app/light";
import type { CriterionView } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";

// viewBox units; the SVG scales to the pane's width (320 px and up).
const WIDTH = 300;
/** Each domain: its short name on one line, the bar under it. */
const NAME_HEIGHT = 13;
const ROW = 34;
const BAR_HEIGHT = 14;
const LABEL = 0;
/** Characters of a domain's name shown beside its code. */
const SHORT_NAME = 44;
const BAR_SPACE = WIDTH - LABEL;

/** "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" → "Cải cách thủ tục hành chính", cut to fit beside the value. */
export function shortName(name: string): string {
  const lower = name === name.toUpperCase() ? name.toLocaleLowerCase("vi") : name;
  const text = lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
  const room = SHORT_NAME - 8;
  return text.length > room ? `${text.slice(0, room - 1).trimEnd()}…` : text;
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
  achieved: {
    fill: tokens.colorBrandBackground,
    "@media (forced-colors: active)": { fill: "Highlight" },
  },
  // the missing part is hatched, so it differs from the achieved part by more than hue
  gapBase: {
    fill: tokens.colorPaletteRedBackground3,
    "@media (forced-colors: active)": { fill: "Canvas" },
  },
  hatch: {
    stroke: tokens.colorPaletteRedForeground1,
    strokeWidth: "1.2px",
    "@media (forced-colors: active)": { stroke: "CanvasText" },
  },
  value: { fill: tokens.colorPaletteRedForeground1, fontSize: "11px", fontWeight: tokens.fontWeightSemibold },
  full: { fill: tokens.colorNeutralForeground3, fontSize: "11px" },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalXS },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "10px", height: "10px", borderRadius: "2px", display: "inline-block" },
  swatchAchieved: { backgroundColor: tokens.colorBrandBackground },
  swatchGap: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    backgroundImage: `repeating-linear-gradient(135deg, transparent 0 2px, ${tokens.colorPaletteRedForeground1} 2px 3px)`,
    border: `1px solid ${tokens.colorPaletteRedForeground1}`,
    "@media (forced-colors: active)": {
      backgroundColor: "Canvas",
      borderTopColor: "CanvasText",
      borderRightColor: "CanvasText",
      borderBottomColor: "CanvasText",
      borderLeftColor: "CanvasText",
    },
  },
});

export interface DomainChartProps {
  domains: readonly CriterionView[];
  lang: Lang;
}

/**
 * One horizontal bar per domain: the track is the domain's max score (bars share one scale, so a 20-point
 * domain is twice as long as a 10-point one), the fill what was achieved, the red end what is missing.
 */
export function DomainChart({ domains, lang }: DomainChartProps) {
  const styles = useStyles();
  const titleId = useId("chart-title");
  const descId = useId("chart-desc");
  const hatchId = useId("chart-hatch");
  const t = STRINGS[lang];
  const largest = Math.max(0, ...domains.map((d) => d.max ?? 0));
  if (domains.length === 0 || largest <= 0) return null;
  const scale = BAR_SPACE / largest;
  const f = (x: number) => formatScore(x, lang);
  const bars = domains.map((d) => {
    const max = Math.max(0, d.max ?? 0);
    const achieved = Math.min(max, Math.max(0, d.achieved ?? 0));
    const gap = Math.max(0, d.gap ?? max - achieved);
    const code = d.code ?? "";
    return { d, code, max, achieved, gap, label: t.chartBar(code, d.name, f(achieved), f(max), f(gap)) };
  });
  const height = bars.length * ROW;
  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{t.chartTitle}</title>
        <desc id={descId}>{bars.map((b) => b.label).join(" ")}</desc>
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width={4} height={4}>
            <rect className={styles.gapBase} width={4} height={4} />
            <path className={styles.hatch} d="M-1,1 l2,-2 M0,4 l4,-4 M3,5 l2,-2" />
          </pattern>
        </defs>
        {bars.map((b, i) => {
          const top = i * ROW;
          const y = top + NAME_HEIGHT + 2;
          const achievedW = b.achieved * scale;
          const gapW = Math.min(b.gap, b.max - b.achieved) * scale;
          return (
            <g key={`${b.code}-${b.d.row}`} data-code={b.code} aria-hidden="true">
              <title>{b.label}</title>
              <text x={0} y={top + NAME_HEIGHT - 2}>
                <tspan className={styles.code}>{b.code}</tspan>
                <tspan className={styles.name} dx={4}>
                  {shortName(b.d.name)}
                </tspan>
              </text>
              <rect
                data-part="track"
                className={styles.track}
                x={LABEL}
                y={y}
                width={b.max * scale}
                height={BAR_HEIGHT}
                rx={2}
              />
              <rect
                data-part="achieved"
                className={styles.achieved}
                x={LABEL}
                y={y}
                width={achievedW}
                height={BAR_HEIGHT}
                rx={2}
              />
              {gapW > 0 && (
                <rect
                  data-part="gap"
                  fill={`url(#${hatchId})`}
                  x={LABEL + achievedW}
                  y={y}
                  width={gapW}
                  height={BAR_HEIGHT}
                />
              )}
              <text
                className={b.gap > 0 ? styles.value : styles.full}
                x={WIDTH}
                y={top + NAME_HEIGHT - 2}
                textAnchor="end"
              >
                {b.gap > 0 ? `−${f(b.gap)}` : "✓"}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend} aria-hidden="true">
        <span className={styles.key}>
          <span className={mergeClasses(styles.swatch, styles.swatchAchieved)} />
          <Caption1>{t.legendAchieved}</Caption1>
        </span>
        <span className={styles.key}>
          <span className={mergeClasses(styles.swatch, styles.swatchGap)} />
          <Caption1>{t.legendGap}</Caption1>
        </span>
      </figcaption>
    </figure>
  );
}
