import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");
export const EXAMPLE = path.join(ROOT, "examples/danh-gia-2020.xlsx");
export const BIN = path.join(ROOT, "bin/xep-hang-cntt.js");

let built = false;
/** Compiles the command line once per test file (incremental), as `npm ci` does through `prepare`. */
export function buildCli(): void {
  if (built) return;
  const r = spawnSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tsc failed:\n${r.stdout}\n${r.stderr}`);
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
