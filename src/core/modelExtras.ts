/**
 * The workbook model's ops beyond cells and tables: conditional-formatting rules, workbook-level defined
 * names, frozen panes and print setup. Each op is simulated here with its inverse derived from the state
 * before it (core/model.ts calls these). Pure.
 */
import type { ConditionalRule, DefinedName, Op, PageSetup, Rect } from "./types";
import { shiftRect } from "./address";
import { shiftFormulaColumns } from "./formula";

type ExtraOp = Extract<
  Op,
  { op: "addConditionalFormats" | "removeConditionalFormats" | "setName" | "freezePanes" | "setPageSetup" }
>;

/** What a sheet model holds besides cells. */
export interface SheetExtras {
  name: string;
  conditionalFormats: ConditionalRule[];
  frozen: { rows: number; cols: number };
  pageSetup: PageSetup;
}

/** What the workbook model holds besides sheets. */
export interface WorkbookExtras {
  names: DefinedName[];
  sheet(name: string): SheetExtras;
}

const copyRule = (r: ConditionalRule): ConditionalRule => ({ ...r, ranges: r.ranges.map((x) => ({ ...x })) });

/** Two rules are the same rule: same formula and ranges (and the same id when both have one). */
export function sameRule(a: ConditionalRule, b: ConditionalRule): boolean {
  if (a.id !== undefined && b.id !== undefined && a.id !== b.id) return false;
  if (a.formula.replace(/^=/, "") !== b.formula.replace(/^=/, "")) return false;
  if (a.ranges.length !== b.ranges.length) return false;
  return a.ranges.every((r, i) => {
    const o = b.ranges[i];
    return r.top === o.top && r.left === o.left && r.rows === o.rows && r.cols === o.cols;
  });
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function isExtraOp(op: Op): op is ExtraOp {
  return (
    op.op === "addConditionalFormats" ||
    op.op === "removeConditionalFormats" ||
    op.op === "setName" ||
    op.op === "freezePanes" ||
    op.op === "setPageSetup"
  );
}

/** The ops that undo `op`, from the state before it. */
export function inverseOfExtra(m: WorkbookExtras, op: ExtraOp): Op[] {
  switch (op.op) {
    case "addConditionalFormats":
      return [{ op: "removeConditionalFormats", sheet: op.sheet, rules: op.rules.map(copyRule) }];
    case "removeConditionalFormats": {
      const s = m.sheet(op.sheet);
      const gone = s.conditionalFormats.filter((r) => op.rules.some((x) => sameRule(r, x)));
      return gone.length
        ? [
            {
              op: "addConditionalFormats",
              sheet: op.sheet,
              rules: gone.map((r) => {
                const c = copyRule(r);
                delete c.id;
                return c;
              }),
            },
          ]
        : [];
    }
    case "setName": {
      const prev = m.names.find((n) => sameName(n.name, op.name));
      return [
        prev
          ? { op: "setName", sheet: op.sheet, name: prev.name, ref: prev.ref, hidden: prev.hidden }
          : { op: "setName", sheet: op.sheet, name: op.name, ref: null },
      ];
    }
    case "freezePanes": {
      const f = m.sheet(op.sheet).frozen;
      return [{ op: "freezePanes", sheet: op.sheet, rows: f.rows, cols: f.cols }];
    }
    case "setPageSetup": {
      const before = m.sheet(op.sheet).pageSetup;
      const setup: PageSetup = {};
      // A field the sheet did not have goes back to Excel's default.
      if ("orientation" in op.setup) setup.orientation = before.orientation ?? "portrait";
      if ("paper" in op.setup) setup.paper = before.paper ?? "A4";
      if ("repeatRows" in op.setup) setup.repeatRows = before.repeatRows;
      if ("fitToWidth" in op.setup) setup.fitToWidth = before.fitToWidth ?? false;
      return [{ op: "setPageSetup", sheet: op.sheet, setup }];
    }
  }
}

/** Simulates `op`. */
export function applyExtra(m: WorkbookExtras, op: ExtraOp): void {
  switch (op.op) {
    case "addConditionalFormats":
      m.sheet(op.sheet).conditionalFormats.push(
        ...op.rules.map((r) => {
          const c = copyRule(r);
          delete c.id;
          return c;
        }),
      );
      return;
    case "removeConditionalFormats": {
      const s = m.sheet(op.sheet);
      s.conditionalFormats = s.conditionalFormats.filter((r) => !op.rules.some((x) => sameRule(r, x)));
      return;
    }
    case "setName": {
      m.names = m.names.filter((n) => !sameName(n.name, op.name));
      if (op.ref !== null) m.names.push({ name: op.name, ref: op.ref, hidden: op.hidden === true });
      return;
    }
    case "freezePanes":
      m.sheet(op.sheet).frozen = { rows: op.rows, cols: op.cols };
      return;
    case "setPageSetup": {
      const s = m.sheet(op.sheet);
      const next: PageSetup = { ...s.pageSetup };
      for (const [k, v] of Object.entries(op.setup) as [keyof PageSetup, unknown][]) {
        if (v === undefined) delete next[k];
        else (next as Record<string, unknown>)[k] = v;
      }
      s.pageSetup = next;
      return;
    }
  }
}

/** Conditional formats follow inserted/deleted columns: ranges move, formulas move their references. */
export function shiftExtrasColumns(
  s: SheetExtras,
  at: number,
  count: number,
  rows?: { top: number; bottom: number },
): void {
  s.conditionalFormats = s.conditionalFormats.flatMap((rule) => {
    if (!rule.ranges.length)
      return [{ ...rule, formula: shiftFormulaColumns(rule.formula, s.name, s.name, at, count, rows) }];
    const ranges = rule.ranges.flatMap((r) => {
      const moved = shiftRect(r, at, count, rows);
      return moved ? [moved] : [];
    });
    if (!ranges.length) return [];
    const formula = shiftFormulaColumns(rule.formula, s.name, s.name, at, count, rows);
    return [{ ...rule, ranges, formula }];
  });
}

/** Ops that put back a deleted sheet's extras. */
export function restoreExtrasOps(s: SheetExtras): Op[] {
  const ops: Op[] = [];
  if (s.conditionalFormats.length)
    ops.push({ op: "addConditionalFormats", sheet: s.name, rules: s.conditionalFormats.map(copyRule) });
  if (s.frozen.rows || s.frozen.cols)
    ops.push({ op: "freezePanes", sheet: s.name, rows: s.frozen.rows, cols: s.frozen.cols });
  if (Object.keys(s.pageSetup).length)
    ops.push({ op: "setPageSetup", sheet: s.name, setup: { ...s.pageSetup } });
  return ops;
}

export const rectsOf = (rules: readonly ConditionalRule[]): Rect[] => rules.flatMap((r) => r.ranges);
