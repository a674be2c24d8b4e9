import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { readSheet } from "../../src/cli/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
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
