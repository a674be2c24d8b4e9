/**
 * Size of the task pane as Office downloads it on opening: the JavaScript and CSS that taskpane.html
 * loads (its <script src> and <link rel="stylesheet">, office.js from Microsoft's CDN excepted), gzipped,
 * next to Microsoft's React hello-world template (168 047 bytes gzipped) as a ratio; then the chunks
 * loaded later, on first use. Reuses dist/ when it is a production build newer than the sources;
 * otherwise builds the task pane alone (webpack's Node API, the project's webpack.config.js) into a
 * temporary directory, leaving dist/ alone.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");

const ROOT = path.resolve(__dirname, "..", "..");

function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return t;
}

/** The task pane's entry script in dir: taskpane.js, or taskpane.<content hash>.js in production. */
function entryScript(dir) {
  if (!fs.existsSync(dir)) return null;
  const name = fs.readdirSync(dir).find((n) => /^taskpane(\.[0-9a-f]+)?\.js$/.test(n));
  return name ? path.join(dir, name) : null;
}

/** dist's taskpane script if it is minified (no "/***\/" module markers of a development build) and newer than src/. */
function reusableDist() {
  const file = entryScript(path.join(ROOT, "dist"));
  if (!file) return null;
  if (fs.statSync(file).mtimeMs < newest(path.join(ROOT, "src"))) return null;
  const text = fs.readFileSync(file, "utf8");
  return text.includes("/***/") ? null : file;
}

/** Builds only the task pane (production) into outDir with the project's webpack config; resolves to the stats. */
async function buildTaskpane(outDir, log = () => {}) {
  const req = (id) => require(require.resolve(id, { paths: [ROOT] }));
  const webpack = req("webpack");
  const HtmlWebpackPlugin = req("html-webpack-plugin");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
  config.mode = "production";
  config.context = ROOT;
  config.entry = { taskpane: config.entry.taskpane };
  config.output = { ...config.output, path: outDir, clean: true };
  config.plugins = config.plugins.filter((p) => p instanceof HtmlWebpackPlugin && p.userOptions && p.userOptions.filename === "taskpane.html");
  delete config.devServer;
  log(`building the task pane (production) into ${outDir}…`);
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats);
    }),
  );
}

/** Microsoft's Office-Addin-TaskPane-React template, hello-world, production build: its taskpane.js gzipped. */
const TEMPLATE_BYTES = 168047;

/** Files taskpane.html loads itself (relative to its directory), scripts and style sheets, CDN excepted. */
function initialFiles(html) {
  const text = html.toString("utf8");
  const out = [];
  // Minified HTML drops the quotes around attribute values.
  for (const m of text.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)) out.push(m[1]);
  for (const m of text.matchAll(/<link[^>]*rel=["']?stylesheet[^>]*href=["']?([^"'\s>]+)/g)) out.push(m[1]);
  return out.filter((f) => !/^(https?:)?\/\//.test(f));
}

/** Gzipped sizes of the initial files and of the other chunks in the build directory. */
function measure(dir) {
  const html = fs.readFileSync(path.join(dir, "taskpane.html"));
  const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length;
  const initial = initialFiles(html).map((f) => ({ file: f, gz: gz(f), raw: fs.statSync(path.join(dir, f)).size }));
  const names = new Set(initial.map((f) => f.file));
  const later = fs
    .readdirSync(dir)
    .filter((f) => /\.(js|css)$/.test(f) && !names.has(f) && !/^commands/.test(f))
    .map((f) => ({ file: f, gz: gz(f), raw: fs.statSync(path.join(dir, f)).size }));
  return { initial, later, html: zlib.gzipSync(html, { level: 9 }).length };
}

async function run(ctx = {}) {
  const log = ctx.log || (() => {});
  let file = reusableDist();
  let note = file ? `dist/${path.basename(file)}` : "";
  let tmp = null;
  if (!file) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pane-size-"));
    await buildTaskpane(tmp, log);
    file = entryScript(tmp);
    note = "fresh production build";
  }
  const { initial, later, html } = measure(path.dirname(file));
  const total = initial.reduce((n, f) => n + f.gz, 0);
  const rows = [
    { measure: "initial JS + CSS gzipped (taskpane.html)", value: total, unit: "B", note: `${initial.map((f) => f.file).join(", ")}; ${note}` },
    {
      measure: "  ratio to the React template's 168 047 B",
      value: (total / TEMPLATE_BYTES).toFixed(3),
      note: total <= 100000 ? "under the 100 000 B goal" : "over the 100 000 B goal",
    },
    { measure: "  raw (minified)", value: initial.reduce((n, f) => n + f.raw, 0), unit: "B" },
    ...later.sort((x, y) => y.gz - x.gz).map((f) => ({ measure: `  later, on first use: ${f.file}`, value: f.gz, unit: "B gz" })),
    { measure: "taskpane.html gzipped", value: html, unit: "B", note: "office.js is loaded from Microsoft's CDN, not counted" },
  ];
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  return rows;
}

module.exports = { name: "pane-size", title: "Task pane size", run, buildTaskpane, measure, initialFiles, TEMPLATE_BYTES };

if (require.main === module) {
  run({ log: (...a) => console.error(...a) }).then(
    (rows) => console.table(rows),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
