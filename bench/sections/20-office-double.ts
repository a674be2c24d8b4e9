/**
 * "Tính điểm" and "Tạo phụ lục" on a 10 000-agency sheet through the strict Office.js double:
 * syncs, operations and bytes per sync (deterministic), and wall time (this machine, indicative).
 */
import { createOfficeDouble } from "../../test/office-double";
import { runScoring } from "../../src/excel/scoring";
import { generateAnnex } from "../../src/excel/annex";
import { saveDecision } from "../../src/excel/settings";
import { benchSheet } from "../core";

interface Ctx {
  rows: number | null;
  log: (...a: unknown[]) => void;
}

const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;

async function once(n: number) {
  const double = createOfficeDouble({ sheets: ["Chấm điểm"] });
  double.workbook.sheet("Chấm điểm").setValues("A1", benchSheet(n) as (string | number)[][]);
  const restore = double.install(globalThis);
  try {
    await saveDecision({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" });
    double.stats.reset();
    let t0 = process.hrtime.bigint();
    const scored = await runScoring("pane");
    const scoreMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (scored.kind !== "done") throw new Error(scored.message);
    const scoreStats = double.stats.requests.map((r) => ({ ops: r.ops, bytes: r.bytes }));
    double.stats.reset();
    t0 = process.hrtime.bigint();
    const annex = await generateAnnex({ confirmErrors: true });
    const annexMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (annex.kind !== "done") throw new Error(JSON.stringify(annex));
    const annexStats = double.stats.requests.map((r) => ({ ops: r.ops, bytes: r.bytes }));
    return { scoreMs, annexMs, scoreStats, annexStats };
  } finally {
    restore();
  }
}

const section = {
  title: "Office.js double: Tính điểm and Tạo phụ lục on 10 000 agencies",
  async run(ctx: Ctx) {
    const n = ctx.rows ?? 10000;
    ctx.log(`office double: ${n} rows…`);
    await once(200); // warm-up
    const runs = [await once(n), await once(n), await once(n)];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
    const { scoreStats, annexStats } = runs[0];
    return [
      { measure: `Tính điểm, ${n} rows: syncs`, value: scoreStats.length, note: "read; write; save state" },
      ...scoreStats.map((s, i) => ({ measure: `  sync ${i + 1}`, value: kb(s.bytes), note: `${s.ops} operations` })),
      { measure: "  wall time (double, median of 3)", value: median(runs.map((r) => r.scoreMs)).toFixed(0), unit: "ms" },
      { measure: `Tạo phụ lục, ${n} rows: syncs`, value: annexStats.length, note: "read; write; save state" },
      ...annexStats.map((s, i) => ({ measure: `  sync ${i + 1}`, value: kb(s.bytes), note: `${s.ops} operations` })),
      { measure: "  wall time (double, median of 3)", value: median(runs.map((r) => r.annexMs)).toFixed(0), unit: "ms" },
    ];
  },
};
module.exports = section;
