/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit decoded JSON as a tamperer would */
import { readPublishedAnnex, referenceSheet } from "../fixtures/reference";
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { loadSettings, saveDecision } from "../../src/excel/settings";
import { decodeStore, STORE_SHEET } from "../../src/core/store/store";
import { MARK_FILL } from "../../src/core/grid/plan";
import { DEFAULT_COLUMN_WIDTH } from "../office-double/workbook";
import { changedCells, inColumns, referenceDouble, SHEET, storeRows, tamper } from "./helpers";

const published = readPublishedAnnex();
const num = (t: string) => Number(t.replace(",", "."));
const RESULT_COLUMNS = ["J", "K", "L", "M"];

let restore: () => void = () => undefined;
afterEach(() => restore());

describe.each([
  ["the manifest's minimum (ExcelApi 1.4)", 4],
  ["Office 2021 (ExcelApi 1.14)", 14],
  ["the latest", 20],
])("“Tính điểm” on the reference grid, host at %s", (_label, apiLevel) => {
  it("writes the published totals, indices, classes and ranks, and changes nothing else but the mark", async () => {
    const setup = referenceDouble(apiLevel);
    restore = setup.restore;
    const { double, ws } = setup;
    const before = ws.snapshot();
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(outcome.message);

    expect(outcome.columns).toEqual(RESULT_COLUMNS);
    expect(ws.getValues("J4:M4")).toEqual([["Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng"]]);
    const rows = ws.getValues("B5:M23");
    for (const p of published.rows) {
      const row = rows.find((r) => r[0] === p.name)!;
      expect(row.slice(8)).toEqual([num(p.total), num(p.index), p.className, Number(p.stt)]);
    }
    expect(ws.getCell("K5").numberFormat).toBe("0.000");
    expect(outcome.run.byClass).toEqual([
      { name: "Tốt", count: 7 },
      { name: "Khá", count: 8 },
      { name: "Trung bình", count: 4 },
    ]);
    expect(outcome.findings).toEqual([expect.objectContaining({ sheet: SHEET, cell: "H10", severity: "error", agency: "Văn phòng UBND tỉnh", value: "55" })]);

    // 1 read, 1 write; with Excel's undo groups on Windows (ExcelApi 1.20), the first action on a workbook also makes
    // the hidden store on its own (hiding a sheet cannot be part of a group): its read again and that sync, once.
    expect(double.stats.syncs).toBe(apiLevel >= 20 ? 4 : 2);

    const after = ws.snapshot();
    const changed = changedCells(before, after);
    expect(changed.filter((a) => !inColumns(a, RESULT_COLUMNS))).toEqual(["H10"]);
    expect(after.cells.H10).toEqual({ ...before.cells.H10, fill: MARK_FILL.error });
    expect(after.merges).toEqual(before.merges);
    expect(double.workbook.sheet("Ghi chép").getValues("A1")).toEqual([["Ghi chép riêng của người dùng"]]);
    expect(double.workbook.sheet(STORE_SHEET).snapshot().visibility).toBe("VeryHidden");
  });
});

