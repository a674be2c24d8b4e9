/**
 * The fake workbook to and from .xlsx with ExcelJS, so what the add-in wrote can be opened in LibreOffice /
 * rendered to PDF, and so a workbook saved elsewhere can be loaded into the double.
 * Node only (ExcelJS file I/O): keep it out of browser bundles.
 */
import ExcelJS from "exceljs";
import { writeFile } from "fs/promises";
import { addChartParts } from "./export-charts";
import { Rect, absoluteA1, cellA1, columnLetters, parseAddress } from "./address";
import {
  BorderSide,
  BorderSpec,
  Cell,
  CellValue,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FONT,
  FakeSheet,
  FakeWorkbook,
  FakeWorkbookOptions,
  HeaderFooterState,
  MAX_COLUMNS,
  Visibility,
} from "./workbook";

const PAPER: Record<string, number> = {
  Letter: 1,
  LetterSmall: 2,
  Tabloid: 3,
  Ledger: 4,
  Legal: 5,
  Statement: 6,
  Executive: 7,
  A3: 8,
  A4: 9,
  A4Small: 10,
  A5: 11,
  B4: 12,
  B5: 13,
  Folio: 14,
  Quatro: 15,
  Paper10x14: 16,
  Paper11x17: 17,
  Note: 18,
  Envelope9: 19,
  Envelope10: 20,
  Envelope11: 21,
  Envelope12: 22,
  Envelope14: 23,
  Csheet: 24,
  Dsheet: 25,
  Esheet: 26,
  EnvelopeDL: 27,
  EnvelopeC5: 28,
  EnvelopeC3: 29,
  EnvelopeC4: 30,
  EnvelopeC6: 31,
  EnvelopeC65: 32,
  EnvelopeB4: 33,
  EnvelopeB5: 34,
  EnvelopeB6: 35,
  EnvelopeItaly: 36,
  EnvelopeMonarch: 37,
  EnvelopePersonal: 38,
  FanfoldUS: 39,
  FanfoldStdGerman: 40,
};
const PAPER_NAME = Object.fromEntries(Object.entries(PAPER).map(([k, v]) => [v, k]));

const H_ALIGN: Record<string, ExcelJS.Alignment["horizontal"] | undefined> = {
  General: undefined,
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};
const V_ALIGN: Record<string, ExcelJS.Alignment["vertical"]> = {
  Top: "top",
  Center: "middle",
  Bottom: "bottom",
  Justify: "justify",
  Distributed: "distributed",
};
const invert = <T extends string>(m: Record<string, T | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(m)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [v as string, k]),
  );
const H_ALIGN_BACK = invert(H_ALIGN);
const V_ALIGN_BACK = invert(V_ALIGN);

const UNDERLINE: Record<string, "single" | "double" | "singleAccounting" | "doubleAccounting"> = {
  Single: "single",
  Double: "double",
  SingleAccountant: "singleAccounting",
  DoubleAccountant: "doubleAccounting",
};
const UNDERLINE_BACK = invert(UNDERLINE);

function borderStyle(b: BorderSpec): ExcelJS.BorderStyle | undefined {
  const heavy = b.weight === "Medium" || b.weight === "Thick";
  switch (b.style) {
    case "Continuous":
      return b.weight === "Hairline" ? "hair" : b.weight === "Medium" ? "medium" : b.weight === "Thick" ? "thick" : "thin";
    case "Dash":
      return heavy ? "mediumDashed" : "dashed";
    case "DashDot":
      return heavy ? "mediumDashDot" : "dashDot";
    case "DashDotDot":
      return heavy ? "mediumDashDotDot" : "dashDotDot";
    case "Dot":
      return "dotted";
    case "Double":
      return "double";
    case "SlantDashDot":
      return "slantDashDot";
    default:
      return undefined;
  }
}

