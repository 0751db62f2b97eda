import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PLAN_SHEET } from "../../app/light";
import type { Bilingual, ChangedPlace, Summary } from "../panelApi";
import type { PanelState, Task } from "../panelState";
import { STRINGS, type Lang } from "../i18n";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalXS },
  status: { minHeight: "20px" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

export interface ResultLineProps {
  lang: Lang;
  busy: Task | null;
  /** The step the running task is at (the spinner says it); absent or null: said from the task. */
  step?: PanelState["step"];
  result: Bilingual | null;
  resultOf: Task | null;
  changed: ChangedPlace | null;
  summary: Summary | null;
  canUndo: boolean;
  onUndo: () => void;
  onShow: (sheet: string, rect: { top: number; left: number; rows: number; cols: number }) => void;
}

/**
 * Show after: the spinner with the session's step while a task runs ("Đang đọc bảng…", "Đang tính…",
 * "Đang ghi…"; before the first step, what the task will do), then the result line and the ways to reach
 * what the command did ("Mở trang Kế hoạch", "Đến cột vừa chèn", "Hoàn tác"). The line is a polite live
 * region; its actions sit outside it so the announcement is the sentence alone.
 */
export function ResultLine(p: ResultLineProps) {
  const styles = useStyles();
  const t = STRINGS[p.lang];
  const step = p.step
    ? t.steps[p.step]
    : p.busy === "analyze" || p.busy === "preview"
      ? t.stepPreview
      : t.stepWriting;
  const command =
    p.busy === null &&
    p.resultOf !== null &&
    !["analyze", "undo", "preview", "plan-doc"].includes(p.resultOf);
  const cols = command ? p.changed?.columns : undefined;
  const sheet = command ? p.changed?.sheet : undefined;
  const table = p.summary?.table;
  return (
    <div className={styles.root}>
      <div role="status" aria-live="polite" className={styles.status}>
        {p.busy !== null && <Spinner size="tiny" labelPosition="after" label={step} data-testid="progress" />}
        {p.busy === null && p.result && <Text weight="semibold">{p.result[p.lang]}</Text>}
      </div>
      {(cols || sheet || (command && p.canUndo)) && (
        <div className={styles.actions} data-testid="result-actions">
          {sheet && (
            <Button size="small" onClick={() => p.onShow(sheet, { top: 0, left: 0, rows: 1, cols: 1 })}>
              {sheet === PLAN_SHEET ? t.openPlanSheet : t.openSheet(sheet)}
            </Button>
          )}
          {cols && (
            <Button
              size="small"
              onClick={() =>
                p.onShow(cols.sheet, {
                  top: table && table.headerRow >= 0 ? table.headerRow : 0,
                  left: cols.at,
                  rows: table && table.headerRow >= 0 ? table.lastRow - table.headerRow + 1 : 1,
                  cols: cols.count,
                })
              }
            >
              {t.goToColumns(cols.letters)}
            </Button>
          )}
          {command && p.canUndo && (
            <Button size="small" appearance="subtle" onClick={p.onUndo}>
              {t.undo}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