describe("“Tính điểm” again, undo, marks", () => {
  it("changes nothing when rerun on an unchanged sheet (one sync, no write)", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    await runScoring("pane");
    const once = setup.double.workbook.snapshot();
    setup.double.stats.reset();
    const again = await runScoring("pane");
    expect(again.kind === "done" && again.unchanged).toBe(true);
    expect(setup.double.stats.syncs).toBe(1);
    expect(setup.double.workbook.snapshot()).toEqual(once);
  });

  it("gives the marked cell its own fill back once the score is fixed", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    setup.ws.setCell("H10", { value: 55, fill: "#DDEBF7" });
    await runScoring("pane");
    expect(setup.ws.getCell("H10").fill).toBe(MARK_FILL.error);
    setup.ws.setCell("H10", { value: 50, fill: MARK_FILL.error });
    const fixed = await runScoring("pane");
    expect(fixed.kind === "done" && fixed.findings).toEqual([]);
    expect(setup.ws.getCell("H10").fill).toBe("#DDEBF7");
    expect(setup.ws.getValues("J10:M10")).toEqual([[337.7, 0.848, "Khá", 8]]);
  });

  it("“Hoàn tác” restores every cell exactly, once", async () => {
    const setup = referenceDouble(9);
    restore = setup.restore;
    const before = setup.double.workbook.sheet(SHEET).snapshot();
    await runScoring("pane");
    const undone = await undoLast();
    expect(undone.kind).toBe("done");
    expect(undone.messageEn).toMatch(new RegExp(`^Undid the “Score” at \\d\\d:\\d\\d on sheet “${SHEET}”\\.$`));
    const after = setup.double.workbook.sheet(SHEET).snapshot();
    expect(after.cells).toEqual(before.cells);
    // Office.js cannot tell a default width from the same width set explicitly: compare what shows.
    const width = (snap: typeof before, col: string) => snap.columnWidths[col] ?? DEFAULT_COLUMN_WIDTH;
    for (const col of ["I", "J", "K", "L", "M"]) expect(width(after, col)).toBe(width(before, col));
    expect(await undoLast()).toEqual({
      kind: "nothing",
      message: "Không có thao tác nào để hoàn tác (chỉ hoàn tác được một lần, thao tác gần nhất).",
      messageEn: "There is nothing to undo (only the last action can be undone, and only once).",
    });
  });

  it("a refused undo says why in both languages", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    await runScoring("pane");
    setup.double.workbook.setActive("Ghi chép");
    setup.double.workbook.removeSheet(SHEET);
    expect(await undoLast()).toEqual({
      kind: "refused",
      message: `Không hoàn tác được: trang tính “${SHEET}” không còn trong sổ tính.`,
      messageEn: `Could not undo: sheet “${SHEET}” is no longer in the workbook.`,
    });
  });

  it("the stored run keeps each finding's message in both languages, its agency, group and value (for the pane after a ribbon run or Hoàn tác)", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    await runScoring("ribbon");
    const settings = await loadSettings();
    expect(settings.lastRun?.findings).toEqual([
      {
        cell: "H10",
        severity: "error",
        code: "aboveMax",
        message: expect.stringMatching(/^Ô H10 .*vượt điểm tối đa 50/),
        messageEn: expect.stringMatching(/^Cell H10 .*above the group's maximum of 50\. Check and correct it before signing\.$/),
        ifCorrected: expect.stringMatching(/^Nếu sửa 55 → 50: /),
        ifCorrectedEn: expect.stringMatching(/^Correcting 55 → 50: /),
        agency: "Văn phòng UBND tỉnh",
        group: "Nhân lực cho ứng dụng CNTT",
        value: "55",
      },
    ]);
    expect(settings.problemsEn).toEqual([]);
  });

  it.each([
    ["with ExcelApi 1.9 (formats copied aside)", 9],
    ["at the minimum, ExcelApi 1.4", 4],
  ])("“Hoàn tác” gives the user's own formats of the appended columns back, %s", async (_l, apiLevel) => {
    const setup = referenceDouble(apiLevel);
    restore = setup.restore;
    for (let r = 4; r <= 23; r++) {
      for (const col of ["J", "K", "L", "M"]) {
        setup.ws.setCell(`${col}${r}`, {
          fill: "#E2EFDA",
          borders: { bottom: { style: "Continuous", weight: "Thin", color: "#000000" } },
          numberFormat: r === 4 ? "@" : "General",
        });
      }
    }
    const before = setup.ws.snapshot();
    await runScoring("pane");
    expect(setup.ws.getCell("K5").numberFormat).toBe("0.000");
    await undoLast();
    const after = setup.ws.snapshot();
    if (apiLevel >= 9) expect(after.cells).toEqual(before.cells);
    else {
      // Below 1.9 the header cells' formats are reset (no way to copy formats there); the rest is back.
      const changed = Object.keys(before.cells).filter((a) => JSON.stringify(before.cells[a]) !== JSON.stringify(after.cells[a]));
      expect(changed.every((a) => /^[J-M]4$/.test(a))).toBe(true);
    }
  });

  it("undo after a second run gives back the first run's results and mark", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    await runScoring("pane");
    const first = setup.ws.snapshot();
    setup.ws.setCell("H10", { value: 50 });
    await runScoring("pane");
    setup.ws.setCell("H10", { value: 55 });
    await undoLast();
    const cells = setup.ws.snapshot().cells;
    for (const a of ["J10", "K10", "L10", "M10", "J11", "M11"]) expect(cells[a]).toEqual(first.cells[a]);
    expect(cells.H10.fill).toBe(MARK_FILL.error);
  });
});

describe("undo and settings", () => {
  it("“Hoàn tác” gives back the results, not a decision or rules saved after them", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    await runScoring("pane");
    await saveDecision({ ...(await loadSettings()).decision, number: "06/QĐ-UBND", date: "05/01/2021", year: 2020 });
    expect((await undoLast()).kind).toBe("done");
    const settings = await loadSettings();
    expect(settings.decision).toMatchObject({ number: "06/QĐ-UBND", date: "05/01/2021" });
    expect(settings.lastRun).toBeNull();
    expect(setup.ws.getValues("J5:M5")).toEqual([["", "", "", ""]]);
  });
});

