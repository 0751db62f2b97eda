import { HostError, toAppError, toHostError } from "../../../src/hosts/office/errors";
import { analyzeSheet } from "../../../src/core/analyze";
import { ChangeSetError } from "../../../src/core/model";
import { FakeOfficeError } from "./fakeExcel";
import { criteriaRows, sheetFrom } from "./helpers";

const office = (code: string, message = "msg") => new FakeOfficeError(code, message);

describe("toAppError", () => {
  test.each([
    ["AccessDenied", "protected"],
    ["InvalidOperationInCellEditMode", "cell-edit"],
    ["RequestPayloadSizeLimitExceeded", "too-large"],
    ["ResponsePayloadSizeLimitExceeded", "too-large"],
    ["ApiNotFound", "requirement-set"],
    ["ItemNotFound", "stale"],
    ["ItemAlreadyExists", "stale"],
    ["GeneralException", "unknown"],
  ])("Office code %s → %s", (code, expected) => {
    const e = toAppError(office(code));
    expect(e.code).toBe(expected);
    for (const t of [e.message.vi, e.message.en, e.hint.vi, e.hint.en]) expect(t.length).toBeGreaterThan(10);
  });

  test("InvalidOperation is «protected» only when Excel says the sheet is protected", () => {
    expect(toAppError(office("InvalidOperation", "The sheet is protected.")).code).toBe("protected");
    expect(toAppError(office("InvalidOperation", "Cannot merge cells.")).code).toBe("unknown");
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

  test("a core ChangeSetError and an AppError pass through", () => {
    expect(toAppError(new ChangeSetError("missing-sheet", "no sheet «X»")).code).toBe("invalid-change-set");
    const app = { code: "stale" as const, message: { vi: "a", en: "b" }, hint: { vi: "c", en: "d" } };
    expect(toAppError(app)).toBe(app);
    expect(toAppError({ ok: false, error: app })).toBe(app);
  });

  test("anything else is «unknown», keeping its text", () => {
    const e = toAppError(new TypeError("x is undefined"));
    expect(e.code).toBe("unknown");
    expect(e.message.en).toContain("x is undefined");
    expect(toHostError("boom")).toBeInstanceOf(HostError);
  });

  test("requirement-set names the missing set", () => {
    const e = toAppError(new HostError("requirement-set", "", "ExcelApi 1.9"));
    expect(e.message.vi).toContain("ExcelApi 1.9");
    expect(e.message.en).toContain("ExcelApi 1.9");
  });
});
