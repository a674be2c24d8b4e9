import type * as ExcelJS from "exceljs";
import { EXPLAIN_COLUMNS, ExplainDescription, ExplainStyle } from "../core/explanation";

const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF000000" } };
const CM = 1 / 2.54;

const LOOK: Record<ExplainStyle, { bold: boolean; size: number; h: "left" | "center"; border: boolean; merge: boolean }> = {
  title: { bold: true, size: 13, h: "center", border: false, merge: true },
  agency: { bold: true, size: 13, h: "center", border: false, merge: true },
  header: { bold: true, size: 12, h: "center", border: true, merge: false },
  cell: { bold: false, size: 12, h: "center", border: true, merge: false },
  cellLeft: { bold: false, size: 12, h: "left", border: true, merge: false },
  total: { bold: true, size: 12, h: "center", border: true, merge: false },
  text: { bold: false, size: 12, h: "left", border: false, merge: true },
  blank: { bold: false, size: 12, h: "left", border: false, merge: false },
};

/** Renders the Giải trình description into an ExcelJS worksheet: one A4 portrait page per agency. */
export function renderExplanationExcelJS(ws: ExcelJS.Worksheet, d: ExplainDescription): void {
  d.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  d.rows.forEach((row, r) => {
    const look = LOOK[row.style];
    ws.getRow(r + 1).height = row.height;
    row.cells.forEach((text, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = text === "" ? null : text; // always text: never a formula
      cell.numFmt = "@";
      cell.font = { name: d.font, size: look.size, bold: look.bold };
      // The group's name and notes read left; numbers centred.
      const h = !look.merge && row.style !== "header" && (c === 0 || c === 4) ? "left" : look.h;
      cell.alignment = { horizontal: h, vertical: look.merge ? "top" : "middle", wrapText: true };
      if (look.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    });
    if (look.merge) ws.mergeCells(r + 1, 1, r + 1, EXPLAIN_COLUMNS);
  });
  // A page break after the last row of every page but the last.
  for (const start of d.pageStarts.slice(1)) ws.getRow(start).addPageBreak();
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "portrait",
    // No "fit to page": Excel ignores manual page breaks under it. The columns fit A4 at 85 %.
    scale: 85,
    margins: { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 1.5 * CM, header: 0.8 * CM, footer: 0.8 * CM },
  };
  ws.views = [{ state: "normal", showGridLines: false }];
}
