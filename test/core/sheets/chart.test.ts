import { chartDescription, chartSvg, placeBandLabels } from "../../../src/core/sheets/chart";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { presetRules, Rules } from "../../../src/core/rules/rules";
import { referenceSheet } from "../../fixtures/reference";
import { presetWith } from "../helpers";

const describeWith = (rules: Rules) => {
  const scored = scoreSheet(referenceSheet(), rules);
  if (!scored.ok) throw new Error(scored.error.message);
  return chartDescription(scored, "vi");
};
const x = (v: number) => 440 + v * 520;
const WIDTH = 1030;

describe("the SVG chart's class bands", () => {
  it("names the lowest band by its upper edge (“< 0,70”), the others by their minimum", () => {
    const labels = placeBandLabels(describeWith(presetRules()), x, WIDTH);
    expect(labels.map((l) => l.text)).toEqual(["Tốt (≥ 0,85)", "Khá (≥ 0,70)", "Trung bình (< 0,70)"]);
    const svg = chartSvg(describeWith(presetRules()));
    expect(svg).toContain("Trung bình (&lt; 0,70)");
    expect(svg).not.toContain("≥ 0,00");
  });

  it("narrow bands: no two names overlap and none leaves the picture (names move to a line above)", () => {
    const narrow = presetWith({
      classes: [
        { name: "Tốt", minIndex: "0.95" },
        { name: "Khá", minIndex: "0.90" },
        { name: "Trung bình", minIndex: "0.80" },
        { name: "Yếu", minIndex: 0 },
      ],
    });
    const labels = placeBandLabels(describeWith(narrow), x, WIDTH);
    const boxes = labels.map((l) => ({ line: l.line, from: l.center - (l.text.length * 8) / 2, to: l.center + (l.text.length * 8) / 2 }));
    for (const b of boxes) expect([b.from >= 0, b.to <= WIDTH]).toEqual([true, true]);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (boxes[i].line === boxes[j].line) expect(boxes[i].from >= boxes[j].to || boxes[j].from >= boxes[i].to).toBe(true);
    expect(Math.max(...labels.map((l) => l.line))).toBeGreaterThan(0);
    // The plot moves down by the extra lines: the title keeps its place, the names stay below it.
    const svg = chartSvg(describeWith(narrow));
    const ys = [...svg.matchAll(/<text x="[\d.]+" y="(\d+)" text-anchor="middle" font-weight="bold"/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeGreaterThan(40);
  });
});
