import { useEffect, useRef, useState } from "react";
import { Button, Checkbox, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { PendingConfirm } from "../panelState";
import { STRINGS, type Lang } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ConfirmCardProps {
  confirm: PendingConfirm;
  /** The command's name, as its button says it. */
  label: string;
  lang: Lang;
  onAnswer: (confirmed: boolean, remember: boolean) => void;
}

/**
 * Say before: what a structural command will do ("Chèn 1 cột F, điền 27 dòng…"), Confirm / Cancel, and
 * "don't ask again" for this workbook. Shown in place (no modal: the sheet stays visible beside the pane);
 * focus goes to Confirm, Escape cancels.
 */
export function ConfirmCard({ confirm, label, lang, onAnswer }: ConfirmCardProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const titleId = useId("confirm-title");
  const sayId = useId("confirm-say");
  const [remember, setRemember] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), [confirm]);
  return (
    <section
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={sayId}
      className={styles.root}
      onKeyDown={(e) => {
        if (e.key === "Escape") onAnswer(false, false);
      }}
    >
      <h2 id={titleId} className={styles.title}>
        {t.confirmTitle}: {label}
      </h2>
      <Text id={sayId}>{confirm.say[lang]}</Text>
      <Checkbox
        label={t.dontAskAgain}
        checked={remember}
        onChange={(_, d) => setRemember(d.checked === true)}
      />
      <div className={styles.buttons}>
        <Button ref={yes} appearance="primary" onClick={() => onAnswer(true, remember)}>
          {t.confirmYes}
        </Button>
        <Button onClick={() => onAnswer(false, false)}>{t.confirmNo}</Button>
      </div>
    </section>
  );
}
