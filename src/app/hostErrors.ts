/**
 * TEMPORARY adapter (issue 14, part 2 replaces it with src/app/errors.ts): the words for the typed errors
 * hosts and core's prepare throw (AddinError), as the { code, message: { vi, en }, hint } shape the panel and
 * the ribbon show today. These texts moved here unchanged from src/hosts/office/errors.ts, which now only
 * classifies Office.js errors by code.
 */
import { AddinError, type ErrorCode } from "../core/errors";
import { errorMessage } from "../core/messages";

export type Bilingual = { vi: string; en: string };

export type HostErrorCode =
  "protected" | "cell-edit" | "requirement-set" | "too-large" | "stale" | "invalid-change-set" | "unknown";

export interface AppError {
  code: HostErrorCode | "no-table" | "ambiguous";
  message: Bilingual;
  hint: Bilingual;
}

type Texts = { message: Bilingual; hint: Bilingual };

const TEXTS: Record<HostErrorCode, (e: AddinError) => Texts> = {
  protected: () => ({
    message: {
      vi: "Trang tính đang được bảo vệ (hoặc tệp chỉ cho xem) nên không ghi được thay đổi.",
      en: "The sheet is protected (or the file is read-only), so the changes could not be written.",
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
  "requirement-set": (e) => {
    const req = typeof e.details.requirement === "string" ? e.details.requirement : "ExcelApi";
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
  stale: () => ({
    message: {
      vi: "Bảng tính đã thay đổi từ lúc đọc (một trang tính hoặc bảng không còn như trước).",
      en: "The workbook changed since it was read (a sheet or table is not as it was).",
    },
    hint: { vi: "Bấm lại để đọc lại bảng tính.", en: "Try again so the workbook is read afresh." },
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
  unknown: (e) => ({
    message: {
      vi: `Excel báo lỗi${e.details.detail ? `: ${String(e.details.detail)}` : "."}`,
      en: `Excel reported an error${e.details.detail ? `: ${String(e.details.detail)}` : "."}`,
    },
    hint: {
      vi: "Bấm lại; nếu lỗi lặp lại, hãy lưu tệp, mở lại Excel rồi thử lại.",
      en: "Try again; if it happens again, save the file, reopen Excel and retry.",
    },
  }),
};

function coreTexts(error: "no-table" | "ambiguous"): Texts {
  const vi = errorMessage(error, "vi");
  const en = errorMessage(error, "en");
  return { message: { vi: vi.message, en: en.message }, hint: { vi: vi.hint, en: en.hint } };
}

function isAppError(e: unknown): e is AppError {
  if (!e || typeof e !== "object") return false;
  const x = e as Partial<AppError>;
  return typeof x.code === "string" && !!x.message && !!x.hint && typeof x.message.vi === "string";
}

const HOST_CODE: Partial<Record<ErrorCode, HostErrorCode>> = {
  protected: "protected",
  "cell-edit": "cell-edit",
  "requirement-set": "requirement-set",
  "too-large": "too-large",
  stale: "stale",
  "invalid-change-set": "invalid-change-set",
  "text-too-long": "invalid-change-set",
};

/**
 * Any failure → { code, message: { vi, en }, hint: { vi, en } }: an AddinError (or an Office.js error,
 * classified by its code), an analyze result that failed ({ ok: false, error: "no-table" | "ambiguous" })
 * and an AppError (returned as is).
 */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  if (e && typeof e === "object" && (e as { ok?: unknown }).ok === false) {
    const err = (e as { error?: unknown }).error;
    if (err === "no-table" || err === "ambiguous") return { code: err, ...coreTexts(err) };
    if (isAppError(err)) return err;
  }
  const a =
    e instanceof AddinError
      ? e
      : new AddinError("unexpected", { detail: String((e as Error)?.message ?? e) });
  if (a.code === "no-table" || a.code === "ambiguous") return { code: a.code, ...coreTexts(a.code) };
  const code = HOST_CODE[a.code] ?? "unknown";
  return { code, ...TEXTS[code](a) };
}
