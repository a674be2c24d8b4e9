/**
 * The one "Tính điểm" flow (src/core/flows/score.ts) run over both ports: the strict double through ExcelPort,
 * and the same workbook saved as .xlsx through XlsxPort, give the same plan, marks, record and written cells.
 */
import { exportWorkbookToXlsxBuffer } from "../../office-double/export-xlsx";
import { cellAddress } from "../../../src/core/base/address";
import { MARK_FILL } from "../../../src/core/grid/plan";
import { XlsxPort } from "../../../src/xlsx/port";
import { XlsxWorkbook } from "../../../src/xlsx/workbook";
import { SHEET, gridDouble, scoreThrough, plannedCells, throughExcel, restoreDouble } from "./helpers";

afterEach(restoreDouble);

describe("one Tính điểm flow over both ports", () => {
  it("the double through ExcelPort and the same workbook's package through XlsxPort plan, mark, record and write the same cells", async () => {
    const double = gridDouble();
    const bytes = await exportWorkbookToXlsxBuffer(double.workbook);

    const excel = await throughExcel(double);
    expect(excel.syncs).toBe(2); // the read, then the one write batch (journal first)
    expect(excel.edited).toEqual([]);

    const xlsx = XlsxPort.open(bytes);
    const pkg = scoreThrough(xlsx, () => undefined);
    const out = XlsxWorkbook.open(xlsx.toBytes());

    expect(pkg.plan).toEqual(excel.plan);
    expect(pkg.plan.marks.length).toBe(3);
    expect(pkg.marks).toEqual(excel.marks);
    expect(pkg.state.written).toEqual(excel.state.written);

    const ws = double.workbook.sheet(SHEET);
    const values = out.readSheet(SHEET).values;
    const cells = plannedCells(excel.plan);
    expect(cells.length).toBeGreaterThan(40);
    for (const { row, col } of cells) {
      expect([cellAddress(row, col), values[row]?.[col]]).toEqual([cellAddress(row, col), ws.getValues(cellAddress(row, col))[0][0]]);
    }
    for (const m of excel.plan.marks) expect(ws.getCell(m.address).fill).toBe(MARK_FILL[m.severity]);
    // The store each wrote decodes to the same record of the cells written and marked.
    const stored = XlsxPort.open(xlsx.toBytes()).readStore();
    if (!stored.ok) throw new Error("store");
    expect(stored.state.marks).toEqual(excel.marks);
  }, 60_000);
});
