/**
 * The command line's loop at criterion level, on the criteria-set example (examples/bo-tieu-chi-2020.xlsx):
 * `forms` writes forms listing each criterion; one is filled through its unlocked cells as an agency
 * would; `merge` fills the ledger, records the difference against the council's Thẩm định per criterion
 * and names the problems by form and cell; the council concludes on “Chênh lệch”; `score` counts the
 * ledger with the concluded points.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { LEDGER_COLUMNS, LEDGER_SHEET } from "../../src/core/grid/ledger";
import { ROOT, tempDir } from "../cli/helpers";
import { DOC_FILL, docRules, fillByCriteria, unlockedOf } from "./criteria-helpers";
import { SHEET_HEADER_2020 } from "../core/helpers";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false, env: { LANG: "vi_VN.UTF-8" } });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const L = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.kind, i + 1])) as Record<(typeof LEDGER_COLUMNS)[number]["kind"], number>;
const dir = tempDir();
const example = path.join(ROOT, "examples/bo-tieu-chi-2020.xlsx");
const master = path.join(dir, "bang-diem-co-khoa.xlsx");
const formsDir = path.join(dir, "phieu");
const merged = path.join(dir, "da-gop.xlsx");
const concluded = path.join(dir, "da-ket-luan.xlsx");
const scored = path.join(dir, "da-tinh.xlsx");
const form = path.join(formsDir, "so-y-te.xlsx");

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A row of the ledger: Sở Y tế's, for a criterion. */
function ledgerRow(wb: ExcelJS.Workbook, code: string): ExcelJS.Row {
  const ws = wb.getWorksheet(LEDGER_SHEET)!;
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(L.agency).value === "Sở Y tế" && row.getCell(L.code).value === code) found = row;
  });
  return found!;
}

async function groupsOf(file: string): Promise<Record<string, number | null>> {
  const r = await run(["score", file, "--json"]);
  const json = JSON.parse(r.out) as { rows: { name: string; groups: Record<string, number | null> }[] };
  return json.rows.find((row) => row.name === "Sở Y tế")!.groups;
}

