#!/usr/bin/env node
"use strict";
/**
 * npm run test:quick — the tests a change needs, in a minute or two instead of the whole suite: the
 * core's tests (fast, pure) and every test that imports a file changed since the branch left main
 * (committed or not), found by Jest's own dependency graph (--findRelatedTests). Extra arguments go to
 * Jest (`npm run test:quick -- --verbose`). A base other than main: TEST_QUICK_BASE=origin/main.
 */
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();

/** Files changed since the merge base with `base` (or, without it, since the last commit), and untracked ones. */
function changedFiles(base) {
  let since = "HEAD";
  try {
    since = git("merge-base", "HEAD", base);
  } catch {
    // no such branch (a fresh clone of one branch): the uncommitted changes only
  }
  const names = [git("diff", "--name-only", since), git("ls-files", "--others", "--exclude-standard")].join("\n");
  return [...new Set(names.split("\n").filter(Boolean))].filter((f) => /\.(ts|tsx|js|json)$/.test(f) && fs.existsSync(path.join(root, f)));
}

const core = fs
  .readdirSync(path.join(root, "test/core"), { recursive: true })
  .map((f) => String(f).split(path.sep).join("/"))
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => `test/core/${f}`);
const changed = changedFiles(process.env.TEST_QUICK_BASE || "main");
console.log(`test:quick: the core's ${core.length} test files and the tests related to ${changed.length} changed file(s)`);
// A test file is related to itself, so the core's tests ride along in the same run.
const jest = require.resolve("jest/bin/jest", { paths: [root] });
const run = spawnSync(process.execPath, [jest, "--findRelatedTests", ...core, ...changed, ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(run.status ?? 1);
