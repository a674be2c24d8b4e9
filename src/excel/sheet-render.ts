import { cellAddress, columnsAddress, rangeAddress, rowsAddress } from "../core/address";
import { SheetDescription } from "../core/sheet";
import { charsToPoints, cmToPoints, features, supports } from "./host";

/**
 * Writes a sheet description (src/core/sheet.ts) into a new, empty worksheet: texts as text (the
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

  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < sheet.colCount; ) {
      const name = styles[r][c];
      let end = c;
      while (end + 1 < sheet.colCount && styles[r][end + 1] === name) end++;
      if (name) {
        const style = sheet.styles[name];
        const range = ws.getRange(rangeAddress(r, c, 1, end - c + 1));
        const f = range.format;
        f.font.bold = style.bold;
        f.font.italic = style.italic;
        f.font.size = style.size;
        f.horizontalAlignment = style.hAlign === "center" ? Excel.HorizontalAlignment.center : style.hAlign === "right" ? Excel.HorizontalAlignment.right : Excel.HorizontalAlignment.left;
        f.verticalAlignment = style.vAlign === "top" ? Excel.VerticalAlignment.top : Excel.VerticalAlignment.center;
        f.wrapText = style.wrap;
        if (style.fill) f.fill.color = style.fill;
        if (style.border) {
          const edges = [Excel.BorderIndex.edgeTop, Excel.BorderIndex.edgeBottom, Excel.BorderIndex.edgeLeft, Excel.BorderIndex.edgeRight];
          if (end > c) edges.push(Excel.BorderIndex.insideVertical);
          for (const edge of edges) {
            const b = f.borders.getItem(edge);
            b.style = Excel.BorderLineStyle.continuous;
            b.weight = Excel.BorderWeight.thin;
            b.color = "#000000";
          }
        }
      }
      c = end + 1;
    }
  }
  for (const m of sheet.merges) ws.getRange(rangeAddress(m.row, m.col, m.rows, m.cols)).merge(false);
  sheet.columnWidths.forEach((w, i) => (ws.getRange(columnsAddress(i)).format.columnWidth = charsToPoints(w)));
  for (let r = 0; r < sheet.rowCount; ) {
    let end = r;
    while (end + 1 < sheet.rowCount && sheet.rowHeights[end + 1] === sheet.rowHeights[r]) end++;
    ws.getRange(rowsAddress(r, end)).format.rowHeight = sheet.rowHeights[r];
    r = end + 1;
  }
  if (sheet.frozenRows > 0 && supports("1.7")) ws.freezePanes.freezeRows(sheet.frozenRows);
  if (features.showGridlines()) ws.showGridlines = false;
  if (features.pageLayout()) {
    const p = sheet.print;
    const layout = ws.pageLayout;
    layout.orientation = p.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    layout.paperSize = Excel.PaperType.a4;
    layout.topMargin = cmToPoints(p.margins.top);
    layout.bottomMargin = cmToPoints(p.margins.bottom);
    layout.leftMargin = cmToPoints(p.margins.left);
    layout.rightMargin = cmToPoints(p.margins.right);
    layout.centerHorizontally = p.centerHorizontally;
    layout.zoom = { horizontalFitToPages: p.fitToPagesWide, verticalFitToPages: p.fitToPagesTall };
    if (sheet.frozenRows > 0) layout.setPrintTitleRows(`$${sheet.frozenRows}:$${sheet.frozenRows}`);
  }
}

/** For undo: the loop sheets this merge made go, the previous ones come back. No sync here. */
export function restoreLoopSheets(
  sheets: Excel.WorksheetCollection,
  names: string[],
  current: { self: string; diff: string } | undefined,
  previous: { self: unknown; diff: unknown } | null | undefined,
): void {
  if (current) for (const n of [current.self, current.diff]) if (names.includes(n)) sheets.getItem(n).delete();
  if (!previous) return;
  for (const d of [previous.self, previous.diff] as SheetDescription[]) renderSheetOffice(sheets.add(d.sheetName), d);
}

