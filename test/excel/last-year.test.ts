import { runScoring } from "../../src/excel/scoring";
import { generateAnnex } from "../../src/excel/annex";
import { loadSettings, saveDecision } from "../../src/excel/settings";
import { annexGrid, buildAnnex } from "../../src/core/sheets/annex";
import { columnLetter } from "../../src/core/base/address";
import { completeMetadata } from "../../src/core/rules/metadata";
import { compareWithPrevious, scorePreviousYear } from "../../src/core/grid/previous";
import { presetRules } from "../../src/core/rules/rules";
import { scoreSheet } from "../../src/core/grid/scoring";
import { undoLast } from "../../src/excel/undo";
import { createOfficeDouble } from "../office-double/index";
import { referenceSheet } from "../fixtures/reference";
import { changedCells, SHEET } from "./helpers";

const LAST = "Năm 2019";

let restore: () => void = () => undefined;
afterEach(() => restore());

/** This year's reference grid and, on a sheet of the same workbook, last year's: Sở Y tế scored 0, Sở Nội vụ under an older name. */
function withLastYear(apiLevel: number) {
  const double = createOfficeDouble({ apiLevel, sheets: [SHEET, LAST, "Ghi chép"] });
  double.workbook.sheet("Ghi chép").setValues("A1", [["Ghi chép riêng của người dùng"]]);
  const ws = double.workbook.sheet(SHEET);
  ws.setValues("A1", referenceSheet() as (string | number)[][]);
  // Last year's grid: the reference one under a 2019 title (a grid of the same year is refused, see below).
  const last = referenceSheet().map((r) => r.map((v) => (typeof v === "string" ? v.replace("NĂM 2020", "NĂM 2019") : v))) as (string | number)[][];
  const yte = last.findIndex((r) => r[1] === "Sở Y tế");
  for (let c = 2; c <= 7; c++) if (typeof last[yte][c] === "number") last[yte][c] = 0;
  const noiVu = last.findIndex((r) => r[1] === "Sở Nội vụ");
  last[noiVu][1] = "Ban Tổ chức chính quyền";
  double.workbook.sheet(LAST).setValues("A1", last);
  double.workbook.setActive(SHEET);
  restore = double.install(globalThis);
  const rowOf = (name: string) => ws.getValues("B5:B23").findIndex((r) => r[0] === name) + 5;
  return { double, ws, rowOf };
}

describe.each([4, 20])("“So sánh với năm trước” from a sheet of this workbook (ExcelApi 1.%i)", (apiLevel) => {
  it("writes “Xếp hạng năm trước” and “Tăng/giảm” with the results, in the syncs of Tính điểm, undone in one step", async () => {
    const { double, ws, rowOf } = withLastYear(apiLevel);
    const before = ws.snapshot();
    double.stats.reset();
    const o = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } });
    expect(o.kind).toBe("done");
    if (o.kind !== "done") return;
    // 1 read (last year's sheet with the active one) + 1 write, as without a comparison; at ExcelApi 1.20 on Windows
    // the first action on a workbook also makes the store on its own (its read again and that sync, once).
    expect(double.stats.syncs).toBe(apiLevel >= 20 ? 4 : 2);
    expect(o.columns).toEqual(["J", "K", "L", "M", "N", "O"]);
    expect(ws.getValues("N4:O4")).toEqual([["Xếp hạng năm trước", "Tăng/giảm"]]);
    const yte = rowOf("Sở Y tế");
    // Rank 8 this year; last year, with no points, the last of 19.
    expect(ws.getValues(`M${yte}:O${yte}`)).toEqual([[8, 19, "▲11"]]);
    expect(ws.getValues(`N${rowOf("Sở Nội vụ")}:O${rowOf("Sở Nội vụ")}`)).toEqual([["", "mới"]]);
    const bac = rowOf("Sở Tư pháp");
    const [[rank, previous, change]] = ws.getValues(`M${bac}:O${bac}`);
    expect(previous).toBeLessThanOrEqual(rank as number);
    expect(change).toMatch(/^(=|▼\d+)$/);
    expect(o.notices.join(" ")).toContain("Ban Tổ chức chính quyền");
    expect(o.noticesEn.join(" ")).toContain("no match this year");

    // The next run reuses the two columns rather than adding two more.
    const again = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } });
    expect(again.kind === "done" && again.columns).toEqual(["J", "K", "L", "M", "N", "O"]);
    expect(again.kind === "done" && again.unchanged).toBe(true);

    expect((await undoLast()).kind).toBe("done");
    expect(changedCells(before, ws.snapshot())).toEqual([]);
  });

  it("refuses, changing nothing, when last year's sheet is gone or has no grid", async () => {
    const { ws } = withLastYear(apiLevel);
    const before = ws.snapshot();
    const gone = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: "Năm 2018" } });
    expect(gone).toMatchObject({ kind: "refused", message: expect.stringContaining("Không còn trang tính “Năm 2018”") });
    const notes = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: "Ghi chép" } });
    expect(notes).toMatchObject({ kind: "refused", message: expect.stringContaining("“Ghi chép” không có trang tính nào có bảng điểm") });
    expect(notes.kind === "refused" && notes.messageEn).toContain("has no sheet with a score grid");
    expect(changedCells(before, ws.snapshot())).toEqual([]);
  });

  it("takes agencies read from another workbook's file, matching names written in TCVN3", async () => {
    const { ws, rowOf } = withLastYear(apiLevel);
    const o = await runScoring("pane", undefined, {
      previous: { kind: "agencies", source: "2019.xlsx", agencies: [{ name: "Së Y tÕ", rank: 3, index: null, className: null }] },
    });
    expect(o.kind).toBe("done");
    const yte = rowOf("Sở Y tế");
    expect(ws.getValues(`N${yte}:O${yte}`)).toEqual([[3, "▼5"]]);
  });
});

