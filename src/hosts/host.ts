/**
 * What every host (Excel add-in, .xlsx file, playground) offers the app layer: read a snapshot, apply a
 * change set prepared on that snapshot. Hosts keep no undo state and no model of the workbook: core's
 * `prepare` (src/core/prepare.ts) checks the change set once, resolves every op to absolute facts and
 * derives its inverse; the host writes the resolved ops as they are.
 */
import type { WorkbookSnapshot } from "../core/types";
import type { PreparedOk } from "../core/prepare";

export interface ReadRequest {
  /** Read this sheet as `active` (the criteria sheet the app chose) instead of the active/first one. */
  sheet?: string;
}

export interface Host {
  /**
   * The active sheet (or `opts.sheet`) plus the sheets the add-in owns, as plain data, with `probes`: the
   * first rows of every other visible sheet the add-in does not own.
   */
  read(opts?: ReadRequest): Promise<WorkbookSnapshot>;
  /** Writes a change set prepared (core's `prepare`) on the host's last read: all of it, or nothing. */
  apply(p: PreparedOk): Promise<void>;
  /** Shows a sheet row to the user (0-based row), where the host has a UI. */
  selectRow?(sheet: string, row: number): Promise<void>;
}
