#!/usr/bin/env node
// `npx par-index …`: runs the compiled CLI (dist-cli/, made by `npm run build:cli`; `npm run build` and
// `npm test` make it too). No TypeScript loader at start-up.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const entry = join(__dirname, "..", "dist-cli", "cli", "node.js");
if (!existsSync(entry)) {
  process.stderr.write(
    "par-index: chưa có bản dịch của công cụ (dist-cli/). Chạy «npm run build:cli» rồi thử lại.\n" +
      "           The CLI is not built yet (dist-cli/). Run «npm run build:cli», then try again.\n",
  );
  process.exit(1);
}
require(entry);
