// The panel with all its tabs loaded eagerly: the playground (one file, no lazy chunks) and the tests. The
// task pane's entry gives PanelView lazily loaded tabs instead (src/taskpane/mountApp.tsx).
import { ActionsTab } from "./ActionsTab";
import { CompareTab } from "./CompareTab";
import { ConfirmCard } from "./ConfirmCard";
import { PanelView, type PanelParts, type PanelProps } from "./PanelView";
import { UnmetList } from "./UnmetList";

export { SHEET_CHANGE_DELAY_MS, type PanelParts, type PanelProps, type PanelTab } from "./PanelView";

/** Every tab, bundled with the panel. */
export const EAGER_PARTS: PanelParts = { UnmetList, CompareTab, ActionsTab, ConfirmCard };

/** The PAR panel (see PanelView), its tabs in the same bundle. */
export function Panel(props: PanelProps) {
  return <PanelView {...props} parts={EAGER_PARTS} />;
}
