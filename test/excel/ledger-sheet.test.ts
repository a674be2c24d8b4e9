/**
 * “Tạo trang chấm điểm chi tiết” in the strict Office.js double: the ledger made from the stored criteria and the
 * active grid's agencies in 2 syncs, logged, undone by one Hoàn tác while nothing is entered in it (kept, and said,
 * once something is), never over a sheet of that name; then “Gộp phiếu” of forms scored by criterion, refused
 * without it, goes through.
 */
import * as ExcelJS from "exceljs";
import { writeLedgerSheet } from "../../src/excel/ledger-sheet";
import { mergeReturnedForms, prepareForms } from "../../src/excel/forms";
import { undoLast } from "../../src/excel/undo";
import { LEDGER_COLUMNS, LEDGER_SHEET, LEDGER_TITLE } from "../../src/core/grid/ledger";
import { toNumber } from "../../src/core/base/decimal";
import { clonePreset, simpleSheet } from "../core/helpers";
import { decodeStore, encodeStore, STORE_SHEET } from "../../src/core/store/store";
import { formBytes, readReturnedForm } from "../../src/xlsx/forms";
import { createOfficeDouble } from "../office-double/index";
import { DOC_FILL, docRules, fillByCriteria } from "../forms/criteria-helpers";

const rules = docRules();
const GRID = "Chấm điểm";

function install(json = rules.json) {
  const double = createOfficeDouble({ apiLevel: 19, sheets: [GRID, STORE_SHEET] });
  const grid = simpleSheet([
    { name: "Sở A", scores: ["", "", "", "", "", ""] },
    { name: "Sở B", scores: ["", "", "", "", "", ""] },
  ]);
  double.workbook.sheet(GRID).setValues("A1", grid as (string | number)[][]);
  double.workbook.sheet(STORE_SHEET).setValues("A1", encodeStore({ rules: json }) as string[][]);
  double.workbook.setActive(GRID);
  return { double, restore: double.install(globalThis) };
}

let h: ReturnType<typeof install>;
afterEach(() => h.restore());

const ledgerValues = () => h.double.workbook.sheet(LEDGER_SHEET).getValues("A1:K200");
const storeOf = () => {
  const decoded = decodeStore(h.double.workbook.sheet(STORE_SHEET).getValues("A1:C2000"));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.state;
};

