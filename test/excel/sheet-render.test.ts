/** Sheet descriptions written by Office.js (sheet-render.ts), through the strict double. */
import { SheetDescription } from "../../src/core/sheets/sheet";
import { charsToPoints, cmToPoints } from "../../src/excel/host";
import { heightRuns, renderSheetOffice, restoreLoopSheets } from "../../src/excel/sheet-render";
import { createOfficeDouble } from "../office-double/index";

const STYLE = { bold: false, italic: false, size: 12, hAlign: "left", vAlign: "center", wrap: false, border: true } as const;

/** A title merged across, a header row, then `rows` body rows alike: a code typed as text, a name, a number, a formula (or, without `formulas`, its value). */
function describeSheet(rows: number, formulas = true): SheetDescription {
  const body = Array.from({ length: rows }, (_, i) => [
    { row: 2 + i, col: 0, value: `00${i + 1}`, style: "body" },
    { row: 2 + i, col: 1, value: i === 0 ? "=SUM(A1:A2)" : `Cơ quan ${i + 1}`, style: "body" },
    { row: 2 + i, col: 2, value: 7.5, style: "number", numberFormat: "0.00" },
    { row: 2 + i, col: 3, value: 15, ...(formulas ? { formula: `C${3 + i}*2` } : {}), style: "number" },
  ]).flat();
  return {
    sheetName: "Mẫu",
    font: "Times New Roman",
    styles: {
      title: { ...STYLE, bold: true, size: 14, hAlign: "center", border: false },
      header: { ...STYLE, bold: true, hAlign: "center", wrap: true, fill: "#DDEBF7" },
      body: STYLE,
      number: { ...STYLE, hAlign: "right" },
    },
    columnWidths: [6, 30, 10, 10],
    rowHeights: [24, 32, ...body.filter((c) => c.col === 0).map(() => 18)],
    cells: [
      { row: 0, col: 0, value: "DANH SÁCH", style: "title" },
      ...["Mã", "Tên", "Điểm", "Gấp đôi"].map((value, col) => ({ row: 1, col, value, style: "header" })),
      ...body,
    ],
    merges: [{ row: 0, col: 0, rows: 1, cols: 4 }],
    validations: [],
    protect: false,
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      margins: { top: 2, bottom: 2, left: 3, right: 1.5, header: 0.8, footer: 0.8 },
      centerHorizontally: true,
      pageNumbers: { centerHeader: "&P" },
    },
    frozenRows: 2,
    rowCount: 2 + rows,
    colCount: 4,
  };
}

async function render(apiLevel: number, sheet: SheetDescription) {
  const double = createOfficeDouble({ apiLevel, sheets: ["Bảng điểm"] });
  const restore = double.install(globalThis);
  try {
    await Excel.run(async (context) => {
      renderSheetOffice(context.workbook.worksheets.add(sheet.sheetName), sheet);
      await context.sync();
    });
  } finally {
    restore();
  }
  return { double, ws: double.workbook.sheet(sheet.sheetName) };
}

