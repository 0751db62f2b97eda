import { Caption1, Subtitle2, useId } from "@fluentui/react-components";
import { formatScore } from "../../app/light";
import type { Summary } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";
import { adjustmentsOf } from "./appraisal";
import { useFigureStyles } from "./figureStyles";
import { Figures, type Figure } from "./Figures";

export interface AdjustmentsViewProps {
  summary: Summary;
  lang: Lang;
}

/**
 * The bonus/penalty block (issue 11 item 4), only when the table has one: the bonus, the penalty (by its
 * size), and how they count: inside the total, or after it with the final score in a box of its own (never
 * told as a difference from the total).
 */
export function AdjustmentsView({ summary, lang }: AdjustmentsViewProps) {
  const fig = useFigureStyles();
  const headingId = useId("adjustments");
  const adj = adjustmentsOf(summary);
  if (!adj) return null;
  const t = STRINGS[lang];
  const f = (x: number | null) => formatScore(x, lang);
  const figures: Figure[] = [
    { key: "bonus", label: t.bonusLabel, value: f(adj.bonus) },
    { key: "penalty", label: t.penaltyLabel, value: f(adj.penalty) },
  ];
  if (adj.final !== null) figures.push({ key: "final", label: t.finalLabel, value: f(adj.final) });
  const how =
    adj.placement === "after"
      ? t.adjustAfter(f(adj.final), f(adj.total), f(adj.bonus), f(adj.penalty))
      : t.adjustInside(f(adj.total), f(adj.domains), f(adj.bonus), f(adj.penalty));
  return (
    <section
      className={fig.section}
      aria-labelledby={headingId}
      data-testid="adjustments"
      data-placement={adj.placement}
    >
      <Subtitle2 as="h3" id={headingId} className={fig.heading}>
        {t.adjustHeading}
      </Subtitle2>
      <Figures figures={figures} />
      <Caption1 className={fig.note}>{how}</Caption1>
    </section>
  );
}
