/**
 * What the Excel host does to cells: value coercion on write, protection, merged cells, reading formats of
 * multi-cell ranges (null when the cells differ), display text.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, columnFromLetters, columnLetters, contains, qualifiedA1, rectCells, rectCols, rectRows } from "./address";
import { hostError } from "./errors";
import type { Exec } from "./client-object";
import { BorderSide, BorderSpec, Cell, CellValue, DEFAULT_FONT, ERROR_VALUES, FakeSheet, FontSpec, normalizeColor } from "./workbook";

export interface RangeRef {
  sheet: FakeSheet;
  rect: Rect;
}

export type WriteKind = "cells" | "format" | "columns" | "rows" | "structure";

/** AccessDenied when the sheet is protected and the change is not allowed by its protection options. */
export function assertWritable(ref: RangeRef, kind: WriteKind): void {
  const { sheet, rect } = ref;
  const p = sheet.protection;
  if (!p.protected) return;
  const o = p.options;
  if (kind === "columns" && o.allowFormatColumns) return;
  if (kind === "rows" && o.allowFormatRows) return;
  if (kind === "format" && o.allowFormatCells) return;
  if (kind === "cells" || kind === "format") {
    // unlocked cells stay editable on a protected sheet
    let allUnlocked = true;
    let seen = 0;
    for (const [, , c] of sheet.cellsIn(rect)) {
      seen++;
      if (c.locked !== false) {
        allUnlocked = false;
        break;
      }
    }
    if (allUnlocked && seen === rectCells(rect)) return;
  }
  throw hostError("AccessDenied", `${qualifiedA1(sheet.name, rect)} is on protected sheet '${sheet.name}'`);
}

