/**
 * What other front ends (the playground) reuse from the task pane: the same panel, with a Session over
 * a MemoryHost or the xlsx host, inside their own single FluentProvider.
 */
export { Panel, type PanelProps } from "./components/Panel";
export type { PanelApi, PanelError } from "./panelApi";
export { STRINGS, langFromDisplayLanguage, type Lang } from "./i18n";
