import { AddinError, describeError, hasCode, userError, type ErrorCode } from "../../src/app/errors";

/** Every code, checked complete by the compiler (a new code fails to compile here until it is listed). */
const ALL: Record<ErrorCode, true> = {
  "no-table": true,
  ambiguous: true,
  "not-read": true,
  "invalid-change-set": true,
  "text-too-long": true,
  "changed-since": true,
  stale: true,
  protected: true,
  "cell-edit": true,
  "requirement-set": true,
  "too-large": true,
  "invalid-selection": true,
  "partial-write": true,
  "file-unreadable": true,
  "file-xls": true,
  "file-encrypted": true,
  "file-csv": true,
  "file-html": true,
  "file-empty": true,
  "file-too-large": true,
  "write-failed": true,
  "would-lose-parts": true,
  unexpected: true,
};
const CODES = Object.keys(ALL) as ErrorCode[];
/** A letter only Vietnamese uses (đ, ư, ơ, or a tone mark on a vowel). */
const VIETNAMESE = /[đươăâêôĐƯƠĂÂÊÔ]|[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

let log: jest.SpyInstance;
beforeEach(() => {
  log = jest.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => log.mockRestore());

test.each(CODES)("%s: a message and a hint in Vietnamese and in English", (code) => {
  const e = describeError(new AddinError(code));
  expect(e.code).toBe(code);
  for (const text of [e.message, e.hint]) {
    expect(text.vi.trim().length).toBeGreaterThan(5);
    expect(text.en.trim().length).toBeGreaterThan(5);
    expect(text.vi).toMatch(VIETNAMESE);
    expect(text.en).not.toMatch(VIETNAMESE);
    expect(text.vi).not.toBe(text.en);
  }
});

test("messages name what the details say: the sheet, the cell, the requirement, the file", () => {
  expect(userError("not-read", { sheet: "Kế hoạch khắc phục" }).message.vi).toBe(
    "Không đọc được trang «Kế hoạch khắc phục».",
  );
  expect(userError("protected", { sheet: "PAR 2024" }).message.en).toContain("«PAR 2024» is protected");
  const long = userError("text-too-long", { sheet: "PAR 2024", cell: "H12", length: 40000 });
  expect(long.message.vi).toContain("H12");
  expect(long.message.en).toContain("32,767");
  expect(userError("requirement-set", { requirement: "ExcelApi 1.9" }).message.vi).toContain("ExcelApi 1.9");
  expect(userError("file-unreadable", { path: "ghi-chu.xlsx" }).message.vi).toBe(
    "Không mở được tệp «ghi-chu.xlsx».",
  );
  expect(userError("file-unreadable", { missing: true }).message.vi).toBe("Không có tệp.");
  expect(userError("stale", { sheet: "Cũ" }).message.vi).toBe("Không có trang «Cũ».");
  expect(userError("no-table", { missingSheet: "Khác" }).message.en).toBe(
    "There is no sheet «Khác» in the file.",
  );
  expect(userError("would-lose-parts", { parts: ["charts", "macros"] }).message.en).toContain(
    "(charts, macros)",
  );
});

test("an unknown error is 'unexpected': generic words, the detail in the log only", () => {
  const boom = new TypeError("Cannot read properties of undefined (reading 'x')");
  const e = describeError(boom);
  expect(e.code).toBe("unexpected");
  const all = [e.message.vi, e.message.en, e.hint.vi, e.hint.en].join(" ");
  expect(all).not.toContain("Cannot read");
  expect(all).not.toMatch(/at \w+ \(|\.ts:\d+/);
  expect(log).toHaveBeenCalledWith(expect.any(String), boom);
  expect(describeError("a string").code).toBe("unexpected");
  expect(describeError(null).code).toBe("unexpected");
});

test("hasCode tells typed errors apart by code, not by words", () => {
  const e = new AddinError("not-read", { sheet: "X", detail: "the sheet exists but was not read" });
  expect(hasCode(e, "not-read")).toBe(true);
  expect(hasCode(e, "stale")).toBe(false);
  expect(hasCode(new Error("the sheet exists but was not read"), "not-read")).toBe(false);
});
