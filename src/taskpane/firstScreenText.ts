/**
 * The words of the task pane's first screen, apart from the rest of ./i18n.ts so the pane's tiny first chunk
 * (./index.ts, ./firstPaint.ts) carries only these. ./i18n.ts re-exports them and builds on them.
 */
export type Lang = "vi" | "en";

/** The pane's title, the same in both languages. */
export const PANE_TITLE = "Chỉ số CCHC (PAR INDEX)";

/** While office.js gets ready and the panel loads. */
export const LOADING: Record<Lang, string> = { vi: "Đang tải…", en: "Loading…" };

/** The page shown outside Office: both languages at once, since Office's language is unknown there. */
export const OUTSIDE_OFFICE: Record<
  Lang,
  { heading: string; body: string; steps: readonly string[]; playground: string; playgroundNote: string }
> = {
  vi: {
    heading: "Hãy mở bảng này trong Excel",
    body: "Trang này là ngăn tác vụ của phần bổ trợ Excel và chỉ hoạt động bên trong Excel.",
    steps: [
      "Mở sổ làm việc có bảng tự đánh giá trong Excel.",
      "Trên thẻ Trang đầu, chọn Chỉ số CCHC › Mở bảng PAR.",
    ],
    playground: "Mở trang thử nghiệm (playground)",
    playgroundNote: "Trang thử nghiệm chạy ngay trong trình duyệt, không cần Excel.",
  },
  en: {
    heading: "Open this panel in Excel",
    body: "This page is the task pane of an Excel add-in and only works inside Excel.",
    steps: [
      "Open the workbook with the self-assessment table in Excel.",
      "On the Home tab, choose PAR INDEX › Open PAR panel.",
    ],
    playground: "Open the playground",
    playgroundNote: "The playground runs in the browser, without Excel.",
  },
};

export const PLAYGROUND_URL = "playground.html";
