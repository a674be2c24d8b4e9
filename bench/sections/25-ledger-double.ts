/**
 * "Tính điểm" with a criteria set's ledger through the strict Office.js double: 200 agencies × 50
 * criteria (10 000 ledger rows), every leaf computed, the ledger's Tự chấm (computed methods) and Điểm
 * written, the group sums written into the grid; then one Hoàn tác giving both sheets back.
 */
import { LEDGER_SHEET } from "../../src/core/grid/ledger";
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
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
      const ledger = double.workbook.sheet(LEDGER_SHEET);
      const range = `G3:K${n * 50 + 2}`;
      const before = ledger.getValues(range);
      double.stats.reset();
      const t0 = process.hrtime.bigint();
      const outcome = await runScoring("pane");
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (outcome.kind !== "done") throw new Error(outcome.message);
      const scored = { syncs: double.stats.syncs, kb: double.stats.bytes / 1024 };
      // Ledger cells the run wrote: Tự chấm of the computed methods (G) and Điểm (K).
      const after = ledger.getValues(range);
      const written = after.reduce((count, row, i) => count + row.filter((v, j) => v !== before[i][j]).length, 0);
      double.stats.reset();
      const t1 = process.hrtime.bigint();
      const undone = await undoLast();
      const undoMs = Number(process.hrtime.bigint() - t1) / 1e6;
      if (undone.kind !== "done") throw new Error("Hoàn tác refused");
      const back = ledger.getValues(range).every((row, i) => row.every((v, j) => v === before[i][j]));
      return [
        {
          measure: `Tính điểm, ${n} agencies × 50 criteria (${n * 50} ledger rows)`,
          value: scored.syncs,
          unit: scored.syncs === 1 ? "sync" : "syncs",
          note: `${scored.kb.toFixed(0)} KB in all; ${written} ledger cells written (Tự chấm, Điểm) with the grid's sums; ${ms.toFixed(0)} ms`,
        },
        {
          measure: `Hoàn tác of that run (grid and ledger)`,
          value: double.stats.syncs,
          unit: double.stats.syncs === 1 ? "sync" : "syncs",
          note: `${(double.stats.bytes / 1024).toFixed(0)} KB in all; ledger ${back ? "as before" : "NOT as before"}; ${undoMs.toFixed(0)} ms`,
        },
      ];
    } finally {
      restore();
    }
  },
};
module.exports = section;
