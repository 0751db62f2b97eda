/**
 * Excel events the task pane follows: for now only "another worksheet became active", so the panel can
 * re-read the sheet the user is looking at. Loaded lazily by the task pane's glue (never in its first
 * chunk), and kept apart from excelHost.ts so that it imports nothing.
 *
 * Events are a convenience, never a requirement: without ExcelApi 1.7, outside Excel, or when Excel refuses
 * the registration, the subscription resolves to a remover that does nothing, and the panel keeps working
 * through its "Tính lại" button.
 */

/** Worksheet events (Worksheets.onActivated) arrived in ExcelApi 1.7. */
export const EVENTS_API = "1.7";

/** Removes a registered handler; safe to call more than once, never rejects. */
export type EventRemover = () => Promise<void>;

const noop: EventRemover = async () => {};

function eventsSupported(): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      typeof Excel !== "undefined" &&
      !!Office.context?.requirements?.isSetSupported("ExcelApi", EVENTS_API)
    );
  } catch {
    return false;
  }
}

/**
 * Calls `handler` whenever a worksheet of the workbook is activated (by the user or by the add-in itself),
 * until the returned remover is called. The handler is registered in one Excel.run and removed with the
 * same request context, as Office.js requires. Never rejects: any failure gives a no-op remover.
 */
export async function onSheetActivated(handler: () => void): Promise<EventRemover> {
  if (!eventsSupported()) return noop;
  try {
    const registration = await Excel.run(async (context) => {
      const result = context.workbook.worksheets.onActivated.add(async () => {
        try {
          handler();
        } catch (e) {
          console.warn("PAR: the sheet-activated handler failed", e);
        }
      });
      await context.sync();
      return result;
    });
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      try {
        await Excel.run(registration.context, async (context) => {
          registration.remove();
          await context.sync();
        });
      } catch (e) {
        console.warn("PAR: the sheet-activated handler could not be removed", e);
      }
    };
  } catch (e) {
    console.warn("PAR: worksheet events are unavailable; the panel refreshes on its commands only", e);
    return noop;
  }
}
