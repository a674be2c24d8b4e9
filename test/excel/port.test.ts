/**
 * The workbook port on Office.js (src/excel/port.ts): the flow's reads answered from the first sync's
 * snapshot, and its writes placed from the used range's corner. The flows over both ports: test/core/flows.
 */
import { cellAddress } from "../../src/core/base/address";
import { planScoring } from "../../src/core/flows/score";
import { scoreSheet } from "../../src/core/grid/scoring";
import { presetRules } from "../../src/core/rules/rules";
import { ExcelPort, loadedRead, queuePortRead } from "../../src/excel/port";
import { SHEET, gridDouble, throughExcel, restoreDouble } from "../core/flows/helpers";

afterEach(restoreDouble);

describe("ExcelPort", () => {
  it("answers the flow's reads from the first sync's snapshot: the sheets and their states, the grid from its used range's corner, the store", async () => {
    const double = gridDouble("B3");
    await Excel.run(async (context) => {
      const read = queuePortRead(context, context.workbook.worksheets.getActiveWorksheet());
      await context.sync();
      double.stats.reset();
      const port = new ExcelPort(context, loadedRead(read));
      expect(port.sheets()).toEqual([
        { name: SHEET, state: "visible" },
        { name: "Ghi chép", state: "visible" },
        { name: "Ẩn", state: "hidden" },
      ]);
      const grid = port.readSheet(SHEET);
      expect(grid.origin).toEqual({ row: 2, col: 1 });
      expect(grid.values[0][0]).toBe("KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG ỨNG DỤNG CÔNG NGHỆ THÔNG TIN");
      expect(port.readStore()).toEqual({ ok: true, state: {}, issues: [] });
      // A sheet the first sync did not load is not read behind the flow's back.
      expect(() => port.readSheet("Ghi chép")).toThrow(/not loaded/);
      expect(double.stats.syncs).toBe(0);
    });
  });

  it("writes from the used range's corner as the package does from A1, and applies nothing without the store's state", async () => {
    const double = gridDouble("B3");
    const excel = await throughExcel(double);
    expect(excel.syncs).toBe(2);
    const ws = double.workbook.sheet(SHEET);
    const first = excel.plan.blocks[0];
    // Sheet coordinates are the used range's: the first result lands offset by B3.
    expect(ws.getValues(cellAddress(first.row + 2, first.col + 1))[0][0]).toBe(first.values[0][0]);

    double.stats.reset();
    await Excel.run(async (context) => {
      const read = queuePortRead(context, context.workbook.worksheets.getActiveWorksheet());
      await context.sync();
      const port = new ExcelPort(context, loadedRead(read));
      const scored = scoreSheet(port.readSheet(SHEET).values, presetRules(), { row: 2, col: 1 });
      if (!scored.ok) throw new Error("grid");
      const stored = port.readStore();
      if (!stored.ok) throw new Error("store");
      const planned = planScoring(port, { sheet: SHEET, scored, state: stored.state, comparison: null });
      if (!planned.ok) throw new Error(planned.message);
      expect(() => port.writeResults({ sheet: "Ghi chép", plan: planned.plan, layout: scored.layout, converted: [] })).toThrow(/not "Ghi chép"/);
      port.writeResults({ sheet: SHEET, plan: planned.plan, layout: scored.layout, converted: [] });
      await expect(port.apply()).rejects.toThrow(/without the store's state/);
    });
    expect(double.stats.syncs).toBe(1);
  });
});
