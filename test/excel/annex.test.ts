import { readPublishedAnnex, referenceSheet } from "../fixtures/reference";
import { generateAnnex } from "../../src/excel/annex";
import { runScoring } from "../../src/excel/scoring";
import { saveDecision, loadSettings } from "../../src/excel/settings";
import { undoLast } from "../../src/excel/undo";
import { completeMetadata } from "../../src/core/rules/metadata";
import { STORE_SHEET } from "../../src/core/store/store";
import { referenceDouble, SHEET } from "./helpers";

const published = readPublishedAnnex();
const DECISION = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020 });

let restore: () => void = () => undefined;
afterEach(() => restore());

async function prepared(apiLevel = 20, values?: unknown[][]) {
  const setup = referenceDouble(apiLevel, values ? { values } : {});
  restore = setup.restore;
  expect(await saveDecision(DECISION)).toEqual({ ok: true });
  return setup;
}

describe("the annex through the strict double, from the reference grid", () => {
  it("asks for confirmation because of the 55, and writes nothing before it", async () => {
    const { double } = await prepared();
    const before = double.workbook.snapshot();
    const outcome = await generateAnnex({ confirmErrors: false });
    expect(outcome.kind).toBe("needsConfirmation");
    if (outcome.kind === "needsConfirmation") {
      expect(outcome.errors.map((e) => e.cell)).toEqual(["H10"]);
      expect(outcome.message).toContain("Văn phòng UBND tỉnh, Nhân lực cho ứng dụng CNTT: 55");
      expect(outcome.messageEn).toBe(
        "The score table still has 1 error not yet fixed, and the annex would carry these wrong figures: H10 (Văn phòng UBND tỉnh, Nhân lực cho ứng dụng CNTT: 55). " +
          "Fix them before signing, or confirm to create the annex anyway.",
      );
    }
    expect(double.workbook.snapshot()).toEqual(before);
  });

  it("once confirmed: the published table as text, notes, heading date, fonts, borders, print setup; ≤ 3 syncs", async () => {
    const { double } = await prepared();
    const scoreSheetBefore = double.workbook.sheet(SHEET).snapshot();
    const notesBefore = double.workbook.sheet("Ghi chép").snapshot();
    double.stats.reset();
    const outcome = await generateAnnex({ confirmErrors: true });
    if (outcome.kind !== "done") throw new Error(JSON.stringify(outcome));
    expect(double.stats.syncs).toBeLessThanOrEqual(3);
    expect(outcome).toMatchObject({ sheetName: "Phụ lục", collided: false, manualPrintSteps: [], errorsIncluded: 1 });

    const ws = double.workbook.sheet("Phụ lục");
    expect(ws.getValues("A1")).toEqual([["KẾT QUẢ"]]);
    // No province stored: the one the grid's title names (“… thuộc UBND tỉnh Thái Bình”), as the published annex prints.
    expect(ws.getValues("A3")).toEqual([[`(Kèm theo Quyết định số 06/QĐ-UBND ngày ${DECISION.date} của Ủy ban nhân dân tỉnh Thái Bình)`]]);
    expect(ws.getValues("A5:L5")).toEqual([published.header]);
    const table = ws.getValues("A6:L24");
    published.rows.forEach((p, i) => expect(table[i]).toEqual([p.stt, p.name, ...p.groups, p.total, p.index, p.className, p.notes]));
    expect(ws.getCell("J6")).toMatchObject({ value: "0,998", numberFormat: "@" });
    const notes = ws.getValues("A26:A28").map((r) => r[0]);
    expect(notes[0]).toBe("Ghi chú:");
    expect(notes[2]).toContain("Văn phòng UBND tỉnh, Sở Ngoại vụ, Thanh tra tỉnh không có thủ tục hành chính");
    expect(notes[1]).toContain("498 điểm");

    const snap = ws.snapshot();
    expect(ws.getCell("A1").font).toMatchObject({ name: "Times New Roman", bold: true });
    expect(ws.getCell("A3").font).toMatchObject({ name: "Times New Roman", italic: true });
    expect(ws.getCell("C5")).toMatchObject({ wrapText: true, font: expect.objectContaining({ bold: true }) });
    expect(ws.getCell("B10").font.name).toBe("Times New Roman");
    // Inner edges are stored once, on the cell above or to the left (as Excel does): E12's four sides.
    for (const [cell, side] of [
      ["E12", "bottom"],
      ["E12", "right"],
      ["E11", "bottom"],
      ["D12", "right"],
    ] as const)
      expect(ws.getCell(cell).borders[side]?.style).toBe("Continuous");
    expect(ws.getCell("A5").borders.top?.style).toBe("Continuous");
    expect(snap.merges).toEqual(expect.arrayContaining(["A1:L1", "A2:L2", "A3:L3"]));
    expect(snap.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$5:$5",
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    // Nghị định 30/2020/NĐ-CP: left 3 cm, right 1,5 cm, top and bottom 2 cm; page numbers centred in the header, none on page 1.
    const cm = (pt: number) => Math.round((pt / 72) * 2.54 * 100) / 100;
    expect([snap.pageLayout.leftMargin, snap.pageLayout.rightMargin, snap.pageLayout.topMargin, snap.pageLayout.bottomMargin].map(cm)).toEqual([3, 1.5, 2, 2]);
    expect(snap.pageLayout.headersFooters).toMatchObject({
      state: "FirstAndDefault",
      defaultForAllPages: { centerHeader: '&"Times New Roman,Regular"&12&P', leftHeader: "", rightHeader: "" },
      firstPage: { centerHeader: "", leftHeader: "", rightHeader: "" },
    });

    // Nothing outside the annex sheet changed (the add-in's hidden store aside).
    expect(double.workbook.sheet(SHEET).snapshot()).toEqual(scoreSheetBefore);
    expect(double.workbook.sheet("Ghi chép").snapshot()).toEqual(notesBefore);
  });

  it("the heading always carries the stored decision date", async () => {
    const { double } = await prepared();
    await saveDecision({ ...DECISION, date: "5/4/2021" });
    await generateAnnex({ confirmErrors: true });
    expect(double.workbook.sheet("Phụ lục").getValues("A3")[0][0]).toContain("ngày 05/04/2021");
    expect((await loadSettings()).decision.date).toBe("05/04/2021");
  });

  it("regenerating replaces its own annex and gives an identical sheet", async () => {
    const { double } = await prepared();
    await generateAnnex({ confirmErrors: true });
    const first = double.workbook.sheet("Phụ lục").snapshot();
    await generateAnnex({ confirmErrors: true });
    const names = double.workbook.snapshot().sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("Phụ lục"))).toEqual(["Phụ lục"]);
    const second = double.workbook.sheet("Phụ lục").snapshot();
    expect({ ...second, id: "" }).toEqual({ ...first, id: "" });
  });

  it("a user's own sheet with the annex's name is never touched", async () => {
    const { double } = await prepared();
    double.workbook.addSheet("Phụ lục").setValues("A1", [["Bản nháp của tôi"]]);
    const mine = double.workbook.sheet("Phụ lục").snapshot();
    const outcome = await generateAnnex({ confirmErrors: true });
    expect(outcome).toMatchObject({ kind: "done", sheetName: "Phụ lục (2)", collided: true });
    expect(double.workbook.sheet("Phụ lục").snapshot()).toEqual(mine);
    await generateAnnex({ confirmErrors: true });
    expect(
      double.workbook
        .snapshot()
        .sheets.map((s) => s.name)
        .filter((n) => n.startsWith("Phụ lục")),
    ).toEqual(["Phụ lục", "Phụ lục (2)"]);
  });

  it("knows its annex by the sheet's id: a user's sheet made later under the same name is never touched", async () => {
    const { double } = await prepared();
    await generateAnnex({ confirmErrors: true });
    double.workbook.removeSheet("Phụ lục");
    double.workbook.addSheet("Phụ lục").setValues("A1", [["Của tôi"]]);
    double.workbook.setActive(SHEET);
    const outcome = await generateAnnex({ confirmErrors: true });
    expect(outcome).toMatchObject({ kind: "done", sheetName: "Phụ lục (2)", collided: true });
    expect(double.workbook.sheet("Phụ lục").getValues("A1")).toEqual([["Của tôi"]]);
  });

  it("after undo brings the previous annex back, regenerating still replaces it", async () => {
    const { double } = await prepared();
    await generateAnnex({ confirmErrors: true });
    await generateAnnex({ confirmErrors: true });
    await undoLast();
    double.workbook.setActive(SHEET);
    await generateAnnex({ confirmErrors: true });
    expect(
      double.workbook
        .snapshot()
        .sheets.map((s) => s.name)
        .filter((n) => n.startsWith("Phụ lục")),
    ).toEqual(["Phụ lục"]);
  });

  it("a host without page layout (below ExcelApi 1.9) still gets the annex and the exact print settings to set by hand", async () => {
    const { double } = await prepared(4);
    const outcome = await generateAnnex({ confirmErrors: true });
    if (outcome.kind !== "done") throw new Error(JSON.stringify(outcome));
    expect(double.workbook.sheet("Phụ lục").getValues("A6:B6")).toEqual([["1", "Sở Thông tin và Truyền thông"]]);
    expect(outcome.manualPrintSteps.map((s) => s.message).join(" ")).toMatch(/Ngang.*A4.*\$5:\$5.*Chiều rộng 1 trang/);
    // Each step in both languages, from its code; centimetres with the decimal comma in Vietnamese.
    const margins = outcome.manualPrintSteps.find((s) => s.code === "margins")!;
    expect(margins.message).toBe("Lề: trên 2 cm, dưới 2 cm, trái 3 cm, phải 1,5 cm; căn giữa theo chiều ngang.");
    expect(margins.messageEn).toBe("Margins: top 2 cm, bottom 2 cm, left 3 cm, right 1.5 cm; center horizontally.");
    expect(outcome.manualPrintSteps.map((s) => s.message).join(" ")).not.toMatch(/\d\.\d/);
    expect(outcome.manualPrintSteps.map((s) => s.code)).toEqual(["orientation", "paper", "printTitles", "fitToWidth", "margins", "pageNumbers"]);
    expect(outcome.manualPrintSteps.find((s) => s.code === "pageNumbers")!.message).toMatch(/Trang đầu tiên khác/);
    expect(double.workbook.sheet("Phụ lục").snapshot().pageLayout.printTitleRows).toBeNull();
    expect(double.workbook.sheet("Phụ lục").snapshot().pageLayout.headersFooters.state).toBe("Default");
  });

  it("ties share a rank and a formula-like agency name stays text", async () => {
    const values = referenceSheet();
    values[5][1] = "=Sở Lao động";
    values[6] = [...values[5]];
    values[6][1] = "Sở Tài chính";
    const { double } = await prepared(20, values);
    const outcome = await generateAnnex({ confirmErrors: true });
    expect(outcome.kind).toBe("done");
    const ws = double.workbook.sheet("Phụ lục");
    expect(ws.getValues("A5:M5")[0]).toContain("Xếp hạng");
    expect(ws.getValues("A7:B8")).toEqual([
      ["2", "=Sở Lao động"],
      ["3", "Sở Tài chính"],
    ]);
    expect(ws.getCell("B7").formula).toBeNull();
    expect(ws.getValues("L7:L8")).toEqual([["2"], ["2"]]);
  });

  it("“Hoàn tác” after regenerating brings the previous annex back; after the first, removes it", async () => {
    const { double } = await prepared();
    await generateAnnex({ confirmErrors: true });
    const first = double.workbook.sheet("Phụ lục").snapshot();
    double.workbook.sheet(SHEET).setCell("H10", { value: 50 });
    await generateAnnex({ confirmErrors: false });
    const row = double.workbook
      .sheet("Phụ lục")
      .getValues("B6:K24")
      .find((r) => r[0] === "Văn phòng UBND tỉnh")!;
    expect(row.slice(7, 10)).toEqual(["337,7", "0,848", "Khá"]);
    expect((await undoLast()).kind).toBe("done");
    expect({ ...double.workbook.sheet("Phụ lục").snapshot(), id: "" }).toEqual({ ...first, id: "" });
  });

  it("“Hoàn tác” after the first annex removes it, and only it", async () => {
    const { double } = await prepared();
    await runScoring("pane");
    const before = double.workbook.snapshot().sheets.filter((s) => s.name !== STORE_SHEET);
    await generateAnnex({ confirmErrors: true });
    const undone = await undoLast();
    expect(undone).toEqual({
      kind: "done",
      message: expect.stringMatching(/^Đã hoàn tác lần “Tạo phụ lục” lúc \d\d:\d\d\.$/),
      messageEn: expect.stringMatching(/^Undid the “Create annex” at \d\d:\d\d\.$/),
      leftAlone: [],
      lastRun: expect.objectContaining({ agencies: 19, source: "pane" }),
    });
    const after = double.workbook.snapshot().sheets.filter((s) => s.name !== STORE_SHEET);
    expect(after.map((s) => s.name)).toEqual(before.map((s) => s.name));
    expect(after).toEqual(before);
  });

  it("refuses with the fields to fill when the decision is incomplete", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    const outcome = await generateAnnex({ confirmErrors: true });
    expect(outcome.kind).toBe("refused");
    if (outcome.kind === "refused") {
      expect(outcome.message).toMatch(/số quyết định.*ngày ký/);
      expect(outcome.messageEn).toMatch(
        /^The annex was not created: Type the decision number .*Type the date the decision was signed .* Fill in the details on the “Annex” tab\.$/,
      );
    }
    expect(setup.double.workbook.snapshot().sheets.map((s) => s.name)).not.toContain("Phụ lục");
    expect(setup.double.workbook.snapshot().sheets.map((s) => s.name)).not.toContain(STORE_SHEET);
  });
});

