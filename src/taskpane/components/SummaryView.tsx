import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from "@fluentui/react-components";
import { formatScore } from "../../app/light";
import type { Summary } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";
import { AdjustmentsView } from "./AdjustmentsView";
import { AppraisalView } from "./AppraisalView";
import { IssueLinks } from "./IssueLinks";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS },
  heading: { margin: 0, overflowWrap: "anywhere" },
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    gap: tokens.spacingVerticalS,
    margin: 0,
  },
  figure: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  label: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: {
    display: "block",
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

export interface SummaryViewProps {
  summary: Summary;
  lang: Lang;
  /** True when the summary comes from a recalculation: the stated values it lists were just corrected. */
  recalculated: boolean;
  onSelect: (row: number) => void;
  /**
   * Offered when the stated total differs from the recalculation: replace it with formulas (one click,
   * undoable). Absent: no offer.
   */
  onReplaceTotal?: () => void;
  busy?: boolean;
}

/**
 * The overview: points missing and the max; stated-vs-computed differences as warnings; the bonus/penalty
 * block and self-assessed against appraised scores when the table has them.
 */
export function SummaryView({
  summary,
  lang,
  recalculated,
  onSelect,
  onReplaceTotal,
  busy,
}: SummaryViewProps) {
  const styles = useStyles();
  const headingId = useId("summary");
  const t = STRINGS[lang];
  const { total } = summary;
  const f = (x: number) => formatScore(x, lang);
  const stated = summary.issues.filter((i) => i.kind.startsWith("stated-"));
  const totalDiffers = stated.some((i) => i.kind === "stated-total-differs");
  const figures: [string, string, string?][] = [
    [t.missingLabel, f(total.gap), total.gap > 0 ? styles.missing : undefined],
    [t.maxLabel, f(total.max)],
  ];
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t.summaryHeading(summary.sheet)}
      </Subtitle2>
      <dl className={styles.figures}>
        {figures.map(([label, value, extra]) => (
          <div key={label} className={styles.figure}>
            <dt className={styles.label}>{label}</dt>
            <dd className={mergeClasses(styles.value, extra)}>{value}</dd>
          </div>
        ))}
      </dl>
      {stated.length > 0 && (
        <MessageBar intent={recalculated ? "success" : "warning"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{recalculated ? t.statedFixedHeading : t.statedHeading}</MessageBarTitle>
            {recalculated && <Text block>{t.statedFixedNote}</Text>}
            <IssueLinks items={stated} lang={lang} onSelect={onSelect} />
          </MessageBarBody>
          {totalDiffers && onReplaceTotal && (
            <MessageBarActions>
              <Button size="small" disabledFocusable={busy} onClick={onReplaceTotal}>
                {t.replaceTotal}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <AdjustmentsView summary={summary} lang={lang} />
      <AppraisalView summary={summary} lang={lang} onSelect={onSelect} />
    </section>
  );
}
