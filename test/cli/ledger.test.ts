/** The command line and the ledger: `ledger` makes it, `score` computes it, writes it and the grid, and reports it in JSON. */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { LEDGER_SHEET } from "../../src/core/grid/ledger";
import { clonePreset, docCriteria, SHEET_HEADER_2020 } from "../core/helpers";
import { tempDir } from "./helpers";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false, env: { LANG: "vi_VN.UTF-8" } });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = tempDir();
const rulesFile = path.join(dir, "quy-tac.json");
const gridFile = path.join(dir, "bang-diem.xlsx");

beforeAll(async () => {
  const json = clonePreset();
  json.groups[0].criteria = docCriteria();
  fs.writeFileSync(rulesFile, JSON.stringify(json), "utf8");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng điểm");
  ws.addRow([...SHEET_HEADER_2020]);
  ws.addRow([1, "Sở Tư pháp", null, 80, 80, 80, 80, 40, ""]);
  ws.addRow([2, "Sở Y tế", 44, 70, 90, 60, 80, 45, ""]);
  await wb.xlsx.writeFile(gridFile);
});

const LEDGER_ENTRIES: Record<string, unknown[]> = {
  // agency|code → Số liệu, Số liệu 2, Tự chấm, Tài liệu kiểm chứng, Thẩm định
  "Sở Tư pháp|1.1.1": [45, 50],
  "Sở Tư pháp|1.1.2": [60],
  "Sở Tư pháp|1.2": ["Đạt một phần", null, null, "QĐ 12/QĐ-STP"],
  "Sở Tư pháp|1.3": ["Có"],
  "Sở Tư pháp|1.4": [null, null, 8.25, null, 6],
  "Sở Y tế|1.1.1": [37, 45],
  "Sở Y tế|1.1.2": [100],
  "Sở Y tế|1.2": ["Đạt đầy đủ", null, null, "Báo cáo 5/BC-SYT"],
  "Sở Y tế|1.3": ["Không"],
  "Sở Y tế|1.4": [null, null, 10],
};

