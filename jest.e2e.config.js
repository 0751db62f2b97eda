// Browser tests (tests/e2e): Debian's Chromium driven by playwright-core against the production build
// in dist/, served by a tiny static server. Run them with `npm run test:e2e` (scripts/e2e.mjs builds
// first); plain `npm test` never runs them.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.test.ts"],
  // one browser at a time: the files share the machine's CPU with webpack and Chromium
  maxWorkers: 1,
  testTimeout: 90_000,
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true } },
    ],
  },
};
