/**
 * End-to-end harness: builds the task pane and the Office.js double with webpack's Node API (the
 * project's webpack.config.js, development mode, task pane entry only plus the double's entry) and
 * serves the build on 127.0.0.1.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";

export const ROOT = path.resolve(__dirname, "../..");

export async function buildPane(): Promise<string> {
  const { default: webpack } = await import("webpack");
  const { default: HtmlWebpackPlugin } = await import("html-webpack-plugin");
  const configFile: string = path.join(ROOT, "webpack.config.js");
  const { default: makeConfig } = await import(configFile);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "pane-e2e-"));
  const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "development" });
  config.mode = "development";
  config.context = ROOT;
  config.devtool = false;
  config.entry = { taskpane: config.entry.taskpane, "office-double": "./test/e2e/office-double-entry.ts" };
  config.output = { ...config.output, path: outDir, clean: true };
  config.plugins = config.plugins.filter((p: unknown) => p instanceof HtmlWebpackPlugin && p.userOptions?.filename === "taskpane.html");
  config.infrastructureLogging = { level: "error" };
  delete config.devServer;
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats) return reject(new Error("webpack returned no stats"));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
  return outDir;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
};

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "") || "taskpane.html";
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
