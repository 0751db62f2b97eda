#!/usr/bin/env node
// `npm run test:e2e`: the browser tests. Builds once (`webpack --mode production` into dist/), then runs
// jest with jest.e2e.config.js (tests/e2e: Debian's Chromium at /usr/bin/chromium through playwright-core,
// pages served from dist/ on a free localhost port). The JSON report goes to test-results/e2e.json, which
// .ci/run adds to its "N passed, N failed" line.
//
// Options: --no-build   reuse dist/ when it has a build (CI builds in its own step just before)
//          --update     also rewrite docs/screenshots/*.png and the bundle section of docs/BENCHMARKS.md
//                       (same as UPDATE_SCREENSHOTS=1 UPDATE_BENCHMARKS=1)
// Other arguments go to jest (e.g. `npm run test:e2e -- -t playground`).
// Never runs `npx playwright install`: there is no browser download here, Debian's Chromium is used.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const CHROMIUM = process.env.PAR_E2E_CHROMIUM ?? "/usr/bin/chromium";
const REPORT = path.join("test-results", "e2e.json");

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const noBuild = flag("--no-build");
const env = { ...process.env };
if (flag("--update")) {
  env.UPDATE_SCREENSHOTS = "1";
  env.UPDATE_BENCHMARKS = "1";
}

const log = (msg) => console.log(`[e2e] ${msg}`);

if (!existsSync(CHROMIUM)) {
  console.error(`[e2e] ${CHROMIUM} not found: install Debian's chromium (apt-get install chromium).`);
  process.exit(1);
}

if (noBuild && existsSync(path.join(ROOT, "dist", "taskpane.html"))) {
  log("reusing the build in dist/ (--no-build)");
} else {
  log("building: webpack --mode production");
  const t0 = Date.now();
  const webpack = require.resolve("webpack-cli/bin/cli.js");
  const built = spawnSync(process.execPath, [webpack, "--mode", "production"], {
    cwd: ROOT,
    stdio: "inherit",
    env,
  });
  if (built.status !== 0) {
    console.error("[e2e] the build failed; no browser test ran.");
    process.exit(built.status ?? 1);
  }
  log(`built in ${Math.round((Date.now() - t0) / 1000)} s`);
}

mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
// jest's "exports" hide bin/jest.js from require.resolve: find it next to its package.json
const jest = path.join(path.dirname(require.resolve("jest/package.json")), "bin", "jest.js");
const run = spawnSync(
  process.execPath,
  [jest, "-c", "jest.e2e.config.js", "--json", `--outputFile=${REPORT}`, ...args],
  { cwd: ROOT, stdio: "inherit", env },
);
process.exit(run.status ?? 1);
