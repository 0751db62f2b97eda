/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // No test is timed (speed lives in the benchmarks); a generous limit only catches a hung test on a loaded machine.
  testTimeout: 30000,
  // Testing Library's waits too (findBy…, waitFor): tests/support/asyncTimeout.ts.
  setupFilesAfterEnv: ["<rootDir>/tests/support/asyncTimeout.ts"],
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true } }],
  },
};
