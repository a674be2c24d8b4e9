/**
 * The workbook port on Office.js (src/excel/port.ts) and the one "Tính điểm" flow (src/core/flows/score.ts)
 * run over both ports: the strict double through ExcelPort, and the same workbook saved as .xlsx through
 * XlsxPort, give the same plan, marks, record and written cells.
 */
import { createOfficeDouble } from "../office-double/index";
import { exportWorkbookToXlsxBuffer } from "../office-double/export-xlsx";
import { benchSheetWithErrors } from "../../bench/core";
import { cellAddress, rangeAddress, SHEET_ORIGIN } from "../../src/core/base/address";
import { annexMetadata, planAnnex, writeAnnex } from "../../src/core/flows/annex";
import { generateAnnex } from "../../src/excel/annex";
import { createExplanation } from "../../src/excel/explanation";
import { runScoring } from "../../src/excel/scoring";
import { planExplanation, writeExplanation } from "../../src/core/flows/explanation";
import { EXPLAIN_COLUMNS } from "../../src/core/findings/explanation";
import { saveDecision } from "../../src/excel/settings";
import { planScoring, Scored, ScoringPort, writeScoring } from "../../src/core/flows/score";
import { MARK_FILL, WritePlan } from "../../src/core/grid/plan";
import { scoreSheet } from "../../src/core/grid/scoring";
import { presetRules } from "../../src/core/rules/rules";
import { WorkbookPort } from "../../src/core/sheets/port";
import { MarkRecord, StoreState } from "../../src/core/store/store";
import { ExcelPort, loadedRead, queuePortRead } from "../../src/excel/port";
import { XlsxPort } from "../../src/xlsx/port";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const SHEET = "Chấm điểm";
const AT = "2026-12-07T03:00:00.000Z";
const DECISION = { number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" };

let restore: () => void = () => undefined;
afterEach(() => restore());

/** A double with a 40-agency grid (three cells out of range, to be marked) at `at`, a note sheet and a hidden sheet. */
function gridDouble(at = "A1") {
  const double = createOfficeDouble({ apiLevel: 19, sheets: [SHEET, "Ghi chép", "Ẩn"] });
  double.workbook.sheet(SHEET).setValues(at, benchSheetWithErrors(40) as (string | number)[][]);
  double.workbook.sheet("Ghi chép").setValues("A1", [["Ghi chép riêng"]]);
  double.workbook.sheet("Ẩn").setVisibility("Hidden");
  double.workbook.setActive(SHEET);
  restore = double.install(globalThis);
  return double;
}

/** The flow as both callers run it: read through the port, score, plan, write results and the state. */
function scoreThrough(port: Pick<WorkbookPort, "readStore"> & ScoringPort, undo: (plan: WritePlan) => StoreState["undo"]) {
  const stored = port.readStore();
  if (!stored.ok) throw new Error(stored.message);
  const state = stored.state;
  const snapshot = port.readSheet(SHEET);
  const scored = scoreSheet(snapshot.values, presetRules(), snapshot.origin ?? SHEET_ORIGIN);
  if (!scored.ok) throw new Error(scored.error.message);
  const planned = planScoring(port, { sheet: SHEET, scored, state, comparison: null });
  if (!planned.ok) throw new Error(planned.message);
  const written = writeScoring(port, {
    sheet: SHEET,
    scored,
    plan: planned.plan,
    stateAfter: (plan: WritePlan, marks: MarkRecord[]) => ({ ...state, written: plan.written, marks, undo: undo(plan) }),
  });
  return { scored: scored as Scored, plan: planned.plan, ...written };
}

/** The cells a plan writes (result blocks and headers of appended columns), as sheet coordinates. */
function plannedCells(plan: WritePlan): { row: number; col: number }[] {
  return [
    ...plan.headers.map((h) => ({ row: h.row, col: h.col })),
    ...plan.blocks.flatMap((b) => b.values.flatMap((r, i) => r.map((_, j) => ({ row: b.row + i, col: b.col + j })))),
  ];
}

async function throughExcel(double: ReturnType<typeof gridDouble>) {
  double.stats.reset();
  const out = await Excel.run(async (context) => {
    const read = queuePortRead(context, context.workbook.worksheets.getActiveWorksheet());
    await context.sync();
    const port = new ExcelPort(context, loadedRead(read));
    const flow = scoreThrough(port, () => ({ action: "score", at: AT, sheet: SHEET, ...port.journal(), previousState: {} }));
    const { edited } = await port.apply();
    return { ...flow, edited };
  });
  return { ...out, syncs: double.stats.syncs };
}

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
