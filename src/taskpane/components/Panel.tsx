import { useCallback, useState } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { CATALOGUE_SHEET_NAME } from "../../app/catalogue";
import type { CommandId, PanelApi, PanelError } from "../panelApi";
import { usePanel } from "../usePanel";
import { STRINGS, type Lang } from "../i18n";
import { DomainChart } from "./DomainChart";
import { Header } from "./Header";
import { IssueLinks } from "./IssueLinks";
import { SummaryView } from "./SummaryView";
import { UnmetList } from "./UnmetList";

export interface PanelProps {
  /** The session (or anything shaped like it): the panel's only way to the workbook. */
  api: PanelApi;
  initialLang: Lang;
  /** False in the playground: only some wording changes. */
  inExcel: boolean;
  /** Told when the user switches language, so the session writes sheet labels in that language. */
  onLangChange?: (lang: Lang) => void;
  /** Reads the table once when the panel opens (default true). */
  analyzeOnOpen?: boolean;
  /**
   * A message to show when the panel opens: the ribbon's Recalculate that failed without the pane. Shown
   * until dismissed or until the next command.
   */
  notice?: PanelError | null;
  /**
   * Tells the panel when the user looks at another sheet (in Excel: another worksheet became active); the
   * panel then reads again. Returns the unsubscriber, called when the panel goes. Without it (playground),
   * the panel reads on open and after each command only.
   */
  subscribeSheetChanges?: (onChange: () => void) => () => void;
}

export { SHEET_CHANGE_DELAY_MS } from "../usePanel";

