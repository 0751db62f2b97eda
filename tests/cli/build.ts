/** Builds the compiled CLI (dist-cli/) the bin runs, as `npm run build:cli` does (incremental: quick when current). */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(__dirname, "../..");
export const BIN = join(ROOT, "bin/par-index.cjs");

let built = false;

export function ensureCliBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    stdio: "inherit",
    timeout: 240_000,
  });
  built = true;
}
