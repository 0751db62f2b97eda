/**
 * The Office host's statements for conditional formats, workbook-level names, frozen panes and print
 * setup (core/modelExtras.ts is the reference). All within the host's minimum, ExcelApi 1.9:
 * ConditionalFormatCollection.add(custom) and getItem (1.6), NamedItemCollection.add and NamedItem.delete
 * (1.4), NamedItem.visible (1.1), freezePanes (1.7), pageLayout (1.9).
 */
import type { Op } from "../../core/types";
import { rectAddress } from "../../core/address";
import { offsetFormula } from "../../core/conditional";

type ExtraOp = Extract<
  Op,
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
            names.getItemOrNullObject(op.name).delete();
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
