/**
 * What other front ends (the playground) reuse from the task pane: the same panel, with a Session over
 * a MemoryHost or the xlsx host, inside their own single FluentProvider.
 */
export { App, type AppProps } from "./App";
export { Panel, type PanelProps } from "./components/Panel";
export { OutsideOffice } from "./components/OutsideOffice";
export type { PanelApi, PanelError } from "./panelApi";
export type { Start } from "./boot";
export { STRINGS, langFromDisplayLanguage, type Lang } from "./i18n";
