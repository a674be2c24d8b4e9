/**
 * A1 addresses as the Excel host writes and parses them. Coordinates are 0-based and inclusive.
 * Self-contained on purpose: the double must not depend on the code it tests.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnFromLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function isEntireColumns(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}

export function isEntireRows(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLUMNS - 1;
}

/** "A1", "A1:B2", "A:C" (entire columns), "3:5" (entire rows), like `Range.address` without the sheet. */
export function rectA1(r: Rect): string {
  if (isEntireColumns(r) && !isEntireRows(r)) return `${columnLetters(r.c0)}:${columnLetters(r.c1)}`;
  if (isEntireRows(r) && !isEntireColumns(r)) return `${r.r0 + 1}:${r.r1 + 1}`;
  if (isEntireRows(r) && isEntireColumns(r)) return `1:${MAX_ROWS}`;
  const a = cellA1(r.r0, r.c0);
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${cellA1(r.r1, r.c1)}`;
}

/** Sheet names are quoted when they contain anything but letters, digits, "_" and ".", or look like a reference. */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedA1(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectA1(r)}`;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parsePart(part: string): { kind: "cell" | "col" | "row"; row: number; col: number } | undefined {
  let m = CELL.exec(part);
  if (m) return { kind: "cell", row: parseInt(m[2], 10) - 1, col: columnFromLetters(m[1]) };
  m = COL.exec(part);
  if (m) return { kind: "col", row: 0, col: columnFromLetters(m[1]) };
  m = ROW.exec(part);
  if (m) return { kind: "row", row: parseInt(m[1], 10) - 1, col: 0 };
  return undefined;
}

/**
 * Parses "A1", "$A$1:B2", "A:A", "5:5", "Sheet1!A1:B2", "'My sheet'!A1". Returns undefined when the text is
 * not an address (named ranges are not supported by the double).
 */
export function parseAddress(address: string): ParsedAddress | undefined {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    let s = text.slice(0, bang);
    if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) s = s.slice(1, -1).replace(/''/g, "'");
    sheet = s;
    text = text.slice(bang + 1);
  }
  const parts = text.split(":");
  if (parts.length < 1 || parts.length > 2) return undefined;
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  if (!a || !b) return undefined;
  if (parts.length === 1 && a.kind !== "cell") return undefined;
  if (a.kind !== b.kind) return undefined;
  let rect: Rect;
  if (a.kind === "col") rect = { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.col, b.col), c1: Math.max(a.col, b.col) };
  else if (a.kind === "row") rect = { r0: Math.min(a.row, b.row), r1: Math.max(a.row, b.row), c0: 0, c1: MAX_COLUMNS - 1 };
  else rect = { r0: Math.min(a.row, b.row), r1: Math.max(a.row, b.row), c0: Math.min(a.col, b.col), c1: Math.max(a.col, b.col) };
  if (rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS || rect.r0 < 0 || rect.c0 < 0) return undefined;
  return { sheet, rect };
}

export function rectRows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function rectCols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function rectCells(r: Rect): number {
  return rectRows(r) * rectCols(r);
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : undefined;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.r0 && row <= outer.r1 && col >= outer.c0 && col <= outer.c1;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
}

export function validRect(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLUMNS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

/** "$A$1:$F$30", "$5:$5", "$A:$B" */
export function absoluteA1(r: Rect): string {
  return rectA1(r)
    .split(":")
    .map((p) => p.replace(/^([A-Z]+)?(\d+)?$/, (_m, col?: string, row?: string) => `${col ? `$${col}` : ""}${row ? `$${row}` : ""}`))
    .join(":");
}
