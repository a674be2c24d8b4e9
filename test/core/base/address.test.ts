/** The one address module: every A1 address the add-in writes or reads goes through it. */
import {
  blockOf,
  cellAddress,
  columnIndex,
  columnLetter,
  columnOf,
  columnsAddress,
  isColumnsAddress,
  MAX_COLS,
  parseCell,
  rangeAddress,
  rowsAddress,
} from "../../../src/core/base/address";

describe("columns", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [MAX_COLS - 1, "XFD"],
  ])("column %i is %s and back", (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
    expect(columnOf(letters)).toBe(col);
  });

  it("letters and indices are inverse over the whole grid", () => {
    for (let c = 0; c < MAX_COLS; c++) expect(columnIndex(columnLetter(c))).toBe(c);
  });

  it("columnOf refuses what is not a column of the grid", () => {
    expect(columnOf("XFE")).toBeNull();
    expect(columnOf("a")).toBeNull();
    expect(columnOf("AAAA")).toBeNull();
    expect(columnOf("")).toBeNull();
  });
});

describe("cells and ranges", () => {
  it("a cell, relative to the origin of the values read", () => {
    expect(cellAddress(0, 0)).toBe("A1");
    expect(cellAddress(6, 3)).toBe("D7");
    expect(cellAddress(0, 0, { row: 6, col: 3 })).toBe("D7");
    expect(cellAddress(2, 1, { row: 4, col: 25 })).toBe("AA7");
  });

  it("a range is a cell when it is one cell", () => {
    expect(rangeAddress(6, 3, 1, 1)).toBe("D7");
    expect(rangeAddress(6, 3, 24, 8)).toBe("D7:K30");
    expect(rangeAddress(0, 0, 1, 3, { row: 1, col: 1 })).toBe("B2:D2");
  });

  it("whole columns and rows", () => {
    expect(columnsAddress(7)).toBe("H:H");
    expect(columnsAddress(7, 10)).toBe("H:K");
    expect(rowsAddress(2)).toBe("3:3");
    expect(rowsAddress(2, 6)).toBe("3:7");
  });

  it("parses a cell, with or without $", () => {
    expect(parseCell("D7")).toEqual({ row: 6, col: 3 });
    expect(parseCell("$AB$12")).toEqual({ row: 11, col: 27 });
    expect(() => parseCell("D")).toThrow();
  });

  it("what it writes it reads back", () => {
    for (const [r, c] of [
      [0, 0],
      [1048575, 16383],
      [99, 701],
    ]) {
      expect(parseCell(cellAddress(r, c))).toEqual({ row: r, col: c });
      expect(blockOf(rangeAddress(r, c, 1, 1))).toEqual({ rows: 1, cols: 1 });
    }
    expect(blockOf(rangeAddress(3, 2, 10, 4))).toEqual({ rows: 10, cols: 4 });
    expect(isColumnsAddress(columnsAddress(2, 5))).toBe(true);
  });

  it("stored addresses are checked against the grid", () => {
    expect(isColumnsAddress("K:H")).toBe(false);
    expect(isColumnsAddress("H")).toBe(false);
    expect(isColumnsAddress("H:XFE")).toBe(false);
    expect(blockOf("A0")).toBeNull();
    expect(blockOf("B2:A1")).toBeNull();
  });
});