const BORDER_BACK: Record<string, [string, string]> = {
  hair: ["Continuous", "Hairline"],
  thin: ["Continuous", "Thin"],
  medium: ["Continuous", "Medium"],
  thick: ["Continuous", "Thick"],
  dashed: ["Dash", "Thin"],
  mediumDashed: ["Dash", "Medium"],
  dashDot: ["DashDot", "Thin"],
  mediumDashDot: ["DashDot", "Medium"],
  dashDotDot: ["DashDotDot", "Thin"],
  mediumDashDotDot: ["DashDotDot", "Medium"],
  dotted: ["Dot", "Thin"],
  double: ["Double", "Thick"],
  slantDashDot: ["SlantDashDot", "Medium"],
};

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;
const hexOf = (c: Partial<ExcelJS.Color> | undefined): string | undefined =>
  c?.argb && /^[0-9A-Fa-f]{8}$/.test(c.argb) ? `#${c.argb.slice(2).toUpperCase()}` : undefined;

/** Points ↔ Excel character widths (Calibri 11: 7 px a character + 5 px padding; 0.75 pt a pixel). */
export const pointsToChars = (pt: number): number => Math.max(0, Math.round(((pt / 0.75 - 5) / 7) * 100) / 100);
export const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

function headerFooterText(h: HeaderFooterState, kind: "Header" | "Footer"): string | undefined {
  const l = h[`left${kind}`];
  const c = h[`center${kind}`];
  const r = h[`right${kind}`];
  if (!l && !c && !r) return undefined;
  return `${l ? `&L${l}` : ""}${c ? `&C${c}` : ""}${r ? `&R${r}` : ""}`;
}

function parseHeaderFooter(text: string | undefined, into: HeaderFooterState, kind: "Header" | "Footer"): void {
  if (!text) return;
  const parts: Record<string, string> = { L: "", C: "", R: "" };
  let section = "C";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "&" && "LCR".includes(text[i + 1] ?? "")) {
      section = text[i + 1];
      i++;
    } else parts[section] += text[i];
  }
  into[`left${kind}`] = parts.L;
  into[`center${kind}`] = parts.C;
  into[`right${kind}`] = parts.R;
}

