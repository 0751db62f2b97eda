/**
 * The playground's progress line: what the long work is doing now ("Đang mở sổ làm việc…"), a bar of its
 * steps, and Cancel while a file is being opened. A polite status: screen readers hear each step.
 */
import { Button, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "./gridModel";
import { STEP_LABELS, type Progress } from "./progress";
import { PLAYGROUND_STRINGS } from "./strings";

/** The work under way: opening a file, a panel command, the download. */
export interface Work {
  kind: "open" | "command" | "download";
  progress: Progress;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
  },
  bar: { flexGrow: 1, minWidth: "160px", maxWidth: "420px" },
});

export function WorkProgress({ work, lang, onCancel }: { work: Work; lang: Lang; onCancel?: () => void }) {
  const styles = useStyles();
  const t = PLAYGROUND_STRINGS[lang];
  const { step, done, total } = work.progress;
  const label = STEP_LABELS[step][lang];
  return (
    <div className={styles.root} lang={lang} data-testid="work-progress" data-step={step}>
      <Text role="status" aria-live="polite">
        {label}
      </Text>
      <ProgressBar
        className={styles.bar}
        aria-label={t.progress}
        aria-valuetext={label}
        value={total > 0 ? (done + 0.5) / total : undefined}
        thickness="large"
      />
      {onCancel && (
        <Button size="small" onClick={onCancel}>
          {t.cancel}
        </Button>
      )}
    </div>
  );
}
