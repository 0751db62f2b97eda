/**
 * The panel's commands against the session, as a hook over the pure reducer in ./panelState.ts: it runs
 * one task at a time, follows sheet changes (debounced, put off while a command runs) and turns anything a
 * call throws into the error the panel shows. It shows the session's steps while a task runs, letting the
 * browser paint each before the session goes on (`paintPause`), and the outcome of a command the ribbon ran
 * on the same session. The Panel component only renders what this returns.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { describeError } from "../app/errors";
import type { PanelApi, PanelCommand, RunOptions, SessionPreview, SessionResult } from "./panelApi";
import { shouldAsk, stopAsking } from "./confirmMemory";
import { paintPause } from "./paintPause";
import {
  canStart,
  initialPanelState,
  panelReducer,
  type PanelAction,
  type PanelMessage,
  type PanelState,
  type Task,
} from "./panelState";

/** A burst of sheet changes (Ctrl+PgDn held down) settles this long before the panel reads once. */
export const SHEET_CHANGE_DELAY_MS = 300;

export { PAINT_WAIT_MS, paintPause } from "./paintPause";

export interface UsePanelOptions {
  api: PanelApi;
  notice?: PanelMessage | null;
  analyzeOnOpen?: boolean;
  subscribeSheetChanges?: (onChange: () => void) => () => void;
  /** Names the workbook for the remembered "don't ask again" (./confirmMemory.ts). */
  workbookKey?: string;
}

/** An api without "do everything" (made when asked: describeError logs the unexpected). */
const notAvailable = (): SessionResult => ({
  ok: false,
  error: describeError(new Error("apply-all unavailable")),
});

export interface PanelControls {
  state: PanelState;
  /** Runs a command; one that changes the table's structure is said first and waits for `answer`. */
  run(command: PanelCommand, opts?: RunOptions): void;
  /** The user's answer to the say-before question; `remember`: don't ask again in this workbook. */
  answer(confirmed: boolean, remember?: boolean): void;
  undo(): void;
  /** Undoes every command down to entry `id` of the session's undo history. */
  undoTo(id: number): void;
  select(sheet: string, row: number): void;
  /** Selects a range (result actions); failures are shown like other errors. */
  show(sheet: string, rect: { top: number; left: number; rows: number; cols: number }): void;
  dismissNotice(): void;
  /** Runs a task that is not a workbook command (the .docx download) with the panel's busy state. */
  perform(task: Task, call: () => Promise<SessionResult>): void;
}