describe("sheets as users make them", () => {
  it("the grid starting at column D row 7", async () => {
    const setup = referenceDouble(20, { at: "D7" });
    restore = setup.restore;
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome.columns).toEqual(["M", "N", "O", "P"]);
    expect(outcome.findings[0].cell).toBe("K16");
    expect(setup.ws.getValues("M11:P11")).toEqual([[497.1, 0.998, "Tốt", 1]]);
  });

  it("formulas in score cells: their values are used and the formulas kept", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    setup.ws.setCell("D5", { formula: "=90+9.1", value: 99.1 });
    const outcome = await runScoring("pane");
    expect(outcome.kind).toBe("done");
    expect(setup.ws.getCell("D5").formula).toBe("=90+9.1");
    expect(setup.ws.getValues("J5:M5")).toEqual([[497.1, 0.998, "Tốt", 1]]);
  });

  it("hidden and filtered rows are still agencies", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    setup.ws.hideRows("6:8");
    const outcome = await runScoring("pane");
    expect(outcome.kind === "done" && outcome.run.agencies).toBe(19);
    expect(setup.ws.getValues("M6:M8")).toEqual([[2], [3], [4]]);
  });

  it("merged header cells (a title merged over the groups) and a two-row header", async () => {
    const groups = readPublishedAnnex().header.slice(2, 8);
    const values = [["STT", "Tên cơ quan", "Điểm các nhóm tiêu chí", "", "", "", "", "", "Ghi chú"], ["", "", ...groups, ""], ...referenceSheet().slice(4, 23)];
    const setup = referenceDouble(20, { values });
    restore = setup.restore;
    setup.ws.merge("A1:A2").merge("B1:B2").merge("C1:H1").merge("I1:I2");
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome.run.agencies).toBe(19);
    expect(setup.ws.getValues("J2:M2")).toEqual([["Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng"]]);
    expect(setup.ws.getValues("J3:M3")).toEqual([[497.1, 0.998, "Tốt", 1]]);
  });

  it("existing result columns are filled in place", async () => {
    const values = referenceSheet().map((r, i) =>
      i === 3 ? [...r.slice(0, 8), "Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng", r[8]] : [...r.slice(0, 8), "", "", "", "", r[8]],
    );
    const setup = referenceDouble(20, { values });
    restore = setup.restore;
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome.columns).toEqual(["I", "J", "K", "L"]);
    expect(setup.ws.getValues("I10:M10")).toEqual([[342.7, 0.861, "Tốt", 6, "Không TTHC"]]);
  });
});

describe("Tính điểm with a tampered store", () => {
  it("a written record with values: null is set aside and named; only the result columns are written", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    await runScoring("pane");
    tamper(setup.double, (s) => (s.written.columns[0].values = null));
    setup.ws.setCell("C5", { value: 49 });
    const before = setup.double.workbook.sheet(SHEET).snapshot();
    const again = await runScoring("pane");
    expect(again.kind).toBe("done");
    if (again.kind !== "done") return;
    expect(again.notices[0]).toMatch(
      /^Dữ liệu “written” trong trang ẩn “XepHangCNTT_DuLieu” không hợp lệ nên được bỏ qua: written\.columns\[0\]\.values không phải là một danh sách/,
    );
    expect(again.noticesEn[0]).toMatch(/The “written” data in the hidden sheet “XepHangCNTT_DuLieu” is invalid and was set aside/);
    // Without the record, only cells that hold results (numbers, class names in agency rows) are
    // taken as the add-in's: the write stays inside the result columns.
    const changed = changedCells(before, setup.double.workbook.sheet(SHEET).snapshot());
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((a) => !/^[JKLM]\d+$/.test(a))).toEqual([]);
  });

  it("a written record with values: null never lets a user's text in a result column be overwritten", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    await runScoring("pane");
    tamper(setup.double, (s) => (s.written.columns[0].values = null));
    setup.ws.setCell("J6", { value: "ghi chú của tôi" });
    const before = setup.double.workbook.sheet(SHEET).snapshot();
    const again = await runScoring("pane");
    expect(again.kind).toBe("refused");
    if (again.kind !== "refused") return;
    expect(again.message).toMatch(/^Không ghi kết quả: cột kết quả có nội dung không do add-in ghi .*J6/);
    expect(again.message).toMatch(/Dữ liệu “written” .* bỏ qua/);
    expect(changedCells(before, setup.double.workbook.sheet(SHEET).snapshot())).toEqual([]);
  });

  it.each([
    ["marks that is not an array", (s: Record<string, any>) => (s.marks = { a: 1 }), "marks"],
    ["a mark at ZZZZ0", (s: Record<string, any>) => (s.marks[0].address = "ZZZZ0"), "marks"],
    ["a last run of the wrong shape", (s: Record<string, any>) => (s.lastRun = 5), "lastRun"],
  ])("%s: scored, with a notice naming the entry set aside; no cell written from it", async (_label, edit, key) => {
    const setup = referenceDouble();
    restore = setup.restore;
    await runScoring("pane");
    tamper(setup.double, edit);
    setup.ws.setCell("C5", { value: 49 }); // a change, so that the results are written again
    const again = await runScoring("pane");
    expect(again.kind).toBe("done");
    if (again.kind !== "done") return;
    expect(again.notices[0]).toMatch(new RegExp(`^Dữ liệu “${key}” trong trang ẩn “XepHangCNTT_DuLieu” không hợp lệ nên được bỏ qua`));
    expect(again.noticesEn[0]).toMatch(new RegExp(`^The “${key}” data in the hidden sheet “XepHangCNTT_DuLieu” is invalid and was set aside`));
    // The store is whole again after the write.
    const healed = decodeStore(storeRows(setup.double));
    expect(healed.ok && healed.issues).toEqual([]);
  });
});
