/**
 * The "don't ask again" choice of the say-before question, remembered per workbook. Where the panel's api
 * can write it (the Session: `stopAsking`), it goes into the workbook itself, next to the unit profile (a
 * hidden defined name, core/workbookMemory.ts), so the choice travels with the file: the session's preview
 * then says nothing before a command. Where it cannot (or the write fails: a protected workbook), the
 * browser's localStorage keeps it under a key naming the workbook (Excel: the document's URL; playground:
 * the file name). Callers only use `shouldAsk`/`stopAsking`.
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

/** What remembers the choice in the workbook itself (the panel's Session). */
export interface WorkbookNoAsk {
  stopAsking?(): Promise<void>;
}

function rememberHere(workbook: string): void {
  try {
    storage()?.setItem(PREFIX + workbook, "1");
  } catch {
    // quota or blocked storage: the panel simply asks again next time
  }
}

/**
 * The user ticked "don't ask again" for this workbook: written into the workbook by `api` when it can,
 * else (or if that write fails) remembered in this browser.
 */
export function stopAsking(workbook: string, api?: WorkbookNoAsk): void {
  if (!api?.stopAsking) return rememberHere(workbook);
  api.stopAsking().catch((e: unknown) => {
    console.warn("PAR INDEX: 'don't ask again' kept in this browser only / chỉ ghi nhớ trên trình duyệt", e);
    rememberHere(workbook);
  });
}

/** Ask again (for tests and a future "reset" setting). */
export function askAgain(workbook: string): void {
  storage()?.removeItem(PREFIX + workbook);
}
