// Playground entry: the task pane's panel outside Excel, beside a grid, over an .xlsx workbook in the
// browser (ExcelJS through the xlsx host). One React root, one FluentProvider; no office.js on this page.
// The same bundle started as a Web Worker (./docClient.ts) holds a document instead: ./docWorker.ts.
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Playground } from "./Playground";
import { IN_WORKER, startDocWorker } from "./docWorker";

if (IN_WORKER) startDocWorker();
else {
  const container = document.getElementById("root");
  if (container) {
    createRoot(container).render(
      <FluentProvider theme={webLightTheme}>
        <Playground />
      </FluentProvider>,
    );
  }
}
