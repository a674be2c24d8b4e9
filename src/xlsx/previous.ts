import type * as ExcelJS from "exceljs";
import { PreviousProblem, PreviousYearData, scorePreviousYear } from "../core/grid/previous";
import { STORE_SHEET } from "../core/store/store";
import { readSheet, readStore } from "./exceljs-sheet";
import type { ExcelJSModule } from "./forms";
import { decodeStore } from "../core/store/store";
import type { XlsxWorkbook } from "./workbook";

export type PreviousRead = ({ ok: true } & PreviousYearData) | { ok: false; problem: PreviousProblem };

/**
 * Last year's agencies from its workbook: scored with the rules it stores (or the preset), on its
 * first visible sheet with a score grid (not the annex). The CLI (--previous) and the pane (a file
 * chosen in "So sánh với năm trước", read by ExcelJS in the browser) both use this.
 */
export function previousFromWorkbook(wb: ExcelJS.Workbook, file: string): PreviousRead {
  const stored = readStore(wb);
  const annexName = stored.ok ? stored.state.annex?.sheetName : undefined;
  const sheets = wb.worksheets
    .filter((ws) => ws.name !== STORE_SHEET && ws.state === "visible" && ws.name !== annexName)
    .map((ws) => ({ name: ws.name, values: readSheet(ws).values }));
  return withDecisionYear(scorePreviousYear(sheets, stored.ok ? stored.state.rules : undefined, file), stored.ok ? stored.state.decision?.year : undefined);
}

/** The year its stored decision data names, kept for previousNotEarlier (a title without a year). */
const withDecisionYear = (read: PreviousRead, year: number | undefined): PreviousRead =>
  read.ok && year !== undefined ? { ...read, decisionYear: year } : read;

/** The same from a file's bytes; a file ExcelJS cannot open is named as unreadable. */
export async function readPreviousFile(X: ExcelJSModule, file: string, bytes: ArrayBuffer | Uint8Array): Promise<PreviousRead> {
  const wb = new X.Workbook();
  try {
    await wb.xlsx.load(bytes as ArrayBuffer);
  } catch {
    return { ok: false, problem: { code: "unreadable", source: file } };
  }
  return previousFromWorkbook(wb, file);
}

/** The same from the package reader (bounded, streaming; files written by other tools too). */
export function previousFromPackage(wb: XlsxWorkbook, file: string): PreviousRead {
  const stored = wb.sheet(STORE_SHEET) ? decodeStore(wb.readSheet(STORE_SHEET).values) : null;
  const state = stored?.ok ? stored.state : undefined;
  const annexName = state?.annex?.sheetName;
  const sheets = wb.sheets
    .filter((ws) => ws.name !== STORE_SHEET && ws.state === "visible" && ws.name !== annexName)
    .map((ws) => ({ name: ws.name, values: wb.readSheet(ws.name).values }));
  return withDecisionYear(scorePreviousYear(sheets, state?.rules, file), state?.decision?.year);
}