export function assertWriteSize(ref: RangeRef, x: Exec): void {
  const n = rectCells(ref.rect);
  if (n > x.runtime.limits.writeCells)
    throw hostError("NotImplemented", `office-double: writing ${n} cells at once is beyond the double's guard (${x.runtime.limits.writeCells})`);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;

/** A value written through `values`/`formulas`, turned into what Excel stores (like typing it in the cell). */
export function storeInput(cell: Cell, input: CellValue, x: Exec, sheet: FakeSheet, row: number, col: number): void {
  delete cell.formula;
  delete cell.error;
  delete cell.uncalculated;
  if (typeof input !== "string") {
    cell.value = input;
    return;
  }
  const text = cell.numberFormat === "@";
  if (text) {
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  if (input.length > 1 && input.startsWith("=")) {
    cell.formula = input;
    const v = x.runtime.evaluateFormula?.(input, sheet, row, col);
    if (v === undefined) {
      cell.value = "";
      cell.uncalculated = true;
    } else cell.value = v;
    return;
  }
  const t = input.trim();
  if (NUMBER.test(t)) {
    cell.value = Number(t);
    return;
  }
  const pm = PERCENT.exec(t);
  if (pm) {
    cell.value = Number(pm[1]) / 100;
    if (!cell.numberFormat || cell.numberFormat === "General") cell.numberFormat = pm[1].includes(".") ? "0.00%" : "0%";
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === "true";
    return;
  }
  if (ERROR_VALUES.includes(t.toUpperCase())) {
    cell.value = t.toUpperCase();
    cell.error = true;
    return;
  }
  cell.value = input;
}

function badArgument(detail: string): Error {
  return hostError("InvalidArgument", detail);
}

/** Checks a 2D input (or a scalar to fill the range) against the range's size. Returns a cell accessor. */
export function matrixInput(ref: RangeRef, input: unknown, what: string): (i: number, j: number) => unknown {
  const rows = rectRows(ref.rect);
  const cols = rectCols(ref.rect);
  if (!Array.isArray(input)) return () => input;
  if (input.length !== rows || !input.every((r) => Array.isArray(r) && r.length === cols)) {
    const got = Array.isArray(input[0]) ? `${input.length}x${(input[0] as unknown[]).length}` : `a 1-D array of ${input.length}`;
    throw badArgument(`${what}: the range ${qualifiedA1(ref.sheet.name, ref.rect)} is ${rows}x${cols} but the array is ${got}`);
  }
  return (i, j) => (input[i] as unknown[])[j];
}

function checkValue(v: unknown, what: string): CellValue | null {
  if (v === null) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw badArgument(`${what}: ${v} is not a value Excel can store`);
    return v;
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  throw badArgument(`${what}: ${v === undefined ? "undefined" : typeof v} is not a cell value`);
}

/** Top-left cell of a merged area it lies in, or the cell itself. */
function isHiddenByMerge(sheet: FakeSheet, row: number, col: number): boolean {
  const m = sheet.mergeAt(row, col);
  return !!m && !(m.r0 === row && m.c0 === col);
}

/** range.values = … / range.formulas = … */
export function writeValues(ref: RangeRef, input: unknown, x: Exec, what: string): void {
  const at = matrixInput(ref, input, what);
  assertWriteSize(ref, x);
  // validate everything first so a bad element leaves no partial write
  const { r0, c0 } = ref.rect;
  const rows = rectRows(ref.rect);
  const cols = rectCols(ref.rect);
  const checked: (CellValue | null)[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: (CellValue | null)[] = [];
    for (let j = 0; j < cols; j++) row.push(checkValue(at(i, j), what));
    checked.push(row);
  }
  assertWritable(ref, "cells");
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const v = checked[i][j];
      if (v === null) continue; // null leaves the cell unchanged
      if (isHiddenByMerge(ref.sheet, r0 + i, c0 + j)) continue; // only the top-left cell of a merge holds a value
      storeInput(ref.sheet.cell(r0 + i, c0 + j), v, x, ref.sheet, r0 + i, c0 + j);
    }
  ref.sheet.compactWritten();
}

export function writeNumberFormat(ref: RangeRef, input: unknown, x: Exec): void {
  const at = matrixInput(ref, input, "Range.numberFormat");
  assertWriteSize(ref, x);
  const rows = rectRows(ref.rect);
  const cols = rectCols(ref.rect);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const v = at(i, j);
      if (v !== null && typeof v !== "string") throw badArgument(`Range.numberFormat: ${typeof v} is not a number format`);
    }
  assertWritable(ref, "format");
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const v = at(i, j) as string | null;
      if (v === null) continue;
      ref.sheet.cell(ref.rect.r0 + i, ref.rect.c0 + j).numberFormat = v === "" ? "General" : v;
    }
  ref.sheet.compactWritten();
}

function cellValue(sheet: FakeSheet, row: number, col: number, x: Exec): CellValue {
  const c = sheet.peek(row, col);
  if (!c) return "";
  if (c.uncalculated) {
    const v = x.runtime.evaluateFormula?.(c.formula!, sheet, row, col);
    if (v === undefined)
      throw hostError(
        "GeneralException",
        `office-double: no value for the formula ${c.formula} in ${qualifiedA1(sheet.name, { r0: row, c0: col, r1: row, c1: col })}; seed one with sheet.setCell(..., {formula, value}) or pass evaluateFormula`,
      );
    return v;
  }
  return c.value;
}

export function readMatrix<T>(ref: RangeRef, f: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = ref.rect.r0; r <= ref.rect.r1; r++) {
    const row: T[] = [];
    for (let c = ref.rect.c0; c <= ref.rect.c1; c++) row.push(f(ref.sheet.peek(r, c), r, c));
    out.push(row);
  }
  return out;
}

export function readValues(ref: RangeRef, x: Exec): CellValue[][] {
  return readMatrix(ref, (_c, r, c) => cellValue(ref.sheet, r, c, x));
}

export function readFormulas(ref: RangeRef, x: Exec): CellValue[][] {
  return readMatrix(ref, (cell, r, c) => (cell?.formula ? cell.formula : cellValue(ref.sheet, r, c, x)));
}

