/**
 * The one "Giải trình" flow (src/core/flows/explanation.ts) run over both ports: createExplanation through
 * ExcelPort and the flow on the same scored workbook's package put the same pages, cell for cell.
 */
import { exportWorkbookToXlsxBuffer } from "../../office-double/export-xlsx";
import { rangeAddress, SHEET_ORIGIN } from "../../../src/core/base/address";
import { createExplanation } from "../../../src/excel/explanation";
import { runScoring } from "../../../src/excel/scoring";
import { planExplanation, writeExplanation } from "../../../src/core/flows/explanation";
import { EXPLAIN_COLUMNS } from "../../../src/core/findings/explanation";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { presetRules } from "../../../src/core/rules/rules";
import { XlsxPort } from "../../../src/xlsx/port";
import { XlsxWorkbook } from "../../../src/xlsx/workbook";
import { SHEET, gridDouble, restoreDouble } from "./helpers";

afterEach(restoreDouble);

describe("one Giải trình flow over both ports", () => {
  it("createExplanation through ExcelPort and the flow on the same scored workbook's package put the same pages, cell for cell", async () => {
    const double = gridDouble();
    expect(await runScoring("pane")).toMatchObject({ kind: "done" });
    const bytes = await exportWorkbookToXlsxBuffer(double.workbook);

    double.stats.reset();
    const made = await createExplanation({ selectedOnly: false, sheet: SHEET });
    expect(made).toMatchObject({ kind: "done", sheetName: "Giải trình", agencies: 40 });
    expect(double.stats.syncs).toBe(2); // the read, then the batch (state and journal first, then the sheet)

    const port = XlsxPort.open(bytes);
    const snapshot = port.readSheet(SHEET);
    const scored = scoreSheet(snapshot.values, presetRules(), SHEET_ORIGIN);
    if (!scored.ok) throw new Error("grid");
    const plan = planExplanation(port, scored, { year: null, previous: null });
    expect(plan.sheetName).toBe("Giải trình");
    expect(writeExplanation(port, plan)).toBeNull(); // the command line keeps no undo: no state of its own
    const rows = plan.description.rows.length;
    const inExcel = double.workbook.sheet("Giải trình").getValues(rangeAddress(0, 0, rows, EXPLAIN_COLUMNS));
    const inPackage = XlsxWorkbook.open(port.toBytes()).readSheet("Giải trình").values;
    const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
    expect(rows).toBeGreaterThan(40);
    for (let r = 0; r < rows; r++) expect(inExcel[r].map(text)).toEqual(Array.from({ length: EXPLAIN_COLUMNS }, (_, c) => text(inPackage[r]?.[c])));
    // A name already taken this run (the annex put under "Giải trình") moves it on, as on the command line.
    expect(planExplanation(port, scored, { year: null }, ["Giải trình"]).sheetName).toBe("Giải trình (2)");
  }, 60_000);
});
