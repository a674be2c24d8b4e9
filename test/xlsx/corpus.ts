/**
 * The corpus's hand-written workbook (openpyxl's layout): the reference grid with validation and
 * conditional formats, a notes sheet with CR LF text and a pivot table, a hidden and a very hidden
 * sheet, a chart, an image, a comment, defined names.
 */
import { referenceSheet } from "../fixtures/reference";
import { FixtureCell, openpyxlStyle } from "./ooxml";

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
