import { createExplanation } from "../../src/excel/explanation";
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { loadSettings } from "../../src/excel/settings";
import { exportWorkbookToXlsx } from "../office-double/export-xlsx";
import { referenceDouble, SHEET } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

const rowOf = (ws: ReturnType<typeof referenceDouble>["ws"], name: string) => ws.getValues("B5:B23").findIndex((r) => r[0] === name) + 5;

describe("Giải trình through the strict double", () => {
  it("ExcelApi 1.9+: a new sheet, one page per agency in rank order (a break above each), text as text, 2 syncs; the score sheet untouched", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    await runScoring("pane");
    const before = setup.ws.snapshot();
    setup.double.stats.reset();
    const outcome = await createExplanation({ selectedOnly: false });
    expect(outcome).toEqual({
      kind: "done",
      sheetName: "Giải trình",
      agencies: 19,
      pageBreaks: true,
      undo: { action: "explain", at: expect.any(String), sheet: "Giải trình" },
    });
    expect(setup.double.stats.syncs).toBe(2);
    expect(setup.ws.snapshot()).toEqual({ ...before, selection: before.selection });
    const sheet = setup.double.workbook.sheet("Giải trình");
    const values = sheet.getValues(`A1:E${400}`).map((r) => r.map((v) => (v === null ? "" : v)));
    const titles = values.map((r, i) => [i, String(r[0])] as const).filter(([, t]) => t.startsWith("GIẢI TRÌNH"));
    expect(titles).toHaveLength(19);
    expect(sheet.rowBreaks).toEqual(titles.slice(1).map(([i]) => i));
    const yte = titles.find(([i]) => values[i + 1][0] === "Sở Y tế")![0];
    const page = values.slice(yte, yte + 20).map((r) => r.filter((c) => c !== "").join(" | "));
    expect(page).toContain("Còn thiếu 0,201 điểm để đạt Tốt.");
    expect(page).toContain("Tổng cộng | 498 | 422,85 | 75,15");
    // Numbers are text as printed (decimal commas), never turned into numbers by Excel.
    // (0-based row yte is the title; the total is 10 rows below it, sheet row yte + 11.)
    expect(sheet.getCell(`C${yte + 11}`).value).toBe("422,85");
    expect(sheet.snapshot().pageLayout).toMatchObject({ orientation: "Portrait", paperSize: "A4" });
    // To look at it: EXPLAIN_XLSX=/tmp/x.xlsx, then LibreOffice → PDF → PNG.
    if (process.env.EXPLAIN_XLSX) await exportWorkbookToXlsx(setup.double.workbook, process.env.EXPLAIN_XLSX);
  });

  it("ExcelApi 1.4: the same pages without breaks, and it says so", async () => {
    const setup = referenceDouble(4);
    restore = setup.restore;
    const outcome = await createExplanation({ selectedOnly: false });
    expect(outcome).toMatchObject({ kind: "done", agencies: 19, pageBreaks: false });
  });

  it("only the selected agencies; none selected is refused naming what to do; a second sheet takes a free name", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    setup.double.workbook.setSelection(`${SHEET}!C${rowOf(setup.ws, "Sở Y tế")}:C${rowOf(setup.ws, "Sở Nội vụ")}`);
    const outcome = await createExplanation({ selectedOnly: true });
    expect(outcome).toMatchObject({ kind: "done", sheetName: "Giải trình", agencies: 2 });
    setup.double.workbook.setActive(SHEET);
    setup.double.workbook.setSelection(`${SHEET}!A1`);
    const none = await createExplanation({ selectedOnly: true });
    expect(none).toMatchObject({ kind: "refused", message: expect.stringContaining("Vùng đang chọn không có dòng nào của một cơ quan") });
    setup.double.workbook.setSelection(`${SHEET}!C10`);
    expect(await createExplanation({ selectedOnly: true })).toMatchObject({ kind: "done", sheetName: "Giải trình (2)", agencies: 1 });
  });

  it("follows the sheet scored last: every agency from there with Giải trình's own sheet open; the selected ones only on that sheet, else a way there", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    expect(await createExplanation({ selectedOnly: false })).toMatchObject({ kind: "done", sheetName: "Giải trình" });
    // Giải trình's sheet is the active one now.
    setup.double.stats.reset();
    expect(await createExplanation({ selectedOnly: false, sheet: SHEET })).toMatchObject({ kind: "done", sheetName: "Giải trình (2)", agencies: 19 });
    expect(setup.double.stats.syncs).toBe(2);
    const refused = await createExplanation({ selectedOnly: true, sheet: SHEET });
    expect(refused).toEqual({
      kind: "refused",
      message: `Đang mở trang “Giải trình (2)”, không phải trang bảng điểm. Bảng điểm tính lần trước ở trang “${SHEET}”: hãy chọn các dòng cần giải trình trên trang đó rồi bấm lại.`,
      messageEn: `The sheet open is “Giải trình (2)”, not the score sheet. The last scoring was on sheet “${SHEET}”: select the rows to explain there and try again.`,
      cells: [],
      goTo: SHEET,
    });
    setup.double.workbook.setActive(SHEET);
    setup.double.workbook.setSelection(`${SHEET}!C10`);
    expect(await createExplanation({ selectedOnly: true, sheet: SHEET })).toMatchObject({ kind: "done", agencies: 1 });
  });

  it("refused on stale results (scores edited after Tính điểm)", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    await runScoring("pane");
    setup.ws.setValues(`G${rowOf(setup.ws, "Sở Y tế")}`, [[100]]);
    const outcome = await createExplanation({ selectedOnly: false });
    expect(outcome).toMatchObject({ kind: "refused", message: expect.stringContaining("Sở Y tế") });
  });
});

