/**
 * The Office/Excel stand-in the browser test serves in place of office.js: the unit tests' strict double
 * (tests/hosts/office/fake) on the seed workbook, installed as Excel/Office/OfficeExtension, with an
 * Office.onReady that reports Excel. Options come from `window.__parFakeOptions` (set by the test before
 * the page's scripts run; `sharedRuntime` from manifest.xml); the double is `window.__parFake`.
 * Bundled for the browser with esbuild by tests/e2e/officeHost.test.ts.
 */
import { FakeExcel, type FakeOptions } from "../../hosts/office/fake";
import { sampleWorkbook } from "../../../src/core/sample";

const w = window as unknown as { __parFakeOptions?: FakeOptions; __parFake?: FakeExcel };
const fake = new FakeExcel(sampleWorkbook(), w.__parFakeOptions ?? {});
fake.install();
w.__parFake = fake;
const office = (globalThis as unknown as { Office: Record<string, unknown> }).Office;
office.HostType = { Excel: "Excel" };
(office.context as Record<string, unknown>).displayLanguage = "vi-VN";
office.onReady = (cb?: (info: unknown) => unknown) => {
  const info = { host: "Excel", platform: "OfficeOnline" };
  setTimeout(() => cb?.(info), 0);
  return Promise.resolve(info);
};
