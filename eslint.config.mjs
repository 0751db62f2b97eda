// ESLint 9 flat config. Type-aware rules are deliberately off (fast, no tsconfig project service).
// Formatting is prettier's job (`npm run lint` runs `prettier --check` after eslint).
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

// eslint-plugin-office-addins ships flat "recommended"/"react" configs, but they pull in its own older
// typescript-eslint plugin instance (a second "@typescript-eslint" plugin → config error) and prettier as
// a lint rule, and only match .ts (not .tsx). So its Office.js rules are wired here by hand instead.
const officeAddinsRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "warn",
  "office-addins/no-empty-load": "warn",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "warn",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default defineConfig([
  // .prof/: a developer's local profiles and bundled measuring scripts (git-ignored).
  globalIgnores([
    "dist/",
    "dist-cli/",
    "build/",
    "coverage/",
    "node_modules/",
    "test-results/",
    "playwright-report/",
    ".prof/",
  ]),

  // TypeScript everywhere (src, tests, bench) and the JS tooling files
  {
    files: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
    extends: [tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "warn" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "no-debugger": "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      eqeqeq: ["error", "smart"],
    },
  },

  // Office.js usage rules where Office.js is used (elsewhere, e.g. ExcelJS in the xlsx host and the CLI,
  // their load/sync heuristics misfire on look-alike names such as row.cellCount)
  {
    files: ["src/hosts/office/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },

  // Layering: only the Office host adapter talks to the Excel object model.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/hosts/office/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Excel", property: "run", message: "Excel.run belongs in src/hosts/office/ only." },
      ],
    },
  },

  // CommonJS tooling files (webpack.config.js, jest.config.js, *.cjs)
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
]);
