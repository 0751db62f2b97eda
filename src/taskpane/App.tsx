import { Suspense, useEffect, useState, type ComponentType } from "react";
import { FluentProvider, Spinner, makeStyles, webLightTheme } from "@fluentui/react-components";
import type { Start } from "./boot";
import { PanelView, type PanelParts } from "./components/PanelView";
import { OutsideOffice } from "./components/OutsideOffice";
import type { SelfCheckProps } from "./components/SelfCheck";
import { STRINGS } from "./i18n";
import type { PanelApi, PlanDocumentRequest, PlanDocumentResult } from "./panelApi";

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
  loading: { padding: "24px" },
});

export interface AppProps {
  /** How the app starts: in Excel a session over the Office host, elsewhere the outside-Office page. */
  start: () => Promise<Start>;
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

/** The one FluentProvider of the task pane, around either the panel or the outside-Office page. */
export function App({ start, planDocument, selfCheck, parts = NO_PARTS }: AppProps) {
  const styles = useStyles();
  const [state, setState] = useState<Start | null>(null);
  useEffect(() => {
    let live = true;
    start().then(
      (s) => {
        if (!live) return;
        setState(s);
        // office.js was late: switch (to the panel) whenever it gets ready (boot.ts)
        if (s.kind === "outside") {
          s.later?.then(
            (next) => live && setState(next),
            (e: unknown) => console.error("PAR: the task pane could not start", e),
          );
        }
      },
      (e: unknown) => {
        console.error("PAR: the task pane could not start", e);
        if (live) setState({ kind: "outside", reason: "no-office" });
      },
    );
    return () => {
      live = false;
    };
  }, [start]);
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      {state === null ? (
        <Loading />
      ) : state.kind === "panel" && state.inExcel && selfCheck && isSelfCheckUrl() ? (
        <Suspense fallback={<Loading />}>
          <selfCheck.View run={selfCheck.run} />
        </Suspense>
      ) : state.kind === "panel" ? (
        <PanelView
          parts={parts}
          api={state.api}
          initialLang={state.lang}
          inExcel={state.inExcel}
          onLangChange={state.onLangChange}
          notice={state.notice}
          subscribeSheetChanges={state.subscribeSheetChanges}
          planDocument={planDocument?.(state.api)}
        />
      ) : (
        <OutsideOffice />
      )}
    </FluentProvider>
  );
}
