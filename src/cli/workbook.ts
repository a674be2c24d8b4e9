/** The ExcelJS sheet helpers live with the other .xlsx code (src/xlsx/exceljs-sheet.ts); kept here for the command line's callers. */
export { readSheet, readStore, writeStore } from "../xlsx/exceljs-sheet";
export type { SheetValues } from "../xlsx/exceljs-sheet";
