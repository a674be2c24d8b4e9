import { Scored } from "../../../src/core/findings/explain";
import { presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { checkStale, staleFinding } from "../../../src/core/grid/stale";
import { findingMessage } from "../../../src/core/findings/findings";
import { simpleSheet } from "../helpers";

const score = (values: unknown[][]): Scored => {
  const r = scoreSheet(values, presetRules());
  if (!r.ok) throw new Error(r.error.message);
  return r;
};
const agency = (name: string, t: number) => ({ name, scores: [t, 80, 80, 80, 80, 40] });

describe("stale results", () => {
  const values = simpleSheet([agency("A", 50), agency("B", 40)]).map((r, i) => [...r, ...(i === 0 ? ["Tổng điểm", "Chỉ số", "Phân loại", "Xếp hạng"] : [])]);
  // Results as "Tính điểm" wrote them: A 410 / 498 → 0,823 Khá 1; B 400 → 0,803 Khá 2.
  values[1].push(410, 0.823, "Khá", 1);
  values[2].push(400, 0.803, "Khá", 2);

  it("results matching the scores are not stale", () => {
    expect(checkStale(values, score(values))).toEqual({ stale: false, hasResults: true, agencies: [] });
  });

  it("a score edited after Tính điểm makes the agency's results stale, naming the cells", () => {
    const edited = values.map((r) => [...r]);
    edited[2][2] = 50; // B's Hạ tầng 40 → 50: 410, tied with A at rank 1
    const check = checkStale(edited, score(edited));
    expect(check.stale).toBe(true);
    expect(check.agencies).toEqual([{ row: 2, name: "B", cells: ["J3", "K3", "M3"] }]);
    const f = staleFinding(check)!;
    expect([f.code, f.severity, f.cell]).toEqual(["staleResults", "warning", "J3"]);
    expect(findingMessage(f, "vi")).toContain("không khớp với điểm hiện tại của B (các ô J3, K3, M3)");
    expect(findingMessage(f, "en")).toContain("do not match the current scores of B (cells J3, K3, M3)");
  });

  it("blank result columns were never computed: not stale", () => {
    const blank = values.map((r, i) => (i === 0 ? r : [...r.slice(0, 9), "", "", "", ""]));
    expect(checkStale(blank, score(blank)).stale).toBe(false);
  });

  it("a result left on an agency that can no longer be scored is stale", () => {
    const broken = values.map((r) => [...r]);
    broken[1][3] = "";
    expect(checkStale(broken, score(broken)).agencies.map((a) => a.name)).toEqual(["A", "B"]);
  });
});
