/**
 * What every host (Excel add-in, .xlsx file, playground) offers the app layer: read a snapshot, apply a
 * change set planned from a snapshot. Hosts keep no undo state: the app computes the inverse change set
 * (core's invertChangeSet on the same snapshot) before applying, and applies it like any other.
 */
import type { ChangeSet, WorkbookSnapshot } from "../core/types";

export interface Host {
  /** The active sheet plus the sheets the add-in owns, as plain data. */
  read(): Promise<WorkbookSnapshot>;
  /** Writes `cs`, planned from `basis`: all of it, or nothing when it does not fit `basis`. */
  apply(cs: ChangeSet, basis: WorkbookSnapshot): Promise<void>;
  /** Shows a sheet row to the user (0-based row), where the host has a UI. */
  selectRow?(sheet: string, row: number): Promise<void>;
}
