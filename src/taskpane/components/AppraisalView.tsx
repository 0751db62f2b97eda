import type { ReactNode } from "react";
import { Caption1, Subtitle2, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { formatScore } from "../../app/light";
import type { Summary } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";
import { appraisalOf } from "./appraisal";
import { useFigureStyles } from "./figureStyles";
import { Figures } from "./Figures";

/** A list this long or shorter opens by itself; a longer one stays folded under its heading. */
const OPEN_UP_TO = 5;

const useStyles = makeStyles({
  details: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  summary: {
    cursor: "pointer",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  hint: {
    display: "block",
    padding: `0 ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: "transparent",
    color: "inherit",
    font: "inherit",
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  code: { fontWeight: tokens.fontWeightSemibold, minWidth: "2.5em" },
  name: { overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis", minWidth: 0 },
  line: { gridColumn: "2", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  cut: {
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
});

interface FoldProps {
  heading: string;
  hint: string;
  count: number;
  testId: string;
  children: ReactNode;
}

/** A folding list under its heading (a native <details>: keyboard and screen readers know it). */
function Fold({ heading, hint, count, testId, children }: FoldProps) {
  const styles = useStyles();
  return (
    <details className={styles.details} open={count <= OPEN_UP_TO} data-testid={testId}>
      <summary className={styles.summary}>{heading}</summary>
      <Caption1 className={styles.hint}>{hint}</Caption1>
      <ul className={styles.list}>{children}</ul>
    </details>
  );
}

interface CriterionButtonProps {
  row: number;
  code: string | null;
  name: string;
  onSelect: (row: number) => void;
  /** The line under the name: the scores of the criterion. */
  children: ReactNode;
}

/** A criterion of a list: its code, its name (cut to one line, whole in the tooltip) and a line of scores. */
function CriterionButton({ row, code, name, onSelect, children }: CriterionButtonProps) {
  const styles = useStyles();
  return (
    <li>
      <button type="button" className={styles.item} data-row={row} onClick={() => onSelect(row)}>
        <span className={styles.code}>{code ?? ""}</span>
        <span className={styles.name} title={name}>
          {name}
        </span>
        <span className={styles.line}>{children}</span>
      </button>
    </li>
  );
}

export interface AppraisalViewProps {
  summary: Summary;
  lang: Lang;
  /** Goes to a criterion's row in the table. */
  onSelect: (row: number) => void;
}

/**
 * Self-assessed against appraised scores (issue 11 item 3), only when the table has both: the two totals
 * and their difference, the criteria the appraisal cut (largest cut first) and those not appraised yet.
 */
export function AppraisalView({ summary, lang, onSelect }: AppraisalViewProps) {
  const styles = useStyles();
  const fig = useFigureStyles();
  const headingId = useId("appraisal");
  const a = appraisalOf(summary);
  if (!a) return null;
  const t = STRINGS[lang];
  const f = (x: number | null) => formatScore(x, lang);
  return (
    <section className={fig.section} aria-labelledby={headingId} data-testid="appraisal">
      <Subtitle2 as="h3" id={headingId} className={fig.heading}>
        {t.appraisalHeading}
      </Subtitle2>
      <Figures
        figures={[
          { key: "self", label: t.selfTotalLabel, value: f(a.self) },
          { key: "appraised", label: t.appraisedTotalLabel, value: f(a.appraised) },
          {
            key: "difference",
            label: t.appraisalDiffLabel,
            value: f(a.difference),
            className: a.difference > 0 ? styles.cut : undefined,
          },
        ]}
      />
      <Caption1 className={fig.note}>
        {t.appraisalDiffNote}
        {a.beforeAdjustments && ` ${t.appraisalBeforeAdjustments}`}
      </Caption1>
      {a.cuts.length > 0 ? (
        <Fold
          heading={t.cutHeading(a.cuts.length)}
          hint={t.cutHint}
          count={a.cuts.length}
          testId="appraisal-cuts"
        >
          {a.cuts.map((c) => (
            <CriterionButton key={c.row} row={c.row} code={c.code} name={c.name} onSelect={onSelect}>
              {t.cutLine(f(c.self), f(c.appraised))}: <span className={styles.cut}>{t.cutBy(f(c.cut))}</span>
            </CriterionButton>
          ))}
        </Fold>
      ) : (
        <Text>{t.noCuts}</Text>
      )}
      {a.notAppraised.length > 0 && (
        <Fold
          heading={t.notAppraisedHeading(a.notAppraised.length)}
          hint={t.notAppraisedHint}
          count={a.notAppraised.length}
          testId="not-appraised"
        >
          {a.notAppraised.map((c) => (
            <CriterionButton key={c.row} row={c.row} code={c.code} name={c.name} onSelect={onSelect}>
              {t.notAppraisedLine(f(c.self))}
            </CriterionButton>
          ))}
        </Fold>
      )}
    </section>
  );
}
