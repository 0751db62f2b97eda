/**
 * The playground's long work in steps, and what the page says during each (Vietnamese first): opening a
 * file, a command's read → compute → write (the session's read → plan → write), the download. The work
 * reports a step before it starts it and then lets the page paint (the task pane's `paintPause`), so the
 * progress shows even when the work runs on the page's own thread (the offline single file, no worker).
 */
import { STEP_WORDS } from "../app/sessionEvents";
import type { SessionStep } from "../app/sessionEvents";
import type { Lang } from "./gridModel";

export type WorkStep = "read-file" | "open" | "choose" | "read" | "compute" | "write" | "save";

/** One report: the step, and how far through the whole task it is (`done` of `total` steps). */
export interface Progress {
  step: WorkStep;
  done: number;
  total: number;
}

export type OnProgress = (p: Progress) => void;

/** The user cancelled the work or closed its document (the page drops whatever it would have given). */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

export const STEP_LABELS: Record<WorkStep, Record<Lang, string>> = {
  "read-file": { vi: "Đang đọc tệp…", en: "Reading the file…" },
  open: { vi: "Đang mở sổ làm việc…", en: "Opening the workbook…" },
  choose: { vi: "Đang tìm bảng tiêu chí…", en: "Finding the criteria table…" },
  // A command's steps say what the task pane says in Excel (the session's words).
  read: STEP_WORDS.read,
  compute: STEP_WORDS.plan,
  write: STEP_WORDS.write,
  save: { vi: "Đang tạo tệp tải xuống…", en: "Preparing the download…" },
};

/** Steps of opening a file, in order (the progress bar's scale). */
export const OPEN_STEPS: readonly WorkStep[] = ["read-file", "open", "choose"];
/** Steps of a command (the session reads, the core computes, the host writes). */
export const COMMAND_STEPS: readonly WorkStep[] = ["read", "compute", "write"];

/** A session's step as the progress bar names it ("done" is not one: the bar goes when the call ends). */
export const WORK_STEP_OF: Record<SessionStep, WorkStep | null> = {
  read: "read",
  plan: "compute",
  write: "write",
  done: null,
};

/**
 * The browser tests' hook: holds the work at the start of a step until released, so the progress can be
 * seen without timing. Never set outside tests.
 */
export class StepGate {
  private step: WorkStep | null = null;
  private open: (() => void) | null = null;

  hold(step: WorkStep | null): void {
    this.step = step;
  }

  release(): void {
    this.step = null;
    this.open?.();
    this.open = null;
  }

  /** Waits here when the work is held at `step`. */
  async at(step: WorkStep): Promise<void> {
    if (this.step !== step) return;
    await new Promise<void>((resolve) => (this.open = resolve));
  }
}
