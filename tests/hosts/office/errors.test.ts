import { OFFICE_CODES, toAddinError } from "../../../src/hosts/office/errors";
import { AddinError } from "../../../src/core/errors";
import { FakeOfficeError } from "./fake";

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
