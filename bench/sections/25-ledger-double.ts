/**
 * "Tính điểm" with a criteria set's ledger through the strict Office.js double: 200 agencies × 50
 * criteria (10 000 ledger rows), every leaf computed and the group sums written into the grid.
 */
import { runScoring } from "../../src/excel/scoring";
import { ledgerWorkbook } from "../ledger";

interface Ctx {
  rows: number | null;
  log: (...a: unknown[]) => void;
}

const section = {
  title: "Office.js double: Tính điểm with a ledger (criteria sets)",
  async run(ctx: Ctx): Promise<{ measure: string; value: string | number; unit?: string; note?: string }[]> {
    const n = ctx.rows ?? 200;
    ctx.log(`ledger: ${n} agencies × 50 criteria…`);
    const { double } = ledgerWorkbook(n);
    const restore = double.install(globalThis);
    try {
      double.stats.reset();
      const t0 = process.hrtime.bigint();
      const outcome = await runScoring("pane");
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (outcome.kind !== "done") throw new Error(outcome.message);
      return [
        {
          measure: `Tính điểm, ${n} agencies × 50 criteria (${n * 50} ledger rows)`,
          value: double.stats.syncs,
          unit: double.stats.syncs === 1 ? "sync" : "syncs",
          note: `${(double.stats.bytes / 1024).toFixed(0)} KB in all; ${ms.toFixed(0)} ms`,
        },
      ];
    } finally {
      restore();
    }
  },
};
module.exports = section;