function writeCell(target: ExcelJS.Cell, c: Cell): void {
  if (c.formula) {
    const result = c.uncalculated ? undefined : c.error ? { error: c.value as ExcelJS.CellErrorValue["error"] } : c.value === "" ? undefined : c.value;
    target.value = { formula: c.formula.slice(1), result } as ExcelJS.CellFormulaValue;
  } else if (c.error) target.value = { error: c.value as ExcelJS.CellErrorValue["error"] };
  else if (c.value !== "") target.value = c.value;
  if (c.numberFormat && c.numberFormat !== "General") target.numFmt = c.numberFormat;
  if (c.font && Object.keys(c.font).length) {
    const f = c.font;
    // a partial font would fall back to the reader's default face, not Excel's
    const font: Partial<ExcelJS.Font> = { name: DEFAULT_FONT.name, size: DEFAULT_FONT.size };
    if (f.name !== undefined) font.name = f.name;
    if (f.size !== undefined) font.size = f.size;
    if (f.bold !== undefined) font.bold = f.bold;
    if (f.italic !== undefined) font.italic = f.italic;
    if (f.strikethrough !== undefined) font.strike = f.strikethrough;
    if (f.color !== undefined) font.color = { argb: argb(f.color) };
    if (f.underline && f.underline !== "None") font.underline = UNDERLINE[f.underline];
    target.font = font;
  }
  if (c.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(c.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (c.horizontalAlignment && H_ALIGN[c.horizontalAlignment]) alignment.horizontal = H_ALIGN[c.horizontalAlignment];
  if (c.verticalAlignment) alignment.vertical = V_ALIGN[c.verticalAlignment];
  if (c.wrapText) alignment.wrapText = true;
  if (Object.keys(alignment).length) target.alignment = alignment;
  if (c.borders) {
    const border: Partial<ExcelJS.Borders> = {};
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const b = c.borders[side];
      const style = b && borderStyle(b);
      if (b && style) border[side] = { style, color: { argb: argb(b.color) } };
    }
    const diag = c.borders.diagonalDown ?? c.borders.diagonalUp;
    const dstyle = diag && borderStyle(diag);
    if (diag && dstyle) border.diagonal = { up: !!c.borders.diagonalUp, down: !!c.borders.diagonalDown, style: dstyle, color: { argb: argb(diag.color) } };
    if (Object.keys(border).length) target.border = border;
  }
  if (c.locked === false) target.protection = { locked: false };
}

/** Builds an ExcelJS workbook from the fake workbook. */
export async function toExcelJs(workbook: FakeWorkbook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const activeIndex = workbook.activeSheet ? workbook.sheets.indexOf(workbook.activeSheet) : 0;
  for (const sheet of workbook.sheets) {
    const pl = sheet.pageLayout;
    const zoom = pl.zoom;
    const fit = zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined;
    const pageSetup: Partial<ExcelJS.PageSetup> = {
      orientation: pl.orientation === "Landscape" ? "landscape" : "portrait",
      paperSize: (PAPER[pl.paperSize] ?? 9) as unknown as ExcelJS.PaperSize,
      margins: {
        left: pl.leftMargin / 72,
        right: pl.rightMargin / 72,
        top: pl.topMargin / 72,
        bottom: pl.bottomMargin / 72,
        header: pl.headerMargin / 72,
        footer: pl.footerMargin / 72,
      },
      horizontalCentered: pl.centerHorizontally,
      verticalCentered: pl.centerVertically,
      blackAndWhite: pl.blackAndWhite,
      draft: pl.draftMode,
      showGridLines: pl.printGridlines,
      showRowColHeaders: pl.printHeadings,
      pageOrder: pl.printOrder === "OverThenDown" ? "overThenDown" : "downThenOver",
    };
    if (fit) {
      pageSetup.fitToPage = true;
      pageSetup.fitToWidth = zoom.horizontalFitToPages ?? 0;
      pageSetup.fitToHeight = zoom.verticalFitToPages ?? 0;
    } else if (zoom.scale !== undefined) pageSetup.scale = zoom.scale;
    if (pl.firstPageNumber !== "") pageSetup.firstPageNumber = pl.firstPageNumber;
    if (pl.printArea) pageSetup.printArea = pl.printArea.replace(/\$/g, "");
    if (pl.printTitleRows) pageSetup.printTitlesRow = pl.printTitleRows.replace(/\$/g, "");
    if (pl.printTitleColumns) pageSetup.printTitlesColumn = pl.printTitleColumns.replace(/\$/g, "");

    const state: Record<Visibility, ExcelJS.WorksheetState> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };
    const index = workbook.sheets.indexOf(sheet);
    const view: Partial<ExcelJS.WorksheetView> = { showGridLines: sheet.showGridlines, tabSelected: index === activeIndex } as Partial<ExcelJS.WorksheetView>;
    const views: Partial<ExcelJS.WorksheetView>[] = [
      sheet.freeze.rows || sheet.freeze.columns
        ? ({
            ...view,
            state: "frozen",
            xSplit: sheet.freeze.columns,
            ySplit: sheet.freeze.rows,
            topLeftCell: cellA1(sheet.freeze.rows, sheet.freeze.columns),
          } as Partial<ExcelJS.WorksheetView>)
        : view,
    ];
    const ws = wb.addWorksheet(sheet.name, {
      state: state[sheet.visibility],
      pageSetup,
      views,
      properties: sheet.tabColor ? ({ tabColor: { argb: argb(sheet.tabColor) } } as Partial<ExcelJS.WorksheetProperties>) : undefined,
    });
    // A manual break above each row that begins a page: ExcelJS puts it under the row before.
    for (const row of sheet.rowBreaks) ws.getRow(row).addPageBreak();
    const hf = pl.headersFooters;
    const headerFooter: Partial<ExcelJS.HeaderFooter> = {
      differentFirst: hf.state === "FirstAndDefault" || hf.state === "FirstOddAndEven",
      differentOddEven: hf.state === "OddAndEven" || hf.state === "FirstOddAndEven",
    };
    const odd = hf.state === "OddAndEven" || hf.state === "FirstOddAndEven" ? hf.oddPages : hf.defaultForAllPages;
    const set = (k: keyof ExcelJS.HeaderFooter, v: string | undefined) => {
      if (v !== undefined) (headerFooter as Record<string, unknown>)[k] = v;
    };
    set("oddHeader", headerFooterText(odd, "Header"));
    set("oddFooter", headerFooterText(odd, "Footer"));
    if (headerFooter.differentOddEven) {
      set("evenHeader", headerFooterText(hf.evenPages, "Header"));
      set("evenFooter", headerFooterText(hf.evenPages, "Footer"));
    }
    if (headerFooter.differentFirst) {
      set("firstHeader", headerFooterText(hf.firstPage, "Header"));
      set("firstFooter", headerFooterText(hf.firstPage, "Footer"));
    }
    ws.headerFooter = headerFooter as ExcelJS.HeaderFooter;

    // without style: ExcelJS's mergeCells makes the covered cells share the master's style object
    const merger = ws as unknown as { mergeCellsWithoutStyle(t: number, l: number, b: number, r: number): void };
    for (const m of sheet.merges) merger.mergeCellsWithoutStyle(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    for (const [k, c] of sheet.cells) writeCell(ws.getCell(Math.floor(k / MAX_COLUMNS) + 1, (k % MAX_COLUMNS) + 1), c);
    for (const [col, pt] of sheet.columnWidths) ws.getColumn(col + 1).width = pointsToChars(pt);
    for (const col of sheet.hiddenColumns) ws.getColumn(col + 1).hidden = true;
    for (const [row, pt] of sheet.rowHeights) ws.getRow(row + 1).height = pt;
    for (const row of sheet.hiddenRows) ws.getRow(row + 1).hidden = true;
    // ExcelJS leaves out rows without cells, which would lose their height or hidden flag
    for (const row of new Set([...sheet.rowHeights.keys(), ...sheet.hiddenRows])) if (!sheet.peek(row, 0)) ws.getCell(row + 1, 1).value = null;
    if (sheet.protection.protected) {
      const o = sheet.protection.options;
      await ws.protect(sheet.protection.password ?? "", {
        formatCells: o.allowFormatCells,
        formatColumns: o.allowFormatColumns,
        formatRows: o.allowFormatRows,
        insertColumns: o.allowInsertColumns,
        insertRows: o.allowInsertRows,
        insertHyperlinks: o.allowInsertHyperlinks,
        deleteColumns: o.allowDeleteColumns,
        deleteRows: o.allowDeleteRows,
        sort: o.allowSort,
        autoFilter: o.allowAutoFilter,
        pivotTables: o.allowPivotTables,
        spinCount: 1000,
      });
    }
  }
  return wb;
}

/** The fake workbook as .xlsx bytes: cells, formats and layout through ExcelJS, then its charts as DrawingML (export-charts.ts). */
export async function exportWorkbookToXlsxBuffer(workbook: FakeWorkbook): Promise<Uint8Array> {
  const wb = await toExcelJs(workbook);
  return addChartParts(new Uint8Array(await wb.xlsx.writeBuffer()), workbook);
}

/** Writes every sheet of the fake workbook (and its charts) to an .xlsx file at `path`. */
export async function exportWorkbookToXlsx(workbook: FakeWorkbook, path: string): Promise<void> {
  await writeFile(path, await exportWorkbookToXlsxBuffer(workbook));
}

// ------------------------------------------------------------------ import

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function plainValue(v: ExcelJS.CellValue): { value: CellValue; error?: boolean } {
  if (v === null || v === undefined) return { value: "" };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: (v.getTime() - EXCEL_EPOCH) / 86_400_000 };
  const o = v as unknown as Record<string, unknown>;
  if ("error" in o) return { value: String(o.error), error: true };
  if ("richText" in o) return { value: (o.richText as { text: string }[]).map((t) => t.text).join("") };
  if ("text" in o) return { value: String(o.text) };
  return { value: "" };
}

