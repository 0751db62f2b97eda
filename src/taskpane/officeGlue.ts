/**
 * The task pane's only link to Excel: the Office host (src/hosts/office), loaded lazily as its own chunk
 * and shaped into the session's SessionHost, and its events (src/hosts/office/events.ts, same lazy chunk)
 * shaped into the panel's `subscribeSheetChanges`. Nothing here talks to Excel itself. If the chunk cannot
 * be loaded, each call fails with a bilingual message (the panel shows it) and the next call tries again;
 * a subscription that cannot be made is simply absent (the panel still refreshes on its commands).
 */
import type { SessionHost } from "../app/session";
import { AddinError } from "../app/errors";
import type { PreparedOk } from "../app/types";

/** The parts of src/hosts/office the glue uses. */
export interface OfficeHostModule {
  OfficeHost: SessionHost;
  /**
   * Office.js errors → the host's classified error. Goes when the host throws AddinError itself (issue
   * 14, hosts' branch); the app's describeError reads either.
   */
  toAddinError?(e: unknown): unknown;
}

export const loadOfficeHostModule = (): Promise<OfficeHostModule> =>
  import(/* webpackChunkName: "office-host" */ "../hosts/office");

function unavailable(cause: unknown): AddinError {
  console.error("PAR: the Office host could not be loaded", cause);
  return new AddinError("unexpected", { loading: "office-host", detail: String(cause) });
}

/** A SessionHost over the Office host module, loaded on first use. `load` is replaceable for tests. */
export function createOfficeSessionHost(
  load: () => Promise<OfficeHostModule> = loadOfficeHostModule,
): SessionHost {
  let pending: Promise<OfficeHostModule> | null = null;
  const hostModule = () => {
    pending ??= load().catch((e: unknown) => {
      pending = null; // try again on the next command
      throw unavailable(e);
    });
    return pending;
  };
  /** Runs `f` on the host, Office.js errors classified (the session turns them into words). */
  const call = async <T>(f: (m: OfficeHostModule) => Promise<T>): Promise<T> => {
    const m = await hostModule();
    try {
      return await f(m);
    } catch (e) {
      throw m.toAddinError ? m.toAddinError(e) : e;
    }
  };
  return {
    read: (opts?: { sheet?: string }) => call((m) => m.OfficeHost.read(opts)),
    apply: (p: PreparedOk) => call((m) => m.OfficeHost.apply(p)),
    selectRow: (sheet: string, row: number) => call(async (m) => m.OfficeHost.selectRow?.(sheet, row)),
  };
}

/** The part of src/hosts/office/events.ts the glue uses. */
export interface OfficeEventsModule {
  /** Registers `handler` for "a worksheet was activated"; resolves to its remover (a no-op on failure). */
  onSheetActivated(handler: () => void): Promise<() => Promise<void>>;
}

// Named like the host's chunk, so webpack puts both in the one lazily loaded Office chunk.
export const loadOfficeEventsModule = (): Promise<OfficeEventsModule> =>
  import(/* webpackChunkName: "office-host" */ "../hosts/office/events");

/**
 * The panel's `subscribeSheetChanges` in Excel: `onChange` is called when the user (or the add-in) makes
 * another worksheet active. Synchronous for the panel: the returned function unsubscribes at once, even
 * while the registration is still on its way (it is then removed as soon as it is made).
 */
export function createSheetChangeSubscription(
  load: () => Promise<OfficeEventsModule> = loadOfficeEventsModule,
): (onChange: () => void) => () => void {
  return (onChange) => {
    let active = true;
    let remove: (() => Promise<void>) | null = null;
    const dispose = (r: () => Promise<void>) => void r().catch(() => {});
    load()
      .then((m) => m.onSheetActivated(() => active && onChange()))
      .then(
        (r) => {
          if (active) remove = r;
          else dispose(r);
        },
        (e: unknown) => console.warn("PAR: the panel will not follow sheet changes", e),
      );
    return () => {
      active = false;
      if (remove) dispose(remove);
      remove = null;
    };
  };
}

/** The compatibility check (`?selfcheck`): the host's runSelfCheck, from the same lazy chunk. */
export const runSelfCheck = () =>
  import(/* webpackChunkName: "office-host" */ "../hosts/office/selfCheck").then(async (m) => {
    const report = await m.runSelfCheck();
    return { report, text: m.reportText(report) };
  });
