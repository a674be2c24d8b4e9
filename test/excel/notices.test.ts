import * as ExcelJS from "exceljs";
import { mergeReturnedForms, prepareForms, prepareNotices } from "../../src/excel/forms";
import { noticeBytes, readReturnedForm } from "../../src/xlsx/forms";
import { createOfficeDouble } from "../office-double/index";
import { readPublishedAnnex, referenceSheet } from "../fixtures/reference";
import { filledValues } from "../forms/helpers";

const published = readPublishedAnnex();
const SHEET = "Chấm điểm 2020";
const num = (t: string) => Number(t.replace(",", "."));

/** The reference grid without its scores (forms fill them), on a PC at ExcelApi 1.20. */
function install() {
  const double = createOfficeDouble({ apiLevel: 20, platform: "PC", sheets: [SHEET] });
  const grid = referenceSheet().map((row, r) => (r >= 4 && r <= 22 ? row.map((v, c) => (c >= 2 && c <= 7 ? "" : v)) : row));
  double.workbook.sheet(SHEET).setValues("A1", grid as (string | number)[][]);
  double.workbook.setActive(SHEET);
  return { double, restore: double.install(globalThis), ws: double.workbook.sheet(SHEET) };
}

let h: ReturnType<typeof install>;
afterEach(() => h.restore());

const publishedFill = (agency: string) => {
  const row = published.rows.find((r) => r.name === agency)!;
  return { scores: row.groups.map((g, i) => (row.notes === "Không TTHC" && i === 3 ? null : num(g))), evidence: row.groups.map(() => `Báo cáo của ${agency}`) };
};

describe("Thông báo kết quả thẩm định in the add-in (the strict double)", () => {
  it("before any form there is no key: refused with what to do; a deadline that is no date is refused before Excel is asked", async () => {
    h = install();
    const refused = await prepareNotices();
    expect(refused).toMatchObject({ kind: "refused", message: expect.stringContaining("Hãy bấm “Tạo phiếu”") });
    h.double.stats.reset();
    expect(await prepareNotices("15-01-2021")).toMatchObject({ kind: "refused", messageEn: expect.stringContaining("dd/mm/yyyy") });
    expect(h.double.stats.syncs).toBe(0);
  });

  it("one notice per agency with a difference, in 1 sync, nothing written; filled in its reply cell and merged back, the reply is in “Kiến nghị”", async () => {
    h = install();
    const made = await prepareForms("all");
    if (made.kind !== "done") throw new Error(made.message);
    const forms = made.forms.map((f) => ({ file: f.fileName, values: filledValues(f.description, publishedFill(f.agency)), identity: f.description.identity }));
    h.ws.setValues("C7", [[45]]); // Sở Tài chính, Hạ tầng kỹ thuật: appraised 45, claimed 50
    expect((await mergeReturnedForms(forms)).kind).toBe("done");
    expect(await prepareNotices()).toMatchObject({ kind: "done" }); // (no deadline: a line to fill by hand)

    const before = h.double.workbook.snapshot();
    h.double.stats.reset();
    const outcome = await prepareNotices("15/01/2021");
    expect(h.double.stats.syncs).toBe(1);
    expect(h.double.workbook.snapshot()).toEqual(before);
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome.notices.map((n) => [n.fileName, n.agency, n.lines])).toEqual([["thong-bao-so-tai-chinh.xlsx", "Sở Tài chính", 1]]);
    const identity = outcome.notices[0].description.identity;
    expect(identity).toMatchObject({ agency: "Sở Tài chính", year: 2020, masterId: made.forms[0].description.identity.masterId });

    // Rendered as the pane renders it (ExcelJS), the agency types its reply in the one unlocked cell and sends it back.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await noticeBytes(ExcelJS, outcome.notices[0].description)).buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A3").value).toBe("Hạn gửi lại ý kiến: 15/01/2021");
    expect([ws.getCell("B7").value, ws.getCell("C7").value, ws.getCell("D7").value]).toEqual(["Hạ tầng kỹ thuật", 50, 45]);
    expect(ws.getCell("G7").protection?.locked).toBe(false);
    ws.getCell("G7").value = "Đề nghị giữ 50: đã gửi kèm Công văn 88/STC";
    const back = await readReturnedForm(ExcelJS, "thong-bao-so-tai-chinh.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const merged = await mergeReturnedForms([back]);
    if (merged.kind !== "done") throw new Error(merged.message);
    expect(merged.message).toContain("Đã ghi 1 ý kiến của cơ quan vào cột “Kiến nghị”");
    const diff = h.double.workbook.sheet("Chênh lệch").getValues("A3:K4");
    const col = diff[0].indexOf("Kiến nghị");
    expect(col).toBeGreaterThan(0);
    expect(diff[1][col]).toBe("Đề nghị giữ 50: đã gửi kèm Công văn 88/STC");
  });
});
