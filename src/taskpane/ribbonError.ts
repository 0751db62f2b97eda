/**
 * The ribbon's "Recalculate" runs without the pane (src/commands/commands.ts). When it fails it leaves its
 * message in localStorage under RIBBON_ERROR_KEY and asks Office to open the pane; the pane shows that
 * message once, when it opens, and removes it. (The key is repeated here rather than imported: importing
 * the commands module would pull the Office host into the task pane's first chunk; a test keeps the two equal.)
 */
import type { PanelError } from "./panelApi";

export const RIBBON_ERROR_KEY = "par-index.ribbon-error";

type StorageLike = Pick<Storage, "getItem" | "removeItem">;

function defaultStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // storage blocked (privacy settings): nothing was stored either
  }
}

const isBilingual = (v: unknown): v is { vi: string; en: string } =>
  !!v &&
  typeof v === "object" &&
  typeof (v as { vi?: unknown }).vi === "string" &&
  typeof (v as { en?: unknown }).en === "string";

/** The stored failure of the ribbon's Recalculate, if any; reading it removes it (it is shown once). */
export function takeRibbonError(storage: StorageLike | undefined = defaultStorage()): PanelError | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(RIBBON_ERROR_KEY);
    if (raw !== null) storage.removeItem(RIBBON_ERROR_KEY);
  } catch {
    return null;
  }
  return raw ? parseRibbonError(raw) : null;
}

/** The message of a stored RibbonError ({ command, at, error: { message, hint } }), or null. */
function parseRibbonError(json: string): PanelError | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null; // not JSON: something else wrote the key
  }
  const { error } = (parsed ?? {}) as { error?: { message?: unknown; hint?: unknown } };
  if (!error || !isBilingual(error.message) || !isBilingual(error.hint)) return null;
  return {
    message: { vi: error.message.vi, en: error.message.en },
    hint: { vi: error.hint.vi, en: error.hint.en },
  };
}
