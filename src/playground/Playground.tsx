/**
 * The playground page: the task pane's own Panel beside an Excel-like grid, over an ExcelJS workbook in
 * the browser (the xlsx host). Starts on the seed's 2023 table; opens and downloads .xlsx files. The file
 * never leaves the page: ExcelJS reads and writes it in memory.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  Toolbar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type * as ExcelJS from "exceljs";
import { OWN_SHEETS, sheetFit } from "../app/chooseSheet";
import { describeError, userError, type UserError } from "../app/errors";
import { Session } from "../app/session";
import {
  columnEditsOf,
  loadWorkbook,
  preserveParts,
  readSheet,
  saveWorkbook,
  sniffWorkbook,
} from "../hosts/xlsx";
import { Panel } from "../taskpane/exports";
import { planDocumentDocx } from "../app/planDocument";
import { planDocxName, type PlanDocumentResult } from "../taskpane/panelApi";
import { Grid, type Position } from "./Grid";
import { sheetView, type Lang } from "./gridModel";
import { SAMPLE_FILE_NAME, sampleXlsx } from "./sampleXlsx";
import { PLAYGROUND_STRINGS } from "./strings";
import { PlaygroundHost } from "./xlsxHost";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Doc {
  id: number;
  host: PlaygroundHost;
  session: Session;
  fileName: string;
  /** The bytes the file was opened from: the parts ExcelJS drops are carried over from them on download. */
  original?: Uint8Array;
}

