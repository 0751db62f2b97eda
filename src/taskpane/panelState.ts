/**
 * The panel's command and follow logic as a pure reducer (no React, no session): what the panel shows
 * while a task runs and after it ends. One task at a time; the read that follows a sheet change never
 * interrupts a command (it is put off until the command ends, `followPending`); when the new sheet has no
 * criteria table the last summary (its heading names its sheet) stays, and the message says so as
 * information rather than as an error. While a task runs the panel shows the session's step ("Đang ghi…");
 * a command run elsewhere on the same session (the ribbon) shows its summary and result line as the panel's
 * own would. `usePanel` drives it.
 */
import type { ChangedPlace, PanelCommand, RunOptions, SessionResult, SessionStep, Summary } from "./panelApi";
import type { Bilingual, UserError } from "../app/errors";
import { STRINGS } from "./i18n";

export type Task = PanelCommand | "undo" | "analyze" | "preview" | "plan-doc" | "unit";

/** A structural command waiting for the user's Confirm / Cancel, with what it will do in words. */
export interface PendingConfirm {
  command: PanelCommand;
  opts: RunOptions;
  say: Bilingual;
}

/** A bilingual message as the panel shows it: what went wrong, and what to do. */
export interface PanelMessage {
  message: Bilingual;
  hint: Bilingual;
}

export interface PanelState {
  /** The task running, or null. */
  busy: Task | null;
  /** The last summary and the task that produced it. */
  summary: { value: Summary; from: Task } | null;
  /** The result line of the last task. */
  result: Bilingual | null;
  error: UserError | null;
  /** The ribbon's failure shown when the panel opened, until dismissed or the next command. */
  notice: PanelMessage | null;
  /** The sheet has no criteria table (or two): told as information, not as an error. */
  sheetNote: UserError | null;
  /** A sheet change came while busy: read once the current task ends. */
  followPending: boolean;
  /** The command the panel asks about before running it ("say before"), or null. */
  confirm: PendingConfirm | null;
  /** Where the last command wrote (for the result line's "go to" actions); null after other tasks. */
  changed: ChangedPlace | null;
  /** The task whose result line is shown (the result actions depend on it). */
  resultOf: Task | null;
  /** The step the running task is at (the spinner's label), or null before its first step and when idle. */
  step: Exclude<SessionStep, "done"> | null;
}

export type PanelAction =
  /** A task was asked for; `follow`: the read after a sheet change. */
  | { type: "start"; task: Task; follow?: boolean }
  /** The task ended with this result (a thrown failure arrives as an ok: false result). */
  | { type: "finish"; task: Task; follow?: boolean; outcome: SessionResult }
  /** A failure outside a task (going to a row). */
  | { type: "fail"; error: UserError }
  | { type: "dismissNotice" }
  /** The preview said what a structural command will do: ask before running it. */
  | { type: "ask"; confirm: PendingConfirm }
  /** The user answered (Confirm runs the command through "start"; Cancel just closes the question). */
  | { type: "answer" }
  /** The session is at this step of the running task. */
  | { type: "step"; step: SessionStep }
  /** A command ran on the same session outside the panel (the ribbon): its outcome, as if the panel ran it. */
  | { type: "sessionChanged"; task: Task; outcome: SessionResult };

/** What analyze may say about the sheet itself: not a failure, just a sheet without (one) criteria table. */
const SHEET_STATES: ReadonlySet<string> = new Set(["no-table", "ambiguous"]);

export function initialPanelState(notice: PanelMessage | null = null): PanelState {
  return {
    busy: null,
    summary: null,
    result: null,
    error: null,
    notice,
    sheetNote: null,
    followPending: false,
    confirm: null,
    changed: null,
    resultOf: null,
    step: null,
  };
}

/** Whether a "start" would run its task now (one host round trip at a time). */
export const canStart = (s: PanelState): boolean => s.busy === null;

/** The result line after a sheet change: which sheet is shown now. */
export function followedLine(sheet: string): Bilingual {
  return { vi: STRINGS.vi.followedSheet(sheet), en: STRINGS.en.followedSheet(sheet) };
}

export function panelReducer(s: PanelState, a: PanelAction): PanelState {
  switch (a.type) {
    case "start":
      if (!canStart(s)) return a.follow ? { ...s, followPending: true } : s;
      return {
        ...s,
        busy: a.task,
        error: null,
        sheetNote: null,
        // the user has moved on from the ribbon's failure
        notice: a.task === "analyze" ? s.notice : null,
        result: a.follow || a.task === "analyze" || a.task === "preview" ? s.result : null,
        confirm: null,
        step: null,
      };
    case "finish": {
      const r = a.outcome;
      const done = { ...s, busy: null, followPending: false, step: null };
      if (r.ok) {
        // a preview that needs no question and a plain read keep the result line that is shown
        const keep = (a.task === "analyze" && !a.follow) || a.task === "preview";
        return {
          ...done,
          summary: r.summary ? { value: r.summary, from: a.task } : s.summary,
          // after a sheet change the old result line is stale; say which sheet is shown now instead
          result: keep ? s.result : a.follow && r.summary ? followedLine(r.summary.sheet) : r.result,
          changed: keep ? s.changed : (r.changed ?? null),
          resultOf: keep ? s.resultOf : a.follow ? null : a.task,
        };
      }
      if (a.task === "analyze" && SHEET_STATES.has(r.error.code)) return { ...done, sheetNote: r.error };
      return { ...done, error: r.error, result: a.follow ? null : s.result };
    }
    case "fail":
      return { ...s, error: a.error };
    case "dismissNotice":
      return { ...s, notice: null };
    case "ask":
      return { ...s, busy: null, followPending: false, confirm: a.confirm, step: null };
    case "answer":
      return { ...s, confirm: null };
    case "step":
      // steps of a command the panel did not start (the ribbon's) move no spinner
      if (s.busy === null) return s;
      return { ...s, step: a.step === "done" ? null : a.step };
    case "sessionChanged":
      // the panel's own task: its "finish" brings the same outcome (and may be a follow, an undo list…)
      if (s.busy !== null || !a.outcome.ok) return s;
      return {
        ...s,
        summary: a.outcome.summary ? { value: a.outcome.summary, from: a.task } : s.summary,
        result: a.outcome.result,
        changed: a.outcome.changed ?? null,
        resultOf: a.task,
        error: null,
        sheetNote: null,
        notice: null,
      };
  }
}
