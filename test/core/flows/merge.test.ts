/**
 * The one "Gộp phiếu" flow (src/core/flows/merge.ts) and "Tạo phiếu"'s write into the master (src/core/flows/forms.ts)
 * run over both ports: the add-in's actions through the Office.js double and the flow on the same workbook's package
 * write the same cells, the same "Tự đánh giá" / "Chênh lệch" / "Theo dõi phiếu" sheets and the same store; "Thông báo"
 * (planNoticesOf) plans the same notices from the same workbook in the pane and on the package.
 */
import { exportWorkbookToXlsxBuffer } from "../../office-double/export-xlsx";
import { createOfficeDouble } from "../../office-double/index";
import { readPublishedAnnex, referenceSheet } from "../../fixtures/reference";
import { filledValues } from "../../forms/helpers";
import { mergeReturnedForms, prepareForms, prepareNotices } from "../../../src/excel/forms";
import { masterOf, mergedState, planMergeFlow, writeMerge } from "../../../src/core/flows/merge";
import { planForms, planNoticesOf, writeFormsMade } from "../../../src/core/flows/forms";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { presetRules } from "../../../src/core/rules/rules";
import { ReturnedForm } from "../../../src/core/forms/merge";
import { FORM_TEXT } from "../../../src/core/forms/form-messages";
import { decodeStore, STORE_BODY_ROW, STORE_SHEET, StoreState } from "../../../src/core/store/store";
import { XlsxPort } from "../../../src/xlsx/port";
import { XlsxWorkbook } from "../../../src/xlsx/workbook";

const SHEET = "Chấm điểm 2020";
const MADE = "2021-01-04T02:00:00.000Z";
const MERGED = "2021-01-05T03:00:00.000Z";
const published = readPublishedAnnex();
const num = (t: string) => Number(t.replace(",", "."));

/** The reference grid (agencies on rows 5–23, groups in C:H, notes in I) without its scores. */
const emptyGrid = () => referenceSheet().map((row, r) => (r >= 4 && r <= 22 ? row.map((v, c) => (c >= 2 && c <= 7 ? "" : v)) : row));

let restore: () => void = () => undefined;
afterEach(() => restore());

function install() {
  const double = createOfficeDouble({ apiLevel: 20, platform: "OfficeOnline", sheets: [SHEET, "Ghi chép"] });
  double.workbook.sheet(SHEET).setValues("A1", emptyGrid() as (string | number)[][]);
  double.workbook.setActive(SHEET);
  restore = double.install(globalThis);
  return double;
}

function storeOf(double: ReturnType<typeof install>): StoreState {
  const decoded = decodeStore(double.workbook.sheet(STORE_SHEET).getValues(`A1:C${STORE_BODY_ROW + 300}`) as unknown[][]);
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.state;
}

/** The master through the package port, as the command line reads it. */
function packageMaster(port: XlsxPort) {
  const stored = port.readStore();
  if (!stored.ok) throw new Error(stored.message);
  const values = port.readSheet(SHEET).values;
  const scored = scoreSheet(values, presetRules());
  if (!scored.ok) throw new Error(scored.error.message);
  return masterOf({ sheet: SHEET, values, layout: scored.layout, rules: presetRules(), state: stored.state, scored });
}

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const rect = (rows: readonly (readonly unknown[])[], height: number, width: number) =>
  Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => text(rows[r]?.[c])));

/** The published scores and evidence, and the agency's own note (a text that looks like a formula stays text). */
const fillOf = (agency: string) => {
  const row = published.rows.find((r) => r.name === agency)!;
  return {
    scores: row.groups.map((g, i) => (row.notes === "Không TTHC" && i === 3 ? null : num(g))),
    evidence: row.groups.map(() => `Báo cáo của ${agency}`),
    notes: agency === "Sở Y tế" ? "=1+1 đã bổ sung" : undefined,
  };
};

/** "Tạo phiếu" in the add-in, each form filled in with the published scores as the agency returns it. */
async function formsReturned(): Promise<ReturnedForm[]> {
  const made = await prepareForms("all", () => new Date(MADE));
  if (made.kind !== "done") throw new Error(made.message);
  return made.forms.map((f) => ({ file: f.fileName, values: filledValues(f.description, fillOf(f.agency)), identity: f.description.identity }));
}

describe("one Tạo phiếu / Gộp phiếu flow over both ports", () => {
  it("Tạo phiếu: the add-in's forms and the flow's on the package are the same forms, and the master keeps the same id, key and times", async () => {
    const double = install();
    const bytes = await exportWorkbookToXlsxBuffer(double.workbook);
    const made = await prepareForms("all", () => new Date(MADE));
    if (made.kind !== "done") throw new Error(made.message);
    const inExcel = storeOf(double);

    const port = XlsxPort.open(bytes);
    const master = packageMaster(port);
    const forms = planForms(master, { formKey: inExcel.formKey!, madeAt: MADE });
    expect(forms.map((f) => [f.fileName, f.agency, f.description])).toEqual(made.forms.map((f) => [f.fileName, f.agency, f.description]));
    writeFormsMade(port, master, { forms, at: MADE, formKey: inExcel.formKey! });
    const stored = XlsxPort.open(port.toBytes()).readStore();
    if (!stored.ok) throw new Error(stored.message);
    expect(stored.state.workbookId).toBe(inExcel.workbookId);
    expect(stored.state.formKey).toBe(inExcel.formKey);
    expect(stored.state.formsMade).toEqual(inExcel.formsMade);
    expect(stored.state.formsMade).toHaveLength(19);
  }, 60_000);

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

  it("Thông báo: the pane and the flow on the package plan the same notices from the same workbook", async () => {
    const double = install();
    const forms = await formsReturned();
    // Appraised below the claims of two agencies: their differences are on "Chênh lệch" after the merge.
    double.workbook.sheet(SHEET).setValues("C7", [[45]]);
    double.workbook.sheet(SHEET).setValues("D12", [[1]]);
    const merged = await mergeReturnedForms(forms, () => new Date(MERGED));
    if (merged.kind !== "done") throw new Error(merged.message);
    const inPane = await prepareNotices("15/01/2021");
    if (inPane.kind !== "done") throw new Error(inPane.message);
    expect(inPane.notices.length).toBe(2);

    const port = XlsxPort.open(await exportWorkbookToXlsxBuffer(double.workbook));
    const master = packageMaster(port);
    const planned = planNoticesOf(port, master, master.state.loopSheets?.diff, "15/01/2021");
    if (!planned.ok) throw new Error(planned.code);
    expect(planned.notices).toEqual(inPane.notices);
  }, 60_000);
});
