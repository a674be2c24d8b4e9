import * as ExcelJS from "exceljs";
import { columnLetter } from "../core/address";
import { decodeStore, DecodedStore, encodeStore, STORE_SHEET, StoreState } from "../core/store";

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

/** Reads a worksheet like Office.js reads its used range from A1: merged cells other than the top-left read "". */
export function readSheet(ws: ExcelJS.Worksheet): SheetValues {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  for (let r = 1; r <= rows; r++) {
    const vRow: unknown[] = new Array(cols).fill("");
    const fRow: unknown[] = new Array(cols).fill("");
    const row = ws.getRow(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > cols) return;
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = plain(cell.value);
      vRow[c - 1] = v;
      const formula = cell.formula;
      fRow[c - 1] = formula ? `=${formula}` : v;
    });
    values.push(vRow);
    formulas.push(fRow);
  }
  return { values, formulas };
}

export function readStore(wb: ExcelJS.Workbook): DecodedStore {
  const ws = wb.getWorksheet(STORE_SHEET);
  if (!ws) return { ok: true, state: {} };
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

export const addressOf = (row: number, col: number): string => `${columnLetter(col)}${row + 1}`;
