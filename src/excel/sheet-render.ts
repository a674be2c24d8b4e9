import { cellAddress, columnsAddress, rangeAddress, rowsAddress } from "../core/base/address";
import { CellStyle, SheetDescription, SheetPrint } from "../core/sheets/sheet";
import { charsToPoints, cmToPoints, features, supports } from "./host";

/**
 * Writes a sheet description (src/core/sheets/sheet.ts) into a new, empty worksheet: texts as text (the
 * cells are formatted "@" in the same batch, before the values), numbers, fonts, alignment, borders,
 * fills, merges, widths, heights, frozen header and, where the host has it, the print setup. One
 * operation per run of cells sharing a style in a row; no sync here.
 */
export function renderSheetOffice(ws: Excel.Worksheet, sheet: SheetDescription): void {
  const values: (string | number)[][] = Array.from({ length: sheet.rowCount }, () => new Array<string | number>(sheet.colCount).fill(""));
  const formats: string[][] = Array.from({ length: sheet.rowCount }, () => new Array<string>(sheet.colCount).fill("General"));
  const styles: (string | null)[][] = Array.from({ length: sheet.rowCount }, () => new Array<string | null>(sheet.colCount).fill(null));
  for (const c of sheet.cells) {
    values[c.row][c.col] = c.formula ? "" : (c.value ?? "");
    formats[c.row][c.col] = c.numberFormat ?? (typeof c.value === "number" ? "General" : "@");
    styles[c.row][c.col] = c.style;
  }
  const all = ws.getRange(rangeAddress(0, 0, sheet.rowCount, sheet.colCount));
  all.numberFormat = formats;
  all.values = values;
  for (const c of sheet.cells) if (c.formula) ws.getRange(cellAddress(c.row, c.col)).formulas = [[`=${c.formula}`]];
  all.format.font.name = sheet.font;

  // Consecutive rows styled alike (a list's body) take one operation per run of cells: a long list stays a few operations.
  const rowKey = (r: number) => styles[r].join("\u0001");
  for (let r = 0; r < sheet.rowCount;) {
    let last = r;
    while (last + 1 < sheet.rowCount && rowKey(last + 1) === rowKey(r)) last++;
    const rows = last - r + 1;
    for (let c = 0; c < sheet.colCount;) {
      const name = styles[r][c];
      let end = c;
      while (end + 1 < sheet.colCount && styles[r][end + 1] === name) end++;
      if (name) {
        const range = ws.getRange(rangeAddress(r, c, rows, end - c + 1));
        const style = sheet.styles[name];
        applyStyle(range, style);
        if (style.border)
          frame(range, [...outline(), ...(end > c ? [Excel.BorderIndex.insideVertical] : []), ...(rows > 1 ? [Excel.BorderIndex.insideHorizontal] : [])]);
      }
      c = end + 1;
    }
    r = last + 1;
  }
  for (const m of sheet.merges) ws.getRange(rangeAddress(m.row, m.col, m.rows, m.cols)).merge(false);
  setColumnWidths(ws, sheet.columnWidths);
  setRowHeights(ws, sheet.rowHeights);
  if (sheet.frozenRows > 0 && supports("1.7")) ws.freezePanes.freezeRows(sheet.frozenRows);
  if (features.showGridlines()) ws.showGridlines = false;
  applyPrintLayout(ws, sheet.print, sheet.frozenRows > 0 ? { first: sheet.frozenRows - 1, last: sheet.frozenRows - 1 } : undefined);
}

/** A description's input cells unlocked and, when it says so, the sheet protected without a password (after everything else is queued). */
export function protectInputs(ws: Excel.Worksheet, sheet: SheetDescription): void {
  for (const c of sheet.cells) if (c.unlocked) ws.getRange(cellAddress(c.row, c.col)).format.protection.locked = false;
  if (sheet.protect) ws.protection.protect();
}

/** The four edges of a range (a function: Excel's enums exist only once Office.js is loaded). */
export const outline = (): Excel.BorderIndex[] => [
  Excel.BorderIndex.edgeTop,
  Excel.BorderIndex.edgeBottom,
  Excel.BorderIndex.edgeLeft,
  Excel.BorderIndex.edgeRight,
];

