/**
 * `score -o --annex` through the package port, on workbooks made by two writers (ExcelJS, and
 * hand-written OOXML laid out as openpyxl does): every zip entry the tool does not own is
 * byte-identical in the output, every cell of the grid sheet it does not own is written as it was,
 * and the output reads back.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { scoreWorkbook } from "../../src/cli/score";
import { readSheet } from "../../src/cli/workbook";
import { STORE_SHEET } from "../../src/core/store/store";
import { openPackage, partName, XlsxPackage } from "../../src/xlsx/package";
import { eachCell, eachRow, XlsxWorkbook } from "../../src/xlsx/workbook";
import { referenceSheet } from "../fixtures/reference";
import { FixtureCell, openpyxlStyle } from "./ooxml";

const DECISION = { number: "06/QĐ-UBND", date: "05/01/2021", province: "Thái Bình", year: 2020 };
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "xhcntt-port-"));

const VALIDATION = `<dataValidations count="1"><dataValidation type="decimal" operator="between" allowBlank="1" sqref="C5:C23"><formula1>0</formula1><formula2>50</formula2></dataValidation></dataValidations>`;
const CONDITIONAL = `<conditionalFormatting sqref="D5:D23"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>90</formula></cfRule></conditionalFormatting>`;
const NAMES = `<definedName name="DiemHaTang">'Bảng điểm'!$C$5:$C$23</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'Ghi chép'!$A$1:$C$3</definedName>`;

/** The reference grid, a notes sheet with CR LF text, a hidden and a very hidden sheet; a chart, a comment, names, validation, conditional formats. */
function openpyxlCorpus(grid: FixtureCell[][] = referenceSheet() as FixtureCell[][]): Uint8Array {
  return openpyxlStyle(
    [
      { name: "Bảng điểm", rows: grid, afterData: `${CONDITIONAL}${VALIDATION}` },
      { name: "Ghi chép", rows: [["Dòng một\r\nDòng hai"], ["Ghi chú\r\ncuối"]] },
      { name: "Ẩn", rows: [["ẩn"]], state: "hidden" },
      { name: "Ẩn hẳn", rows: [["ẩn hẳn"]], state: "veryHidden" },
    ],
    { withChart: true, withComment: true, definedNames: NAMES },
  );
}

