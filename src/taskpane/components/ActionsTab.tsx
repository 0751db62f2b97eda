import {
  Button,
  Caption1,
  Spinner,
  Subtitle2,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CommandId, PanelCommand, UndoEntry } from "../panelApi";
import type { Task } from "../panelState";
import { STRINGS, type Lang, type Strings } from "../i18n";
import { UndoList } from "./UndoList";

/** The secondary actions, in the order the panel shows them. */
export const SECONDARY: readonly {
  id: Exclude<CommandId, "recalc" | "recalc-only" | "highlight">;
  key: "assign" | "plan" | "exportCatalogue" | "clearHighlight";
}[] = [
  { id: "assign", key: "assign" },
  { id: "plan", key: "plan" },
  { id: "export-catalogue", key: "exportCatalogue" },
  { id: "clear-highlight", key: "clearHighlight" },
];

/** A command's button text and tooltip. */
export function commandWords(t: Strings, id: PanelCommand): { label: string; description: string } {
  if (id === "apply-all") return { label: t.doEverything, description: t.doEverythingDescription };
  if (id === "recalc" || id === "recalc-only" || id === "highlight")
    return { label: t.recalc, description: t.recalcDescription };
  const key = SECONDARY.find((s) => s.id === id)!.key;
  return { label: t[key], description: t[`${key}Description`] };
}

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
            <Tooltip key={id} content={w.description} relationship="description" withArrow>
              <Button
                className={styles.button}
                appearance={id === "apply-all" ? "primary" : "secondary"}
                disabledFocusable={busy !== null}
                icon={busy === id ? <Spinner size="tiny" /> : undefined}
                onClick={() => onRun(id)}
              >
                {w.label}
              </Button>
            </Tooltip>
          );
        })}
        {onPlanDocx && (
          <Tooltip content={t.planDocxDescription} relationship="description" withArrow>
            <Button
              className={styles.button}
              disabledFocusable={busy !== null}
              icon={busy === "plan-doc" ? <Spinner size="tiny" /> : undefined}
              onClick={onPlanDocx}
            >
              {t.planDocx}
            </Button>
          </Tooltip>
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
