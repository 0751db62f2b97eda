import { Suspense, useCallback, useRef, useState, type ComponentType } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { CATALOGUE_SHEET as CATALOGUE_SHEET_NAME } from "../../app/light";
import type {
  PanelApi,
  PanelCommand,
  PanelError,
  PlanDocumentRequest,
  PlanDocumentResult,
} from "../panelApi";
import { usePanel } from "../usePanel";
import { Hint } from "./Hint";
import { STRINGS, type Lang } from "../i18n";
import type { ActionsTabProps } from "./ActionsTab";
import type { CompareTabProps } from "./CompareTab";
import { commandWords } from "./commandWords";
import type { ConfirmCardProps } from "./ConfirmCard";
import { DomainChart } from "./DomainChart";
import { Header } from "./Header";
import { IssueLinks } from "./IssueLinks";
import { ResultLine } from "./ResultLine";
import { ScoreStrip } from "./ScoreStrip";
import { SummaryView } from "./SummaryView";
import { UnitChooser } from "./UnitChooser";
import type { UnmetListProps } from "./UnmetList";

/**
 * The tabs that are not on the first screen. The task pane's entry passes them lazily (React.lazy: their
 * code, the virtualised list, the undo list, the comparison, loads when a tab opens); the playground and
 * the tests use ./Panel, which passes them eagerly (the single-file playground may have no lazy chunks).
 */
export interface PanelParts {
  UnmetList: ComponentType<UnmetListProps>;
  CompareTab: ComponentType<CompareTabProps>;
  ActionsTab: ComponentType<ActionsTabProps>;
  /** The question before a structural change: shown only after a command asks. */
  ConfirmCard: ComponentType<ConfirmCardProps>;
}

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
  /** Names the workbook for the remembered "don't ask again" (Excel: the document URL; playground: file). */
  workbookKey?: string;
  /**
   * Makes the plan document (.docx) from the workbook as it stands; the panel downloads it. Each front end
   * gives its own (the task pane loads the document code lazily). Absent: no "Soạn kế hoạch (.docx)".
   * `previous`: last year's sheet chosen in the compare tab, for the document's comparison (issue 12).
   */
  planDocument?: (req?: PlanDocumentRequest) => Promise<PlanDocumentResult>;
  /** The panel is the page's main landmark (default); false inside another page's region (playground). */
  landmark?: boolean;
}

export interface PanelViewProps extends PanelProps {
  parts: PanelParts;
}

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Hands bytes to the browser as a download (a blob link clicked once). */
function download(bytes: Uint8Array, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export { SHEET_CHANGE_DELAY_MS } from "../usePanel";

/** How the panel names a legacy encoding. */
const LEGACY_NAMES: Record<string, string> = { tcvn3: "TCVN3 (ABC)", vni: "VNI" };

export type PanelTab = "overview" | "unmet" | "compare" | "actions";
const TABS: readonly PanelTab[] = ["overview", "unmet", "compare", "actions"];

const useStyles = makeStyles({
  root: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    maxWidth: "720px",
    boxSizing: "border-box",
  },
  section: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  primary: { width: "100%" },
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: { display: "grid", gap: tokens.spacingVerticalM, minWidth: 0 },
});

/**
 * The PAR panel. Above the fold (350×480): the score, percent and unmet count, Recalculate, the question
 * before a structural change and the result line with its actions. Below, in tabs: the overview (chart,
 * warnings), the unmet criteria, the comparison with last year, the other actions with the undo list.
 * It knows the session's commands, never Excel.
 */
