#!/usr/bin/env node
"use strict";
/**
 * node scripts/fix-imports.js [--move MAP.json] [--dry]
 *
 * Rewrites the relative imports of src/, test/, bench/ and scripts/ after files moved. The moves are
 * scripts/moves.json ({"old/path.ts": "new/path.ts", …}, paths from the repository root) and MAP.json:
 * - a move not made yet is made with `git mv` (so git's rename detection carries edits made elsewhere
 *   through merges); MAP.json's moves are then added to scripts/moves.json;
 * - an import that named a moved file is rewritten; so is an import inside a moved file that was written
 *   for its old place (what a merged edit from another branch brings);
 * - an import that names no file at all is rewritten when a file of that name exists exactly once under
 *   src/core.
 * Run it after merging a branch that moved files (`node scripts/fix-imports.js`): it is idempotent.
 * Paths in comments and docs (`src/core/x.ts`, `test/core/x.test.ts`) follow the same map.
 * It only changes import paths: run `npm run lint` after it.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const dry = args.includes("--dry");
const mapArg = args.indexOf("--move");
const MOVES = path.join(root, "scripts", "moves.json");
const known = fs.existsSync(MOVES) ? JSON.parse(fs.readFileSync(MOVES, "utf8")) : {};
const added = mapArg >= 0 ? JSON.parse(fs.readFileSync(args[mapArg + 1], "utf8")) : {};
const moves = { ...known, ...added };

const abs = (p) => path.join(root, p);

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

// 1. The moves.
const oldOf = new Map(); // new absolute path → old absolute path
for (const [from, to] of Object.entries(moves)) {
  if (!fs.existsSync(abs(from))) {
    if (fs.existsSync(abs(to))) {
      oldOf.set(abs(to), abs(from));
      continue;
    }
    throw new Error(`${from}: no such file`);
  }
  if (!dry) {
    fs.mkdirSync(path.dirname(abs(to)), { recursive: true });
    execFileSync("git", ["mv", from, to], { cwd: root });
  }
  oldOf.set(abs(to), abs(from));
}
const newOf = new Map([...oldOf].map(([n, o]) => [o, n]));
if (mapArg >= 0 && !dry) fs.writeFileSync(MOVES, JSON.stringify(moves, null, 2) + "\n");

const EXTS = [".ts", ".tsx", ".js", ".json"];
const exists = (p) => fs.existsSync(p) && fs.statSync(p).isFile();
/** The file a specifier names, as the tree was before the moves (absolute), or null. */
function resolveOld(fromDir, spec) {
  const base = path.resolve(fromDir, spec);
  const candidates = [base, ...EXTS.map((e) => base + e), ...EXTS.map((e) => path.join(base, "index" + e))];
  for (const c of candidates) if (newOf.has(c)) return c;
  for (const c of candidates) if (exists(c) && !newOf.has(c)) return c;
  return null;
}

/** Whether a specifier names an existing file from `fromDir`. */
function resolveNow(fromDir, spec) {
  const base = path.resolve(fromDir, spec);
  return [base, ...EXTS.map((e) => base + e), ...EXTS.map((e) => path.join(base, "index" + e))].some(exists);
}

const core = walk(abs("src/core")).filter((f) => /\.tsx?$/.test(f));
const byName = new Map();
for (const f of core) {
  const n = path.basename(f).replace(/\.tsx?$/, "");
  byName.set(n, byName.has(n) ? null : f);
}

const SPEC = /(\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|\bjest\.(?:mock|requireActual|doMock|unmock)\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]*)\2/g;
const files = ["src", "test", "bench", "scripts"].flatMap((d) => walk(abs(d))).filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f));
let changedFiles = 0;
let changedImports = 0;
for (const file of files) {
  const oldFile = oldOf.get(file) ?? file;
  const text = fs.readFileSync(file, "utf8");
  const next = text.replace(SPEC, (all, head, q, spec) => {
    // A moved file's import that names a file from where the file is now is right already.
    if (oldFile !== file && resolveNow(path.dirname(file), spec)) return all;
    const target = resolveOld(path.dirname(oldFile), spec);
    let now = target && (newOf.get(target) ?? target);
    if (!now) {
      const name = path.basename(spec).replace(/\.(ts|tsx|js)$/, "");
      if (!byName.get(name)) return all;
      now = byName.get(name);
    }
    const explicit = /\.(ts|tsx|js|json)$/.test(spec);
    let out = path
      .relative(path.dirname(file), explicit ? now : now.replace(/\.(ts|tsx|js)$/, ""))
      .split(path.sep)
      .join("/");
    if (!out.startsWith(".")) out = "./" + out;
    if (out === spec) return all;
    changedImports++;
    return head + q + out + q;
  });
  if (next !== text) {
    changedFiles++;
    if (!dry) fs.writeFileSync(file, next);
  }
}

// 2. Paths named in comments and docs.
const pathMoves = Object.entries(moves).map(([from, to]) => [from.replace(/\.ts$/, ""), to.replace(/\.ts$/, "")]);
const docs = [
  ...files,
  ...walk(abs("docs")).filter((f) => f.endsWith(".md")),
  ...["README.md", "package.json", "eslint.config.js", "jest.config.js"].map(abs).filter(exists),
];
let changedDocs = 0;
for (const file of docs) {
  const text = fs.readFileSync(file, "utf8");
  let next = text;
  for (const [from, to] of pathMoves) {
    const esc = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    next = next.replace(new RegExp(`(?<![\\w/.-])${esc}(?=\\.(?:ts|test\\.ts)\\b)`, "g"), to);
    if (from.startsWith("src/core/")) {
      const short = from.slice("src/".length);
      const shortEsc = short.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      next = next.replace(new RegExp(`(?<![\\w/.-])(dist-cli/)?${shortEsc}(?=\\.(?:ts|js)\\b)`, "g"), (m, d) => (d ?? "") + to.slice("src/".length));
    }
  }
  if (next !== text) {
    changedDocs++;
    if (!dry) fs.writeFileSync(file, next);
  }
}
console.log(
  `fix-imports: ${oldOf.size} move(s) known, ${changedImports} import(s) in ${changedFiles} file(s) rewritten, paths named in ${changedDocs} file(s)`,
);
