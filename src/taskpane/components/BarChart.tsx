import { Fragment } from "react";
import { Caption1, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";

/**
 * The panel's one bar chart: a row per domain (its code and short name on one line, a note at the right end,
 * one or more horizontal bars under it), every bar on one scale, in an SVG that scales to the pane's width.
 * A bar is its track (the full length, e.g. the max score) and segments drawn over it: solid (the brand
 * colour) or hatched (a pattern, so parts differ by more than hue, also in forced colours). Screen readers
 * get the title and one sentence per row (the SVG's description); the drawing itself is hidden from them.
 * DomainChart (the overview) and CompareChart (last year and this year) only say what to draw.
 */

// viewBox units; the SVG scales to the pane's width (320 px and up).
const WIDTH = 300;
/** A row's line of text (code, name, note) above its bars. */
const NAME_HEIGHT = 13;
/** Characters of a domain's name shown beside its code. */
const SHORT_NAME = 44;

/** "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" → "Cải cách thủ tục hành chính", cut to fit beside the note. */
export function shortName(name: string): string {
  const lower = name === name.toUpperCase() ? name.toLocaleLowerCase("vi") : name;
  const text = lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
  const room = SHORT_NAME - 8;
  return text.length > room ? `${text.slice(0, room - 1).trimEnd()}…` : text;
}

export type BarLook = "solid" | "hatched";

/** A part of a bar, in the chart's units (score points): `from` (default 0) for `length`. */
export interface BarSegment {
  /** Its `data-part` (tests and the browser tests find the parts by it). */
  part?: string;
  look: BarLook;
  from?: number;
  length: number;
  /** A hatched segment with a line around it (last year's bar, against this year's solid one). */
  outlined?: boolean;
}

export interface ChartBar {
  /** The bar's group's `data-part`; with `data`, its `data-*` attributes. Absent: no group around it. */
  part?: string;
  data?: Record<string, string | number>;
  /** The track's length (the largest the bar can be), `data-part="track"`. */
  track: number;
  segments: readonly BarSegment[];
}

export interface BarChartRow {
  key: string;
  code: string;
  name: string;
  /** The row's sentence for screen readers (in the description) and as its tooltip. */
  label: string;
  /** The text at the right end of the name's line, and its tone. */
  note: { text: string; tone: "good" | "bad" | "quiet" };
  /** More `data-*` attributes of the row's group (which always has `data-code`). */
  data?: Record<string, string>;
  bars: readonly ChartBar[];
}

export interface BarChartProps {
  /** The chart's accessible name (the SVG's title). */
  title: string;
  rows: readonly BarChartRow[];
  /** The length, in the chart's units, that fills the width: the largest track. */
  largest: number;
  barHeight: number;
  /** Between two bars of a row. */
  barGap?: number;
  /** Below a row's last bar. */
  rowSpace: number;
  /** The hatch's colours: the missing part (red), or last year (neutral). */
  hatch: "gap" | "neutral";
  legend: readonly { look: BarLook; text: string }[];
  /** The prefix of the SVG's ids. */
  idPrefix: string;
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
  solid: {
    fill: tokens.colorBrandBackground,
    "@media (forced-colors: active)": { fill: "Highlight" },
  },
  gapBase: {
    fill: tokens.colorPaletteRedBackground3,
    "@media (forced-colors: active)": { fill: "Canvas" },
  },
  gapHatch: {
    stroke: tokens.colorPaletteRedForeground1,
    strokeWidth: "1.2px",
    "@media (forced-colors: active)": { stroke: "CanvasText" },
  },
  neutralBase: {
    fill: tokens.colorNeutralBackground5,
    "@media (forced-colors: active)": { fill: "Canvas" },
  },
  neutralHatch: {
    stroke: tokens.colorNeutralForeground3,
    strokeWidth: "1.2px",
    "@media (forced-colors: active)": { stroke: "CanvasText" },
  },
  outline: {
    fill: "none",
    stroke: tokens.colorNeutralForeground3,
    strokeWidth: "0.75px",
    "@media (forced-colors: active)": { stroke: "CanvasText" },
  },
  good: {
    fill: tokens.colorPaletteGreenForeground1,
    fontSize: "11px",
    fontWeight: tokens.fontWeightSemibold,
  },
  bad: { fill: tokens.colorPaletteRedForeground1, fontSize: "11px", fontWeight: tokens.fontWeightSemibold },
  quiet: { fill: tokens.colorNeutralForeground3, fontSize: "11px" },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalXS },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "10px", height: "10px", borderRadius: "2px", display: "inline-block" },
  swatchSolid: {
    backgroundColor: tokens.colorBrandBackground,
    "@media (forced-colors: active)": { backgroundColor: "Highlight", forcedColorAdjust: "none" },
  },
  swatchGap: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    backgroundImage: `repeating-linear-gradient(135deg, transparent 0 2px, ${tokens.colorPaletteRedForeground1} 2px 3px)`,
    border: `1px solid ${tokens.colorPaletteRedForeground1}`,
  },
  swatchNeutral: {
    backgroundColor: tokens.colorNeutralBackground5,
    backgroundImage: `repeating-linear-gradient(135deg, transparent 0 2px, ${tokens.colorNeutralForeground3} 2px 3px)`,
    border: `1px solid ${tokens.colorNeutralForeground3}`,
  },
  swatchHatchedForced: {
    "@media (forced-colors: active)": {
      backgroundColor: "Canvas",
      borderTopColor: "CanvasText",
      borderRightColor: "CanvasText",
      borderBottomColor: "CanvasText",
      borderLeftColor: "CanvasText",
    },
  },
});