describe("renderSheetOffice", () => {
  it("texts stay text (a code with leading zeros, a text starting with “=”), numbers are numbers with their format, formulas are formulas", async () => {
    const { ws } = await render(20, describeSheet(3));
    expect(ws.getCell("A3")).toMatchObject({ value: "001", numberFormat: "@", formula: null });
    expect(ws.getCell("B3")).toMatchObject({ value: "=SUM(A1:A2)", numberFormat: "@", formula: null });
    expect(ws.getCell("C3")).toMatchObject({ value: 7.5, numberFormat: "0.00" });
    expect(ws.getCell("D4").formula).toBe("=C4*2");
    expect(ws.getValues("A1:D2")).toEqual([
      ["DANH SÁCH", "", "", ""],
      ["Mã", "Tên", "Điểm", "Gấp đôi"],
    ]);
  });

  it("styles, borders, merges, widths, heights, frozen header and the print setup (ExcelApi 1.9+)", async () => {
    const { ws } = await render(20, describeSheet(3));
    expect(ws.getCell("B2")).toMatchObject({ font: expect.objectContaining({ name: "Times New Roman", bold: true }), fill: "#DDEBF7", wrapText: true });
    expect(ws.getCell("C4").horizontalAlignment).toBe("Right");
    // Thin lines around and inside each run (an edge shared by two cells is kept once, as the upper or left one's).
    const sides = (a: string) => Object.keys(ws.getCell(a).borders).sort();
    expect(["A3", "B4", "D5", "A6"].map(sides)).toEqual([["bottom", "left", "right", "top"], ["bottom", "right"], ["bottom", "right"], []]);
    expect(ws.getCell("B4").borders.right).toMatchObject({ style: "Continuous", weight: "Thin", color: "#000000" });
    expect(ws.getCell("A1").borders).toEqual({});
    const s = ws.snapshot();
    expect(s.merges).toEqual(["A1:D1"]);
    expect(s.columnWidths).toEqual({ A: charsToPoints(6), B: charsToPoints(30), C: charsToPoints(10), D: charsToPoints(10) });
    expect(s.rowHeights).toEqual({ 1: 24, 2: 32, 3: 18, 4: 18, 5: 18 });
    expect(s.freezePanes).toEqual({ rows: 2, columns: 0 });
    expect(s.showGridlines).toBe(false);
    expect(s.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      leftMargin: cmToPoints(3),
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$2:$2",
    });
    expect(s.pageLayout.headersFooters).toMatchObject({ state: "FirstAndDefault" });
  });

  it("a longer list of rows alike costs no more operations: one per run of cells sharing a style (a formula is one each)", async () => {
    const ops = async (rows: number, formulas = false) => {
      const { double } = await render(20, describeSheet(rows, formulas));
      return double.stats.requests.reduce((n, r) => n + r.ops, 0);
    };
    expect(await ops(300)).toBe(await ops(30));
    expect(await ops(30, true)).toBe((await ops(30)) + 30);
  });

  it("ExcelApi 1.4: the same cells, merges and sizes; no frozen rows, gridlines or print setup (the host has none)", async () => {
    const { ws } = await render(4, describeSheet(3));
    expect(ws.getValues("A3:C3")).toEqual([["001", "=SUM(A1:A2)", 7.5]]);
    const s = ws.snapshot();
    expect(s.merges).toEqual(["A1:D1"]);
    expect(s.rowHeights["2"]).toBe(32);
    expect(s.freezePanes).toEqual({ rows: 0, columns: 0 });
    expect(s.showGridlines).toBe(true);
    expect(s.pageLayout.printTitleRows).toBeNull();
  });
});

describe("heightRuns", () => {
  it("runs of rows of equal height, first and last inclusive", () => {
    expect(heightRuns([24, 32, 18, 18, 18, 22, 18])).toEqual([
      [0, 0],
      [1, 1],
      [2, 4],
      [5, 5],
      [6, 6],
    ]);
    expect(heightRuns([])).toEqual([]);
  });
});

describe("restoreLoopSheets (undo of a merge)", () => {
  it("deletes the loop sheets the merge made that are still there, and puts the previous ones back as they were", async () => {
    const previous = { ...describeSheet(2), sheetName: "Tự đánh giá" };
    const double = createOfficeDouble({ apiLevel: 20, sheets: ["Bảng điểm", "Tự đánh giá", "Chênh lệch"] });
    double.workbook.sheet("Tự đánh giá").setValues("A1", [["mới"]]);
    const restore = double.install(globalThis);
    try {
      await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        // "Theo dõi" was named by the merge but is gone already: nothing to delete there.
        restoreLoopSheets(
          sheets,
          ["Tự đánh giá", "Chênh lệch"],
          { self: "Tự đánh giá", diff: "Chênh lệch", track: "Theo dõi" },
          { self: previous, diff: undefined },
        );
        await context.sync();
      });
    } finally {
      restore();
    }
    expect(double.workbook.sheets.map((s) => s.name)).toEqual(["Bảng điểm", "Tự đánh giá"]);
    expect(double.workbook.sheet("Tự đánh giá").getValues("A1:B3")).toEqual([
      ["DANH SÁCH", ""],
      ["Mã", "Tên"],
      ["001", "=SUM(A1:A2)"],
    ]);
  });
});
