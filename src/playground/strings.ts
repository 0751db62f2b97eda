/** The playground's own strings (the panel brings its own), Vietnamese first, English second. */
import type { Lang } from "./gridModel";

export interface PlaygroundStrings {
  title: string;
  intro: string;
  open: string;
  openHint: string;
  download: string;
  sample: string;
  toolbar: string;
  file: (name: string) => string;
  loading: string;
  grid: (sheet: string) => string;
  sheets: string;
  resultsSheet: string;
  formulaBar: string;
  nameBox: string;
  formula: string;
  truncated: (shown: number, total: number) => string;
  panel: string;
  dismiss: string;
  /** Asked before opening another file or the sample over unsaved changes. */
  unsavedTitle: string;
  unsavedBody: (fileName: string, sample: boolean) => string;
  unsavedOpenFile: string;
  unsavedOpenSample: string;
  unsavedKeep: string;
  /** The progress bar's name, and the button that stops opening a file. */
  progress: string;
  cancel: string;
}

export const PLAYGROUND_STRINGS: Record<Lang, PlaygroundStrings> = {
  vi: {
    title: "Trang thử nghiệm",
    intro: "Bảng PAR chạy ngay trong trình duyệt trên tệp .xlsx, không cần Excel. Tệp không rời khỏi máy.",
    open: "Mở tệp .xlsx",
    openHint: "Mở một sổ làm việc Excel (.xlsx) có bảng kết quả PAR INDEX",
    download: "Tải xuống .xlsx",
    sample: "Bảng mẫu",
    toolbar: "Tệp",
    file: (name) => `Tệp: ${name}`,
    loading: "Đang mở tệp…",
    grid: (sheet) => `Trang tính «${sheet}»`,
    sheets: "Các trang tính",
    resultsSheet: "trang có bảng tiêu chí",
    formulaBar: "Thanh công thức",
    nameBox: "Ô đang chọn",
    formula: "Nội dung ô",
    truncated: (shown, total) => `Chỉ hiển thị ${shown} trong ${total} dòng.`,
    panel: "Bảng PAR",
    dismiss: "Đóng thông báo",
    unsavedTitle: "Thay đổi chưa được tải xuống",
    unsavedBody: (name, sample) =>
      `Các thay đổi trong «${name}» chưa được tải xuống và sẽ mất nếu ${sample ? "mở bảng mẫu" : "mở tệp khác"}. Muốn giữ, hãy chọn «Ở lại» rồi «Tải xuống .xlsx».`,
    unsavedOpenFile: "Bỏ thay đổi, mở tệp khác",
    unsavedOpenSample: "Bỏ thay đổi, mở bảng mẫu",
    unsavedKeep: "Ở lại",
    progress: "Tiến độ",
    cancel: "Hủy mở tệp",
  },
  en: {
    title: "Playground",
    intro:
      "The PAR panel in the browser on an .xlsx file, without Excel. The file never leaves this computer.",
    open: "Open .xlsx",
    openHint: "Open an Excel workbook (.xlsx) with a PAR INDEX results table",
    download: "Download .xlsx",
    sample: "Sample table",
    toolbar: "File",
    file: (name) => `File: ${name}`,
    loading: "Opening the file…",
    grid: (sheet) => `Sheet «${sheet}»`,
    sheets: "Sheets",
    resultsSheet: "sheet with the criteria table",
    formulaBar: "Formula bar",
    nameBox: "Selected cell",
    formula: "Cell contents",
    truncated: (shown, total) => `Showing ${shown} of ${total} rows.`,
    panel: "PAR panel",
    dismiss: "Dismiss",
    unsavedTitle: "Changes not downloaded",
    unsavedBody: (name, sample) =>
      `The changes to «${name}» have not been downloaded and will be lost if you ${sample ? "open the sample" : "open another file"}. To keep them, choose «Stay» and then «Download .xlsx».`,
    unsavedOpenFile: "Discard changes, open another file",
    unsavedOpenSample: "Discard changes, open the sample",
    unsavedKeep: "Stay",
    progress: "Progress",
    cancel: "Cancel opening",
  },
};
