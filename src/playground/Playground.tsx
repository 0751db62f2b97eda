/**
 * The playground page: the task pane's own Panel beside an Excel-like grid, over an ExcelJS workbook in
 * the browser (the xlsx host). Starts on the seed's 2023 table; opens and downloads .xlsx files. The file
 * never leaves the page: ExcelJS reads and writes it in memory.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
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
import { userError, type UserError } from "../app/errors";
import { Panel } from "../taskpane/exports";
import type { PlanDocumentRequest, PlanDocumentResult } from "../taskpane/panelApi";
import { Grid, type Position } from "./Grid";
import type { GridView, Lang } from "./gridModel";
import { DocSession, openPort, type DocPort } from "./docClient";
import { WorkProgress, type Work } from "./WorkProgress";
import type { WorkStep } from "./progress";
import { PLAYGROUND_STRINGS } from "./strings";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Doc {
  id: number;
  /** The panel's api over the document, which lives in a worker (or on this thread: ./docClient.ts). */
  session: DocSession;
  fileName: string;
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

/** The plan document over a playground workbook, made where the document lives. */
function planDocumentOf(doc: Doc): (req?: PlanDocumentRequest) => Promise<PlanDocumentResult> {
  // plain data across the worker: only the previous sheet's name
  return (req) => doc.session.port.core.planDocument({ previous: req?.previous ?? null });
}

/**
 * The browser tests' hook (`window.__parPlayground`): holds the work at the start of a step (in the worker
 * or on the page) until released, so the progress can be seen without timing.
 */
interface TestHook {
  hold(step: WorkStep | null): void;
  release(): void;
  /** Whether the documents' work runs in a worker. */
  inWorker(): boolean | null;
}
let heldStep: WorkStep | null = null;
const livePorts = new Set<DocPort>();
if (typeof window !== "undefined")
  (window as unknown as { __parPlayground?: TestHook }).__parPlayground = {
    hold: (step) => {
      heldStep = step;
      for (const p of livePorts) void p.core.hold(step);
    },
    release: () => {
      heldStep = null;
      for (const p of livePorts) void p.core.release();
    },
    inWorker: () => (livePorts.size ? [...livePorts][0].inWorker : null),
  };

/** A new document's port (worker or this thread), with the test hook's hold passed on. */
async function newPort(): Promise<DocPort> {
  const port = await openPort();
  livePorts.add(port);
  if (heldStep) await port.core.hold(heldStep);
  return port;
}

function closePort(port: DocPort): void {
  livePorts.delete(port);
  port.close();
}

function downloadName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, "");
  return `${base}${/-PAR$/.test(base) ? "" : "-PAR"}.xlsx`;
}

/**
 * `playground.html?pane`: the panel alone over the sample, filling the window: the task pane as Excel shows
 * it (350 px wide), for the browser tests (above the fold, accessibility) and the README screenshots.
 */
const NO_SHEETS: string[] = [];

const PANE_ONLY = typeof location !== "undefined" && new URLSearchParams(location.search).has("pane");

