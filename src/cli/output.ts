import * as fs from "fs";
import * as path from "path";
import { CliMessage, cliMessage, OutputKind } from "./messages";

export type OutputCheck = { ok: true } | { ok: false; message: CliMessage };

const statOrNull = (file: string, follow = true): fs.Stats | null => {
  try {
    return follow ? fs.statSync(file) : fs.lstatSync(file);
  } catch {
    return null;
  }
};

/** The nearest existing ancestor of a path (the path itself excluded), or null. */
function existingAncestor(file: string): { dir: string; stat: fs.Stats } | null {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    const stat = statOrNull(dir);
    if (stat) return { dir, stat };
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * Whether an output file (OUT.xlsx, the chart, a form) may be written, checked before anything is read and again just before the write:
 * never an input file (any of them) under another name (a symlink, a hard link, another letter case on Windows
 * and macOS: the file's identity, device and inode, decides), never an existing file without
 * --force, never a folder or a path under a file.
 */
export function checkOutput(inputs: string | readonly string[], output: string, force: boolean, kind: OutputKind = "output"): OutputCheck {
  const target = statOrNull(output);
  if (/[\\/]$/.test(output) || target?.isDirectory()) return { ok: false, message: cliMessage("outputIsDirectory", { output, kind }) };
  for (const input of typeof inputs === "string" ? [inputs] : inputs) {
    if (isSameFile(input, output, target))
      // Spelled as the input was, it is the input: "under another name" is said only of another spelling (a link, ./, .., case).
      return {
        ok: false,
        message: input === output ? cliMessage("outputIsInputByName", { output, kind }) : cliMessage("outputIsInput", { input, output, kind }),
      };
  }
  if ((target || statOrNull(output, false)) && !force) return { ok: false, message: cliMessage("outputExists", { output, kind }) };
  const ancestor = existingAncestor(output);
  if (ancestor && !ancestor.stat.isDirectory())
    return { ok: false, message: cliMessage("outputUnderFile", { output, file: path.relative(process.cwd(), ancestor.dir) || ancestor.dir, kind }) };
  return { ok: true };
}

/** Whether `output` names the file `input` is (device and inode; else the real paths, without case where the file system ignores it). */
function isSameFile(input: string, output: string, target: fs.Stats | null): boolean {
  const source = statOrNull(input);
  if (source && target) return source.dev === target.dev && source.ino === target.ino;
  if (!source || target) return false;
  // Not there under this spelling: the same file only if both real paths agree (a dangling link
  // cannot be the input); compared without case where the file system ignores it.
  const real = (f: string) => {
    try {
      return fs.realpathSync.native(f);
    } catch {
      return null;
    }
  };
  const parent = real(path.dirname(path.resolve(output)));
  const mine = real(input);
  if (!parent || !mine) return false;
  const a = path.join(parent, path.basename(output));
  return process.platform === "win32" || process.platform === "darwin" ? a.toLowerCase() === mine.toLowerCase() : a === mine;
}

/**
 * Writes OUT.xlsx through a temporary file beside it, renamed over the target only once complete:
 * a failed write leaves neither a half-written output nor the temporary file behind.
 */
export async function writeAtomically(
  output: string,
  write: (tmp: string) => Promise<void>,
  kind: OutputKind = "output",
): Promise<{ ok: true } | { ok: false; message: CliMessage }> {
  const dir = path.dirname(path.resolve(output));
  const tmp = path.join(dir, `.${path.basename(output)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    await write(tmp);
    fs.renameSync(tmp, output);
    return { ok: true };
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR" || code === "EEXIST") {
      const ancestor = existingAncestor(output);
      if (ancestor && !ancestor.stat.isDirectory())
        return { ok: false, message: cliMessage("outputUnderFile", { output, file: path.relative(process.cwd(), ancestor.dir) || ancestor.dir, kind }) };
    }
    if (code === "EISDIR") return { ok: false, message: cliMessage("outputIsDirectory", { output, kind }) };
    return { ok: false, message: cliMessage("outputNotWritten", { output, reason: code ?? (e as Error).message }) };
  }
}
