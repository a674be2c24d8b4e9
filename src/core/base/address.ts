/** A1-style addresses for messages and for the Excel adapters. Rows and columns are 0-based. */
export interface Origin {
  /** 0-based row of values[0] in the sheet */
  row: number;
  /** 0-based column of values[0][0] in the sheet */
  col: number;
}

export const SHEET_ORIGIN: Origin = { row: 0, col: 0 };

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number, origin: Origin = SHEET_ORIGIN): string {
  return `${columnLetter(col + origin.col)}${row + origin.row + 1}`;
}

export function rangeAddress(row: number, col: number, rows: number, cols: number, origin: Origin = SHEET_ORIGIN): string {
  const a = cellAddress(row, col, origin);
  if (rows === 1 && cols === 1) return a;
  return `${a}:${cellAddress(row + rows - 1, col + cols - 1, origin)}`;
}

/** Parses "D7" or "$D$7" into 0-based sheet coordinates. */
export function parseCell(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  return { row: parseInt(m[2], 10) - 1, col: columnIndex(m[1]) };
}

/** Excel's grid: 1 048 576 rows, 16 384 columns (XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Whole columns: "H:H" for one, "H:K" for several (0-based columns). */
export function columnsAddress(first: number, last: number = first): string {
  return `${columnLetter(first)}:${columnLetter(last)}`;
}

/** Whole rows: "3:7" (0-based rows). */
export function rowsAddress(first: number, last: number = first): string {
  return `${first + 1}:${last + 1}`;
}

/** Column letters A…XFD, as a 0-based index; null when they are not a column of the grid. */
export function columnOf(letters: string): number | null {
  if (!/^[A-Z]{1,3}$/.test(letters)) return null;
  const n = columnIndex(letters) + 1;
  return n <= MAX_COLS ? n - 1 : null;
}

/** A single cell ("D7") or a block ("D7:K30") inside Excel's grid; its size, or null. */
export function blockOf(address: string): { rows: number; cols: number } | null {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})(?::([A-Z]{1,3})([1-9]\d{0,6}))?$/.exec(address);
  if (!m) return null;
  const c1 = columnOf(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] === undefined ? c1 : columnOf(m[3]);
  const r2 = m[4] === undefined ? r1 : Number(m[4]);
  if (c1 === null || c2 === null || r1 > MAX_ROWS || r2 > MAX_ROWS || c2 < c1 || r2 < r1) return null;
  return { rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

/** Whole columns ("H:H", "H:K") inside the grid, first before last. */
export function isColumnsAddress(address: string): boolean {
  const m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(address);
  if (!m) return false;
  const a = columnOf(m[1]);
  const b = columnOf(m[2]);
  return a !== null && b !== null && a <= b;
}
