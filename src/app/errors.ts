/**
 * Every user-facing error text of the add-in, in one place: a failure (an AddinError from the core, the
 * catalogue or a host; or anything else) becomes a UserError — its code, what went wrong and what the user
 * can do, Vietnamese first, English second, in plain words a commune official understands. Front ends show
 * `message` and `hint`; they tell errors apart by `code`, never by the words.
 */
import { AddinError, type ErrorCode, type ErrorDetails } from "../core/errors";

export { AddinError, type ErrorCode, type ErrorDetails };

/** A text in both languages the add-in speaks. The one definition; everything else imports it. */
export type Bilingual = { vi: string; en: string };

export interface UserError {
  code: ErrorCode;
  message: Bilingual;
  hint: Bilingual;
}

type Texts = { message: Bilingual; hint: Bilingual };

const str = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;

/** «Name» when a detail names it, else nothing (the sentence reads well either way). */
const named = (v: unknown): string => {
  const s = str(v);
  return s === undefined ? "" : ` «${s}»`;
};

const TRY_AGAIN: Bilingual = {
  vi: "Bấm lại; nếu lỗi lặp lại, hãy lưu tệp, mở lại Excel rồi thử lại.",
  en: "Try again; if it happens again, save the file, reopen Excel and retry.",
};

/** The command that converts a file to .xlsx without Excel (LibreOffice). */
const CONVERT = "soffice --headless --convert-to xlsx TỆP";
const CONVERT_EN = "soffice --headless --convert-to xlsx FILE";

const SAVE_AS_XLSX: Bilingual = {
  vi: `Mở tệp trong Excel rồi lưu lại thành «Sổ làm việc Excel (.xlsx)», hoặc chuyển bằng LibreOffice: ${CONVERT}.`,
  en: `Open it in Excel and save it as «Excel Workbook (.xlsx)», or convert it with LibreOffice: ${CONVERT_EN}.`,
};

/** A file that is not a workbook the tool reads, by what the bytes turned out to be (sniff.ts `kind`). */
function unreadableKind(kind: string | undefined, file: string): Texts {
  const what: Record<string, Bilingual> = {
    xlsb: {
      vi: `Tệp${file} là sổ làm việc nhị phân (.xlsb), công cụ chỉ đọc được tệp .xlsx.`,
      en: `The file${file} is a binary workbook (.xlsb); only .xlsx files can be read.`,
    },
    ods: {
      vi: `Tệp${file} là bảng tính OpenDocument (.ods), công cụ chỉ đọc được tệp .xlsx.`,
      en: `The file${file} is an OpenDocument spreadsheet (.ods); only .xlsx files can be read.`,
    },
    docx: {
      vi: `Tệp${file} là văn bản Word, không phải sổ làm việc Excel.`,
      en: `The file${file} is a Word document, not an Excel workbook.`,
    },
    zip: {
      vi: `Tệp${file} là tệp nén (.zip) không chứa sổ làm việc Excel.`,
      en: `The file${file} is a zip archive that holds no Excel workbook.`,
    },
    "zip-damaged": {
      vi: `Tệp${file} bị hỏng hoặc chưa tải về đủ (tệp nén không đọc được).`,
      en: `The file${file} is damaged or incomplete (its zip structure cannot be read).`,
    },
    "xml-spreadsheet-2003": {
      vi: `Tệp${file} là «Bảng tính XML 2003», công cụ chỉ đọc được tệp .xlsx.`,
      en: `The file${file} is an «XML Spreadsheet 2003»; only .xlsx files can be read.`,
    },
    cfb: {
      vi: `Tệp${file} là tệp Office kiểu cũ nhưng không phải sổ làm việc Excel.`,
      en: `The file${file} is an old-style Office file but not an Excel workbook.`,
    },
  };
  const message = (kind && what[kind]) || {
    vi: `Không mở được tệp${file}.`,
    en: `The file${file} could not be opened.`,
  };
  const hint: Bilingual =
    kind === "zip-damaged"
      ? {
          vi: "Lấy lại tệp (tải hoặc sao chép lại), hoặc mở trong Excel để sửa rồi lưu thành .xlsx.",
          en: "Fetch the file again (download or copy it anew), or open it in Excel to repair and save as .xlsx.",
        }
      : kind === "docx" || kind === "zip"
        ? {
            vi: "Chọn tệp Excel (.xlsx) chứa bảng kết quả PAR INDEX.",
            en: "Choose the Excel file (.xlsx) that holds the PAR INDEX results table.",
          }
        : kind
          ? SAVE_AS_XLSX
          : {
              vi: `Tệp phải là sổ làm việc Excel .xlsx. Với tệp .xls hoặc .csv, mở trong Excel rồi lưu thành .xlsx (hoặc: ${CONVERT}).`,
              en: `It must be an Excel .xlsx workbook. Open .xls or .csv files in Excel and save them as .xlsx (or: ${CONVERT_EN}).`,
            };
  return { message, hint };
}

