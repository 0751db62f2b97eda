/**
 * The texts a change set wrote, moved into the workbook's shared strings at save: one item per distinct
 * text, appended after the part's own (which stay byte for byte), each cell pointing at it. The plan sheet
 * repeats the same texts line after line (a criterion's name and reason on each of its tasks, the agencies,
 * «Chưa thực hiện»): written inline they were most of its 10 MB of XML on a 10,000-row table; shared, each
 * text is written once (issue 14's time target, and a smaller file). While the change set is written the
 * cells hold their text inline, so what a later op reads back (a table's header, a cached result) is the
 * cell's own text.
 *
 * Only the items this change set appends are reused (DirectBook.addSharedString), never the part's own: an
 * item of the user's may be rich text (runs with their own fonts) whose plain text is the same.
 */
import type { DirectBook } from "./book";
import type { CellPart } from "./sheetPart";

/** Each cell of `written` still holding the inline text written becomes a shared-string cell. */
export function shareTexts(book: DirectBook, written: readonly CellPart[]): void {
  for (let i = 0; i < written.length; i++) {
    const c = written[i];
    // A later op may have given the cell something else (a number, a formula, a text with escapes).
    if (
      c.t !== "inlineStr" ||
      c.is === undefined ||
      c.raw !== undefined ||
      c.fXml !== undefined ||
      c.f !== null
    )
      continue;
    c.t = "s";
    c.v = String(book.addSharedString(c.is));
    c.is = undefined;
  }
}
