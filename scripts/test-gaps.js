#!/usr/bin/env node
"use strict";
/**
 * node scripts/test-gaps.js — the modules of src/core and src/excel without a test file of their name
 * (src/X/foo.ts ↔ test/X/foo.test.ts), and the test files there whose name is no module's. A newcomer
 * finds a module's tests beside its name; this lists where that does not hold yet. Exit code 0 always:
 * it is a list to work from, not a gate.
 */
const fs = require("fs");
const path = require("path");

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
const missing = modules.filter((m) => !tests.has(testOf(m)) && !tests.has(testOf(m) + "x"));
const named = new Set(modules.map(testOf));
const orphans = [...tests].filter((t) => !named.has(t.replace(/\.tsx$/, ".ts")));

console.log(`${modules.length - missing.length} of ${modules.length} modules have a test file of their name.`);
if (missing.length) console.log(`\nWithout one:\n${missing.map((m) => `  ${m} (${lines(m)} lines)`).join("\n")}`);
if (orphans.length) console.log(`\nTest files named after no module (a scenario across modules, or to split):\n${orphans.map((t) => `  ${t}`).join("\n")}`);