describe("“Hoàn tác” after Giải trình", () => {
  it("removes the Giải trình sheet, once, in ≤ 3 syncs; the results before it stay", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    await runScoring("pane");
    const scored = setup.ws.snapshot();
    const names = setup.double.workbook.sheets.map((s) => s.name);
    const made = await createExplanation({ selectedOnly: false });
    expect(made).toMatchObject({ kind: "done", undo: { action: "explain", sheet: "Giải trình" } });
    expect((await loadSettings()).undo).toMatchObject({ action: "explain", sheet: "Giải trình" });
    setup.double.stats.reset();
    const undone = await undoLast(made.kind === "done" ? made.undo : null); // as the pane does: what it offers
    expect(setup.double.stats.syncs).toBeLessThanOrEqual(3);
    expect(undone).toMatchObject({
      kind: "done",
      message: expect.stringMatching(/^Đã hoàn tác lần “Giải trình” lúc \d\d:\d\d: trang “Giải trình” đã được xóa\.$/),
    });
    expect(undone.kind === "done" && undone.messageEn).toMatch(/^Undid the “Explanation” at \d\d:\d\d: sheet “Giải trình” was removed\.$/);
    expect(setup.double.workbook.sheets.map((s) => s.name)).toEqual(names);
    expect({ ...setup.ws.snapshot(), selection: scored.selection }).toEqual(scored);
    expect((await undoLast()).kind).toBe("nothing");
  });

  it("a sheet of that name that no longer starts with a Giải trình title is not deleted", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    expect((await createExplanation({ selectedOnly: false })).kind).toBe("done");
    setup.double.workbook.removeSheet("Giải trình");
    expect(await undoLast()).toMatchObject({ kind: "refused", message: expect.stringContaining("trang giải trình “Giải trình” không còn trong sổ tính") });
    setup.double.workbook.addSheet("Giải trình").setValues("A1", [["Thư trả lời Sở Y tế"]]);
    const before = setup.double.workbook.snapshot();
    const mine = await undoLast();
    expect(mine).toMatchObject({ kind: "refused", message: expect.stringContaining("không còn là tiêu đề giải trình") });
    expect(mine.kind === "refused" && mine.messageEn).toContain("it was not deleted");
    expect(setup.double.workbook.snapshot()).toEqual(before);
  });
});
