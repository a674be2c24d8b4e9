/**
 * "Tạo phiếu" and "Gộp phiếu" with a criteria set, in the strict Office.js double: the add-in's forms list
 * each criterion; filled through their unlocked cells (ExcelJS, as the pane reads them) they merge into the
 * ledger in the same 2 syncs, never over Thẩm định, with the differences per criterion; Hoàn tác gives the
 * ledger back; without a ledger the merge refuses and writes nothing.
 */
import * as ExcelJS from "exceljs";
import { mergeReturnedForms, prepareForms } from "../../src/excel/forms";
import { undoLast } from "../../src/excel/undo";
import { runScoring } from "../../src/excel/scoring";
import { listDifferences, writeConclusions } from "../../src/excel/council";
import { toNumber } from "../../src/core/base/decimal";
import { gridAgencies, LEDGER_COLUMNS, LEDGER_SHEET, ledgerSheet } from "../../src/core/grid/ledger";
import { sheetValues } from "../../src/core/sheets/sheet";
import { encodeStore, STORE_SHEET } from "../../src/core/store/store";
import { formBytes, readReturnedForm } from "../../src/xlsx/forms";
import { createOfficeDouble } from "../office-double/index";
import { simpleSheet } from "../core/helpers";
import { DOC_FILL, docRules, fillByCriteria } from "../forms/criteria-helpers";

const rules = docRules();
const L = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.kind, i])) as Record<(typeof LEDGER_COLUMNS)[number]["kind"], number>;
const GRID = "Chấm điểm";

function install(withLedger = true) {
  const grid = simpleSheet([
    { name: "Sở A", scores: ["", "", "", "", "", ""] },
    { name: "Sở B", scores: ["", "", "", "", "", ""] },
  ]);
  const ledger = sheetValues(ledgerSheet(rules, gridAgencies(grid, rules)!));
  const appraisedRow = ledger.findIndex((r) => r[L.agency] === "Sở A" && r[L.code] === "1.4");
  ledger[appraisedRow][L.appraised] = 6;
  const double = createOfficeDouble({ apiLevel: 19, sheets: withLedger ? [GRID, LEDGER_SHEET, STORE_SHEET] : [GRID, STORE_SHEET] });
  double.workbook.sheet(GRID).setValues("A1", grid as (string | number)[][]);
  if (withLedger) double.workbook.sheet(LEDGER_SHEET).setValues("A1", ledger);
  double.workbook.sheet(STORE_SHEET).setValues("A1", encodeStore({ rules: rules.json }) as string[][]);
  double.workbook.setActive(GRID);
  return {
    double,
    restore: double.install(globalThis),
    ledgerRow: (agency: string, code: string) => ledger.findIndex((r) => r[L.agency] === agency && r[L.code] === code),
  };
}