async function excelJsCorpus(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng điểm");
  ws.addRows(referenceSheet());
  ws.getCell("B5").note = "Đã kiểm tra hồ sơ";
  ws.getCell("C5").dataValidation = { type: "decimal", operator: "between", formulae: [0, 50], allowBlank: true };
  ws.addConditionalFormatting({
    ref: "D5:D23",
    rules: [{ type: "cellIs", operator: "greaterThan", formulae: [90], priority: 1, style: { font: { bold: true } } }],
  });
  ws.getCell("C5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  wb.definedNames.add("'Bảng điểm'!$C$5:$C$23", "DiemHaTang");
  wb.addWorksheet("Ghi chép").addRows([["Dòng một\r\nDòng hai"]]);
  wb.addWorksheet("Ẩn", { state: "hidden" }).addRow(["ẩn"]);
  wb.addWorksheet("Ẩn hẳn", { state: "veryHidden" }).addRow(["ẩn hẳn"]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function scoreBytes(bytes: Uint8Array, extra: { annex?: boolean } = { annex: true }) {
  const dir = tempDir();
  const input = path.join(dir, "vao.xlsx");
  const output = path.join(dir, "ra.xlsx");
  fs.writeFileSync(input, bytes);
  const outcome = await scoreWorkbook({ input, output, annex: extra.annex, decision: DECISION, now: new Date("2026-12-07T03:00:00Z") });
  if (!outcome.ok) throw new Error(outcome.message.message);
  return { outcome, out: new Uint8Array(fs.readFileSync(output)), input: new Uint8Array(fs.readFileSync(input)) };
}

/** The parts the writer owns for a score of `grid` (the grid sheet, the workbook's lists, styles, the new sheets). */
function ownedParts(before: XlsxWorkbook, grid: string): Set<string> {
  const owned = new Set<string>([before.workbookPart, "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", before.sheet(grid)!.part!]);
  const store = before.sheet(STORE_SHEET)?.part;
  if (store) owned.add(store);
  return new Set([...owned].map((p) => p.toLowerCase()));
}

function expectUnownedIdentical(before: XlsxPackage, after: XlsxPackage, owned: Set<string>) {
  let compared = 0;
  for (const e of before.entries) {
    const name = partName(e.name);
    if (owned.has(name.toLowerCase())) continue;
    const out = after.entry(name);
    expect(out).not.toBeNull();
    // The very bytes as stored (compressed), so their content too.
    expect(Buffer.from(after.raw(out!)).equals(Buffer.from(before.raw(e)))).toBe(true);
    expect(out!.crc).toBe(e.crc);
    compared++;
  }
  return compared;
}

/** Every cell of the grid sheet outside the result columns and the marked cells is written as it was. */
function expectGridCellsKept(before: XlsxWorkbook, after: XlsxWorkbook, sheet: string, owned: (row: number, col: number) => boolean) {
  const cells = (wb: XlsxWorkbook) => {
    const text = new TextDecoder().decode(wb.pkg.read(wb.sheet(sheet)!.part!));
    const map = new Map<string, string>();
    for (const row of eachRow(text)) for (const c of eachCell(row.body)) map.set(`${row.index}:${c.col}`, c.raw);
    return map;
  };
  const a = cells(before);
  const b = cells(after);
  let kept = 0;
  for (const [key, raw] of a) {
    const [r, c] = key.split(":").map(Number);
    if (owned(r, c)) continue;
    expect([key, b.get(key)]).toEqual([key, raw]);
    kept++;
  }
  return kept;
}

describe.each([
  // ExcelJS itself cannot open openpyxl's comments (absolute part paths): the input as the output.
  ["hand-written OOXML (openpyxl's layout)", async () => openpyxlCorpus(), false],
  ["ExcelJS", excelJsCorpus, true],
])("score -o --annex on a workbook written by %s", (_writer, make, exceljsReads) => {
  let before: XlsxWorkbook;
  let after: XlsxWorkbook;
  let result: Awaited<ReturnType<typeof scoreBytes>>;

  beforeAll(async () => {
    result = await scoreBytes(await make());
    before = XlsxWorkbook.open(result.input);
    after = XlsxWorkbook.open(result.out);
  });

  it("copies every entry it does not own byte for byte (chart, drawing, comment, other sheets, properties)", () => {
    const compared = expectUnownedIdentical(before.pkg, after.pkg, ownedParts(before, "Bảng điểm"));
    expect(compared).toBeGreaterThanOrEqual(6);
  });

  it("keeps every cell of the grid it does not own as it was written; marks only the 55", () => {
    const lastCol = 8; // Ghi chú
    const kept = expectGridCellsKept(before, after, "Bảng điểm", (r, c) => c > lastCol || (r === 9 && c === 7));
    expect(kept).toBeGreaterThan(150);
  });

  it("adds the annex and the store, keeps the sheets' states, defined names and CR LF text", async () => {
    expect(after.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Bảng điểm", "visible"],
      ["Ghi chép", "visible"],
      ["Ẩn", "hidden"],
      ["Ẩn hẳn", "veryHidden"],
      ["Phụ lục", "visible"],
      [STORE_SHEET, "veryHidden"],
    ]);
    const workbook = after.pkg.readText(after.workbookPart);
    expect(workbook).toContain("DiemHaTang");
    expect(workbook).toMatch(/_xlnm\.Print_Titles" localSheetId="4"/);
    expect(after.readSheet("Ghi chép").values[0][0]).toBe("Dòng một\r\nDòng hai");
  });

  it("reads back: the results, the annex, the store (in ExcelJS where ExcelJS reads the input)", async () => {
    const mine = XlsxWorkbook.open(result.out).readSheet("Bảng điểm").values;
    expect(mine[4].slice(9, 13)).toEqual([497.1, 0.998, "Tốt", 1]);
    if (!exceljsReads) {
      await expect(new ExcelJS.Workbook().xlsx.load(result.input as unknown as ArrayBuffer)).rejects.toThrow();
      return;
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(result.out as unknown as ArrayBuffer);
    const grid = readSheet(wb.getWorksheet("Bảng điểm")!).values;
    expect(grid[3].slice(9, 13)).toEqual(["Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng"]);
    expect(grid[4].slice(9, 13)).toEqual([497.1, 0.998, "Tốt", 1]);
    const annex = readSheet(wb.getWorksheet("Phụ lục")!).values.flat();
    expect(annex).toContain("Sở Thông tin và Truyền thông");
    expect(wb.getWorksheet(STORE_SHEET)!.state).toBe("veryHidden");
    // The mark on the 55 (H10): its own fill recorded, the mark's fill on the cell.
    expect(wb.getWorksheet("Bảng điểm")!.getCell("H10").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
  });

  it("scores its own output again to the same results, rewriting only its own cells", async () => {
    const again = await scoreBytes(result.out);
    const a = XlsxWorkbook.open(result.out);
    const b = XlsxWorkbook.open(again.out);
    expect(b.readSheet("Bảng điểm").values).toEqual(a.readSheet("Bảng điểm").values);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  });
});

it("the output of the openpyxl-layout corpus opens in LibreOffice with the results", async () => {
  expect(spawnSync("soffice", ["--version"]).error).toBeUndefined(); // .ci/run installs libreoffice-calc
  const { out } = await scoreBytes(openpyxlCorpus());
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "ra.xlsx"), out);
  const lo = spawnSync("soffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, path.join(dir, "ra.xlsx")], {
    encoding: "utf8",
    timeout: 120000,
    env: { ...process.env, HOME: dir },
  });
  expect(lo.status).toBe(0);
  const csv = fs.readFileSync(path.join(dir, "ra.csv"), "utf8");
  expect(csv).toMatch(/Sở Thông tin và Truyền thông,50,99\.1,98,100,100,50,,497\.1,0\.998,Tốt,1/);
});

describe("hostile workbooks", () => {
  it("a score beyond the double range, a far cell and merged cells: the output reads back, their cells written as they were", async () => {
    const grid = referenceSheet() as FixtureCell[][];
    grid[6][4] = { num: "1.797693134862316e+308" };
    grid[7][5] = { num: "1E+400" };
    const far = `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>lạc</t></is></c></row>`;
    const bytes = openpyxlStyle([{ name: "Bảng điểm", rows: grid, afterData: `<mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells>` }]);
    const pkg = openPackage(bytes);
    const sheet = pkg.readText("xl/worksheets/sheet1.xml").replace("</sheetData>", `${far}</sheetData>`);
    const { strToU8, zipSync } = await import("fflate");
    const files: Record<string, Uint8Array> = {};
    for (const e of pkg.entries) files[e.name] = e.name === "xl/worksheets/sheet1.xml" ? strToU8(sheet) : pkg.read(e.name);
    const { out } = await scoreBytes(zipSync(files));
    const text = new TextDecoder().decode(openPackage(out).read("xl/worksheets/sheet1.xml"));
    expect(text).toContain("<v>1.797693134862316e+308</v>");
    expect(text).toContain("<v>1E+400</v>");
    expect(text).not.toContain("Infinity");
    expect(text).toContain(far);
    expect(text).toContain(`<mergeCell ref="A1:I1"/>`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Bảng điểm")!.getCell("J5").value).toBe(497.1);
  });
});
