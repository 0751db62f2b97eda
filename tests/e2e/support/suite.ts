/**
 * The set-up every browser test repeated, once: dist/ served on localhost, Debian's Chromium, a folder for
 * downloads, and the page under test (the playground, or the task pane in the Excel stand-in) opened and
 * ready, all closed again afterwards. `browserSuite` registers jest's hooks in the block it is called in
 * (a file or a describe) and hands what it opened to `use`, so the tests keep their own names for them.
 *
 * Without `open` it opens no page: the tests open theirs (with the openers below, or by hand when they time
 * the opening), or the blocks inside open one each with the suite's `pages`, on the one browser.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { openInExcel, type StandInOptions } from "./officePage";
import { ready } from "./pages";
import { serveDist, type StaticServer } from "./server";

/** What a suite launched for its block. */
export interface Launched {
  /** dist/ on localhost; null when the block serves nothing (a page opened from file://). */
  server: StaticServer | null;
  browser: Browser;
  /** A fresh folder for this block's downloads (removed afterwards); "" unless asked for. */
  downloads: string;
}

export interface Opened extends Launched {
  /** The page under test; for `per: "test"`, this test's. */
  page: Page;
}

/** Opens the page under test in `browser` and waits until it is ready. */
export type Opener = (browser: Browser, server: StaticServer | null) => Promise<Page>;

/** A page's viewport in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/** How the openers below open a page: its size, and the score the panel shows once it has read the table. */
export interface OpenAt {
  /** The viewport; the browser's 1440×900 (the stand-in's 400×900) unless told. */
  size?: Size;
  /** The panel's first read is done when it shows this score (./pages.ts `ready`: the seed's unless told). */
  score?: string;
}

export interface PageOptions {
  open: Opener;
  /** "block" (default): one page for the whole block; "test": a fresh page per test, closed after it. */
  per?: "block" | "test";
  /**
   * With `per: "test"`: after each test, no uncaught error on any page so far (default true). Blocks with
   * one page check where they want to.
   */
  noPageErrors?: boolean;
}

export interface LaunchOptions {
  /** A folder for downloads, its name starting so. */
  downloads?: string;
  /** The block's server: its own dist/ server (default), one the caller shares, or none (file://). */
  server?: "own" | "none" | (() => StaticServer);
  /** After launch, before the first page (e.g. routes on the browser's context). */
  prepare?: (browser: Browser) => Promise<void>;
}

export type SuiteOptions = LaunchOptions & PageOptions;

/** What `browserSuite` gives back: more pages on the same browser, for the blocks inside. */
export interface Suite {
  /**
   * Opens a page (or one per test) in the block it is called in, on this suite's browser and server, and
   * hands it to `use`; closed after the block (or the test).
   */
  pages(opts: PageOptions, use: (opened: Opened) => void): void;
}

/** The suite's server, which the page needs (a suite with `server: "none"` has none). */
export const served = (server: StaticServer | null): StaticServer => {
  if (!server) throw new Error("this page needs dist/ served: browserSuite({ server: 'own' })");
  return server;
};

/** The playground at `path` of dist/ ("/", "/playground.html?inline"), its first read done. */
export const playgroundAt =
  (path: string, { size, score }: OpenAt = {}): Opener =>
  async (browser, server) => {
    const page = await browser.newPage(size);
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

/** `file` of dist/ in the Excel stand-in (./officePage.ts `openInExcel`), as soon as it is loaded. */
export const inExcel =
  (file: string, standIn: StandInOptions = {}, size?: Size): Opener =>
  (browser, server) =>
    openInExcel(browser, served(server), file, standIn, size);

/** The production task pane in the Excel stand-in (the seed workbook unless told), its first read done. */
export const paneInExcel =
  (standIn: StandInOptions = {}, { size, score }: OpenAt = {}): Opener =>
  async (browser, server) => {
    const page = await inExcel("taskpane.html", standIn, size)(browser, server);
    await ready(page, score);
    return page;
  };

/** The page hooks of a block: `opts.open` in `launched()`'s browser, per block or per test. */
function pageHooks(opts: PageOptions, launched: () => Launched, use: (opened: Opened) => void): void {
  let page: Page | null = null;
  const open = async () => {
    const l = launched();
    page = await opts.open(l.browser, l.server);
    use({ ...l, page });
  };
  const close = async () => {
    await page?.close();
    page = null;
  };
  if ((opts.per ?? "block") === "block") {
    beforeAll(open);
    afterAll(close);
    return;
  }
  beforeEach(open);
  afterEach(async () => {
    await close();
    if (opts.noPageErrors !== false) expect(launched().browser.pageErrors).toEqual([]);
  });
}

/** Server, browser and the block's page (or one per test), handed to `use`. */
export function browserSuite(opts: SuiteOptions, use: (opened: Opened) => void): Suite;
/** Server and browser only: the tests, or the blocks inside (`pages`), open the pages. */
export function browserSuite(opts: LaunchOptions, use: (launched: Launched) => void): Suite;
export function browserSuite(
  opts: LaunchOptions & Partial<PageOptions>,
  use: ((opened: Opened) => void) | ((launched: Launched) => void),
): Suite {
  let server: StaticServer | null = null;
  let ownServer = false;
  let browser: Browser | null = null;
  let downloads = "";
  const launched = (): Launched => {
    if (!browser) throw new Error("browserSuite: the browser is not launched yet (use it in a hook or test)");
    return { server, browser, downloads };
  };

  beforeAll(async () => {
    const which = opts.server ?? "own";
    if (which === "own") {
      server = await serveDist();
      ownServer = true;
    } else if (which !== "none") server = which();
    if (opts.downloads) downloads = mkdtempSync(join(tmpdir(), opts.downloads));
    browser = await launch();
    await opts.prepare?.(browser);
    if (!opts.open) (use as (launched: Launched) => void)(launched());
  });

  // the page's hooks between the launch's: jest runs a block's beforeAll and afterAll hooks in the order
  // they were registered, so the page opens after the launch and closes before the browser
  const { open } = opts;
  if (open) pageHooks({ ...opts, open }, launched, use as (opened: Opened) => void);

  afterAll(async () => {
    await browser?.close();
    if (ownServer) await server?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  return { pages: (pageOpts, pageUse) => pageHooks(pageOpts, launched, pageUse) };
}
