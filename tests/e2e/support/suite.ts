/**
 * The set-up every browser test repeated, once: dist/ served on localhost, Debian's Chromium, a folder for
 * downloads, and the page under test (the playground, or the task pane in the Excel stand-in) opened and
 * ready, all closed again afterwards. `browserSuite` registers jest's hooks in the block it is called in
 * (a file or a describe) and hands what it opened to `use`, so the tests keep their own names for them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { openInExcel, type StandInOptions } from "./officePage";
import { ready } from "./pages";
import { serveDist, type StaticServer } from "./server";

export interface Opened {
  /** dist/ on localhost; null when the block serves nothing (a page opened from file://). */
  server: StaticServer | null;
  browser: Browser;
  /** The page under test; for `per: "test"`, this test's. */
  page: Page;
  /** A fresh folder for this block's downloads (removed afterwards); "" unless asked for. */
  downloads: string;
}

/** Opens the page under test in `browser` and waits until it is ready. */
export type Opener = (browser: Browser, server: StaticServer | null) => Promise<Page>;

export interface SuiteOptions {
  open: Opener;
  /** "block" (default): one page for the whole block; "test": a fresh page per test, closed after it. */
  per?: "block" | "test";
  /** A folder for downloads, its name starting so. */
  downloads?: string;
  /** The block's server: its own dist/ server (default), one the caller shares, or none (file://). */
  server?: "own" | "none" | (() => StaticServer);
  /** After launch, before the first page (e.g. routes on the browser's context). */
  prepare?: (browser: Browser) => Promise<void>;
  /**
   * With `per: "test"`: after each test, no uncaught error on any page so far (default true). Blocks with
   * one page check where they want to.
   */
  noPageErrors?: boolean;
}

const served = (server: StaticServer | null): StaticServer => {
  if (!server) throw new Error("this page needs dist/ served: browserSuite({ server: 'own' })");
  return server;
};

/** The playground at `path` of dist/ ("/", "/playground.html?inline"), its first read done. */
export const playgroundAt =
  (path: string, score?: string): Opener =>
  async (browser, server) => {
    const page = await browser.newPage();
    await page.goto(`${served(server).origin}${path}`);
    await ready(page, score);
    return page;
  };

/** A page opened from a URL as it is (file://), its panel's first read done. */
export const pageAt =
  (url: () => string): Opener =>
  async (browser) => {
    const page = await browser.newPage();
    await page.goto(url());
    await ready(page);
    return page;
  };

/** The production task pane in the Excel stand-in (the seed workbook unless told), its first read done. */
export const paneInExcel =
  (opts: StandInOptions = {}, score?: string): Opener =>
  async (browser, server) => {
    const page = await openInExcel(browser, served(server), "taskpane.html", opts);
    await ready(page, score);
    return page;
  };

export function browserSuite(opts: SuiteOptions, use: (opened: Opened) => void): void {
  const per = opts.per ?? "block";
  let server: StaticServer | null = null;
  let ownServer = false;
  let browser: Browser | null = null;
  let page: Page | null = null;
  let downloads = "";
  const hand = () => use({ server, browser: browser!, page: page!, downloads });

  beforeAll(async () => {
    const which = opts.server ?? "own";
    if (which === "own") {
      server = await serveDist();
      ownServer = true;
    } else if (which !== "none") server = which();
    if (opts.downloads) downloads = mkdtempSync(join(tmpdir(), opts.downloads));
    browser = await launch();
    await opts.prepare?.(browser);
    if (per === "block") page = await opts.open(browser, server);
    hand();
  });

  afterAll(async () => {
    await browser?.close();
    if (ownServer) await server?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  if (per === "test") {
    beforeEach(async () => {
      page = await opts.open(browser!, server);
      hand();
    });
    afterEach(async () => {
      await page?.close();
      if (opts.noPageErrors !== false) expect(browser!.pageErrors).toEqual([]);
    });
  }
}
