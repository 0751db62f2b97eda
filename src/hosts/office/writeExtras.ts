/**
 * The Office host's statements for conditional formats, workbook-level names, frozen panes and print
 * setup (the core's simulation of these ops is the reference). All within the host's minimum, ExcelApi 1.9:
 * ConditionalFormatCollection.add(custom) and getItem (1.6), NamedItemCollection.add and NamedItem.delete
 * (1.4), NamedItem.visible (1.1), freezePanes (1.7), pageLayout (1.9).
 */
import type { ConditionalRule } from "../../core/types";
import type { ResolvedOp } from "../../core/prepare";
import { RUN_OPTIONS } from "./read";
import { CONDITIONAL_LOAD, customRules } from "./conditional";
import { toAddinError } from "./errors";
import { rectAddress } from "../../core/address";
import { offsetFormula } from "../../core/conditional";

type ExtraOp = Extract<
  ResolvedOp,
  { op: "addConditionalFormats" | "removeConditionalFormats" | "setName" | "freezePanes" | "setPageSetup" }
>;

/** What write.ts needs to queue one statement: the proxies of the request. */
export interface ExtraQueue {
  readonly context: Excel.RequestContext;
  sheet(name: string): Excel.Worksheet;
}

export interface ExtraStep {
  args: unknown;
  queue(q: ExtraQueue): void;
}

/** The statements for one op, in order. */
export function extraSteps(op: ExtraOp): ExtraStep[] {
  switch (op.op) {
    case "addConditionalFormats":
      // One conditional format per range: the formula seen from that range's top-left cell.
      return op.rules.flatMap((rule) =>
        rule.ranges.map((r) => {
          const anchor = rule.ranges[0];
          const formula = offsetFormula(rule.formula, r.top - anchor.top, r.left - anchor.left);
          const address = rectAddress(r);
          return {
            args: [address, formula, rule.fill, rule.fontColor],
            queue: (q: ExtraQueue) => {
              const cf = q
                .sheet(op.sheet)
                .getRange(address)
                .conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
              cf.custom.rule.formula = formula;
              if (rule.fill) cf.custom.format.fill.color = rule.fill;
              if (rule.fontColor) cf.custom.format.font.color = rule.fontColor;
            },
          };
        }),
      );
    case "removeConditionalFormats":
      // By the id the read gave (writePrepared resolves the ids of rules an earlier change set added).
      return op.rules.flatMap((rule) =>
        rule.id === undefined
          ? []
          : [
              {
                args: rule.id,
                queue: (q: ExtraQueue) => {
                  q.sheet(op.sheet).getRange().conditionalFormats.getItem(rule.id!).delete();
                },
              },
            ],
      );
    case "setName":
      return [
        {
          args: op,
          queue: (q: ExtraQueue) => {
            const names = q.context.workbook.names;
            // By getItem, and only when the read saw the name: no call is made on a null object.
            if (op.exists) names.getItem(op.name).delete();
            if (op.ref === null) return;
            const item = names.add(op.name, op.ref);
            if (op.hidden) item.visible = false;
          },
        },
      ];
    case "freezePanes":
      return [
        {
          args: op,
          queue: (q: ExtraQueue) => {
            const panes = q.sheet(op.sheet).freezePanes;
            panes.unfreeze();
            if (op.rows && op.cols)
              panes.freezeAt(rectAddress({ top: 0, left: 0, rows: op.rows, cols: op.cols }));
            else if (op.rows) panes.freezeRows(op.rows);
            else if (op.cols) panes.freezeColumns(op.cols);
          },
        },
      ];
    case "setPageSetup":
      return [
        {
          args: op,
          queue: (q: ExtraQueue) => {
            const layout = q.sheet(op.sheet).pageLayout;
            const st = op.setup;
            if ("orientation" in st)
              layout.orientation = (
                st.orientation === "landscape" ? "Landscape" : "Portrait"
              ) as Excel.PageOrientation;
            if (st.paper === "A4") layout.paperSize = "A4" as Excel.PaperType;
            if ("repeatRows" in st) {
              if (st.repeatRows)
                layout.setPrintTitleRows(`$${st.repeatRows.first + 1}:$${st.repeatRows.last + 1}`);
              else layout.setPrintTitleRows("");
            }
            if ("fitToWidth" in st)
              layout.zoom = st.fitToWidth
                ? { horizontalFitToPages: 1, verticalFitToPages: 0 }
                : { scale: 100 };
          },
        },
      ];
  }
}

const norm = (f: string) => f.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();

/**
 * The ops with an id on every rule a removeConditionalFormats names without one (rules added by an earlier
 * change set: undo): Excel's custom rules of those sheets are read once and matched by formula (as seen
 * from each range, one Excel rule per range) and fill. A rule not found is gone already and is dropped.
 */
export async function withRuleIds(ops: readonly ResolvedOp[]): Promise<ResolvedOp[]> {
  const sheets = new Set(
    ops.flatMap((o) =>
      o.op === "removeConditionalFormats" && o.rules.some((r) => r.id === undefined) ? [o.sheet] : [],
    ),
  );
  if (!sheets.size) return [...ops];
  let found: Map<string, ConditionalRule[]>;
  try {
    found = await Excel.run(RUN_OPTIONS, async (context) => {
      const loads = [...sheets].map((name) => {
        const c = context.workbook.worksheets.getItem(name).getRange().conditionalFormats;
        c.load(CONDITIONAL_LOAD);
        return { name, c };
      });
      await context.sync();
      return new Map(loads.map(({ name, c }) => [name, customRules(c)]));
    });
  } catch (e) {
    throw toAddinError(e);
  }
  return ops.map((o) => {
    if (o.op !== "removeConditionalFormats") return o;
    const pool = [...(found.get(o.sheet) ?? [])];
    const rules = o.rules.flatMap((rule): ConditionalRule[] => {
      if (rule.id !== undefined) return [rule];
      const anchor = rule.ranges[0];
      return rule.ranges.flatMap((r) => {
        const formula = norm(offsetFormula(rule.formula, r.top - anchor.top, r.left - anchor.left));
        const i = pool.findIndex(
          (x) => norm(x.formula) === formula && (x.fill ?? null) === (rule.fill?.toUpperCase() ?? null),
        );
        if (i < 0) return [];
        const [hit] = pool.splice(i, 1);
        return [{ ranges: [r], formula: rule.formula, fill: rule.fill, id: hit.id }];
      });
    });
    return { ...o, rules };
  });
}