/** A named style's font, alignment, wrapping and fill on a range (the font's name is the sheet's). */
export function applyStyle(range: Excel.Range, style: CellStyle): void {
  range.format.font.bold = style.bold;
  range.format.font.italic = style.italic;
  range.format.font.size = style.size;
  range.format.horizontalAlignment =
    style.hAlign === "center" ? Excel.HorizontalAlignment.center : style.hAlign === "right" ? Excel.HorizontalAlignment.right : Excel.HorizontalAlignment.left;
  range.format.verticalAlignment = style.vAlign === "top" ? Excel.VerticalAlignment.top : Excel.VerticalAlignment.center;
  range.format.wrapText = style.wrap;
  if (style.fill) range.format.fill.color = style.fill;
}

type Edge = Parameters<Excel.RangeBorderCollection["getItem"]>[0];

/** Thin black lines on the given edges of a range. */
export function frame(range: Excel.Range, edges: readonly Edge[]): void {
  for (const edge of edges) {
    const b = range.format.borders.getItem(edge);
    b.style = Excel.BorderLineStyle.continuous;
    b.weight = Excel.BorderWeight.thin;
    b.color = "#000000";
  }
}

/** Column widths in Excel character units, one operation a column. */
export function setColumnWidths(ws: Excel.Worksheet, widths: readonly number[]): void {
  widths.forEach((w, i) => (ws.getRange(columnsAddress(i)).format.columnWidth = charsToPoints(w)));
}

/** Runs of rows of equal height: [first, last] (0-based, inclusive). */
export function heightRuns(heights: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let r = 0; r < heights.length;) {
    let end = r;
    while (end + 1 < heights.length && heights[end + 1] === heights[r]) end++;
    runs.push([r, end]);
    r = end + 1;
  }
  return runs;
}

/** Row heights in points, one operation per run of rows of equal height. */
export function setRowHeights(ws: Excel.Worksheet, heights: readonly number[]): void {
  for (const [first, last] of heightRuns(heights)) ws.getRange(rowsAddress(first, last)).format.rowHeight = heights[first];
}

/**
 * The print setup, where the host has it (ExcelApi 1.9): A4, orientation, margins, fit to pages, rows
 * repeated on every page (`repeatRows`, else `titleRows`) and page numbers from page 2.
 */
export function applyPrintLayout(ws: Excel.Worksheet, p: SheetPrint, titleRows?: { first: number; last: number }): void {
  if (!features.pageLayout()) return;
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  layout.paperSize = Excel.PaperType.a4;
  layout.topMargin = cmToPoints(p.margins.top);
  layout.bottomMargin = cmToPoints(p.margins.bottom);
  layout.leftMargin = cmToPoints(p.margins.left);
  layout.rightMargin = cmToPoints(p.margins.right);
  layout.headerMargin = cmToPoints(p.margins.header);
  layout.footerMargin = cmToPoints(p.margins.footer);
  layout.centerHorizontally = p.centerHorizontally;
  layout.zoom = { horizontalFitToPages: p.fitToPagesWide, verticalFitToPages: p.fitToPagesTall };
  const repeat = p.repeatRows ?? titleRows;
  if (repeat) layout.setPrintTitleRows(`$${repeat.first + 1}:$${repeat.last + 1}`);
  if (p.pageNumbers) {
    // Page numbers centred in the header, none on the first page (HeaderFooterGroup, ExcelApi 1.9).
    const hf = layout.headersFooters;
    hf.state = Excel.HeaderFooterState.firstAndDefault;
    hf.firstPage.centerHeader = "";
    hf.defaultForAllPages.centerHeader = p.pageNumbers.centerHeader;
  }
}

/** For undo: the loop sheets this merge made go, the previous ones come back. No sync here. */
export function restoreLoopSheets(
  sheets: Excel.WorksheetCollection,
  names: string[],
  current: { self: string; diff: string; track?: string } | undefined,
  previous: { self: unknown; diff: unknown; track?: unknown } | null | undefined,
): void {
  if (current) for (const n of [current.self, current.diff, current.track]) if (n !== undefined && names.includes(n)) sheets.getItem(n).delete();
  if (!previous) return;
  for (const d of [previous.self, previous.diff, previous.track].filter((x) => x !== undefined) as SheetDescription[])
    renderSheetOffice(sheets.add(d.sheetName), d);
}
