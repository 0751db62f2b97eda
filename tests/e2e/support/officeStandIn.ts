/**
 * The Office/Excel stand-in the browser test serves in place of office.js: the unit tests' strict double
 * (tests/hosts/office/fake) on the seed workbook, installed as Excel/Office/OfficeExtension, with an
 * Office.onReady that reports Excel. Options come from `window.__parFakeOptions` (set by the test before
 * the page's scripts run; `sharedRuntime` from manifest.xml; `workbook` opens another workbook than the
 * seed's, e.g. ./legacyWorkbook.ts's table typed in TCVN3 or VNI); the double is `window.__parFake`.
 * Bundled for the browser with esbuild by tests/e2e/officeHost.test.ts.
 */
import { FakeExcel, type FakeOptions } from "../../hosts/office/fake";
import { sampleWorkbook } from "../../../src/core/sample";
import type { Rect, WorkbookSnapshot } from "../../../src/core/types";

const w = window as unknown as {
  __parFakeOptions?: FakeOptions & { table?: Rect; workbook?: WorkbookSnapshot };
  __parFake?: FakeExcel;
};
const { table, workbook, ...options } = w.__parFakeOptions ?? {};
const opened = workbook ?? sampleWorkbook();
const fake = new FakeExcel(opened, options);
// The criteria table inside an Excel table (ListObject), as many offices format it.
if (table) fake.model.apply({ op: "addTable", sheet: opened.active.name, name: "BangPAR", rect: table });
fake.install();
w.__parFake = fake;
// Which request (sync number) each write statement went in: a command's writes in ONE request are one step
// of Excel's undo stack.
const writeSyncs: number[] = [];
const push = fake.writes.push.bind(fake.writes);
fake.writes.push = (...items: string[]) => {
  for (let i = 0; i < items.length; i++) writeSyncs.push(fake.syncs);
  return push(...items);
};
(window as unknown as { __parWriteSyncs: number[] }).__parWriteSyncs = writeSyncs;
const office = (globalThis as unknown as { Office: Record<string, unknown> }).Office;
office.HostType = { Excel: "Excel" };
(office.context as Record<string, unknown>).displayLanguage = "vi-VN";
office.onReady = (cb?: (info: unknown) => unknown) => {
  const info = { host: "Excel", platform: "OfficeOnline" };
  setTimeout(() => cb?.(info), 0);
  return Promise.resolve(info);
};