describe("forms, merge, conclusions and score at criterion level (command line)", () => {
  let filledCells: Record<string, string[]> = {};

  it("forms: one form per agency, its criteria listed; Sở Y tế's filled through its unlocked cells", async () => {
    const r = await run(["forms", example, "-o", formsDir, "--master-out", master]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(formsDir)).toHaveLength(19);
    const wb = await open(form);
    fillByCriteria(wb, {
      "1.1": [30, 40, "Biên bản kiểm kê tài sản 2020"],
      "1.2": [60],
      "1.3": ["Không"],
      "1.4": ["Đạt một phần"],
      "1.5": [8],
      "5.4": [5, "Quyết định 12/QĐ-SYT"],
    });
    filledCells = { "1.4": unlockedOf(wb, "1.4") };
    await wb.xlsx.writeFile(form);
  });

  it("merge: fills Sở Y tế's rows of the ledger, keeps the council's Thẩm định, and names the missing evidence by its cell", async () => {
    const r = await run(["merge", master, form, "-o", merged, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as {
      merged: { agency: string }[];
      findings: { code: string; cell: string; message: string }[];
      differences: { agency: string; group: string; self: number; appraised: number }[];
    };
    expect(json.merged.map((m) => m.agency)).toEqual(["Sở Y tế"]);
    expect(json.findings.find((f) => f.code === "evidenceMissing")).toMatchObject({ cell: filledCells["1.4"][1] });
    // The criteria left blank on this form are named; what the ledger held for them is kept.
    expect(json.findings.filter((f) => f.code === "criterionMissing").length).toBeGreaterThan(0);
    expect(json.differences).toEqual([{ agency: "Sở Y tế", group: "5.4 Cơ chế, chính sách khác", self: 5, appraised: 0, evidence: "Quyết định 12/QĐ-SYT" }]);
    const wb = await open(merged);
    const row = (code: string) => ledgerRow(wb, code);
    expect([row("1.1").getCell(L.input1).value, row("1.1").getCell(L.input2).value, row("1.1").getCell(L.self).value]).toEqual([30, 40, 7.5]);
    expect(row("1.1").getCell(L.evidence).value).toBe("Biên bản kiểm kê tài sản 2020");
    expect([row("1.3").getCell(L.input1).value, row("1.3").getCell(L.self).value]).toEqual(["Không", 0]);
    expect(row("5.4").getCell(L.self).value).toBe(5);
    expect(row("5.4").getCell(L.appraised).value).toBe(0);
    const diff = wb.getWorksheet("Chênh lệch")!;
    expect(diff.getRow(4).values).toEqual(expect.arrayContaining(["Sở Y tế", "5.4 Cơ chế, chính sách khác", 5, 0, "Quyết định 12/QĐ-SYT"]));
  });

  it("score: the ledger's group sums count; the council's “Chấp nhận tự chấm” on 5.4 puts 5 into Thẩm định and group 5 gains it", async () => {
    const before = await groupsOf(merged);
    // Not concluded yet: named, with the criterion.
    expect((await run(["score", merged])).err).toContain("Sở Y tế, “5.4 Cơ chế, chính sách khác”");
    // Group 1 from the form: 10 × 30 ÷ 40 = 7,5; 60 Mbps → 7; Không → 0; Đạt một phần → 7,5; 8.
    expect(before["ha-tang"]).toBe(30);
    const wb = await open(merged);
    const diff = wb.getWorksheet("Chênh lệch")!;
    const header = diff.getRow(3).values as unknown[];
    diff.getCell(4, header.indexOf("Kết luận của hội đồng")).value = "Chấp nhận tự chấm";
    diff.getCell(4, header.indexOf("Lý do")).value = "Đã bổ sung quyết định";
    await wb.xlsx.writeFile(concluded);
    const r = await run(["score", concluded, "-o", scored]);
    expect(r.err).not.toContain("5.4 Cơ chế, chính sách khác");
    const after = await groupsOf(scored);
    expect(after["co-che"]).toBe(before["co-che"]! + 5);
    expect(ledgerRow(await open(scored), "5.4").getCell(L.appraised).value).toBe(5);
  });
});

describe("merge into a workbook without a ledger (command line)", () => {
  const plain = path.join(dir, "khong-so-chi-tiet.xlsx");
  const rulesFile = path.join(dir, "quy-tac.json");
  const keyed = path.join(dir, "khong-so-chi-tiet-co-khoa.xlsx");
  const out = path.join(dir, "khong-so-chi-tiet-da-gop.xlsx");
  const phieu = path.join(dir, "phieu-2");

  it("makes “Chấm điểm chi tiết” (every agency's rows) and fills the merged agency's, the group without criteria going to the grid", async () => {
    fs.writeFileSync(rulesFile, JSON.stringify(docRules().json), "utf8");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bảng điểm");
    ws.addRow([...SHEET_HEADER_2020]);
    ws.addRow([1, "Sở A", null, null, null, null, null, null, ""]);
    ws.addRow([2, "Sở B", null, null, null, null, null, null, ""]);
    await wb.xlsx.writeFile(plain);
    expect((await run(["forms", plain, "-o", phieu, "--master-out", keyed, "--rules", rulesFile])).code).toBe(0);
    const form = path.join(phieu, "so-a.xlsx");
    const filled = await open(form);
    fillByCriteria(filled, { ...DOC_FILL, "1.2": ["Đạt một phần", "QĐ 3/QĐ-SA"] });
    await filled.xlsx.writeFile(form);
    const r = await run(["merge", keyed, form, "-o", out, "--rules", rulesFile]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const merged = await open(out);
    const ledger = merged.getWorksheet(LEDGER_SHEET)!;
    const rows: unknown[][] = [];
    ledger.eachRow((row, n) => n > 2 && rows.push([row.getCell(L.agency).value, row.getCell(L.code).value, row.getCell(L.self).value]));
    expect(rows).toEqual([
      ["Sở A", "1.1.1", 9],
      ["Sở A", "1.1.2", 7],
      ["Sở A", "1.2", 7.5],
      ["Sở A", "1.3", 5],
      ["Sở A", "1.4", 8.25],
      ["Sở B", "1.1.1", null],
      ["Sở B", "1.1.2", null],
      ["Sở B", "1.2", null],
      ["Sở B", "1.3", null],
      ["Sở B", "1.4", null],
    ]);
    expect(merged.getWorksheet("Bảng điểm")!.getRow(2).values).toEqual([undefined, 1, "Sở A", undefined, 80, 80, 80, 80, 40, ""]);
  });
});
