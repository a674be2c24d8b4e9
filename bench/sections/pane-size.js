/**
 * Size of the task pane's JavaScript as Office downloads it: taskpane.js of a production build,
 * raw and gzipped. Reuses dist/taskpane.js when it is a production build newer than the sources;
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
  const js = fs.readFileSync(file);
  const gz = zlib.gzipSync(js, { level: 9 });
  const br = zlib.brotliCompressSync(js);
  const htmlFile = path.join(path.dirname(file), "taskpane.html");
  const html = fs.existsSync(htmlFile) ? fs.readFileSync(htmlFile) : null;
  const kb = (n) => (n / 1024).toFixed(1);
  const rows = [
    { measure: "taskpane.js gzipped", value: kb(gz.length), unit: "KiB", note },
    { measure: "taskpane.js brotli", value: kb(br.length), unit: "KiB" },
    { measure: "taskpane.js raw (minified)", value: kb(js.length), unit: "KiB" },
  ];
  if (html) rows.push({ measure: "taskpane.html gzipped", value: kb(zlib.gzipSync(html, { level: 9 }).length), unit: "KiB", note: "office.js is loaded from Microsoft's CDN, not counted" });
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  return rows;
}

module.exports = { name: "pane-size", title: "Task pane size", run, buildTaskpane };

if (require.main === module) {
  run({ log: (...a) => console.error(...a) }).then((rows) => console.table(rows), (e) => {
    console.error(e);
    process.exit(1);
  });
}
