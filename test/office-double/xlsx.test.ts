/**
 * Export of the fake workbook to .xlsx (ExcelJS) and import back: what the add-in wrote must survive being
 * saved and reopened elsewhere.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { createOfficeDouble } from "./index";
import { exportWorkbookToXlsx, exportWorkbookToXlsxBuffer, importXlsxToDouble } from "./export-xlsx";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "office-double-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function buildAnnex() {
  const double = createOfficeDouble({ displayLanguage: "en-US", sheets: ["Điểm"] });
  double.workbook.sheet("Điểm").setCell("D3", { formula: "=B3/C3", value: 0.75, numberFormat: "0.00%" });
  double.workbook.sheet("Điểm").setCell("E3", { formula: "=B3/0", error: "#DIV/0!" });
  await double.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Điểm");
    ws.getRange("A1:C1").merge();
    ws.getRange("A1").values = [["PHỤ LỤC KẾT QUẢ"]];
    ws.getRange("A1").format.font.set({ bold: true, size: 14, name: "Times New Roman" });
    ws.getRange("A1").format.horizontalAlignment = "Center";
    ws.getRange("A2:C3").values = [
      ["Cơ quan", "Điểm", "Tối đa"],
      ["Sở Tài chính", 7.5, 10],
    ];
    ws.getRange("B3").numberFormat = [["0.00"]];
    ws.getRange("A3:C3").format.fill.color = "#C6EFCE";
    ws.getRange("A2:C2").format.wrapText = true;
    const grid = ws.getRange("A2:C3").format.borders;
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"]) grid.getItem(edge).style = "Continuous";
    ws.getRange("A:A").format.columnWidth = 150;
    ws.getRange("2:2").format.rowHeight = 30;
    const pl = ws.pageLayout;
    pl.orientation = "Landscape";
    pl.paperSize = "A4";
    pl.setPrintTitleRows("$2:$2");
    pl.leftMargin = 36;
    pl.rightMargin = 36;
    pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    pl.centerHorizontally = true;
    pl.headersFooters.defaultForAllPages.centerFooter = "Trang &P";
    ws.freezePanes.freezeRows(2);
    const data = ctx.workbook.worksheets.add("_data");
    data.getRange("A1").values = [['{"year":2020}']];
    data.visibility = "VeryHidden";
  });
  return double;
}

describe("export to .xlsx", () => {
  test("writes values, formulas with cached results, formats, merges, widths, visibility and print setup", async () => {
    const double = await buildAnnex();
    const path = join(dir, "annex.xlsx");
    await exportWorkbookToXlsx(double.workbook, path);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet("Điểm")!;
    expect(ws.getCell("A1").value).toBe("PHỤ LỤC KẾT QUẢ");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14, name: "Times New Roman" });
    expect(ws.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(["A1:C1"]);
    expect(ws.getCell("B3").value).toBe(7.5);
    expect(ws.getCell("B3").numFmt).toBe("0.00");
    expect(ws.getCell("D3").value).toEqual({ formula: "B3/C3", result: 0.75 });
    expect(ws.getCell("D3").numFmt).toBe("0.00%");
    expect(ws.getCell("E3").value).toEqual({ formula: "B3/0", result: { error: "#DIV/0!" } });
    expect(ws.getCell("C3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } });
    expect(ws.getCell("B2").alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell("A2").border).toMatchObject({ top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" } });
    expect(ws.getColumn(1).width).toBeCloseTo(27.86, 1);
    expect(ws.getRow(2).height).toBe(30);
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      printTitlesRow: "2:2",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    });
    expect(ws.pageSetup.margins?.left).toBeCloseTo(0.5);
    expect(ws.headerFooter.oddFooter).toBe("&CTrang &P");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(wb.getWorksheet("_data")!.state).toBe("veryHidden");
  });

  test("round trip: the reimported workbook reads the same through the API", async () => {
    const double = await buildAnnex();
    const bytes = await exportWorkbookToXlsxBuffer(double.workbook);
    const reopened = await importXlsxToDouble(bytes, { language: "en-US" });

    const before = double.workbook.snapshot();
    const after = reopened.snapshot();
    expect(after.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Điểm", "Visible"],
      ["_data", "VeryHidden"],
    ]);
    for (let i = 0; i < before.sheets.length; i++) {
      const a = before.sheets[i];
      const b = after.sheets[i];
      expect(b.cells).toEqual(a.cells);
      expect(b.merges).toEqual(a.merges);
      expect(b.rowHeights).toEqual(a.rowHeights);
      expect(b.freezePanes).toEqual(a.freezePanes);
      expect(Object.keys(b.columnWidths)).toEqual(Object.keys(a.columnWidths));
      for (const k of Object.keys(a.columnWidths)) expect(b.columnWidths[k]).toBeCloseTo(a.columnWidths[k], 1);
      expect(b.pageLayout).toEqual({
        ...a.pageLayout,
        leftMargin: expect.closeTo(a.pageLayout.leftMargin, 5),
        rightMargin: expect.closeTo(a.pageLayout.rightMargin, 5),
      });
    }

    const again = createOfficeDouble({ workbook: reopened });
    const read = await again.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Điểm").getRange("A1:E3").load("values, numberFormat, formulas");
      const hidden = ctx.workbook.worksheets.getItem("_data").load("visibility");
      await ctx.sync();
      return { values: r.values, numberFormat: r.numberFormat, formulas: r.formulas, visibility: hidden.visibility };
    });
    expect(read.values).toEqual([
      ["PHỤ LỤC KẾT QUẢ", "", "", "", ""],
      ["Cơ quan", "Điểm", "Tối đa", "", ""],
      ["Sở Tài chính", 7.5, 10, 0.75, "#DIV/0!"],
    ]);
    expect(read.numberFormat[2]).toEqual(["General", "0.00", "General", "0.00%", "General"]);
    expect(read.formulas[2][3]).toBe("=B3/C3");
    expect(read.visibility).toBe("VeryHidden");
  });

  test("imports a workbook written by another program (ExcelJS): dates, rich text, shared fills, hidden rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Nhập");
    ws.getCell("A1").value = { richText: [{ text: "Tổng " }, { text: "hợp", font: { bold: true } }] };
    ws.getCell("B1").value = new Date(Date.UTC(2020, 11, 31));
    ws.getCell("B1").numFmt = "dd/mm/yyyy";
    ws.getCell("C1").value = { formula: "1+1", result: 2 };
    ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    ws.getCell("A3").value = "ẩn";
    ws.getRow(3).hidden = true;
    ws.mergeCells("A4:B4");
    wb.addWorksheet("Ẩn", { state: "hidden" });
    const path = join(dir, "other.xlsx");
    await wb.xlsx.writeFile(path);

    const fake = await importXlsxToDouble(path);
    const s = fake.sheet("Nhập");
    expect(s.getCell("A1").value).toBe("Tổng hợp");
    expect(s.getCell("B1")).toMatchObject({ value: 44196, numberFormat: "dd/mm/yyyy" });
    expect(s.getCell("C1")).toMatchObject({ value: 2, formula: "=1+1" });
    expect(s.getCell("A2").fill).toBe("#FFC7CE");
    expect(s.snapshot().hiddenRows).toEqual([3]);
    expect(s.snapshot().merges).toEqual(["A4:B4"]);
    // and rows with no cells keep their height / hidden flag through the exporter
    s.hideRows(10);
    s.setRowHeight(11, 40);
    const back = await importXlsxToDouble(await exportWorkbookToXlsxBuffer(fake));
    expect(back.sheet("Nhập").snapshot()).toMatchObject({ hiddenRows: [3, 10], rowHeights: { "11": 40 } });
    expect(fake.sheet("Ẩn").visibility).toBe("Hidden");
  });

  const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
  test("LibreOffice opens the exported file (converts it to PDF; .ci/run installs libreoffice-calc)", async () => {
    expect(soffice).toBeDefined();
    const double = await buildAnnex();
    const path = join(dir, "annex-lo.xlsx");
    await exportWorkbookToXlsx(double.workbook, path);
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, path], {
      stdio: "pipe",
      timeout: 120_000,
    });
    const pdf = join(dir, "annex-lo.pdf");
    expect(existsSync(pdf)).toBe(true);
    expect(statSync(pdf).size).toBeGreaterThan(1000);
    if (existsSync("/usr/bin/pdftotext")) {
      const text = execFileSync("/usr/bin/pdftotext", [pdf, "-"], { encoding: "utf8" });
      expect(text).toContain("PHỤ LỤC KẾT QUẢ");
      expect(text).toContain("Sở Tài chính");
      expect(text).not.toContain("year"); // the very hidden sheet is not printed
    }
  }, 150_000);
});
