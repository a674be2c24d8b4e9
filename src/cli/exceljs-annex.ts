import type * as ExcelJS from "exceljs";
import { AnnexDescription } from "../core/annex";

const CM_PER_INCH = 2.54;
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF000000" } };

/** Renders the annex description into an ExcelJS worksheet: the same sheet the add-in writes. */
export function renderAnnexExcelJS(ws: ExcelJS.Worksheet, annex: AnnexDescription): void {
  annex.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  annex.rowHeights.forEach((h, i) => (ws.getRow(i + 1).height = h));
  for (const c of annex.cells) {
    const style = annex.styles[c.style];
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = c.text; // always a string: ExcelJS never turns it into a formula
    cell.numFmt = "@";
    cell.font = { name: annex.font, size: style.size, bold: style.bold, italic: style.italic };
    cell.alignment = { horizontal: style.hAlign, vertical: style.vAlign === "center" ? "middle" : "top", wrapText: style.wrap };
  }
  // Borders on every cell of the table, including empty ones.
  const { headerRow, lastRow } = annex.table;
  for (let r = headerRow; r <= lastRow; r++) {
    for (let c = 0; c < annex.colCount; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      if (!cell.font) cell.font = { name: annex.font, size: annex.styles.cell.size };
    }
  }
  for (const m of annex.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  const { margins } = annex.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: annex.print.orientation,
    fitToPage: true,
    fitToWidth: annex.print.fitToPagesWide,
    fitToHeight: 0,
    horizontalCentered: annex.print.centerHorizontally,
    margins: {
      top: margins.top / CM_PER_INCH,
      bottom: margins.bottom / CM_PER_INCH,
      left: margins.left / CM_PER_INCH,
      right: margins.right / CM_PER_INCH,
      header: margins.header / CM_PER_INCH,
      footer: margins.footer / CM_PER_INCH,
    },
    printTitlesRow: `${annex.print.repeatRows.first + 1}:${annex.print.repeatRows.last + 1}`,
  };
  // Page numbers centred in the header from page 2 (Nghị định 30/2020/NĐ-CP), in the annex's font.
  const pageNumber = `&C&"${annex.font},Regular"&${annex.styles.cell.size}${annex.print.pageNumbers.code}`;
  ws.headerFooter = { ...ws.headerFooter, differentFirst: true, differentOddEven: false, oddHeader: pageNumber, firstHeader: "" };
  ws.views = [{ state: "normal", showGridLines: false }];
}
