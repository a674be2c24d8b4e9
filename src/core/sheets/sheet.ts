/**
 * A sheet as data, for the sheets the departments' loop makes (the self-assessment form, "Tự đánh
 * giá", "Chênh lệch"): cells with named styles, merges, widths, heights, number formats, data
 * validation, locked/unlocked cells, protection and print setup. Rendered by ExcelJS (the command line
 * and the forms the add-in makes) and by Office.js (the sheets the add-in adds to the grid's
 * workbook). Rows and columns are 0-based.
 */
export interface CellStyle {
  bold: boolean;
  italic: boolean;
  size: number;
  hAlign: "left" | "center" | "right";
  vAlign: "top" | "center";
  wrap: boolean;
  border: boolean;
  /** Fill of an input cell ("#RRGGBB"), none when absent. */
  fill?: string;
}

export interface SheetCell {
  row: number;
  col: number;
  /** Text stays text (never a formula); numbers are numbers; null leaves the cell empty (styled). */
  value: string | number | null;
  /** A formula without "=" ("SUM(C7:C12)"), written as a formula; `value` is then its cached result. */
  formula?: string;
  style: string;
  /** Excel number format; "@" (text) by default for text, "General" for numbers. */
  numberFormat?: string;
  /** An input cell: not locked when the sheet is protected. */
  unlocked?: boolean;
}

export interface SheetMerge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * A decimal between min and max, with the message Excel shows when the cell is selected and when the value is refused;
 * with `list`, one of these texts instead (a drop-down; min and max unused).
 */
export interface DecimalValidation {
  row: number;
  col: number;
  min: number;
  max: number;
  /** A list validation: the texts offered (none holds a comma; 255 characters in all at most, Excel's limit). */
  list?: readonly string[];
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export interface SheetPrint {
  orientation: "portrait" | "landscape";
  paper: "A4";
  fitToPagesWide: number;
  /** 0: as many pages tall as needed. */
  fitToPagesTall: number;
  /** Centimetres. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  centerHorizontally: boolean;
  /** 0-based rows repeated at the top of every printed page (the frozen header rows when absent). */
  repeatRows?: { first: number; last: number };
  /** Page numbers in the centre of the header from page 2 (none on the first page): Excel's header codes. */
  pageNumbers?: { centerHeader: string };
  /** A print scale (per cent) instead of fitting to pages: manual page breaks hold only without "fit to page". */
  scale?: number;
  /** Manual page breaks: a break after each of these 1-based rows. */
  rowBreaks?: number[];
}

/**
 * The print setup of the add-in's wide lists (the ledger "Chấm điểm chi tiết", the log "Nhật ký"): A4 landscape,
 * one page wide, the Nghị định 30/2020 margins but a 2 cm left margin, the header row (the second) on every page.
 */
export const LIST_PRINT_LANDSCAPE: SheetPrint = {
  orientation: "landscape",
  paper: "A4",
  fitToPagesWide: 1,
  fitToPagesTall: 0,
  margins: { top: 2, bottom: 2, left: 2, right: 1.5, header: 0.8, footer: 0.8 },
  centerHorizontally: true,
  repeatRows: { first: 1, last: 1 },
};

export interface SheetDescription {
  sheetName: string;
  font: string;
  styles: Record<string, CellStyle>;
  /** Excel character units. */
  columnWidths: number[];
  /** Points, one per row. */
  rowHeights: number[];
  cells: SheetCell[];
  merges: SheetMerge[];
  validations: DecimalValidation[];
  /** Protected without a password (the layout survives, anyone can unprotect): only unlocked cells take input. */
  protect: boolean;
  print: SheetPrint;
  /** Rows frozen at the top (header), 0 for none. */
  frozenRows: number;
  rowCount: number;
  colCount: number;
}

/**
 * A list sheet (the ledger, the criteria set): a title row merged across, the header row under it, both frozen,
 * the header repeated on every printed A4 landscape page; Times New Roman.
 */
export function listSheet(d: Pick<SheetDescription, "sheetName" | "styles" | "columnWidths" | "cells" | "rowCount" | "colCount">): SheetDescription {
  return {
    ...d,
    font: "Times New Roman",
    rowHeights: Array.from({ length: d.rowCount }, (_, i) => (i === 0 ? 24 : i === 1 ? 32 : 18)),
    merges: [{ row: 0, col: 0, rows: 1, cols: d.colCount }],
    validations: [],
    protect: false,
    print: LIST_PRINT_LANDSCAPE,
    frozenRows: 2,
  };
}

/** Excel's list validation formula: the texts in double quotes, comma separated (a quote doubled). */
export const listFormula = (list: readonly string[]): string => `"${list.map((t) => t.replace(/"/g, '""')).join(",")}"`;

/** Whether texts fit an Excel list validation: no comma in any, 255 characters in all at most. */
export const fitsListValidation = (list: readonly string[]): boolean => list.length > 0 && list.every((t) => !t.includes(",")) && list.join(",").length <= 255;

/** The sheet's values as a grid (rowCount × colCount): texts, numbers, "" where empty; formulas give their cached value. */
export function sheetValues(sheet: SheetDescription): (string | number)[][] {
  const grid = Array.from({ length: sheet.rowCount }, () => new Array<string | number>(sheet.colCount).fill(""));
  for (const c of sheet.cells) grid[c.row][c.col] = c.value ?? "";
  return grid;
}
