#!/usr/bin/env node
"use strict";
/**
 * node scripts/test-gaps.js — the modules of src/core and src/excel without a test file of their name
 * (src/X/foo.ts ↔ test/X/foo.test.ts), and the test files there whose name is no module's. A newcomer
 * finds a module's tests beside its name.
 *
 * With --check (run by `npm run lint`, hence by `npm test`) it fails when a module has no test file of its
 * name and is not in ALLOWED below; it warns (without failing: engineers land in parallel) when ALLOWED names a
 * module that is gone or has a test file now, to be taken out. A new module gets its test file; ALLOWED is
 * only for catalogues of messages (walked whole, every code in both languages, by
 * test/core/base/catalogue.test.ts) and type-only modules, and for a while a module whose tests still sit in
 * another file (named there, to be split).
 */
const fs = require("fs");
const path = require("path");

/** Modules without a test file of their name, and why. */
const ALLOWED = {
  "src/core/findings/explain-messages.ts": "catalogue (explanations), rendered by catalogue.test.ts and explain.test.ts",
  "src/core/forms/form-messages.ts": "catalogues (forms, merge, council, read limits), rendered by catalogue.test.ts",
  "src/core/grid/previous-messages.ts": "catalogues (last year), rendered by catalogue.test.ts and messages.test.ts",
  "src/core/rules/ruleMessages.ts": "catalogue (rules problems), rendered by catalogue.test.ts and rules.test.ts",
  "src/excel/host-messages.ts": "catalogue (host errors), rendered by catalogue.test.ts and host.test.ts",
  "src/excel/messages.ts": "catalogues (use cases, print steps), rendered by catalogue.test.ts",
  "src/core/rules/ruleProblem.ts": "types only (RuleProblem and its codes)",
  "src/core/sheets/port.ts": "types only (the workbook port; its two implementations are tested in test/excel/port.test.ts and test/xlsx)",
};

const root = path.resolve(__dirname, "..");
const files = (dir) =>
  fs.existsSync(path.join(root, dir))
    ? fs
        .readdirSync(path.join(root, dir), { recursive: true })
        .map((f) => `${dir}/${String(f).split(path.sep).join("/")}`)
        .sort()
    : [];
const lines = (f) => fs.readFileSync(path.join(root, f), "utf8").split("\n").length;

const modules = [...files("src/core"), ...files("src/excel")].filter((f) => /\.ts$/.test(f));
const tests = new Set([...files("test/core"), ...files("test/excel")].filter((f) => /\.test\.tsx?$/.test(f)));
const testOf = (m) => m.replace(/^src\//, "test/").replace(/\.ts$/, ".test.ts");
const hasTest = (m) => tests.has(testOf(m)) || tests.has(testOf(m) + "x");
const missing = modules.filter((m) => !hasTest(m));
const named = new Set(modules.map(testOf));
const orphans = [...tests].filter((t) => !named.has(t.replace(/\.tsx$/, ".ts")));

if (process.argv.includes("--check")) {
  const unexplained = missing.filter((m) => !(m in ALLOWED));
  const stale = Object.keys(ALLOWED).filter((m) => !modules.includes(m) || hasTest(m));
  for (const m of unexplained)
    console.error(
      `test-gaps: ${m} has no test file of its name: write ${testOf(m)} (or, for a catalogue or types only, add it to ALLOWED in scripts/test-gaps.js).`,
    );
  for (const m of stale)
    console.error(`test-gaps (warning): ${m} is in ALLOWED but ${modules.includes(m) ? `has ${testOf(m)} now` : "is gone"}: take it out of ALLOWED.`);
  process.exit(unexplained.length > 0 ? 1 : 0);
}

console.log(`${modules.length - missing.length} of ${modules.length} modules have a test file of their name.`);
if (missing.length) console.log(`\nWithout one:\n${missing.map((m) => `  ${m} (${lines(m)} lines)${m in ALLOWED ? `: ${ALLOWED[m]}` : ""}`).join("\n")}`);
if (orphans.length) console.log(`\nTest files named after no module (a scenario across modules, or to split):\n${orphans.map((t) => `  ${t}`).join("\n")}`);
