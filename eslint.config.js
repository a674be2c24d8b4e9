// @ts-check
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const reactHooks = require("eslint-plugin-react-hooks");
const globals = require("globals");
const officeAddins = require("eslint-plugin-office-addins");

module.exports = tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "node_modules/**", "out/**", "coverage/**", "test-artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "@fluentui/*", "exceljs", "fs", "path", "**/excel/*", "**/taskpane/*", "**/cli/*", "**/commands/*", "**/xlsx/*"],
              message: "src/core is pure: no Office, React, DOM or Node import.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window"],
    },
  },
  {
    // Office.js usage: the plugin's own rules (its "recommended" preset also brings a parser and a
    // Prettier check of its own; the formatting check is `npm run format:check`).
    files: ["src/excel/**/*.ts", "src/commands/**/*.ts", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  { files: ["**/*.js"], languageOptions: { globals: { ...globals.node } }, rules: { "@typescript-eslint/no-require-imports": "off" } },
);