describe("the decision's year and province", () => {
  it("“Tạo phụ lục” works the first time: the year from the title, else the decision's year − 1; never this year − 1", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    const { double } = setup;
    // Stored without a year (as the command line stores --decision-number/--decision-date only).
    await storeDecision({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", province: "Thái Bình" });
    expect(await loadSettings()).toMatchObject({ decision: { year: 2020 }, yearSource: "title" }); // "… NĂM 2020" in the reference grid's title
    const first = await generateAnnex({ confirmErrors: true });
    expect(first).toMatchObject({ kind: "done" });
    expect(first).not.toHaveProperty("notices");
    const ws = double.workbook.sheet("Phụ lục");
    expect(String(ws.getValues("A2")[0][0])).toMatch(/thuộc Ủy ban nhân dân tỉnh Thái Bình năm 2020$/);
    expect(ws.getValues("A3")).toEqual([["(Kèm theo Quyết định số 06/QĐ-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh Thái Bình)"]]);

    // No year in the title: the year before the decision's.
    double.workbook.sheet(SHEET).setValues("A1", [["BẢNG ĐIỂM CÁC SỞ, BAN, NGÀNH"]]);
    double.workbook.setActive(SHEET);
    const settings = await loadSettings();
    expect([settings.decision.year, settings.yearSource]).toEqual([2020, "decision"]);
    await storeDecision({ number: "12/QĐ-UBND", date: "10/01/2024", issuer: "Ủy ban nhân dân tỉnh", province: "Thái Bình" });
    expect(await generateAnnex({ confirmErrors: true })).toMatchObject({ kind: "done" });
    expect(String(double.workbook.sheet("Phụ lục").getValues("A2")[0][0])).toMatch(/năm 2023$/);
  });

  it("no province stored: the one the grid's title names is offered on opening and used by the annex (from the ribbon too)", async () => {
    const { double } = await prepared(); // "Các sở, ban, ngành thuộc UBND tỉnh Thái Bình" in the title
    expect(await loadSettings()).toMatchObject({ decision: { province: "Thái Bình" }, provinceFromTitle: true });
    const outcome = await generateAnnex({ confirmErrors: true, source: "ribbon" });
    expect(outcome).toMatchObject({ kind: "done" });
    expect(outcome).not.toHaveProperty("notices");
    expect(double.workbook.sheet("Phụ lục").getValues("A3")).toEqual([
      ["(Kèm theo Quyết định số 06/QĐ-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh Thái Bình)"],
    ]);
    // Stored, the province is the user's: the title offers nothing then.
    await saveDecision({ ...DECISION, province: "Nam Định" });
    double.workbook.setActive(SHEET);
    expect(await loadSettings()).toMatchObject({ decision: { province: "Nam Định" } });
    expect(await loadSettings()).not.toHaveProperty("provinceFromTitle");
  });

  it("without a province, stored or in the title, the annex is made, and the outcome says the issuer lacks it, in both languages", async () => {
    const { double } = await prepared();
    double.workbook.sheet(SHEET).setValues("A2", [["Các sở, ban, ngành"]]);
    double.workbook.setActive(SHEET);
    expect(await loadSettings()).not.toHaveProperty("provinceFromTitle");
    const outcome = await generateAnnex({ confirmErrors: true });
    expect(outcome).toMatchObject({
      kind: "done",
      notices: [
        {
          code: "provinceMissing",
          message:
            "Chưa có tên tỉnh: dòng “Kèm theo” và trích yếu ghi “Ủy ban nhân dân tỉnh”. Hãy nhập tỉnh (ví dụ Thái Bình) trong mục “Phụ lục” rồi tạo lại phụ lục trước khi trình ký.",
          messageEn: expect.stringMatching(/^No province yet: .* on the “Annex” tab/),
        },
      ],
    });
  });
});

/** Writes the decision into the store as an older version or the command line leaves it (fields missing). */
async function storeDecision(decision: object) {
  const { writeStore, queueStoreRead, syncReadingStore } = await import("../../src/excel/store");
  await Excel.run(async (context) => {
    const store = await syncReadingStore(context, queueStoreRead(context));
    await writeStore(context, store, { ...store.state(), decision });
  });
}
