/**
 * The production task pane / function file of dist/ in Chromium with office.js replaced by the stand-in
 * (./officeStandIn.ts: the unit tests' strict Excel double on the seed workbook, bundled here with esbuild).
 * Shared by the Office browser tests (through ./suite.ts's `inExcel` and `paneInExcel`).
 */
import { buildSync } from "esbuild";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { Browser } from "./browser";
import type { StaticServer } from "./server";
import { manifestSharedRuntime } from "../../hosts/office/helpers";
import type { FakeOptions } from "../../hosts/office/fake";
import type { Rect, WorkbookSnapshot } from "../../../src/core/types";

let standIn: string | null = null;

/** The stand-in bundled for the browser (built once per test file). */
export function standInScript(): string {
  standIn ??= buildSync({
    entryPoints: [join(__dirname, "officeStandIn.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
  }).outputFiles[0].text;
  return standIn;
}

export type StandInOptions = FakeOptions & {
  /** The criteria table inside an Excel table (ListObject) at this range of the workbook's active sheet. */
  table?: Rect;
  /** The workbook Excel holds (plain data, passed to the page as JSON); the seed's unless told. */
  workbook?: WorkbookSnapshot;
};

/**
 * Opens `file` of dist/ with the stand-in in place of office.js (shared runtime as manifest.xml says), in a
 * page of `size` (400×900 unless told; Excel shows a task pane at about 350×480).
 */
export async function openInExcel(
  browser: Browser,
  server: StaticServer,
  file: string,
  opts: StandInOptions = {},
  size: { width: number; height: number } = { width: 400, height: 900 },
): Promise<Page> {
  const page = await browser.newPage(size);
  const options = { sharedRuntime: manifestSharedRuntime(), ...opts };
  await page.addInitScript((o) => {
    (window as unknown as { __parFakeOptions: unknown }).__parFakeOptions = o;
  }, options);
  const body = standInScript();
  await page.route(/office\.js$/, (route) => route.fulfill({ body, contentType: "application/javascript" }));
  await page.goto(`${server.origin}/${file}`);
  return page;
}

/** What the double holds now (values recalculated), as the core sees a workbook. */
export function excelWorkbook(page: Page): Promise<WorkbookSnapshot> {
  return page.evaluate(() =>
    (window as unknown as { __parFake: { snapshot(): WorkbookSnapshot } }).__parFake.snapshot(),
  );
}

export interface ExcelCounters {
  /** Requests sent so far (context.sync calls). */
  syncs: number;
  /** Write statements run so far. */
  writes: number;
  /** The distinct requests (sync numbers) that carried write statements, in order. */
  writeRequests: number[];
}

/** The double's counters (see ./officeStandIn.ts). */
export function excelCounters(page: Page): Promise<ExcelCounters> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __parFake: { syncs: number; writes: string[] };
      __parWriteSyncs: number[];
    };
    return {
      syncs: w.__parFake.syncs,
      writes: w.__parFake.writes.length,
      writeRequests: [...new Set(w.__parWriteSyncs)],
    };
  });
}
