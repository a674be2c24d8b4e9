/**
 * A sheet description (src/core/sheets/sheet.ts) as a worksheet part, for the package writer: the same
 * sheet src/xlsx/render.ts makes with ExcelJS (fonts, borders, fills, number formats, merges with
 * framed cells, widths and heights, data validation, protection without a password, frozen header,
 * A4 print setup with margins, fit to page, repeated title rows, page numbers from page 2). Text is
 * always an inline string, never a formula.
 */
import { cellAddress, columnLetter } from "../core/base/address";
import { listFormula, SheetCell, SheetDescription } from "../core/sheets/sheet";
import { StyleBook } from "./styles";
import { escapeXml } from "./xml";

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const CM_PER_INCH = 2.54;

/** A defined name the sheet needs in workbook.xml (print area, repeated rows). */
export interface SheetName {
  name: "_xlnm.Print_Area" | "_xlnm.Print_Titles";
  formula: string;
}

export interface SheetPart {
  /** The part's text in pieces, given to `push` in order. */
  xml: (push: (text: string) => void) => void;
  names: SheetName[];
}

/** A sheet name as a formula refers to it: quoted, quotes doubled. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** A cell as SpreadsheetML: a number, an inline string (never a formula), a formula with its cached value, or empty. */
export function cellXml(row: number, col: number, style: number, value: string | number | boolean | null, formula?: string): string {
  const r = cellAddress(row, col);
  const s = style ? ` s="${style}"` : "";
  if (formula !== undefined) {
    const cached = typeof value === "number" ? `<v>${numberText(value)}</v>` : typeof value === "string" ? `<v>${escapeXml(value)}</v>` : "";
    return `<c r="${r}"${s}${typeof value === "string" ? ` t="str"` : ""}><f>${escapeXml(formula)}</f>${cached}</c>`;
  }
  if (value === null || value === "") return `<c r="${r}"${s}/>`;
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${r}"${s}><v>${numberText(value)}</v></c>` : `<c r="${r}"${s}/>`;
  if (typeof value === "boolean") return `<c r="${r}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ` xml:space="preserve"` : "";
  return `<c r="${r}"${s} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

/** A number as SpreadsheetML holds it: the shortest text that reads back as the same double. */
export const numberText = (n: number): string => String(n);

export function renderSheetXml(sheet: SheetDescription, styles: StyleBook): SheetPart {
  // One style index per (named style, number format, lock): looked up once, not built per cell.
  const known = new Map<string, number>();
  const styleOf = (c: SheetCell) => {
    const numFmt = c.numberFormat ?? (typeof c.value === "number" || c.formula ? "General" : "@");
    const locked = sheet.protect || c.unlocked ? !c.unlocked : undefined;
    const key = `${c.style}\u0000${numFmt}\u0000${locked}`;
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    const st = sheet.styles[c.style];
    const index = styles.style({
      font: { name: sheet.font, size: st.size, bold: st.bold, italic: st.italic },
      hAlign: st.hAlign,
      vAlign: st.vAlign,
      wrap: st.wrap,
      border: st.border,
      fill: st.fill,
      numFmt,
      locked,
    });
    known.set(key, index);
    return index;
  };
  // The cells in row order, each row's XML made only when it is written (a large sheet is never held as strings).
  // Only the cells in the rows of a merge are looked up (by number: a 100 000-row annex makes no string per cell).
  const mergedRows = new Set<number>();
  for (const m of sheet.merges) for (let r = m.row; r < m.row + m.rows; r++) mergedRows.add(r);
  const place = (row: number, col: number) => row * 16384 + col;
  const byPlace = new Map<number, SheetCell>();
  for (const c of sheet.cells) if (mergedRows.has(c.row)) byPlace.set(place(c.row, c.col), c);
  const extra: { row: number; col: number; style: number }[] = [];
  // The cells of a bordered or unlocked merge take the top-left cell's look, so that the block is framed.
  for (const m of sheet.merges) {
    const master = byPlace.get(place(m.row, m.col));
    if (!master || !(sheet.styles[master.style].border || master.unlocked)) continue;
    const s = styleOf({ ...master, value: null });
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.col; c < m.col + m.cols; c++) if (!(r === m.row && c === m.col) && !byPlace.has(place(r, c))) extra.push({ row: r, col: c, style: s });
  }
  byPlace.clear();
  // The cells bucketed by row (each row's cells sorted by column when written), no object per cell made.
  type Extra = { row: number; col: number; style: number; extra: true };
  const byRow: (SheetCell | Extra)[][] = [];
  for (const c of sheet.cells) (byRow[c.row] ??= []).push(c);
  for (const e of extra) (byRow[e.row] ??= []).push({ ...e, extra: true });
  const rowCount = Math.max(sheet.rowHeights.length, byRow.length);
  const writeRows = (push: (text: string) => void) => {
    for (let r = 0; r < rowCount; r++) {
      const h = sheet.rowHeights[r];
      const cells = byRow[r];
      if (!cells && h === undefined) continue;
      let row = `<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}>`;
      if (cells) {
        for (let k = 1; k < cells.length; k++)
          if (cells[k].col < cells[k - 1].col) {
            cells.sort((a, b) => a.col - b.col);
            break;
          }
        for (const c of cells) row += "extra" in c ? cellXml(c.row, c.col, c.style, null) : cellXml(c.row, c.col, styleOf(c), c.value, c.formula);
      }
      push(`${row}</row>`);
    }
  };
  const p = sheet.print;
  const fit = p.scale === undefined;
  const cols = sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const pane = sheet.frozenRows > 0 ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/>` : "";
  const validations = sheet.validations.map(
    (v) =>
      `<dataValidation type="${v.list ? "list" : "decimal"}" errorStyle="stop"${v.list ? "" : ` operator="between"`} allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="${escapeXml(v.errorTitle)}" error="${escapeXml(v.error)}" promptTitle="${escapeXml(v.promptTitle)}" prompt="${escapeXml(v.prompt)}" sqref="${cellAddress(v.row, v.col)}">` +
      (v.list ? `<formula1>${escapeXml(listFormula(v.list))}</formula1>` : `<formula1>${v.min}</formula1><formula2>${v.max}</formula2>`) +
      `</dataValidation>`,
  );
  const m = p.margins;
  const inch = (cm: number) => +(cm / CM_PER_INCH).toFixed(6);
  const header = p.pageNumbers
    ? `<headerFooter differentFirst="1" differentOddEven="0"><oddHeader>${escapeXml(`&C${p.pageNumbers.centerHeader}`)}</oddHeader><firstHeader></firstHeader></headerFooter>`
    : "";
  const breaks = p.rowBreaks?.length
    ? `<rowBreaks count="${p.rowBreaks.length}" manualBreakCount="${p.rowBreaks.length}">${p.rowBreaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join("")}</rowBreaks>`
    : "";
  const head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>` +
    `<sheetPr>${fit ? `<pageSetUpPr fitToPage="1"/>` : ""}</sheetPr>` +
    `<dimension ref="A1:${columnLetter(Math.max(sheet.colCount, 1) - 1)}${Math.max(sheet.rowCount, 1)}"/>` +
    `<sheetViews><sheetView showGridLines="0" workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>`;
  const tail =
    `</sheetData>` +
    (sheet.protect ? `<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>` : "") +
    (sheet.merges.length
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((g) => `<mergeCell ref="${cellAddress(g.row, g.col)}:${cellAddress(g.row + g.rows - 1, g.col + g.cols - 1)}"/>`).join("")}</mergeCells>`
      : "") +
    (validations.length ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>` : "") +
    (p.centerHorizontally ? `<printOptions horizontalCentered="1"/>` : "") +
    `<pageMargins left="${inch(m.left)}" right="${inch(m.right)}" top="${inch(m.top)}" bottom="${inch(m.bottom)}" header="${inch(m.header)}" footer="${inch(m.footer)}"/>` +
    `<pageSetup paperSize="9" orientation="${p.orientation}"${fit ? ` fitToWidth="${p.fitToPagesWide}" fitToHeight="${p.fitToPagesTall}"` : ` scale="${p.scale}"`}/>` +
    header +
    breaks +
    `</worksheet>`;
  const names: SheetName[] = [];
  const q = quoteSheet(sheet.sheetName);
  if (fit) names.push({ name: "_xlnm.Print_Area", formula: `${q}!$A$1:$${columnLetter(Math.max(sheet.colCount, 1) - 1)}$${Math.max(sheet.rowCount, 1)}` });
  if (p.repeatRows) names.push({ name: "_xlnm.Print_Titles", formula: `${q}!$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}` });
  const xml = (push: (text: string) => void) => {
    push(head);
    writeRows(push);
    push(tail);
  };
  return { xml, names };
}

/** The add-in's store as a sheet: every cell text (format "@"), the JSON column wide. */
export function storeSheetXml(rows: readonly (readonly string[])[], styles: StyleBook): string {
  const text = styles.withNumberFormat(0, "@");
  const body = rows.map((row, r) => (row.length === 0 ? "" : `<row r="${r + 1}">${row.map((t, c) => cellXml(r, c, text, t)).join("")}</row>`)).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="3" max="3" width="100" customWidth="1"/></cols><sheetData>${body}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}