export function readValueTypes(ref: RangeRef, x: Exec): string[][] {
  return readMatrix(ref, (cell, r, c) => {
    if (cell?.error) return "Error";
    const v = cellValue(ref.sheet, r, c, x);
    if (v === "") return "Empty";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    return "String";
  });
}

export function readText(ref: RangeRef, x: Exec): string[][] {
  return readMatrix(ref, (cell, r, c) => formatText(cellValue(ref.sheet, r, c, x), cell?.numberFormat ?? "General"));
}

/**
 * The common value of `f` over the cells of the range, or null when cells differ (Excel's rule for format
 * properties of multi-cell ranges). Cells the double never stored have the default.
 */
export function common<T>(ref: RangeRef, f: (cell: Cell | undefined) => T): T | null {
  let first = true;
  let value: T | null = null;
  let seen = 0;
  const take = (v: T) => {
    if (first) {
      value = v;
      first = false;
      return true;
    }
    return JSON.stringify(v) === JSON.stringify(value);
  };
  for (const [, , cell] of ref.sheet.cellsIn(ref.rect)) {
    seen++;
    if (!take(f(cell))) return null;
  }
  if (seen < rectCells(ref.rect) && !take(f(undefined))) return null;
  return value;
}

export function forEachCell(ref: RangeRef, x: Exec, fn: (cell: Cell, row: number, col: number) => void): void {
  assertWriteSize(ref, x);
  for (let r = ref.rect.r0; r <= ref.rect.r1; r++) for (let c = ref.rect.c0; c <= ref.rect.c1; c++) fn(ref.sheet.cell(r, c), r, c);
  ref.sheet.compactWritten();
}

export function fontOf(cell: Cell | undefined): FontSpec {
  return { ...DEFAULT_FONT, ...(cell?.font ?? {}) };
}

export function colorArg(v: unknown, what: string): string {
  const c = normalizeColor(v);
  if (!c) throw badArgument(`${what}: '${String(v)}' is not a colour`);
  return c;
}

export function enumArg(v: unknown, allowed: readonly string[], what: string): string {
  if (typeof v !== "string") throw badArgument(`${what}: expected one of ${allowed.join(", ")}`);
  const hit = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
  if (!hit) throw badArgument(`${what}: '${v}' is not one of ${allowed.join(", ")}`);
  return hit;
}

export function boolArg(v: unknown, what: string): boolean {
  if (typeof v !== "boolean") throw badArgument(`${what}: expected a boolean`);
  return v;
}

export function numberArg(v: unknown, what: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) throw badArgument(`${what}: ${String(v)} is out of range`);
  return v;
}

// ---- borders ----

export const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"] as const;
export const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"] as const;
export const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"] as const;

const NO_BORDER: BorderSpec = { style: "None", weight: "Thin", color: "#000000" };

const OPPOSITE: Record<string, [BorderSide, number, number]> = {
  top: ["bottom", -1, 0],
  bottom: ["top", 1, 0],
  left: ["right", 0, -1],
  right: ["left", 0, 1],
};

/** The border a cell shows on one side: its own, or the one its neighbour draws on the shared edge. */
function sideOf(sheet: FakeSheet, row: number, col: number, side: BorderSide): BorderSpec {
  const own = sheet.peek(row, col)?.borders?.[side];
  if (own) return own;
  const opp = OPPOSITE[side];
  if (opp) {
    const n = sheet.peek(row + opp[1], col + opp[2])?.borders?.[opp[0]];
    if (n) return n;
  }
  return NO_BORDER;
}

