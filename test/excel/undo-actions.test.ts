/**
 * The undo handlers with a tampered XepHangCNTT_DuLieu sheet: undo checks its journal whole before it
 * writes anything from it (scoring with a tampered store is in scoring.test.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit decoded JSON as a tamperer would */
import { STORE_SHEET } from "../../src/core/store/store";
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { changedCells, referenceDouble, SHEET, storeRows, tamper } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("Hoàn tác with a tampered journal: refused before any write, with the reason", () => {
  it.each([
    ["a cell block at ZZZZ0", (s: Record<string, any>) => (s.undo.cells[0].address = "ZZZZ0"), /undo\.cells\[0\]\.address không phải là địa chỉ ô/],
    ["formulas: null", (s: Record<string, any>) => (s.undo.cells[0].formulas = null), /undo\.cells\[0\]\.formulas không phải là một danh sách/],
    ["fewer formula rows than the block", (s: Record<string, any>) => s.undo.cells[0].formulas.pop(), /undo\.cells\[0\]\.formulas không khớp kích thước/],
    [
      "a previous annex of 4294967294 rows",
      (s: Record<string, any>) => (s.undo.previousAnnex = { sheetName: "Phụ lục", description: { packed: 1, rowCount: 4294967294 } }),
      /undo\.previousAnnex\.description/,
    ],
    [
      "previous marks that are not a list",
      (s: Record<string, any>) => (s.undo.previousState.marks = "x"),
      /undo\.previousState\.marks không phải là một danh sách/,
    ],
    ["the journal's part number 4294967294", null, /undo không hợp lệ|bản ghi hoàn tác/],
  ])("%s", async (_label, edit, message) => {
    const setup = referenceDouble();
    restore = setup.restore;
    const scored = await runScoring("pane");
    expect(scored.kind).toBe("done");
    if (edit) tamper(setup.double, edit);
    else {
      const rows = storeRows(setup.double).map((r) => (r[0] === "undo" ? ["undo", "4294967294", r[2]] : r));
      setup.double.workbook.sheet(STORE_SHEET).setValues("A1", rows as string[][]);
    }
    const sheetBefore = setup.double.workbook.sheet(SHEET).snapshot();
    const storeBefore = storeRows(setup.double);
    const undone = await undoLast();
    expect(undone.kind).toBe("refused");
    expect(undone.message).toMatch(/^Không hoàn tác được: bản ghi hoàn tác trong trang ẩn “XepHangCNTT_DuLieu” không hợp lệ/);
    expect(undone.message).toMatch(message);
    expect(undone.message).toMatch(/Chưa có ô nào bị thay đổi\.$/);
    expect(undone.messageEn).toMatch(/^Could not undo: the undo record .* is invalid .*No cell has been changed\.$/);
    expect(changedCells(sheetBefore, setup.double.workbook.sheet(SHEET).snapshot())).toEqual([]);
    expect(storeRows(setup.double)).toEqual(storeBefore);
  });
});
