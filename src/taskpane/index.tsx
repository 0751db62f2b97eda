// Task pane entry (placeholder): the real PAR panel arrives with its own issue.
// Shows the add-in title once office.js is ready, or a bilingual hint when office.js never loads.
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { Body1, FluentProvider, Spinner, Title2, webLightTheme } from "@fluentui/react-components";

export const OFFICE_READY_TIMEOUT_MS = 5000;

type OfficeState = { kind: "loading" } | { kind: "ready"; host: string | null } | { kind: "timeout" };

/** Resolves when Office.onReady fires, or with "timeout" if office.js is missing or never initialises. */
export function waitForOffice(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<OfficeState> {
  return new Promise((resolve) => {
    if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
      resolve({ kind: "timeout" }); // the office.js <script> failed to load (offline, blocked CDN)
      return;
    }
    const timer = setTimeout(() => resolve({ kind: "timeout" }), timeoutMs);
    void Office.onReady((info) => {
      clearTimeout(timer);
      resolve({ kind: "ready", host: info.host ? String(info.host) : null });
    });
  });
}

function App() {
  const [state, setState] = useState<OfficeState>({ kind: "loading" });
  useEffect(() => {
    void waitForOffice().then(setState);
  }, []);
  return (
    <main style={{ padding: 16, display: "grid", gap: 12 }}>
      <Title2 as="h1">Chỉ số CCHC (PAR INDEX)</Title2>
      {state.kind === "loading" && <Spinner size="tiny" label="Đang tải Office… / Loading Office…" />}
      {state.kind === "ready" && state.host === null && (
        <Body1>
          Trang này đang mở ngoài Excel; hãy mở trong Excel để dùng. / This page is open outside Excel; open
          it in Excel to use it.
        </Body1>
      )}
      {state.kind === "timeout" && (
        <Body1 role="alert">
          Không tải được Office.js sau 5 giây: hãy mở phần bổ trợ trong Excel và kiểm tra kết nối mạng. /
          Office.js did not load within 5 seconds: open the add-in in Excel and check the network connection.
        </Body1>
      )}
    </main>
  );
}

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}