/** Cells and sides an index covers in the range. */
function borderTargets(rect: Rect, index: string): [number, number, BorderSide][] {
  const out: [number, number, BorderSide][] = [];
  const { r0, c0, r1, c1 } = rect;
  const each = (ra: number, rb: number, ca: number, cb: number, side: BorderSide) => {
    for (let r = ra; r <= rb; r++) for (let c = ca; c <= cb; c++) out.push([r, c, side]);
  };
  switch (index) {
    case "EdgeTop":
      each(r0, r0, c0, c1, "top");
      break;
    case "EdgeBottom":
      each(r1, r1, c0, c1, "bottom");
      break;
    case "EdgeLeft":
      each(r0, r1, c0, c0, "left");
      break;
    case "EdgeRight":
      each(r0, r1, c1, c1, "right");
      break;
    case "InsideHorizontal":
      each(r0, r1 - 1, c0, c1, "bottom");
      break;
    case "InsideVertical":
      each(r0, r1, c0, c1 - 1, "right");
      break;
    case "DiagonalDown":
      each(r0, r1, c0, c1, "diagonalDown");
      break;
    case "DiagonalUp":
      each(r0, r1, c0, c1, "diagonalUp");
      break;
  }
  return out;
}

export function readBorder(ref: RangeRef, index: string, field: keyof BorderSpec): string | null {
  const targets = borderTargets(ref.rect, index);
  if (targets.length === 0) return field === "style" ? "None" : null;
  if (targets.length > 100_000) return null;
  let value: string | undefined;
  for (const [r, c, side] of targets) {
    const v = sideOf(ref.sheet, r, c, side)[field];
    if (value === undefined) value = v;
    else if (v !== value) return null;
  }
  return value ?? null;
}

export function writeBorder(ref: RangeRef, index: string, field: keyof BorderSpec, value: string, x: Exec): void {
  assertWriteSize(ref, x);
  assertWritable(ref, "format");
  for (const [r, c, side] of borderTargets(ref.rect, index)) {
    const cell = ref.sheet.cell(r, c);
    const borders = (cell.borders ??= {});
    if (field === "style" && value === "None") {
      delete borders[side];
      // the neighbour's half of a shared edge goes too, like clearing the edge in Excel
      const opp = OPPOSITE[side];
      if (opp) {
        // (cell() on a cell that exists marks it for compactWritten, which drops it if left empty)
        if (ref.sheet.peek(r + opp[1], c + opp[2])?.borders) delete ref.sheet.cell(r + opp[1], c + opp[2]).borders![opp[0]];
      }
      continue;
    }
    const cur = borders[side] ?? { style: "Continuous", weight: "Thin", color: "#000000" };
    borders[side] = { ...cur, [field]: value };
  }
  ref.sheet.compactWritten();
}

