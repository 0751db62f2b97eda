import {
  Badge,
  Body1Strong,
  Caption1,
  Text,
  createFocusOutlineStyle,
  makeStyles,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import { formatScore } from "../../app/format";
import type { CriterionView } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalXS },
  item: {
    display: "grid",
    position: "relative", // the focus outline (::after) is drawn around this box
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    width: "100%",
    textAlign: "start",
    cursor: "pointer",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  code: { gridRow: "1 / span 4", minWidth: "2.5em" },
  name: { overflowWrap: "anywhere" },
  meta: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  gap: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  caption: { color: tokens.colorNeutralForeground3 },
});

const BADGE: Record<CriterionView["status"], BadgeProps["color"]> = {
  zero: "danger",
  partial: "warning",
  unscored: "informative",
  met: "success",
};

export interface UnmetListProps {
  unmet: readonly CriterionView[];
  lang: Lang;
  onSelect: (row: number) => void;
}

/** The criteria still missing points, largest gap first; each one goes to its row (click, Enter or Space). */
export function UnmetList({ unmet, lang, onSelect }: UnmetListProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  return (
    <ul className={styles.list}>
      {unmet.map((c) => {
        const gap = formatScore(c.gap ?? 0, lang);
        const status = t.status[c.status];
        const code = c.code ?? "";
        return (
          <li key={c.row}>
            <button
              type="button"
              className={styles.item}
              data-row={c.row}
              aria-label={t.criterionLabel({ code, name: c.name, gap, status, lead: c.lead, row: c.row + 1 })}
              onClick={() => onSelect(c.row)}
            >
              <Body1Strong className={styles.code}>{code}</Body1Strong>
              <Text className={styles.name}>{c.name}</Text>
              <span className={styles.meta}>
                <Badge appearance="tint" color={BADGE[c.status]}>
                  {status}
                </Badge>
                <Text className={styles.gap}>{t.gapShort(gap)}</Text>
              </span>
              {c.lead && (
                <Caption1>
                  {t.lead}: {c.lead}
                </Caption1>
              )}
              {c.matchText && <Caption1 className={styles.caption}>{c.matchText[lang]}</Caption1>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
