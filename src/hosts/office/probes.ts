/**
 * Probes: the first PROBE_ROWS rows of every visible sheet, queued in the read's first batch (the app
 * chooses the criteria sheet from them). The sheet names are not known before that sync, so the visible
 * sheets are walked as a chain (worksheets.getFirst(true), then getNextOrNullObject(true)) PROBE_CHAIN long;
 * a workbook with more visible sheets than that has the rest walked in further syncs (rare).
 */
import { PROBE_ROWS, type CellValue, type SheetSnapshot } from "../../core/types";
import { parseAddress } from "./convert";

/** Visible sheets walked in the first batch. */
export const PROBE_CHAIN = 12;

interface ProbeLoad {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** Queues the name and first rows of `count` visible sheets after `from` (from the first one when null). */
export function queueProbes(workbook: Excel.Workbook, from: Excel.Worksheet | null, count = PROBE_CHAIN) {
  const loads: ProbeLoad[] = [];
  let sheet = from ? from.getNextOrNullObject(true) : workbook.worksheets.getFirst(true);
  for (let i = 0; i < count; i++) {
    if (i > 0) sheet = sheet.getNextOrNullObject(true);
    sheet.load("name");
    // No getRange on a sheet that may be a null object (some Excel versions fail the batch over it).
    const used = sheet.getUsedRangeOrNullObject(true).getIntersectionOrNullObject(`1:${PROBE_ROWS}`);
    used.load("address, values");
    loads.push({ sheet, used });
  }
  return loads;
}

/**
 * The probes of a synced chain, by sheet name, leaving out `skip` (the criteria sheet, the owned sheets);
 * and the chain's last sheet when the chain did not reach the end (walk on from it).
 */
export function probesOf(
  loads: ProbeLoad[],
  skip: ReadonlySet<string>,
  into: Record<string, SheetSnapshot>,
): Excel.Worksheet | null {
  for (const { sheet, used } of loads) {
    if (sheet.isNullObject) return null;
    if (skip.has(sheet.name)) continue;
    const rect = used.isNullObject ? null : parseAddress(used.address);
    into[sheet.name] = rect
      ? {
          name: sheet.name,
          top: rect.top,
          left: rect.left,
          values: used.values.map((row) => row.map((v) => (v === "" ? null : (v as CellValue)))),
        }
      : { name: sheet.name, top: 0, left: 0, values: [] };
  }
  return loads.length ? loads[loads.length - 1].sheet : null;
}
