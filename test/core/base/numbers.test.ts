import fc from "fast-check";
import { toString } from "../../../src/core/base/decimal";
import { D } from "../helpers";
import { displayValue, EXCEL_ERRORS, isBlank, isExcelError, parseScore, ParsedCell } from "../../../src/core/base/numbers";

const shown = (p: ParsedCell): string =>
  p.kind === "number"
    ? `number ${toString(p.value)}${p.fromText ? " (text)" : ""}`
    : p.kind === "error"
      ? `error ${p.code}`
      : p.kind === "invalid"
        ? `invalid “${p.text}”`
        : "blank";

describe("parseScore: what a score cell means", () => {
  it.each<[unknown, string]>([
    // numbers, as Office.js returns number cells
    [81.05, "number 81.05"],
    [0, "number 0"],
    [-0, "number 0"],
    [0.1 + 0.2, "number 0.3"],
    [-5, "number -5"],
    // text as Vietnamese users type it: decimal comma or dot, spaces around
    [" 81,05 ", "number 81.05 (text)"],
    ["99.1", "number 99.1 (text)"],
    ["99,1", "number 99.1 (text)"],
    [",5", "number 0.5 (text)"],
    [".5", "number 0.5 (text)"],
    ["99,", "number 99 (text)"],
    ["+7", "number 7 (text)"],
    ["-7,5", "number -7.5 (text)"],
    ["\u00a050\u00a0", "number 50 (text)"],
    ["50\n", "number 50 (text)"],
    // spaces inside are dropped too (a space typed as a thousands gap)
    ["1 000", "number 1000 (text)"],
    // not numbers: scientific notation as text, thousands separators, two separators, words
    ["1e3", "invalid “1e3”"],
    ["1E3", "invalid “1E3”"],
    ["1.234,5", "invalid “1.234,5”"],
    ["1,234,5", "invalid “1,234,5”"],
    ["abc", "invalid “abc”"],
    ["81,05 điểm", "invalid “81,05 điểm”"],
    ["-", "invalid “-”"],
    [",", "invalid “,”"],
    ["0x10", "invalid “0x10”"],
    ["Infinity", "invalid “Infinity”"],
    ["NaN", "invalid “NaN”"],
    [true, "invalid “TRUE”"],
    [false, "invalid “FALSE”"],
    [NaN, "invalid “NaN”"],
    [Infinity, "invalid “Infinity”"],
    [{}, "invalid “[object Object]”"],
    // Excel's error values, in any case and with spaces
    ["#N/A", "error #N/A"],
    ["#n/a", "error #N/A"],
    [" #DIV/0! ", "error #DIV/0!"],
    ["#VALUE!", "error #VALUE!"],
    ["#REF!", "error #REF!"],
    ["#SPILL!", "error #SPILL!"],
    ["#Khác", "invalid “#Khác”"],
    // blank
    [null, "blank"],
    [undefined, "blank"],
    ["", "blank"],
    ["   ", "blank"],
    ["\u00a0\u200b", "blank"],
  ])("%p → %s", (value, expected) => {
    expect(shown(parseScore(value))).toBe(expected);
  });

  it("never reads text, errors or booleans as 0", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom<unknown>(...EXCEL_ERRORS, true, false, "abc", "#N/A", "không", "-", "--0", "0,0,0", "O", "o")),
        (value) => {
          const p = parseScore(value);
          if (p.kind !== "number") return;
          // Only text that is a decimal number may give a number, and then the number it says.
          const text = String(value).replace(/[\s\u00a0\u200b]+/g, "");
          expect(text).toMatch(/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/);
          expect(Number(text.replace(",", "."))).toBe(Number(toString(p.value)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reads every number a user types with a comma or a dot to the same value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.constantFrom(",", "."), fc.constantFrom("", " ", "  "), (cents, sep, pad) => {
        const text = `${pad}${Math.trunc(cents / 100)}${sep}${String(cents % 100).padStart(2, "0")}${pad}`;
        const p = parseScore(text);
        expect(p.kind).toBe("number");
        if (p.kind === "number") {
          expect(p.fromText).toBe(true);
          expect(toString(p.value)).toBe(new D(cents).div(100).toFixed());
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("cell helpers", () => {
  it("isBlank", () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank(" \n\t\u00a0")).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
    expect(isBlank("0")).toBe(false);
  });

  it("isExcelError", () => {
    for (const e of EXCEL_ERRORS) expect(isExcelError(e)).toBe(true);
    expect(isExcelError("#div/0!")).toBe(true);
    expect(isExcelError("#")).toBe(false);
    expect(isExcelError("N/A")).toBe(false);
    expect(isExcelError(42)).toBe(false);
  });

  it("displayValue shows numbers with a decimal comma and text trimmed", () => {
    expect(displayValue(55)).toBe("55");
    expect(displayValue(81.05)).toBe("81,05");
    expect(displayValue(-5)).toBe("-5");
    expect(displayValue("  abc ")).toBe("abc");
    expect(displayValue(null)).toBe("");
    expect(displayValue(true)).toBe("true");
  });
});
