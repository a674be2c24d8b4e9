/**
 * Shared by the flows' tests (test/core/flows) and ExcelPort's (test/excel/port.test.ts): a strict double
 * holding a 40-agency grid, the Tính điểm flow as both callers run it through a port, and its run through
 * ExcelPort with the syncs counted.
 */
import { createOfficeDouble, OfficeDoubleOptions } from "../../office-double/index";
import { benchSheetWithErrors } from "../../../bench/core";
import { SHEET_ORIGIN } from "../../../src/core/base/address";
import { planScoring, Scored, ScoringPort, writeScoring } from "../../../src/core/flows/score";
import { WritePlan } from "../../../src/core/grid/plan";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { presetRules } from "../../../src/core/rules/rules";
import { WorkbookPort } from "../../../src/core/sheets/port";
import { MarkRecord, StoreState } from "../../../src/core/store/store";
import { ExcelPort, loadedRead, queuePortRead } from "../../../src/excel/port";

export const SHEET = "Chấm điểm";
export const AT = "2026-12-07T03:00:00.000Z";
export const DECISION = { number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" };

let restore: () => void = () => undefined;
/** Takes the double installed by gridDouble off the global scope (each test file's afterEach). */
export function restoreDouble(): void {
  restore();
}

/** A double with a 40-agency grid (three cells out of range, to be marked) at `at`, a note sheet and a hidden sheet (at ExcelApi 1.19 unless told). */
export function gridDouble(at = "A1", options: Omit<OfficeDoubleOptions, "sheets"> = {}) {
  const double = createOfficeDouble({ apiLevel: 19, ...options, sheets: [SHEET, "Ghi chép", "Ẩn"] });
  double.workbook.sheet(SHEET).setValues(at, benchSheetWithErrors(40) as (string | number)[][]);
  double.workbook.sheet("Ghi chép").setValues("A1", [["Ghi chép riêng"]]);
  double.workbook.sheet("Ẩn").setVisibility("Hidden");
  double.workbook.setActive(SHEET);
  restore = double.install(globalThis);
  return double;
}

/** The flow as both callers run it: read through the port, score, plan, write results and the state. */
export function scoreThrough(port: Pick<WorkbookPort, "readStore"> & ScoringPort, undo: (plan: WritePlan) => StoreState["undo"]) {
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
export function plannedCells(plan: WritePlan): { row: number; col: number }[] {
  return [
    ...plan.headers.map((h) => ({ row: h.row, col: h.col })),
    ...plan.blocks.flatMap((b) => b.values.flatMap((r, i) => r.map((_, j) => ({ row: b.row + i, col: b.col + j })))),
  ];
}

export async function throughExcel(double: ReturnType<typeof gridDouble>) {
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
