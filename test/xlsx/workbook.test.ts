import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { readSheet } from "../../src/cli/workbook";
import { PackageError } from "../../src/xlsx/package";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { Splitter } from "../../src/xlsx/xml";
import { referenceSheet } from "../fixtures/reference";
import { openpyxlStyle } from "./ooxml";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");

describe("the streaming reader", () => {
  it.each(fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")))("reads %s as ExcelJS reads it (values and formulas of every sheet)", async (file) => {
    const bytes = fs.readFileSync(path.join(EXAMPLES, file));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const mine = XlsxWorkbook.open(bytes);
    expect(mine.sheets.map((s) => [s.name, s.state])).toEqual(wb.worksheets.map((w) => [w.name, w.state]));
    for (const ws of wb.worksheets) {
      const theirs = readSheet(ws);
      const read = mine.readSheet(ws.name);
      expect(read.values).toEqual(theirs.values);
      expect(read.formulas).toEqual(theirs.formulas);
    }
  });

  it("reads an openpyxl-style package: absolute part paths, inline strings, no shared strings, hidden sheets", () => {
    const bytes = openpyxlStyle(
      [
        { name: "Bảng điểm", rows: referenceSheet() as never },
        { name: "Ghi chép", rows: [["Dòng một\r\nDòng hai", { num: "1.797693134862316e+308" }, { num: "1E+400" }]] },
        { name: "Ẩn", rows: [["ẩn"]], state: "hidden" },
        { name: "Ẩn hẳn", rows: [["ẩn hẳn"]], state: "veryHidden" },
      ],
      { withChart: true, withComment: true },
    );
    const wb = XlsxWorkbook.open(bytes);
    expect(wb.sheets.map((s) => [s.name, s.state, s.part])).toEqual([
      ["Bảng điểm", "visible", "xl/worksheets/sheet1.xml"],
      ["Ghi chép", "visible", "xl/worksheets/sheet2.xml"],
      ["Ẩn", "hidden", "xl/worksheets/sheet3.xml"],
      ["Ẩn hẳn", "veryHidden", "xl/worksheets/sheet4.xml"],
    ]);
    expect(wb.readSheet("Bảng điểm").values).toEqual(referenceSheet().map((row) => trimRow(row)));
    expect(wb.readSheet("Ghi chép").values).toEqual([["Dòng một\r\nDòng hai", Number("1.797693134862316e+308"), Infinity]]);
  });

  it("keeps far cells sparse, reads merged cells as Office.js does, and rows and cells without their reference", () => {
    const bytes = openpyxlStyle([
      {
        name: "S",
        rows: [
          ["a", "b", "c"],
          [1, 2, 3],
        ],
        afterData: `<mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>`,
      },
    ]);
    const wb = XlsxWorkbook.open(bytes);
    expect(wb.readSheet("S").values).toEqual([
      ["a", "b", "c"],
      [1, "", 3],
    ]);
    const far = openpyxlStyle([{ name: "S", rows: [["x"]] }]);
    const text = new TextDecoder().decode(XlsxWorkbook.open(far).pkg.read("xl/worksheets/sheet1.xml"));
    expect(text).toContain('<c r="A1"');
    const values = readXml(
      text.replace("</sheetData>", `<row r="1048576"><c r="XFD1048576"><v>7</v></c></row><row><c><v>1</v></c><c t="b"><v>1</v></c></row></sheetData>`),
    );
    expect(values.length).toBe(1048576);
    expect(values[1]).toBe(values[2]); // one shared empty row for all the rows between
    expect(values[1048575].length).toBe(16384);
    expect(values[1048575][16383]).toBe(7);
  });
});

const trimRow = (row: unknown[]) => {
  const out = [...row];
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
};

/** A sheet part's text read through the reader (inside a one-sheet package). */
function readXml(sheet: string): unknown[][] {
  const bytes = openpyxlStyle([{ name: "S", rows: [] }]);
  const wb = XlsxWorkbook.open(bytes);
  const pkg = wb.pkg;
  const original = pkg.stream.bind(pkg);
  (pkg as { stream: typeof pkg.stream }).stream = (name, onData) =>
    name.endsWith("sheet1.xml") ? onData(new TextEncoder().encode(sheet)) : original(name, onData);
  return wb.readSheet("S").values;
}

describe("the splitter", () => {
  const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
  const xml = `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

  it.each([1, 7, 1000, 70_000])("hands out whole rows, the text unchanged, whatever the push size (%i)", (size) => {
    const pieces: string[] = [];
    const splitter = new Splitter("row", (p) => pieces.push(p), "xl/worksheets/sheet1.xml");
    for (let i = 0; i < xml.length; i += size) splitter.push(xml.slice(i, i + size));
    splitter.flush();
    expect(pieces.join("")).toBe(xml);
    for (const p of pieces.slice(0, -1)) expect(p).toMatch(/<\/row>$/);
    if (size < 65536) expect(pieces.length).toBeGreaterThan(1);
  });

  it("stops text that never closes a row (a bomb of zeros) at its limit, naming the part, without holding more", () => {
    const splitter = new Splitter("row", () => undefined, "xl/worksheets/sheet1.xml", 2 ** 20);
    const zeros = "\u0000".repeat(16384);
    let pushed = 0;
    const push = () => {
      for (; pushed < 2 ** 22; pushed += zeros.length) splitter.push(zeros);
    };
    expect(push).toThrow(PackageError);
    expect(pushed).toBeLessThanOrEqual(2 ** 20 + zeros.length);
    let error: unknown = null;
    try {
      new Splitter("si", () => undefined, "xl/sharedStrings.xml", 2 ** 17).push("x".repeat(2 ** 18));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).problem).toMatchObject({ code: "tooLarge", part: "xl/sharedStrings.xml" });
  });
});