describe("Tạo trang chấm điểm chi tiết", () => {
  it("makes the ledger in 2 syncs: title, header, one row per agency and leaf in the grid's and the rules' order; logged; one Hoàn tác removes it", async () => {
    h = install();
    h.double.stats.reset();
    const made = await writeLedgerSheet();
    if (made.kind !== "done") throw new Error(made.message);
    expect(h.double.stats.syncs).toBe(2);
    const leaves = rules.leaves.map((l) => l.id);
    expect(leaves.length).toBeGreaterThan(1);
    expect(made).toMatchObject({ sheetName: LEDGER_SHEET, agencies: 2, rows: 2 * leaves.length });
    expect(made.message).toContain(`Đã tạo trang “Chấm điểm chi tiết”: ${2 * leaves.length} dòng cho 2 cơ quan`);
    expect(made.messageEn).toContain(`${2 * leaves.length} rows for 2 agencies`);

    const v = ledgerValues().filter((r) => r.some((c) => c !== ""));
    expect(v[0][0]).toBe(LEDGER_TITLE);
    expect(v[1]).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    const body = v.slice(2);
    expect(body.map((r) => [r[0], r[1]])).toEqual([...leaves.map((id) => ["Sở A", id]), ...leaves.map((id) => ["Sở B", id])]);
    const first = rules.leaves[0];
    expect(body[0].slice(2, 4)).toEqual([first.name, toNumber(first.max)]);
    // Nothing entered yet: the inputs, Tự chấm, evidence and the council's columns are blank.
    expect(body.every((r) => r.slice(4, 10).every((c) => c === ""))).toBe(true);
    // The grid stays the active sheet, ready for Gộp phiếu.
    expect(h.double.workbook.sheets.map((s) => s.name)).toEqual([GRID, STORE_SHEET, LEDGER_SHEET]);
    expect(storeOf().log!.entries.map((e) => [e.action, e.via, e.sheet])).toEqual([["ledger", "pane", LEDGER_SHEET]]);

    const undone = await undoLast({ action: "ledger", at: made.undo.at });
    expect(undone.kind).toBe("done");
    expect(undone.kind === "done" && undone.message).toContain("Đã hoàn tác lần “Tạo trang chấm điểm chi tiết”");
    expect(h.double.workbook.sheets.map((s) => s.name)).toEqual([GRID, STORE_SHEET]);
  });

  it("Hoàn tác keeps the ledger, and says so, once something has been entered in it", async () => {
    h = install();
    const made = await writeLedgerSheet();
    if (made.kind !== "done") throw new Error(made.message);
    const selfCol = String.fromCharCode(65 + LEDGER_COLUMNS.findIndex((c) => c.kind === "self"));
    h.double.workbook.sheet(LEDGER_SHEET).setValues(`${selfCol}4`, [[3]]);
    const before = ledgerValues();
    const undone = await undoLast({ action: "ledger", at: made.undo.at });
    expect(undone).toMatchObject({ kind: "refused", message: expect.stringContaining("đã có số liệu nhập vào") });
    expect(ledgerValues()).toEqual(before);
  });

  it("never writes over a sheet of that name; refuses without criteria, and on a sheet that is not a score table", async () => {
    h = install();
    h.double.workbook.addSheet("chấm điểm CHI TIẾT");
    h.double.workbook.sheet("chấm điểm CHI TIẾT").setValues("A1", [["của tôi"]]);
    h.double.stats.reset();
    const again = await writeLedgerSheet();
    expect(h.double.stats.syncs).toBe(1);
    expect(again).toMatchObject({ kind: "refused", message: expect.stringContaining("“chấm điểm CHI TIẾT”: số liệu trên đó được giữ nguyên") });
    expect(h.double.workbook.sheet("chấm điểm CHI TIẾT").getValues("A1:B2")).toEqual([
      ["của tôi", ""],
      ["", ""],
    ]);
    h.restore();

    h = install(clonePreset());
    const none = await writeLedgerSheet();
    expect(none).toMatchObject({ kind: "refused", message: expect.stringContaining("chưa có bộ tiêu chí") });
    expect(h.double.workbook.sheets.map((s) => s.name)).toEqual([GRID, STORE_SHEET]);
    h.restore();

    h = install();
    h.double.workbook.setActive(STORE_SHEET);
    const notGrid = await writeLedgerSheet();
    expect(notGrid.kind).toBe("refused");
    expect(h.double.workbook.sheets.map((s) => s.name)).toEqual([GRID, STORE_SHEET]);
  });

  it("closes the gap: Gộp phiếu of a form scored by criterion, refused without the ledger, merges once it is made", async () => {
    h = install();
    const prepared = await prepareForms("all");
    if (prepared.kind !== "done") throw new Error(prepared.message);
    const f = prepared.forms.find((x) => x.agency === "Sở A")!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await formBytes(ExcelJS, f.description)).buffer as ArrayBuffer);
    fillByCriteria(wb, { ...DOC_FILL, "1.2": ["Đạt đầy đủ", "Báo cáo 5/BC-SA"] });
    const form = await readReturnedForm(ExcelJS, f.fileName, Buffer.from(await wb.xlsx.writeBuffer()));

    const refused = await mergeReturnedForms([form]);
    expect(refused).toMatchObject({ kind: "refused", message: expect.stringContaining("Hãy bấm “Tạo trang chấm điểm chi tiết”") });
    expect(refused.kind === "refused" && refused.messageEn).toContain("Make the detailed scoring sheet");
    expect((await writeLedgerSheet()).kind).toBe("done");
    const merged = await mergeReturnedForms([form]);
    expect(merged).toMatchObject({ kind: "done", merged: [expect.objectContaining({ agency: "Sở A" })] });
    // Text written into the ledger's text cells as typed (no apostrophe left in the value).
    const row = ledgerValues().find((r) => r[0] === "Sở A" && r[1] === "1.2")!;
    const col = (kind: string) => LEDGER_COLUMNS.findIndex((c) => c.kind === kind);
    expect([row[col("input1")], row[col("self")], row[col("evidence")]]).toEqual(["Đạt đầy đủ", 15, "Báo cáo 5/BC-SA"]);
  });
});
