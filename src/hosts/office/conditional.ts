/**
 * The add-in's conditional-format rules as the Office host reads them: what the read loads of a sheet's
 * collection and how a loaded collection becomes the snapshot's custom rules (the read and writeExtras both
 * use them).
 */
import type { ConditionalRule } from "../../core/types";
import { areaRects } from "./convert";

/**
 * What is loaded of a sheet's conditional formats in the first request: the custom ones' formula and colours
 * (customOrNullObject: a null object for other kinds). Their ranges are a method's (ConditionalFormat.getRanges,
 * ExcelApi 1.9; getRange throws and getRangeOrNullObject gives a null object for a rule on several ranges):
 * the read asks them by index (getItemAt) in the same request when it knows how many rules there are.
 */
export const CONDITIONAL_LOAD =
  "items/id, items/type, items/customOrNullObject/rule/formula, items/customOrNullObject/format/fill/color, items/customOrNullObject/format/font/color";

/**
 * The custom rules of a loaded ConditionalFormatCollection, with their ranges where `ranges` (rule id → the
 * address getRanges gave) knows them, else none.
 */
export function customRules(
  conditional: Excel.ConditionalFormatCollection,
  ranges: ReadonlyMap<string, string> = new Map(),
): ConditionalRule[] {
  return conditional.items.flatMap((cf) => {
    const c = cf.customOrNullObject;
    if (cf.type !== "Custom" || c.isNullObject) return [];
    const address = ranges.get(cf.id);
    const rule: ConditionalRule = {
      ranges: address ? areaRects(address) : [],
      formula: c.rule.formula,
      id: cf.id,
    };
    if (c.format.fill.color) rule.fill = c.format.fill.color.toUpperCase();
    if (c.format.font.color) rule.fontColor = c.format.font.color.toUpperCase();
    return [rule];
  });
}
