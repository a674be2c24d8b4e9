import { Dec, fromNumber, fromString } from "./decimal";

/** Excel's error values as Office.js returns them in `values` (text beginning with "#"). */
export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
] as const;

const ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);

export type ParsedCell =
  { kind: "blank" } | { kind: "number"; value: Dec; fromText: boolean } | { kind: "error"; code: string } | { kind: "invalid"; text: string };

const BLANK: ParsedCell = { kind: "blank" };
const VI_NUMBER = /^([+-]?)(\d+(?:[.,]\d*)?|[.,]\d+)$/;

const NOT_SPACE = /[^\s\u00a0\u200b]/;

/** Whether a cell value is empty (null, undefined, "" or only spaces). */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return !NOT_SPACE.test(value);
  return false;
}

/** Whether a cell value is one of Excel's error values (#N/A, #DIV/0! …). */
export function isExcelError(value: unknown): boolean {
  return typeof value === "string" && ERROR_SET.has(value.trim().toUpperCase());
}

/**
 * A score cell as the user meant it: numeric cells as they are; text such as "99,1", "99.1" or
 * " 81,05 " as Vietnamese users write it; error values and any other text are reported, never
 * read as 0.
 */
export function parseScore(value: unknown): ParsedCell {
  if (typeof value === "number") {
    const dec = fromNumber(value);
    return dec ? { kind: "number", value: dec, fromText: false } : { kind: "invalid", text: String(value) };
  }
  if (isBlank(value)) return BLANK;
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "TRUE" : "FALSE" };
  if (typeof value !== "string") return { kind: "invalid", text: String(value) };
  if (isExcelError(value)) return { kind: "error", code: value.trim().toUpperCase() };
  const text = value.replace(/[\s\u00a0\u200b]+/g, "");
  const match = VI_NUMBER.exec(text);
  if (match) {
    const dec = fromString(match[1] + match[2].replace(",", "."));
    if (dec) return { kind: "number", value: dec, fromText: true };
  }
  return { kind: "invalid", text: value.trim() };
}

/** Text shown for a cell value in messages ("abc", 55, #N/A). */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  return String(value).trim();
}
