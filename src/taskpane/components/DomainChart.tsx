import { Caption1, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { formatScore } from "../../app/format";
import type { CriterionView } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";

// viewBox units; the SVG scales to the pane's width (320 px and up).
const WIDTH = 300;
const ROW = 22;
const BAR_HEIGHT = 14;
const LABEL = 26;
const VALUE = 46;
const BAR_SPACE = WIDTH - LABEL - VALUE;

const useStyles = makeStyles({
  figure: { margin: 0 },
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  code: { fill: tokens.colorNeutralForeground2, fontSize: "11px", fontWeight: tokens.fontWeightSemibold },
  track: {
    fill: tokens.colorNeutralBackground3,
    stroke: tokens.colorNeutralStroke1,
    strokeWidth: "0.5px",
  },
  achieved: { fill: tokens.colorBrandBackground },
  gap: { fill: tokens.colorPaletteRedBackground3 },
  value: { fill: tokens.colorPaletteRedForeground1, fontSize: "11px", fontWeight: tokens.fontWeightSemibold },
  full: { fill: tokens.colorNeutralForeground3, fontSize: "11px" },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalXS },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "10px", height: "10px", borderRadius: "2px", display: "inline-block" },
  swatchAchieved: { backgroundColor: tokens.colorBrandBackground },
  swatchGap: { backgroundColor: tokens.colorPaletteRedBackground3 },
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
        {bars.map((b, i) => {
          const y = i * ROW + (ROW - BAR_HEIGHT) / 2;
          const achievedW = b.achieved * scale;
          const gapW = Math.min(b.gap, b.max - b.achieved) * scale;
          return (
            <g key={`${b.code}-${b.d.row}`} data-code={b.code} aria-hidden="true">
              <title>{b.label}</title>
              <text className={styles.code} x={0} y={y + BAR_HEIGHT - 3}>
                {b.code}
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
                  className={styles.gap}
                  x={LABEL + achievedW}
                  y={y}
                  width={gapW}
                  height={BAR_HEIGHT}
                />
              )}
              <text
                className={b.gap > 0 ? styles.value : styles.full}
                x={WIDTH}
                y={y + BAR_HEIGHT - 3}
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
