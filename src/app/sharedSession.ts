/**
 * The runtime's one session (shared runtime: the ribbon's function file IS the task pane page). The pane
 * shares the session it made; the ribbon's commands then run through it, so they land in the panel's undo
 * list and undo from the panel undoes them. Without a shared session (commands.html alone, no pane open)
 * the ribbon makes its own.
 */
import type { Session } from "./session";

let runtimeSession: Session | null = null;

/** Makes `session` the one the ribbon's commands run through (null: none any more). */
export function shareSession(session: Session | null): void {
  runtimeSession = session;
}

/** The session the pane shared, if any. */
export function sharedSession(): Session | null {
  return runtimeSession;
}
