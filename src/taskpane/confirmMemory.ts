/**
 * The "don't ask again" choice of the say-before question, remembered per workbook. For now in the
 * browser's localStorage under a key naming the workbook (Excel: the document's URL; playground: the file
 * name). Where it should move: the workbook itself, next to the unit profile (workbook-level defined names
 * or the add-in's settings), so the choice travels with the file; callers only use `shouldAsk`/`stopAsking`.
 */
const PREFIX = "par-index:no-ask:";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage blocked (private mode, sandboxed webview)
  }
}

/** Whether the panel should ask before a structural command in this workbook. */
export function shouldAsk(workbook: string): boolean {
  return storage()?.getItem(PREFIX + workbook) !== "1";
}

/** The user ticked "don't ask again" for this workbook. */
export function stopAsking(workbook: string): void {
  try {
    storage()?.setItem(PREFIX + workbook, "1");
  } catch {
    // quota or blocked storage: the panel simply asks again next time
  }
}

/** Ask again (for tests and a future "reset" setting). */
export function askAgain(workbook: string): void {
  storage()?.removeItem(PREFIX + workbook);
}