/** "Could not write the file (the disk is full)": the system's reason (errno) in plain words. */
function writeFailed(file: string, errno: string | undefined, reason: string | undefined): Bilingual {
  const why: Record<string, Bilingual> = {
    ENOSPC: { vi: "ổ đĩa đã đầy", en: "the disk is full" },
    EDQUOT: { vi: "đã hết dung lượng được phép", en: "the disk quota is used up" },
    ENOENT: { vi: "thư mục không tồn tại", en: "the folder does not exist" },
    ENOTDIR: { vi: "thư mục không tồn tại", en: "the folder does not exist" },
    EACCES: { vi: "không có quyền ghi vào đó", en: "no permission to write there" },
    EPERM: { vi: "không có quyền ghi vào đó", en: "no permission to write there" },
    EROFS: { vi: "ổ đĩa chỉ cho đọc", en: "the disk is read-only" },
    EISDIR: { vi: "đó là một thư mục", en: "it is a folder" },
    EBUSY: { vi: "tệp đang được chương trình khác mở", en: "another program has the file open" },
  };
  const w = (errno && why[errno]) || (reason ? { vi: reason, en: reason } : null);
  return {
    vi: `Không ghi được tệp${file}${w ? ` (${w.vi})` : ""}.`,
    en: `The file${file} could not be written${w ? ` (${w.en})` : ""}.`,
  };
}

