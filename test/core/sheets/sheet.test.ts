/** Sheets as data (sheet.ts): the list sheet's layout, Excel's list validation, the values of a description. */
import { fitsListValidation, LIST_PRINT_LANDSCAPE, listFormula, listSheet, SheetDescription, sheetValues } from "../../../src/core/sheets/sheet";

const STYLES = { title: { bold: true, italic: false, size: 14, hAlign: "center", vAlign: "center", wrap: false, border: false } } as const;

describe("listSheet", () => {
  const sheet = listSheet({
    sheetName: "Danh sách",
    styles: STYLES,
    columnWidths: [6, 30, 12],
    cells: [{ row: 0, col: 0, value: "DANH SÁCH", style: "title" }],
    rowCount: 5,
    colCount: 3,
  });

  it("a title merged across every column, the header under it, both frozen; heights title 24, header 32, rows 18", () => {
    expect(sheet.merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 3 }]);
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.rowHeights).toEqual([24, 32, 18, 18, 18]);
    expect(sheet.font).toBe("Times New Roman");
    expect([sheet.protect, sheet.validations]).toEqual([false, []]);
    expect([sheet.sheetName, sheet.columnWidths, sheet.rowCount, sheet.colCount]).toEqual(["Danh sách", [6, 30, 12], 5, 3]);
  });

  it("printed A4 landscape, one page wide, the header row (the second) on every page", () => {
    expect(sheet.print).toBe(LIST_PRINT_LANDSCAPE);
    expect(sheet.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToPagesWide: 1, fitToPagesTall: 0, repeatRows: { first: 1, last: 1 } });
  });
});

describe("list validation", () => {
  it("listFormula: the texts in double quotes, comma separated, a quote inside doubled", () => {
    expect(listFormula(["Đạt", "Không đạt"])).toBe('"Đạt,Không đạt"');
    expect(listFormula(['Có "giấy tờ"', "Không"])).toBe('"Có ""giấy tờ"",Không"');
    expect(listFormula(["Một"])).toBe('"Một"');
  });

  it("fitsListValidation: none empty, no comma in any text, 255 characters in all at most", () => {
    expect(fitsListValidation(["Đạt", "Không đạt"])).toBe(true);
    expect(fitsListValidation([])).toBe(false);
    expect(fitsListValidation(["Đạt, một phần", "Không đạt"])).toBe(false);
    // 255 characters with the commas between: four texts of 50, one of 51 and four commas fit; one character more does not.
    const texts = (last: number) => [...Array.from({ length: 4 }, () => "a".repeat(50)), "a".repeat(last)];
    expect(texts(51).join(",")).toHaveLength(255);
    expect(fitsListValidation(texts(51))).toBe(true);
    expect(fitsListValidation(texts(52))).toBe(false);
  });
});

describe("sheetValues", () => {
  it("a rowCount × colCount grid: texts and numbers where the cells are, a formula's cached value, “” elsewhere and for a null", () => {
    const sheet = {
      rowCount: 3,
      colCount: 3,
      cells: [
        { row: 0, col: 0, value: "Tên", style: "h" },
        { row: 1, col: 1, value: 7.5, style: "n" },
        { row: 2, col: 1, value: 17.5, formula: "SUM(B2:B2)+10", style: "n" },
        { row: 2, col: 2, value: null, style: "n" },
      ],
    } as unknown as SheetDescription;
    expect(sheetValues(sheet)).toEqual([
      ["Tên", "", ""],
      ["", 7.5, ""],
      ["", 17.5, ""],
    ]);
  });
});
