// The commands' words, apart from the actions tab: the panel's first screen needs them (Recalculate, the
// confirm card) while the actions tab loads lazily in the task pane.
import type { CommandId, PanelCommand } from "../panelApi";
import type { Strings } from "../i18n";

/** The secondary actions, in the order the panel shows them. */
export const SECONDARY: readonly {
  id: Exclude<CommandId, "recalc" | "recalc-only" | "highlight" | "convert-unicode">;
  key: "assign" | "plan" | "exportCatalogue" | "clearHighlight";
}[] = [
  { id: "assign", key: "assign" },
  { id: "plan", key: "plan" },
  { id: "export-catalogue", key: "exportCatalogue" },
  { id: "clear-highlight", key: "clearHighlight" },
];

/** A command's button text and tooltip. */
export function commandWords(t: Strings, id: PanelCommand): { label: string; description: string } {
  if (id === "apply-all") return { label: t.doEverything, description: t.doEverythingDescription };
  if (id === "convert-unicode") return { label: t.convertUnicode, description: t.convertUnicodeDescription };
  if (id === "recalc" || id === "recalc-only" || id === "highlight")
    return { label: t.recalc, description: t.recalcDescription };
  const key = SECONDARY.find((s) => s.id === id)!.key;
  return { label: t[key], description: t[`${key}Description`] };
}
