/**
 * The one "Tạo phụ lục" flow (src/core/flows/annex.ts) run over both ports: generateAnnex through ExcelPort and
 * the flow on the same workbook's package put the same annex, cell for cell.
 */
import { exportWorkbookToXlsxBuffer } from "../../office-double/export-xlsx";
import { rangeAddress, SHEET_ORIGIN } from "../../../src/core/base/address";
import { annexMetadata, planAnnex, writeAnnex } from "../../../src/core/flows/annex";
import { generateAnnex } from "../../../src/excel/annex";
import { saveDecision } from "../../../src/excel/settings";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { presetRules } from "../../../src/core/rules/rules";
import { XlsxPort } from "../../../src/xlsx/port";
import { XlsxWorkbook } from "../../../src/xlsx/workbook";
import { SHEET, DECISION, gridDouble, restoreDouble } from "./helpers";

afterEach(restoreDouble);

describe("one Tạo phụ lục flow over both ports", () => {
  it("generateAnnex through ExcelPort and the flow on the same workbook's package put the same annex, cell for cell", async () => {
    const double = gridDouble();
    expect(await saveDecision(DECISION)).toEqual({ ok: true });
    const bytes = await exportWorkbookToXlsxBuffer(double.workbook);

    double.stats.reset();
    const made = await generateAnnex({ confirmErrors: true });
    expect(made).toMatchObject({ kind: "done", sheetName: "Phụ lục" });
    expect(double.stats.syncs).toBe(3); // the read, the batch (state and journal first), the new sheet's id

    const port = XlsxPort.open(bytes);
    const stored = port.readStore();
    if (!stored.ok) throw new Error("store");
    const snapshot = port.readSheet(SHEET);
    const scored = scoreSheet(snapshot.values, presetRules(), SHEET_ORIGIN);
    if (!scored.ok) throw new Error("grid");
    const meta = annexMetadata(stored.state.decision, snapshot.values, scored.layout.headerTop);
    if (!meta.ok) throw new Error("meta");
    const plan = planAnnex(port, { rules: presetRules(), rows: scored.rows, meta: meta.meta, comparison: null, owned: undefined });
    expect(plan.where).toEqual({ name: "Phụ lục", replaces: false, collidedWithUserSheet: false });
    const after = writeAnnex(port, plan, () => ({ ...stored.state, annex: { sheetName: plan.where.name, source: SHEET } }));
    expect(after.annex).toEqual({ sheetName: "Phụ lục", source: SHEET });

    const { rowCount, colCount } = plan.description;
    expect(rowCount).toBeGreaterThan(40);
    const inExcel = double.workbook.sheet("Phụ lục").getValues(rangeAddress(0, 0, rowCount, colCount));
    const inPackage = XlsxWorkbook.open(port.toBytes()).readSheet("Phụ lục").values;
    const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
    for (let r = 0; r < rowCount; r++) expect(inExcel[r].map(text)).toEqual(Array.from({ length: colCount }, (_, c) => text(inPackage[r]?.[c])));
  }, 60_000);
});
