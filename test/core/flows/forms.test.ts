/**
 * "Tạo phiếu"'s write into the master and "Thông báo"'s plan (src/core/flows/forms.ts) run over both ports: the
 * add-in's forms and the flow's on the same workbook's package are the same forms with the same id, key and times
 * kept; the pane and the package plan the same notices from the same workbook.
 */
import { exportWorkbookToXlsxBuffer } from "../../office-double/export-xlsx";
import { mergeReturnedForms, prepareForms, prepareNotices } from "../../../src/excel/forms";
import { planForms, planNoticesOf, writeFormsMade } from "../../../src/core/flows/forms";
import { XlsxPort } from "../../../src/xlsx/port";
import { formsReturned, install, MADE, MERGED, packageMaster, restoreMaster, SHEET, storeOf } from "./master";

afterEach(restoreMaster);

describe("one Tạo phiếu / Thông báo flow over both ports", () => {
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
