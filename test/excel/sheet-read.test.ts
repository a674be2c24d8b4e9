import { referenceSheet } from "../fixtures/reference";
import { runScoring } from "../../src/excel/scoring";
import { referenceDouble } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("bad input: a clear message naming the cells, nothing written", () => {
  /** Refused in both languages (the English twin with no Vietnamese sentence in it), nothing written. */
  const expectNothingWritten = async (setup: ReturnType<typeof referenceDouble>, pattern: RegExp, patternEn: RegExp) => {
    const before = setup.double.workbook.snapshot();
    const outcome = await runScoring("pane");
    expect(outcome.kind).toBe("refused");
    if (outcome.kind === "refused") {
      expect(outcome.message).toMatch(pattern);
      expect(outcome.messageEn).toMatch(patternEn);
      expect(outcome.messageEn).not.toMatch(/Hãy|Chưa|Không|Trang tính/);
    }
    expect(setup.double.workbook.snapshot()).toEqual(before);
    return outcome;
  };

  it("empty sheet", async () => {
    const setup = referenceDouble(20, { values: [[""]] });
    restore = setup.restore;
    await expectNothingWritten(
      setup,
      /trống/,
      /^Sheet “Chấm điểm 2020”: The sheet is empty\. Open the sheet with the score table .* and click “Score” again\.$/,
    );
  });

  it("no grid: says what was looked for and what was seen", async () => {
    const setup = referenceDouble(20, {
      values: [
        ["Họ và tên", "Điểm thi"],
        ["Nguyễn Văn A", 8],
      ],
    });
    restore = setup.restore;
    await expectNothingWritten(
      setup,
      /Cần các cột: “Hạ tầng kỹ thuật”.*Dòng 1 có: “Họ và tên”, “Điểm thi”/,
      /The columns needed are “Hạ tầng kỹ thuật”.*Row 1 has “Họ và tên”, “Điểm thi”\. Missing: .*Correct the column headers/,
    );
  });

  it("protected sheet", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    setup.ws.protect();
    await expectNothingWritten(
      setup,
      /đang được bảo vệ.*Bỏ bảo vệ trang tính.*Chưa có ô nào bị thay đổi/,
      /^Sheet “Chấm điểm 2020” is protected, so the results cannot be written\. Unprotect it \(Review → Unprotect Sheet\) and click “Score” again\. No cell has been changed\.$/,
    );
  });

  it("foreign content in a result column: names the cells", async () => {
    const values = referenceSheet().map((r, i) => [...r, i === 3 ? "Tổng điểm" : i === 8 ? "xem lại" : i === 9 ? "" : ""]);
    const setup = referenceDouble(20, { values });
    restore = setup.restore;
    setup.ws.setCell("J10", { formula: "=SUM(C10:H10)", value: 342.7 });
    const outcome = await expectNothingWritten(
      setup,
      /J9, J10.*Chưa có ô nào bị thay đổi/,
      /^The results were not written: .* in J9, J10\. Move that content to another column or delete it, then click “Score” again\. No cell has been changed\.$/,
    );
    expect(outcome.kind === "refused" && outcome.cells).toEqual(["J9", "J10"]);
  });

  it("#N/A in a score cell: scored without that agency, the cell named", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    setup.ws.setCell("D6", { error: "#N/A" });
    const outcome = await runScoring("pane");
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome.findings.map((f) => [f.cell, f.code])).toEqual([
      ["D6", "errorValue"],
      ["H10", "aboveMax"],
    ]);
    expect(setup.ws.getValues("J6:M6")).toEqual([["", "", "", ""]]);
    expect(setup.ws.getValues("M5:M7")).toEqual([[1], [""], [2]]);
  });
});
