/**
 * The command line run in this process (no build, no child): what it printed on stdout and stderr, and its exit
 * code, in Vietnamese as a user's shell with LANG=vi_VN.UTF-8 would have it.
 */
import { main } from "../../src/cli/main";

export async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false, env: { LANG: "vi_VN.UTF-8" } });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}
