/**
 * The Quy tắc tab's “Bộ tiêu chí” sheet in the strict double, on the criteria-set example: written from the rules
 * (2 syncs, undone by one Hoàn tác), read back the same (1 sync), a problem named by its cell on that sheet, and
 * the user's sheet never written over.
 */
import * as fs from "fs";
import * as path from "path";
import { createOfficeDouble } from "../office-double/index";
import { importXlsxToDouble } from "../office-double/export-xlsx";
import { readCriteriaSheet, writeCriteriaSheet } from "../../src/excel/criteria-sheet";
import { undoLast } from "../../src/excel/undo";
import { loadSettings } from "../../src/excel/settings";
import { CRITERIA_SHEET, isCriteriaSheetTitle } from "../../src/core/rules/criteria-sheet";
import { RulesJson, validateRules } from "../../src/core/rules/rules";
import { ROOT } from "../cli/helpers";

const FILE = path.join(ROOT, "examples/bo-tieu-chi-2020.xlsx");
const model = (json: RulesJson) => {
  const checked = validateRules(json);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join("\n"));
  return JSON.parse(JSON.stringify(checked.rules.groups.map((g) => g.criteria)));
};

let restore: () => void = () => undefined;
afterEach(() => restore());

async function example(apiLevel?: number) {
  const wb = await importXlsxToDouble(fs.readFileSync(FILE));
  const double = createOfficeDouble({ workbook: wb, ...(apiLevel ? { apiLevel } : {}) });
  wb.setActive(wb.sheets[0].name);
  restore = double.install(globalThis);
  return { wb, double };
}

describe.each([9, 20])("the “Bộ tiêu chí” sheet from the pane (ExcelApi 1.%i)", (apiLevel) => {
  it("written from the stored rules in 2 syncs, read back the same in 1, gone with one Hoàn tác", async () => {
    const { wb, double } = await example(apiLevel);
    const settings = await loadSettings();
    const stored = settings.rules!;
    double.stats.reset();
    const written = await writeCriteriaSheet();
    if (written.kind !== "done") throw new Error(written.message);
    expect(double.stats.syncs).toBe(2);
    expect(written).toMatchObject({ sheetName: CRITERIA_SHEET, leaves: 29 });
    expect(written.message).toBe(
      "Đã ghi bộ tiêu chí (29 tiêu chí chấm điểm) ra trang “Bộ tiêu chí”. Sửa bảng trên trang rồi bấm “Đọc trang Bộ tiêu chí” để đưa vào quy tắc.",
    );
    const sheet = wb.sheet(CRITERIA_SHEET);
    expect(isCriteriaSheetTitle(sheet.getValues("A1")[0][0])).toBe(true);
    expect(sheet.getValues("A2:H2")[0]).toEqual(["Mã", "Tiêu chí", "Điểm tối đa", "Cách chấm", "Mức/ngưỡng", "Số liệu", "Tài liệu kiểm chứng", "Hướng dẫn"]);

    double.stats.reset();
    const read = await readCriteriaSheet();
    expect(double.stats.syncs).toBe(1);
    if (read.kind !== "read") throw new Error(read.message);
    expect(read.leaves).toBe(29);
    expect(model(read.rules)).toEqual(model(stored));

    const undone = await undoLast({ action: "criteria", at: written.undo.at });
    expect(undone.kind).toBe("done");
    expect(wb.sheets.map((s) => s.name)).not.toContain(CRITERIA_SHEET);
  });
});

describe("the sheet's problems and the user's sheet", () => {
  it("a problem is named by its cell on the sheet; a sheet already there is never written over; no sheet, said", async () => {
    const { wb } = await example();
    const missing = await readCriteriaSheet();
    expect(missing).toMatchObject({ kind: "refused", message: expect.stringContaining("Sổ tính không có trang “Bộ tiêu chí”") });
    await writeCriteriaSheet();
    const sheet = wb.sheet(CRITERIA_SHEET);
    const codes = sheet.getValues("A1:A60").map((r) => r[0]);
    const row = codes.indexOf("2.3") + 1;
    sheet.setValues(`D${row}`, [["Tùy"]]);
    const read = await readCriteriaSheet();
    if (read.kind !== "problems") throw new Error("read");
    expect(read.problems).toEqual([
      expect.objectContaining({ sheet: CRITERIA_SHEET, cell: `D${row}`, message: expect.stringContaining("cách chấm “Tùy” không rõ") }),
    ]);
    expect(read.message).toBe("Trang “Bộ tiêu chí” có 1 lỗi, chưa đưa được vào quy tắc. Chọn một lỗi để tới ô đó, sửa rồi đọc lại.");
    expect(read.messageEn).toContain("has 1 problem;");

    const before = sheet.getValues("A1:H60");
    const again = await writeCriteriaSheet();
    expect(again).toMatchObject({ kind: "refused", message: expect.stringContaining("không bị ghi đè") });
    expect(sheet.getValues("A1:H60")).toEqual(before);
  });
});