describe("xep-hang-cntt ledger, then score", () => {
  const made = path.join(dir, "co-so-chi-tiet.xlsx");
  const filled = path.join(dir, "da-nhap.xlsx");
  const scored = path.join(dir, "ket-qua.xlsx");

  it("ledger makes “Chấm điểm chi tiết” from the rules and the grid's agencies", async () => {
    const r = await run(["ledger", gridFile, "-o", made, "--rules", rulesFile]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Đã ghi ${made}: trang “Chấm điểm chi tiết”, 10 dòng cho 2 cơ quan.`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(made);
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    expect(ws.getRow(2).values).toEqual([
      undefined,
      "Cơ quan",
      "Mã tiêu chí",
      "Tiêu chí",
      "Điểm tối đa",
      "Số liệu",
      "Số liệu 2",
      "Tự chấm",
      "Tài liệu kiểm chứng",
      "Thẩm định",
      "Ý kiến thẩm định",
      "Điểm",
    ]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    // Fill it as the departments and the council would.
    ws.eachRow((row, n) => {
      if (n < 3) return;
      const e = LEDGER_ENTRIES[`${row.getCell(1).value}|${row.getCell(2).value}`];
      if (!e) return;
      [5, 6, 7, 8, 9].forEach((c, i) => e[i] !== undefined && e[i] !== null && (row.getCell(c).value = e[i] as ExcelJS.CellValue));
    });
    await wb.xlsx.writeFile(filled);
  });

  it("score computes every leaf, writes Tự chấm, Điểm and the group sums, and gives rows[].groups and rows[].criteria", async () => {
    const r = await run(["score", filled, "-o", scored, "--json"]);
    expect(r.code).toBe(1); // the grid cell typed over is an error
    const json = JSON.parse(r.out);
    const soTp = json.rows.find((x: { name: string }) => x.name === "Sở Tư pháp");
    // 9 + 7 + 7,5 + 5 + 6 (the council's) = 34,5.
    expect(soTp.groups).toEqual({ "ha-tang": 34.5, "ung-dung": 80, "cong-ttdt": 80, dvctt: 80, "co-che": 80, "nhan-luc": 40 });
    expect(soTp.criteria).toEqual([
      { id: "1.1.1", self: 9, appraised: null, points: 9 },
      { id: "1.1.2", self: 7, appraised: null, points: 7 },
      { id: "1.2", self: 7.5, appraised: null, points: 7.5 },
      { id: "1.3", self: 5, appraised: null, points: 5 },
      { id: "1.4", self: 8.25, appraised: 6, points: 6 },
    ]);
    // Sở Y tế typed 44 in the grid: kept, named, and the criteria's 8,22 + 10 + 15 + 0 + 10 = 43,22 counts.
    const soYt = json.rows.find((x: { name: string }) => x.name === "Sở Y tế");
    expect(soYt.groups["ha-tang"]).toBe(43.22);
    expect(json.findings.map((f: { code: string; cell: string }) => [f.code, f.cell])).toEqual([["groupTypedOver", "C3"]]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(scored);
    const grid = wb.getWorksheet("Bảng điểm")!;
    expect([grid.getCell("C2").value, grid.getCell("C3").value]).toEqual([34.5, 44]);
    const ledger = wb.getWorksheet(LEDGER_SHEET)!;
    // Row 3: Sở Tư pháp 1.1.1 — Tự chấm and Điểm computed.
    expect([ledger.getCell("G3").value, ledger.getCell("K3").value]).toEqual([9, 9]);
    expect([ledger.getCell("G7").value, ledger.getCell("K7").value]).toEqual([8.25, 6]);
  });

  it("a ledger finding names its sheet; the ledger command needs -o and criteria", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(filled);
    wb.getWorksheet(LEDGER_SHEET)!.getCell("E5").value = "Đạt";
    const bad = path.join(dir, "sai.xlsx");
    await wb.xlsx.writeFile(bad);
    const r = await run(["score", bad, "--json"]);
    const json = JSON.parse(r.out);
    expect(json.findings.map((f: { code: string; cell: string }) => [f.code, f.cell])).toContainEqual(["notALevel", "'Chấm điểm chi tiết'!E5"]);
    expect((await run(["ledger", gridFile])).code).toBe(2);
    const none = await run(["ledger", gridFile, "-o", path.join(dir, "x.xlsx")]);
    expect([none.code, none.err]).toEqual([2, expect.stringContaining("không có bộ tiêu chí")]);
  });
});

describe("a criteria set kept as a worksheet “Bộ tiêu chí”", () => {
  const TABLE: (string | number)[][] = [
    ["Mã", "Tiêu chí", "Điểm tối đa", "Cách chấm", "Mức/ngưỡng", "Số liệu", "Tài liệu kiểm chứng", "Hướng dẫn"],
    ["1", "Hạ tầng kỹ thuật", 50],
    ["1.1", "Máy tính", 30, "Tỉ lệ", "", "Số máy tính; Số CBCCVC"],
    ["1.2", "An toàn thông tin", 20, "Theo mức", "Đạt: 20; Không đạt: 0", "", "Bắt buộc"],
  ];
  async function withTable(rows: (string | number)[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(gridFile);
    const ws = wb.addWorksheet("Bộ tiêu chí");
    rows.forEach((r) => ws.addRow(r));
    const file = path.join(dir, `bo-tieu-chi-${rows.length}-${String(rows[3][4]).length}.xlsx`);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it("is read into the rules: the ledger has its criteria", async () => {
    const out = path.join(dir, "tu-trang.xlsx");
    const r = await run(["ledger", await withTable(TABLE), "-o", out]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("4 dòng cho 2 cơ quan");
  });

  it("its problems are named by cell, and nothing is written", async () => {
    const bad = TABLE.map((row) => [...row]);
    bad[3][4] = "Đạt: 25; Không đạt: 0";
    const out = path.join(dir, "khong-ghi.xlsx");
    const r = await run(["ledger", await withTable(bad), "-o", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Ô E4: Điểm của mức (25) vượt điểm tối đa 20 của tiêu chí “1.2”.");
    expect(fs.existsSync(out)).toBe(false);
  });
});
