/**
 * "Kiểm tra tương thích / Compatibility check": the task pane's `?selfcheck` page. It says first that the
 * check adds and deletes a scratch sheet (deleting a sheet clears Excel's undo history) and asks; then runs
 * the Office host's self-check (selfCheck.ts) and shows the report, with a button to copy it.
 */
import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles } from "@fluentui/react-components";
/** The report as the host's self-check gives it (the Office host's selfCheck.ts, SelfCheckReport). */
export interface SelfCheckReport {
  results: {
    id: string;
    title: { vi: string; en: string };
    status: "as-expected" | "differs" | "not-run";
    observed: string;
  }[];
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "16px" },
  list: { margin: 0, paddingLeft: "18px" },
  report: { whiteSpace: "pre-wrap", fontFamily: "monospace", fontSize: "12px" },
});

export const SELF_CHECK_TEXT = {
  title: { vi: "Kiểm tra tương thích", en: "Compatibility check" },
  warning: {
    vi: "Kiểm tra sẽ thêm rồi xoá một trang tính tạm. Xoá trang tính làm Excel xoá lịch sử hoàn tác (Undo): các thao tác trước đó sẽ không hoàn tác được nữa. Hãy lưu tệp trước khi chạy.",
    en: "The check adds, then deletes, a scratch sheet. Deleting a sheet clears Excel's undo history: earlier actions can no longer be undone. Save the file before running it.",
  },
  run: { vi: "Đồng ý, chạy kiểm tra", en: "I agree, run the check" },
  running: { vi: "Đang kiểm tra…", en: "Checking…" },
  copy: { vi: "Sao chép báo cáo", en: "Copy the report" },
  copied: { vi: "Đã sao chép.", en: "Copied." },
  failed: { vi: "Kiểm tra không chạy hết", en: "The check did not finish" },
  status: {
    "as-expected": { vi: "như dự kiến", en: "as expected" },
    differs: { vi: "KHÁC dự kiến", en: "DIFFERS" },
    "not-run": { vi: "không chạy", en: "not run" },
  },
} as const;

const both = (t: { vi: string; en: string }) => `${t.vi} / ${t.en}`;

export interface SelfCheckProps {
  /** Runs the check in Excel (the host's runSelfCheck) and gives the report with its text (reportText). */
  run: () => Promise<{ report: SelfCheckReport; text: string }>;
}

export function SelfCheck({ run }: SelfCheckProps) {
  const styles = useStyles();
  const [state, setState] = useState<
    | { kind: "ask" }
    | { kind: "running" }
    | { kind: "done"; report: SelfCheckReport; text: string }
    | { kind: "failed"; error: string }
  >({ kind: "ask" });
  const [copied, setCopied] = useState(false);
  const start = () => {
    setState({ kind: "running" });
    run().then(
      ({ report, text }) => setState({ kind: "done", report, text }),
      (e: unknown) => setState({ kind: "failed", error: String((e as Error)?.message ?? e) }),
    );
  };
  return (
    <div className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {both(SELF_CHECK_TEXT.title)}
      </Text>
      {state.kind === "ask" && (
        <>
          <MessageBar intent="warning">
            <MessageBarBody>
              <div lang="vi">{SELF_CHECK_TEXT.warning.vi}</div>
              <div lang="en">{SELF_CHECK_TEXT.warning.en}</div>
            </MessageBarBody>
          </MessageBar>
          <Button appearance="primary" onClick={start}>
            {both(SELF_CHECK_TEXT.run)}
          </Button>
        </>
      )}
      {state.kind === "running" && <Spinner size="small" label={both(SELF_CHECK_TEXT.running)} />}
      {state.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            {both(SELF_CHECK_TEXT.failed)}: {state.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && (
        <>
          <ul className={styles.list} aria-label={both(SELF_CHECK_TEXT.title)}>
            {state.report.results.map((r) => (
              <li key={r.id} data-check={r.id} data-status={r.status}>
                <strong>{both(r.title)}</strong> — {both(SELF_CHECK_TEXT.status[r.status])}: {r.observed}
              </li>
            ))}
          </ul>
          <Button
            onClick={() => {
              void navigator.clipboard?.writeText(state.text).then(() => setCopied(true));
            }}
          >
            {both(SELF_CHECK_TEXT.copy)}
          </Button>
          {copied && <Text>{both(SELF_CHECK_TEXT.copied)}</Text>}
          <pre className={styles.report}>{state.text}</pre>
        </>
      )}
    </div>
  );
}
