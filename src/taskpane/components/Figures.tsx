import { mergeClasses } from "@fluentui/react-components";
import { useFigureStyles } from "./figureStyles";

/** One figure: a label over its value; `className` marks the value (red for a cut or a missing count). */
export interface Figure {
  key: string;
  label: string;
  value: string;
  className?: string;
}

export interface FiguresProps {
  figures: readonly Figure[];
  testId?: string;
}

/**
 * The overview's figure boxes (score strip, appraisal, bonus/penalty): a description list, so a screen
 * reader reads each label with its value; three in a row at 350 px.
 */
export function Figures({ figures, testId }: FiguresProps) {
  const fig = useFigureStyles();
  return (
    <dl className={fig.figures} data-testid={testId}>
      {figures.map(({ key, label, value, className }) => (
        <div key={key} className={fig.figure} data-figure={key}>
          <dt className={fig.label}>{label}</dt>
          <dd className={mergeClasses(fig.value, className)}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