export function PanelView({
  api,
  initialLang,
  inExcel,
  onLangChange,
  analyzeOnOpen = true,
  notice: initialNotice = null,
  subscribeSheetChanges,
  workbookKey,
  planDocument,
  landmark = true,
  parts: { UnmetList, CompareTab, ActionsTab, ConfirmCard },
}: PanelViewProps) {
  const styles = useStyles();
  const ids = { unmet: useId("unmet"), tabs: useId("tabs"), warnings: useId("warnings") };
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<PanelTab>("overview");
  /** Last year's sheet chosen in the compare tab (kept while the tab is closed): the .docx compares with it. */
  const [previous, setPrevious] = useState<string | null>(null);
  const tabRefs = useRef<Partial<Record<PanelTab, HTMLButtonElement | null>>>({});
  const panel = usePanel({ api, notice: initialNotice, analyzeOnOpen, subscribeSheetChanges, workbookKey });
  const { busy, summary, result, error, notice, sheetNote, confirm, changed, resultOf } = panel.state;
  const t = STRINGS[lang];
  const select = panel.select;
  const sheet = summary?.value.sheet;
  const selectInTable = useCallback(
    (row: number) => sheet !== undefined && select(sheet, row),
    [select, sheet],
  );
  const selectInCatalogue = useCallback((row: number) => select(CATALOGUE_SHEET_NAME, row), [select]);
  const run = (id: PanelCommand) => panel.run(id);
  const makePlanDocx = planDocument
    ? () =>
        panel.perform("plan-doc", async () => {
          const r = await planDocument({ previous });
          if (!r.ok) return r;
          download(r.bytes, r.fileName, DOCX_MIME);
          const line = (l: Lang) =>
            [STRINGS[l].planDocxDone(r.fileName), ...r.notes.map((n) => n[l])].join(" ");
          return { ok: true, summary: null, result: { vi: line("vi"), en: line("en") } };
        })
    : undefined;

  const changeLang = (next: Lang) => {
    setLang(next);
    onLangChange?.(next);
  };
  const goToTab = (next: PanelTab) => {
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  const working = busy !== null;
  const Root = landmark ? "main" : "div";
  const s = summary?.value;
  const warnings = s ? s.issues.filter((i) => !i.kind.startsWith("stated-")) : [];
  const history = api.undoHistory ?? [];
  const recalc = commandWords(t, "recalc");
  // A summary without a table (a command that failed to find it) has no unit: the chooser keeps the last one
  const lastUnit = useRef(s?.unit);
  if (s?.unit) lastUnit.current = s.unit;
  const unit = s?.unit ?? lastUnit.current;
  const setUnit = api.setUnit?.bind(api);

  return (
    <Root lang={lang} className={styles.root} aria-busy={working}>
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

      {s && <ScoreStrip summary={s} lang={lang} />}

      <section className={styles.section}>
        <Hint content={recalc.description}>
          <Button
            appearance="primary"
            size="large"
            className={styles.primary}
            disabledFocusable={working}
            icon={busy === "recalc" ? <Spinner size="tiny" /> : undefined}
            onClick={() => run("recalc")}
            data-testid="primary-action"
          >
            {recalc.label}
          </Button>
        </Hint>

        <Suspense fallback={<Spinner size="small" />}>
          {confirm && (
            <ConfirmCard
              confirm={confirm}
              label={commandWords(t, confirm.command).label}
              lang={lang}
              onAnswer={panel.answer}
            />
          )}
        </Suspense>

        <ResultLine
          lang={lang}
          busy={busy}
          step={panel.state.step}
          result={result}
          resultOf={resultOf}
          changed={changed}
          summary={s ?? null}
          canUndo={api.canUndo}
          onUndo={panel.undo}
          onShow={panel.show}
        />

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

        {s?.legacyEncoding && (
          <MessageBar intent="warning" layout="multiline" data-testid="legacy-encoding">
            <MessageBarBody>
              <MessageBarTitle>{t.legacyHeading(LEGACY_NAMES[s.legacyEncoding])}</MessageBarTitle>
              <Text block>{t.legacyBody}</Text>
            </MessageBarBody>
            <MessageBarActions>
              <Hint content={t.convertUnicodeDescription}>
                <Button
                  size="small"
                  disabledFocusable={working}
                  icon={busy === "convert-unicode" ? <Spinner size="tiny" /> : undefined}
                  onClick={() => run("convert-unicode")}
                >
                  {t.convertUnicode}
                </Button>
              </Hint>
            </MessageBarActions>
          </MessageBar>
        )}

        {warnings.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="warnings">
            <MessageBarBody>
              <MessageBarTitle id={ids.warnings}>{t.warningsHeading(warnings.length)}</MessageBarTitle>
              <IssueLinks items={warnings} lang={lang} onSelect={selectInTable} />
            </MessageBarBody>
          </MessageBar>
        )}
      </section>

      <TabList
        id={ids.tabs}
        aria-label={t.tabsLabel}
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as PanelTab)}
        size="small"
        className={styles.tabs}
      >
        {TABS.map((k) => (
          <Tab
            key={k}
            value={k}
            id={`${ids.tabs}-${k}`}
            aria-controls={`${ids.tabs}-${k}-panel`}
            ref={(el) => {
              tabRefs.current[k] = el;
            }}
          >
            {t.tabs[k]}
          </Tab>
        ))}
      </TabList>

      <div
        role="tabpanel"
        id={`${ids.tabs}-${tab}-panel`}
        aria-labelledby={`${ids.tabs}-${tab}`}
        className={styles.panel}
      >
        <Suspense fallback={<Spinner size="small" />}>
          {tab === "overview" && s && (
            <>
              {unit && setUnit && api.unitChoices && (
                <UnitChooser
                  unit={unit}
                  choices={api.unitChoices}
                  lang={lang}
                  busy={working}
                  onChoose={(level) => panel.perform("unit", () => setUnit(level))}
                />
              )}
              <SummaryView
                summary={s}
                lang={lang}
                recalculated={summary?.from === "recalc"}
                onSelect={selectInTable}
                busy={working}
                onReplaceTotal={() => panel.run("recalc", { replaceTotal: true })}
              />
              {s.domains.length > 0 && (
                <section className={styles.section}>
                  <Subtitle2 as="h2" className={styles.heading}>
                    {t.chartHeading}
                  </Subtitle2>
                  <DomainChart domains={s.domains} lang={lang} />
                </section>
              )}
              {s.catalogueProblems.length > 0 && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{t.catalogueHeading(s.catalogueProblems.length)}</MessageBarTitle>
                    <IssueLinks items={s.catalogueProblems} lang={lang} onSelect={selectInCatalogue} />
                  </MessageBarBody>
                </MessageBar>
              )}
              {s.unmet.length > 0 && (
                <Button appearance="subtle" onClick={() => goToTab("unmet")}>
                  {t.unmetHeading(s.unmet.length)}
                </Button>
              )}
            </>
          )}

          {tab === "unmet" && s && (
            <section className={styles.section} aria-labelledby={ids.unmet}>
              <Subtitle2 as="h2" id={ids.unmet} className={styles.heading}>
                {t.unmetHeading(s.unmet.length)}
              </Subtitle2>
              {s.unmet.length > 0 ? (
                <>
                  <Caption1>{t.unmetHint(inExcel)}</Caption1>
                  <UnmetList unmet={s.unmet} rows={s.rows} lang={lang} onSelect={selectInTable} />
                </>
              ) : (
                <Text>{t.noUnmet}</Text>
              )}
            </section>
          )}

          {tab === "compare" && (
            <section className={styles.section}>
              <Subtitle2 as="h2" className={styles.heading}>
                {t.compareHeading}
              </Subtitle2>
              <CompareTab api={api} lang={lang} previous={previous} onPrevious={setPrevious} />
            </section>
          )}

          {tab === "actions" && (
            <ActionsTab
              lang={lang}
              busy={busy}
              onRun={run}
              history={history}
              onUndoTo={panel.undoTo}
              canDoEverything={api.doEverything !== undefined}
              onPlanDocx={makePlanDocx}
              inExcel={inExcel}
            />
          )}
        </Suspense>
      </div>
    </Root>
  );
}