const DECISION = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", province: "Thái Bình", year: 2020 });

describe.each([4, 20])("“Tạo phụ lục” with last year's columns when the user chose them (ExcelApi 1.%i)", (apiLevel) => {
  /** The annex the command line makes with --previous --annex-previous, from the same two grids. */
  function cliAnnex(ws: ReturnType<typeof withLastYear>["ws"], last: unknown[][]) {
    const scored = scoreSheet(ws.getValues("A1:M23"), presetRules());
    const lastYear = scorePreviousYear([{ name: LAST, values: last }], undefined, LAST);
    if (!scored.ok || !lastYear.ok) throw new Error("the reference grids score");
    return buildAnnex(scored.rules, scored.rows, DECISION, compareWithPrevious(scored.rows, lastYear.agencies));
  }
  const annexValues = (double: ReturnType<typeof withLastYear>["double"], rows: number, cols: number) =>
    double.workbook.sheet("Phụ lục").getValues(`A1:${columnLetter(cols - 1)}${rows}`);

  it("the choice is stored with the decision; the annex carries “Xếp hạng năm trước” and “Tăng/giảm” as the command line's, in ≤ 3 syncs", async () => {
    const { double, ws } = withLastYear(apiLevel);
    expect((await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } })).kind).toBe("done");
    expect(await saveDecision({ ...DECISION, annexPrevious: true })).toEqual({ ok: true });
    expect((await loadSettings()).decision.annexPrevious).toBe(true);

    double.stats.reset();
    const o = await generateAnnex({ confirmErrors: true });
    expect(o).toMatchObject({ kind: "done", sheetName: "Phụ lục" });
    expect(double.stats.syncs).toBeLessThanOrEqual(3);

    const expected = cliAnnex(ws, double.workbook.sheet(LAST).getValues("A1:I23"));
    const got = annexValues(double, expected.rowCount, expected.colCount);
    expect(got).toEqual(annexGrid(expected));
    const header = got[expected.table.headerRow];
    expect(header.slice(-3)).toEqual(["Xếp hạng năm trước", "Tăng/giảm", "Ghi chú"]);
    const row = (name: string) => got.find((r) => r[1] === name)!.slice(-3, -1);
    expect(row("Sở Y tế")).toEqual(["19", "▲11"]);
    expect(row("Sở Nội vụ")).toEqual(["", "mới"]);
  });

  it("without the choice (or once it is cleared) the annex has no last-year column", async () => {
    const { double } = withLastYear(apiLevel);
    await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } });
    expect(await saveDecision({ ...DECISION, annexPrevious: true })).toEqual({ ok: true });
    expect(await saveDecision(DECISION)).toEqual({ ok: true });
    expect((await loadSettings()).decision.annexPrevious).toBeUndefined();
    expect((await generateAnnex({ confirmErrors: true })).kind).toBe("done");
    const header = double.workbook.sheet("Phụ lục").getValues("A5:Z5")[0];
    expect(header).toContain("Ghi chú");
    expect(header).not.toContain("Xếp hạng năm trước");
    expect(header).not.toContain("Tăng/giảm");
  });

  it("refuses, changing nothing, when the score sheet has no last-year columns", async () => {
    const { double } = withLastYear(apiLevel);
    await runScoring("pane");
    await saveDecision({ ...DECISION, annexPrevious: true });
    const before = double.workbook.snapshot();
    const o = await generateAnnex({ confirmErrors: true });
    expect(o).toMatchObject({ kind: "refused", message: expect.stringContaining("chưa có cột “Xếp hạng năm trước” và “Tăng/giảm”") });
    expect(o.kind === "refused" && o.messageEn).toContain("Compare with last year");
    expect(double.workbook.snapshot()).toEqual(before);
  });

  it("refuses, naming the cells, when “Tăng/giảm” no longer matches the ranks (scored again without the comparison)", async () => {
    const { double, ws, rowOf } = withLastYear(apiLevel);
    await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } });
    // Sở Y tế loses its points and is scored again without last year: its rank changes, “Tăng/giảm” stays.
    const yte = rowOf("Sở Y tế");
    ws.setValues(`C${yte}:H${yte}`, [[0, 0, 0, 0, 0, 0]]);
    expect((await runScoring("pane")).kind).toBe("done");
    await saveDecision({ ...DECISION, annexPrevious: true });
    const before = double.workbook.snapshot();
    const o = await generateAnnex({ confirmErrors: true });
    expect(o.kind).toBe("refused");
    if (o.kind !== "refused") return;
    expect(o.cells).toContain(`O${yte}`);
    expect(o.message).toContain("Cột “Tăng/giảm” không khớp");
    expect(o.messageEn).toContain("disagrees with this year's and last year's ranks");
    expect(double.workbook.snapshot()).toEqual(before);
  });
});