const useStyles = makeStyles({
  root: {
    display: "grid",
    height: "100vh",
    gridTemplateColumns: "minmax(0, 1fr) 380px",
    gridTemplateRows: "auto minmax(0, 1fr)",
    gridTemplateAreas: `"top top" "sheet panel"`,
    backgroundColor: tokens.colorNeutralBackground2,
    "@media (max-width: 760px)": {
      height: "auto",
      gridTemplateColumns: "minmax(0, 1fr)",
      gridTemplateRows: "auto auto 75vh",
      gridTemplateAreas: `"top" "panel" "sheet"`,
    },
  },
  top: {
    gridArea: "top",
    display: "grid",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  brand: { display: "grid", flexGrow: 1, minWidth: "220px" },
  intro: { color: tokens.colorNeutralForeground3 },
  toolbar: { flexWrap: "wrap", padding: 0 },
  fileName: {
    color: tokens.colorNeutralForeground2,
    maxWidth: "280px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  sheet: {
    gridArea: "sheet",
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  tabs: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowX: "auto",
    flexShrink: 0,
  },
  panel: {
    gridArea: "panel",
    overflowY: "auto",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    "@media (max-width: 760px)": {
      borderLeft: "none",
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
  hidden: { display: "none" },
});

let nextDocId = 1;

/** The plan document over a playground workbook (the playground bundles everything: no lazy chunk). */
function planDocumentOf(doc: Doc): () => Promise<PlanDocumentResult> {
  return async () => {
    const ws = await doc.session.workbook();
    const r = await planDocumentDocx(ws, { fallbackName: doc.fileName.replace(/\.xlsx$/i, "") });
    return r.ok ? { ok: true, bytes: r.bytes, fileName: planDocxName(ws.active.name), notes: r.notes } : r;
  };
}

function openDoc(workbook: ExcelJS.Workbook, fileName: string, lang: Lang, original?: Uint8Array): Doc {
  // the sheet the commands work on: the app's choice among the sheets with a criteria table
  const host = new PlaygroundHost(workbook);
  const session = new Session(host, lang);
  session.useSheet(host.sheet);
  return { id: nextDocId++, host, session, fileName, original };
}

/** Whether a criteria table is found on this sheet (switching to it makes it the panel's sheet). */
function hasTable(ws: ExcelJS.Worksheet): boolean {
  return !OWN_SHEETS.includes(ws.name) && sheetFit(readSheet(ws)) !== null;
}

function downloadName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, "");
  return `${base}${/-PAR$/.test(base) ? "" : "-PAR"}.xlsx`;
}

/**
 * `playground.html?pane`: the panel alone over the sample, filling the window: the task pane as Excel shows
 * it (350 px wide), for the browser tests (above the fold, accessibility) and the README screenshots.
 */
const PANE_ONLY = typeof location !== "undefined" && new URLSearchParams(location.search).has("pane");

export function Playground() {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>("vi");
  const t = PLAYGROUND_STRINGS[lang];
  const [problem, setProblem] = useState<UserError | null>(null);
  const [doc, setDoc] = useState<Doc | null>(() => {
    try {
      return openDoc(sampleXlsx(), SAMPLE_FILE_NAME, "vi");
    } catch (e) {
      console.error("PAR playground: the sample workbook could not be built", e);
      return null;
    }
  });
  const [tab, setTab] = useState<string>(() => doc?.host.sheet ?? "");
  const [panelSheet, setPanelSheet] = useState<string>(() => doc?.host.sheet ?? "");
  const [active, setActive] = useState<Position>({ row: 0, col: 0 });
  const [highlight, setHighlight] = useState<{ sheet: string; row: number; key: number } | null>(null);
  const [busy, setBusy] = useState<"open" | "download" | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** The workbook's version when it was opened or last downloaded: later writes are unsaved changes. */
  const [savedVersion, setSavedVersion] = useState<number>(() => doc?.host.version ?? 0);
  /** Opening another file or the sample would drop unsaved changes: asked first. */
  const [asking, setAsking] = useState<"open" | "sample" | null>(null);

  useEffect(() => {
    if (!doc) setProblem(userError("unexpected", { loading: "sample" }));
  }, [doc]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // The workbook's version: bumped by every write, read again by the grid.
  const subscribe = useCallback(
    (onChange: () => void) => (doc ? doc.host.subscribe(onChange) : () => {}),
    [doc],
  );
  const version = useSyncExternalStore(subscribe, () => doc?.host.version ?? 0);
  const unsaved = doc !== null && version !== savedVersion;

  // Leaving the page (closing the tab, reloading) with unsaved changes: the browser asks first.
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ""; // older browsers need a value set
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [unsaved]);

  // "Go to this criterion" and change sets that select something: show that sheet and row.
  useEffect(() => {
    if (!doc) return;
    return doc.host.subscribe((e) => {
      if (e.kind !== "select") return;
      setTab(e.sheet);
      setActive({ row: e.rect.top, col: e.rect.left });
      setHighlight((h) => ({ sheet: e.sheet, row: e.rect.top, key: (h?.key ?? 0) + 1 }));
    });
  }, [doc]);

  const workbook = doc?.host.workbook;
  // A sheet a command deleted (undo of the plan) falls back to the criteria table's sheet.
  const shown = workbook?.getWorksheet(tab) ? tab : (doc?.host.sheet ?? "");
  const view = useMemo(() => {
    const ws = workbook?.getWorksheet(shown);
    return ws ? sheetView(ws, lang) : null;
    // `version` is a dependency on purpose: the workbook object stays the same while its cells change
  }, [workbook, shown, lang, version]);
  const sheetNames = useMemo(() => workbook?.worksheets.map((ws) => ws.name) ?? [], [workbook, version]);

  // The grid's active cell on the criteria table's sheet is the user's selection, as in Excel.
  useEffect(() => {
    if (!doc) return;
    doc.host.selection =
      shown === doc.host.sheet ? { top: active.row, left: active.col, rows: 1, cols: 1 } : undefined;
  }, [doc, shown, active]);

  const switchTab = (name: string) => {
    if (!doc || name === shown) return;
    setTab(name);
    setActive({ row: 0, col: 0 });
    const ws = doc.host.workbook.getWorksheet(name);
    if (ws && name !== doc.host.sheet && hasTable(ws)) {
      // like Excel's active sheet: the panel now works on this table
      doc.host.sheet = name;
      doc.session.useSheet(name);
      setPanelSheet(name);
    }
  };

  const load = (next: Doc) => {
    setDoc(next);
    setSavedVersion(next.host.version);
    setTab(next.host.sheet);
    setPanelSheet(next.host.sheet);
    setActive({ row: 0, col: 0 });
    setHighlight(null);
    setProblem(null);
  };

  const onFile = async (file: File) => {
    setBusy("open");
    setProblem(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // .xls, encrypted, CSV or HTML under a workbook's name: each gets its own words (app/errors.ts)
      sniffWorkbook(bytes, file.name);
      const wb = await loadWorkbook(bytes);
      load(openDoc(wb, file.name, lang, bytes));
    } catch (e) {
      console.error("PAR playground: could not open", file.name, e);
      const typed = describeError(e);
      setProblem(typed.code === "unexpected" ? userError("file-unreadable", { path: file.name }) : typed);
    } finally {
      setBusy(null);
    }
  };

  const onDownload = async () => {
    if (!doc) return;
    setBusy("download");
    setProblem(null);
    try {
      let bytes = await saveWorkbook(doc.host.workbook);
      if (doc.original) {
        // ExcelJS drops charts, text boxes, custom properties…: carry them over from the opened file, and
        // ask before a download that would still lose something (issue 9 item 6).
        const kept = await preserveParts(doc.original, bytes, columnEditsOf(doc.host.applied));
        if (kept.lost.length) {
          const w = userError("would-lose-parts", { parts: kept.lost });
          const text = `${w.message.vi}\n${w.hint.vi}\n\n${w.message.en}\n${w.hint.en}\n\n${kept.lost.join("\n")}`;
          if (!window.confirm(text)) return;
        }
        bytes = kept.bytes;
      }
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
      const a = document.createElement("a");
      a.href = url;
      a.download = downloadName(doc.fileName);
      a.style.display = "none";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setSavedVersion(doc.host.version);
    } catch (e) {
      console.error("PAR playground: could not save the workbook", e);
      setProblem(userError("write-failed", { download: true }));
    } finally {
      setBusy(null);
    }
  };

  const askOpen = () => (unsaved ? setAsking("open") : fileInput.current?.click());
  const askSample = () => (unsaved ? setAsking("sample") : onSample());
  const answer = (go: boolean) => {
    const what = asking;
    setAsking(null);
    if (!go) return;
    if (what === "open") fileInput.current?.click();
    else if (what === "sample") onSample();
  };

  const onSample = () => {
    try {
      load(openDoc(sampleXlsx(), SAMPLE_FILE_NAME, lang));
    } catch (e) {
      console.error("PAR playground: the sample workbook could not be built", e);
      setProblem(userError("unexpected", { loading: "sample" }));
    }
  };

  const onLangChange = useCallback(
    (next: Lang) => {
      setLang(next);
      if (doc) doc.session.lang = next;
    },
    [doc],
  );

  const shownProblem = problem && { message: problem.message[lang], hint: problem.hint[lang] };
  const highlightRow = highlight && highlight.sheet === shown ? highlight.row : null;

  if (PANE_ONLY)
    return doc ? (
      <Panel
        api={doc.session}
        initialLang={lang}
        inExcel={false}
        onLangChange={onLangChange}
        workbookKey={`pane:${doc.fileName}`}
        planDocument={planDocumentOf(doc)}
      />
    ) : null;

  return (
    <div className={styles.root}>
      <div className={styles.top}>
        <header className={styles.bar} lang={lang}>
          <div className={styles.brand}>
            <Text weight="semibold">{`Chỉ số CCHC (PAR INDEX) · ${t.title}`}</Text>
            <Text size={200} className={styles.intro}>
              {t.intro}
            </Text>
          </div>
          <Toolbar aria-label={t.toolbar} className={styles.toolbar}>
            <Button
              appearance="primary"
              disabledFocusable={busy !== null}
              icon={busy === "open" ? <Spinner size="tiny" /> : undefined}
              title={t.openHint}
              onClick={askOpen}
            >
              {t.open}
            </Button>
            <Button
              disabledFocusable={busy !== null || !doc}
              icon={busy === "download" ? <Spinner size="tiny" /> : undefined}
              onClick={() => void onDownload()}
            >
              {t.download}
            </Button>
            <Button appearance="subtle" disabledFocusable={busy !== null} onClick={askSample}>
              {t.sample}
            </Button>
          </Toolbar>
          {doc && (
            <Text size={200} className={styles.fileName} title={doc.fileName} data-testid="file-name">
              {t.file(doc.fileName)}
            </Text>
          )}
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.hidden}
            data-testid="file-input"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = ""; // the same file can be opened again
              if (file) void onFile(file);
            }}
          />
        </header>
        {shownProblem && (
          <MessageBar intent="error" layout="multiline" lang={lang} data-testid="playground-error">
            <MessageBarBody>
              <MessageBarTitle>{shownProblem.message}</MessageBarTitle>
              <Text block>{shownProblem.hint}</Text>
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" aria-label={t.dismiss} onClick={() => setProblem(null)}>
                  ✕
                </Button>
              }
            />
          </MessageBar>
        )}
      </div>

      <main className={styles.sheet} aria-label={view ? t.grid(view.sheet) : t.sheets} lang={lang}>
        {view && (
          <Grid
            view={view}
            lang={lang}
            t={t}
            active={active}
            onActiveChange={setActive}
            highlightRow={highlightRow}
            highlightKey={highlight?.key ?? 0}
          />
        )}
        <TabList
          className={styles.tabs}
          size="small"
          aria-label={t.sheets}
          selectedValue={shown}
          onTabSelect={(_, d) => switchTab(String(d.value))}
          data-testid="sheet-tabs"
        >
          {sheetNames.map((name) => (
            <Tab key={name} value={name} title={doc?.host.sheet === name ? t.resultsSheet : undefined}>
              {name}
            </Tab>
          ))}
        </TabList>
      </main>

      <Dialog open={asking !== null} onOpenChange={(_, d) => !d.open && answer(false)}>
        <DialogSurface lang={lang} aria-describedby="unsaved-body">
          <DialogBody>
            <DialogTitle>{t.unsavedTitle}</DialogTitle>
            <DialogContent id="unsaved-body">
              {t.unsavedBody(doc?.fileName ?? "", asking === "sample")}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => answer(true)}>
                {asking === "sample" ? t.unsavedOpenSample : t.unsavedOpenFile}
              </Button>
              <Button onClick={() => answer(false)}>{t.unsavedKeep}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <aside className={styles.panel} aria-label={t.panel} data-testid="panel">
        {doc && (
          <Panel
            key={`${doc.id}:${panelSheet}`}
            api={doc.session}
            initialLang={lang}
            inExcel={false}
            onLangChange={onLangChange}
            workbookKey={`playground:${doc.fileName}`}
            planDocument={planDocumentOf(doc)}
            landmark={false}
          />
        )}
      </aside>
    </div>
  );
}