/** The secondary actions, in the order the panel shows them. */
const SECONDARY: readonly { id: Exclude<CommandId, "recalc" | "highlight">; key: SecondaryKey }[] = [
  { id: "assign", key: "assign" },
  { id: "plan", key: "plan" },
  { id: "export-catalogue", key: "exportCatalogue" },
  { id: "clear-highlight", key: "clearHighlight" },
];
type SecondaryKey = "assign" | "plan" | "exportCatalogue" | "clearHighlight" | "undo";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    maxWidth: "720px",
    boxSizing: "border-box",
  },
  section: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  primary: { width: "100%" },
  secondary: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  secondaryButton: { justifyContent: "flex-start", textAlign: "start", minWidth: 0 },
  status: { minHeight: "20px" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/**
 * The PAR panel: Recalculate, the score, the domain chart, the unmet criteria, the other commands with
 * their result lines, the engine's issues and errors. It knows the session's commands, never Excel.
 */
export function Panel({
  api,
  initialLang,
  inExcel,
  onLangChange,
  analyzeOnOpen = true,
  notice: initialNotice = null,
  subscribeSheetChanges,
}: PanelProps) {
  const styles = useStyles();
  const ids = { recalc: useId("recalc-desc"), actions: useId("actions"), unmet: useId("unmet") };
  const descId = useId("action-desc");
  const [lang, setLang] = useState<Lang>(initialLang);
  const panel = usePanel({ api, notice: initialNotice, analyzeOnOpen, subscribeSheetChanges });
  const { busy, summary, result, error, notice, sheetNote } = panel.state;
  const t = STRINGS[lang];
  const perform = (task: CommandId | "undo") => (task === "undo" ? panel.undo() : panel.run(task));
  const select = panel.select;
  const sheet = summary?.value.sheet;
  const selectInTable = useCallback(
    (row: number) => sheet !== undefined && select(sheet, row),
    [select, sheet],
  );
  const selectInCatalogue = useCallback((row: number) => select(CATALOGUE_SHEET_NAME, row), [select]);

  const changeLang = (next: Lang) => {
    setLang(next);
    onLangChange?.(next);
  };

  const working = busy !== null;
  const s = summary?.value;
  const otherIssues = s ? s.issues.filter((i) => !i.kind.startsWith("stated-")) : [];

  return (
    <main lang={lang} className={styles.root} aria-busy={working}>
      <Header lang={lang} inExcel={inExcel} onLangChange={changeLang} />

      {notice && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.ribbonFailed}</MessageBarTitle>
            <Text block>{notice.message[lang]}</Text>
            <Text block>{notice.hint[lang]}</Text>
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                aria-label={t.dismiss}
                onClick={panel.dismissNotice}
              >
                ✕
              </Button>
            }
          />
        </MessageBar>
      )}

      <section className={styles.section}>
        <Button
          appearance="primary"
          size="large"
          className={styles.primary}
          disabledFocusable={working}
          icon={busy === "recalc" ? <Spinner size="tiny" /> : undefined}
          aria-describedby={ids.recalc}
          onClick={() => perform("recalc")}
        >
          {t.recalc}
        </Button>
        <span id={ids.recalc} className={styles.hidden}>
          {t.recalcDescription}
        </span>

        <div role="group" aria-labelledby={ids.actions} className={styles.section}>
          <Subtitle2 as="h2" id={ids.actions} className={styles.heading}>
            {t.actionsHeading}
          </Subtitle2>
          <div className={styles.secondary}>
            {SECONDARY.map(({ id, key }) => (
              <Button
                key={id}
                className={styles.secondaryButton}
                disabledFocusable={working}
                icon={busy === id ? <Spinner size="tiny" /> : undefined}
                aria-describedby={`${descId}-${id}`}
                onClick={() => perform(id)}
              >
                {t[key]}
              </Button>
            ))}
            <Button
              className={styles.secondaryButton}
              appearance="subtle"
              disabledFocusable={working || !api.canUndo}
              icon={busy === "undo" ? <Spinner size="tiny" /> : undefined}
              aria-describedby={`${descId}-undo`}
              onClick={() => perform("undo")}
            >
              {t.undo}
            </Button>
          </div>
          {[...SECONDARY, { id: "undo", key: "undo" as const }].map(({ id, key }) => (
            <span key={id} id={`${descId}-${id}`} className={styles.hidden}>
              {t[`${key}Description`]}
            </span>
          ))}
        </div>

        <div role="status" aria-live="polite" className={styles.status}>
          {busy !== null && (
            <Spinner size="tiny" labelPosition="after" label={busy === "analyze" ? t.reading : t.working} />
          )}
          {busy === null && result && <Text weight="semibold">{result[lang]}</Text>}
        </div>

        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{error.message[lang]}</MessageBarTitle>
              <Text block>{error.hint[lang]}</Text>
            </MessageBarBody>
          </MessageBar>
        )}

        {sheetNote && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{sheetNote.message[lang]}</MessageBarTitle>
              <Text block>{sheetNote.hint[lang]}</Text>
              {s && <Text block>{t.summaryOfSheet(s.sheet)}</Text>}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>

      {s && (
        <SummaryView
          summary={s}
          lang={lang}
          recalculated={summary?.from === "recalc"}
          onSelect={selectInTable}
        />
      )}

      {s && s.domains.length > 0 && (
        <section className={styles.section}>
          <Subtitle2 as="h2" className={styles.heading}>
            {t.chartHeading}
          </Subtitle2>
          <DomainChart domains={s.domains} lang={lang} />
        </section>
      )}

      {s && (
        <section className={styles.section} aria-labelledby={ids.unmet}>
          <Subtitle2 as="h2" id={ids.unmet} className={styles.heading}>
            {t.unmetHeading(s.unmet.length)}
          </Subtitle2>
          {s.unmet.length > 0 ? (
            <>
              <Caption1>{t.unmetHint(inExcel)}</Caption1>
              <UnmetList unmet={s.unmet} lang={lang} onSelect={selectInTable} />
            </>
          ) : (
            <Text>{t.noUnmet}</Text>
          )}
        </section>
      )}

      {otherIssues.length > 0 && (
        <section className={styles.section}>
          <Subtitle2 as="h2" className={styles.heading}>
            {t.issuesHeading(otherIssues.length)}
          </Subtitle2>
          <IssueLinks items={otherIssues} lang={lang} onSelect={selectInTable} />
        </section>
      )}

      {s && s.catalogueProblems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.catalogueHeading(s.catalogueProblems.length)}</MessageBarTitle>
            <IssueLinks items={s.catalogueProblems} lang={lang} onSelect={selectInCatalogue} />
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
