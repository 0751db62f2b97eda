/**
 * Errors of the Excel host as typed, translated messages (Vietnamese first, English second) with a hint
 * saying what the user can do. Office.js errors (OfficeExtension.Error: { code, message }) are mapped by
 * their code; the core's own failures (no table, two tables, a change set that does not fit) too.
 */
import { ChangeSetError } from "../../core/model";
import { errorMessage } from "../../core/messages";

export type Bilingual = { vi: string; en: string };

export type HostErrorCode =
  | "protected"
  | "cell-edit"
  | "no-table"
  | "ambiguous"
  | "requirement-set"
  | "too-large"
  | "stale"
  | "invalid-change-set"
  | "unknown";

export interface AppError {
  code: HostErrorCode;
  message: Bilingual;
  hint: Bilingual;
}

/** An error the host raises itself, or an Office error it has classified. `detail` is for logs only. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly detail: string = "",
    /** For "requirement-set": the requirement set and version that is missing ("ExcelApi 1.9"). */
    readonly requirement?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "HostError";
  }

  /** The translated message (the app's Session picks errors up by this property). */
  get appError(): AppError {
    return toAppError(this);
  }
}

/** Office.js error codes (OfficeExtension.Error.code) the host tells apart. */
export const OFFICE_CODES = {
  accessDenied: "AccessDenied",
  invalidOperation: "InvalidOperation",
  cellEditMode: "InvalidOperationInCellEditMode",
  requestTooLarge: "RequestPayloadSizeLimitExceeded",
  responseTooLarge: "ResponsePayloadSizeLimitExceeded",
  apiNotFound: "ApiNotFound",
  itemNotFound: "ItemNotFound",
  itemAlreadyExists: "ItemAlreadyExists",
  invalidSelection: "InvalidSelection",
  undoNotSupported: "UndoNotSupported",
} as const;

/** The code of an Office.js error (or anything shaped like one), else null. */
export function officeCode(e: unknown): string | null {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") {
    return (e as { code: string }).code;
  }
  return null;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === "object" && "message" in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** Classifies an Office.js error (or passes a HostError through). */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  if (e instanceof ChangeSetError) return new HostError("invalid-change-set", e.message);
  const code = officeCode(e);
  const msg = messageOf(e);
  const detail = code ? `${code}: ${msg}` : msg;
  switch (code) {
    case OFFICE_CODES.accessDenied:
      return new HostError("protected", detail);
    case OFFICE_CODES.invalidOperation:
      return new HostError(/protect/i.test(msg) ? "protected" : "unknown", detail);
    case OFFICE_CODES.cellEditMode:
      return new HostError("cell-edit", detail);
    case OFFICE_CODES.requestTooLarge:
    case OFFICE_CODES.responseTooLarge:
      return new HostError("too-large", detail);
    case OFFICE_CODES.apiNotFound:
      return new HostError("requirement-set", detail);
    case OFFICE_CODES.itemNotFound:
    case OFFICE_CODES.itemAlreadyExists:
      return new HostError("stale", detail);
    default:
      return new HostError("unknown", detail);
  }
}

type Texts = { message: Bilingual; hint: Bilingual };

const TEXTS: Record<Exclude<HostErrorCode, "no-table" | "ambiguous">, (e: HostError) => Texts> = {
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
    const req = e.requirement ?? "ExcelApi";
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
      vi: `Excel báo lỗi${e.detail ? `: ${e.detail}` : "."}`,
      en: `Excel reported an error${e.detail ? `: ${e.detail}` : "."}`,
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

/**
 * Any failure → { code, message: { vi, en }, hint: { vi, en } }. Accepts Office.js errors, HostError,
 * the core's ChangeSetError, an analyze result that failed ({ ok: false, error: "no-table" | "ambiguous" })
 * and an AppError (returned as is).
 */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  if (e && typeof e === "object" && (e as { ok?: unknown }).ok === false) {
    const err = (e as { error?: unknown }).error;
    if (err === "no-table" || err === "ambiguous") return { code: err, ...coreTexts(err) };
    if (isAppError(err)) return err;
  }
  const h = toHostError(e);
  if (h.code === "no-table" || h.code === "ambiguous") return { code: h.code, ...coreTexts(h.code) };
  return { code: h.code, ...TEXTS[h.code](h) };
}
