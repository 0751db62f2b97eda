import { makeStyles, tokens } from "@fluentui/react-components";
import { formatScore } from "../../app/light";
import type { Summary } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";
import { Figures } from "./Figures";

const useStyles = makeStyles({
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
  return (
    <Figures
      testId="score-strip"
      figures={[
        { key: "score", label: t.scoreLabel, value: `${f(total.achieved)} / ${f(total.max)}` },
        {
          key: "percent",
          label: t.percentLabel,
          value: total.percent === null ? "—" : `${f(total.percent)} %`,
        },
        {
          key: "unmet",
          label: t.unmetLabel,
          value: String(summary.unmet.length),
          className: summary.unmet.length > 0 ? styles.missing : undefined,
        },
      ]}
    />
  );
}
