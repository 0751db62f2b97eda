import { useEffect, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatScore } from "../../app/light";
import type { PanelApi, SessionComparison } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";
import { CompareChart } from "./CompareChart";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "grid", gap: "2px" },
  heading: { margin: 0 },
});

type ListKey = "improved" | "regressed" | "newlyUnmet" | "stillUnmet";
const LISTS: readonly ListKey[] = ["improved", "regressed", "newlyUnmet", "stillUnmet"];

export interface CompareTabProps {
  api: PanelApi;
  lang: Lang;
  /** The sheet chosen before (the panel keeps it while the tab is closed), chosen again if still there. */
  previous?: string | null;
  /** Told which sheet is chosen as last year's (the plan document compares with it). */
  onPrevious?: (sheet: string | null) => void;
}

/** "So sánh": this year's table against a sheet of last year's, as lists of what rose, fell and stays. */
export function CompareTab({ api, lang, previous = null, onPrevious }: CompareTabProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const [sheets, setSheets] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState("");
  const [result, setResult] = useState<SessionComparison | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.compareCandidates?.().then(
      (c) => {
        if (!live) return;
        setSheets(c.sheets);
        const first = previous !== null && c.sheets.includes(previous) ? previous : (c.sheets[0] ?? null);
        setChosen(first ?? "");
        onPrevious?.(first);
      },
      () => live && setSheets([]),
    );
    return () => {
      live = false;
    };
    // the remembered choice is read when the tab opens only; later choices come from the Select
  }, [api]);

  if (!api.compareWith || !api.compareCandidates) return <Text>{t.compareNotYet}</Text>;
  if (sheets === null) return <Caption1>{t.stepPreview}</Caption1>;
  if (sheets.length === 0) return <Text>{t.compareNoSheet}</Text>;

  const compare = async () => {
    setBusy(true);
    try {
      setResult(await api.compareWith!(chosen));
    } finally {
      setBusy(false);
    }
  };
  const f = (x: number | null | undefined) => (x === null || x === undefined ? "—" : formatScore(x, lang));

  return (
    <div className={styles.root}>
      <Caption1>{t.compareHint}</Caption1>
      <div className={styles.row}>
        <Field label={t.compareSheetLabel}>
          <Select
            value={chosen}
            onChange={(_, d) => {
              setChosen(d.value);
              onPrevious?.(d.value || null);
            }}
          >
            {sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" disabledFocusable={busy || !chosen} onClick={() => void compare()}>
          {t.compareButton}
        </Button>
      </div>
      {result && !result.ok && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{result.error.message[lang]}</MessageBarTitle>
            <Text block>{result.error.hint[lang]}</Text>
          </MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && (
        <>
          <Text weight="semibold" role="status">
            {t.compareTotal(
              result.previous,
              f(result.comparison.total.before.achieved),
              f(result.comparison.total.after.achieved),
              f(result.comparison.total.delta),
            )}
          </Text>
          <CompareChart comparison={result.comparison} lang={lang} />
          {LISTS.filter((k) => result.lists[k].length > 0).map((k) => (
            <section key={k}>
              <Subtitle2 as="h2" className={styles.heading}>
                {t.compareLists[k](result.lists[k].length)}
              </Subtitle2>
              <ul className={styles.list}>
                {result.lists[k].map((r, i) => (
                  <li key={`${r.code}-${i}`}>
                    {`${r.code ?? ""} ${r.name}: ${f(r.before?.achieved)} → ${f(r.after?.achieved)}`}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
