#!/usr/bin/env node
/**
 * `npm run bench`: runs every section in bench/sections/ (in file-name order) and prints one table.
 *
 * A section is a module (`.js`, or `.ts` transpiled on the fly) exporting
 *   { title: string, run(ctx): Promise<Row[]> | Row[] }   with   Row = { measure, value, unit?, note? }
 * To add one, drop e.g. bench/sections/20-office-double.js next to 10-core.js. `ctx` gives:
 *   ctx.root                 the project directory
 *   ctx.core("room/name")    require("dist-cli/core/room/name") — the compiled core (built if stale)
 *   ctx.requireBuilt(rel)    require("dist-cli/<rel>") — other compiled CLI modules
 *   ctx.time(fn, opts)       median wall time in ms of fn() after warm-up ({ warmup, runs })
 *   ctx.rows                 the --rows N override, if given
 *   ctx.log(...)             progress output on stderr
 *
 * Options: --only <text> (sections whose title or file contains it), --rows N, --json.
 * No ts-node: the core is the CLI build (`tsc -p tsconfig.cli.json`, run here when dist-cli is
 * missing or older than src/core), and .ts bench files are transpiled with TypeScript in memory.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist-cli");
const SECTIONS_DIR = path.join(__dirname, "sections");

/** Newest modification time of the .ts files under a directory (0 if none). */
function newestSource(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds dist-cli with `tsc -p tsconfig.cli.json` when it is missing or older than its sources. */
function ensureBuild(log) {
  const marker = path.join(DIST, "core", "grid", "scoring.js");
  const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
  const sources = Math.max(newestSource(path.join(ROOT, "src", "core")), newestSource(path.join(ROOT, "src", "cli")));
  if (built && built >= sources) return;
  log(built ? "dist-cli is older than src: rebuilding (tsc -p tsconfig.cli.json)…" : "dist-cli missing: building (tsc -p tsconfig.cli.json)…");
  const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (!fs.existsSync(marker)) throw new Error("tsc did not produce dist-cli/core/grid/scoring.js");
  // tsc still emits on type errors elsewhere in src/cli; the core build is what we need.
  if (r.status !== 0) log(`tsc exited with ${r.status}; continuing with the emitted build`);
  // Touch the marker so that a build that emitted nothing new is not retried on every run.
  const now = new Date();
  fs.utimesSync(marker, now, now);
}

/** Lets require() load .ts bench files (type annotations stripped by TypeScript, no type check). */
function registerTs() {
  if (require.extensions[".ts"]) return;
  const ts = require(require.resolve("typescript", { paths: [ROOT] }));
  require.extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const out = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, sourceMap: false },
    });
    module._compile(out.outputText, filename);
  };
}

let gc = null;
function getGc() {
  if (gc) return gc;
  if (typeof global.gc === "function") gc = global.gc;
  else {
    require("v8").setFlagsFromString("--expose_gc");
    gc = require("vm").runInNewContext("gc");
  }
  return gc;
}

/** Median wall time (ms) of fn() over `runs` runs after `warmup` runs; a GC before each run. */
function time(fn, { warmup = 2, runs = 7 } = {}) {
  const collect = getGc();
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { median, min: times[0], max: times[times.length - 1], runs: times };
}

/** The section files, in order: bench/sections/*.js and *.ts. */
function sectionFiles() {
  if (!fs.existsSync(SECTIONS_DIR)) return [];
  return fs
    .readdirSync(SECTIONS_DIR)
    .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith(".d.ts"))
    .sort()
    .map((f) => path.join(SECTIONS_DIR, f));
}

/** Loads every section: [{ file, title, run }]. */
function loadSections() {
  registerTs();
  return sectionFiles().map((file) => {
    const mod = require(file);
    const section = mod && mod.default ? mod.default : mod;
    if (!section || typeof section.run !== "function") throw new Error(`${path.relative(ROOT, file)}: export { title, run(ctx) }`);
    return { file, title: section.title || path.basename(file), run: section.run };
  });
}

function parseArgs(argv) {
  const args = { only: null, rows: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--only") args.only = argv[++i];
    else if (argv[i] === "--rows") args.rows = Number(argv[++i]);
    else if (argv[i] === "--json") args.json = true;
  }
  return args;
}

function makeContext(args, log) {
  return {
    root: ROOT,
    rows: args.rows,
    log,
    time,
    core: (name) => require(path.join(DIST, "core", name)),
    requireBuilt: (rel) => require(path.join(DIST, rel)),
  };
}

function printTable(results) {
  const header = ["Section", "Measure", "Value", "Note"];
  const lines = [];
  for (const { title, rows, error } of results) {
    if (error) lines.push([title, "error", "", String(error.message || error)]);
    else for (const r of rows) lines.push([title, r.measure, r.unit ? `${r.value} ${r.unit}` : String(r.value), r.note || ""]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => "| " + cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ") + " |";
  console.log(fmt(header));
  console.log("|" + widths.map((w, i) => (i === 2 ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|") + "|");
  for (const l of lines) console.log(fmt(l));
}

async function runAll(argv = process.argv.slice(2)) {
  const args = parseArgs(argv);
  const log = (...a) => console.error(...a);
  ensureBuild(log);
  const ctx = makeContext(args, log);
  const results = [];
  for (const s of loadSections()) {
    if (args.only && !s.title.includes(args.only) && !path.basename(s.file).includes(args.only)) continue;
    log(`▶ ${s.title}`);
    try {
      results.push({ title: s.title, rows: await s.run(ctx) });
    } catch (error) {
      results.push({ title: s.title, rows: [], error });
    }
  }
  if (args.json)
    console.log(
      JSON.stringify(
        results.map((r) => ({ title: r.title, rows: r.rows, error: r.error ? String(r.error.message || r.error) : undefined })),
        null,
        2,
      ),
    );
  else printTable(results);
  return results;
}

module.exports = { loadSections, sectionFiles, runAll, time, ensureBuild, registerTs };

if (require.main === module) {
  runAll().then(
    (results) => process.exit(results.some((r) => r.error) ? 1 : 0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
