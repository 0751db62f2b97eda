#!/usr/bin/env node
// `npx par-index …` in the repository: runs the TypeScript CLI through tsx (no build step needed).
require("tsx/cjs/api").register();
require("../src/cli/node.ts");
