// A button's description as a small tooltip, without Fluent's Tooltip (which brings floating-ui and its
// positioning into the task pane's first JS). The description is always in the DOM, named by the button's
// aria-describedby (screen readers), and shows below the button on hover or keyboard focus (everyone);
// Escape hides it (WCAG 1.4.13), as does leaving the button.
import { cloneElement, useState, type ReactElement } from "react";
import { makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";

const useStyles = makeStyles({
  wrap: { position: "relative", display: "grid", minWidth: 0 },
  tip: {
    display: "none",
    position: "absolute",
    top: `calc(100% + ${tokens.spacingVerticalXS})`,
    insetInlineStart: 0,
    zIndex: 10,
    maxWidth: "240px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow16,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  open: { display: "block" },
});

export interface HintProps {
  /** The description shown as the tooltip. */
  content: string;
  /** The one element it describes (a Button). */
  children: ReactElement;
}

export function Hint({ content, children }: HintProps) {
  const styles = useStyles();
  const id = useId("hint");
  const [open, setOpen] = useState(false);
  return (
    <span
      className={styles.wrap}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(e) => {
        if (e.key === "Escape") setOpen(false);
      }}
    >
      {cloneElement(children, { "aria-describedby": id })}
      <span role="tooltip" id={id} className={mergeClasses(styles.tip, open && styles.open)}>
        {content}
      </span>
    </span>
  );
}
