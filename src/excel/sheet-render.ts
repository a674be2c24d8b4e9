import { cellAddress, columnsAddress, rangeAddress, rowsAddress } from "../core/base/address";
import { CellStyle, SheetDescription, SheetPrint } from "../core/sheets/sheet";
import { BYTES_PER_SYNC, charsToPoints, chunkByBytes, cmToPoints, features, jsonBytes, OP_BYTES, supports } from "./host";

/** A sheet description's cells as grids: values (a formula's cell empty), number formats and style names. */
function sheetGrids(sheet: SheetDescription) {
  const values: (string | number)[][] = Array.from({ length: sheet.rowCount }, () => new Array<string | number>(sheet.colCount).fill(""));
  const formats: string[][] = Array.from({ length: sheet.rowCount }, () => new Array<string>(sheet.colCount).fill("General"));
  const styles: (string | null)[][] = Array.from({ length: sheet.rowCount }, () => new Array<string | null>(sheet.colCount).fill(null));
  for (const c of sheet.cells) {
    values[c.row][c.col] = c.formula ? "" : (c.value ?? "");
    formats[c.row][c.col] = c.numberFormat ?? (typeof c.value === "number" ? "General" : "@");
    styles[c.row][c.col] = c.style;
  }
  return { values, formats, styles };
}

/** Blocks of cells sharing a style: consecutive rows styled alike (a list's body) take one block per run of cells. */
function styleBlocks(sheet: SheetDescription, styles: (string | null)[][]): { row: number; col: number; rows: number; cols: number; name: string }[] {
  const blocks: { row: number; col: number; rows: number; cols: number; name: string }[] = [];
  const rowKey = (r: number) => styles[r].join("\u0001");
  for (let r = 0; r < sheet.rowCount;) {
    let last = r;
    while (last + 1 < sheet.rowCount && rowKey(last + 1) === rowKey(r)) last++;
    for (let c = 0; c < sheet.colCount;) {
      const name = styles[r][c];
      let end = c;
      while (end + 1 < sheet.colCount && styles[r][end + 1] === name) end++;
      if (name) blocks.push({ row: r, col: c, rows: last - r + 1, cols: end - c + 1, name });
      c = end + 1;
    }
    r = last + 1;
  }
  return blocks;
}

/**
 * The blocks of rows [from, to) a sheet's texts and formats go in, one sync each, so that no request passes Excel on the
 * web's 5 MB payload limit ("Excel add-ins: … a payload size limit for requests and responses of 5MB", Resource limits and
 * performance optimization for Office Add-ins, https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins):
 * each block's JSON (values and "@" formats, BYTES_PER_SYNC at most) fits; the first also carries the formatting (an
 * estimate per operation) and `first` bytes the caller queued. Computed before anything is written: the syncs are known.
 * One block when it all fits (a small sheet, as always).
 */
export function sheetRowBlocks(sheet: SheetDescription, first = 0): [number, number][] {
  const { values, formats, styles } = sheetGrids(sheet);
  // Per style block: its font, alignment, wrap, fill (a few operations) and up to 4 × 3 for its borders.
  const formatOps =
    8 +
    20 * styleBlocks(sheet, styles).length +
    sheet.merges.length +
    sheet.columnWidths.length +
    heightRuns(sheet.rowHeights).length +
    sheet.cells.filter((c) => c.formula).length;
  const rows = values.map((_, r) => r);
  return chunkByBytes(rows, (r) => jsonBytes(values[r]) + jsonBytes(formats[r]), BYTES_PER_SYNC, first + OP_BYTES * formatOps).map((b) =>
    b.length ? [b[0], b[b.length - 1] + 1] : [0, 0],
  );
}

/**
 * Writes a sheet description (src/core/sheets/sheet.ts) into a new, empty worksheet: texts as text (the
 * cells are formatted "@" in the same batch, before the values), numbers, fonts, alignment, borders,
 * fills, merges, widths, heights, frozen header and, where the host has it, the print setup. One
 * operation per run of cells sharing a style in a row; no sync here. With `blocks` (sheetRowBlocks) the
 * first block of rows goes in the batch with the formatting and the rest are returned as steps, one per
 * sync, for the caller to run (it syncs before each); without, all of it is in the batch.
 */
export function renderSheetOffice(ws: Excel.Worksheet, sheet: SheetDescription, blocks?: [number, number][]): (() => void)[] {
  const { values, formats, styles } = sheetGrids(sheet);
  const all = ws.getRange(rangeAddress(0, 0, sheet.rowCount, sheet.colCount));
  const writeRows = ([from, to]: [number, number]) => {
    if (to <= from) return;
    const range = from === 0 && to === sheet.rowCount ? all : ws.getRange(rangeAddress(from, 0, to - from, sheet.colCount));
    range.numberFormat = formats.slice(from, to);
    range.values = values.slice(from, to);
    for (const c of sheet.cells) if (c.formula && c.row >= from && c.row < to) ws.getRange(cellAddress(c.row, c.col)).formulas = [[`=${c.formula}`]];
  };
  const [head, ...rest] = blocks ?? [[0, sheet.rowCount] as [number, number]];
  writeRows(head);
  all.format.font.name = sheet.font;
  for (const b of styleBlocks(sheet, styles)) {
    const range = ws.getRange(rangeAddress(b.row, b.col, b.rows, b.cols));
    const style = sheet.styles[b.name];
    applyStyle(range, style);
    if (style.border)
      frame(range, [...outline(), ...(b.cols > 1 ? [Excel.BorderIndex.insideVertical] : []), ...(b.rows > 1 ? [Excel.BorderIndex.insideHorizontal] : [])]);
  }
  for (const m of sheet.merges) ws.getRange(rangeAddress(m.row, m.col, m.rows, m.cols)).merge(false);
  setColumnWidths(ws, sheet.columnWidths);
  setRowHeights(ws, sheet.rowHeights);
  if (sheet.frozenRows > 0 && supports("1.7")) ws.freezePanes.freezeRows(sheet.frozenRows);
  if (features.showGridlines()) ws.showGridlines = false;
  applyPrintLayout(ws, sheet.print, sheet.frozenRows > 0 ? { first: sheet.frozenRows - 1, last: sheet.frozenRows - 1 } : undefined);
  return rest.map((block) => () => writeRows(block));
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