function readCell(src: ExcelJS.Cell, into: Cell): void {
  if (src.type === ExcelJS.ValueType.Formula) {
    const formula = src.formula;
    if (formula) into.formula = `=${formula}`;
    const r = plainValue(src.result as ExcelJS.CellValue);
    into.value = r.value;
    if (r.error) into.error = true;
    if (src.result === undefined) into.uncalculated = true;
  } else {
    const r = plainValue(src.value);
    into.value = r.value;
    if (r.error) into.error = true;
  }
  if (src.numFmt && src.numFmt !== "General") into.numberFormat = src.numFmt;
  const f = src.font;
  if (f && Object.keys(f).length) {
    const font: Cell["font"] = {};
    if (f.name) font.name = f.name;
    if (f.size) font.size = f.size;
    if (f.bold !== undefined) font.bold = !!f.bold;
    if (f.italic !== undefined) font.italic = !!f.italic;
    if (f.strike !== undefined) font.strikethrough = !!f.strike;
    const color = hexOf(f.color);
    if (color) font.color = color;
    if (f.underline) font.underline = f.underline === true ? "Single" : (UNDERLINE_BACK[f.underline] ?? "None");
    into.font = font;
  }
  const fill = src.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const c = hexOf(fill.fgColor);
    if (c) into.fill = c;
  }
  const a = src.alignment;
  if (a) {
    if (a.horizontal && H_ALIGN_BACK[a.horizontal]) into.horizontalAlignment = H_ALIGN_BACK[a.horizontal];
    if (a.vertical && V_ALIGN_BACK[a.vertical]) into.verticalAlignment = V_ALIGN_BACK[a.vertical];
    if (a.wrapText) into.wrapText = true;
  }
  const b = src.border;
  if (b) {
    const borders: Partial<Record<BorderSide, BorderSpec>> = {};
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const s = b[side];
      if (s?.style && BORDER_BACK[s.style]) {
        const [style, weight] = BORDER_BACK[s.style];
        borders[side] = { style, weight, color: hexOf(s.color) ?? "#000000" };
      }
    }
    if (Object.keys(borders).length) into.borders = borders;
  }
  if (src.protection?.locked === false) into.locked = false;
}

