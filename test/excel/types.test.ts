/** A finding as the pane shows it (findingView in types.ts, the module of the use cases' outcomes). */
import { makeFinding } from "../../src/core/findings/findings";
import { scoreSheet } from "../../src/core/grid/scoring";
import { presetRules } from "../../src/core/rules/rules";
import { findingView } from "../../src/excel/types";
import { referenceSheet } from "../fixtures/reference";
import { SHEET } from "./helpers";

describe("findingView", () => {
  const values = referenceSheet();
  const result = scoreSheet(values, presetRules());
  if (!result.ok) throw new Error(result.error.message);
  const over = result.findings.find((f) => f.code === "aboveMax")!;

  it("a finding on the grid: on the grid's sheet at its cell, in both languages; with the result, what correcting it would change", () => {
    const view = findingView(SHEET, over, { result, values });
    expect(view).toMatchObject({ sheet: SHEET, cell: over.cell, severity: "error", code: "aboveMax", agency: "Văn phòng UBND tỉnh", message: over.message });
    expect(view.messageEn).not.toBe(view.message);
    expect(view.messageEn).toContain(over.cell);
    expect(view.ifCorrected).toBe("Nếu sửa 55 → 50: Tổng 337,7; Chỉ số 0,848; Khá (thay vì Tốt); hạng 8 (thay vì 6).");
    expect(view.ifCorrectedEn).toBe("Correcting 55 → 50: Total 337.7; Index 0.848; Khá (instead of Tốt); rank 8 (instead of 6).");
    // Without the result, no correction is claimed.
    expect(findingView(SHEET, over)).not.toHaveProperty("ifCorrected");
  });

  it("a finding on another sheet (the ledger's) is selected on that sheet at its own address", () => {
    const f = makeFinding("negative", 4, 3, { row: 0, col: 0 }, { agency: "Sở A", group: "1.2", value: "-1", detail: "" }, "Chấm điểm chi tiết");
    expect(f.cell).toBe("'Chấm điểm chi tiết'!D5");
    expect(findingView(SHEET, f)).toMatchObject({ sheet: "Chấm điểm chi tiết", cell: "D5" });
  });

  it("text in a legacy encoding carries the cells “Chuyển mã” converts; other findings carry none", () => {
    const f = {
      ...makeFinding("legacyText", 9, 8, { row: 0, col: 0 }, { agency: "", group: "", value: "Kh«ng TTHC", detail: "", encoding: "tcvn3" }),
      cells: ["I10", "B12"],
    };
    expect(findingView(SHEET, f).convertible).toEqual(["I10", "B12"]);
    expect(findingView(SHEET, over)).not.toHaveProperty("convertible");
  });
});
