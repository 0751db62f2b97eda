import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { formatScore } from "../../app/light";
import type { Summary } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";

const useStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  figure: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    // forced colours drop backgrounds: a border keeps the boxes apart
    border: `${tokens.strokeWidthThin} solid transparent`,
    minWidth: 0,
  },
  label: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: {
    display: "block",
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
  },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

export interface ScoreStripProps {
  summary: Summary;
  lang: Lang;
}

/** Above the fold: the score, the percent and the unmet count, in one row at 350 px. */
export function ScoreStrip({ summary, lang }: ScoreStripProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const { total } = summary;
  const f = (x: number) => formatScore(x, lang);
  const figures: [string, string, string, string?][] = [
    ["score", t.scoreLabel, `${f(total.achieved)} / ${f(total.max)}`],
    ["percent", t.percentLabel, total.percent === null ? "—" : `${f(total.percent)} %`],
    [
      "unmet",
      t.unmetLabel,
      String(summary.unmet.length),
      summary.unmet.length > 0 ? styles.missing : undefined,
    ],
  ];
  return (
    <dl className={styles.figures} data-testid="score-strip">
      {figures.map(([key, label, value, extra]) => (
        <div key={key} className={styles.figure} data-figure={key}>
          <dt className={styles.label}>{label}</dt>
          <dd className={mergeClasses(styles.value, extra)}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
