// Ribbon command handlers, loaded by commands.html (the manifest's FunctionFile).
// The "recalculate" action id must match <FunctionName>recalculate</FunctionName> in manifest.xml.
import type { UserError } from "../app/errors";
import { Session, sharedSession, type SessionHost } from "../app/session";
import { OfficeHost } from "../hosts/office";

/** Where a failed ribbon command leaves its message for the task pane (localStorage, same origin). */
export const RIBBON_ERROR_KEY = "par-index.ribbon-error";

export interface RibbonError {
  command: "recalc";
  /** ISO time of the failure. */
  at: string;
  error: UserError;
}

/** The last failure of a ribbon command in this runtime (the task pane reads it in a shared runtime). */
export let lastRibbonError: RibbonError | null = null;

/**
 * Keeps the message where the task pane can find it and opens the pane to show it (SharedRuntime 1.1's
 * Office.addin.showAsTaskpane); without a way to show it, it is logged.
 */
async function report(error: UserError): Promise<void> {
  lastRibbonError = { command: "recalc", at: new Date().toISOString(), error };
  try {
    globalThis.localStorage?.setItem(RIBBON_ERROR_KEY, JSON.stringify(lastRibbonError));
  } catch {
    // storage full or blocked: the in-memory copy and the log remain
  }
  const addin = typeof Office !== "undefined" ? Office.addin : undefined;
  if (addin?.showAsTaskpane && Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1")) {
    try {
      await addin.showAsTaskpane();
      return;
    } catch {
      // fall through to the log
    }
  }
  console.error(`PAR INDEX: ${error.message.vi} ${error.hint.vi} / ${error.message.en} ${error.hint.en}`);
}

/**
 * The "Recalculate" button: read the workbook → plan recalc + highlight → apply (one read request, one
 * write request). Returns the error it reported, if any. In the shared runtime it runs through the pane's
 * session (app/session.ts `sharedSession`): the command lands in the panel's undo list, and undo from the
 * panel undoes it. Without a pane (commands.html alone) a session of its own, with no undo entry: the
 * ribbon's undo is then Excel's Ctrl+Z (the write is one request). A `host` given (tests) gets its own too.
 */
export async function runRecalculate(host?: SessionHost): Promise<UserError | null> {
  // Labels in the table's own language when the ribbon runs alone (it has no language of its own).
  const session =
    (host === undefined ? sharedSession() : null) ?? new Session(host ?? OfficeHost, null, { undo: false });
  const r = await session.run("recalc");
  if (r.ok) {
    lastRibbonError = null;
    return null;
  }
  await report(r.error);
  return r.error;
}

/** Ribbon entry point. It must always call event.completed(), otherwise Office keeps the button busy. */
export async function recalculate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await runRecalculate();
  } finally {
    event.completed();
  }
}

// Startup (commands.html, or this module loaded into the task pane of the shared runtime): Office.onReady()
// first (some platforms deliver no command before it), then the action. Idempotent: associating the same id
// again replaces the handler.
if (typeof Office !== "undefined") {
  const associate = () => {
    if (Office.actions) Office.actions.associate("recalculate", recalculate);
  };
  // office.js always has onReady; a stand-in without it gets the action at once
  if (typeof Office.onReady === "function") void Office.onReady(associate);
  else associate();
}
// Older Office clients look an ExecuteFunction's FunctionName up as a global function.
(globalThis as unknown as Record<string, unknown>).recalculate = recalculate;
