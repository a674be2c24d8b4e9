import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { encodeLegacy } from "../../src/core/text/legacy-encoding";
import { readSheet } from "../../src/cli/workbook";
import { readPublishedAnnex } from "../fixtures/reference";
import { buildCli, EXAMPLE, runCli, tempDir } from "./helpers";
import { twoBlockRulesJson } from "../core/helpers";

const published = readPublishedAnnex();
const num = (text: string) => Number(text.replace(",", "."));
const SHEET = "Chấm điểm 2020";

beforeAll(() => buildCli());

/** The example workbook with some cells retyped in a legacy font. */
async function legacyWorkbook(file: string, change: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  change(wb.getWorksheet(SHEET)!);
  await wb.xlsx.writeFile(file);
}

/** The cell holding a text on the sheet. */
function find(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => row.eachCell((cell) => (found ??= cell.value === text ? cell : undefined)));
  if (!found) throw new Error(`no cell “${text}”`);
  return found;
}

const retype = (ws: ExcelJS.Worksheet, text: string, encoding: "tcvn3" | "vni", font: string) => {
  const cell = find(ws, text);
  cell.value = encodeLegacy(text, encoding);
  cell.font = { ...cell.font, name: font };
  return cell.address;
};

describe("a TCVN3 note and a VNI name in the workbook", () => {
  const dir = tempDir();
  const input = path.join(dir, "cu.xlsx");
  const cells: { note: string; name: string } = { note: "", name: "" };

  beforeAll(async () => {
    await legacyWorkbook(input, (ws) => {
      const office = find(ws, "Văn phòng UBND tỉnh");
      const note = ws.getCell(office.row, 9);
      expect(note.value).toBe("Không TTHC");
      note.value = encodeLegacy("Không TTHC", "tcvn3");
      note.font = { ...note.font, name: ".VnTime" };
      cells.note = note.address;
      cells.name = retype(ws, "Sở Y tế", "vni", "VNI-Times");
    });
  });

  it("without --fix-encoding: reported (encoding, cells, the missed exemption), scored as typed, cells left as they are", async () => {
    const out = path.join(dir, "ra.xlsx");
    const r = runCli(["score", input, "-o", out, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.findings).toEqual(
      expect.arrayContaining([
        { code: "legacyExemption", cell: cells.note, severity: "error", message: expect.stringContaining("miễn chấm chưa được áp dụng") },
        {
          code: "legacyText",
          cell: cells.note,
          severity: "warning",
          message: expect.stringMatching(/Ô I10 được gõ bằng bảng mã TCVN3 \(ABC\).*“Kh«ng TTHC” là “Không TTHC”/),
        },
        { code: "legacyText", cell: cells.name, severity: "warning", message: expect.stringMatching(/bảng mã VNI.*“Sôû Y teá” là “Sở Y tế”/) },
      ]),
    );
    expect(r.stderr).toContain("--fix-encoding");
    const office = json.rows.find((row: { name: string }) => row.name === "Văn phòng UBND tỉnh");
    expect(office).toMatchObject({ maxPoints: 498, index: 0.688, class: "Trung bình" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(SHEET)!;
    expect(ws.getCell(cells.note).value).toBe("Kh«ng TTHC");
    expect(ws.getCell(cells.name).value).toBe("Sôû Y teá");
  });

  it("with --fix-encoding: the output holds Unicode in a Unicode font, scores are the published ones, and it says what it converted", async () => {
    const out = path.join(dir, "ra-unicode.xlsx");
    const before = fs.readFileSync(input);
    const r = runCli(["score", input, "-o", out, "--json", "--fix-encoding"]);
    expect(r.code).toBe(1); // the 55 above 50 remains
    const json = JSON.parse(r.stdout);
    expect(json.findings.map((f: { cell: string }) => f.cell)).toEqual(["H10"]);
    expect(json.rows.map((row: { name: string; index: number; class: string }) => [row.name, row.index, row.class])).toEqual(
      published.rows.map((p) => [p.name, num(p.index), p.className]),
    );
    expect(r.stderr).toContain(`Lưu ý: Đã chuyển 1 ô từ bảng mã TCVN3 (ABC) sang Unicode (${cells.note})`);
    expect(r.stderr).toContain(`Lưu ý: Đã chuyển 1 ô từ bảng mã VNI sang Unicode (${cells.name})`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(SHEET)!;
    expect([ws.getCell(cells.note).value, ws.getCell(cells.note).font?.name]).toEqual(["Không TTHC", "Times New Roman"]);
    expect([ws.getCell(cells.name).value, ws.getCell(cells.name).font?.name]).toEqual(["Sở Y tế", "Times New Roman"]);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });
});

describe("a whole sheet typed in TCVN3", () => {
  const dir = tempDir();
  const input = path.join(dir, "abc.xlsx");

  beforeAll(async () => {
    await legacyWorkbook(input, (ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") cell.value = encodeLegacy(cell.value, "tcvn3");
        }),
      ),
    );
  });

  it("without --fix-encoding: exit 2, the message says the headers look like TCVN3, nothing written", () => {
    const out = path.join(dir, "ra.xlsx");
    const r = runCli(["score", input, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Không tìm thấy dòng tiêu đề.*bảng mã TCVN3 \(ABC\).*--fix-encoding/);
    expect(r.stderr).toContain("Hãy chạy lại với --fix-encoding để chuyển");
    expect(r.stderr).not.toMatch(/bấm|Chuyển mã/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("with --fix-encoding: headers, names and notes converted, scored exactly as published", async () => {
    const out = path.join(dir, "ra.xlsx");
    const r = runCli(["score", input, "-o", out, "--json", "--fix-encoding"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.rows.map((row: { name: string; total: number; index: number }) => [row.name, row.total, row.index])).toEqual(
      published.rows.map((p) => [p.name, num(p.total), num(p.index)]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const values = readSheet(wb.getWorksheet(SHEET)!).values;
    expect(values[3].slice(0, 9)).toEqual(["STT", "Tên cơ quan", ...published.header.slice(2, 8), "Ghi chú"]);
  });
});

describe("one header typed in a legacy font: “Ghi chú” in TCVN3, “Tên cơ quan” in VNI", () => {
  const dir = tempDir();
  const notes = path.join(dir, "ghi-cho.xlsx");
  const name = path.join(dir, "ten-co-quan.xlsx");
  let notesCell = "";
  let nameCell = "";

  beforeAll(async () => {
    await legacyWorkbook(notes, (ws) => (notesCell = retype(ws, "Ghi chú", "tcvn3", ".VnTime")));
    await legacyWorkbook(name, (ws) => (nameCell = retype(ws, "Tên cơ quan", "vni", "VNI-Times")));
  });

  it("“Ghi chó” without --fix-encoding: an error naming the header (the exemptions are lost), exit 1", () => {
    const r = runCli(["score", notes, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.findings).toEqual(
      expect.arrayContaining([
        {
          code: "legacyHeader",
          cell: notesCell,
          severity: "error",
          message: expect.stringMatching(/tiêu đề “Ghi chó” được gõ bằng bảng mã TCVN3 \(ABC\), đọc là “Ghi chú”/),
        },
      ]),
    );
    const header = json.findings.find((f: { code: string }) => f.code === "legacyHeader");
    expect(header.message).toMatch(/Hãy chạy lại với --fix-encoding\.$/);
    expect(header.message).not.toMatch(/bấm|Chuyển mã/);
    expect(json.rows.find((row: { name: string }) => row.name === "Văn phòng UBND tỉnh")).toMatchObject({ maxPoints: 498, class: "Trung bình" });
  });

  it("“Ghi chó” with --fix-encoding: the header converted in the output, the exemptions back, scores as published", async () => {
    const out = path.join(dir, "ra-ghi-chu.xlsx");
    const r = runCli(["score", notes, "-o", out, "--json", "--fix-encoding"]);
    const json = JSON.parse(r.stdout);
    expect(json.findings.filter((f: { code: string }) => f.code.startsWith("legacy"))).toEqual([]);
    expect(json.rows.map((row: { name: string; index: number; class: string }) => [row.name, row.index, row.class])).toEqual(
      published.rows.map((p) => [p.name, num(p.index), p.className]),
    );
    expect(r.stderr).toContain(`Đã chuyển 1 ô từ bảng mã TCVN3 (ABC) sang Unicode (${notesCell})`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet(SHEET)!.getCell(notesCell);
    expect([cell.value, cell.font?.name]).toEqual(["Ghi chú", "Times New Roman"]);
  });

  it("“Teân cô quan” without --fix-encoding: exit 2, the message names the VNI header and --fix-encoding, nothing written", () => {
    const out = path.join(dir, "ra.xlsx");
    const r = runCli(["score", name, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/không có cột tên cơ quan.*bảng mã VNI.*“Teân cô quan” là “Tên cơ quan”.*--fix-encoding/s);
    expect(r.stderr).toContain(nameCell);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("“Teân cô quan” with --fix-encoding: converted and scored as published", async () => {
    const out = path.join(dir, "ra-ten.xlsx");
    const r = runCli(["score", name, "-o", out, "--json", "--fix-encoding"]);
    const json = JSON.parse(r.stdout);
    expect(json.rows.map((row: { name: string; index: number }) => [row.name, row.index])).toEqual(published.rows.map((p) => [p.name, num(p.index)]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet(SHEET)!.getCell(nameCell).value).toBe("Tên cơ quan");
  });
});

describe.each([
  ["tcvn3", ".VnTime"],
  ["vni", "VNI-Times"],
] as const)("a Khối column whose cells are typed in %s", (encoding, font) => {
  const dir = tempDir();
  const input = path.join(dir, "khoi.xlsx");
  const rulesFile = path.join(dir, "quy-tac.json");

  beforeAll(async () => {
    const json = twoBlockRulesJson();
    fs.writeFileSync(rulesFile, JSON.stringify(json));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Chấm điểm");
    ws.addRows([
      ["STT", "Tên cơ quan", "Khối", "Nhóm A", "Nhóm B"],
      [1, "Sở Tư pháp", encodeLegacy("Sở, ban, ngành", encoding), 90, 40],
      [2, "UBND huyện Vũ Thư", "Huyện", 70, 30],
    ]);
    ws.getCell("C2").font = { name: font };
    await wb.xlsx.writeFile(input);
  });

  it("without --fix-encoding: an error naming the cell, its text, the block it reads as and --fix-encoding; the agency is not ranked", () => {
    const r = runCli(["score", input, "--rules", rulesFile, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const block = json.findings.find((f: { code: string }) => f.code === "legacyBlock");
    expect(block).toMatchObject({ cell: "C2", severity: "error" });
    expect(block.message).toContain(`Ô C2: khối “${encodeLegacy("Sở, ban, ngành", encoding)}” của Sở Tư pháp được gõ bằng bảng mã`);
    expect(block.message).toContain("cơ quan này thuộc “Khối sở, ban, ngành” nhưng chưa được xếp vào khối ấy");
    expect(block.message).toMatch(/Hãy chạy lại với --fix-encoding\.$/);
    expect(json.findings.map((f: { code: string }) => f.code)).not.toContain("noBlock");
    expect(json.rows.find((row: { name: string }) => row.name === "Sở Tư pháp").rank).toBeNull();
  });

  it("with --fix-encoding: the cell converted in the output, the agency in its block and ranked, no legacy finding", async () => {
    const out = path.join(dir, "khoi-ra.xlsx");
    const r = runCli(["score", input, "--rules", rulesFile, "-o", out, "--json", "--fix-encoding"]);
    const json = JSON.parse(r.stdout);
    expect(json.findings.filter((f: { code: string }) => f.code.startsWith("legacy") || f.code === "noBlock")).toEqual([]);
    expect(json.rows.find((row: { name: string }) => row.name === "Sở Tư pháp").rank).toBe(1);
    expect(r.stderr).toContain("sang Unicode (C2)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Chấm điểm")!.getCell("C2").value).toBe("Sở, ban, ngành");
  });
});
