import { readPublishedAnnex, referenceSheet } from "../fixtures/reference";
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { hostErrorMessage, UserFacingError } from "../../src/excel/host";
import { loadSettings, saveDecision, saveRules } from "../../src/excel/settings";
import { STORE_SHEET } from "../../src/core/store/store";
import { PRESET_THAI_BINH_2020 } from "../../src/core/rules/rules";
import { MARK_FILL } from "../../src/core/grid/plan";
import { DEFAULT_COLUMN_WIDTH } from "../office-double/workbook";
import { changedCells, inColumns, referenceDouble, SHEET } from "./helpers";

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

describe("bad input: a clear message naming the cells, nothing written", () => {
  /** Refused in both languages (the English twin with no Vietnamese sentence in it), nothing written. */
  const expectNothingWritten = async (setup: ReturnType<typeof referenceDouble>, pattern: RegExp, patternEn: RegExp) => {
    const before = setup.double.workbook.snapshot();
    const outcome = await runScoring("pane");
    expect(outcome.kind).toBe("refused");
    if (outcome.kind === "refused") {
      expect(outcome.message).toMatch(pattern);
      expect(outcome.messageEn).toMatch(patternEn);
      expect(outcome.messageEn).not.toMatch(/Hãy|Chưa|Không|Trang tính/);
    }
    expect(setup.double.workbook.snapshot()).toEqual(before);
    return outcome;
  };

  it("empty sheet", async () => {
    const setup = referenceDouble(20, { values: [[""]] });
    restore = setup.restore;
    await expectNothingWritten(
      setup,
      /trống/,
      /^Sheet “Chấm điểm 2020”: The sheet is empty\. Open the sheet with the score table .* and click “Score” again\.$/,
    );
  });

  it("no grid: says what was looked for and what was seen", async () => {
    const setup = referenceDouble(20, {
      values: [
        ["Họ và tên", "Điểm thi"],
        ["Nguyễn Văn A", 8],
      ],
    });
    restore = setup.restore;
    await expectNothingWritten(
      setup,
      /Cần các cột: “Hạ tầng kỹ thuật”.*Dòng 1 có: “Họ và tên”, “Điểm thi”/,
      /The columns needed are “Hạ tầng kỹ thuật”.*Row 1 has “Họ và tên”, “Điểm thi”\. Missing: .*Correct the column headers/,
    );
  });

  it("protected sheet", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    setup.ws.protect();
    await expectNothingWritten(
      setup,
      /đang được bảo vệ.*Bỏ bảo vệ trang tính.*Chưa có ô nào bị thay đổi/,
      /^Sheet “Chấm điểm 2020” is protected, so the results cannot be written\. Unprotect it \(Review → Unprotect Sheet\) and click “Score” again\. No cell has been changed\.$/,
    );
  });

  it("foreign content in a result column: names the cells", async () => {
    const values = referenceSheet().map((r, i) => [...r, i === 3 ? "Tổng điểm" : i === 8 ? "xem lại" : i === 9 ? "" : ""]);
    const setup = referenceDouble(20, { values });
    restore = setup.restore;
    setup.ws.setCell("J10", { formula: "=SUM(C10:H10)", value: 342.7 });
    const outcome = await expectNothingWritten(
      setup,
      /J9, J10.*Chưa có ô nào bị thay đổi/,
      /^The results were not written: .* in J9, J10\. Move that content to another column or delete it, then click “Score” again\. No cell has been changed\.$/,
    );
    expect(outcome.kind === "refused" && outcome.cells).toEqual(["J9", "J10"]);
  });

  it("#N/A in a score cell: scored without that agency, the cell named", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    setup.ws.setCell("D6", { error: "#N/A" });
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome.findings.map((f) => [f.cell, f.code])).toEqual([
      ["D6", "errorValue"],
      ["H10", "aboveMax"],
    ]);
    expect(setup.ws.getValues("J6:M6")).toEqual([["", "", "", ""]]);
    expect(setup.ws.getValues("M5:M7")).toEqual([[1], [""], [2]]);
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

describe("rules and the decision travel inside the workbook", () => {
  it("rules saved by the pane are used by the next run and read back by another session", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    const rules = {
      ...PRESET_THAI_BINH_2020,
      classes: [
        { name: "Tốt", minIndex: 0.8 },
        { name: "Khá", minIndex: 0.7 },
        { name: "Trung bình", minIndex: 0 },
      ],
    };
    expect(await saveRules(rules)).toEqual({ ok: true });
    const outcome = await runScoring("ribbon");
    expect(outcome.kind === "done" && outcome.run.byClass[0]).toEqual({ name: "Tốt", count: 10 });
    const settings = await loadSettings();
    expect(settings.rulesFromWorkbook).toBe(true);
    expect(settings.rules.classes[0].minIndex).toBe(0.8);
    expect(settings.lastRun?.source).toBe("ribbon");
    expect(settings.undo?.action).toBe("score");
  });

  it("invalid rules are never stored", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    const saved = await saveRules({ ...PRESET_THAI_BINH_2020, rankBy: "điểm" });
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.messagesEn).toEqual(["rankBy: Rank by (rankBy) must be one of “index”, “total”."]);
    expect(setup.double.workbook.snapshot().sheets.map((s) => s.name)).not.toContain(STORE_SHEET);
  });
});

describe("host errors are worded in Vietnamese and English", () => {
  it.each([
    ["AccessDenied", /bảo vệ/, /^Excel refused to write: .*Unprotect it \(Review → Unprotect Sheet\) and try again\.$/],
    ["InvalidOperationInCellEditMode", /sửa ô/, /^Excel is editing a cell\. Press Enter or Esc/],
    ["RequestPayloadSizeLimitExceeded", /quá lớn/, /Split the score table into smaller sheets\.$/],
    ["ApiNotFound", /thiếu một chức năng/, /Use Excel for Microsoft 365/],
    ["ItemNotFound", /Không tìm thấy/, /was not found .*Try again\.$/],
    [
      "Weird",
      /^Excel báo lỗi \(Weird\): boom\./,
      /^Excel reported an error \(Weird\): boom\. Try again; if it keeps happening, save the workbook and restart Excel\.$/,
    ],
  ])("%s", (code, vi, en) => {
    const e = { code, message: "boom" };
    expect(hostErrorMessage(e)).toMatch(vi);
    expect(hostErrorMessage(e, "vi")).toBe(hostErrorMessage(e));
    expect(hostErrorMessage(e, "en")).toMatch(en);
  });

  it("a UserFacingError carries its own two messages", () => {
    const e = new UserFacingError("Tiếng Việt.", "English.", ["A1"]);
    expect([hostErrorMessage(e), hostErrorMessage(e, "en"), e.cells]).toEqual(["Tiếng Việt.", "English.", ["A1"]]);
  });
});