export function usePanel({
  api,
  notice = null,
  analyzeOnOpen = true,
  subscribeSheetChanges,
  workbookKey = "workbook",
}: UsePanelOptions): PanelControls {
  const [state, setState] = useState<PanelState>(() => initialPanelState(notice));
  // The reducer's state, readable synchronously (a second click in the same tick must see "busy").
  const current = useRef(state);
  const mounted = useRef(true);
  /** Starts the (debounced) read that follows a sheet change; set while subscribed. */
  const scheduleFollow = useRef<(() => void) | null>(null);

  const dispatch = useCallback((a: PanelAction) => {
    current.current = panelReducer(current.current, a);
    if (mounted.current) setState(current.current);
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const perform = useCallback(
    async (task: Task, call: () => Promise<SessionResult>, follow = false) => {
      const startable = canStart(current.current);
      dispatch({ type: "start", task, follow });
      if (!startable) return;
      let outcome: SessionResult;
      try {
        outcome = await call();
      } catch (e) {
        outcome = { ok: false, error: describeError(e) };
      }
      if (!mounted.current) {
        current.current = { ...current.current, busy: null };
        return;
      }
      const pending = current.current.followPending;
      dispatch({ type: "finish", task, follow, outcome });
      if (pending) scheduleFollow.current?.();
    },
    [dispatch],
  );

  useEffect(() => {
    if (analyzeOnOpen) void perform("analyze", () => api.analyze());
  }, [api, analyzeOnOpen, perform]);

  useEffect(() => {
    if (!subscribeSheetChanges) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void perform("analyze", () => api.analyze(), true), SHEET_CHANGE_DELAY_MS);
    };
    scheduleFollow.current = schedule;
    const unsubscribe = subscribeSheetChanges(schedule);
    return () => {
      clearTimeout(timer);
      if (scheduleFollow.current === schedule) scheduleFollow.current = null;
      current.current = { ...current.current, followPending: false };
      unsubscribe();
    };
  }, [api, subscribeSheetChanges, perform]);

  const select = useCallback(
    (sheet: string, row: number) => {
      api.selectRow(sheet, row).catch((e: unknown) => {
        if (mounted.current) dispatch({ type: "fail", error: describeError(e) });
      });
    },
    [api, dispatch],
  );

  // the ribbon runs commands through the same session: re-render when its undo history changes, and show
  // the summary and result line of a command the panel did not start (the reducer ignores its own)
  const [, setHistoryVersion] = useState(0);
  useEffect(
    () =>
      api.subscribe?.((change) => {
        if (!mounted.current) return;
        setHistoryVersion((v) => v + 1);
        if (change) dispatch({ type: "sessionChanged", task: change.task as Task, outcome: change.outcome });
      }),
    [api, dispatch],
  );

  // the session's steps of the panel's own task: shown, and painted before the session goes on
  useEffect(
    () =>
      api.onStep?.((step) => {
        if (!mounted.current || current.current.busy === null) return;
        dispatch({ type: "step", step });
        if (step !== "done") return paintPause();
      }),
    [api, dispatch],
  );

  /** The call that runs a panel command, and the one that previews it (when the api can). */
  const callOf = useCallback(
    (command: PanelCommand, opts: RunOptions) =>
      command === "apply-all"
        ? () => (api.doEverything ? api.doEverything() : Promise.resolve(notAvailable()))
        : () => api.run(command, opts),
    [api],
  );
  const previewOf = useCallback(
    (command: PanelCommand, opts: RunOptions): (() => Promise<SessionPreview>) | undefined => {
      if (command === "apply-all") return api.previewEverything?.bind(api);
      const p = api.preview?.bind(api);
      return p && (() => p(command, opts));
    },
    [api],
  );

  const run = useCallback(
    async (command: PanelCommand, opts: RunOptions = {}) => {
      const preview = previewOf(command, opts);
      if (!preview || !shouldAsk(workbookKey)) return perform(command, callOf(command, opts));
      if (!canStart(current.current)) return;
      dispatch({ type: "start", task: "preview" });
      let p: Awaited<ReturnType<typeof preview>>;
      try {
        p = await preview();
      } catch (e) {
        p = { ok: false, error: describeError(e) };
      }
      if (!mounted.current) return;
      if (!p.ok || p.say === null) {
        dispatch({ type: "finish", task: "preview", outcome: p.ok ? { ...p, result: null } : p });
        if (p.ok) await perform(command, callOf(command, opts));
        return;
      }
      dispatch({ type: "ask", confirm: { command, opts, say: p.say } });
    },
    [callOf, previewOf, dispatch, perform, workbookKey],
  );

  const answer = useCallback(
    (confirmed: boolean, remember = false) => {
      const pending = current.current.confirm;
      dispatch({ type: "answer" });
      if (!confirmed || !pending) return;
      if (remember) stopAsking(workbookKey, api); // into the workbook when the api can
      void perform(pending.command, callOf(pending.command, pending.opts));
    },
    [api, callOf, dispatch, perform, workbookKey],
  );

  const show = useCallback(
    (sheet: string, rect: { top: number; left: number; rows: number; cols: number }) => {
      const go = api.show ? api.show(sheet, rect) : api.selectRow(sheet, rect.top);
      go.catch((e: unknown) => {
        if (mounted.current) dispatch({ type: "fail", error: describeError(e) });
      });
    },
    [api, dispatch],
  );

  return {
    state,
    run: (command, opts) => void run(command, opts),
    answer,
    undo: () => void perform("undo", () => api.undo()),
    undoTo: (id) => void perform("undo", () => (api.undoTo ? api.undoTo(id) : api.undo())),
    select,
    show,
    dismissNotice: () => dispatch({ type: "dismissNotice" }),
    perform: (task, call) => void perform(task, call),
  };
}
