/**
 * The one "Gộp phiếu" flow (src/core/flows/merge.ts) run over both ports: the add-in's merge through the Office.js
 * double and the flow on the same workbook's package write the same cells, the same "Tự đánh giá" / "Chênh lệch" /
 * "Theo dõi phiếu" sheets and the same store.
 */
import { exportWorkbookToXlsxBuffer } from "../../office-double/export-xlsx";
import { mergeReturnedForms } from "../../../src/excel/forms";
import { mergedState, planMergeFlow, writeMerge } from "../../../src/core/flows/merge";
import { FORM_TEXT } from "../../../src/core/forms/form-messages";
import { STORE_SHEET } from "../../../src/core/store/store";
import { XlsxPort } from "../../../src/xlsx/port";
import { XlsxWorkbook } from "../../../src/xlsx/workbook";
import { formsReturned, install, MERGED, packageMaster, rect, restoreMaster, SHEET, storeOf } from "./master";

afterEach(restoreMaster);

describe("one Gộp phiếu flow over both ports", () => {
  it("Gộp phiếu: the add-in's merge and the flow on the package write the same grid cells, the same three sheets and the same record", async () => {
    const double = install();
    const forms = await formsReturned();
    const bytes = await exportWorkbookToXlsxBuffer(double.workbook);

    const merged = await mergeReturnedForms(forms, () => new Date(MERGED));
    if (merged.kind !== "done") throw new Error(merged.message);
    expect(merged.merged).toHaveLength(19);
    const inExcel = storeOf(double);

    const port = XlsxPort.open(bytes);
    const master = packageMaster(port);
    const planned = planMergeFlow(port, master, { forms, now: MERGED });
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.flow.plan.writes).toHaveLength(merged.written);
    const written = writeMerge(port, master, planned.flow, {
      deadline: master.state.decision?.formsDeadline,
      stateAfter: ({ loopSheets }) => mergedState(master, planned.flow.plan, loopSheets),
    });
    expect(written.loopSheets).toEqual({ self: FORM_TEXT.selfSheet, diff: FORM_TEXT.diffSheet, track: FORM_TEXT.trackSheet });
    expect(written.changes).toHaveLength(merged.written);
    const out = XlsxWorkbook.open(port.toBytes());

    // The grid: the same values in every cell (scores as numbers, nothing else touched).
    const grid = out.readSheet(SHEET).values;
    expect(rect(double.workbook.sheet(SHEET).getValues("A1:K24"), 24, 11)).toEqual(rect(grid, 24, 11));
    expect(grid[4][2]).toEqual(expect.any(Number));
    // The loop sheets, after the grid in the same order, cell for cell.
    expect(out.sheets.map((s) => s.name).slice(0, 5)).toEqual([SHEET, FORM_TEXT.selfSheet, FORM_TEXT.diffSheet, FORM_TEXT.trackSheet, "Ghi chép"]);
    expect(double.workbook.sheets.map((s) => s.name).slice(0, 5)).toEqual([SHEET, FORM_TEXT.selfSheet, FORM_TEXT.diffSheet, FORM_TEXT.trackSheet, "Ghi chép"]);
    for (const name of [FORM_TEXT.selfSheet, FORM_TEXT.diffSheet, FORM_TEXT.trackSheet]) {
      const inPackage = out.readSheet(name).values;
      const height = Math.max(inPackage.length, 25);
      expect(rect(double.workbook.sheet(name).getValues(`A1:L${height}`), height, 12)).toEqual(rect(inPackage, height, 12));
    }
    // The agency's note went to "Tự đánh giá" as text (a formula would read back as its cached result, none here).
    expect(out.readSheet(FORM_TEXT.selfSheet).values.flat()).toContain("=1+1 đã bổ sung");
    // The record: the same self-assessments, loop sheets and id.
    const stored = out.sheet(STORE_SHEET) ? XlsxPort.open(port.toBytes()).readStore() : null;
    if (!stored?.ok) throw new Error("store");
    expect(stored.state.selfAssessments).toEqual(inExcel.selfAssessments);
    expect(stored.state.loopSheets).toEqual(inExcel.loopSheets);
    expect(stored.state.workbookId).toBe(inExcel.workbookId);
  }, 60_000);
});
