import { OFFICE_CODES, toAddinError } from "../../../src/hosts/office/errors";
import { toAppError } from "../../../src/hosts/office";
import { AddinError } from "../../../src/core/errors";
import { analyzeSheet } from "../../../src/core/analyze";
import { FakeOfficeError } from "./fake";
import { criteriaRows, sheetFrom } from "./helpers";

const office = (code: string, message = "msg") => new FakeOfficeError(code, message);

describe("toAddinError: Office.js errors classified by code only", () => {
  test.each([
    ["AccessDenied", "protected"],
    ["InvalidOperationInCellEditMode", "cell-edit"],
    ["RequestPayloadSizeLimitExceeded", "too-large"],
    ["ResponsePayloadSizeLimitExceeded", "too-large"],
    ["ApiNotFound", "requirement-set"],
    ["ItemNotFound", "stale"],
    ["ItemAlreadyExists", "stale"],
    ["InvalidSelection", "invalid-selection"],
    ["GeneralException", "unexpected"],
  ])("Office code %s → %s", (code, expected) => {
    const e = toAddinError(office(code));
    expect(e).toBeInstanceOf(AddinError);
    expect(e.code).toBe(expected);
    // The Office message is kept for the log only.
    expect(e.details.detail).toBe(`${code}: msg`);
  });

  test("the message is never matched: Vietnamese Excel localizes it", () => {
    const en = toAddinError(office(OFFICE_CODES.invalidOperation, "The sheet is protected."));
    const vi = toAddinError(office(OFFICE_CODES.invalidOperation, "Trang tính được bảo vệ."));
    expect(en.code).toBe(vi.code);
    expect(en.code).toBe("unexpected");
  });

  test("an AddinError passes through; anything else is «unexpected» with its text", () => {
    const mine = new AddinError("protected", { sheet: "PAR 2024" });
    expect(toAddinError(mine)).toBe(mine);
    const e = toAddinError(new TypeError("x is undefined"));
    expect(e.code).toBe("unexpected");
    expect(e.details.detail).toContain("x is undefined");
  });
});

// The temporary words for these codes (src/app/hostErrors.ts) until src/app/errors.ts owns every text.
describe("toAppError (temporary adapter)", () => {
  test.each([
    ["AccessDenied", "protected"],
    ["InvalidOperationInCellEditMode", "cell-edit"],
    ["RequestPayloadSizeLimitExceeded", "too-large"],
    ["ApiNotFound", "requirement-set"],
    ["ItemNotFound", "stale"],
    ["GeneralException", "unknown"],
  ])("Office code %s → %s, in both languages", (code, expected) => {
    const e = toAppError(office(code));
    expect(e.code).toBe(expected);
    for (const t of [e.message.vi, e.message.en, e.hint.vi, e.hint.en]) expect(t.length).toBeGreaterThan(10);
  });

  test("no table / two tables come from the core's analyze result, in both languages", () => {
    const none = analyzeSheet(sheetFrom([["Ghi chú"], ["không có bảng"]]));
    const e = toAppError(none);
    expect(e.code).toBe("no-table");
    expect(e.message.vi).toBe("Không tìm thấy bảng tiêu chí trên trang tính này.");
    expect(e.message.en).toBe("No criteria table was found on this sheet.");

    const rows = [...criteriaRows(6), [], [], ...criteriaRows(6)];
    const two = analyzeSheet(sheetFrom(rows));
    expect(two.ok).toBe(false);
    const a = toAppError(two);
    expect(a.code).toBe("ambiguous");
    expect(a.hint.vi).toMatch(/Chọn một ô/);
  });

  test("prepare's errors and an AppError", () => {
    expect(toAppError(new AddinError("invalid-change-set", { op: "1", problem: "x" })).code).toBe(
      "invalid-change-set",
    );
    expect(toAppError(new AddinError("text-too-long", { sheet: "S", cell: "A1", length: 40000 })).code).toBe(
      "invalid-change-set",
    );
    const app = { code: "stale" as const, message: { vi: "a", en: "b" }, hint: { vi: "c", en: "d" } };
    expect(toAppError(app)).toBe(app);
    expect(toAppError({ ok: false, error: app })).toBe(app);
  });

  test("requirement-set names the missing set", () => {
    const e = toAppError(new AddinError("requirement-set", { requirement: "ExcelApi 1.9" }));
    expect(e.message.vi).toContain("ExcelApi 1.9");
    expect(e.message.en).toContain("ExcelApi 1.9");
  });
});
