const os = require("os");

/** @type {import('jest').Config} */
module.exports = {
  // At least two workers: jest's default (cores - 1) runs CI's 2-core machine on one worker while the main
  // process only hands out files (425 s there; 251 s on two).
  maxWorkers: Math.max(2, (os.availableParallelism ? os.availableParallelism() : os.cpus().length) - 1),
  testEnvironment: "node",
  // No test is timed (speed lives in the benchmarks); a generous limit only catches a hung test on a loaded machine.
  testTimeout: 30000,
  // Testing Library's waits too (findBy…, waitFor): tests/support/asyncTimeout.ts.
  setupFilesAfterEnv: ["<rootDir>/tests/support/asyncTimeout.ts"],
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true } },
    ],
  },
};