export function Playground() {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>("vi");
  const t = PLAYGROUND_STRINGS[lang];
  const [problem, setProblem] = useState<UserError | null>(null);
  const [doc, setDoc] = useState<Doc | null>(null);
  const [tab, setTab] = useState<string>("");
  const [panelSheet, setPanelSheet] = useState<string>("");
  const [active, setActive] = useState<Position>({ row: 0, col: 0 });
  const [highlight, setHighlight] = useState<{ sheet: string; row: number; key: number } | null>(null);
  const [busy, setBusy] = useState<"open" | "download" | null>(null);
  /** The long work in progress and its step (opening, a command, the download), shown in the top bar. */
  const [work, setWork] = useState<Work | null>(null);
  /** Cancels the file being opened (its worker is ended; on this thread, at its next step). */
  const cancelOpen = useRef<(() => void) | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** The workbook's version when it was opened or last downloaded: later writes are unsaved changes. */
  const [savedVersion, setSavedVersion] = useState<number>(0);
  /** Opening another file or the sample would drop unsaved changes: asked first. */
  const [asking, setAsking] = useState<"open" | "sample" | null>(null);
  const [view, setView] = useState<GridView | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // The document's state (version, sheets, undo list), mirrored after every call on it.
  const subscribe = useCallback(
    (onChange: () => void) => (doc ? doc.session.subscribe(onChange) : () => {}),
    [doc],
  );
  const version = useSyncExternalStore(subscribe, () => doc?.session.info.version ?? 0);
  const sheetNames = useSyncExternalStore(subscribe, () => doc?.session.info.sheetNames ?? NO_SHEETS);
  const tableSheet = doc?.session.info.sheet ?? "";
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
    return doc.session.subscribe(() => {
      const e = doc.session.info.select;
      if (!e) return;
      setTab(e.sheet);
      setActive({ row: e.rect.top, col: e.rect.left });
      setHighlight((h) => ({ sheet: e.sheet, row: e.rect.top, key: (h?.key ?? 0) + 1 }));
    });
  }, [doc]);

  // A command's steps (read, compute, write) in the progress bar while the panel's command runs.
  useEffect(() => {
    if (!doc) return;
    doc.session.onProgress = (progress) => setWork({ kind: "command", progress });
    doc.session.onIdle = () => setWork((w) => (w?.kind === "command" ? null : w));
    return () => {
      doc.session.onProgress = null;
      doc.session.onIdle = null;
    };
  }, [doc]);

  // A sheet a command deleted (undo of the plan) falls back to the criteria table's sheet.
  const shown = sheetNames.includes(tab) ? tab : tableSheet;
  // The grid's view, made where the document lives; `version`: the cells changed.
  // What the grid should show (document, sheet, language, version) and what it does show: while they differ
  // the view is on its way from the document's worker, and the grid says so (aria-busy).
  const wanted = `${doc?.id ?? ""}|${shown}|${lang}|${version}`;
  const [drawn, setDrawn] = useState("");
  useEffect(() => {
    if (!doc || !shown) return;
    let live = true;
    doc.session.port.core.view(shown, lang).then(
      (v) => {
        if (!live) return;
        setView(v);
        setDrawn(wanted);
      },
      (e: unknown) => console.error("PAR playground: the sheet could not be drawn", e),
    );
    return () => {
      live = false;
    };
  }, [doc, shown, lang, version, wanted]);

  // The grid's active cell on the criteria table's sheet is the user's selection, as in Excel.
  useEffect(() => {
    if (!doc) return;
    void doc.session.port.core.setSelection(
      shown === tableSheet ? { top: active.row, left: active.col, rows: 1, cols: 1 } : undefined,
    );
  }, [doc, shown, tableSheet, active]);

  const switchTab = (name: string) => {
    if (!doc || name === shown) return;
    setTab(name);
    setActive({ row: 0, col: 0 });
    void doc.session.port.core.useSheet(name).then(({ switched, info }) => {
      doc.session.update(info);
      // like Excel's active sheet: the panel now works on this table
      if (switched) setPanelSheet(name);
    });
  };

  const load = (port: DocPort, info: DocSession["info"]) => {
    const next: Doc = { id: nextDocId++, session: new DocSession(port, info), fileName: info.fileName };
    setDoc((old) => {
      if (old && old.session.port !== port) closePort(old.session.port);
      return next;
    });
    setSavedVersion(info.version);
    setTab(info.sheet);
    setPanelSheet(info.sheet);
    setActive({ row: 0, col: 0 });
    setHighlight(null);
    setProblem(null);
  };

  const onSample = async () => {
    try {
      const port = await newPort();
      load(port, await port.core.openSample(lang));
    } catch (e) {
      console.error("PAR playground: the sample workbook could not be built", e);
      setProblem(userError("unexpected", { loading: "sample" }));
    }
  };

  // The sample on arrival (in its worker when one starts).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void onSample();
  }, []);

  const onFile = async (file: File) => {
    setBusy("open");
    setProblem(null);
    setWork({ kind: "open", progress: { step: "read-file", done: 0, total: 3 } });
    let port: DocPort | null = null;
    const cancelled = new Promise<"cancelled">(
      (resolve) => (cancelOpen.current = () => resolve("cancelled")),
    );
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      port = await newPort();
      const opening = port.core.openFile(
        bytes,
        file.name,
        lang,
        port.progress((progress) => setWork({ kind: "open", progress })),
      );
      const r = await Promise.race([opening, cancelled]);
      if (r === "cancelled") {
        void port.core.cancel(); // on this thread: stops at the next step; a worker is ended below
        closePort(port);
        return;
      }
      if (r.ok) load(port, r.info);
      else {
        closePort(port);
        setProblem(r.error);
      }
    } catch (e) {
      console.error("PAR playground: could not open", file.name, e);
      if (port) closePort(port);
      setProblem(userError("file-unreadable", { path: file.name }));
    } finally {
      cancelOpen.current = null;
      setWork(null);
      setBusy(null);
    }
  };

  const onDownload = async () => {
    if (!doc) return;
    setBusy("download");
    setProblem(null);
    try {
      const { bytes, lost } = await doc.session.port.core.download(
        doc.session.port.progress((progress) => setWork({ kind: "download", progress })),
      );
      setWork(null);
      if (lost.length) {
        // ExcelJS drops charts, text boxes, custom properties…: ask before a download that would lose some
        const w = userError("would-lose-parts", { parts: lost });
        const text = `${w.message.vi}\n${w.hint.vi}\n\n${w.message.en}\n${w.hint.en}\n\n${lost.join("\n")}`;
        if (!window.confirm(text)) return;
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
      setSavedVersion(version);
    } catch (e) {
      console.error("PAR playground: could not save the workbook", e);
      setProblem(userError("write-failed", { download: true }));
    } finally {
      setWork(null);
      setBusy(null);
    }
  };

  const askOpen = () => (unsaved ? setAsking("open") : fileInput.current?.click());
  const askSample = () => (unsaved ? setAsking("sample") : void onSample());
  const answer = (go: boolean) => {
    const what = asking;
    setAsking(null);
    if (!go) return;
    if (what === "open") fileInput.current?.click();
    else if (what === "sample") void onSample();
  };

  const onLangChange = useCallback(
    (next: Lang) => {
      setLang(next);
      if (doc) void doc.session.port.core.setLang(next);
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
        {work && (
          <WorkProgress
            work={work}
            lang={lang}
            onCancel={work.kind === "open" ? () => cancelOpen.current?.() : undefined}
          />
        )}
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
            busy={drawn !== wanted}
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
            <Tab key={name} value={name} title={tableSheet === name ? t.resultsSheet : undefined}>
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
