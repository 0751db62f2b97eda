// The deployment build's manifest: manifest.xml is written for the dev server (https://localhost:3000/);
// `npm run build -- --env url=https://host/path/` makes webpack copy it into dist/ with every URL on that
// base instead (SourceLocation, icons, function file/runtime, support page) and the AppDomain on its origin.
// Used by webpack.config.js (CopyWebpackPlugin transform) and tested by tests/manifest/deploy.test.ts.
"use strict";

const DEV_BASE = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";

/** The base URL, checked and ending in "/": Office loads add-ins over https only. */
function normalizeBase(url) {
  let parsed;
  try {
    parsed = new URL(String(url));
  } catch {
    throw new Error(
      `--env url=${url}: not an absolute URL (e.g. https://intranet.example.gov.vn/par-index/)`,
    );
  }
  if (parsed.protocol !== "https:") {
    throw new Error(`--env url=${url}: Office loads add-ins over https only`);
  }
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(`--env url=${url}: no query, fragment or credentials in the base URL`);
  }
  const path = parsed.pathname.endsWith("/") ? parsed.pathname : `${parsed.pathname}/`;
  return `${parsed.origin}${path}`;
}

/** manifest.xml with every dev-server URL moved to `base` (AppDomain: the base's origin). */
function manifestForBase(xml, base) {
  const b = normalizeBase(base);
  const origin = new URL(b).origin;
  let out = xml.replace(
    /<!--[\s\S]*?-->/,
    `<!--\n  PAR INDEX (Chỉ số CCHC) Excel add-in manifest, built for ${b}\n  (npm run build with env url; the source, manifest.xml, points at the dev server).\n-->`,
  );
  out = out.replace(
    /<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g,
    `<AppDomain>${origin}</AppDomain>`,
  );
  out = out.split(DEV_BASE).join(b);
  if (out.includes(DEV_ORIGIN)) {
    throw new Error("manifest.xml has a localhost URL the deployment transform does not know how to move");
  }
  return out;
}

module.exports = { DEV_BASE, normalizeBase, manifestForBase };
