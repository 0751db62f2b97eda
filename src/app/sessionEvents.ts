/**
 * What a session tells the front ends while and after it works (./session.ts): the step a command is at
 * (read → plan → write → done), so the task pane can show "Đang ghi…" while Excel writes, and each change
 * of the undo history with the outcome that made it, so the panel shows the ribbon's command (same
 * session, shared runtime) as if it had run it. No listener, no cost: the CLI never yields.
 */
import type { Bilingual } from "./errors";

/** Where a command is: reading the workbook, planning (computing), writing, finished (ok or not). */
export type SessionStep = "read" | "plan" | "write" | "done";

/**
 * What the panel says at each step (the playground's progress uses the same words for read and write,
 * src/playground/progress.ts). "done" is never shown: the result line replaces the spinner.
 */
export const STEP_WORDS: Record<Exclude<SessionStep, "done">, Bilingual> = {
  read: { vi: "Đang đọc bảng…", en: "Reading the table…" },
  plan: { vi: "Đang tính…", en: "Calculating…" },
  write: { vi: "Đang ghi…", en: "Writing…" },
};

/**
 * Told of each step before the session takes it. A listener may return a promise: the session waits for
 * it before going on (the task pane yields to the browser there, so the step paints before a long write).
 */
export type StepListener = (step: SessionStep) => void | Promise<void>;

/** A change of the undo history: the task that made it and its outcome (the summary of the table after). */
export interface SessionChange<Outcome = unknown> {
  task: string;
  outcome: Outcome;
}

export type ChangeListener<Outcome = unknown> = (change: SessionChange<Outcome>) => void;

/** The listeners of one session. */
export class SessionEvents<Outcome = unknown> {
  private readonly steps = new Set<StepListener>();
  private readonly changes = new Set<ChangeListener<Outcome>>();
  /** The last change told (the panel that subscribes late reads it). */
  latest: SessionChange<Outcome> | null = null;

  onStep(listener: StepListener): () => void {
    this.steps.add(listener);
    return () => this.steps.delete(listener);
  }

  onChange(listener: ChangeListener<Outcome>): () => void {
    this.changes.add(listener);
    return () => this.changes.delete(listener);
  }

  /** Tells the step and waits for the listeners that asked to be waited for; a listener's failure is its own. */
  async step(step: SessionStep): Promise<void> {
    if (this.steps.size === 0) return;
    await Promise.all(
      [...this.steps].map(async (l) => {
        try {
          await l(step);
        } catch {
          // a front end that cannot show the step does not stop the command
        }
      }),
    );
  }

  changed(task: string, outcome: Outcome): void {
    const change = { task, outcome };
    this.latest = change;
    for (const l of [...this.changes]) l(change);
  }
}
