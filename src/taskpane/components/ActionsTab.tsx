import { Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { PanelCommand, UndoEntry } from "../panelApi";
import type { Task } from "../panelState";
import { Hint } from "./Hint";
import { STRINGS, type Lang } from "../i18n";
import { SECONDARY, commandWords } from "./commandWords";
import { UndoList } from "./UndoList";

export { SECONDARY, commandWords } from "./commandWords";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalM },
  section: { display: "grid", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  buttons: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  button: { justifyContent: "flex-start", textAlign: "start", minWidth: 0 },
});

export interface ActionsTabProps {
  lang: Lang;
  busy: Task | null;
  onRun: (id: PanelCommand) => void;
  /** Offered when the session can do everything in one change set. */
  canDoEverything?: boolean;
  /** The .docx download, when the front end can make it; `inExcel`: say where downloads may be blocked. */
  onPlanDocx?: () => void;
  inExcel?: boolean;
  history: readonly UndoEntry[];
  onUndoTo: (id: number) => void;
}

/** "Thao tác": the other commands, each with its description as a tooltip, and the undo list. */
export function ActionsTab(props: ActionsTabProps) {
  const { lang, busy, onRun, history, onUndoTo, canDoEverything, onPlanDocx, inExcel } = props;
  const styles = useStyles();
  const t = STRINGS[lang];
  const ids: PanelCommand[] = [
    ...(canDoEverything ? ["apply-all" as const] : []),
    ...SECONDARY.map((s) => s.id),
  ];
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        {ids.map((id) => {
          const w = commandWords(t, id);
          return (
            <Hint key={id} content={w.description}>
              <Button
                className={styles.button}
                appearance={id === "apply-all" ? "primary" : "secondary"}
                disabledFocusable={busy !== null}
                icon={busy === id ? <Spinner size="tiny" /> : undefined}
                onClick={() => onRun(id)}
              >
                {w.label}
              </Button>
            </Hint>
          );
        })}
        {onPlanDocx && (
          <Hint content={t.planDocxDescription}>
            <Button
              className={styles.button}
              disabledFocusable={busy !== null}
              icon={busy === "plan-doc" ? <Spinner size="tiny" /> : undefined}
              onClick={onPlanDocx}
            >
              {t.planDocx}
            </Button>
          </Hint>
        )}
      </div>
      {onPlanDocx && inExcel && <Caption1>{t.planDocxBlocked}</Caption1>}
      <section className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          {t.undoListHeading}
        </Subtitle2>
        <UndoList entries={history} lang={lang} disabled={busy !== null} onUndoTo={onUndoTo} />
      </section>
    </div>
  );
}
