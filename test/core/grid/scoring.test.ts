import { formatVi } from "../../../src/core/base/decimal";
import { presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { oneGroupRules, oneGroupSheet, presetWith, simpleSheet } from "../helpers";

/** Index and class of one agency scoring `score` out of 100 (one group, index = score ÷ 100). */
function oneGroup(score: number | string, classifyOn: "roundedIndex" | "exactIndex" = "roundedIndex") {
  const result = scoreSheet(oneGroupSheet([["Sở A", score]]), oneGroupRules({ classifyOn }));
  if (!result.ok) throw new Error(result.error.message);
  const [row] = result.rows;
  return { index: formatVi(row.index!, 3), className: row.className };
}

describe("class bands (Tốt ≥ 0,85; Khá ≥ 0,70; Trung bình below)", () => {
  it.each<[number, string, string]>([
    [100, "1,000", "Tốt"],
    [85, "0,850", "Tốt"],
    [84.9, "0,849", "Khá"],
    [70, "0,700", "Khá"],
    [69.9, "0,699", "Trung bình"],
    [0, "0,000", "Trung bình"],
  ])("%p of 100 → %s %s", (score, index, className) => {
    expect(oneGroup(score)).toEqual({ index, className });
  });

  it("classifies on the rounded index by default: 0,8495 rounds to 0,850 → Tốt", () => {
    expect(oneGroup(84.95)).toEqual({ index: "0,850", className: "Tốt" });
    expect(oneGroup(69.95)).toEqual({ index: "0,700", className: "Khá" });
    expect(oneGroup(69.949)).toEqual({ index: "0,699", className: "Trung bình" });
  });

  it("classifyOn exactIndex uses the unrounded quotient: 0,8495 → Khá although it shows 0,850", () => {
    expect(oneGroup(84.95, "exactIndex")).toEqual({ index: "0,850", className: "Khá" });
    expect(oneGroup(85, "exactIndex")).toEqual({ index: "0,850", className: "Tốt" });
    expect(oneGroup(69.95, "exactIndex")).toEqual({ index: "0,700", className: "Trung bình" });
    expect(oneGroup(70, "exactIndex")).toEqual({ index: "0,700", className: "Khá" });
  });

  it("on the 498-point preset: exactly 0,85 (423,3 points) is Tốt, 0,849 is Khá, 348,6 (0,70) Khá", () => {
    const result = scoreSheet(
      simpleSheet([
        { name: "Đúng 0,85", scores: [50, 100, 73.3, 100, 50, 50] }, // 423,3 / 498 = 0,85
        { name: "0,849", scores: [50, 100, 72.8, 100, 50, 50] }, // 422,8 / 498 = 0,84899…
        { name: "0,70", scores: [50, 100, 48.6, 50, 50, 50] }, // 348,6 / 498 = 0,7
        { name: "0,6998", scores: [50, 100, 48.5, 50, 50, 50] }, // 348,5 / 498 = 0,69979… → 0,700
        { name: "0,699", scores: [50, 100, 48, 50, 50, 50] }, // 348 / 498 = 0,69879… → 0,699
      ]),
      presetRules(),
    );
    if (!result.ok) throw new Error("grid");
    expect(result.rows.map((r) => [formatVi(r.total!), formatVi(r.index!, 3), r.className])).toEqual([
      ["423,3", "0,850", "Tốt"],
      ["422,8", "0,849", "Khá"],
      ["348,6", "0,700", "Khá"],
      ["348,5", "0,700", "Khá"],
      ["348", "0,699", "Trung bình"],
    ]);
    const exact = scoreSheet(simpleSheet([{ name: "0,6998", scores: [50, 100, 48.5, 50, 50, 50] }]), presetWith({ classifyOn: "exactIndex" }));
    if (!exact.ok) throw new Error("grid");
    expect(exact.rows[0].className).toBe("Trung bình");
  });

  it("a fourth band Yếu < 0,50 and the summary counts every band", () => {
    const rules = oneGroupRules({
      classes: [
        { name: "Tốt", minIndex: "0.85" },
        { name: "Khá", minIndex: "0.70" },
        { name: "Trung bình", minIndex: "0.5" },
        { name: "Yếu", minIndex: 0 },
      ],
    });
    const result = scoreSheet(
      oneGroupSheet([
        ["A", 90],
        ["B", 50],
        ["C", 49.9],
        ["D", 49.95],
        ["E", 0],
      ]),
      rules,
    );
    if (!result.ok) throw new Error("grid");
    expect(result.rows.map((r) => r.className)).toEqual(["Tốt", "Trung bình", "Yếu", "Trung bình", "Yếu"]);
    expect(result.summary.byClass).toEqual([
      { name: "Tốt", count: 1 },
      { name: "Khá", count: 0 },
      { name: "Trung bình", count: 2 },
      { name: "Yếu", count: 2 },
    ]);
  });

  it("a negative total (a negative score) still gets the last band; the full maximum gets the first", () => {
    const result = scoreSheet(
      simpleSheet([
        { name: "Âm", scores: [-5, 0, 0, 0, 0, 0] },
        { name: "Đủ", scores: [50, 100, 98, 100, 100, 50] },
      ]),
      presetRules(),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.rows.map((r) => [r.name, formatVi(r.total!), formatVi(r.index!, 3), r.className])).toEqual([
      ["Âm", "-5", "-0,010", "Trung bình"],
      ["Đủ", "498", "1,000", "Tốt"],
    ]);
  });
});
