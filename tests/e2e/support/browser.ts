/**
 * Debian's Chromium (/usr/bin/chromium) driven by playwright-core: no downloaded browser, a fresh profile
 * per launch, no background networking. Every request the pages make is recorded; office.js (and what it
 * loads from its CDN folder) is served from node_modules/@microsoft/office-js/dist, nothing else may leave
 * localhost (it is recorded and aborted).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, normalize, sep } from "node:path";
import { chromium, type BrowserContext, type Page, type Route } from "playwright-core";

export const CHROMIUM = process.env.PAR_E2E_CHROMIUM ?? "/usr/bin/chromium";
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/";
const OFFICE_HOSTED = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const OFFICE_DIST = join(__dirname, "../../../node_modules/@microsoft/office-js/dist");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface RequestLog {
  url: string;
  /**
   * How it was answered: "network" (localhost only), "office.js" (the local copy of a CDN file),
   * "blocked" (office.js made to fail), "missing" (a CDN file the local copy lacks: 404), "aborted".
   */
  via: "network" | "office.js" | "blocked" | "missing" | "aborted";
}

export interface Browser {
  context: BrowserContext;
  /** Every request any page of the context made. */
  requests: RequestLog[];
  /** Uncaught errors in any page (page.on("pageerror")). */
  pageErrors: string[];
  newPage(opts?: { width?: number; height?: number }): Promise<Page>;
  /** Makes office.js fail to load (the offline / blocked-CDN case). */
  blockOffice(block: boolean): void;
  close(): Promise<void>;
}

export function isLocal(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/** A file of office.js's CDN folder from the local copy, or null when the package does not have it. */
function officeFile(url: string): Buffer | null {
  if (!url.startsWith(OFFICE_HOSTED)) return null;
  const rel = decodeURIComponent(new URL(url).pathname.slice("/lib/1/hosted/".length));
  const file = normalize(join(OFFICE_DIST, rel));
  if (!file.startsWith(OFFICE_DIST + sep) || !existsSync(file)) return null;
  return readFileSync(file);
}

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript",
  json: "application/json",
  css: "text/css",
  html: "text/html",
};

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium (never \`npx playwright install\`)`);
  }
  const profile = mkdtempSync(join(tmpdir(), "par-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    // headless is passed as a flag below, with the other flags this project runs Chromium with
    headless: false,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const requests: RequestLog[] = [];
  const pageErrors: string[] = [];
  let officeBlocked = false;

  await context.route(
    () => true,
    async (route: Route) => {
      const url = route.request().url();
      if (isLocal(url)) {
        requests.push({ url, via: "network" });
        return route.continue();
      }
      if (url.startsWith(OFFICE_CDN) && officeBlocked) {
        requests.push({ url, via: "blocked" });
        return route.abort("internetdisconnected");
      }
      if (url.startsWith(OFFICE_CDN)) {
        const body = officeFile(url);
        if (body) {
          requests.push({ url, via: "office.js" });
          const ext = url.split("?")[0].split(".").pop() ?? "";
          return route.fulfill({ status: 200, body, contentType: CONTENT_TYPES[ext] ?? "text/plain" });
        }
        requests.push({ url, via: "missing" });
        return route.fulfill({ status: 404, body: "not in the local office.js copy" });
      }
      requests.push({ url, via: "aborted" });
      return route.abort("blockedbyclient");
    },
  );
  context.on("page", (page) => {
    page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.stack ?? e.message}`));
  });

  return {
    context,
    requests,
    pageErrors,
    async newPage({ width = 1440, height = 900 } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      return page;
    },
    blockOffice(block) {
      officeBlocked = block;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Requests that would have left localhost: anything but office.js served from (or blocked by) the test. */
export function outsideRequests(requests: RequestLog[]): RequestLog[] {
  return requests.filter((r) => !isLocal(r.url) && r.via !== "office.js" && r.via !== "blocked");
}
