// @ts-check
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const reactHooks = require("eslint-plugin-react-hooks");
const globals = require("globals");

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
        { patterns: [{ group: ["react", "react-dom", "@fluentui/*", "exceljs", "fs", "path", "../excel/*", "../taskpane/*", "../cli/*"], message: "src/core is pure: no Office, React, DOM or Node import." }] },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window"],
    },
  },
  { files: ["**/*.js"], languageOptions: { globals: { ...globals.node } }, rules: { "@typescript-eslint/no-require-imports": "off" } },
);