/** Sở A's form as the add-in makes it, filled through its unlocked cells, read back as the pane reads it. */
async function returnedForm() {
  const made = await prepareForms("all");
  if (made.kind !== "done") throw new Error(made.message);
  const f = made.forms.find((x) => x.agency === "Sở A")!;
  expect(f.description.layout.criteria?.map((c) => c.id)).toEqual(["1.1.1", "1.1.2", "1.2", "1.3", "1.4"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await formBytes(ExcelJS, f.description)).buffer as ArrayBuffer);
  fillByCriteria(wb, { ...DOC_FILL, "1.2": ["Đạt đầy đủ", "Báo cáo 5/BC-SA"] });
  return readReturnedForm(ExcelJS, f.fileName, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe("Gộp phiếu with a criteria set", () => {
  let h: ReturnType<typeof install>;
  afterEach(() => h.restore());

  it("fills the ledger's Số liệu, Tự chấm and evidence in 2 syncs, keeps Thẩm định, lists the difference per criterion; Hoàn tác gives the ledger back", async () => {
    h = install();
    const form = await returnedForm();
    const ledger = h.double.workbook.sheet(LEDGER_SHEET);
    const before = ledger.snapshot().cells;
    h.double.stats.reset();
    const outcome = await mergeReturnedForms([form]);
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(h.double.stats.syncs).toBe(2);
    const row = (code: string) => h.ledgerRow("Sở A", code) + 1;
    expect(ledger.getValues(`E${row("1.1.1")}:H${row("1.1.1")}`)).toEqual([[45, 50, 9, ""]]);
    expect(ledger.getValues(`E${row("1.2")}:H${row("1.2")}`)).toEqual([["Đạt đầy đủ", "", 15, "Báo cáo 5/BC-SA"]]);
    expect(ledger.getValues(`G${row("1.4")}:I${row("1.4")}`)).toEqual([[8.25, "", 6]]);
    expect(outcome.differences).toEqual([
      { agency: "Sở A", group: "1.4 Hạ tầng khác", self: 8.25, appraised: 6, evidence: "", cell: `'${LEDGER_SHEET}'!I${row("1.4")}`, criterion: "1.4" },
    ]);
    expect(h.double.workbook.sheet("Chênh lệch").getValues("B3:E4")).toEqual([
      ["Cơ quan", "Nhóm / tiêu chí", "Tự chấm", "Thẩm định"],
      ["Sở A", "1.4 Hạ tầng khác", 8.25, 6],
    ]);
    // The groups without criteria went to the grid's empty cells; group 1's cell is left to Tính điểm.
    expect(h.double.workbook.sheet(GRID).getValues("C2:H2")).toEqual([["", 80, 80, 80, 80, 40]]);
    const undone = await undoLast();
    expect(undone.kind).toBe("done");
    expect(ledger.snapshot().cells).toEqual(before);
  });

  it("refuses, writing nothing, when the workbook has no ledger for forms at criterion level", async () => {
    h = install(false);
    const form = await returnedForm();
    const gridBefore = h.double.workbook.sheet(GRID).snapshot().cells;
    const outcome = await mergeReturnedForms([form]);
    expect(outcome.kind).toBe("refused");
    expect(outcome.kind === "refused" && outcome.message).toBe(
      "Các phiếu chấm theo từng tiêu chí cần trang “Chấm điểm chi tiết” để ghi số liệu, nhưng sổ tính chưa có trang này. Hãy bấm “Tạo trang chấm điểm chi tiết” (thẻ Quy tắc, phần Bộ tiêu chí) khi đang mở bảng điểm, rồi gộp lại. Chưa có ô nào bị thay đổi.",
    );
    expect(h.double.workbook.sheet(GRID).snapshot().cells).toEqual(gridBefore);
    expect(h.double.workbook.sheets.map((s) => s.name)).toEqual([GRID, STORE_SHEET]);
  });

  it("Tính điểm names the criterion left unconcluded, then counts the council's conclusion: “Chấp nhận tự chấm” puts 8,25 into 1.4's Thẩm định; Hoàn tác gives 6 back", async () => {
    h = install();
    const merged = await mergeReturnedForms([await returnedForm()]);
    if (merged.kind !== "done") throw new Error(merged.message);
    const ledger = h.double.workbook.sheet(LEDGER_SHEET);
    const appraised = `I${h.ledgerRow("Sở A", "1.4") + 1}`;
    const open = await runScoring("pane");
    if (open.kind !== "done") throw new Error(open.message);
    expect(open.findings.filter((f) => f.code === "differenceNotConcluded").map((f) => [f.sheet, f.cell])).toEqual([["Chênh lệch", "H4"]]);
    // 10 × 45 ÷ 50 = 9 and 60 Mbps → 7 (1.1: 16), Đạt đầy đủ 15, Có 5, the council's 6.
    expect(h.double.workbook.sheet(GRID).getValues("C2")).toEqual([[42]]);
    h.double.workbook.sheet("Chênh lệch").setValues("H4", [["Chấp nhận tự chấm"]]);
    h.double.stats.reset();
    const done = await runScoring("pane");
    if (done.kind !== "done") throw new Error(done.message);
    expect(h.double.stats.syncs).toBeLessThanOrEqual(3);
    expect(done.findings.filter((f) => f.code === "differenceNotConcluded")).toEqual([]);
    expect(ledger.getValues(appraised)).toEqual([[8.25]]);
    expect(h.double.workbook.sheet(GRID).getValues("C2")).toEqual([[44.25]]);
    expect((await undoLast()).kind).toBe("done");
    expect(ledger.getValues(appraised)).toEqual([[6]]);
  });

  it("the pane's picker lists the difference per criterion with the criterion's maximum, records “Điểm khác” for it, Tính điểm counts it in the ledger and the grid; “Chưa kết luận” clears it and gives the ledger its appraised 6 back", async () => {
    h = install();
    const merged = await mergeReturnedForms([await returnedForm()]);
    if (merged.kind !== "done") throw new Error(merged.message);
    const ledger = h.double.workbook.sheet(LEDGER_SHEET);
    const diff = h.double.workbook.sheet("Chênh lệch");
    const appraised = `I${h.ledgerRow("Sở A", "1.4") + 1}`;
    const listed = await listDifferences();
    if (listed.kind !== "done") throw new Error(listed.message);
    const max = toNumber(rules.leaves.find((l) => l.id === "1.4")!.max);
    expect(listed.items).toEqual([
      { row: 3, agency: "Sở A", group: "1.4 Hạ tầng khác", self: "8,25", appraised: "6", conclusion: null, score: "", reason: "", max },
    ]);
    const item = listed.items[0];

    const choice = { row: item.row, agency: item.agency, group: item.group, reason: "Đủ minh chứng một phần" };
    expect((await writeConclusions([{ ...choice, conclusion: "other", score: "7" }])).kind).toBe("done");
    expect(diff.getValues("H4:J4")).toEqual([["Điểm khác", 7, "Đủ minh chứng một phần"]]);
    const scored = await runScoring("pane");
    if (scored.kind !== "done") throw new Error(scored.message);
    expect(scored.findings.filter((f) => f.code === "differenceNotConcluded")).toEqual([]);
    expect(ledger.getValues(appraised)).toEqual([[7]]);
    // The council's 7 in place of the appraised 6: 42 + 1.
    expect(h.double.workbook.sheet(GRID).getValues("C2")).toEqual([[43]]);

    h.double.stats.reset();
    const cleared = await writeConclusions([{ ...choice, conclusion: "none" }]);
    expect(h.double.stats.syncs).toBe(3);
    expect(cleared.kind).toBe("done");
    expect(cleared.cells).toEqual([`'${LEDGER_SHEET}'!${appraised}`, "H4", "I4", "J4"]);
    expect(diff.getValues("H4:J4")).toEqual([["", "", ""]]);
    expect(ledger.getValues(appraised)).toEqual([[6]]);
    const again = await runScoring("pane");
    if (again.kind !== "done") throw new Error(again.message);
    expect(again.findings.filter((f) => f.code === "differenceNotConcluded").map((f) => [f.sheet, f.cell])).toEqual([["Chênh lệch", "H4"]]);
    expect(h.double.workbook.sheet(GRID).getValues("C2")).toEqual([[42]]);
  });
});