// ---- display text ----

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Display text for the common formats (General, 0, 0.00, #,##0, #,##0.00, 0%, 0.00%, @). Approximate otherwise. */
export function formatText(value: CellValue, format: string): string {
  if (value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fmt = format.split(";")[0];
  if (fmt === "General" || fmt === "@") {
    if (Number.isInteger(value)) return String(value);
    return String(Number(value.toPrecision(10)));
  }
  const percent = fmt.endsWith("%");
  const core = fmt.replace(/%$/, "").replace(/[^0#,.]/g, "");
  const decimals = core.includes(".") ? core.split(".")[1].replace(/[^0#]/g, "").length : 0;
  const n = percent ? value * 100 : value;
  let s = Math.abs(n).toFixed(decimals);
  if (core.includes(",")) {
    const [i, d] = s.split(".");
    s = groupThousands(i) + (d !== undefined ? `.${d}` : "");
  }
  return (n < 0 ? "-" : "") + s + (percent ? "%" : "");
}

export function rectIsInside(outer: Rect, inner: Rect): boolean {
  return contains(outer, inner.r0, inner.c0) && contains(outer, inner.r1, inner.c1);
}

// ---- copyFrom ----

/** Shifts the relative A1 references of a formula by (dr, dc), as Excel does when it copies the formula. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula.replace(
    /("(?:[^"]|"")*")|(?<![A-Za-z_\d.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_!])/g,
    (m, str: string | undefined, colAbs: string, col: string, rowAbs: string, row: string) => {
      if (str !== undefined) return m;
      let c = columnFromLetters(col);
      let r = parseInt(row, 10) - 1;
      if (!colAbs) c += dc;
      if (!rowAbs) r += dr;
      if (c < 0 || r < 0 || c >= MAX_COLUMNS || r >= MAX_ROWS) return "#REF!";
      return `${colAbs}${columnLetters(c)}${rowAbs}${r + 1}`;
    },
  );
}

const FORMAT_KEYS = ["numberFormat", "font", "fill", "horizontalAlignment", "verticalAlignment", "wrapText", "borders", "locked"] as const;

/**
 * Range.copyFrom: contents ("Formulas"), results ("Values"), formats ("Formats") or all of them, with Excel's
 * sizing: a destination that is an exact multiple of the source repeats it, anything else takes the source's size
 * from its top-left cell. Relative references of copied formulas are shifted.
 */
export function copyRange(src: RangeRef, dest: RangeRef, copyType: string, skipBlanks: boolean, transpose: boolean, x: Exec): void {
  if (copyType === "Link") throw hostError("NotImplemented", "office-double: copyFrom(…, 'Link') is not supported");
  const sr = rectRows(src.rect);
  const sc = rectCols(src.rect);
  const tr = transpose ? sc : sr;
  const tc = transpose ? sr : sc;
  const dr = rectRows(dest.rect);
  const dc = rectCols(dest.rect);
  const rows = dr % tr === 0 ? dr : tr;
  const cols = dc % tc === 0 ? dc : tc;
  const area: RangeRef = { sheet: dest.sheet, rect: { r0: dest.rect.r0, c0: dest.rect.c0, r1: dest.rect.r0 + rows - 1, c1: dest.rect.c0 + cols - 1 } };
  if (area.rect.r1 >= MAX_ROWS || area.rect.c1 >= MAX_COLUMNS) throw badArgument("copyFrom: the destination falls outside the sheet");
  assertWriteSize(area, x);
  const contents = copyType === "All" || copyType === "Formulas" || copyType === "Values";
  const formats = copyType === "All" || copyType === "Formats";
  if (contents) assertWritable(area, "cells");
  if (formats) assertWritable(area, "format");
  // read the whole source first: source and destination may overlap
  const source: (Cell | undefined)[][] = readMatrix(src, (c) => (c ? (JSON.parse(JSON.stringify(c)) as Cell) : undefined));
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const si = transpose ? j % sr : i % sr;
      const sj = transpose ? i % sc : j % sc;
      const s = source[si][sj];
      const blank = !s || (s.value === "" && !s.formula);
      if (skipBlanks && blank) continue;
      const row = area.rect.r0 + i;
      const col = area.rect.c0 + j;
      if (contents && isHiddenByMerge(dest.sheet, row, col)) continue;
      const d = dest.sheet.cell(row, col);
      if (contents) {
        delete d.formula;
        delete d.error;
        delete d.uncalculated;
        d.value = s?.value ?? "";
        if (s?.error) d.error = true;
        if (s?.formula && copyType !== "Values") {
          const shifted = shiftFormula(s.formula, row - (src.rect.r0 + si), col - (src.rect.c0 + sj));
          d.formula = shifted;
          if (shifted !== s.formula || s.uncalculated) {
            const v = x.runtime.evaluateFormula?.(shifted, dest.sheet, row, col);
            if (v === undefined) {
              d.value = "";
              d.uncalculated = true;
              delete d.error;
            } else d.value = v;
          }
        } else if (s?.uncalculated) cellValue(src.sheet, src.rect.r0 + si, src.rect.c0 + sj, x);
      }
      if (formats) {
        for (const k of FORMAT_KEYS) delete d[k];
        if (s) for (const k of FORMAT_KEYS) if (s[k] !== undefined) (d as unknown as Record<string, unknown>)[k] = JSON.parse(JSON.stringify(s[k]));
      }
    }
  dest.sheet.compactWritten();
}
