import type * as ExcelJS from "exceljs";
import { rangeAddress } from "../core/base/address";
import { listFormula, SheetDescription } from "../core/sheets/sheet";

/**
 * Renders a sheet description (src/core/sheets/sheet.ts) with ExcelJS: the command line's sheets (the annex
 * through `annexAsSheet`) and the forms the add-in makes (in the browser) are the same file. Real
 * protection (no password), unlocked input cells, data validation, formulas, repeated header rows and
 * page numbers.
 */
const CM_PER_INCH = 2.54;
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF000000" } };

export function renderSheetExcelJS(ws: ExcelJS.Worksheet, sheet: SheetDescription): void {
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  sheet.rowHeights.forEach((h, i) => (ws.getRow(i + 1).height = h));
  for (const c of sheet.cells) {
    const style = sheet.styles[c.style];
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula) cell.value = { formula: c.formula, result: c.value ?? undefined } as ExcelJS.CellFormulaValue;
    else cell.value = c.value; // a string is always text in ExcelJS, never a formula
    cell.numFmt = c.numberFormat ?? (typeof c.value === "number" || c.formula ? "General" : "@");
    cell.font = { name: sheet.font, size: style.size, bold: style.bold, italic: style.italic };
    cell.alignment = { horizontal: style.hAlign, vertical: style.vAlign === "center" ? "middle" : "top", wrapText: style.wrap };
    if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill.slice(1).toUpperCase()}` } };
    if (sheet.protect || c.unlocked) cell.protection = { locked: !c.unlocked };
  }
  for (const m of sheet.merges) {
    // Borders on every cell of a bordered merge, so that the merged block is framed.
    const master = sheet.cells.find((c) => c.row === m.row && c.col === m.col);
    if (master && sheet.styles[master.style].border) {
      for (let r = m.row; r < m.row + m.rows; r++)
        for (let c = m.col; c < m.col + m.cols; c++) ws.getCell(r + 1, c + 1).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    }
    if (master?.unlocked)
      for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) ws.getCell(r + 1, c + 1).protection = { locked: false };
    ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  }
  for (const v of sheet.validations) {
    ws.getCell(v.row + 1, v.col + 1).dataValidation = {
      ...(v.list ? { type: "list", formulae: [listFormula(v.list)] } : { type: "decimal", operator: "between", formulae: [v.min, v.max] }),
      allowBlank: true,
      showInputMessage: true,
      promptTitle: v.promptTitle,
      prompt: v.prompt,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.errorTitle,
      error: v.error,
    };
  }
  const { margins } = sheet.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: sheet.print.orientation,
    fitToPage: true,
    fitToWidth: sheet.print.fitToPagesWide,
    fitToHeight: sheet.print.fitToPagesTall,
    horizontalCentered: sheet.print.centerHorizontally,
    printArea: rangeAddress(0, 0, sheet.rowCount, sheet.colCount),
    margins: {
      top: margins.top / CM_PER_INCH,
      bottom: margins.bottom / CM_PER_INCH,
      left: margins.left / CM_PER_INCH,
      right: margins.right / CM_PER_INCH,
      header: margins.header / CM_PER_INCH,
      footer: margins.footer / CM_PER_INCH,
    },
    ...(sheet.print.repeatRows ? { printTitlesRow: `${sheet.print.repeatRows.first + 1}:${sheet.print.repeatRows.last + 1}` } : {}),
  };
  if (sheet.print.pageNumbers) {
    ws.headerFooter = {
      ...ws.headerFooter,
      differentFirst: true,
      differentOddEven: false,
      oddHeader: `&C${sheet.print.pageNumbers.centerHeader}`,
      firstHeader: "",
    };
  }
  ws.views = [sheet.frozenRows > 0 ? { state: "frozen", ySplit: sheet.frozenRows, showGridLines: false } : { state: "normal", showGridLines: false }];
  if (sheet.protect) {
    // No password: the layout survives careless edits, and anyone can unprotect it (Review → Unprotect Sheet).
    void ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
  }
}
