/**
 * #19 “three 50 MB forms within the bound of one”: `merge` of one large returned form, then of three,
 * each its own process (peak resident memory, CPU time). Each form is a hand-made form of Sở Y tế
 * (its six group rows and scores) followed by rows of random text that bring the file to about 30 MB:
 * as large as FORM_LIMITS let a form be (just under 100 000 cells, of 440 characters each: about 42 MB
 * once inflated, under 32 MiB a part and 64 MiB a file). The merge reads one form at a time and keeps
 * only the window of cells it reads (compactReturnedForm), so three cost about what one does.
 * Then the issue's own measure: three forms of about 50 MB (two 25 MiB pictures of random bytes each),
 * under a 4 GB address-space limit (ulimit -v).
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import JSZip from "jszip";
import { bigForm } from "../../test/forms/big-form";
import { FORM_LIMITS } from "../../src/xlsx/forms";

interface Ctx {
  root: string;
  rows: number | null;
  log: (...a: unknown[]) => void;
}

function measure(root: string, args: string[], addressLimitKb?: number): { cpu: number; mb: number; code: number | null; stderr: string; outcome: string } {
  const node = [process.execPath, "-r", path.join(root, "bench/tools/maxrss.js"), ...args];
  // Under `ulimit -v` (an address-space limit, as the zip-bomb tests use) when one is given.
  const r = addressLimitKb
    ? spawnSync("bash", ["-c", `ulimit -v ${addressLimitKb} && exec "$0" "$@"`, ...node], { encoding: "utf8", maxBuffer: 1 << 28 })
    : spawnSync(node[0], node.slice(1), { encoding: "utf8", maxBuffer: 1 << 28 });
  const m = /MAXRSS_KB (\d+) CPU_US (\d+)/.exec(r.stderr);
  let outcome = "";
  try {
    const json = JSON.parse(r.stdout) as { merged: unknown[]; findings: { code: string }[] };
    outcome = `merged ${json.merged.length}; findings: ${json.findings.map((f) => f.code).join(", ") || "none"}`;
  } catch {
    outcome = `exit ${r.status}`;
  }
  return { cpu: Number(m?.[2] ?? NaN) / 1000, mb: Number(m?.[1] ?? NaN) / 1024, code: r.status, stderr: r.stderr, outcome };
}

/** A form of about 50 MB: a hand-made form of Sở Y tế with two pictures of 25 MiB of random bytes (stored: they do not compress; within FORM_LIMITS). */
async function pictureForm(file: string): Promise<void> {
  await bigForm(file, 100, { secondSheet: true });
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  for (const n of [1, 2]) zip.file(`xl/media/image${n}.png`, crypto.randomBytes(25 * 2 ** 20), { compression: "STORE" });
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

const section = {
  title: "Forms: merge of one large form, then of three (30 MB of text; 50 MB of pictures under ulimit -v 4 GB): peak memory per process",
  async run(ctx: Ctx) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xhcntt-forms-mem-"));
    const cli = path.join(ctx.root, "bin/xep-hang-cntt.js");
    const example = path.join(ctx.root, "examples/danh-gia-2020.xlsx");
    // Two sheets of three cells a row: as many rows as the forms' cell limit allows, less the form's own cells.
    const junkRows = ctx.rows ?? Math.floor((FORM_LIMITS.maxCells! - 1000) / 6);
    ctx.log(`forms memory: three forms of ${junkRows} × 2 rows of random text…`);
    const forms = ["a", "b", "c"].map((n) => path.join(dir, n, "so-y-te.xlsx"));
    for (const f of forms) fs.mkdirSync(path.dirname(f), { recursive: true });
    await bigForm(forms[0], junkRows, { secondSheet: true, cellBytes: 330 });
    fs.copyFileSync(forms[0], forms[1]);
    fs.copyFileSync(forms[0], forms[2]);
    const size = fs.statSync(forms[0]).size / 2 ** 20;
    const run = (list: string[], out: string) => measure(ctx.root, [cli, "merge", example, ...list, "-o", path.join(dir, out), "--year", "2020", "--json"]);
    const one = run(forms.slice(0, 1), "one.xlsx");
    const three = run(forms, "three.xlsx");
    for (const r of [one, three]) if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
    // Measured only when the forms were merged (not refused by a reading limit: --rows too many).
    for (const r of [one, three]) if (!r.outcome.startsWith("merged 1;")) throw new Error(`forms memory: the large form was not merged (${r.outcome})`);
    // The measure: three forms of about 50 MB under a 4 GB address-space limit.
    const pictures = ["d", "e", "f"].map((n) => path.join(dir, n, "so-y-te.xlsx"));
    for (const f of pictures) fs.mkdirSync(path.dirname(f), { recursive: true });
    await pictureForm(pictures[0]);
    fs.copyFileSync(pictures[0], pictures[1]);
    fs.copyFileSync(pictures[0], pictures[2]);
    const big = fs.statSync(pictures[0]).size / 2 ** 20;
    const limited = (list: string[], out: string) =>
      measure(ctx.root, [cli, "merge", example, ...list, "-o", path.join(dir, out), "--year", "2020", "--json"], 4 * 2 ** 20);
    const oneBig = limited(pictures.slice(0, 1), "one-big.xlsx");
    const threeBig = limited(pictures, "three-big.xlsx");
    for (const r of [oneBig, threeBig]) if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
    fs.rmSync(dir, { recursive: true, force: true });
    return [
      {
        measure: `merge, 1 form of ${size.toFixed(0)} MB: peak memory`,
        value: one.mb.toFixed(0),
        unit: "MB",
        note: `CPU ${(one.cpu / 1000).toFixed(1)} s; ${one.outcome}`,
      },
      {
        measure: `merge, 3 forms of ${size.toFixed(0)} MB: peak memory`,
        value: three.mb.toFixed(0),
        unit: "MB",
        note: `CPU ${(three.cpu / 1000).toFixed(1)} s; ${three.outcome}`,
      },
      { measure: "  three ÷ one", value: (three.mb / one.mb).toFixed(2), unit: "×", note: "one form at a time, only the cells the merge reads kept" },
      {
        measure: `merge under ulimit -v 4 GB, 1 form of ${big.toFixed(0)} MB (pictures): peak memory`,
        value: oneBig.mb.toFixed(0),
        unit: "MB",
        note: `CPU ${(oneBig.cpu / 1000).toFixed(1)} s; ${oneBig.outcome}`,
      },
      {
        measure: `merge under ulimit -v 4 GB, 3 forms of ${big.toFixed(0)} MB (pictures): peak memory`,
        value: threeBig.mb.toFixed(0),
        unit: "MB",
        note: `CPU ${(threeBig.cpu / 1000).toFixed(1)} s; ${threeBig.outcome}`,
      },
      {
        measure: "  three ÷ one",
        value: (threeBig.mb / oneBig.mb).toFixed(2),
        unit: "×",
        note: "each form within FORM_LIMITS (32 MiB a part, 64 MiB a file, 100 000 cells and shared strings)",
      },
    ];
  },
};
module.exports = section;
