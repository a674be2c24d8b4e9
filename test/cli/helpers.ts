import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");
export const EXAMPLE = path.join(ROOT, "examples/danh-gia-2020.xlsx");
const BIN = path.join(ROOT, "bin/xep-hang-cntt.js");

let built = false;
/** Compiles the command line once per test file (incremental), as `npm ci` does through `prepare`. */
export function buildCli(): void {
  if (built) return;
  const r = spawnSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tsc failed:\n${r.stdout}\n${r.stderr}`);
  built = true;
}

export function runCli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "xhcntt-"));
