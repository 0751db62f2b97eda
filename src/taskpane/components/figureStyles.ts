import { makeStyles, tokens } from "@fluentui/react-components";

/** The figure boxes of the overview's appraisal and bonus/penalty sections: three in a row at 350 px. */
export const useFigureStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, overflowWrap: "anywhere" },
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
  note: { color: tokens.colorNeutralForeground3 },
});
