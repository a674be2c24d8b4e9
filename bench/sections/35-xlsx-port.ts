/**
 * `score -o --annex` (then `lock` and `unlock` on its output) through the package port at 10 000 and 100 000 agencies (whole process: wall
 * time, CPU time — what a busy machine does not inflate — and peak memory), beside a baseline on the same stack's fastest path (bench/tools/baseline-sum.js:
 * load, sum, save) and, at 10 000, ExcelJS's own load, sum and save (the stack the CLI wrote with before).
 * The target at 100 000: ≤ 1 GiB peak and ≤ 20 s on a quiet 2-core machine.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import * as ExcelJS from "exceljs";
import { benchSheet } from "../core";

interface Ctx {
  root: string;
  rows: number | null;
  log: (...a: unknown[]) => void;
}

/** Runs a node script as its own process: wall time and peak resident memory. */
function measure(root: string, args: string[]): { ms: number; cpu: number; mb: number; code: number | null; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", path.join(root, "bench/tools/maxrss.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /MAXRSS_KB (\d+) CPU_US (\d+)/.exec(r.stderr);
  return { ms, cpu: Number(m?.[2] ?? NaN) / 1000, mb: Number(m?.[1] ?? NaN) / 1024, code: r.status, stderr: r.stderr };
}

async function makeInput(file: string, n: number): Promise<void> {
  // ExcelJS's streaming writer: the input comes from another writer than the one measured.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("Chấm điểm");
  for (const row of benchSheet(n)) ws.addRow(row as ExcelJS.CellValue[]).commit();
  ws.commit();
  await wb.commit();
}

const EXCELJS_BASELINE = `
const ExcelJS = require("exceljs");
(async () => {
  const [input, output] = process.argv.slice(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const ws = wb.worksheets[0];
  ws.eachRow((row, r) => {
    if (typeof row.getCell(1).value !== "number") return;
    let sum = 0;
    for (let c = 3; c <= 8; c++) sum += Number(row.getCell(c).value) || 0;
    row.getCell(10).value = Math.round(sum * 100) / 100;
  });
  await wb.xlsx.writeFile(output);
})();`;

const section = {
  title: "Package port: score -o --annex at 10 000 and 100 000 agencies, beside load-sum-save baselines",
  async run(ctx: Ctx) {
    const sizes = ctx.rows ? [ctx.rows] : [10000, 100000];
    const rows: { measure: string; value: string; unit?: string; note?: string }[] = [];
    for (const n of sizes) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xhcntt-bench-port-"));
      const input = path.join(dir, "in.xlsx");
      ctx.log(`port: generating ${n} agencies…`);
      await makeInput(input, n);
      const size = fs.statSync(input).size;
      const cli = [path.join(ctx.root, "bin/xep-hang-cntt.js"), "score", input, "-o", path.join(dir, "out.xlsx"), "--annex"];
      const decision = ["--decision-number", "06/QĐ-UBND", "--decision-date", "05/01/2021", "--year", "2020", "--force"];
      ctx.log(`port: score -o --annex on ${n}…`);
      const score = measure(ctx.root, [...cli, ...decision]);
      if (score.code !== 0 && score.code !== 1) throw new Error(score.stderr);
      ctx.log(`port: baseline on ${n}…`);
      const base = measure(ctx.root, [path.join(ctx.root, "bench/tools/baseline-sum.js"), input, path.join(dir, "base.xlsx")]);
      if (base.code !== 0) throw new Error(base.stderr);
      rows.push(
        {
          measure: `${n} agencies (input ${(size / 2 ** 20).toFixed(1)} MB): score -o --annex`,
          value: (score.ms / 1000).toFixed(1),
          unit: "s",
          note: `peak ${score.mb.toFixed(0)} MB, CPU ${(score.cpu / 1000).toFixed(1)} s`,
        },
        {
          measure: `  baseline: load, sum, save (package stack)`,
          value: (base.ms / 1000).toFixed(1),
          unit: "s",
          note: `peak ${base.mb.toFixed(0)} MB, CPU ${(base.cpu / 1000).toFixed(1)} s`,
        },
      );
      // lock, then unlock, on the scored output: the store, the code line and two sheets' protection rewritten, the rest copied.
      for (const [name, args] of [
        ["lock", ["lock", path.join(dir, "out.xlsx"), "-o", path.join(dir, "locked.xlsx")]],
        ["unlock", ["unlock", path.join(dir, "locked.xlsx"), "-o", path.join(dir, "unlocked.xlsx"), "--reason", "bench"]],
      ] as const) {
        ctx.log(`port: ${name} on ${n}…`);
        const r = measure(ctx.root, [path.join(ctx.root, "bin/xep-hang-cntt.js"), ...args, "--force"]);
        if (r.code !== 0) throw new Error(r.stderr);
        rows.push({
          measure: `  ${name} -o (package port)`,
          value: (r.ms / 1000).toFixed(1),
          unit: "s",
          note: `peak ${r.mb.toFixed(0)} MB, CPU ${(r.cpu / 1000).toFixed(1)} s`,
        });
      }
      if (n <= 20000) {
        const script = path.join(dir, "exceljs-baseline.js");
        fs.writeFileSync(script, EXCELJS_BASELINE.replace('require("exceljs")', `require(${JSON.stringify(require.resolve("exceljs"))})`));
        const ex = measure(ctx.root, [script, input, path.join(dir, "exceljs.xlsx")]);
        if (ex.code === 0)
          rows.push({
            measure: `  ExcelJS load, sum, save (the former CLI stack)`,
            value: (ex.ms / 1000).toFixed(1),
            unit: "s",
            note: `peak ${ex.mb.toFixed(0)} MB, CPU ${(ex.cpu / 1000).toFixed(1)} s`,
          });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
module.exports = section;
