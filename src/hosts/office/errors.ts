/**
 * Classification of Office.js errors (OfficeExtension.Error: { code, message }) into the add-in's one
 * error type, by `error.code` only: Vietnamese Excel localizes messages, so a message is never matched.
 * No texts here: src/app turns an AddinError's code into words.
 */
import { AddinError } from "../../core/errors";

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

/** An Office.js error (or anything thrown in an Excel.run) → AddinError; an AddinError passes through. */
export function toAddinError(e: unknown): AddinError {
  if (e instanceof AddinError) return e;
  const code = officeCode(e);
  // For the log only: never shown, never matched.
  const detail = code ? `${code}: ${messageOf(e)}` : messageOf(e);
  switch (code) {
    case OFFICE_CODES.accessDenied:
      return new AddinError("protected", { detail });
    case OFFICE_CODES.cellEditMode:
      return new AddinError("cell-edit", { detail });
    case OFFICE_CODES.requestTooLarge:
    case OFFICE_CODES.responseTooLarge:
      return new AddinError("too-large", { detail });
    case OFFICE_CODES.apiNotFound:
      return new AddinError("requirement-set", { detail });
    case OFFICE_CODES.itemNotFound:
    case OFFICE_CODES.itemAlreadyExists:
      return new AddinError("stale", { detail });
    case OFFICE_CODES.invalidSelection:
      return new AddinError("invalid-selection", { detail });
    default:
      return new AddinError("unexpected", { detail });
  }
}
