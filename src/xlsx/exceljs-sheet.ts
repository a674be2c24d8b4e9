import * as ExcelJS from "exceljs";
import { decodeStore, DecodedStore, encodeStore, STORE_SHEET, StoreState } from "../core/store/store";

/** A sheet's values and formulas as Office.js returns them for its used range (from A1). */
export interface SheetValues {
  values: unknown[][];
  formulas: unknown[][];
}

function plain(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("error" in value) return String(value.error);
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? "" : plain(result as ExcelJS.CellValue);
    }
    if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  }
  return String(value);
}

/** The rows a sheet does not have: one shared, empty, frozen row. */
const NO_CELLS: readonly unknown[] = Object.freeze([]);

/**
 * Reads a worksheet like Office.js reads its used range from A1: merged cells other than the
 * top-left read "". Memory and time follow the cells that exist, not the sheet's declared extent:
 * each row is as long as its last non-empty cell, and rows without cells share one empty row, so a
 * stray value at XFD1048576 costs one row of cells, not a billion.
 */
export function readSheet(ws: ExcelJS.Worksheet): SheetValues {
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  // Rows come in order; rows with no cell in between share NO_CELLS.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vRow: unknown[] = [];
    const fRow: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = plain(cell.value);
      const formula = cell.formula;
      if (v === "" && !formula) return;
      while (vRow.length < c - 1) {
        vRow.push("");
        fRow.push("");
      }
      vRow[c - 1] = v;
      fRow[c - 1] = formula ? `=${formula}` : v;
    });
    if (vRow.length === 0) return;
    while (values.length < r - 1) {
      values.push(NO_CELLS as unknown[]);
      formulas.push(NO_CELLS as unknown[]);
    }
    values.push(vRow);
    formulas.push(fRow);
  });
  return { values, formulas };
}

export function readStore(wb: ExcelJS.Workbook): DecodedStore {
  const ws = wb.getWorksheet(STORE_SHEET);
  if (!ws) return { ok: true, state: {}, issues: [] };
  return decodeStore(readSheet(ws).values);
}

/** Writes the store into its very hidden sheet, replacing what was there. */
export function writeStore(wb: ExcelJS.Workbook, state: StoreState): void {
  const old = wb.getWorksheet(STORE_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  encodeStore(state).forEach((row, i) => {
    row.forEach((text, c) => {
      const cell = ws.getCell(i + 1, c + 1);
      cell.numFmt = "@";
      cell.value = text;
    });
  });
  ws.getColumn(3).width = 100;
}
