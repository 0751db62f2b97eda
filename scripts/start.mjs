#!/usr/bin/env node
// `npm start`: dev server for the add-in on port 3000, with the playground as its home page.
//
// 1. Tries to get trusted Office add-in dev certificates (office-addin-dev-certs). That installs a CA
//    and needs admin rights (sudo on Linux); when it fails we say so and fall back to plain http on
//    localhost, which is enough for the playground in a browser but not for sideloading in Excel.
// 2. Starts `webpack serve` in development mode and, once the port answers, prints the playground's URL
//    first (http(s)://localhost:3000/ serves the playground: webpack emits it as index.html too), then
//    the task pane and manifest URLs for sideloading, and whether it serves https or plain http.
//
// Options: --http (skip certificates, serve plain http). Env PAR_DEV_PROTOCOL=http skips them too;
// PAR_DEV_PROTOCOL=https serves the generated certificate even when its CA could not be trusted.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const PORT = 3000; // fixed: manifest.xml points at https://localhost:3000
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const CERT_FILES = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(CERT_DIR, f));

const log = (msg) => console.log(`[par-index] ${msg}`);

/** Resolves "https" when trusted dev certificates are installed and on disk, else "http" (with the reason). */
async function certificates() {
  const forced = (process.env.PAR_DEV_PROTOCOL || "").toLowerCase();
  if (process.argv.includes("--http") || forced === "http") {
    return { protocol: "http", reason: "plain http requested" };
  }
  let reason = "";
  try {
    const devCerts = require("office-addin-dev-certs");
    log("checking Office add-in dev certificates (may ask for an administrator password)…");
    await devCerts.getHttpsServerOptions();
  } catch (err) {
    reason = String(err?.message ?? err).split("\n")[0];
  }
  // office-addin-dev-certs can report success without usable files (e.g. on Linux without sudo), so
  // check the files ourselves.
  const missing = CERT_FILES.filter((f) => !existsSync(f));
  if (!reason && missing.length === 0) return { protocol: "https", reason: "trusted dev certificate" };
  if (!reason) reason = `missing ${missing.join(", ")}`;
  if (
    forced === "https" &&
    !missing.some((f) => f.endsWith("localhost.crt") || f.endsWith("localhost.key"))
  ) {
    // PAR_DEV_PROTOCOL=https: serve the generated certificate even though the system does not trust it
    return {
      protocol: "https",
      reason: `untrusted dev certificate, forced by PAR_DEV_PROTOCOL=https (${reason})`,
    };
  }
  return { protocol: "http", reason };
}

function portInUse(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.once("listening", () => server.close(() => resolve(false)));
    server.listen(port, "localhost");
  });
}

function waitForPort(port, timeoutMs, isAlive) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      if (!isAlive()) return resolve(false);
      const socket = net.connect(port, "localhost");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) resolve(false);
        else setTimeout(attempt, 500);
      });
    };
    attempt();
  });
}

/**
 * Resolves once `url` answers: webpack-dev-middleware holds requests until the first compile is done, so
 * the URLs are printed after webpack's own output rather than buried above it.
 */
function firstCompile(url, timeoutMs) {
  const get = url.startsWith("https:") ? https.get : http.get;
  return new Promise((resolve) => {
    const req = get(url, { rejectUnauthorized: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => setTimeout(() => resolve(true), 300));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
  });
}

async function main() {
  if (await portInUse(PORT)) {
    console.error(
      `[par-index] port ${PORT} is already in use; stop the other server first (the manifest needs ${PORT}).`,
    );
    process.exit(1);
  }

  const { protocol, reason } = await certificates();
  if (protocol === "https") {
    log(`https with ${reason}`);
  } else {
    log(`no trusted dev certificate (${reason}).`);
    log(`falling back to plain http://localhost:${PORT}. The playground works in any browser; Excel`);
    log("only loads https add-ins, so to sideload manifest.xml run `npx office-addin-dev-certs install`");
    log("with administrator rights, then `npm start` again.");
  }

  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, PAR_DEV_PROTOCOL: protocol },
  });
  let exited = false;
  child.on("exit", (code, signal) => {
    exited = true;
    process.exit(code ?? (signal ? 1 : 0));
  });
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      if (!exited) child.kill(sig);
    });
  }

  if (await waitForPort(PORT, 180_000, () => !exited)) {
    const base = `${protocol}://localhost:${PORT}`;
    await firstCompile(`${base}/`, 300_000);
    const rule = "─".repeat(72);
    console.log(`\n${rule}`);
    log("Playground (the PAR panel on a sample table, in any browser, no Excel needed):");
    log("");
    log(`    ${base}/`);
    log("");
    log(`  task pane   ${base}/taskpane.html  (works inside Excel only)`);
    log(`  manifest    ${base}/manifest.xml   (sideload manifest.xml from the repo root)`);
    log(
      protocol === "https"
        ? `  serving https (${reason}): Excel can sideload manifest.xml.`
        : "  serving plain http on localhost: fine for the playground; Excel needs https (see above).",
    );
    console.log(`${rule}\n`);
  }
}

main().catch((err) => {
  console.error(`[par-index] npm start failed: ${err?.stack ?? err}`);
  process.exit(1);
});
