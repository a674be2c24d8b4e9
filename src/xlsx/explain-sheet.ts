/**
 * The Giải trình description as a sheet description, for the package writer: the look of
 * src/cli/exceljs-explain.ts (Times New Roman, framed tables, one A4 portrait page per agency at 85 %
 * with a manual page break before each agency but the first).
 */
import { EXPLAIN_COLUMNS, ExplainDescription, ExplainStyle } from "../core/findings/explanation";
import { CellStyle, SheetCell, SheetDescription, SheetMerge } from "../core/sheets/sheet";

const LOOK: Record<ExplainStyle, { bold: boolean; size: number; h: "left" | "center"; border: boolean; merge: boolean; italic?: boolean }> = {
  title: { bold: true, size: 13, h: "center", border: false, merge: true },
  agency: { bold: true, size: 13, h: "center", border: false, merge: true },
  header: { bold: true, size: 12, h: "center", border: true, merge: false },
  cell: { bold: false, size: 12, h: "center", border: true, merge: false },
  cellLeft: { bold: false, size: 12, h: "left", border: true, merge: false },
  // A criterion where points were lost, under its group.
  criterion: { bold: false, size: 11, h: "center", border: true, merge: false, italic: true },
  total: { bold: true, size: 12, h: "center", border: true, merge: false },
  text: { bold: false, size: 12, h: "left", border: false, merge: true },
  blank: { bold: false, size: 12, h: "left", border: false, merge: false },
};

export function explainAsSheet(d: ExplainDescription): SheetDescription {
  const styles: Record<string, CellStyle> = {};
  const cells: SheetCell[] = [];
  const merges: SheetMerge[] = [];
  d.rows.forEach((row, r) => {
    const look = LOOK[row.style];
    row.cells.forEach((text, c) => {
      // The group's name and notes read left; numbers centred.
      const h = !look.merge && row.style !== "header" && (c === 0 || c === 4) ? "left" : look.h;
      const name = `${row.style}-${h}`;
      styles[name] ??= {
        bold: look.bold,
        italic: look.italic === true,
        size: look.size,
        hAlign: h,
        vAlign: look.merge ? "top" : "center",
        wrap: true,
        border: look.border,
      };
      cells.push({ row: r, col: c, value: text === "" ? null : text, style: name, numberFormat: "@" });
    });
    if (look.merge) merges.push({ row: r, col: 0, rows: 1, cols: EXPLAIN_COLUMNS });
  });
  return {
    sheetName: d.sheetName,
    font: d.font,
    styles,
    columnWidths: d.columnWidths,
    rowHeights: d.rows.map((r) => r.height),
    cells,
    merges,
    validations: [],
    protect: false,
    print: {
      orientation: "portrait",
      paper: "A4",
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      margins: { top: 2, bottom: 2, left: 3, right: 1.5, header: 0.8, footer: 0.8 },
      centerHorizontally: false,
      // No "fit to page": Excel ignores manual page breaks under it. The columns fit A4 at 85 %.
      scale: 85,
      rowBreaks: d.pageStarts.slice(1),
    },
    frozenRows: 0,
    rowCount: d.rows.length,
    colCount: EXPLAIN_COLUMNS,
  };
}
