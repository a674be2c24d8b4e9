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

/** Parses "Sheet1!D7:K30", "D7:K30" or "D7" into its top-left corner and size. */
export function parseRange(address: string): { sheet?: string; row: number; col: number; rows: number; cols: number } {
  const bang = address.lastIndexOf("!");
  const sheetPart = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : undefined;
  const [a, b] = address.slice(bang + 1).split(":");
  const start = parseCell(a);
  const end = b ? parseCell(b) : start;
  return { sheet: sheetPart, row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}