const TEXTS: Record<ErrorCode, (d: ErrorDetails) => Texts> = {
  "no-table": (d) =>
    str(d.missingSheet) !== undefined
      ? {
          message: {
            vi: `Không có trang${named(d.missingSheet)} trong tệp.`,
            en: `There is no sheet${named(d.missingSheet)} in the file.`,
          },
          hint: {
            vi: "Kiểm tra lại tên trang tính (viết đúng cả dấu và chữ hoa).",
            en: "Check the sheet's name (accents and capitals included).",
          },
        }
      : {
          message: {
            vi: "Không tìm thấy bảng tiêu chí trên trang tính này.",
            en: "No criteria table was found on this sheet.",
          },
          hint: {
            vi: "Bảng cần có dòng tiêu đề với các cột Lĩnh vực/tiêu chí (hoặc TT), Điểm tối đa và Điểm đạt được.",
            en: "The table needs a header row with Criterion (or Code), Max score and Score achieved columns.",
          },
        },
  ambiguous: () => ({
    message: {
      vi: "Trang tính có hai bảng tiêu chí trở lên.",
      en: "The sheet holds two or more criteria tables.",
    },
    hint: {
      vi: "Chọn một ô trong bảng cần tính rồi bấm lại.",
      en: "Select a cell inside the table you want, then try again.",
    },
  }),
  "not-read": (d) => ({
    message: {
      vi: `Không đọc được trang${named(d.sheet)}.`,
      en: `The sheet${named(d.sheet)} could not be read.`,
    },
    hint: {
      vi: "Bấm lại; nếu vẫn lỗi, đổi tên trang đó rồi thử lại.",
      en: "Try again; if it fails again, rename that sheet and retry.",
    },
  }),
  "invalid-change-set": () => ({
    message: {
      vi: "Các thay đổi dự kiến không khớp với bảng tính hiện tại nên chưa ghi gì.",
      en: "The planned changes do not fit the workbook as it is, so nothing was written.",
    },
    hint: {
      vi: "Bấm lại; nếu lỗi lặp lại, hãy báo cho nhóm phát triển.",
      en: "Try again; if it happens again, please report it to the developers.",
    },
  }),
  "text-too-long": (d) => {
    const where = str(d.cell) ? ` ${str(d.cell)}` : "";
    const sheet = str(d.sheet) ? ` (${str(d.sheet)})` : "";
    return {
      message: {
        vi: `Nội dung cần ghi vào ô${where}${sheet} dài quá 32.767 ký tự, mức Excel cho phép, nên chưa ghi gì.`,
        en: `The text for cell${where}${sheet} is longer than Excel's 32,767 characters, so nothing was written.`,
      },
      hint: {
        vi: "Rút gọn các nhiệm vụ, giải pháp của tiêu chí đó (hoặc trong trang danh mục giải pháp), rồi bấm lại.",
        en: "Shorten that criterion's tasks (or its row in the solutions catalogue sheet), then try again.",
      },
    };
  },
  "changed-since": () => ({
    message: {
      vi: "Trang tính đã được sửa sau lệnh vừa rồi, nên không hoàn tác tự động được.",
      en: "The sheet was edited after the last command, so it cannot be undone automatically.",
    },
    hint: {
      vi: "Dùng Ctrl+Z của Excel để hoàn tác từng bước.",
      en: "Use Excel's Ctrl+Z to undo step by step.",
    },
  }),
  stale: (d) =>
    str(d.sheet) !== undefined
      ? {
          message: { vi: `Không có trang${named(d.sheet)}.`, en: `There is no sheet${named(d.sheet)}.` },
          hint: {
            vi: "Trang này đã bị xóa hoặc đổi tên. Bấm «Tính lại» để đọc lại bảng.",
            en: "The sheet was deleted or renamed. Press Recalculate to read the table again.",
          },
        }
      : {
          message: {
            vi: "Bảng tính đã thay đổi từ lúc đọc (một trang tính hoặc bảng không còn như trước).",
            en: "The workbook changed since it was read (a sheet or table is not as it was).",
          },
          hint: { vi: "Bấm lại để đọc lại bảng tính.", en: "Try again so the workbook is read afresh." },
        },
  protected: (d) => ({
    message: {
      vi: `Trang tính${named(d.sheet)} đang được bảo vệ (hoặc tệp chỉ cho xem) nên không ghi được thay đổi.`,
      en: `The sheet${named(d.sheet)} is protected (or the file is read-only), so the changes could not be written.`,
    },
    hint: {
      vi: "Bỏ bảo vệ trang tính (Xem lại › Bỏ bảo vệ Trang tính) hoặc mở tệp ở chế độ chỉnh sửa, rồi bấm lại.",
      en: "Unprotect the sheet (Review › Unprotect Sheet) or open the file for editing, then try again.",
    },
  }),
  "cell-edit": () => ({
    message: { vi: "Excel đang ở chế độ sửa ô.", en: "Excel is in cell-edit mode." },
    hint: {
      vi: "Nhấn Enter hoặc Esc để thoát khỏi ô đang sửa, rồi bấm lại.",
      en: "Press Enter or Esc to leave the cell you are editing, then try again.",
    },
  }),
  "requirement-set": (d) => {
    const req = str(d.requirement) ?? "ExcelApi";
    return {
      message: {
        vi: `Phiên bản Excel này chưa hỗ trợ các chức năng bổ trợ cần dùng (${req}).`,
        en: `This version of Excel lacks add-in features this command needs (${req}).`,
      },
      hint: {
        vi: "Hãy dùng Excel cho Microsoft 365 (đã cập nhật) hoặc Excel trên web.",
        en: "Use an up-to-date Excel for Microsoft 365, or Excel on the web.",
      },
    };
  },
  "too-large": () => ({
    message: {
      vi: "Lượng dữ liệu cần đọc hoặc ghi vượt quá giới hạn của Excel (5 MB mỗi yêu cầu trên Excel trên web).",
      en: "The data to read or write exceeds Excel's limit (5 MB per request in Excel on the web).",
    },
    hint: {
      vi: "Xoá các dòng, cột trống thừa ở cuối trang tính để thu hẹp vùng dữ liệu, hoặc dùng Excel trên máy tính.",
      en: "Delete unused rows and columns at the end of the sheet to shrink the used range, or use desktop Excel.",
    },
  }),
  "invalid-selection": () => ({
    message: {
      vi: "Excel không thực hiện được lệnh với vùng đang chọn (ví dụ đang chọn một biểu đồ hay hình vẽ).",
      en: "Excel refused the command because of the selection (for example, a chart or shape is selected).",
    },
    hint: {
      vi: "Bấm chọn một ô trong bảng tiêu chí, rồi bấm lại.",
      en: "Click a cell inside the criteria table, then try again.",
    },
  }),
  "partial-write": (d) =>
    d.rolledBack === true
      ? {
          message: {
            vi: "Việc ghi bị gián đoạn giữa chừng; các ô đã ghi được trả lại như cũ.",
            en: "Writing stopped part-way; the cells already written were put back as they were.",
          },
          hint: TRY_AGAIN,
        }
      : {
          message: {
            vi: "Việc ghi bị gián đoạn giữa chừng: một phần thay đổi đã được ghi.",
            en: "Writing stopped part-way: some of the changes were written.",
          },
          hint: {
            vi: "Dùng Ctrl+Z của Excel để hoàn tác, hoặc bấm lại để ghi tiếp cho đủ.",
            en: "Use Excel's Ctrl+Z to undo, or try again to write the rest.",
          },
        },
  "file-unreadable": (d) =>
    d.missing === true
      ? {
          message: { vi: `Không có tệp${named(d.path)}.`, en: `No such file${named(d.path)}.` },
          hint: {
            vi: "Kiểm tra lại tên và thư mục của tệp.",
            en: "Check the file's name and folder.",
          },
        }
      : unreadableKind(str(d.kind), named(d.path)),
  "file-xls": (d) => ({
    message: {
      vi: `Tệp${named(d.path)} là tệp .xls kiểu cũ, công cụ chỉ đọc được tệp .xlsx.`,
      en: `The file${named(d.path)} is an old-style .xls file; only .xlsx files can be read.`,
    },
    hint: {
      vi: `Mở tệp trong Excel, chọn Tệp › Lưu thành › «Sổ làm việc Excel (.xlsx)», rồi dùng tệp mới (hoặc: ${CONVERT}).`,
      en: `Open it in Excel, choose File › Save As › «Excel Workbook (.xlsx)», then use the new file (or: ${CONVERT_EN}).`,
    },
  }),
  "file-encrypted": (d) => ({
    message: {
      vi: `Tệp${named(d.path)} được đặt mật khẩu nên không đọc được.`,
      en: `The file${named(d.path)} is protected by a password, so it cannot be read.`,
    },
    hint: {
      vi: "Mở tệp trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc), lưu lại rồi thử lại.",
      en: "Open it in Excel, remove the password (File › Info › Protect Workbook), save and try again.",
    },
  }),
  "file-csv": (d) => ({
    message: {
      vi: `Tệp${named(d.path)} là tệp văn bản (CSV) mang tên sổ làm việc Excel.`,
      en: `The file${named(d.path)} is a text (CSV) file with an Excel workbook's name.`,
    },
    hint: SAVE_AS_XLSX,
  }),
  "file-html": (d) => ({
    message: {
      vi: `Tệp${named(d.path)} là một trang web (HTML) mang tên sổ làm việc Excel.`,
      en: `The file${named(d.path)} is a web page (HTML) with an Excel workbook's name.`,
    },
    hint: SAVE_AS_XLSX,
  }),
  "file-empty": (d) => ({
    message: {
      vi: `Tệp${named(d.path)} trống (0 byte).`,
      en: `The file${named(d.path)} is empty (0 bytes).`,
    },
    hint: {
      vi: "Tệp có thể chưa tải xuống hoặc sao chép xong. Lấy lại tệp rồi thử lại.",
      en: "It may not have finished downloading or copying. Fetch the file again and retry.",
    },
  }),
  "file-too-large": (d) => {
    const limit = str(d.limit);
    return {
      message: {
        vi: `Tệp${named(d.path)} quá lớn để đọc${limit ? ` (giới hạn ${limit})` : ""}.`,
        en: `The file${named(d.path)} is too large to read${limit ? ` (limit ${limit})` : ""}.`,
      },
      hint: {
        vi: "Xoá các trang tính, hình ảnh không cần thiết rồi lưu lại, hoặc chỉ giữ trang có bảng kết quả.",
        en: "Delete sheets and pictures you do not need and save again, or keep only the results sheet.",
      },
    };
  },
  "write-failed": (d) =>
    d.download === true
      ? {
          message: {
            vi: "Không tạo được tệp để tải xuống.",
            en: "The file to download could not be created.",
          },
          hint: {
            vi: "Thử lại; nếu vẫn lỗi, tải lại trang và làm lại các bước.",
            en: "Try again; if it fails again, reload the page and repeat the steps.",
          },
        }
      : {
          message: writeFailed(named(d.path), str(d.errno), str(d.reason)),
          hint: {
            vi: "Đóng tệp nếu đang mở trong Excel, kiểm tra thư mục có cho ghi không, rồi thử lại.",
            en: "Close the file if Excel has it open, check the folder can be written to, then try again.",
          },
        },
  "would-lose-parts": (d) => {
    const parts = Array.isArray(d.parts) && d.parts.length ? ` (${d.parts.join(", ")})` : "";
    return {
      message: {
        vi: `Lưu tệp lúc này sẽ làm mất một số thành phần của tệp${parts}, nên chưa ghi gì.`,
        en: `Saving now would drop parts of the file${parts}, so nothing was written.`,
      },
      hint:
        d.allowLoss === true
          ? {
              vi: "Dùng bổ trợ trong Excel cho tệp này, hoặc thêm --allow-loss nếu chấp nhận mất các thành phần đó.",
              en: "Use the add-in inside Excel for this file, or add --allow-loss to accept losing those parts.",
            }
          : {
              vi: "Dùng bổ trợ trong Excel cho tệp này, hoặc lưu một bản sao không có các thành phần đó.",
              en: "Use the add-in inside Excel for this file, or save a copy without those parts.",
            },
    };
  },
  unexpected: (d) =>
    d.loading === "sample"
      ? {
          message: { vi: "Không tạo được bảng mẫu.", en: "The sample table could not be created." },
          hint: {
            vi: "Tải lại trang; nếu vẫn lỗi, mở một tệp .xlsx của bạn.",
            en: "Reload the page; if it fails again, open one of your .xlsx files.",
          },
        }
      : d.loading === "office-host"
        ? {
            message: {
              vi: "Không khởi động được phần kết nối với Excel.",
              en: "The connection to Excel could not be started.",
            },
            hint: {
              vi: "Kiểm tra kết nối mạng, rồi đóng và mở lại bảng PAR.",
              en: "Check the network connection, then close and reopen the PAR panel.",
            },
          }
        : {
            message: { vi: "Không thực hiện được lệnh.", en: "The command could not be carried out." },
            hint: {
              vi: "Không có ô nào bị thay đổi. Thử lại; nếu vẫn lỗi, lưu tệp và mở lại Excel.",
              en: "No cell was changed. Try again; if it fails again, save the file and reopen Excel.",
            },
          },
};

/** The words for a code and its details. */
export function userError(code: ErrorCode, details: ErrorDetails = {}): UserError {
  return { code, ...TEXTS[code](details) };
}

/**
 * Any failure → the UserError to show. An AddinError keeps its code and details; anything else (a bug, an
 * error nobody classified) becomes "unexpected" with generic words — what happened goes to the console for
 * the logs, never into the text the user reads.
 */
export function describeError(e: unknown): UserError {
  if (e instanceof AddinError) {
    if (e.code === "unexpected") logUnexpected(e);
    return userError(e.code, e.details);
  }
  logUnexpected(e);
  return userError("unexpected");
}

function logUnexpected(e: unknown): void {
  console.error("PAR INDEX: unexpected error", e);
}

/** Whether `e` is the typed error with this code (how the app tells failures apart). */
export function hasCode(e: unknown, code: ErrorCode): e is AddinError {
  return e instanceof AddinError && e.code === code;
}
