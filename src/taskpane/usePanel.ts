/**
 * The panel's commands against the session, as a hook over the pure reducer in ./panelState.ts: it runs
 * one task at a time, follows sheet changes (debounced, put off while a command runs) and turns anything a
 * call throws into the error the panel shows. The Panel component only renders what this returns.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { describeError } from "../app/errors";
import type { CommandId, PanelApi, SessionResult } from "./panelApi";
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

export interface UsePanelOptions {
  api: PanelApi;
  notice?: PanelMessage | null;
  analyzeOnOpen?: boolean;
  subscribeSheetChanges?: (onChange: () => void) => () => void;
}

export interface PanelControls {
  state: PanelState;
  run(command: CommandId): void;
  undo(): void;
  select(sheet: string, row: number): void;
  dismissNotice(): void;
}

export function usePanel({
  api,
  notice = null,
  analyzeOnOpen = true,
  subscribeSheetChanges,
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

  return {
    state,
    run: (command) => void perform(command, () => api.run(command)),
    undo: () => void perform("undo", () => api.undo()),
    select,
    dismissNotice: () => dispatch({ type: "dismissNotice" }),
  };
}
