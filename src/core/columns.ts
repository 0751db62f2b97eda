/**
 * Column helpers the commands that add columns share (recalc inserts gap/percent, assign adds three agency
 * columns): where snapshot columns move to after inserts, the insert op itself, the header rows an added
 * column is titled on, and the header style it gets.
 */
import type { CellStyle, Op, Rect, SheetSnapshot } from "./types";
import type { Analysis } from "./analyze";
import { formatAt, type Role, type TableLayout } from "./table";
import { isBlankCell } from "./text";

/** Column positions before and after a list of column insertions. */
export class ColumnShift {
  constructor(readonly inserts: readonly { at: number; count: number }[] = []) {}
  /** Snapshot column → column after the inserts. */
  forward(col: number): number {
    let c = col;
    for (const i of this.inserts) if (c >= i.at) c += i.count;
    return c;
  }
  /** Column after the inserts → snapshot column, or null for an inserted column. */
  back(col: number): number | null {
    let c = col;
    for (let k = this.inserts.length - 1; k >= 0; k--) {
      const i = this.inserts[k];
      if (c >= i.at + i.count) c -= i.count;
      else if (c >= i.at) return null;
    }
    return c;
  }
}

/** A table's layout once the shift's columns are inserted. */
export function shiftLayout(t: TableLayout, shift: ColumnShift): TableLayout {
  const columns: TableLayout["columns"] = {};
  for (const [role, col] of Object.entries(t.columns) as [Role, number][]) columns[role] = shift.forward(col);
  const added = shift.inserts.reduce((n, i) => n + i.count, 0);
  return {
    ...t,
    columns,
    left: shift.forward(t.left),
    right: shift.forward(t.left) + (t.right - t.left) + added,
  };
}

/** Inserting `count` columns at `at`: whole sheet columns, or columns of the Excel table `table`. */
export function insertColumnsOp(
  sheet: string,
  at: number,
  count: number,
  table?: { name: string; rect: Rect },
): Op {
  return table
    ? { op: "insertColumns", sheet, at, count, table: { name: table.name, rect: { ...table.rect } } }
    : { op: "insertColumns", sheet, at, count };
}

/** Whether a sheet column holds nothing from the top of the snapshot to its bottom. */
export function columnIsEmpty(sheet: SheetSnapshot, col: number): boolean {
  if (col < sheet.left) return false;
  const c = col - sheet.left;
  const values = sheet.values;
  for (let r = 0; r < values.length; r++) if (!isBlankCell(values[r][c])) return false;
  return true;
}

/** The rows an added column is titled on: the header row and any header repeated mid-table. */
export function headerRowsOf(a: Analysis): number[] {
  return [a.table.headerRow, ...a.skipped.filter((s) => s.why === "header").map((s) => s.row)];
}

/** The style of an added column's header: bold when the table's headers are, wrapped and centred. */
export function addedHeaderStyle(sheet: SheetSnapshot, t: TableLayout): CellStyle {
  return {
    bold: !!formatAt(sheet, sheet.bold, t.headerRow, t.columns.achieved!),
    wrap: true,
    horizontalAlignment: "Center",
  };
}