describe.each([4, 20])("last year's grid not of an earlier year (ExcelApi 1.%i)", (apiLevel) => {
  it("is refused, naming both years and the fix, changing nothing; confirmed (force), it is compared", async () => {
    const { double, ws } = withLastYear(apiLevel);
    // Last year's sheet titled with this year's year: not earlier.
    const last = double.workbook.sheet(LAST);
    const titled = referenceSheet().map((r) => [...r]) as (string | number)[][];
    last.setValues("A1", titled.slice(0, 4));
    const before = ws.snapshot();
    const refused = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST } });
    expect(refused).toEqual({
      kind: "refused",
      message:
        "“Năm 2019” là bảng điểm năm 2020, không trước năm 2020 của bảng điểm này, nên chưa so sánh. Hãy chọn bảng điểm của năm trước (năm 2019 hoặc trước đó); nếu đúng là muốn so sánh như vậy, bấm “Vẫn so sánh”. Chưa có ô nào bị thay đổi.",
      messageEn:
        "“Năm 2019” is the score table of 2020, not earlier than this table's 2020, so it is not compared. Choose the previous year's table (2019 or earlier); if this comparison is really meant, click “Compare anyway”. No cell has been changed.",
      cells: [],
      previousNotEarlier: true,
    });
    expect(changedCells(before, ws.snapshot())).toEqual([]);
    // A file whose title names no year: its stored decision's year counts (a later one here).
    const file = await runScoring("pane", undefined, { previous: { kind: "agencies", source: "2021.xlsx", agencies: [], year: null, decisionYear: 2021 } });
    expect(file.kind === "refused" && file.message).toContain("“2021.xlsx” là bảng điểm năm 2021, không trước năm 2020");
    expect(changedCells(before, ws.snapshot())).toEqual([]);
    const forced = await runScoring("pane", undefined, { previous: { kind: "sheet", sheet: LAST, force: true } });
    expect(forced.kind).toBe("done");
  });
});
