import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");
export const EXAMPLE = path.join(ROOT, "examples/danh-gia-2020.xlsx");
export const BIN = path.join(ROOT, "bin/xep-hang-cntt.js");

let built = false;
/** Written after a build; the command line is compiled again only when a file it is made of is newer. */
const STAMP = path.join(ROOT, "dist-cli", ".built");
const CLI_SOURCES = ["src/core", "src/cli", "src/xlsx"];

/** The newest modification time among the command line's sources and the compiler's settings. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of CLI_SOURCES) walk(path.join(ROOT, d));
  for (const f of ["tsconfig.json", "tsconfig.cli.json"]) newest = Math.max(newest, fs.statSync(path.join(ROOT, f)).mtimeMs);
  return newest;
}

/**
 * Compiles the command line (incremental), as `npm ci` does through `prepare`: once per test run, not once
 * per test file. A file sees the build another made when none of the sources is newer than its stamp.
 */
export function buildCli(): void {
  if (built) return;
  if (fs.existsSync(STAMP) && fs.statSync(STAMP).mtimeMs >= newestSource()) {
    built = true;
    return;
  }
  const started = Date.now();
  const r = spawnSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tsc failed:\n${r.stdout}\n${r.stderr}`);
  // Stamped with the time the build started: a source saved during the build makes the next file build again.
  fs.writeFileSync(STAMP, "");
  fs.utimesSync(STAMP, new Date(started), new Date(started));
  built = true;
}

/** Runs the command line in Vietnamese (LANG=vi_VN.UTF-8, no LC_ALL or LC_MESSAGES) unless `env` says otherwise. */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const { LC_ALL: _all, LC_MESSAGES: _messages, ...rest } = process.env;
  void _all;
  void _messages;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...rest, LANG: "vi_VN.UTF-8", FORCE_COLOR: "0", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "xhcntt-"));
