/** "Tính điểm" with a ledger (criteria sets) in the strict Office.js double: 200 agencies × 50 criteria, a fixed number of syncs, undoable. */
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { LEDGER_SHEET } from "../../src/core/grid/ledger";
import { ledgerWorkbook as workbook } from "../../bench/ledger";
import { selectCell } from "../../src/excel/opening";

describe("Tính điểm with a ledger", () => {
  it("200 agencies × 50 criteria (10 000 ledger rows): every group sum in the grid, scored, in at most 3 syncs, undone exactly", async () => {
    const { double, expected } = workbook(200);
    const ws = double.workbook.sheet("Chấm điểm");
    const before = ws.snapshot();
    const ledgerBefore = double.workbook.sheet(LEDGER_SHEET).snapshot();
    const restore = double.install(globalThis);
    try {
      const outcome = await runScoring("pane");
      if (outcome.kind !== "done") throw new Error(outcome.message);
      expect(double.stats.syncs).toBeLessThanOrEqual(3);
      expect(outcome.run.agencies).toBe(200);
      expect(outcome.run.scored).toBe(200);
      expect(outcome.findings).toEqual([]);
      const values = ws.getValues("C2:H201");
      expect(values).toEqual(expected);
      // Totals (column J, the first result column) follow the sums.
      const totals = ws.getValues("J2:J201").map((r) => r[0]);
      expect(totals.slice(0, 3)).toEqual(expected.slice(0, 3).map((g) => Math.round(g.reduce((a, b) => a + b, 0) * 100) / 100));
      // The ledger is read, not written.
      expect(double.workbook.sheet(LEDGER_SHEET).snapshot()).toEqual(ledgerBefore);
      const undone = await undoLast();
      expect(undone.kind).toBe("done");
      expect(ws.snapshot().cells).toEqual(before.cells);
    } finally {
      restore();
    }
  });

  it("a ledger finding is shown on the ledger's sheet, at its own cell (clicking it selects that cell)", async () => {
    const { double } = workbook(3, (ledger) => (ledger[2][6] = 12)); // G3: the first agency's 1.1, points typed, 12 of 10
    const restore = double.install(globalThis);
    try {
      const outcome = await runScoring("pane");
      if (outcome.kind !== "done") throw new Error(outcome.message);
      const f = outcome.findings.find((x) => x.code === "criterionOverMax")!;
      expect([f.sheet, f.cell]).toEqual([LEDGER_SHEET, "G3"]);
      expect(f.message).toContain("'Chấm điểm chi tiết'!G3");
      expect(f.ifCorrected).toMatch(/^Nếu sửa 12 → 10/);
      await selectCell(f.sheet, f.cell);
    } finally {
      restore();
    }
  });

  it("a group cell a user typed over is kept and named; scoring again with nothing changed writes nothing", async () => {
    const { double, expected } = workbook(3);
    const ws = double.workbook.sheet("Chấm điểm");
    ws.setValues("C3", [[5]]);
    const restore = double.install(globalThis);
    try {
      const outcome = await runScoring("pane");
      if (outcome.kind !== "done") throw new Error(outcome.message);
      expect(outcome.findings.map((f) => [f.code, f.cell])).toEqual([["groupTypedOver", "C3"]]);
      expect(ws.getValues("C2:C4").map((r) => r[0])).toEqual([expected[0][0], 5, expected[2][0]]);
      const again = await runScoring("pane");
      expect(again.kind === "done" && again.unchanged).toBe(true);
    } finally {
      restore();
    }
  });
});
