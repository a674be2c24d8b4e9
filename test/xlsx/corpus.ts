/**
 * The corpus, made by two independent writers: hand-written OOXML in openpyxl's layout (the reference
 * grid with validation and conditional formats, a notes sheet with CR LF text and a pivot table, a
 * hidden and a very hidden sheet, a chart, an image, a comment, defined names) and ExcelJS (the same
 * shapes as ExcelJS writes them: a note, validation, conditional formats, an image, a name, CR LF
 * text, hidden and very hidden sheets); and the check every command's output is held to.
 */
import * as ExcelJS from "exceljs";
import { referenceSheet } from "../fixtures/reference";
import { partName, XlsxPackage } from "../../src/xlsx/package";
import { FixtureCell, openpyxlStyle, PNG } from "./ooxml";

const VALIDATION = `<dataValidations count="1"><dataValidation type="decimal" operator="between" allowBlank="1" sqref="C5:C23"><formula1>0</formula1><formula2>50</formula2></dataValidation></dataValidations>`;
const CONDITIONAL = `<conditionalFormatting sqref="D5:D23"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>90</formula></cfRule></conditionalFormatting>`;
const NAMES = `<definedName name="DiemHaTang">'Bảng điểm'!$C$5:$C$23</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'Ghi chép'!$A$1:$C$3</definedName>`;

/**
 * The reference grid, a notes sheet with CR LF text and a pivot table, a hidden and a very hidden
 * sheet; a chart, an image, a comment, names, validation, conditional formats.
 */
export function openpyxlCorpus(grid: FixtureCell[][] = referenceSheet() as FixtureCell[][]): Uint8Array {
  return openpyxlStyle(
    [
      { name: "Bảng điểm", rows: grid, afterData: `${CONDITIONAL}${VALIDATION}` },
      {
        name: "Ghi chép",
        rows: [
          ["Dòng một\r\nDòng hai", null, null, "Khối", "Tổng Số", null, "Khối", "Số"],
          ["Ghi chú\r\ncuối", null, null, "Huyện", 2, null, "Sở", 1],
          [null, null, null, "Sở", 1, null, "Huyện", 2],
          [null, null, null, "Tổng cộng", 3],
        ],
      },
      { name: "Ẩn", rows: [["ẩn"]], state: "hidden" },
      { name: "Ẩn hẳn", rows: [["ẩn hẳn"]], state: "veryHidden" },
    ],
    { withChart: true, withComment: true, withImage: true, pivotOnSheet: 1, definedNames: NAMES },
  );
}

/** The reference grid and its companions as ExcelJS writes them. */
export async function excelJsCorpus(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng điểm");
  ws.addRows(referenceSheet());
  ws.getCell("B5").note = "Đã kiểm tra hồ sơ";
  ws.getCell("C5").dataValidation = { type: "decimal", operator: "between", formulae: [0, 50], allowBlank: true };
  ws.addConditionalFormatting({
    ref: "D5:D23",
    rules: [{ type: "cellIs", operator: "greaterThan", formulae: [90], priority: 1, style: { font: { bold: true } } }],
  });
  ws.getCell("C5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  ws.addImage(wb.addImage({ buffer: Buffer.from(PNG) as never, extension: "png" }), { tl: { col: 12, row: 20 }, ext: { width: 100, height: 100 } });
  wb.definedNames.add("'Bảng điểm'!$C$5:$C$23", "DiemHaTang");
  wb.addWorksheet("Ghi chép").addRows([["Dòng một\r\nDòng hai"]]);
  wb.addWorksheet("Ẩn", { state: "hidden" }).addRow(["ẩn"]);
  wb.addWorksheet("Ẩn hẳn", { state: "veryHidden" }).addRow(["ẩn hẳn"]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * Every entry of `before` but the `owned` parts is in `after` with the very bytes it was stored with
 * (compressed, so its content too) and the same checksum. Returns how many were compared.
 */
export function expectUnownedIdentical(before: XlsxPackage, after: XlsxPackage, owned: Iterable<string>): number {
  const skip = new Set([...owned].map((p) => partName(p).toLowerCase()));
  let compared = 0;
  for (const e of before.entries) {
    const name = partName(e.name);
    if (skip.has(name.toLowerCase())) continue;
    const out = after.entry(name);
    expect([name, out !== null]).toEqual([name, true]);
    expect([name, Buffer.from(after.raw(out!)).equals(Buffer.from(before.raw(e))), out!.crc === e.crc]).toEqual([name, true, true]);
    compared++;
  }
  return compared;
}
