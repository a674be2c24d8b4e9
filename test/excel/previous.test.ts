import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { createOfficeDouble } from "../office-double";
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
  const last = referenceSheet().map((r) => [...r]) as (string | number)[][];
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
    // 1 read (last year's sheet with the active one) + 1 write, as without a comparison.
    expect(double.stats.syncs).toBe(2);
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
