/** "Tính điểm" with a ledger (criteria sets) in the strict Office.js double: 200 agencies × 50 criteria, a fixed number of syncs, undoable. */
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { LEDGER_SHEET } from "../../src/core/grid/ledger";
import { ledgerWorkbook as workbook } from "../../bench/ledger";
import { selectCell } from "../../src/excel/opening";

describe("Tính điểm with a ledger", () => {
  it("200 agencies × 50 criteria (10 000 ledger rows): every group sum in the grid, the ledger's Tự chấm and Điểm, scored, in at most 3 syncs, undone exactly", async () => {
    const { double, expected, points } = workbook(200);
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
      // The ledger's Điểm (K) is every entry's points; Tự chấm (G) too, except for typed points (read, not written).
      const ledger = double.workbook.sheet(LEDGER_SHEET);
      expect(ledger.getValues(`K3:K${points.length + 2}`).map((r) => r[0])).toEqual(points);
      const self = ledger.getValues(`G3:G${points.length + 2}`).map((r) => r[0]);
      expect(self).toEqual(points);
      const undone = await undoLast();
      expect(undone.kind).toBe("done");
      expect(ws.snapshot().cells).toEqual(before.cells);
      expect(double.workbook.sheet(LEDGER_SHEET).snapshot().cells).toEqual(ledgerBefore.cells);
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

describe.each([19, 20])("the ledger's Tự chấm and Điểm at ExcelApi 1.%i", (apiLevel) => {
  // The first agency's 1.2 (levels: Tự chấm computed) and 1.1 (points typed), rows 4 and 3 of the ledger.
  const setup = () => {
    const made = workbook(3, () => undefined, { apiLevel });
    return { ...made, grid: made.double.workbook.sheet("Chấm điểm"), ledger: made.double.workbook.sheet(LEDGER_SHEET) };
  };

  it("Tính điểm writes them with the grid's sums in one action; Hoàn tác gives both sheets back", async () => {
    const { double, grid, ledger, points } = setup();
    const gridBefore = grid.snapshot().cells;
    const ledgerBefore = ledger.snapshot().cells;
    const restore = double.install(globalThis);
    try {
      const outcome = await runScoring("pane");
      if (outcome.kind !== "done") throw new Error(outcome.message);
      expect(ledger.getValues("G3:G4")).toEqual([[points[0]], [points[1]]]);
      expect(ledger.getValues(`K3:K${points.length + 2}`).map((r) => r[0])).toEqual(points);
      if (apiLevel >= 20) expect(double.undo.stack.length).toBe(1);
      const undone = await undoLast();
      expect(undone).toMatchObject({ kind: "done", leftAlone: [] });
      expect(grid.snapshot().cells).toEqual(gridBefore);
      expect(ledger.snapshot().cells).toEqual(ledgerBefore);
    } finally {
      restore();
    }
  });

  it("a ledger cell edited after Tính điểm is left alone by Hoàn tác and named with its sheet; the rest goes back", async () => {
    const { double, grid, ledger } = setup();
    const gridBefore = grid.snapshot().cells;
    const restore = double.install(globalThis);
    try {
      await runScoring("pane");
      double.edit(LEDGER_SHEET, "K4", [[7]]);
      const undone = await undoLast();
      expect(undone).toMatchObject({ kind: "done", leftAlone: ["'Chấm điểm chi tiết'!K4"] });
      if (undone.kind === "done") expect(undone.message).toContain("'Chấm điểm chi tiết'!K4");
      expect(ledger.getValues("K3:K5")).toEqual([[""], [7], [""]]);
      expect(grid.snapshot().cells).toEqual(gridBefore);
    } finally {
      restore();
    }
  });

  it("the ledger's own number formats and a formula someone put in Tự chấm come back with Hoàn tác (the journal checked in the write batch)", async () => {
    const { double, grid, ledger } = setup();
    ledger.setCell("K3:K5", { numberFormat: "0.00" });
    ledger.setCell("G4", { formula: "=1", value: 1 }); // 1.2 (levels): its Tự chấm is the add-in's to compute
    const ledgerBefore = ledger.snapshot().cells;
    const gridBefore = grid.snapshot().cells;
    const restore = double.install(globalThis);
    try {
      const outcome = await runScoring("pane");
      if (outcome.kind !== "done") throw new Error(outcome.message);
      expect(ledger.getCell("K3").numberFormat).toBe("0.00");
      expect([ledger.getCell("G4").formula, ledger.getCell("G4").value]).toEqual([null, 5]);
      expect(await undoLast()).toMatchObject({ kind: "done", leftAlone: [] });
      // The formula is written back (the double does not compute it: its value is compared apart).
      expect(ledger.getCell("G4").formula).toBe("=1");
      const { G4: _now, ...after } = ledger.snapshot().cells;
      const { G4: _before, ...expected } = ledgerBefore;
      expect(after).toEqual(expected);
      expect(ledger.getCell("K3").numberFormat).toBe("0.00");
      expect(grid.snapshot().cells).toEqual(gridBefore);
    } finally {
      restore();
    }
  });

  if (apiLevel >= 20)
    it("one Ctrl+Z takes back the grid and the ledger together (one undo group)", async () => {
      const { double, grid, ledger } = setup();
      const gridBefore = grid.snapshot().cells;
      const ledgerBefore = ledger.snapshot().cells;
      const restore = double.install(globalThis);
      try {
        const outcome = await runScoring("pane");
        expect(outcome.kind).toBe("done");
        expect(ledger.snapshot().cells).not.toEqual(ledgerBefore);
        double.pressUndo();
        expect(grid.snapshot().cells).toEqual(gridBefore);
        expect(ledger.snapshot().cells).toEqual(ledgerBefore);
      } finally {
        restore();
      }
    });
});