/** Loads an .xlsx (path or bytes) into a new fake workbook: values, formulas with cached results, number
 * formats, fonts, fills, alignment, borders, merges, widths/heights, hidden rows/columns, sheet visibility
 * (veryHidden too), protection flag, freeze panes and page setup. */
export async function importXlsxToDouble(source: string | Uint8Array, options: FakeWorkbookOptions = {}): Promise<FakeWorkbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === "string") await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as unknown as ArrayBuffer);
  const out = new FakeWorkbook({ ...options, sheets: [] });
  wb.eachSheet((ws) => {
    const sheet: FakeSheet = out.addSheet(ws.name);
    sheet.visibility = ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (row.height !== undefined && row.height !== null && (row as unknown as { customHeight?: boolean }).customHeight !== false && row.height > 0)
        sheet.rowHeights.set(rowNumber - 1, row.height);
      if (row.hidden) sheet.hiddenRows.add(rowNumber - 1);
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        if (cell.type === ExcelJS.ValueType.Merge) {
          // formats of the covered cells still matter (borders of a merged block)
          const into = sheet.cell(rowNumber - 1, colNumber - 1);
          readCell(cell, into);
          into.value = "";
          delete into.formula;
          delete into.uncalculated;
          delete into.error;
          return;
        }
        readCell(cell, sheet.cell(rowNumber - 1, colNumber - 1));
      });
    });
    for (let c = 1; c <= ws.columnCount; c++) {
      const col = ws.getColumn(c);
      if (col.width !== undefined) {
        const pt = charsToPoints(col.width);
        if (Math.abs(pt - DEFAULT_COLUMN_WIDTH) > 0.01) sheet.columnWidths.set(c - 1, pt);
      }
      if (col.hidden) sheet.hiddenColumns.add(c - 1);
    }
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => parseAddress(m)?.rect).filter((r): r is Rect => !!r);
    sheet.merges = merges;
    const ps = ws.pageSetup;
    const pl = sheet.pageLayout;
    if (ps.orientation) pl.orientation = ps.orientation === "landscape" ? "Landscape" : "Portrait";
    if (ps.paperSize !== undefined) pl.paperSize = PAPER_NAME[ps.paperSize as unknown as number] ?? pl.paperSize;
    else pl.paperSize = "Letter";
    if (ps.margins) {
      pl.leftMargin = ps.margins.left * 72;
      pl.rightMargin = ps.margins.right * 72;
      pl.topMargin = ps.margins.top * 72;
      pl.bottomMargin = ps.margins.bottom * 72;
      pl.headerMargin = ps.margins.header * 72;
      pl.footerMargin = ps.margins.footer * 72;
    }
    pl.centerHorizontally = !!ps.horizontalCentered;
    pl.centerVertically = !!ps.verticalCentered;
    if (ps.fitToPage) pl.zoom = { horizontalFitToPages: ps.fitToWidth ?? 1, verticalFitToPages: ps.fitToHeight ?? 1 };
    else if (ps.scale) pl.zoom = { scale: ps.scale };
    const abs = (a: string | undefined) => {
      const p = a ? parseAddress(a) : undefined;
      return p ? absoluteA1(p.rect) : null;
    };
    if (ps.printArea) pl.printArea = abs(ps.printArea);
    if (ps.printTitlesRow) pl.printTitleRows = abs(ps.printTitlesRow);
    if (ps.printTitlesColumn) pl.printTitleColumns = abs(ps.printTitlesColumn);
    const hf = ws.headerFooter;
    if (hf) {
      pl.headersFooters.state =
        hf.differentFirst && hf.differentOddEven ? "FirstOddAndEven" : hf.differentFirst ? "FirstAndDefault" : hf.differentOddEven ? "OddAndEven" : "Default";
      const main =
        pl.headersFooters.state === "OddAndEven" || pl.headersFooters.state === "FirstOddAndEven"
          ? pl.headersFooters.oddPages
          : pl.headersFooters.defaultForAllPages;
      parseHeaderFooter(hf.oddHeader, main, "Header");
      parseHeaderFooter(hf.oddFooter, main, "Footer");
      parseHeaderFooter(hf.evenHeader, pl.headersFooters.evenPages, "Header");
      parseHeaderFooter(hf.evenFooter, pl.headersFooters.evenPages, "Footer");
      parseHeaderFooter(hf.firstHeader, pl.headersFooters.firstPage, "Header");
      parseHeaderFooter(hf.firstFooter, pl.headersFooters.firstPage, "Footer");
    }
    const view = ws.views?.[0] as (Partial<ExcelJS.WorksheetViewFrozen> & { showGridLines?: boolean }) | undefined;
    if (view?.state === "frozen") sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
    if (view?.showGridLines === false) sheet.showGridlines = false;
    const tab = hexOf((ws.properties as unknown as { tabColor?: ExcelJS.Color }).tabColor);
    if (tab) sheet.tabColor = tab;
    const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    if (prot?.sheet) sheet.protection.protected = true;
    sheet.compact();
  });
  out.activeSheet = out.sheets.find((s) => s.visibility === "Visible") ?? out.sheets[0];
  return out;
}

export { columnLetters };
