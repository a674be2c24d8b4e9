/**
 * A tampered XepHangCNTT_DuLieu sheet in the add-in: scoring names what it sets aside and never
 * trusts it for a write; undo checks its journal whole before it writes anything from it.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit decoded JSON as a tamperer would */
import { decodeStore, encodeStore, STORE_SHEET } from "../../src/core/store/store";
import { runScoring } from "../../src/excel/scoring";
import { undoLast } from "../../src/excel/undo";
import { changedCells, Double, referenceDouble, SHEET } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

/** The store sheet's rows, as they are now. */
function storeRows(double: Double): unknown[][] {
  const sheet = double.workbook.sheet(STORE_SHEET);
  const rect = sheet.usedRect(true)!;
  return sheet.getValues(`A1:C${rect.r1 + 1}`);
}

/** Rewrites the store sheet with one entry's JSON edited, as someone editing the hidden sheet would. */
function tamper(double: Double, edit: (state: Record<string, any>) => void): void {
  const decoded = decodeStore(storeRows(double));
  if (!decoded.ok) throw new Error(decoded.message);
  const state = JSON.parse(JSON.stringify(decoded.state));
  edit(state);
  const rows = encodeStore(state);
  const old = storeRows(double).length;
  const padded = [...rows, ...Array.from({ length: Math.max(0, old - rows.length) }, () => ["", "", ""])];
  double.workbook.sheet(STORE_SHEET).setValues("A1", padded);
}

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
