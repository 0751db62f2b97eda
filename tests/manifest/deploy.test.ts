// The deployment build: `npm run build -- --env url=https://host/path/` copies manifest.xml into dist/ with
// every URL on that base. Runs webpack's manifest transform as a function (no build): the config's
// CopyWebpackPlugin pattern for manifest.xml, and scripts/manifest-url.cjs behind it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allUrls, checkResids, checkSharedRuntime, parseManifest } from "./manifestChecks";

const ROOT = join(__dirname, "..", "..");
const RAW = readFileSync(join(ROOT, "manifest.xml"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestForBase, normalizeBase } = require(join(ROOT, "scripts", "manifest-url.cjs")) as {
  manifestForBase(xml: string, base: string): string;
  normalizeBase(url: string): string;
};

interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer, path: string) => string | Buffer;
}
type Config = { plugins: Array<{ patterns?: CopyPattern[] }> };

/** webpack.config.js's copy pattern for manifest.xml, for the given --env. */
async function manifestPattern(env: Record<string, unknown>): Promise<CopyPattern> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<Config | Config[]>;
  const configs = [await factory(env, { mode: "production" })].flat();
  const pattern = configs
    .flatMap((c) => c.plugins)
    .flatMap((p) => p.patterns ?? [])
    .find((p) => p.from === "manifest.xml");
  if (!pattern) throw new Error("webpack.config.js does not copy manifest.xml");
  return pattern;
}

const BASE = "https://intranet.example.gov.vn/par-index/";

describe("npm run build -- --env url=…", () => {
  test("every URL of dist/manifest.xml is on the base: pages, icons, runtime, support; AppDomain its origin", async () => {
    const pattern = await manifestPattern({ url: BASE });
    expect(pattern.transform).toBeDefined();
    const out = String(pattern.transform!(Buffer.from(RAW, "utf8"), join(ROOT, "manifest.xml")));
    expect(out).not.toContain("localhost");
    const m = parseManifest(out);
    const urls = allUrls(out);
    expect(urls.length).toBe(allUrls(RAW).length);
    for (const u of urls) {
      if (u === "https://intranet.example.gov.vn") continue; // AppDomain
      expect(u.startsWith(BASE)).toBe(true);
    }
    expect(out).toContain("<AppDomain>https://intranet.example.gov.vn</AppDomain>");
    expect(out).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
    expect(out).toContain(`<IconUrl DefaultValue="${BASE}assets/icon-32.png"/>`);
    expect(out).toContain(`<SupportUrl DefaultValue="${BASE}assets/support.html"/>`);
    expect(out).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${BASE}taskpane.html"/>`); // runtime + ribbon
    // still the same add-in: the shared runtime and the resources are intact
    expect(checkSharedRuntime(parseManifest(out.split(BASE).join("https://localhost:3000/")))).toEqual([]);
    expect(checkResids(m)).toEqual([]);
  });

  test("without --env url the dev manifest (localhost) is copied unchanged", async () => {
    const pattern = await manifestPattern({});
    expect(pattern.transform).toBeUndefined();
  });

  test("a base without a trailing slash, or at the root of a host, works the same", () => {
    expect(normalizeBase("https://host.example/par")).toBe("https://host.example/par/");
    expect(normalizeBase("https://host.example")).toBe("https://host.example/");
    const root = manifestForBase(RAW, "https://host.example");
    expect(root).toContain('<SourceLocation DefaultValue="https://host.example/taskpane.html"/>');
    expect(root).toContain("<AppDomain>https://host.example</AppDomain>");
  });

  test("http, relative or decorated URLs are refused (Office loads add-ins over https only)", async () => {
    for (const bad of ["http://intranet/par/", "intranet/par", "https://host/par/?x=1", "https://host/#a"]) {
      expect(() => normalizeBase(bad)).toThrow(/--env url=/);
    }
    await expect(manifestPattern({ url: "http://intranet/par/" })).rejects.toThrow(/https only/);
  });
});
