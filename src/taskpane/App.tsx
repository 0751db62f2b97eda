import { Suspense, useEffect, useRef, useState, type ComponentType } from "react";
import { FluentProvider, Spinner, makeStyles, webLightTheme } from "@fluentui/react-components";
import type { PanelStart } from "./boot";
import { PanelView, type PanelParts } from "./components/PanelView";
import type { SelfCheckProps } from "./components/SelfCheck";
import { STRINGS } from "./i18n";
import type { PanelApi, PlanDocumentRequest, PlanDocumentResult } from "./panelApi";

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
  loading: { padding: "24px" },
});

export interface AppProps {
  /**
   * The panel's start in Excel (a session over the Office host). Whether the pane is in Excel at all was
   * decided before the app was loaded (./startPane.ts): this app is the panel, never the outside page.
   */
  start: () => Promise<PanelStart>;
  /** The start failed (the session's chunk did not load…): the entry shows its outside page instead. */
  onStartFailed: (error: unknown) => void;
  /** Makes the plan document over the panel's session (the entry loads it lazily); absent: no .docx. */
  planDocument?: (api: PanelApi) => ((req?: PlanDocumentRequest) => Promise<PlanDocumentResult>) | undefined;
  /**
   * The compatibility check the `?selfcheck` URL opens in Excel: the glue's check and the page that shows
   * it (the task pane's entry passes both, the page loaded lazily).
   */
  selfCheck?: { run: SelfCheckProps["run"]; View: ComponentType<SelfCheckProps> };
  /**
   * The panel's tabs beyond the overview. The task pane's entry passes them lazily loaded (React.lazy), so
   * the first JS holds only the first screen; without them those tabs stay empty (tests of the start-up).
   */
  parts?: PanelParts;
}

const Nothing = () => null;
const NO_PARTS: PanelParts = {
  UnmetList: Nothing,
  CompareTab: Nothing,
  ActionsTab: Nothing,
  ConfirmCard: Nothing,
};

function Loading() {
  const styles = useStyles();
  return (
    <Spinner
      className={styles.loading}
      size="small"
      label={`${STRINGS.vi.loadingOffice} / ${STRINGS.en.loadingOffice}`}
    />
  );
}

/** The `?selfcheck` URL of the task pane opens the compatibility check instead of the panel (in Excel). */
export const isSelfCheckUrl = (search: string = typeof location === "undefined" ? "" : location.search) =>
  new URLSearchParams(search).has("selfcheck");

/** The one FluentProvider of the task pane, around the panel (or, at `?selfcheck`, the check). */
export function App({ start, onStartFailed, planDocument, selfCheck, parts = NO_PARTS }: AppProps) {
  const styles = useStyles();
  const [state, setState] = useState<PanelStart | null>(null);
  const failed = useRef(onStartFailed);
  failed.current = onStartFailed;
  useEffect(() => {
    let live = true;
    start().then(
      (s) => live && setState(s),
      (e: unknown) => live && failed.current(e),
    );
    return () => {
      live = false;
    };
  }, [start]);
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      {state === null ? (
        <Loading />
      ) : selfCheck && isSelfCheckUrl() ? (
        <Suspense fallback={<Loading />}>
          <selfCheck.View run={selfCheck.run} />
        </Suspense>
      ) : (
        <PanelView
          parts={parts}
          api={state.api}
          initialLang={state.lang}
          inExcel
          onLangChange={state.onLangChange}
          notice={state.notice}
          subscribeSheetChanges={state.subscribeSheetChanges}
          planDocument={planDocument?.(state.api)}
        />
      )}
    </FluentProvider>
  );
}