const dataAttributes = (data: Record<string, string | number> | undefined) =>
  Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));

export function BarChart({
  title,
  rows,
  largest,
  barHeight,
  barGap = 0,
  rowSpace,
  hatch,
  legend,
  idPrefix,
}: BarChartProps) {
  const styles = useStyles();
  const titleId = useId(`${idPrefix}-title`);
  const descId = useId(`${idPrefix}-desc`);
  const hatchId = useId(`${idPrefix}-hatch`);
  if (rows.length === 0 || largest <= 0) return null;
  const scale = WIDTH / largest;
  const len = (x: number) => Math.max(0, x) * scale;
  const rowHeight = (r: BarChartRow) =>
    NAME_HEIGHT + 2 + r.bars.length * barHeight + Math.max(0, r.bars.length - 1) * barGap + rowSpace;
  const tops = rows.map((_, i) => rows.slice(0, i).reduce((h, r) => h + rowHeight(r), 0));
  const height = rows.reduce((h, r) => h + rowHeight(r), 0);
  const swatchHatched = mergeClasses(
    styles.swatch,
    hatch === "gap" ? styles.swatchGap : styles.swatchNeutral,
    styles.swatchHatchedForced,
  );

  const segment = (s: BarSegment, y: number, i: number) => {
    const common = { "data-part": s.part, x: len(s.from ?? 0), y, width: len(s.length), height: barHeight };
    if (s.look === "solid") return <rect key={i} {...common} className={styles.solid} rx={2} />;
    return [
      <rect key={i} {...common} fill={`url(#${hatchId})`} />,
      s.outlined ? (
        <rect key={`${i}-outline`} {...common} data-part={undefined} className={styles.outline} />
      ) : null,
    ];
  };

  const bar = (b: ChartBar, y: number, i: number) => {
    const drawn = [
      <rect
        key="track"
        data-part="track"
        className={styles.track}
        x={0}
        y={y}
        width={len(b.track)}
        height={barHeight}
        rx={2}
      />,
      ...b.segments.flatMap((s, j) => segment(s, y, j)),
    ];
    return b.part !== undefined ? (
      <g key={b.part} data-part={b.part} {...dataAttributes(b.data)}>
        {drawn}
      </g>
    ) : (
      <Fragment key={i}>{drawn}</Fragment>
    );
  };

  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{rows.map((r) => r.label).join(" ")}</desc>
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width={4} height={4}>
            <rect className={hatch === "gap" ? styles.gapBase : styles.neutralBase} width={4} height={4} />
            <path
              className={hatch === "gap" ? styles.gapHatch : styles.neutralHatch}
              d="M-1,1 l2,-2 M0,4 l4,-4 M3,5 l2,-2"
            />
          </pattern>
        </defs>
        {rows.map((r, i) => {
          const top = tops[i];
          const firstBar = top + NAME_HEIGHT + 2;
          return (
            <g key={r.key} data-code={r.code} {...dataAttributes(r.data)} aria-hidden="true">
              <title>{r.label}</title>
              <text x={0} y={top + NAME_HEIGHT - 2}>
                <tspan className={styles.code}>{r.code}</tspan>
                <tspan className={styles.name} dx={4}>
                  {shortName(r.name)}
                </tspan>
              </text>
              <text className={styles[r.note.tone]} x={WIDTH} y={top + NAME_HEIGHT - 2} textAnchor="end">
                {r.note.text}
              </text>
              {r.bars.map((b, j) => bar(b, firstBar + j * (barHeight + barGap), j))}
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend} aria-hidden="true">
        {legend.map((l) => (
          <span key={l.text} className={styles.key}>
            <span
              className={l.look === "solid" ? mergeClasses(styles.swatch, styles.swatchSolid) : swatchHatched}
            />
            <Caption1>{l.text}</Caption1>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
